"""Feeds (read back with feedparser, a real feed reader library) and share metadata."""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import feedparser
import pytest
from bs4 import BeautifulSoup, Tag

from tests import imagefiles
from tests.conftest import LogWatcher
from tests.links import assert_link_works
from tests.sitebuilder import BuiltSite, build_site, post

SITE_URL = "https://example.com/sub/"


def blog_files() -> dict[str, str | bytes]:
    return {
        "index.md": "# Home\n",
        "blog/posts/naive.md": post(
            {
                "date": "2024-03-01 09:30",
                "title": "Naive time",
                "categories": ["AI/Safety"],
                "tags": ["llm"],
                "authors": ["Ada"],
                "image": {"path": "pic.png", "alt": "A picture"},
            },
            "Intro with [a link](aware.md) and ![an image](pic.png).\n\n"
            "<!-- more -->\n\nThe rest.\n",
        ),
        "blog/posts/pic.png": imagefiles.png_with_alpha(1600, 900),
        "blog/posts/aware.md": post(
            {
                "date": "2024-02-01T08:00:00-05:00",
                "updated": "2024-02-10",
                "title": "Aware time",
                "categories": ["Community"],
                "description": "A hand-written description.",
            },
            "Aware body.\n",
        ),
        "blog/posts/day.md": post({"date": "2024-01-15", "title": "Date only"}, "Day body.\n"),
    }


def parsed(site: BuiltSite, path: str) -> Any:
    feed = feedparser.parse((site.site_dir / path).read_bytes())
    assert not feed.bozo, f"{path} is not well formed: {feed.bozo_exception}"
    return feed


@pytest.fixture(scope="module")
def feed_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    config = {
        "site_url": SITE_URL,
        "site_description": "Notes",
        "plugins": [{"llmblog": {"timezone": "Europe/Berlin", "feed_content": "full"}}],
    }
    return build_site(tmp_path_factory.mktemp("feeds"), config, blog_files())


@pytest.mark.parametrize("path", ["blog/feed.xml", "blog/atom.xml"])
def test_rss_and_atom_entries(feed_site: BuiltSite, path: str) -> None:
    feed = parsed(feed_site, path)
    assert feed.version == ("rss20" if path.endswith("feed.xml") else "atom10")
    titles = [entry.title for entry in feed.entries]
    assert titles == ["Naive time", "Aware time", "Date only"]
    naive, aware, day = feed.entries
    assert naive.link == SITE_URL + "blog/2024/03/01/naive-time/"
    # Dates carry their time zone: naive in the site's zone, aware as written, dates at midnight.
    utc = dt.UTC
    assert (
        calendar.timegm(naive.published_parsed)
        == dt.datetime(2024, 3, 1, 8, 30, tzinfo=utc).timestamp()
    )
    assert (
        calendar.timegm(aware.published_parsed)
        == dt.datetime(2024, 2, 1, 13, 0, tzinfo=utc).timestamp()
    )
    assert (
        calendar.timegm(day.published_parsed)
        == dt.datetime(2024, 1, 14, 23, 0, tzinfo=utc).timestamp()
    )
    assert [tag.term for tag in naive.tags] == ["AI/Safety"]
    assert naive.author == "Ada"
    # Summary and content: relative links and images made absolute.
    summary = BeautifulSoup(naive.summary, "html.parser")
    assert summary.a["href"] == SITE_URL + "blog/2024/02/01/aware-time/"  # type: ignore[index]
    assert summary.img["src"] == SITE_URL + "blog/posts/pic.png"  # type: ignore[index]
    assert "The rest." in naive.content[0].value


def test_rss_enclosure_and_media_content(feed_site: BuiltSite) -> None:
    feed = parsed(feed_site, "blog/feed.xml")
    naive = feed.entries[0]
    [enclosure] = naive.enclosures
    assert enclosure.type == "image/webp"
    assert enclosure.href.startswith(SITE_URL + "llmblog/images/")
    local = feed_site.site_dir / enclosure.href.removeprefix(SITE_URL)
    assert int(enclosure.length) == local.stat().st_size
    assert naive.media_content[0]["url"] == enclosure.href
    assert not feed.entries[2].get("enclosures")


