"""Numbered pagination on real builds: first, last and nearby pages linked, the current marked."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from tests.links import assert_link_works
from tests.sitebuilder import build_site, post


def twelve_posts() -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {"index.md": "# Home\n"}
    for day in range(1, 13):
        files[f"blog/posts/post-{day:02d}.md"] = post(
            {"date": f"2024-03-{day:02d}", "title": f"Post {day}"}, f"Text {day}.\n"
        )
    return files


def numbers(soup: BeautifulSoup) -> list[str]:
    return [li.get_text(strip=True) for li in soup.select(".llmblog-page-numbers > li")]


def test_page_numbers_link_the_pages_they_name(
    tmp_path: Path, theme: str, use_directory_urls: bool
) -> None:
    config = {
        "theme": theme,
        "use_directory_urls": use_directory_urls,
        "plugins": [{"llmblog": {"pagination_per_page": 1}}],
    }
    site = build_site(tmp_path, config, twelve_posts())
    page_6 = site.html("blog/page/6")
    assert numbers(page_6) == ["1", "…", "4", "5", "6", "7", "8", "…", "12"]
    current = page_6.select(".llmblog-page-numbers [aria-current]")
    assert [(tag.name, tag["aria-current"], tag.get_text()) for tag in current] == [
        ("span", "page", "6")
    ]
    # Each number leads to the page of that number (its one card: post 13 - n).
    page_file = site.page_path("blog/page/6")
    for link in page_6.select(".llmblog-page-numbers a"):
        target = assert_link_works(site, page_file, str(link["href"]))
        shown = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
        card = shown.select_one(".llmblog-post-card-title a")
        assert card is not None
        assert card.get_text(strip=True) == f"Post {13 - int(link.get_text())}"
    # The first page: no gap before, the current page first.
    first = site.html("blog")
    assert numbers(first) == ["1", "2", "3", "…", "12"]
    marked = first.select_one(".llmblog-page-numbers [aria-current=page]")
    assert marked is not None
    assert marked.get_text() == "1"
    # Newer and Older stay, around the numbers; the status is kept for screen readers.
    nav = page_6.select_one("nav.llmblog-pagination")
    assert nav is not None
    assert [child["class"][0] for child in nav.find_all(recursive=False)] == [
        "llmblog-pagination-newer",
        "llmblog-pagination-status",
        "llmblog-page-numbers",
        "llmblog-pagination-older",
    ]
    status = nav.select_one(".llmblog-pagination-status")
    assert status is not None
    assert status.get_text() == "Page 6 of 12"


def test_one_page_has_no_numbers(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "blog/posts/a.md": post({"date": "2024-01-01", "title": "A"}),
    }
    site = build_site(tmp_path, {}, files)
    assert site.html("blog").select_one(".llmblog-page-numbers") is None
