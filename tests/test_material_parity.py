"""Parity with Material's blog plugin (issue #17): one Material-shaped blog built with `- blog`
(Material's own plugin) and with `- llmblog`, the output compared page by page.

Every page the two builds publish (posts, the index and its pages, category and archive pages
and their pages, files beside posts) must be at the same URL, and each post must show the same
title, authors, categories and dates.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import feedparser
import pytest
from bs4 import BeautifulSoup, Tag

from tests.conftest import LogWatcher
from tests.imagefiles import png_with_alpha
from tests.sitebuilder import BuiltSite, build_site, post

AUTHORS_FILE = """\
authors:
  ada:
    name: Ada Lovelace
    description: Writer
    avatar: https://example.com/ada.png
  Grace_H:
    name: Grace Hopper
    description: Admiral
    avatar: https://example.com/grace.png
"""


def material_blog() -> dict[str, str | bytes]:
    """A blog as Material's users write them: both a title and a heading, punctuation,
    apostrophes and dots in titles, explicit slugs with dots, categories with symbols,
    an authors file, a pinned post, a date mapping, an image beside the posts, a post
    titled by its file name, a post dated in the future (Material publishes it), and enough
    posts for two pages of the index."""
    files: dict[str, str | bytes] = {
        "index.md": "# Home\n",
        "blog/index.md": "# Blog\n",
        "blog/.authors.yml": AUTHORS_FILE,
        "blog/posts/folder/x.png": png_with_alpha(40, 30),
        "blog/posts/hello.md": post(
            {"date": dt.date(2024, 1, 15), "title": "Front title", "categories": ["News"]}
            | {"authors": ["ada"]},
            "# How we're doing: MkDocs 2.0!\n\nHello.\n\n![A pixel](folder/x.png)\n",
        ),
        "blog/posts/explicit.md": (
            "---\ndate:\n  created: 2024-02-01\n  updated: 2024-02-03\nslug: mkdocs-2.0\n"
            "categories: [C++, News]\nauthors: [ada, Grace_H]\npin: true\n---\n\n"
            "# Version 2.0 is out\n\nText.\n"
        ),
        "blog/posts/dots.md": post(
            {"date": dt.date(2023, 12, 31), "categories": ["Release Notes"]},
            "# Release 1.2.3: what's new...\n\nA first paragraph.\n\nA second one.\n",
        ),
        "blog/posts/Émile's café.md": post(
            {"date": dt.date(2023, 11, 5), "categories": ["Café & Co."]},
            "# Émile's café -- reopened\n\nText.\n",
        ),
        "blog/posts/no-heading-here.md": post({"date": dt.date(2023, 6, 1)}, "Just text.\n"),
        "blog/posts/future.md": post({"date": dt.date(2099, 1, 1)}, "# From the future\n\nT.\n"),
    }
    for number in range(12):
        files[f"blog/posts/p{number:02d}.md"] = post(
            {"date": dt.date(2022, 3, number + 1), "categories": ["News"]},
            f"# Post number {number}\n\nBody.\n",
        )
    return files


@dataclass(frozen=True)
class PostFacts:
    """What a post page shows a reader about the post."""

    head_title: str
    heading: str
    authors: tuple[str, ...]
    categories: tuple[tuple[str, str], ...]
    """Each category's name and the URL (from the site root) its link leads to."""
    created: dt.datetime
    date_text: str
    updated: dt.datetime | None
    images: tuple[str, ...]
    """The URL (from the site root) of each image in the post's body."""


def site_url_of(site: BuiltSite, page_file: Path, href: str) -> str:
    """The URL from the site root of a link `href` found in `page_file`."""
    target = (page_file.parent / href).resolve()
    relative = target.relative_to(site.site_dir.resolve()).as_posix()
    return relative + ("/" if href.endswith("/") else "")