def test_atom_updated_uses_the_updated_key(feed_site: BuiltSite) -> None:
    feed = parsed(feed_site, "blog/atom.xml")
    aware = feed.entries[1]
    assert aware.updated.startswith("2024-02-10T00:00:00+01:00")
    links = {link.rel: link.href for link in aware.links}
    assert links["alternate"] == SITE_URL + "blog/2024/02/01/aware-time/"
    naive_links = {link.rel: link for link in feed.entries[0].links}
    assert naive_links["enclosure"].type == "image/webp"


def test_json_feed(feed_site: BuiltSite) -> None:
    data = json.loads((feed_site.site_dir / "blog/feed.json").read_text())
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert data["title"] == "Test blog"
    assert data["feed_url"] == SITE_URL + "blog/feed.json"
    assert data["home_page_url"] == SITE_URL + "blog/"
    first = data["items"][0]
    for key in ("id", "url", "title", "content_html", "date_published"):
        assert first[key]
    assert first["image"].startswith(SITE_URL)
    assert first["tags"] == ["AI/Safety", "llm"]
    assert first["authors"] == [{"name": "Ada"}]
    assert first["date_published"] == "2024-03-01T09:30:00+01:00"
    assert [item["date_published"] for item in data["items"]][2] == "2024-01-15T00:00:00+01:00"


def test_category_feeds(feed_site: BuiltSite) -> None:
    feed = parsed(feed_site, "blog/category/ai/feed.xml")
    assert [entry.title for entry in feed.entries] == ["Naive time"]
    feed = parsed(feed_site, "blog/category/ai/safety/feed.xml")
    assert [entry.title for entry in feed.entries] == ["Naive time"]
    assert [e.title for e in parsed(feed_site, "blog/category/community/feed.xml").entries] == [
        "Aware time"
    ]


def test_feed_discovery_on_every_page(feed_site: BuiltSite) -> None:
    for url_path in ("", "blog", "blog/2024/01/15/date-only", "blog/category/community"):
        soup = feed_site.html(url_path)
        links = soup.select('head link[rel="alternate"][type]')
        types = [link["type"] for link in links]
        assert types[:3] == ["application/rss+xml", "application/atom+xml", "application/feed+json"]
        page = feed_site.page_path(url_path)
        for link in links:
            assert assert_link_works(feed_site, page, str(link["href"])).is_file()
    category_links = feed_site.html("blog/category/community").select('head link[rel="alternate"]')
    assert len(category_links) == 4


def meta(soup: BeautifulSoup, key: str) -> list[str]:
    tags = soup.find_all("meta", attrs={"property": key}) + soup.find_all(
        "meta", attrs={"name": key}
    )
    return [str(tag["content"]) for tag in tags if isinstance(tag, Tag)]


def test_post_page_share_metadata(feed_site: BuiltSite) -> None:
    soup = feed_site.html("blog/2024/02/01/aware-time")
    assert meta(soup, "description") == ["A hand-written description."]
    assert meta(soup, "og:type") == ["article"]
    assert meta(soup, "og:title") == ["Aware time"]
    assert meta(soup, "og:description") == ["A hand-written description."]
    assert meta(soup, "og:url") == [SITE_URL + "blog/2024/02/01/aware-time/"]
    assert meta(soup, "article:published_time") == ["2024-02-01T08:00:00-05:00"]
    assert meta(soup, "article:modified_time") == ["2024-02-10T00:00:00+01:00"]
    assert meta(soup, "article:section") == ["Community"]
    canonical = soup.select('link[rel="canonical"]')
    assert [link["href"] for link in canonical] == [SITE_URL + "blog/2024/02/01/aware-time/"]
    # Without a `description`, the excerpt's text.
    naive = feed_site.html("blog/2024/03/01/naive-time")
    assert meta(naive, "description") == ["Intro with a link and ."]
    assert meta(naive, "article:tag") == ["llm"]


