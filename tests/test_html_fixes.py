"""Real builds showing the HTML fixes of issue #14 section 2, on the themes they touch.

Excerpts keep their code as written; titles with markup are text wherever the theme prints
them; search indexes each post once, at its URL; rel=prev/next are written once; the Atom feed
always has an author; the widgets survive a Material override without a sidebar; reading time
is counted from the rendered text.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import feedparser
import pytest
from bs4 import BeautifulSoup, Tag

from tests.conftest import LogWatcher
from tests.sitebuilder import BuiltSite, build_site, post

SITE_URL = "https://example.com/test/"
CODE_TEXT = '<a href="other.md" id="x">'


def page_url(site: BuiltSite, url_path: str) -> str:
    """The absolute URL of a page given as `blog/category/dev` (directory URLs)."""
    assert site.use_directory_urls
    return SITE_URL + (url_path.strip("/") + "/" if url_path.strip("/") else "")


def parsed_feed(site: BuiltSite, path: str) -> Any:
    feed = feedparser.parse((site.site_dir / path).read_bytes())
    assert not feed.bozo, f"{path} is not well formed: {feed.bozo_exception}"
    return feed


# 1. Excerpts: code text stays as written; real links are rewritten, ids dropped.


def code_excerpt_files() -> dict[str, str | bytes]:
    return {
        "index.md": "# Home\n",
        "blog/posts/code.md": post(
            {"date": "2024-01-02", "title": "Code example", "categories": ["Dev"]},
            f"Intro with `{CODE_TEXT}` and [the other post](other.md){{ #real-link }}.\n\n"
            "<!-- more -->\n\nThe rest.\n",
        ),
        "blog/posts/other.md": post(
            {"date": "2024-01-01", "title": "Other", "categories": ["Dev"]}, "Other body.\n"
        ),
    }


def check_excerpt(excerpt: Tag, base_url: str) -> None:
    """The excerpt of "Code example" as a list page or feed shows it, seen from `base_url`."""
    codes = excerpt.find_all("code")
    assert [code.get_text() for code in codes] == [CODE_TEXT]
    links = excerpt.find_all("a")
    assert len(links) == 1, links
    assert links[0].get_text() == "the other post"
    assert urljoin(base_url, str(links[0]["href"])) == SITE_URL + "blog/2024/01/01/other/"
    assert links[0].get("id") is None
    assert excerpt.find(id=True) is None


def test_excerpt_code_stays_as_written_on_lists_and_feeds(tmp_path: Path, theme: str) -> None:
    site = build_site(
        tmp_path,
        {"theme": {"name": theme}, "markdown_extensions": ["attr_list"]},
        code_excerpt_files(),
    )
    # The post itself keeps its id and its code.
    own = site.html("blog/2024/01/02/code-example")
    body = own.select_one(".llmblog-post-body")
    assert body is not None
    assert [code.get_text() for code in body.find_all("code")] == [CODE_TEXT]
    assert body.find("a", id="real-link") is not None

    for url_path in ("blog", "blog/category/dev"):
        soup = site.html(url_path)
        cards = soup.select("article.llmblog-post-card")
        card = next(c for c in cards if "Code example" in c.get_text())
        excerpt = card.select_one(".llmblog-excerpt")
        assert excerpt is not None, url_path
        check_excerpt(excerpt, page_url(site, url_path))

    for path in ("blog/feed.xml", "blog/atom.xml", "blog/category/dev/feed.xml"):
        feed = parsed_feed(site, path)
        entry = next(e for e in feed.entries if e.title == "Code example")
        check_excerpt(BeautifulSoup(entry.summary, "html.parser"), entry.link)


# 2. Titles: text wherever the theme prints them; nothing in the page is replaced.

EM_TITLE = "Why <em>this</em> matters"


def theme_title_spots(soup: BeautifulSoup, theme: str) -> list[Tag]:
    """Where the theme itself prints the current page's title (besides `<title>`)."""
    if theme == "material":
        topics = soup.select(".md-header__topic .md-ellipsis")
        assert len(topics) == 2  # The site name, then the page title.
        return [topics[1]]
    if theme == "readthedocs":
        return soup.select("li.breadcrumb-item.active")
    return []  # The mkdocs theme prints it in <title> only (posts are not in its nav).