def page_url(site: BuiltSite, page_file: Path) -> str:
    """The URL from the site root of the page in `page_file`."""
    relative = page_file.relative_to(site.site_dir).as_posix()
    if site.use_directory_urls and relative.endswith("index.html"):
        return relative.removesuffix("index.html")
    return relative


def required(element: BeautifulSoup | Tag, selector: str) -> Tag:
    found = element.select_one(selector)
    assert found is not None, f"no {selector!r}"
    return found


def material_post(site: BuiltSite, page_file: Path, soup: BeautifulSoup) -> PostFacts:
    meta = required(soup, ".md-post__meta")
    times = [dt.datetime.fromisoformat(str(t["datetime"])) for t in meta.select("time")]
    return PostFacts(
        head_title=required(soup, "title").get_text(strip=True),
        heading=required(soup, ".md-content__inner h1").get_text(strip=True),
        authors=tuple(
            strong.get_text(strip=True)
            for strong in soup.select(".md-post__authors .md-profile__description strong")
        ),
        categories=tuple(
            (link.get_text(strip=True), site_url_of(site, page_file, str(link["href"])))
            for link in meta.select("a")
        ),
        created=times[0],
        date_text=required(meta, "time").get_text(strip=True),
        updated=times[1] if len(times) > 1 else None,
        images=tuple(
            site_url_of(site, page_file, str(image["src"]))
            for image in soup.select(".md-content__inner img")
        ),
    )


def llmblog_post(site: BuiltSite, page_file: Path, soup: BeautifulSoup) -> PostFacts:
    article = required(soup, "article.llmblog-post")
    updated = article.select_one(".llmblog-post-updated time")
    return PostFacts(
        head_title=required(soup, "title").get_text(strip=True),
        heading=required(article, "h1").get_text(strip=True),
        authors=tuple(
            name.get_text(strip=True)
            for name in article.select(".llmblog-post-meta .llmblog-author-name")
        ),
        categories=tuple(
            (link.get_text(strip=True), site_url_of(site, page_file, str(link["href"])))
            for link in article.select(".llmblog-post-meta a.llmblog-category")
        ),
        created=dt.datetime.fromisoformat(
            str(required(article, ".llmblog-post-date time")["datetime"])
        ),
        date_text=required(article, ".llmblog-post-date time").get_text(strip=True),
        updated=dt.datetime.fromisoformat(str(updated["datetime"])) if updated else None,
        images=tuple(
            site_url_of(site, page_file, str(image["src"]))
            for image in article.select(".llmblog-post-body img")
        ),
    )


@dataclass(frozen=True)
class SiteFacts:
    """The pages and files of a build, and what each post shows."""

    pages: frozenset[str]
    files: frozenset[str]
    posts: dict[str, PostFacts]


def read_site(site: BuiltSite, material: bool) -> SiteFacts:
    pages: set[str] = set()
    posts: dict[str, PostFacts] = {}
    for page_file in sorted(site.site_dir.rglob("*.html")):
        url = page_url(site, page_file)
        if url.startswith(("assets/", "search/")):
            continue
        pages.add(url)
        soup = BeautifulSoup(page_file.read_text(encoding="utf-8"), "html.parser")
        is_post = (
            soup.select_one(".md-content--post") is not None
            if material
            else soup.select_one("article.llmblog-post") is not None
        )
        if is_post:
            read = material_post if material else llmblog_post
            posts[url] = read(site, page_file, soup)
    files = {
        path.relative_to(site.site_dir).as_posix()
        for path in site.site_dir.rglob("*.png")
        if not path.relative_to(site.site_dir).as_posix().startswith("assets/")
    }
    return SiteFacts(frozenset(pages), frozenset(files), posts)