def test_json_ld(feed_site: BuiltSite) -> None:
    soup = feed_site.html("blog/2024/03/01/naive-time")
    [script] = soup.select('script[type="application/ld+json"]')
    data = json.loads(script.get_text())
    assert data["@type"] == "BlogPosting"
    assert data["headline"] == "Naive time"
    assert data["datePublished"] == "2024-03-01T09:30:00+01:00"
    assert data["dateModified"] == "2024-03-01T09:30:00+01:00"
    assert data["author"] == [{"@type": "Person", "name": "Ada"}]
    assert data["keywords"] == ["AI/Safety", "llm"]
    assert data["mainEntityOfPage"]["@id"] == SITE_URL + "blog/2024/03/01/naive-time/"
    assert data["image"].startswith(SITE_URL + "llmblog/images/")
    [blog_script] = feed_site.html("blog").select('script[type="application/ld+json"]')
    assert json.loads(blog_script.get_text())["@type"] == "Blog"


def test_sitemap_lastmod_uses_updated(feed_site: BuiltSite) -> None:
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ElementTree.parse(feed_site.site_dir / "sitemap.xml").getroot()
    lastmod = {
        url.findtext("s:loc", namespaces=namespace): url.findtext("s:lastmod", namespaces=namespace)
        for url in root.findall("s:url", namespace)
    }
    assert lastmod[SITE_URL + "blog/2024/02/01/aware-time/"] == "2024-02-10"
    assert lastmod[SITE_URL + "blog/2024/01/15/date-only/"] == "2024-01-15"


def test_no_site_url_no_feeds_one_warning(tmp_path: Path, log_watcher: LogWatcher) -> None:
    log_watcher.expect("site_url is not set")
    site = build_site(tmp_path, {"site_url": None}, blog_files(), strict=False)
    assert not (site.site_dir / "blog" / "feed.xml").exists()
    assert len(log_watcher.messages()) == 1
    assert site.html("blog").select('link[rel="alternate"]') == []


PAYLOAD = '<script>alert(1)</script>"onerror=alert(2)</title>'


def test_html_and_script_in_every_author_field_come_out_escaped(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "blog/posts/evil.md": post(
            {
                "date": "2024-01-01",
                "title": "T " + PAYLOAD,
                "description": "D " + PAYLOAD,
                "categories": ["C " + PAYLOAD.replace("/", "")],
                "tags": ["G " + PAYLOAD],
                "authors": ["A " + PAYLOAD],
                "image": {"path": "pic.png", "alt": "I " + PAYLOAD, "caption": "K " + PAYLOAD},
            },
            "Body.\n",
        ),
        "blog/posts/pic.png": imagefiles.png_with_alpha(400, 300),
        "blog/posts/next.md": post({"date": "2024-01-02", "title": "Neighbour"}),
    }
    for theme in ("material", "mkdocs", "readthedocs"):
        site = build_site(tmp_path / theme, {"theme": theme, "site_url": SITE_URL}, files)
        for path in site.site_dir.rglob("*"):
            if path.suffix not in (".html", ".xml", ".json"):
                continue
            text = path.read_text(encoding="utf-8")
            assert "<script>alert(1)" not in text, f"{theme}: raw script in {path}"
        for path in site.site_dir.rglob("*.html"):
            soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            assert not soup.find_all(onerror=True), f"{theme}: onerror attribute in {path}"
            injected = soup.find_all("script", string=re.compile(r"^\s*alert\(1\)\s*$"))
            assert not injected, f"{theme}: the payload became a script in {path}"
            titles = soup.find_all("title")
            assert len(titles) <= 1, f"{theme}: the payload closed <title> in {path}"
            for script in soup.select('script[type="application/ld+json"]'):
                json.loads(script.get_text())  # the payload did not end the block
        post_page = site.html("blog/2024/01/01/t-script-alert-1-script-onerror-alert-2-title")
        assert post_page.select_one("h1.llmblog-post-title").get_text() == "T " + PAYLOAD  # type: ignore[union-attr]
        feed = parsed(site, "blog/feed.xml")
        assert feed.entries[-1].title == "T " + PAYLOAD


