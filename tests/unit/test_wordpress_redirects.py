"""The pure functions of the importer's redirect map (mkdocs_llmblog.wordpress.redirects)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from mkdocs_llmblog.wordpress.archives import (
    ArchiveFormats,
    feed_file,
    feed_redirect,
    old_category_path,
    term_feed_redirect,
)
from mkdocs_llmblog.wordpress.redirects import page_url, redirect_segment, redirects_over_pages
from mkdocs_llmblog.wordpress.wxr import CategoryDefinition


@pytest.mark.parametrize(
    ("nicename", "segment"),
    [
        ("python", "python"),
        ("%e6%97%a5", "日"),
        ("c-2", "c-2"),
        ("..", None),
        ("%2e%2e", None),
        (".", None),
        ("", None),
        ("%20", None),
        ("a/b", None),
        ("a%2Fb", None),
        ("a%5Cb", None),
        ("a%00b", None),
        ("tab%09", None),
        ("a" * 250, "a" * 250),
        ("a" * 251, None),
        ("%e6%97%a5" * 84, None),  # 252 bytes decoded
    ],
)
def test_redirect_segment(nicename: str, segment: str | None) -> None:
    assert redirect_segment(nicename) == segment


def definition(nicename: str, parent: str = "") -> CategoryDefinition:
    return CategoryDefinition(nicename=nicename, name=nicename.title(), parent=parent)


def test_old_category_path_follows_parents_and_refuses_a_bad_one() -> None:
    definitions = {
        "child": definition("child", "parent"),
        "parent": definition("parent"),
        "evil": definition("evil", ".."),
        "..": definition(".."),
    }
    assert old_category_path("child", definitions) == "category/parent/child/index.md"
    assert old_category_path("evil", definitions) is None


@pytest.mark.parametrize(
    ("source", "url"),
    [
        ("about.md", "about"),
        ("about/index.md", "about"),
        ("about/README.md", "about"),
        ("index.md", ""),
        ("README.md", ""),
        ("a/b/c.md", "a/b/c"),
        ("reindex.md", "reindex"),
    ],
)
def test_page_url(source: str, url: str) -> None:
    assert page_url(source) == url


def test_redirects_over_pages_names_only_old_addresses_with_a_page() -> None:
    redirect_map = {
        "about/index.md": "about-us.md",
        "feed/index.md": "https://example.com/blog/feed.xml",
        "2024/index.md": "blog/archive/2024.md",
        "old.md": "new.md",
    }
    pages = ["about.md", "feed/index.md", "old/index.md", "2025.md"]
    assert redirects_over_pages(redirect_map, pages) == [
        "about/index.md",
        "feed/index.md",
        "old.md",
    ]


FORMATS = ArchiveFormats(
    blog_dir="blog",
    category_url_format="category/{slug}",
    archive_url_format="archive/{year}",
    archive_month_url_format="archive/{year}/{month}",
    categories=True,
    archive=True,
    archive_months=False,
)


@pytest.mark.parametrize(
    ("formats", "name"),
    [
        (("rss", "atom", "json"), "feed.xml"),
        (("json", "atom"), "atom.xml"),
        (("json",), "feed.json"),
        ((), None),
    ],
)
def test_feed_file_prefers_rss_as_wordpress_writes(formats: tuple[str, ...], name: str) -> None:
    assert feed_file(formats) == name


def test_feed_redirect_follows_the_feed_options() -> None:
    assert feed_redirect("https://e.org", FORMATS) == {
        "feed/index.md": "https://e.org/blog/feed.xml"
    }
    assert feed_redirect(None, FORMATS) == {}
    assert feed_redirect("https://e.org/", replace(FORMATS, feeds=False)) == {}
    assert feed_redirect("https://e.org/", replace(FORMATS, feed_formats=("json",))) == {
        "feed/index.md": "https://e.org/blog/feed.json"
    }
    assert feed_redirect("https://e.org/", replace(FORMATS, feed_formats=())) == {}


def test_term_feed_redirect_follows_the_term_feed_options() -> None:
    args = ("category/news/index.md", "blog/category/news.md")
    assert term_feed_redirect("https://e.org/", FORMATS, *args, "category") == {
        "category/news/feed/index.md": "https://e.org/blog/category/news/feed.xml"
    }
    assert term_feed_redirect("https://e.org/", FORMATS, *args, "tag") == {
        "category/news/feed/index.md": "https://e.org/blog/category/news/feed.xml"
    }
    off = replace(FORMATS, category_feeds=False)
    assert term_feed_redirect("https://e.org/", off, *args, "category") == {}
    assert term_feed_redirect("https://e.org/", off, *args, "tag") != {}
    assert (
        term_feed_redirect("https://e.org/", replace(FORMATS, tag_feeds=False), *args, "tag") == {}
    )
    assert term_feed_redirect(None, FORMATS, *args, "category") == {}
    assert term_feed_redirect("https://e.org/", replace(FORMATS, feeds=False), *args, "tag") == {}