def build_both(
    tmp_path: Path,
    files: dict[str, str | bytes],
    yaml_tags: dict[str, str] | None = None,
    llmblog_options: dict[str, Any] | None = None,
    **config: Any,
) -> tuple[SiteFacts, SiteFacts]:
    """The same blog built with Material's `blog` and with `llmblog` (`compatibility:
    material` unless the options say otherwise), options as given."""
    options = config.pop("options", {})
    sites = []
    for name in ("blog", "llmblog"):
        plugin_options = dict(options)
        if name == "llmblog":
            plugin_options.update(llmblog_options or {"compatibility": "material"})
        site = build_site(
            tmp_path / name,
            {"theme": "material", "plugins": ["search", {name: plugin_options}], **config},
            files,
            yaml_tags=yaml_tags,
        )
        sites.append(read_site(site, material=name == "blog"))
    return sites[0], sites[1]


@pytest.mark.slow
@pytest.mark.parametrize("use_directory_urls", [True, False], ids=["dir-urls", "file-urls"])
def test_a_material_blog_keeps_every_url_when_the_plugin_is_renamed(
    tmp_path: Path, use_directory_urls: bool
) -> None:
    material, ours = build_both(tmp_path, material_blog(), use_directory_urls=use_directory_urls)

    blog_pages = {url for url in material.pages if url.startswith("blog/")}
    # The comparison means something: posts, the index's second page, categories, archives.
    assert len(material.posts) == 18
    assert any("/page/2" in url for url in blog_pages)
    assert any(url.startswith("blog/category/") for url in blog_pages)
    assert any(url.startswith("blog/archive/") for url in blog_pages)
    assert sorted(ours.posts) == sorted(material.posts)
    assert sorted(ours.pages) == sorted(material.pages)
    assert sorted(ours.files) == sorted(material.files)
    assert material.files  # the image beside the posts is published by both


@pytest.mark.slow
def test_each_post_shows_what_material_showed(tmp_path: Path) -> None:
    material, ours = build_both(tmp_path, material_blog())

    assert material.posts
    assert [facts.images for facts in material.posts.values() if facts.images] == [
        ("blog/folder/x.png",)
    ]
    for url, facts in material.posts.items():
        assert ours.posts.get(url) == facts, url


TOC_SLUGIFY = "!!python/name:markdown.extensions.toc.slugify"


@pytest.mark.slow
@pytest.mark.parametrize("use_directory_urls", [True, False], ids=["dir-urls", "file-urls"])
def test_materials_url_options_give_materials_urls(
    tmp_path: Path, use_directory_urls: bool
) -> None:
    material, ours = build_both(
        tmp_path,
        material_blog(),
        yaml_tags={"SLUGIFY": TOC_SLUGIFY},
        use_directory_urls=use_directory_urls,
        options={
            "post_url_format": "{categories}/{date}/{file}",
            "post_url_date_format": "yyyy/MM",
            "post_url_max_categories": 2,
            "categories_slugify": "SLUGIFY",
            "categories_slugify_separator": "_",
            "post_slugify": "SLUGIFY",
            "categories_url_format": "topics/{slug}",
            "archive_url_format": "years/{date}",
            "pagination_per_page": 4,
            "pagination_url_format": "p/{page}",
            "archive_pagination_per_page": 3,
            "categories_pagination": False,
            "post_date_format": "EEE d MMM y",
            "authors_profiles": True,
        },
    )

    # The options were read: C++ is "c" with Material's slugify, the two first categories.
    assert any(url.startswith("blog/c/news/2024/02/explicit") for url in material.posts)
    assert any(url.startswith("blog/years/2022/p/4") for url in material.pages)
    assert not any(url.startswith("blog/topics/news/p/") for url in material.pages)
    assert "Thu 1 Feb 2024" in {facts.date_text for facts in material.posts.values()}
    assert any(url.startswith("blog/author/Grace_H") for url in material.pages)
    assert sorted(ours.posts) == sorted(material.posts)
    assert sorted(ours.pages) == sorted(material.pages)
    for url, facts in material.posts.items():
        assert ours.posts.get(url) == facts, url