def test_title_markup_is_text_and_body_markup_stays(tmp_path: Path, theme: str) -> None:
    files: dict[str, str | bytes] = {
        "index.md": "# Home\n",
        "blog/posts/em.md": post(
            {"date": "2024-01-03", "title": EM_TITLE},
            f"{EM_TITLE}, the body says too.\n\nAnd <em>this</em> again.\n",
        ),
        "blog/posts/plain.md": post({"date": "2024-01-01", "title": "Plain"}, "Plain body.\n"),
    }
    site = build_site(tmp_path, {"theme": {"name": theme}}, files)
    soup = site.html("blog/2024/01/03/why-em-this-em-matters")

    # The body's real <em> elements stay elements, and are the only ones on the page.
    body = soup.select_one(".llmblog-post-body")
    assert body is not None
    assert [em.get_text() for em in body.find_all("em")] == ["this", "this"]
    assert "&lt;em&gt;" not in str(body)
    assert len(soup.find_all("em")) == 2

    title = soup.find("title")
    assert isinstance(title, Tag)
    assert title.find("em") is None
    assert title.get_text() == f"{EM_TITLE} - Test blog"

    header = soup.select_one("h1.llmblog-post-title")
    assert header is not None
    assert header.find("em") is None
    assert header.get_text() == EM_TITLE

    spots = theme_title_spots(soup, theme)
    if theme != "mkdocs":
        assert spots
    for spot in spots:
        assert spot.find("em") is None
        assert spot.get_text(strip=True) == EM_TITLE

    # The list's card and the other post's widgets show the title as text too; the only
    # <em> elements left are the excerpt's own.
    for url_path in ("blog", "blog/2024/01/01/plain"):
        other = site.html(url_path)
        assert EM_TITLE in other.get_text(), url_path
        for em in other.find_all("em"):
            assert em.find_parent(class_="llmblog-excerpt") is not None, (url_path, em.parent)
    card_title = site.html("blog").select_one(".llmblog-post-card-title")
    assert card_title is not None
    assert card_title.get_text(strip=True) == EM_TITLE


@pytest.mark.parametrize(("tag_title", "slug"), [("</head>", "head"), ("<li>", "li")])
def test_titles_like_tags_leave_the_page_intact(
    tmp_path: Path, theme: str, tag_title: str, slug: str
) -> None:
    files: dict[str, str | bytes] = {
        "index.md": "# Home\n",
        "about.md": "# About\n",
        "blog/index.md": "# Blog\n",
        "blog/posts/tag.md": post({"date": "2024-01-03", "title": tag_title}, "Tag body.\n"),
        "blog/posts/middle.md": post({"date": "2024-01-02", "title": "Middle"}, "Middle.\n"),
        "blog/posts/plain.md": post({"date": "2024-01-01", "title": "Plain"}, "Plain body.\n"),
    }
    # A section gives the mkdocs theme's nav its plain <li> items.
    nav = [{"Home": "index.md"}, {"Guide": [{"About": "about.md"}]}, {"Blog": "blog/index.md"}]
    site = build_site(tmp_path, {"theme": {"name": theme}, "nav": nav}, files)
    url_path = f"blog/2024/01/03/{slug}"
    raw = site.page_path(url_path).read_text(encoding="utf-8")
    assert raw.count("</head>") == 1
    assert raw.index("</head>") < raw.index("<body")
    soup = BeautifulSoup(raw, "html.parser")
    head = soup.find("head")
    assert isinstance(head, Tag)
    # The blog's own head tags went before the real </head>.
    og_title = head.find("meta", property="og:title")
    assert isinstance(og_title, Tag)
    assert og_title["content"] == tag_title
    page_title = head.find("title")
    assert isinstance(page_title, Tag)
    assert page_title.get_text() == f"{tag_title} - Test blog"
    header = soup.select_one("h1.llmblog-post-title")
    assert header is not None
    assert header.get_text() == tag_title
    # The theme's nav items and the widgets' lists: as many as on a post that is not the
    # tag-titled post's neighbour (same nav, same widgets).
    reference = site.html("blog/2024/01/01/plain")
    assert len(soup.find_all("li")) == len(reference.find_all("li"))
    nav_texts = {a.get_text(strip=True) for a in soup.find_all("a")}
    assert {"Home", "About", "Blog"} <= nav_texts


# 3. Search: each post's text once, at its own URL.

