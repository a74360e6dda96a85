"""Tags on real builds: after posts, tag pages, the page of all tags, the cloud, feeds and the
directives."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import feedparser
import pytest
from bs4 import BeautifulSoup, Tag

from mkdocs_llmblog.layout.tags import TagError, build_tags, tag_slug
from mkdocs_llmblog.model import Post, PostDate
from mkdocs_llmblog.render.views import cloud_size
from tests.conftest import LogWatcher
from tests.sitebuilder import BuiltSite, build_site, dirty_build, post, write_project

THEMES = ["material", "mkdocs", "readthedocs"]
CASE_WARNING = "front matter key 'tags' has 'python', which docs/blog/posts/a.md writes 'Python'"


def files() -> dict[str, str | bytes]:
    return {
        "index.md": "# Home\n\n<!-- llmblog:tags style=list -->\n\n"
        '<!-- llmblog:recent-posts tag="python" count=5 -->\n',
        "blog/posts/a.md": post(
            {"date": "2024-01-01", "title": "A", "tags": ["Python", "C++"], "categories": ["C++"]}
        ),
        "blog/posts/b.md": post(
            {"date": "2024-01-02", "title": "B", "tags": ["Python", "C#", "<b>Bold</b>"]}
        ),
        "blog/posts/c.md": post({"date": "2024-01-03", "title": "C", "tags": ["Python"]}),
        "blog/posts/d.md": post({"date": "2024-01-04", "title": "D"}),
    }


def tag_site(
    tmp_path: Path, log_watcher: LogWatcher, options: dict[str, Any] | None = None, **config: Any
) -> BuiltSite:
    plugin = {"llmblog": {"widgets": ["recent_posts", "tags"], **(options or {})}}
    return build_site(tmp_path, {"plugins": [plugin], **config}, files())


def only(element: BeautifulSoup | Tag, selector: str) -> Tag:
    found = element.select(selector)
    assert len(found) == 1, f"{selector}: {len(found)} found"
    return found[0]


def texts(element: BeautifulSoup | Tag, selector: str) -> list[str]:
    return [found.get_text(strip=True) for found in element.select(selector)]


@pytest.mark.parametrize("theme", THEMES)
def test_tags_after_the_post_lead_to_tag_pages(
    tmp_path: Path, log_watcher: LogWatcher, theme: str, use_directory_urls: bool
) -> None:
    site = tag_site(tmp_path, log_watcher, theme=theme, use_directory_urls=use_directory_urls)

    page = site.html("blog/2024/01/02/b")
    tags = only(page, "article.llmblog-post nav.llmblog-post-tags")
    assert only(page, ".llmblog-post-body").find_next("nav", class_="llmblog-post-tags") is tags
    links = tags.select("a.llmblog-tag[rel=tag]")
    assert [a.get_text() for a in links] == ["Python", "C#", "<b>Bold</b>"]
    assert page.select("nav.llmblog-post-tags b") == []
    for link, slug in zip(links, ["python", "c-sharp", "b-bold-b"], strict=True):
        target = (site.page_path("blog/2024/01/02/b").parent / str(link["href"])).resolve()
        expected = site.page_path(f"blog/tag/{slug}").resolve()
        assert target in (expected, expected.parent), (link["href"], expected)
    # Cards show no tags unless asked.
    assert site.html("blog").select(".llmblog-post-card .llmblog-post-tags") == []


def test_tag_pages_are_paginated_newest_first_with_a_trail(
    tmp_path: Path, log_watcher: LogWatcher
) -> None:
    site = tag_site(tmp_path, log_watcher, {"pagination_per_page": 2})

    first = site.html("blog/tag/python")
    assert only(first, ".llmblog-list-kind").get_text() == "Tag"
    assert only(first, "h1.llmblog-list-title").get_text(strip=True) == "Python"
    assert texts(first, ".llmblog-post-card-title a") == ["C", "B"]
    assert texts(first, ".llmblog-trail a") == ["Blog", "All tags"]
    assert texts(site.html("blog/tag/python/page/2"), ".llmblog-post-card-title a") == ["A"]
    # A tag and a category of the same name each have their page.
    assert texts(site.html("blog/tag/c-plus-plus"), ".llmblog-post-card-title a") == ["A"]
    assert texts(site.html("blog/category/c-plus-plus"), ".llmblog-post-card-title a") == ["A"]


def test_the_page_of_all_tags_counts_them(tmp_path: Path, log_watcher: LogWatcher) -> None:
    site = tag_site(tmp_path, log_watcher)

    page = site.html("blog/tags")
    items = page.select(".llmblog-list--tags li.llmblog-tag-cloud-item")
    assert [(texts(li, "a")[0], texts(li, ".llmblog-count")[0]) for li in items] == [
        ("<b>Bold</b>", "(1)"),
        ("C#", "(1)"),
        ("C++", "(1)"),
        ("Python", "(3)"),
    ]
    assert only(page, "h1").get_text(strip=True) == "Tags"


def test_case_variants_are_one_tag_shown_as_first_written(
    tmp_path: Path, log_watcher: LogWatcher
) -> None:
    log_watcher.expect(CASE_WARNING)
    sources = {
        **files(),
        "blog/posts/b.md": post({"date": "2024-01-02", "title": "B", "tags": ["python"]}),
    }
    site = build_site(tmp_path, {"plugins": ["llmblog"]}, sources, strict=False)
    assert texts(site.html("blog/2024/01/02/b"), "nav.llmblog-post-tags a") == ["Python"]
    assert texts(site.html("blog/tag/python"), ".llmblog-post-card-title a") == ["C", "B", "A"]


def test_an_intro_page_titles_its_tag(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        {"plugins": ["llmblog"]},
        {**files(), "blog/tag/python.md": "# All about Python\n\nSnakes and more.\n"},
    )
    page = site.html("blog/tag/python")
    assert "Snakes and more." in only(page, ".llmblog-intro").get_text()
    assert texts(page, ".llmblog-post-card-title a") == ["C", "B", "A"]


def test_the_cloud_widget_sizes_tags_and_limits_them(
    tmp_path: Path, log_watcher: LogWatcher
) -> None:
    site = tag_site(tmp_path, log_watcher, {"tags_widget_limit": 2})

    widget = only(site.html("blog/2024/01/04/d"), "aside.llmblog-widgets nav.llmblog-tags")
    cloud = only(widget, "ul.llmblog-tag-cloud--cloud")
    sizes = {
        texts(li, "a")[0]: [c for c in li["class"] if c.startswith("llmblog-tag--size-")]
        for li in cloud.select("li")
    }
    # The two most used (Python, then the first by name of those with one post), shown by
    # name; the most used is the largest.
    assert list(sizes) == ["<b>Bold</b>", "Python"]
    assert sizes["Python"] == ["llmblog-tag--size-5"]
    assert sizes["<b>Bold</b>"] == ["llmblog-tag--size-1"]
    assert only(widget, ".llmblog-all-tags a").get_text() == "All tags"

    listed = tag_site(tmp_path / "list", log_watcher, {"tags_widget_style": "list"})
    widget = only(listed.html("blog/2024/01/04/d"), "aside.llmblog-widgets nav.llmblog-tags")
    assert widget.select("ul.llmblog-tag-cloud--list li") != []
    assert widget.select(".llmblog-all-tags") == []


def test_directives_embed_the_tags_and_posts_of_a_tag(
    tmp_path: Path, log_watcher: LogWatcher
) -> None:
    site = tag_site(tmp_path, log_watcher, {"recent_posts_tag": "C#"})

    home = site.html("")
    embedded = only(home, ".llmblog-embed--tags")
    assert texts(embedded, "a.llmblog-tag") == ["<b>Bold</b>", "C#", "C++", "Python"]
    recent = only(home, ".llmblog-embed--recent-posts")
    assert [t for t in texts(recent, "a") if t] == ["C", "B", "A"]
    widget = only(site.html("blog/2024/01/04/d"), "aside.llmblog-widgets nav.llmblog-recent")
    assert [t for t in texts(widget, "a") if t] == ["B"]


@pytest.mark.parametrize(
    ("directive", "problem"),
    [
        ('<!-- llmblog:recent-posts tag="nope" -->', "no published post has the tag 'nope'"),
        ("<!-- llmblog:tags style=round -->", "style must be cloud or list"),
        ("<!-- llmblog:tags limit=0 -->", "limit must be a whole number from 1 to 999"),
        ("<!-- llmblog:tags count=3 -->", "write arguments as style=list or limit=20"),
    ],
)
def test_a_bad_tags_directive_is_named(tmp_path: Path, directive: str, problem: str) -> None:
    site = build_site(
        tmp_path,
        {"plugins": ["llmblog"]},
        {
            "index.md": f"# Home\n\n{directive}\n",
            "blog/posts/a.md": post({"date": "2024-01-01", "title": "A", "tags": ["x"]}),
        },
        expect_error=True,
    )
    text = "\n".join(site.errors)
    assert "docs/index.md: line 3:" in text
    assert problem in text


@pytest.mark.parametrize(
    "directive", ["<!-- llmblog:recent-posts tag=x -->", "<!-- llmblog:tags style=list -->"]
)
def test_a_tag_directive_with_tags_turned_off_says_so(tmp_path: Path, directive: str) -> None:
    site = build_site(
        tmp_path,
        {"plugins": [{"llmblog": {"tags": False}}]},
        {
            "index.md": f"# Home\n\n{directive}\n",
            "blog/posts/a.md": post({"date": "2024-01-01", "title": "A", "tags": ["x"]}),
        },
        expect_error=True,
    )
    text = "\n".join(site.errors)
    assert f"docs/index.md: line 3: '{directive}': tags are turned off ('tags: false'" in text


def test_a_recent_posts_tag_with_tags_turned_off_is_a_warning(
    tmp_path: Path, log_watcher: LogWatcher
) -> None:
    log_watcher.expect(
        re.escape(
            "option 'recent_posts_tag': tags are turned off ('tags: false'), so the Recent posts "
            "widget is empty"
        )
    )
    build_site(
        tmp_path,
        {"plugins": [{"llmblog": {"tags": False, "recent_posts_tag": "x"}}]},
        {"blog/posts/a.md": post({"date": "2024-01-01", "title": "A", "tags": ["x"]})},
        strict=False,
    )


def test_each_tag_has_its_feeds(tmp_path: Path, log_watcher: LogWatcher) -> None:
    site = tag_site(tmp_path, log_watcher, {"term_feed_formats": ["rss", "atom", "json"]})

    for name in ("feed.xml", "atom.xml", "feed.json"):
        assert (site.site_dir / "blog/tag/python" / name).is_file()
        assert (site.site_dir / "blog/category/c-plus-plus" / name).is_file()
    feed = feedparser.parse((site.site_dir / "blog/tag/python/feed.xml").read_bytes())
    assert feed.feed.title == "Test blog \u2013 #Python"
    assert [entry.title for entry in feed.entries] == ["C", "B", "A"]
    head = site.html("blog/tag/python").select("link[rel=alternate]")
    assert [str(link["href"]) for link in head][-3:] == ["feed.xml", "atom.xml", "feed.json"]

    quiet = tag_site(tmp_path / "quiet", log_watcher, {"tag_feeds": False})
    assert not (quiet.site_dir / "blog/tag/python/feed.xml").exists()

    # An empty list is no feed for any category, tag or author page, and no link to one.
    none = tag_site(tmp_path / "none", log_watcher, {"term_feed_formats": []})
    for folder in ("blog/tag/python", "blog/category/c-plus-plus"):
        assert not any((none.site_dir / folder).glob("*.xml")), folder
        assert not (none.site_dir / folder / "feed.json").exists()
        hrefs = [str(link["href"]) for link in none.html(folder).select("link[rel=alternate]")]
        assert hrefs == ["../../feed.xml", "../../atom.xml", "../../feed.json"], folder
    assert (none.site_dir / "blog/feed.xml").is_file()


def test_tags_that_would_share_a_page_or_are_not_allowed_stop_the_build(tmp_path: Path) -> None:
    clash = build_site(
        tmp_path / "clash",
        {"plugins": ["llmblog"]},
        {
            "blog/posts/a.md": post({"date": "2024-01-01", "title": "A", "tags": ["C++"]}),
            "blog/posts/b.md": post({"date": "2024-01-02", "title": "B", "tags": ["C plus plus"]}),
        },
        expect_error=True,
    )
    assert (
        "The tags 'C++' (docs/blog/posts/a.md) and 'C plus plus' (docs/blog/posts/b.md) would "
        "share the page 'tag/c-plus-plus/'"
    ) in "\n".join(clash.errors)

    refused = build_site(
        tmp_path / "refused",
        {"plugins": [{"llmblog": {"tags_allowed": ["python"]}}]},
        {"blog/posts/a.md": post({"date": "2024-01-01", "title": "A", "tags": ["Python", "Go"]})},
        expect_error=True,
    )
    assert (
        "docs/blog/posts/a.md: front matter key 'tags' has 'Go', which is not in 'tags_allowed'"
    ) in "\n".join(refused.errors)


def test_material_tags_plugin_and_ours_do_not_double(
    tmp_path: Path, log_watcher: LogWatcher
) -> None:
    both = build_site(
        tmp_path / "both",
        {"theme": "material", "plugins": ["tags", {"llmblog": {"widgets": ["tags"]}}]},
        files(),
    )
    page = both.html("blog/2024/01/02/b")
    # Material's plugin prints the post's tags above it; the blog does not repeat them.
    assert page.select("article.llmblog-post .llmblog-post-tags") == []
    assert page.select(".md-tags") != []
    # The tag pages, the page of all tags and the cloud are the blog's.
    assert both.has_page("blog/tag/python")
    assert both.has_page("blog/tags")
    assert page.select("nav.llmblog-tags") != []


def test_labels_follow_the_language(tmp_path: Path, log_watcher: LogWatcher) -> None:
    site = tag_site(tmp_path, log_watcher, {"language": "de"})
    assert texts(site.html("blog/2024/01/02/b"), ".llmblog-post-tags-label") == ["Schlagwörter:"]
    assert only(site.html("blog/tag/python"), ".llmblog-list-kind").get_text() == "Schlagwort"


def test_a_dirty_build_follows_an_added_or_removed_tag(
    tmp_path: Path, log_watcher: LogWatcher
) -> None:
    log_watcher.expect(r"A 'dirty' build is being performed")
    config = {"plugins": [{"llmblog": {"widgets": ["tags"]}}]}
    sources = {
        "blog/posts/a.md": post({"date": "2024-01-01", "title": "A", "tags": ["Old"]}),
        "blog/posts/b.md": post({"date": "2024-01-02", "title": "B"}),
    }
    write_project(tmp_path, config, sources)
    dirty_build(tmp_path, dirty=False)

    sources["blog/posts/b.md"] = post({"date": "2024-01-02", "title": "B", "tags": ["New"]})
    sources["blog/posts/a.md"] = post({"date": "2024-01-01", "title": "A"})
    write_project(tmp_path, config, sources)
    site = dirty_build(tmp_path, dirty=True)

    assert texts(site.html("blog/tags"), ".llmblog-list--tags a.llmblog-tag") == ["New"]
    assert texts(site.html("blog/2024/01/01/a"), "nav.llmblog-tags a.llmblog-tag") == ["New"]
    assert texts(site.html("blog/tag/new"), ".llmblog-post-card-title a") == ["B"]


# layout.tags and the cloud, function by function


def make_post(name: str, day: int, tags: tuple[str, ...]) -> Post:
    moment = dt.datetime(2024, 1, day, tzinfo=dt.UTC)
    return Post(
        src_uri=f"blog/posts/{name}.md",
        path=f"docs/blog/posts/{name}.md",
        title=name,
        title_from_heading=False,
        date=PostDate(moment, True),
        updated=None,
        slug=name,
        description=None,
        categories=(),
        tags=tags,
        authors=(),
        draft=False,
    )


def test_build_tags_names_a_tag_as_first_written_and_files_posts_newest_first() -> None:
    old, new = make_post("old", 1, ("Rust", "rust ")), make_post("new", 2, ("RUST",))
    index = build_tags([new, old], None)
    assert list(index.by_key) == ["rust"]
    assert index.by_key["rust"].name == "Rust"
    assert [p.slug for p in index.by_key["rust"].posts] == ["new", "old"]
    assert len(index.warnings) == 2
    with pytest.raises(TagError, match="not in 'tags_allowed'"):
        build_tags([old], ["go"])


@pytest.mark.parametrize(
    ("name", "slug"),
    [("C++", "c-plus-plus"), ("C#", "c-sharp"), ("Café", "cafe"), ("con", "con-tag")],
)
def test_tag_slugs_spell_out_symbols(name: str, slug: str) -> None:
    assert tag_slug(name) == slug


def test_cloud_sizes_grow_with_the_count_on_a_log_scale() -> None:
    assert [cloud_size(count, 1, 100) for count in (1, 3, 10, 30, 100)] == [1, 2, 3, 4, 5]
    assert cloud_size(4, 4, 4) == 3


def test_full_content_tag_feeds_carry_old_posts_bodies(tmp_path: Path) -> None:
    # An old post, out of the blog's feed, is the newest of its tag: its feed has its body.
    sources: dict[str, str | bytes] = {
        f"blog/posts/p{day}.md": post({"date": f"2024-02-{day:02d}", "title": f"P{day}"})
        for day in range(1, 4)
    }
    sources["blog/posts/old.md"] = post(
        {"date": "2023-01-01", "title": "Old", "tags": ["Rare"]},
        "Old body.\n\n<!-- more -->\n\nRest.\n",
    )
    site = build_site(
        tmp_path,
        {"plugins": [{"llmblog": {"feed_content": "full", "feed_entries": 2}}]},
        sources,
    )
    feed = feedparser.parse((site.site_dir / "blog/tag/rare/feed.xml").read_bytes())
    [entry] = feed.entries
    assert "Rest." in entry.content[0].value


def test_no_tags_no_page_of_all_tags(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        {"plugins": ["llmblog"]},
        {"blog/posts/a.md": post({"date": "2024-01-01", "title": "A"})},
    )
    assert not site.has_page("blog/tags")