@pytest.mark.slow
def test_materials_slug_options_give_materials_slugs(tmp_path: Path) -> None:
    material, ours = build_both(
        tmp_path,
        material_blog(),
        yaml_tags={"SLUGIFY": TOC_SLUGIFY},
        options={"post_slugify": "SLUGIFY", "post_slugify_separator": "_"},
    )

    assert "blog/2023/11/05/emiles_cafe_--_reopened/" in material.posts
    assert sorted(ours.posts) == sorted(material.posts)


def materials_defaults_written_out() -> dict[str, object]:
    """Every option of Material's blog with its default, as a site may list them, the slug
    functions left to the YAML tags."""
    return {
        "blog_dir": "blog",
        "blog_toc": False,
        "post_dir": "{blog}/posts",
        "post_date_format": "long",
        "post_url_date_format": "yyyy/MM/dd",
        "post_url_format": "{date}/{slug}",
        "post_url_max_categories": 1,
        "post_slugify": "POST_SLUGIFY",
        "post_slugify_separator": "-",
        "post_excerpt": "optional",
        "post_excerpt_max_authors": 1,
        "post_excerpt_max_categories": 5,
        "post_excerpt_separator": "<!-- more -->",
        "post_readtime": True,
        "post_readtime_words_per_minute": 265,
        "archive": True,
        "archive_name": "blog.archive",
        "archive_date_format": "yyyy",
        "archive_url_date_format": "yyyy",
        "archive_url_format": "archive/{date}",
        "categories": True,
        "categories_name": "blog.categories",
        "categories_url_format": "category/{slug}",
        "categories_slugify": "CATEGORIES_SLUGIFY",
        "categories_slugify_separator": "-",
        "categories_sort_by": "SORT_BY",
        "categories_sort_reverse": False,
        "categories_allowed": [],
        "authors": True,
        "authors_file": "{blog}/.authors.yml",
        "authors_profiles": False,
        "authors_profiles_name": "blog.authors",
        "authors_profiles_url_format": "author/{slug}",
        "pagination": True,
        "pagination_per_page": 10,
        "pagination_url_format": "page/{page}",
        "pagination_format": "~2~",
        "pagination_if_single_page": False,
        "pagination_keep_content": False,
        "draft": False,
        "draft_on_serve": True,
        "draft_if_future_date": False,
    }


MATERIAL_TAGS = {
    "POST_SLUGIFY": "!!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}",
    "CATEGORIES_SLUGIFY": "!!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}",
    "SORT_BY": "!!python/name:material.plugins.blog.view_name",
}


@pytest.mark.slow
def test_materials_options_at_their_defaults_build_strict_and_keep_the_urls(
    tmp_path: Path,
) -> None:
    material, ours = build_both(
        tmp_path,
        material_blog(),
        yaml_tags=MATERIAL_TAGS,
        options=materials_defaults_written_out(),
        llmblog_options={"compatibility": "auto"},
    )

    # `auto` took the site for a Material blog from its options; strict builds, no warning.
    assert sorted(ours.pages) == sorted(material.pages)
    assert sorted(ours.files) == sorted(material.files)


def test_an_option_this_plugin_cannot_honour_is_named_once(
    tmp_path: Path, log_watcher: LogWatcher
) -> None:
    log_watcher.expect(r"pagination_format.*not supported here")
    files = {"blog/posts/a.md": post({"date": dt.date(2024, 1, 1)}, "# A\n\nText.\n")}

    site = build_site(
        tmp_path,
        {
            "theme": "material",
            "plugins": [{"llmblog": {"pagination_format": "Page $page of $page_count"}}],
        },
        files,
        strict=False,
    )

    assert site.has_page("blog/2024/01/01/a")
    assert len([m for m in log_watcher.messages() if "pagination_format" in m]) == 1