SEARCH_POSTS = {
    "aardvark": ("2024-01-01", "Aardvark notes", "Aardvarkian burrows run deep."),
    "bison": ("2024-01-02", "Bison notes", "Bisonesque herds roam wide."),
    "cormorant": ("2024-01-03", "Cormorant notes", "Cormorantine wings dry slowly."),
}


@pytest.mark.parametrize("search_theme", ["material", "mkdocs"])
def test_search_indexes_each_post_once_at_its_url(tmp_path: Path, search_theme: str) -> None:
    files: dict[str, str | bytes] = {"index.md": "# Home\n"}
    for slug, (date, title, text) in SEARCH_POSTS.items():
        files[f"blog/posts/{slug}.md"] = post(
            {"date": date, "title": title, "slug": slug, "categories": ["Zoo"], "tags": ["t"]},
            f"{text}\n\nMore of it.\n",
        )
    site = build_site(
        tmp_path, {"theme": {"name": search_theme}, "plugins": ["search", "llmblog"]}, files
    )
    # The pages do show neighbours, related posts and excerpts: only the index leaves them out.
    middle = site.html("blog/2024/01/02/bison").get_text()
    assert "Aardvark notes" in middle
    assert "Cormorant notes" in middle
    assert "Bisonesque" in site.html("blog").get_text()
    assert "Bisonesque" in site.html("blog/category/zoo").get_text()
    assert "Bisonesque" in site.html("blog/archive/2024").get_text()

    index = json.loads((site.site_dir / "search" / "search_index.json").read_text("utf-8"))
    docs: list[dict[str, str]] = index["docs"]
    for slug, (date, title, text) in SEARCH_POSTS.items():
        url = f"blog/{date.replace('-', '/')}/{slug}/"
        word = text.split()[0]
        found = [doc["location"] for doc in docs if word in doc["text"]]
        assert found == [url], (word, found)
        # Neither its neighbours nor its related posts are found on it.
        own = " ".join(doc["text"] for doc in docs if doc["location"].startswith(url))
        others = [t for t in (v[1] for v in SEARCH_POSTS.values()) if t != title]
        assert not [t for t in others if t in own], own
    for doc in docs:
        assert "Related posts" not in doc["text"]
        assert "Previous post" not in doc["text"]
        assert "Next post" not in doc["text"]


# 4. rel=prev/next: once each in the head.


def test_rel_prev_and_next_are_written_once(tmp_path: Path, theme: str) -> None:
    files: dict[str, str | bytes] = {
        "index.md": "# Home\n",
        "blog/posts/a.md": post({"date": "2024-01-01", "title": "Older"}),
        "blog/posts/b.md": post({"date": "2024-01-02", "title": "Middle"}),
        "blog/posts/c.md": post({"date": "2024-01-03", "title": "Newer"}),
    }
    site = build_site(tmp_path, {"theme": {"name": theme}}, files)
    expected = {
        "blog/2024/01/01/older": (None, "blog/2024/01/02/middle/"),
        "blog/2024/01/02/middle": ("blog/2024/01/01/older/", "blog/2024/01/03/newer/"),
        "blog/2024/01/03/newer": ("blog/2024/01/02/middle/", None),
    }
    for url_path, (prev_url, next_url) in expected.items():
        raw = site.page_path(url_path).read_text(encoding="utf-8")
        head = BeautifulSoup(raw[: raw.index("</head>")], "html.parser")
        here = page_url(site, url_path)
        for rel, target in (("prev", prev_url), ("next", next_url)):
            links = head.find_all("link", rel=rel)
            hrefs = [urljoin(here, str(link["href"])) for link in links]
            assert hrefs == ([SITE_URL + target] if target else []), (url_path, rel)


# 5. Atom: the feed has an author even when nothing names one.


def test_atom_feed_author_is_the_site_name_without_site_author(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "blog/posts/a.md": post({"date": "2024-01-01", "title": "A"}),
        "blog/posts/b.md": post({"date": "2024-01-02", "title": "B"}),
    }
    site = build_site(tmp_path, {"site_name": "Field & Notes"}, files)
    feed = parsed_feed(site, "blog/atom.xml")
    assert feed.version == "atom10"
    assert feed.feed.author_detail.name == "Field & Notes"
    # RFC 4287: every entry has an author, its own or the feed's.
    assert all(not entry.get("authors") for entry in feed.entries)


