"""The theme's 404 page on real builds: a search hint and the newest posts, links from the root."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from tests.conftest import LogWatcher
from tests.sitebuilder import BuiltSite, build_site, post

SITE_URL = "https://example.com/test/"


def files() -> dict[str, str | bytes]:
    blog: dict[str, str | bytes] = {"index.md": "# Home\n"}
    for day in range(1, 8):
        blog[f"blog/posts/p{day}.md"] = post(
            {"date": f"2024-05-{day:02d}", "title": f"Post <{day}> & co"}, f"Text {day}.\n"
        )
    return blog


def not_found(site: BuiltSite) -> BeautifulSoup:
    return BeautifulSoup((site.site_dir / "404.html").read_text(encoding="utf-8"), "html.parser")


def served_file(site: BuiltSite, href: str) -> Path:
    """The file a root-absolute link of the 404 page (served at any depth) is answered with."""
    path = urlsplit(href).path
    prefix = urlsplit(SITE_URL).path
    assert path.startswith(prefix), href
    target = site.site_dir / path.removeprefix(prefix)
    return target / "index.html" if href.endswith("/") else target


def test_the_404_page_offers_search_and_the_newest_posts(
    tmp_path: Path, theme: str, use_directory_urls: bool
) -> None:
    config = {
        "theme": theme,
        "site_url": SITE_URL,
        "use_directory_urls": use_directory_urls,
        "plugins": ["search", {"llmblog": {"recent_posts": 3}}],
    }
    site = build_site(tmp_path, config, files())
    soup = not_found(site)
    section = soup.select_one("section.llmblog-not-found")
    assert section is not None
    # In the theme's content column, after its own 404 heading.
    heading = section.find_previous("h1")
    assert heading is not None
    assert "404" in heading.get_text() or "Not found" in heading.get_text()
    hint = section.select_one(".llmblog-not-found-hint")
    assert hint is not None
    assert "search" in hint.get_text()
    links = section.select(".llmblog-post-link > a")
    assert [link.get_text() for link in links] == [f"Post <{day}> & co" for day in (7, 6, 5)]
    for link in links:
        target = served_file(site, str(link["href"]))
        assert target.is_file(), link["href"]
        title = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser").select_one("h1")
        assert title is not None
        assert title.get_text(strip=True) == link.get_text()


def test_without_search_no_search_hint(tmp_path: Path) -> None:
    config = {"theme": "mkdocs", "site_url": SITE_URL, "plugins": ["llmblog"]}
    soup = not_found(build_site(tmp_path, config, files()))
    section = soup.select_one("section.llmblog-not-found")
    assert section is not None
    assert section.select_one(".llmblog-not-found-hint") is None
    assert len(section.select(".llmblog-post-link")) == 5  # recent_posts' default


def test_a_404_page_without_a_heading_warns(tmp_path: Path, log_watcher: LogWatcher) -> None:
    log_watcher.expect(r"404\.html: the theme's 404 page has no <h1>")
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    (overrides / "404.html").write_text(
        '{% extends "main.html" %}\n{% block content %}<p>Lost.</p>{% endblock %}\n',
        encoding="utf-8",
    )
    config = {"theme": {"name": "material", "custom_dir": "overrides"}, "plugins": ["llmblog"]}
    site = build_site(tmp_path, config, files(), strict=False)
    assert not_found(site).select_one(".llmblog-not-found") is None
    assert "Lost." in not_found(site).get_text()