def test_a_post_without_the_required_excerpt_mark_is_named(tmp_path: Path) -> None:
    files = {
        "blog/posts/marked.md": post({"date": dt.date(2024, 1, 2)}, "# M\n\nA\n\n<!-- more -->\n"),
        "blog/posts/unmarked.md": post({"date": dt.date(2024, 1, 1)}, "# U\n\nText.\n"),
    }

    site = build_site(
        tmp_path, {"plugins": [{"llmblog": {"post_excerpt": "required"}}]}, files, expect_error=True
    )

    assert any("docs/blog/posts/unmarked.md" in m and "<!-- more -->" in m for m in site.errors)
    assert not any("marked.md" in m.replace("unmarked.md", "") for m in site.errors)


def excerpt_paragraphs(site: BuiltSite, material: bool) -> list[list[str]]:
    """The paragraphs of each post's excerpt on the blog index, in order."""
    soup = site.html("blog")
    cards = soup.select("article.md-post--excerpt" if material else "article.llmblog-post-card")
    content = ".md-post__content p" if material else ".llmblog-excerpt p"
    return [[p.get_text(strip=True) for p in card.select(content)] for card in cards]


@pytest.mark.slow
def test_excerpts_without_the_mark_are_the_whole_post_as_with_material(tmp_path: Path) -> None:
    files = material_blog()
    excerpts = []
    for name, options in (("blog", {}), ("llmblog", {"compatibility": "material"})):
        config = {"theme": "material", "plugins": [{name: options}]}
        excerpts.append(
            excerpt_paragraphs(build_site(tmp_path / name, config, files), name == "blog")
        )

    assert ["A first paragraph.", "A second one."] in excerpts[0]
    assert excerpts[1] == excerpts[0]


@pytest.mark.slow
@pytest.mark.parametrize("theme", ["mkdocs", "readthedocs"])
@pytest.mark.parametrize("use_directory_urls", [True, False], ids=["dir-urls", "file-urls"])
def test_materials_urls_are_kept_on_other_themes_too(
    tmp_path: Path, theme: str, use_directory_urls: bool
) -> None:
    files = material_blog()
    material = read_site(
        build_site(
            tmp_path / "blog",
            {"theme": "material", "plugins": ["blog"], "use_directory_urls": use_directory_urls},
            files,
        ),
        material=True,
    )
    ours = read_site(
        build_site(
            tmp_path / "llmblog",
            {
                "theme": theme,
                "plugins": [{"llmblog": {"compatibility": "material"}}],
                "use_directory_urls": use_directory_urls,
            },
            files,
        ),
        material=False,
    )

    def blog_urls(facts: SiteFacts) -> list[str]:
        return sorted(url for url in facts.pages | facts.files if url.startswith("blog/"))

    assert len(material.posts) == 18
    assert blog_urls(ours) == blog_urls(material)
    assert sorted(ours.posts) == sorted(material.posts)


def root_blog() -> dict[str, str | bytes]:
    """The parity blog at the site root (`blog_dir: .`): its index is the home page."""
    return {
        name.removeprefix("blog/"): content
        for name, content in material_blog().items()
        if name != "index.md"
    }


@pytest.mark.slow
@pytest.mark.parametrize("use_directory_urls", [True, False], ids=["dir-urls", "file-urls"])
def test_a_blog_at_the_site_root_keeps_materials_urls(
    tmp_path: Path, use_directory_urls: bool
) -> None:
    material, ours = build_both(
        tmp_path,
        root_blog(),
        use_directory_urls=use_directory_urls,
        options={"blog_dir": "."},
    )

    assert len(material.posts) == 18
    assert any(url.startswith("2024/02/01/mkdocs-2.0") for url in material.posts)
    assert any(url.startswith("category/news") for url in material.pages)
    assert sorted(ours.pages) == sorted(material.pages)
    assert sorted(ours.files) == sorted(material.files)
    for url, facts in material.posts.items():
        assert ours.posts.get(url) == facts, url