def test_atom_feed_author_is_site_author_when_set(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "blog/posts/a.md": post({"date": "2024-01-01", "title": "A"}),
        "blog/posts/b.md": post({"date": "2024-01-02", "title": "B", "authors": ["Ada"]}),
    }
    site = build_site(tmp_path, {"site_author": "Grace"}, files)
    feed = parsed_feed(site, "blog/atom.xml")
    assert feed.feed.author_detail.name == "Grace"
    authors = {entry.title: [a.name for a in entry.get("authors", [])] for entry in feed.entries}
    assert authors == {"A": ["Grace"], "B": ["Ada"]}


# 6. Material without its sidebar: one warning, widgets after the content.


def test_material_override_without_sidebar_warns_once(
    tmp_path: Path, log_watcher: LogWatcher
) -> None:
    log_watcher.expect(r"docs/.*\.md: theme 'material': no right sidebar")
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    (overrides / "main.html").write_text(
        '{% extends "base.html" %}\n{% block site_nav %}{% endblock %}\n', encoding="utf-8"
    )
    files: dict[str, str | bytes] = {
        "index.md": "# Home\n",
        "blog/posts/a.md": post({"date": "2024-01-01", "title": "A"}, "A body.\n"),
        "blog/posts/b.md": post({"date": "2024-01-02", "title": "B"}, "B body.\n"),
    }
    # Not strict: the warning is the point.
    config = {"theme": {"name": "material", "custom_dir": "overrides"}}
    site = build_site(tmp_path, config, files, strict=False)
    warnings = [m for m in log_watcher.messages() if "no right sidebar" in m]
    assert len(warnings) == 1, warnings
    assert re.search(r"docs/[\w/]+\.md: theme 'material'", warnings[0])
    for url_path in ("", "blog", "blog/2024/01/01/a", "blog/2024/01/02/b"):
        soup = site.html(url_path)
        assert soup.select_one(".md-sidebar--secondary") is None
        widgets = soup.select("aside.llmblog-widgets")
        assert len(widgets) == 1, url_path
        assert widgets[0]["class"] == ["llmblog-widgets", "llmblog-widgets--after-content"]
        content = soup.select_one(".md-content")
        assert content is not None
        assert widgets[0] in content.descendants
        assert "Recent posts" in widgets[0].get_text()


def test_material_sidebar_gets_the_widgets(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "blog/posts/a.md": post({"date": "2024-01-01", "title": "A"}, "## Part\n\nA body.\n"),
    }
    config = {"theme": "material", "plugins": [{"llmblog": {"widgets_sidebar": "secondary"}}]}
    site = build_site(tmp_path, config, files)
    soup = site.html("blog/2024/01/01/a")
    sidebar = soup.select_one(".md-sidebar--secondary")
    assert sidebar is not None
    copy = sidebar.select_one("aside.llmblog-widgets--sidebar")
    assert copy is not None
    toc = sidebar.select_one("nav.md-nav--secondary")
    assert toc is not None
    assert copy.find_previous_sibling("nav") is toc


# 7. Reading time from the rendered text.

READING_BODY = """\
Alpha beta gamma delta epsilon zeta eta theta iota kappa, see [the docs][docs].

![A picture of a long winding road through green hills at dawn](https://example.com/road.png)

<abbr title="a title > with quite a lot of words that nobody reads as text">HTML</abbr> is
lambda mu nu xi omicron pi rho.

[docs]: https://example.com/a/long/path/to/docs "The title of the docs link, never read"
"""
READING_WORDS = 22
"""The words a reader sees: the paragraphs' text, with "the docs" and "HTML"; no alt text, link
title or URL. (The old count over the Markdown found 55.)"""


