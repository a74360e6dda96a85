"""Tags in a real browser: the post's tags in a row after it, the cloud's tags side by side."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest

from tests.browsing import serving
from tests.sitebuilder import BuiltSite, build_site, post

# Importing test_browser skips this module too where Playwright or chromium is missing.
from tests.test_browser import browser

__all__ = ["browser"]  # The module-scoped browser fixture, shared with test_browser.

pytestmark = pytest.mark.slow

POST_PATH = "blog/2024/03/01/tagged/"


def tagged_site(root: Path, theme: str) -> BuiltSite:
    return build_site(
        root,
        {"theme": theme, "plugins": [{"llmblog": {"widgets": ["tags", "recent_posts"]}}]},
        {
            "index.md": "# Home\n",
            "blog/posts/tagged.md": post(
                {
                    "date": "2024-03-01",
                    "title": "Tagged",
                    "tags": ["Python", "Static sites", "MkDocs", "A rather long tag name"],
                },
                "Words of the post.\n" * 8,
            ),
            "blog/posts/other.md": post(
                {"date": "2024-02-01", "title": "Other", "tags": ["Python", "MkDocs"]}
            ),
        },
    )


@pytest.mark.parametrize("theme", ["material", "mkdocs", "readthedocs"])
@pytest.mark.parametrize(("width", "height"), [(1440, 900), (375, 812)])
def test_tags_sit_in_rows_inside_the_page(
    tmp_path: Path, browser: Any, theme: str, width: int, height: int
) -> None:
    site = tagged_site(tmp_path, theme)
    with serving(site.site_dir) as base:
        context = browser.new_context(viewport={"width": width, "height": height})
        try:
            page = context.new_page()
            page.goto(base + POST_PATH)
            body = page.locator("article.llmblog-post .llmblog-post-body").bounding_box()
            tags = page.locator("nav.llmblog-post-tags a.llmblog-tag")
            boxes = [tags.nth(i).bounding_box() for i in range(tags.count())]
            assert body is not None
            assert len(boxes) == 4
            first, second = boxes[0], boxes[1]
            assert first is not None
            assert second is not None
            assert first["y"] >= body["y"] + body["height"]  # after the post's text
            assert abs(first["y"] - second["y"]) < 2  # beside each other
            assert second["x"] > first["x"] + first["width"]
            cloud = page.locator("nav.llmblog-tags a.llmblog-tag")
            cloud_boxes = [cloud.nth(i).bounding_box() for i in range(cloud.count())]
            visible = [box for box in cloud_boxes if box is not None and box["width"] > 0]
            assert len(visible) >= 2
            # Some tags share a row (their heights differ by size): a cloud, not a column.
            assert any(
                a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"] and b["x"] > a["x"]
                for a, b in itertools.pairwise(visible)
            )
            for box in [*boxes, *visible]:
                assert box is not None
                assert box["x"] >= 0
                assert box["x"] + box["width"] <= width
            assert not page.evaluate(
                "document.documentElement.scrollWidth > document.documentElement.clientWidth"
            )
        finally:
            context.close()