@pytest.mark.slow
@pytest.mark.parametrize("theme", ["mkdocs", "readthedocs", "material"])
def test_a_blog_at_the_site_root_on_each_theme(tmp_path: Path, theme: str) -> None:
    site = build_site(
        tmp_path,
        {
            "theme": theme,
            "plugins": ["search", {"llmblog": {"blog_dir": ".", "compatibility": "material"}}],
        },
        root_blog(),
    )

    home = site.html("")
    cards = home.select("article.llmblog-post-card h2 a")
    assert len(cards) == 10  # the home page is the blog index, first page
    assert site.has_page("page/2")
    assert site.has_page("category/news")
    assert site.has_page("archive/2022")
    feed = feedparser.parse((site.site_dir / "feed.xml").read_bytes())
    assert feed.feed.link == "https://example.com/test/"
    assert len(feed.entries) == 18
    links = home.select('link[rel="alternate"][type="application/rss+xml"]')
    assert [link["href"] for link in links] == ["feed.xml"]


@pytest.mark.slow
def test_materials_post_dir_is_read(tmp_path: Path) -> None:
    files = {
        name.replace("blog/posts/", "blog/articles/"): content
        for name, content in material_blog().items()
    }

    material, ours = build_both(tmp_path, files, options={"post_dir": "{blog}/articles"})

    assert len(material.posts) == 18
    assert material.files == {"blog/folder/x.png"}
    assert sorted(ours.pages) == sorted(material.pages)
    assert sorted(ours.files) == sorted(material.files)


def card_facts(site: BuiltSite, material: bool) -> list[tuple[list[str], int]]:
    """Each card of the blog index: its categories' names and how many avatars or names of
    authors it shows."""
    soup = site.html("blog")
    cards = soup.select("article.md-post--excerpt" if material else "article.llmblog-post-card")
    categories = ".md-meta__link" if material else ".llmblog-category"
    authors = ".md-post__authors .md-author" if material else ".llmblog-byline-author"
    return [
        ([link.get_text(strip=True) for link in card.select(categories)], len(card.select(authors)))
        for card in cards
    ]


@pytest.mark.slow
def test_materials_card_and_author_options(tmp_path: Path) -> None:
    files = material_blog()
    facts = []
    posts = []
    for name in ("blog", "llmblog"):
        options: dict[str, Any] = {"post_excerpt_max_categories": 1}
        if name == "llmblog":
            options["compatibility"] = "material"
        config = {"theme": "material", "plugins": [{name: options}]}
        site = build_site(tmp_path / name / "cards", config, files)
        facts.append(card_facts(site, material=name == "blog"))
        options["authors"] = False
        site = build_site(tmp_path / name / "no-authors", config, files)
        posts.append(read_site(site, material=name == "blog").posts)

    assert (["C++"], 1) in facts[0]  # one category of two, one author of two
    assert facts[1] == facts[0]
    assert all(not post.authors for post in posts[0].values())
    assert posts[1] == posts[0]


@pytest.mark.slow
@pytest.mark.parametrize("keep", [True, False], ids=["kept", "first-page-only"])
def test_materials_pagination_keep_content(tmp_path: Path, keep: bool) -> None:
    files = material_blog()
    files["blog/index.md"] = "# Blog\n\nWelcome to the blog.\n"
    shown = []
    for name in ("blog", "llmblog"):
        options: dict[str, Any] = {"pagination_keep_content": keep}
        if name == "llmblog":
            options["compatibility"] = "material"
        config = {"theme": "material", "plugins": [{name: options}]}
        site = build_site(tmp_path / name, config, files)
        content = required(site.html("blog/page/2"), ".md-content")
        shown.append("Welcome to the blog." in content.get_text(" "))

    assert shown == [keep, keep]


