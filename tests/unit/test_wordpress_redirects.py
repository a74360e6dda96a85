"""The pure functions of the importer's redirect map (mkdocs_llmblog.wordpress.redirects)."""

from __future__ import annotations

import pytest

from mkdocs_llmblog.wordpress.archives import old_category_path
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
