"""Categories and archives on real builds: pages, hierarchy, counts, widgets and errors."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag

from tests.links import assert_link_works
from tests.sitebuilder import BuiltSite, build_site, post

FUTURE = (dt.date.today() + dt.timedelta(days=400)).isoformat()

POSTS: dict[str, dict[str, Any]] = {
    "a": {"date": "2023-11-05", "categories": ["AI", "Open Source"]},
    "b": {"date": "2024-01-10", "categories": ["AI/Safety"]},
    "c": {"date": "2024-02-14", "categories": ["AI/Safety", "AI"]},
    "d": {"date": "2024-03-01", "categories": ["AI/Data"]},
    "e": {"date": "2024-03-20", "categories": ["Open Source"]},
    "f": {"date": "2024-04-02", "categories": ["Community"]},
    "draft": {"date": "2024-04-03", "categories": ["AI", "Hidden"], "draft": True},
    "scheduled": {"date": FUTURE, "categories": ["AI", "Hidden"]},
}


def blog_files() -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {"index.md": "# Home\n\nWelcome.\n"}
    for name, meta in POSTS.items():
        files[f"blog/posts/{name}.md"] = post({"title": f"Post {name}", **meta})
    files["blog/category/ai.md"] = "# Artificial intelligence\n\nAll about AI.\n"
    return files


def published_counts() -> Counter[str]:
    """What the counts must be, computed from the source posts: a parent counts its children."""
    counts: Counter[str] = Counter()
    for meta in POSTS.values():
        if meta.get("draft") or meta["date"] == FUTURE:
            continue
        names: set[str] = set()
        for category in meta["categories"]:
            parts = category.split("/")
            names.update("/".join(parts[: i + 1]) for i in range(len(parts)))
        counts.update(names)
    return counts


def card_titles(soup: BeautifulSoup) -> list[str]:
    return [a.get_text() for a in soup.select(".llmblog-post-card-title a")]


def widget_counts(soup: BeautifulSoup, selector: str) -> dict[str, int]:
    widget = soup.select_one(selector)
    assert widget is not None, f"no {selector}"
    counts: dict[str, int] = {}

    def walk(list_tag: Tag, prefix: str) -> None:
        for item in list_tag.find_all("li", recursive=False):
            link = item.find(["a", "span"])
            assert isinstance(link, Tag)
            name = prefix + link.get_text(strip=True)
            count = item.find("span", class_="llmblog-count", recursive=False)
            assert isinstance(count, Tag)
            counts[name] = int(count.get_text(strip=True).strip("()"))
            nested = item.find("ul", recursive=False)
            if isinstance(nested, Tag):
                walk(nested, name + "/")

    top = widget.find("ul")
    assert isinstance(top, Tag)
    walk(top, "")
    return counts


@pytest.fixture(params=["material", "mkdocs", "readthedocs"])
def category_site(request: pytest.FixtureRequest, tmp_path: Path) -> BuiltSite:
    return build_site(tmp_path, {"theme": request.param}, blog_files())


def test_category_pages_list_own_and_child_posts_newest_first(category_site: BuiltSite) -> None:
    ai = category_site.html("blog/category/ai")
    assert card_titles(ai) == ["Post d", "Post c", "Post b", "Post a"]
    assert card_titles(category_site.html("blog/category/ai/safety")) == ["Post c", "Post b"]
    assert card_titles(category_site.html("blog/category/open-source")) == ["Post e", "Post a"]
    assert not category_site.has_page("blog/category/hidden")
    # The author's intro file for "AI" gives the page its title and intro.
    intro = ai.select_one(".llmblog-intro")
    assert intro is not None
    assert "All about AI." in intro.get_text()


def test_child_category_shows_its_parent_trail(category_site: BuiltSite) -> None:
    soup = category_site.html("blog/category/ai/safety")
    page = category_site.page_path("blog/category/ai/safety")
    trail = soup.select(".llmblog-trail a")
    assert [a.get_text() for a in trail] == ["Blog", "AI"]
    assert assert_link_works(category_site, page, str(trail[1]["href"])) == (
        category_site.page_path("blog/category/ai")
    )


def test_post_pages_and_cards_link_to_category_pages(category_site: BuiltSite) -> None:
    page = category_site.page_path("blog/2024/02/14/post-c")
    soup = category_site.html("blog/2024/02/14/post-c")
    links = soup.select(".llmblog-post-header a.llmblog-category")
    assert [a.get_text() for a in links] == ["Safety", "AI"]
    targets = [assert_link_works(category_site, page, str(a["href"])) for a in links]
    assert targets == [
        category_site.page_path("blog/category/ai/safety"),
        category_site.page_path("blog/category/ai"),
    ]
    index_page = category_site.page_path("blog")
    for link in category_site.html("blog").select(".llmblog-post-card a.llmblog-category"):
        assert_link_works(category_site, index_page, str(link["href"]))


def test_categories_widget_on_every_page_counts_published_posts(category_site: BuiltSite) -> None:
    expected = dict(published_counts())
    for url_path in ("", "blog", "blog/2024/01/10/post-b", "blog/category/ai/safety"):
        soup = category_site.html(url_path)
        assert (
            widget_counts(soup, ".llmblog-widgets--after-content .llmblog-categories") == expected
        )
        page = category_site.page_path(url_path)
        for link in soup.select(".llmblog-categories a"):
            assert_link_works(category_site, page, str(link["href"]))


def test_widget_is_sorted_and_marks_the_current_category(category_site: BuiltSite) -> None:
    soup = category_site.html("blog/category/ai/safety")
    widget = soup.select_one(".llmblog-widgets--after-content .llmblog-categories")
    assert widget is not None
    top_names = []
    for item in widget.select("ul.llmblog-widget-list > li"):
        label = item.find(["a", "span"])
        assert isinstance(label, Tag)
        top_names.append(label.get_text())
    assert top_names[:4] == ["AI", "Data", "Safety", "Community"]
    current = widget.select('a[aria-current="page"]')
    assert [a.get_text() for a in current] == ["Safety"]


def test_widget_sorted_by_count(tmp_path: Path) -> None:
    site = build_site(
        tmp_path, {"plugins": [{"llmblog": {"categories_sort": "count"}}]}, blog_files()
    )
    counts = widget_counts(site.html("blog"), ".llmblog-categories")
    roots = [name for name in counts if "/" not in name]
    assert roots == ["AI", "Open Source", "Community"]


def test_material_puts_a_copy_in_the_sidebar(tmp_path: Path) -> None:
    config = {"theme": "material", "plugins": [{"llmblog": {"widgets_sidebar": "secondary"}}]}
    site = build_site(tmp_path, config, blog_files())
    soup = site.html("blog/2024/01/10/post-b")
    sidebar = soup.select_one(
        ".md-sidebar--secondary .llmblog-widgets--sidebar .llmblog-categories"
    )
    assert sidebar is not None
    after = soup.select_one(".llmblog-widgets--after-content")
    assert after is not None
    assert "llmblog-widgets--sidebar-copy-shown" in after["class"]


def test_year_archives_and_archive_widget(category_site: BuiltSite) -> None:
    assert card_titles(category_site.html("blog/archive/2024")) == [
        "Post f", "Post e", "Post d", "Post c", "Post b",
    ]  # fmt: skip
    assert card_titles(category_site.html("blog/archive/2023")) == ["Post a"]
    counts = widget_counts(
        category_site.html("blog"), ".llmblog-widgets--after-content .llmblog-archive"
    )
    assert counts == {"2024": 5, "2023": 1}


def test_month_archives_and_pagination(tmp_path: Path) -> None:
    options = {"archive_months": True, "pagination_per_page": 2}
    site = build_site(tmp_path, {"plugins": [{"llmblog": options}]}, blog_files())
    assert card_titles(site.html("blog/archive/2024/03")) == ["Post e", "Post d"]
    assert card_titles(site.html("blog/archive/2024")) == ["Post f", "Post e"]
    assert card_titles(site.html("blog/archive/2024/page/3")) == ["Post b"]
    assert card_titles(site.html("blog/category/ai/page/2")) == ["Post b", "Post a"]
    counts = widget_counts(site.html("blog"), ".llmblog-archive")
    assert counts["2024"] == 5
    assert counts["2024/March 2024"] == 2


def test_widgets_can_be_turned_off_site_wide_and_per_page(tmp_path: Path) -> None:
    files = blog_files()
    files["index.md"] = "---\nblog_widgets: false\n---\n# Home\n"
    files["about.md"] = "---\nblog_widgets: [archive]\n---\n# About\n"
    site = build_site(tmp_path, {}, files)
    assert site.html("").select_one(".llmblog-widgets") is None
    about = site.html("about")
    assert about.select_one(".llmblog-archive") is not None
    assert about.select_one(".llmblog-categories") is None
    off = build_site(tmp_path / "off", {"plugins": [{"llmblog": {"widgets": []}}]}, blog_files())
    assert off.html("blog").select_one(".llmblog-widgets") is None


def test_categories_allowed_names_the_post(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        {
            "plugins": [
                {"llmblog": {"categories_allowed": ["AI", "AI/Safety", "Open Source", "Community"]}}
            ]
        },
        blog_files(),
        expect_error=True,
    )
    [message] = site.errors
    assert "docs/blog/posts/d.md: front matter key 'categories' has 'AI/Data'" in message
    assert "categories_allowed" in message


def test_symbols_get_distinct_slugs(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        {},
        {
            "blog/posts/cpp.md": post({"date": "2024-01-01", "title": "P", "categories": ["C++"]}),
            "blog/posts/cs.md": post({"date": "2024-01-02", "title": "Q", "categories": ["C#"]}),
        },
    )
    assert card_titles(site.html("blog/category/c-plus-plus")) == ["P"]
    assert card_titles(site.html("blog/category/c-sharp")) == ["Q"]


def test_names_sharing_a_slug_are_an_error_naming_both_posts(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        {},
        {
            "blog/posts/one.md": post(
                {"date": "2024-01-01", "title": "P", "categories": ["Open Source"]}
            ),
            "blog/posts/two.md": post(
                {"date": "2024-01-02", "title": "Q", "categories": ["open-source"]}
            ),
        },
        expect_error=True,
    )
    [message] = site.errors
    assert "docs/blog/posts/one.md" in message
    assert "docs/blog/posts/two.md" in message
    assert "category/open-source/" in message


def test_a_page_without_material_sidebar_keeps_the_widgets_after_the_content(
    tmp_path: Path,
) -> None:
    files = blog_files()
    files["about.md"] = "---\nhide: [toc]\n---\n# About\n"
    site = build_site(tmp_path, {"theme": "material"}, files)
    soup = site.html("about")
    assert soup.select_one(".md-sidebar--secondary .llmblog-widgets") is None
    after = soup.select_one(".llmblog-widgets--after-content")
    assert after is not None
    assert "llmblog-widgets--sidebar-copy-shown" not in after["class"]


def test_without_category_or_archive_pages_their_widgets_are_gone(tmp_path: Path) -> None:
    options = {"categories": False, "archive": False}
    site = build_site(tmp_path, {"plugins": [{"llmblog": options}]}, blog_files())
    soup = site.html("blog")
    assert soup.select_one(".llmblog-categories") is None
    assert soup.select_one(".llmblog-archive") is None
    assert soup.select_one(".llmblog-recent") is not None
    assert not site.has_page("blog/category/ai/safety")


def test_intro_pages_stay_out_of_the_navigation_and_months_have_names(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        {"theme": "mkdocs", "plugins": [{"llmblog": {"archive_months": True}}]},
        blog_files(),
    )
    nav = [a.get_text(strip=True) for a in site.html("").select(".navbar-nav a")]
    assert "Artificial intelligence" not in nav
    title = site.html("blog/archive/2024/03").find("title")
    assert title is not None
    assert title.get_text().startswith("March 2024")
