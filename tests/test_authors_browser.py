"""Authors as a reader sees them (issue #15): the author box and bylines, in Chromium."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_browser import WIDTHS, Reader, browser, site_url

pytestmark = pytest.mark.slow
__all__ = ["browser", "site_url"]  # fixtures

TWO_AUTHORS = "blog/2025/05/14/how-open-model-communities-actually-work/"


def box(page: Any, selector: str) -> dict[str, float]:
    found = page.locator(selector).first.bounding_box()
    assert found is not None, selector
    return dict(found)


@pytest.mark.parametrize("device", sorted(WIDTHS))
def test_the_author_box_sits_below_the_body_with_avatars_beside_names(
    browser: Any, site_url: str, device: str
) -> None:
    width, height = WIDTHS[device]
    reader = Reader(browser, width, height)
    try:
        reader.open(site_url + TWO_AUTHORS)
        page = reader.page
        page.locator(".llmblog-author-box").scroll_into_view_if_needed()
        body = box(page, ".llmblog-post-body")
        author_box = box(page, ".llmblog-author-box")
        assert author_box["y"] >= body["y"] + body["height"] - 1
        authors = page.locator(".llmblog-author-box .llmblog-author")
        assert authors.count() == 2
        for index in range(2):
            author = authors.nth(index)
            avatar = author.locator(".llmblog-avatar").bounding_box()
            name = author.locator(".llmblog-author-name").bounding_box()
            assert avatar is not None
            assert name is not None
            # Beside: the name starts right of the avatar and overlaps it vertically.
            assert name["x"] >= avatar["x"] + avatar["width"] - 1
            assert name["y"] < avatar["y"] + avatar["height"]
            assert avatar["width"] == pytest.approx(64, abs=1)
            # The images load (naturalWidth > 0) and sit inside the viewport.
            loaded = author.locator(".llmblog-avatar").evaluate("img => img.naturalWidth")
            assert loaded > 0
            assert avatar["x"] >= 0
            assert avatar["x"] + avatar["width"] <= width
            assert name["x"] + name["width"] <= width
        assert author_box["x"] >= 0
        assert author_box["x"] + author_box["width"] <= width
        byline = page.locator(".llmblog-post-header .llmblog-byline-author").first
        small = byline.locator("img").bounding_box()
        link = byline.locator("a").bounding_box()
        assert small is not None
        assert link is not None
        assert small["height"] < 40
        assert link["x"] >= small["x"] + small["width"] - 1
        assert reader.problems == []
    finally:
        reader.close()