@pytest.mark.slow
@pytest.mark.parametrize("single", [True, False], ids=["shown", "hidden"])
def test_materials_pagination_if_single_page(tmp_path: Path, single: bool) -> None:
    shown = []
    for name in ("blog", "llmblog"):
        options: dict[str, Any] = {"pagination_if_single_page": single}
        if name == "llmblog":
            options["compatibility"] = "material"
        config = {"theme": "material", "plugins": [{name: options}]}
        site = build_site(tmp_path / name, config, material_blog())
        page = site.html("blog/category/release-notes")  # one post: one page
        shown.append(page.select_one(".md-pagination__current, .llmblog-page-number") is not None)

    assert shown == [single, single]


@pytest.mark.slow
def test_materials_monthly_archives(tmp_path: Path) -> None:
    material, ours = build_both(
        tmp_path,
        material_blog(),
        options={"archive_url_date_format": "yyyy/MM", "archive_date_format": "MMMM yyyy"},
    )

    months = {url for url in material.pages if url.startswith("blog/archive/")}
    assert "blog/archive/2022/03/" in months
    assert "blog/archive/2022/" not in months  # a page a month only
    # Every page of Material's is here; the year pages are this plugin's own, besides.
    assert material.pages <= ours.pages
    extra = {url.removeprefix("blog/archive/") for url in ours.pages - material.pages}
    assert extra
    assert all(re.fullmatch(r"\d{4}/(page/\d+/)?", url) for url in extra), extra
    for name in ("blog", "llmblog"):
        page = BeautifulSoup(
            (tmp_path / name / "site/blog/archive/2022/03/index.html").read_text("utf-8"),
            "html.parser",
        )
        assert required(page, "title").get_text(strip=True).startswith("March 2022")


def toc_titles(site: BuiltSite, url: str) -> list[str]:
    """The entries of the table of contents Material's theme shows on a page."""
    toc = site.html(url).select_one("nav.md-nav--secondary")
    return [link.get_text(strip=True) for link in toc.select("a.md-nav__link")] if toc else []


@pytest.mark.slow
def test_materials_blog_toc_lists_the_posts_of_each_list(tmp_path: Path) -> None:
    tocs = []
    for name in ("blog", "llmblog"):
        options: dict[str, Any] = {"blog_toc": True, "archive_toc": False}
        if name == "llmblog":
            options["compatibility"] = "material"
        config = {"theme": "material", "plugins": [{name: options}]}
        site = build_site(tmp_path / name, config, material_blog())
        pages = ("blog", "blog/category/news", "blog/archive/2024")
        tocs.append([toc_titles(site, url) for url in pages])

    assert "Version 2.0 is out" in tocs[0][0]  # the index's posts
    assert "Version 2.0 is out" in tocs[0][1]  # a category's
    assert "Version 2.0 is out" not in tocs[0][2]  # archive_toc: false
    assert tocs[1] == tocs[0]


@pytest.mark.slow
def test_cards_are_titled_as_materials(tmp_path: Path) -> None:
    titles = []
    for name, options in (("blog", {}), ("llmblog", {"compatibility": "material"})):
        config = {"theme": "material", "plugins": [{name: options}]}
        site = build_site(tmp_path / name, config, material_blog())
        selector = "article.md-post--excerpt h2" if name == "blog" else ".llmblog-post-card-title"
        titles.append([h2.get_text(strip=True) for h2 in site.html("blog").select(selector)])

    assert "How we're doing: MkDocs 2.0!" in titles[0]  # the heading, not `title: Front title`
    assert titles[1] == titles[0]


@pytest.mark.slow
def test_scheduled_posts_as_material_holds_them_back(tmp_path: Path) -> None:
    files = material_blog()
    files["blog/posts/future-kept.md"] = post(
        {"date": dt.date(2099, 2, 1), "draft": False}, "# Kept although in the future\n\nT.\n"
    )
    material, ours = build_both(tmp_path, files, options={"draft_if_future_date": True})

    titles = {facts.heading for facts in material.posts.values()}
    assert "Kept although in the future" in titles  # `draft: false` says publish
    assert "From the future" not in titles  # not marked either way: held back
    assert sorted(ours.posts) == sorted(material.posts)