def test_feed_language_codes_and_category_feed_titles(tmp_path: Path) -> None:
    config = {"site_url": SITE_URL, "plugins": [{"llmblog": {"language": "pt_BR"}}]}
    site = build_site(tmp_path, config, blog_files())
    feed = parsed(site, "blog/feed.xml")
    assert feed.feed.language == "pt-BR"
    links = site.html("blog/category/ai/safety").select('head link[rel="alternate"]')
    assert links[-1]["title"] == "Test blog \u2013 AI/Safety (RSS)"


def test_full_content_feeds_leave_embedded_lists_out(tmp_path: Path) -> None:
    files = blog_files()
    files["blog/posts/embeds.md"] = post(
        {"date": "2024-04-01", "title": "Embeds"},
        "Intro.\n\n<!-- more -->\n\n<!-- llmblog:recent-posts count=2 -->\n\nEnd.\n",
    )
    config = {"site_url": SITE_URL, "plugins": [{"llmblog": {"feed_content": "full"}}]}
    site = build_site(tmp_path, config, files)
    entry = parsed(site, "blog/feed.xml").entries[0]
    assert entry.title == "Embeds"
    content = BeautifulSoup(entry.content[0].value, "html.parser")
    assert content.select(".llmblog-embed-slot, .llmblog-embed") == []
    assert "End." in content.get_text()


SOCIAL_HOOK = """
def on_post_page(output, page, config):
    # Stands in for Material's social plugin: it writes its own Open Graph tags.
    return output.replace("</head>", '<meta property="og:title" content="From the hook"></head>', 1)
"""


def test_open_graph_tags_written_by_another_plugin_are_not_repeated(tmp_path: Path) -> None:
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "social_hook.py").write_text(SOCIAL_HOOK, encoding="utf-8")
    config = {"site_url": SITE_URL, "hooks": ["social_hook.py"]}
    site = build_site(tmp_path, config, blog_files())
    soup = site.html("blog/2024/02/01/aware-time")
    assert meta(soup, "og:title") == ["From the hook"]
    assert meta(soup, "og:type") == []
    [script] = soup.select('script[type="application/ld+json"]')
    assert json.loads(script.get_text())["@type"] == "BlogPosting"


def test_materials_social_plugin_without_its_libraries_leaves_ours(
    tmp_path: Path, log_watcher: LogWatcher
) -> None:
    # Without cairosvg the social plugin switches itself off: our tags must still be there.
    log_watcher.expect(r'Required dependencies of "social" plugin not found')
    config = {"site_url": SITE_URL, "theme": "material", "plugins": ["social", "llmblog"]}
    site = build_site(tmp_path, config, blog_files(), strict=False)
    soup = site.html("blog/2024/02/01/aware-time")
    assert meta(soup, "og:title") == ["Aware time"]


def test_descriptions_read_like_text(tmp_path: Path) -> None:
    files = {
        "blog/posts/a.md": post(
            {"date": "2024-01-01", "title": "A"},
            "## Intro head\n\nFirst *para* with [a link](b.md).\n",
        ),
        "blog/posts/b.md": post({"date": "2024-01-02", "title": "B"}),
    }
    config = {"markdown_extensions": [{"toc": {"permalink": True}}]}
    site = build_site(tmp_path, config, files)
    soup = site.html("blog/2024/01/01/a")
    # No "¶" from the permalink, no space before the full stop.
    assert meta(soup, "description") == ["Intro head First para with a link."]
