"""Material's `pin` and `readtime` keys: pinned posts first with a mark, a stated reading time."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from tests.conftest import LogWatcher
from tests.sitebuilder import BuiltSite, build_site, dirty_build, post, write_project

THEMES = ["material", "mkdocs", "readthedocs"]


def files(pinned: bool = True) -> dict[str, str | bytes]:
    return {
        "index.md": "# Home\n",
        "blog/posts/old.md": post(
            {"date": "2023-01-01", "title": "Old but pinned", "pin": pinned, "categories": ["A"]}
        ),
        "blog/posts/new.md": post({"date": "2024-05-01", "title": "Newest", "categories": ["A"]}),
        "blog/posts/mid.md": post(
            {"date": "2024-03-01", "title": "Middle", "categories": ["A"], "readtime": 12}
        ),
    }


def first(element: BeautifulSoup | Tag, selector: str) -> Tag:
    found = element.select_one(selector)
    assert found is not None, selector
    return found


def card_titles(site: BuiltSite, url: str) -> list[str]:
    return [a.get_text(strip=True) for a in site.html(url).select(".llmblog-post-card-title a")]


@pytest.mark.parametrize("theme", THEMES)
def test_a_pinned_post_comes_first_on_the_index_and_its_categories(
    tmp_path: Path, theme: str, use_directory_urls: bool
) -> None:
    site = build_site(
        tmp_path,
        {"theme": theme, "use_directory_urls": use_directory_urls, "plugins": ["llmblog"]},
        files(),
    )

    assert card_titles(site, "blog") == ["Old but pinned", "Newest", "Middle"]
    assert card_titles(site, "blog/category/a") == ["Old but pinned", "Newest", "Middle"]
    # Archives, the recent posts widget and previous/next keep the order of the dates.
    assert card_titles(site, "blog/archive/2023") == ["Old but pinned"]
    recent = first(site.html(""), ".llmblog-recent")  # Material shows a second copy
    titles = [a.get_text(strip=True) for a in recent.select("a")]
    assert [title for title in titles if title] == ["Newest", "Middle", "Old but pinned"]
    assert "Middle" in first(site.html("blog/2024/05/01/newest"), "a.llmblog-prev").get_text()
    marks = site.html("blog").select("article.llmblog-post-card--pinned .llmblog-pin")
    assert [mark.get_text() for mark in marks] == ["Pinned"]


def test_a_stated_reading_time_replaces_the_estimate(tmp_path: Path) -> None:
    site = build_site(tmp_path, {"plugins": ["llmblog"]}, files())

    page = site.html("blog/2024/03/01/middle")
    assert first(page, "article.llmblog-post .llmblog-reading-time").get_text() == "12 min read"
    times = {
        first(card, "h2").get_text(strip=True): first(card, ".llmblog-reading-time").get_text()
        for card in site.html("blog").select("article.llmblog-post-card")
    }
    assert times == {
        "Old but pinned": "1 min read",
        "Newest": "1 min read",
        "Middle": "12 min read",
    }


@pytest.mark.parametrize(
    ("value", "problem"),
    [("five", "'five'"), (0, "0"), (2.5, "2.5"), (True, "True"), (100_000, "100000")],
)
def test_a_bad_readtime_is_named(tmp_path: Path, value: object, problem: str) -> None:
    site = build_site(
        tmp_path,
        {"plugins": ["llmblog"]},
        {"blog/posts/a.md": post({"date": "2024-01-01", "title": "A", "readtime": value})},
        expect_error=True,
    )
    text = "\n".join(site.errors)
    assert "docs/blog/posts/a.md: front matter key 'readtime' must be a whole number" in text
    assert problem in text


def test_a_bad_pin_is_named(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        {"plugins": ["llmblog"]},
        {"blog/posts/a.md": post({"date": "2024-01-01", "title": "A", "pin": "yes"})},
        expect_error=True,
    )
    assert "docs/blog/posts/a.md: front matter key 'pin' must be true or false" in "\n".join(
        site.errors
    )


def test_unpinning_updates_the_lists_of_a_dirty_build(
    tmp_path: Path, log_watcher: LogWatcher
) -> None:
    log_watcher.expect(r"A 'dirty' build is being performed")
    write_project(tmp_path, {"plugins": ["llmblog"]}, files(pinned=True))
    site = dirty_build(tmp_path, dirty=False)
    assert card_titles(site, "blog")[0] == "Old but pinned"

    write_project(tmp_path, {"plugins": ["llmblog"]}, files(pinned=False))
    site = dirty_build(tmp_path, dirty=True)

    assert card_titles(site, "blog") == ["Newest", "Middle", "Old but pinned"]
    assert card_titles(site, "blog/category/a") == ["Newest", "Middle", "Old but pinned"]
