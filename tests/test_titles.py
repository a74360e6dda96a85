"""Post titles as Material's blog shows them: a heading once on the page, plain text elsewhere."""

from __future__ import annotations

from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup, Tag

from tests.sitebuilder import BuiltSite, build_site, post

THEMES = ["material", "mkdocs", "readthedocs"]
MARKDOWN_HEADING = "`git sparse-checkout` &mdash; *fast* [clones](https://git-scm.com/)"
HEADING_TEXT = "git sparse-checkout — fast clones"


def titled_site(tmp_path: Path, theme: str) -> BuiltSite:
    return build_site(
        tmp_path,
        {
            "site_url": "https://example.com/",
            "theme": theme,
            "plugins": [{"llmblog": {"widgets": ["recent_posts"]}}],
        },
        {
            "index.md": "# Home\n",
            "blog/posts/both.md": post(
                {"date": "2024-01-02", "title": "The short title"},
                "<!-- a comment first -->\n\n# The page's own heading\n\nFirst words.\n\n"
                "<!-- more -->\n\nRest.\n",
            ),
            "blog/posts/markdown.md": post(
                {"date": "2024-01-01"}, f"# {MARKDOWN_HEADING}\n\nText.\n"
            ),
            "blog/posts/later.md": post(
                {"date": "2023-12-31", "title": "Heading later"},
                "Intro first.\n\n# A section heading\n\nMore.\n",
            ),
        },
    )


def first(element: BeautifulSoup | Tag, selector: str) -> Tag:
    found = element.select_one(selector)
    assert found is not None, selector
    return found


def texts(site: BuiltSite, url: str, selector: str) -> list[str]:
    return [element.get_text(" ", strip=True) for element in site.html(url).select(selector)]


@pytest.mark.parametrize("theme", THEMES)
def test_a_post_with_title_and_heading_shows_the_heading_once(tmp_path: Path, theme: str) -> None:
    site = titled_site(tmp_path, theme)

    page = site.html("blog/2024/01/02/the-short-title")
    article = first(page, "article.llmblog-post")
    assert [h1.get_text(strip=True) for h1 in article.select("h1")] == ["The page's own heading"]
    assert "The page's own heading" not in first(article, ".llmblog-post-body").get_text()
    assert page.title is not None
    assert "The short title" in page.title.get_text()
    # Cards and widgets show front matter's title; the excerpt does not repeat the heading.
    cards = site.html("blog").select("article.llmblog-post-card")
    both = next(card for card in cards if "short-title" in str(card.select_one("h2 a")))
    assert first(both, "h2").get_text(strip=True) == "The short title"
    assert "own heading" not in first(both, ".llmblog-excerpt").get_text()
    assert "The short title" in texts(site, "", ".llmblog-recent a")
    feed = feedparser.parse((site.site_dir / "blog/feed.xml").read_bytes())
    assert "The short title" in [entry.title for entry in feed.entries]


@pytest.mark.parametrize("theme", THEMES)
def test_a_title_from_a_heading_is_plain_text_everywhere(tmp_path: Path, theme: str) -> None:
    site = titled_site(tmp_path, theme)

    url = "blog/2024/01/01/git-sparse-checkout-fast-clones"
    page = site.html(url)
    assert texts(site, url, "article.llmblog-post h1") == [HEADING_TEXT]
    assert page.title is not None
    assert HEADING_TEXT in page.title.get_text()
    assert HEADING_TEXT in texts(site, "blog", "article.llmblog-post-card h2")
    assert HEADING_TEXT in texts(site, "", ".llmblog-recent a")
    feed = feedparser.parse((site.site_dir / "blog/feed.xml").read_bytes())
    assert HEADING_TEXT in [entry.title for entry in feed.entries]
    for text in [*texts(site, url, "title, h1, h2, a"), *(e.title for e in feed.entries)]:
        assert "`" not in text
        assert "&mdash;" not in text
        assert "*fast*" not in text


def test_a_heading_after_the_first_words_stays_where_it_is(tmp_path: Path) -> None:
    site = titled_site(tmp_path, "mkdocs")

    article = first(site.html("blog/2023/12/31/heading-later"), "article.llmblog-post")
    assert first(article, "h1.llmblog-post-title").get_text(strip=True) == "Heading later"
    body = first(article, ".llmblog-post-body")
    assert [h1.get_text(strip=True) for h1 in body.select("h1")] == ["A section heading"]
