"""Real builds: which sidebar shows the widgets (`widgets_sidebar`), and the blog's place in the
navigation while a blog page renders (Material's Blog tab, the other themes' Blog entry)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from tests.conftest import LogWatcher
from tests.sitebuilder import BuiltSite, build_site, post

POST = "blog/2024/01/02/b"
LISTS = ("blog", "blog/category/news", "blog/archive/2024")
BLOG_PAGES = (POST, *LISTS)


def files() -> dict[str, str | bytes]:
    return {
        "index.md": "# Home\n\n## Part\n\nText.\n",
        "about.md": "# About\n\nText.\n",
        "blog/index.md": "# Blog\n",
        "blog/posts/a.md": post(
            {"date": "2024-01-01", "title": "A", "categories": ["News"]}, "## One\n\nA.\n"
        ),
        "blog/posts/b.md": post(
            {"date": "2024-01-02", "title": "B", "categories": ["News"]}, "## Two\n\nB.\n"
        ),
    }


def material(
    tmp_path: Path, sidebar: str | None, extra_files: dict[str, str | bytes] | None = None
) -> BuiltSite:
    options: dict[str, Any] = {} if sidebar is None else {"widgets_sidebar": sidebar}
    config: dict[str, Any] = {
        "theme": {"name": "material", "features": ["navigation.tabs"]},
        "nav": [{"Home": "index.md"}, {"About": "about.md"}, {"Blog": "blog/index.md"}],
        "plugins": [{"llmblog": options}],
    }
    return build_site(tmp_path, config, {**files(), **(extra_files or {})})


def placements(soup: BeautifulSoup) -> dict[str, list[str]]:
    """Where the page's copies of the widgets are: sidebar kind -> the copy's classes."""
    found: dict[str, list[str]] = {}
    for aside in soup.select("aside.llmblog-widgets"):
        sidebar = aside.find_parent("div", class_="md-sidebar")
        kind = "content"
        if sidebar is not None:
            kind = "primary" if "md-sidebar--primary" in sidebar["class"] else "secondary"
        assert kind not in found, f"two copies in {kind}"
        found[kind] = list(aside["class"])
    return found


def test_auto_puts_the_widgets_in_the_left_sidebar_on_blog_pages(tmp_path: Path) -> None:
    site = material(tmp_path, None)
    for url_path in BLOG_PAGES:
        soup = site.html(url_path)
        where = placements(soup)
        assert sorted(where) == ["content", "primary"], url_path
        assert "llmblog-widgets--primary" in where["primary"]
        assert "llmblog-widgets--primary-copy-shown" in where["content"]
        # Right after Material's navigation, inside its sidebar.
        copy = soup.select_one(".md-sidebar--primary aside.llmblog-widgets")
        assert copy is not None
        previous = copy.find_previous_sibling()
        assert previous is not None
        assert "md-nav--primary" in previous["class"]
    # Elsewhere the left sidebar has the site's navigation: the right one takes them.
    for url_path in ("", "about"):
        where = placements(site.html(url_path))
        assert sorted(where) == ["content", "secondary"], url_path
        assert "llmblog-widgets--sidebar-copy-shown" in where["content"]


@pytest.mark.parametrize(
    ("sidebar", "expected"),
    [("primary", "primary"), ("secondary", "secondary"), ("none", None)],
)
def test_a_site_chooses_the_sidebar(tmp_path: Path, sidebar: str, expected: str | None) -> None:
    site = material(tmp_path, sidebar)
    for url_path in (*BLOG_PAGES, "", "about"):
        where = placements(site.html(url_path))
        assert sorted(where) == sorted(["content", *([expected] if expected else [])]), url_path
        if expected is None:
            assert where["content"] == ["llmblog-widgets", "llmblog-widgets--after-content"]


def test_a_post_without_navigation_falls_back_to_the_right_sidebar(tmp_path: Path) -> None:
    hidden = post({"date": "2024-01-03", "title": "C", "hide": ["navigation"]}, "## Three\n\nC.\n")
    site = material(tmp_path, "auto", {"blog/posts/c.md": hidden})
    assert sorted(placements(site.html("blog/2024/01/03/c"))) == ["content", "secondary"]
    assert sorted(placements(site.html(POST))) == ["content", "primary"]


def test_primary_without_a_left_sidebar_warns_once(tmp_path: Path, log_watcher: LogWatcher) -> None:
    log_watcher.expect(r"docs/.*\.md: theme 'material': no left sidebar")
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    (overrides / "main.html").write_text(
        '{% extends "base.html" %}\n{% block site_nav %}{% endblock %}\n', encoding="utf-8"
    )
    config = {
        "theme": {"name": "material", "custom_dir": "overrides"},
        "plugins": [{"llmblog": {"widgets_sidebar": "primary"}}],
    }
    site = build_site(tmp_path, config, files(), strict=False)
    warnings = [m for m in log_watcher.messages() if "sidebar" in m]
    assert len(warnings) == 1, warnings
    assert re.search(r"no left sidebar \(div\.md-sidebar--primary\).*widgets_sidebar", warnings[0])
    for url_path in BLOG_PAGES:
        assert list(placements(site.html(url_path))) == ["content"]


def test_the_blog_tab_is_active_on_every_blog_page(tmp_path: Path) -> None:
    site = material(tmp_path, None)
    for url_path, tab in [
        *((path, "Blog") for path in BLOG_PAGES),
        ("", "Home"),
        ("about", "About"),
    ]:
        soup = site.html(url_path)
        active = [item.get_text(strip=True) for item in soup.select(".md-tabs__item--active")]
        assert active == [tab], url_path


@pytest.mark.parametrize("theme_name", ["mkdocs", "readthedocs"])
@pytest.mark.parametrize("use_directory_urls", [True, False], ids=["dir-urls", "file-urls"])
def test_the_blog_entry_is_current_on_other_themes(
    tmp_path: Path, theme_name: str, use_directory_urls: bool
) -> None:
    config = {
        "theme": theme_name,
        "use_directory_urls": use_directory_urls,
        "nav": [{"Home": "index.md"}, {"About": "about.md"}, {"Blog": "blog/index.md"}],
    }
    site = build_site(tmp_path, config, files())
    # mkdocs marks the current entry `active`, readthedocs `current`.
    marked = "a.nav-link.active" if theme_name == "mkdocs" else ".wy-menu-vertical li.current > a"
    for url_path, entry in [*((path, "Blog") for path in BLOG_PAGES), ("about", "About")]:
        soup = site.html(url_path)
        assert [link.get_text(strip=True) for link in soup.select(marked)] == [entry], url_path
    # Only while the page renders: the next page built does not keep the mark.
    soup = site.html("about")
    assert "Blog" not in [link.get_text(strip=True) for link in soup.select(marked)]
