"""Comments and share links in a real browser: nothing leaves the page before the reader asks."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest

from tests.browsing import serving
from tests.sitebuilder import BuiltSite, build_site, post

# Importing test_browser skips this module too where Playwright or chromium is missing.
from tests.test_browser import browser

__all__ = ["browser"]  # The module-scoped browser fixture, shared with test_browser.

pytestmark = pytest.mark.slow


GISCUS_STUB = (
    "window.__giscusTheme = document.currentScript.getAttribute('data-theme');"
    "document.currentScript.insertAdjacentHTML('afterend', '<p class=\"stub-thread\">thread</p>');"
)
POST_PATH = "blog/2024/03/01/talk-to-me/"


def comment_site(root: Path, scheme: str, theme: str) -> BuiltSite:
    theme_config: dict[str, Any] = {"name": theme}
    if theme == "material":
        theme_config["palette"] = {"scheme": scheme}
    return build_site(
        root,
        {
            "theme": theme_config,
            "plugins": [
                {
                    "llmblog": {
                        "comments": {
                            "provider": "giscus",
                            "repo": "ada/blog",
                            "repo_id": "R_1",
                            "category": "Comments",
                            "category_id": "C_1",
                        }
                    }
                }
            ],
        },
        {
            "index.md": "# Home\n",
            "blog/posts/talk.md": post(
                {"date": "2024-03-01", "title": "Talk to me"}, "A post to talk about.\n" * 5
            ),
        },
    )


@pytest.fixture
def serve() -> Iterator[Any]:
    with ExitStack() as stack:
        yield lambda site: stack.enter_context(serving(site.site_dir))


@pytest.mark.parametrize(
    ("theme", "scheme", "expected_theme"),
    [
        ("material", "default", "light"),
        ("material", "slate", "dark"),
        ("mkdocs", "light", "light"),
        ("readthedocs", "dark", "dark"),  # the reader's own preference, where the theme has none
    ],
)
def test_comments_load_only_after_the_click_in_the_palettes_theme(
    tmp_path: Path, browser: Any, serve: Any, theme: str, scheme: str, expected_theme: str
) -> None:
    base = serve(comment_site(tmp_path, scheme, theme))
    context = browser.new_context(
        viewport={"width": 1440, "height": 900},
        color_scheme="dark" if scheme in ("slate", "dark") else "light",
    )
    try:
        page = context.new_page()
        outside: list[str] = []
        page.on(
            "request",
            lambda request: None if request.url.startswith(base) else outside.append(request.url),
        )
        # The last route added is tried first: nothing but the stub leaves the machine.
        page.route(
            "**/*",
            lambda route: (
                route.continue_() if route.request.url.startswith(base) else route.abort()
            ),
        )
        page.route(
            "https://giscus.app/**",
            lambda route: route.fulfill(body=GISCUS_STUB, content_type="text/javascript"),
        )
        page.goto(base + POST_PATH)
        page.wait_for_load_state("networkidle")
        assert not [url for url in outside if "giscus" in url], outside

        button = page.locator("button.llmblog-comments-show")
        body = page.locator(".llmblog-post-body").bounding_box()
        button.scroll_into_view_if_needed()
        box = button.bounding_box()
        assert body is not None
        assert box is not None
        assert box["y"] > body["y"] + body["height"]  # below the post
        button.click()
        page.wait_for_function("window.__giscusTheme !== undefined")

        assert page.evaluate("window.__giscusTheme") == expected_theme
        assert [url for url in outside if "giscus" in url] == ["https://giscus.app/client.js"]
        assert page.locator(".stub-thread").is_visible()
        assert not page.locator(".llmblog-comments-consent").is_visible()
    finally:
        context.close()


def test_share_links_sit_in_a_row_after_the_post(tmp_path: Path, browser: Any, serve: Any) -> None:
    base = serve(comment_site(tmp_path, "default", "material"))
    for width, height in ((1440, 900), (375, 812)):
        context = browser.new_context(viewport={"width": width, "height": height})
        try:
            page = context.new_page()
            page.goto(base + POST_PATH)
            body = page.locator(".llmblog-post-body").bounding_box()
            links = page.locator("a.llmblog-share-link")
            boxes = [links.nth(i).bounding_box() for i in range(links.count())]
            assert body is not None
            assert all(box is not None for box in boxes)
            first, second = boxes[0], boxes[1]
            assert first is not None
            assert second is not None
            assert first["y"] >= body["y"] + body["height"]
            assert abs(first["y"] - second["y"]) < 2  # beside each other
            assert second["x"] > first["x"] + first["width"]
            for box in boxes:
                assert box is not None
                assert box["x"] + box["width"] <= width
            overflow = page.evaluate(
                "document.documentElement.scrollWidth > document.documentElement.clientWidth"
            )
            assert not overflow
        finally:
            context.close()
