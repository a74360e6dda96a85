"""Several blogs in one site: `- llmblog` twice, each with its own blog_dir (Material's
multiple instances), each with its own index, lists, feeds and widgets, nothing doubled."""

from __future__ import annotations

import posixpath
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from tests.conftest import LogWatcher
from tests.sitebuilder import THEMES, BuiltSite, build_site, dirty_build, post

TWO_BLOGS = [{"llmblog": {"blog_dir": "blog"}}, {"llmblog": {"blog_dir": "news"}}]


def files() -> dict[str, str]:
    return {
        "index.md": "# Home\n\n<!-- llmblog:recent-posts count=5 -->\n",
        "about.md": "# About\n",
        "blog/posts/essay.md": post(
            {"date": "2024-05-01", "title": "An essay", "categories": ["Essays"], "tags": ["x"]}
        ),
        "blog/posts/notes.md": post({"date": "2024-04-01", "title": "Some notes"}),
        "news/index.md": "# News\n\n<!-- llmblog:recent-posts count=5 -->\n",
        "news/posts/release.md": post(
            {"date": "2024-06-01", "title": "A release", "categories": ["Releases"]}
        ),
    }


def config(theme: str, **extra: Any) -> dict[str, Any]:
    return {"theme": theme, "plugins": ["search", *TWO_BLOGS], **extra}


def recent_titles(soup: BeautifulSoup) -> list[str]:
    """Post titles in the recent-posts widgets and embedded lists of a page."""
    return [
        link.get_text(" ", strip=True)
        for widget in soup.select(".llmblog-recent, .llmblog-embed--recent-posts")
        for link in widget.select("a")
        if link.get_text(strip=True)
    ]


def card_titles(site: BuiltSite, url_path: str) -> list[str]:
    return [
        title.get_text(" ", strip=True)
        for title in site.html(url_path).select(".llmblog-post-card-title")
    ]


def widget_sets(soup: BeautifulSoup) -> int:
    return len(soup.select(".llmblog-widgets"))


@pytest.mark.parametrize("theme", THEMES)
def test_each_blog_has_its_own_index_lists_and_widgets(
    tmp_path: Path, theme: str, use_directory_urls: bool
) -> None:
    site = build_site(
        tmp_path / "two",
        config(theme, use_directory_urls=use_directory_urls, site_url="https://e.org/"),
        files(),
    )
    one_blog = files()
    for key in [k for k in one_blog if k.startswith("news/")]:
        del one_blog[key]
    single = build_site(
        tmp_path / "one",
        {"theme": theme, "use_directory_urls": use_directory_urls, "site_url": "https://e.org/"},
        one_blog,
    )

    assert card_titles(site, "blog") == ["An essay", "Some notes"]
    assert card_titles(site, "news") == ["A release"]
    assert card_titles(site, "blog/category/essays") == ["An essay"]
    assert card_titles(site, "news/category/releases") == ["A release"]
    assert site.has_page("blog/archive/2024")
    assert site.has_page("news/archive/2024")
    assert not site.has_page("news/category/essays")

    # Each page shows one blog's widgets, as many sets as a site of one blog shows.
    blog_post = site.html("blog/2024/05/01/an-essay")
    news_post = site.html("news/2024/06/01/a-release")
    assert widget_sets(blog_post) == widget_sets(single.html("blog/2024/05/01/an-essay")) > 0
    assert widget_sets(news_post) == widget_sets(blog_post)
    assert set(recent_titles(blog_post)) == {"An essay", "Some notes"}
    assert set(recent_titles(news_post)) == {"A release"}
    # Pages of no blog are the first blog's: its widgets and lists, once.
    home = site.html("")
    assert widget_sets(home) == widget_sets(single.html(""))
    assert set(recent_titles(home)) == {"An essay", "Some notes"}
    assert len(home.select(".llmblog-embed--recent-posts")) == 1
    # An embedded list on the other blog's page lists that blog's posts.
    assert set(recent_titles(site.html("news"))) == {"A release"}

    # One head per post: its own blog's article tags, not doubled.
    assert len(blog_post.select('meta[property="og:title"]')) <= 1
    assert len(blog_post.select('script[type="application/ld+json"]')) == 1


def test_each_blog_writes_its_own_feeds(tmp_path: Path) -> None:
    site = build_site(tmp_path, config("mkdocs", site_url="https://e.org/"), files())

    def feed_titles(path: str) -> list[str]:
        root = ET.parse(site.site_dir / path).getroot()
        return [item.findtext("title") or "" for item in root.iter("item")]

    assert feed_titles("blog/feed.xml") == ["An essay", "Some notes"]
    assert feed_titles("news/feed.xml") == ["A release"]
    # Each feed is titled with its blog, so a reader subscribed to both tells them apart.
    channel = ET.parse(site.site_dir / "news/feed.xml").getroot().find("channel")
    assert channel is not None
    assert channel.findtext("title") == "Test blog \u2013 News"
    home_feeds = [
        str(link["title"])
        for link in site.html("").select('link[rel="alternate"][type="application/rss+xml"]')
    ]
    assert home_feeds == ["Test blog \u2013 Blog (RSS)", "Test blog \u2013 News (RSS)"]
    page = "news/2024/06/01/a-release/"
    news_links = [
        posixpath.normpath(posixpath.join(page, str(link["href"])))
        for link in site.html(page).select('link[rel="alternate"]')
    ]
    assert news_links == ["news/feed.xml", "news/atom.xml", "news/feed.json"]


def test_the_404_page_lists_the_first_blogs_posts_once(tmp_path: Path) -> None:
    site = build_site(tmp_path, config("mkdocs"), files())
    page = BeautifulSoup((site.site_dir / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert len(page.select(".llmblog-not-found")) == 1


def test_two_blogs_in_one_folder_are_refused(tmp_path: Path) -> None:
    settings = {"plugins": [{"llmblog": {"blog_dir": "blog"}}, {"llmblog": {"blog_dir": "blog/"}}]}
    site = build_site(tmp_path, settings, files(), expect_error=True)
    assert any("two instances of the plugin have blog_dir" in m for m in site.errors), site.errors


def test_a_dirty_build_rebuilds_each_blog_from_its_own_record(
    tmp_path: Path, log_watcher: LogWatcher
) -> None:
    log_watcher.expect(r"A 'dirty' build is being performed")
    build_site(tmp_path, config("mkdocs"), files())
    time.sleep(0.01)
    release = tmp_path / "docs/news/posts/release.md"
    release.write_text(
        post({"date": "2024-06-01", "title": "A new release", "slug": "a-release"}),
        encoding="utf-8",
    )
    site = dirty_build(tmp_path, dirty=True)
    assert card_titles(site, "news") == ["A new release"]
    assert card_titles(site, "blog") == ["An essay", "Some notes"]
    assert (tmp_path / ".cache/llmblog/blog-blog/build-record.json").is_file()
    assert (tmp_path / ".cache/llmblog/blog-news/build-record.json").is_file()