def test_reading_time_counts_the_rendered_words(tmp_path: Path, theme: str) -> None:
    files: dict[str, str | bytes] = {
        "blog/posts/a.md": post({"date": "2024-01-01", "title": "A"}, READING_BODY),
    }
    config = {"theme": {"name": theme}, "plugins": [{"llmblog": {"words_per_minute": 10}}]}
    site = build_site(tmp_path, config, files)
    soup = site.html("blog/2024/01/01/a")
    body = soup.select_one(".llmblog-post-body")
    assert body is not None
    assert len(body.get_text().split()) == READING_WORDS
    minutes = -(-READING_WORDS // 10)
    shown = soup.select_one(".llmblog-post-header .llmblog-reading-time")
    assert shown is not None
    assert shown.get_text(strip=True) == f"{minutes} min read"
    card = site.html("blog").select_one("article.llmblog-post-card .llmblog-reading-time")
    assert card is not None
    assert card.get_text(strip=True) == f"{minutes} min read"


# Review of the reorganisation: what other plugins and themes put into pages survives.

HOOK = """
def on_page_context(context, page, config, nav):
    page.content = (page.content or "") + "<p>HOOK-ADDED</p>"
    return context
"""


def test_another_plugins_page_context_changes_are_kept(tmp_path: Path, theme: str) -> None:
    (tmp_path / "hook.py").write_text(HOOK, encoding="utf-8")
    site = build_site(
        tmp_path,
        {"theme": theme, "hooks": ["hook.py"]},
        {
            "index.md": "# Home\n\nText.\n",
            "blog/posts/a.md": post({"date": "2024-01-02", "title": "A post"}, "Body.\n"),
        },
    )
    for url_path in ("", "blog", "blog/2024/01/02/a-post"):
        texts = [p.get_text() for p in site.html(url_path).find_all("p")]
        assert "HOOK-ADDED" in texts, url_path


def test_head_tags_survive_a_snippet_that_closes_the_head_early(tmp_path: Path) -> None:
    # A tracking pixel's <noscript><img> in the head makes an HTML parser end the head there.
    overrides = tmp_path / "overrides"
    overrides.mkdir(parents=True)
    (overrides / "main.html").write_text(
        '{% extends "base.html" %}\n{% block extrahead %}'
        '<noscript><img height="1" width="1" src="pixel.gif" alt=""></noscript>'
        "{% endblock %}\n",
        encoding="utf-8",
    )
    site = build_site(
        tmp_path,
        {"theme": {"name": "material", "custom_dir": "overrides"}},
        {"blog/posts/a.md": post({"date": "2024-01-02", "title": "A post"}, "Body.\n")},
    )
    page = site.html("blog/2024/01/02/a-post")
    assert len(page.find_all("meta", property="og:title")) == 1
    assert len(page.find_all("link", rel="alternate", type="application/rss+xml")) == 1
    assert len(page.find_all("script", type="application/ld+json")) == 1


def test_an_intro_heading_titles_the_blog_index_as_rendered(tmp_path: Path, theme: str) -> None:
    site = build_site(
        tmp_path,
        {"theme": theme},
        {
            "blog/index.md": "# News &amp; *notes*\n\nWelcome.\n",
            "blog/posts/a.md": post({"date": "2024-01-02", "title": "A post"}, "Body.\n"),
        },
    )
    title = site.html("blog").title
    assert title is not None
    assert title.get_text().startswith("News & notes")


def test_a_toc_heading_naming_md_content_keeps_the_sidebar_widgets(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        {"theme": "material", "plugins": [{"llmblog": {"widgets_sidebar": "secondary"}}]},
        {
            "blog/posts/a.md": post(
                {"date": "2024-01-02", "title": "A post"},
                "Body.\n\n## md-content two\n\nText.\n\n### Three\n\nMore.\n",
            )
        },
    )
    page = site.html("blog/2024/01/02/a-post")
    sidebar = page.select_one("div.md-sidebar--secondary")
    assert sidebar is not None
    assert sidebar.select_one("aside.llmblog-widgets--sidebar") is not None


def test_control_characters_of_ordinary_pages_are_left_alone(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        {"theme": "mkdocs"},
        {
            "index.md": "# Home\n\n```\n\x1b[31mred\x1b[0m\n```\n",
            "blog/posts/a.md": post({"date": "2024-01-02", "title": "A post"}, "Body.\n"),
        },
    )
    code = site.html("").find("code")
    assert code is not None
    assert "\x1b[31mred" in code.get_text()


@pytest.mark.parametrize("count", ["\u00b2", "1" * 5000])
def test_an_embed_count_that_is_not_plain_digits_is_a_clear_error(
    tmp_path: Path, count: str
) -> None:
    site = build_site(
        tmp_path,
        {},
        {
            "index.md": f"# Home\n\n<!-- llmblog:recent-posts count={count} -->\n",
            "blog/posts/a.md": post({"date": "2024-01-02", "title": "A post"}, "Body.\n"),
        },
        expect_error=True,
    )
    assert any(
        "docs/index.md" in message and "count must be a whole number" in message
        for message in site.errors
    ), site.errors
