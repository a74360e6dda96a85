"""Authors with profiles (issue #15): the authors file, bylines, author boxes."""

from __future__ import annotations

import json
import os
import posixpath
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup, Tag
from PIL import Image

from tests.conftest import LogWatcher
from tests.imagefiles import png_with_alpha, svg
from tests.sitebuilder import BuiltSite, build_site, dirty_build, post, write_project
from tests.wxr.helpers import BLOG_XML, new_site, read_post, read_yaml, run_cli

THEMES = ["material", "mkdocs", "readthedocs"]
ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"

MATERIAL_AUTHORS = """\
authors:
  squidfunk:
    name: Martin Donath
    description: Creator
    avatar: https://github.com/squidfunk.png
    url: https://github.com/squidfunk
  jane:
    name: Jane Roe
    description: Writes things
    avatar: blog/avatars/jane.png
    slug: jane-roe
"""


AVATAR_256 = "https://example.com/test/llmblog/images/jane-avatar256-"


def files(authors: str = MATERIAL_AUTHORS, **extra: str | bytes) -> dict[str, str | bytes]:
    return {
        "index.md": "# Home\n",
        "blog/.authors.yml": authors,
        "blog/avatars/jane.png": png_with_alpha(200, 200),
        "blog/posts/one.md": post(
            {"date": "2024-05-01", "title": "One", "authors": ["jane", "squidfunk"]}
        ),
        "blog/posts/two.md": post({"date": "2024-04-01", "title": "Two", "authors": ["jane"]}),
        **extra,
    }


def first(element: BeautifulSoup | Tag, selector: str) -> Tag:
    found = element.select_one(selector)
    assert found is not None, selector
    return found


def failure(tmp_path: Path, authors: str, **extra: str | bytes) -> str:
    site = build_site(tmp_path, {}, files(authors, **extra), expect_error=True)
    return "\n".join(site.errors)


@pytest.mark.parametrize("theme", THEMES)
def test_a_material_authors_file_copied_as_is_builds_and_is_not_published(
    tmp_path: Path, theme: str
) -> None:
    site = build_site(tmp_path, {"theme": theme}, files())
    assert ".authors.yml" not in " ".join(site.output_files())
    assert site.has_page("blog")


@pytest.mark.parametrize(
    ("authors", "expected"),
    [
        ("- a\n- b\n", "must be a mapping"),
        ("authors:\n  jane:\n    description: x\n", "key 'authors.jane.name' is missing"),
        (
            "authors:\n  jane:\n    name: A\n  jim:\n    name: B\n    slug: Jane\n",
            "key 'authors.jim.slug': 'jane' is also the slug of 'jane'",
        ),
        (
            "authors:\n  jane:\n    name: A\n    avatar: blog/nothing.png\n",
            "key 'authors.jane.avatar' is 'blog/nothing.png', but there is no such file",
        ),
        (
            "authors:\n  jane:\n    name: A\n    avatar: index.md\n",
            "key 'authors.jane.avatar' is 'index.md', which is not an image",
        ),
        (
            "authors:\n  jane:\n    name: A\n    url: 'javascript:alert(1)'\n",
            "key 'authors.jane.url' is 'javascript:alert(1)'",
        ),
        (
            "authors:\n  jane:\n    name: A\n    links:\n"
            "      - {title: X, url: 'data:text/html,x'}\n",
            "key 'authors.jane.links[1].url' is 'data:text/html,x'",
        ),
    ],
)
def test_bad_authors_files_are_named_with_the_key(
    tmp_path: Path, authors: str, expected: str
) -> None:
    message = failure(tmp_path, authors)
    assert "docs/blog/.authors.yml" in message
    assert expected in message


def test_a_post_naming_an_unknown_author_is_named_with_the_id_and_file(tmp_path: Path) -> None:
    extra = post({"date": "2024-01-01", "title": "Three", "authors": ["nobody"]})
    message = failure(tmp_path, MATERIAL_AUTHORS, **{"blog/posts/three.md": extra})
    assert "docs/blog/posts/three.md" in message
    assert "'nobody'" in message
    assert "docs/blog/.authors.yml" in message


def test_without_an_authors_file_names_are_shown_as_written(tmp_path: Path) -> None:
    source = files()
    del source["blog/.authors.yml"]
    site = build_site(tmp_path, {}, source)
    byline = first(site.html("blog/2024/05/01/one"), ".llmblog-post-authors")
    assert "jane" in byline.get_text()
    assert first(site.html("blog/2024/05/01/one"), ".llmblog-post-body")
    assert site.html("blog/2024/05/01/one").select(".llmblog-author-box") == []


def page_of(site: BuiltSite, url_path: str, link: str) -> str:
    """The site path a link on the page at `url_path` points to, e.g. `blog/author/jane-roe/`."""
    base = site.page_path(url_path).parent.relative_to(site.site_dir).as_posix()
    return posixpath.normpath(posixpath.join(base, link))


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("directory_urls", [True, False])
def test_bylines_link_each_author_to_the_author_page_with_an_avatar(
    tmp_path: Path, theme: str, directory_urls: bool
) -> None:
    site = build_site(tmp_path, {"theme": theme, "use_directory_urls": directory_urls}, files())
    page = site.html("blog/2024/05/01/one")
    authors = page.select(".llmblog-post-authors .llmblog-byline-author")
    assert [a.get_text(strip=True) for a in authors] == ["Jane Roe", "Martin Donath"]
    jane = first(authors[0], "a.llmblog-author-name")
    target = page_of(site, "blog/2024/05/01/one", str(jane["href"]))
    assert site.page_path("blog/author/jane-roe") == site.site_dir / (
        target if not directory_urls else f"{target}/index.html"
    )
    avatar = first(authors[0], "img.llmblog-avatar")
    assert (site.site_dir / page_of(site, "blog/2024/05/01/one", str(avatar["src"]))).is_file()
    assert first(authors[1], "img")["src"] == "https://github.com/squidfunk.png"


@pytest.mark.parametrize("theme", THEMES)
def test_the_author_box_follows_the_body_and_can_be_turned_off(tmp_path: Path, theme: str) -> None:
    links = (
        "authors:\n  jane:\n    name: Jane Roe\n    description: Writes things\n"
        "    avatar: blog/avatars/jane.png\n    email: jane@example.com\n"
        "    links:\n      - {title: Mastodon, url: 'https://mastodon.social/@jane'}\n"
        "  squidfunk:\n    name: Martin\n"
    )
    site = build_site(tmp_path / "on", {"theme": theme}, files(links))
    page = site.html("blog/2024/05/01/one")
    box = first(page, ".llmblog-post-body ~ .llmblog-author-box")
    names = [p.get_text(strip=True) for p in box.select(".llmblog-author-name")]
    assert names == ["Jane Roe", "Martin"]
    assert first(box, ".llmblog-author-description").get_text() == "Writes things"
    assert first(box, ".llmblog-author-links a")["href"] == "https://mastodon.social/@jane"
    assert "jane@example.com" not in site.page_path("blog/2024/05/01/one").read_text()
    off = build_site(
        tmp_path / "off", {"theme": theme, "plugins": [{"llmblog": {"author_box": False}}]}, files()
    )
    assert off.html("blog/2024/05/01/one").select(".llmblog-author-box") == []


@pytest.mark.parametrize("maximum", [1, 2])
def test_cards_show_at_most_post_excerpt_max_authors(tmp_path: Path, maximum: int) -> None:
    config = {"plugins": [{"llmblog": {"post_excerpt_max_authors": maximum}}]}
    site = build_site(tmp_path, config, files())
    card = site.html("blog").select(".llmblog-post-card")[0]
    shown = card.select(".llmblog-byline-author")
    assert [a.get_text(strip=True) for a in shown] == ["Jane Roe", "Martin Donath"][:maximum]


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("directory_urls", [True, False])
def test_author_pages_list_the_authors_posts_under_the_profile(
    tmp_path: Path, theme: str, directory_urls: bool
) -> None:
    authors = MATERIAL_AUTHORS.replace(
        "    slug: jane-roe\n",
        "    slug: jane-roe\n    bio: 'A *bio* <script>x</script> [about](/about/)'\n",
    )
    config = {
        "theme": theme,
        "use_directory_urls": directory_urls,
        "plugins": [{"llmblog": {"pagination_per_page": 1}}],
    }
    site = build_site(tmp_path, config, files(authors))
    page = site.html("blog/author/jane-roe")
    profile = first(page, ".llmblog-author-profile")
    assert first(page, ".llmblog-list-title").get_text(strip=True) == "Jane Roe"
    bio = first(profile, ".llmblog-author-bio")
    assert bio.select("em")[0].get_text() == "bio"
    assert bio.select("script") == []
    assert "<script>" in bio.get_text()
    # The site's own people wrote it: a link to a page of the site keeps its address.
    assert [a.get("href") for a in bio.select("a")] == ["/about/"]
    assert [a.get_text() for a in page.select(".llmblog-post-card-title a")] == ["One"]
    second = site.html("blog/author/jane-roe/page/2")
    assert [a.get_text() for a in second.select(".llmblog-post-card-title a")] == ["Two"]
    assert second.select(".llmblog-author-profile") == []
    squid = site.html("blog/author/squidfunk")
    assert [a.get_text() for a in squid.select(".llmblog-post-card-title a")] == ["One"]


def test_author_pages_follow_the_url_format_and_materials_alias(tmp_path: Path) -> None:
    own = build_site(
        tmp_path / "own",
        {"plugins": [{"llmblog": {"author_url_format": "people/{slug}"}}]},
        files(),
    )
    assert own.has_page("blog/people/jane-roe")
    assert not own.has_page("blog/author/jane-roe")
    alias = build_site(
        tmp_path / "alias",
        {"plugins": [{"llmblog": {"authors_profiles_url_format": "by/{slug}"}}]},
        files(),
    )
    assert alias.has_page("blog/by/jane-roe")
    off = build_site(
        tmp_path / "off", {"plugins": [{"llmblog": {"authors_profiles": False}}]}, files()
    )
    assert not off.has_page("blog/author/jane-roe")
    byline = first(off.html("blog/2024/05/01/one"), ".llmblog-post-authors")
    # Without author pages a name links to the author's own url, if any.
    assert [str(a["href"]) for a in byline.select("a")] == ["https://github.com/squidfunk"]


def test_an_authors_intro_page_is_used(tmp_path: Path) -> None:
    intro = {"blog/author/jane-roe.md": "# Jane, in her words\n\nHello from Jane.\n"}
    site = build_site(tmp_path, {}, files(**intro))
    page = site.html("blog/author/jane-roe")
    assert "Hello from Jane." in first(page, ".llmblog-intro").get_text()
    assert first(page, ".llmblog-author-profile")


@pytest.mark.parametrize("theme", THEMES)
def test_hostile_author_strings_are_escaped(tmp_path: Path, theme: str) -> None:
    hostile = '<img src=x onerror=alert(1)>"&'
    authors = (
        "authors:\n  jane:\n"
        f"    name: '{hostile}'\n    description: '{hostile}'\n"
        f"    links:\n      - {{title: '{hostile}', url: 'https://example.com/?a=1&b=\"2'}}\n"
        "  squidfunk:\n    name: M\n"
    )
    site = build_site(tmp_path, {"theme": theme}, files(authors))
    for url in ("blog/2024/05/01/one", "blog/author/jane", "blog"):
        page = site.html(url)
        assert page.select("img[onerror]") == [], url
        names = [e.get_text(strip=True) for e in page.select(".llmblog-author-name")]
        assert hostile in names, url


def test_feeds_name_each_author_with_the_author_page(tmp_path: Path) -> None:
    site = build_site(tmp_path, {}, files())
    atom = ET.parse(site.site_dir / "blog/atom.xml").getroot()
    entry = next(e for e in atom.findall(f"{ATOM}entry") if e.findtext(f"{ATOM}title") == "One")
    people = [
        (a.findtext(f"{ATOM}name"), a.findtext(f"{ATOM}uri"))
        for a in entry.findall(f"{ATOM}author")
    ]
    assert people == [
        ("Jane Roe", "https://example.com/test/blog/author/jane-roe/"),
        ("Martin Donath", "https://example.com/test/blog/author/squidfunk/"),
    ]
    rss = ET.parse(site.site_dir / "blog/feed.xml").getroot()
    item = rss.findall("channel/item")[0]
    assert [c.text for c in item.findall(f"{DC}creator")] == ["Jane Roe", "Martin Donath"]
    feed = json.loads((site.site_dir / "blog/feed.json").read_text(encoding="utf-8"))
    jane = feed["items"][0]["authors"][0]
    assert jane.pop("avatar").startswith(AVATAR_256)
    assert jane == {"name": "Jane Roe", "url": "https://example.com/test/blog/author/jane-roe/"}


@pytest.mark.parametrize("theme", THEMES)
def test_each_author_page_has_its_own_feed_linked_from_its_head(tmp_path: Path, theme: str) -> None:
    site = build_site(tmp_path, {"theme": theme}, files())
    page = site.html("blog/author/squidfunk")
    links = page.select('head link[rel="alternate"][type="application/rss+xml"]')
    hrefs = [page_of(site, "blog/author/squidfunk", str(link["href"])) for link in links]
    assert "blog/author/squidfunk/feed.xml" in hrefs
    rss = ET.parse(site.site_dir / "blog/author/squidfunk/feed.xml").getroot()
    assert [i.findtext("title") for i in rss.findall("channel/item")] == ["One"]
    jane = ET.parse(site.site_dir / "blog/author/jane-roe/feed.xml").getroot()
    assert [i.findtext("title") for i in jane.findall("channel/item")] == ["One", "Two"]
    off = build_site(
        tmp_path / "off",
        {"theme": theme, "plugins": [{"llmblog": {"author_feeds": False}}]},
        files(),
    )
    assert not (off.site_dir / "blog/author/jane-roe/feed.xml").exists()


@pytest.mark.parametrize("theme", THEMES)
def test_post_heads_describe_the_authors_as_people(tmp_path: Path, theme: str) -> None:
    site = build_site(tmp_path, {"theme": theme}, files())
    page = site.html("blog/2024/05/01/one")
    og = [str(m["content"]) for m in page.select('meta[property="article:author"]')]
    assert og == [
        "https://example.com/test/blog/author/jane-roe/",
        "https://example.com/test/blog/author/squidfunk/",
    ]
    scripts = [json.loads(s.get_text()) for s in page.select('script[type="application/ld+json"]')]
    article = next(s for s in scripts if s.get("@type") == "BlogPosting")
    jane = article["author"][0]
    assert jane.pop("image").startswith(AVATAR_256)
    assert jane == {
        "@type": "Person",
        "name": "Jane Roe",
        "url": "https://example.com/test/blog/author/jane-roe/",
    }


@pytest.mark.parametrize("theme", THEMES)
def test_meta_author_names_the_posts_authors_not_the_site_author(
    tmp_path: Path, theme: str
) -> None:
    extra = {"blog/posts/three.md": post({"date": "2024-03-01", "title": "Three"})}
    site = build_site(tmp_path, {"theme": theme, "site_author": "Site <Owner>"}, files(**extra))

    def meta_authors(url_path: str) -> list[str]:
        return [str(m["content"]) for m in site.html(url_path).select('meta[name="author"]')]

    # One tag, the theme's taken out: a post's authors by display name, escaped.
    assert meta_authors("blog/2024/05/01/one") == ["Jane Roe, Martin Donath"]
    assert meta_authors("blog/2024/04/01/two") == ["Jane Roe"]
    # A post without authors, lists and other pages keep the site's author.
    assert meta_authors("blog/2024/03/01/three") == ["Site <Owner>"]
    assert meta_authors("blog") == ["Site <Owner>"]
    assert meta_authors("") == ["Site <Owner>"]


def test_meta_author_without_an_authors_file_uses_the_names_as_written(tmp_path: Path) -> None:
    source = files()
    del source["blog/.authors.yml"]
    site = build_site(tmp_path, {"site_author": "Owner"}, source)
    metas = site.html("blog/2024/04/01/two").select('meta[name="author"]')
    assert [str(m["content"]) for m in metas] == ["jane"]


def test_hostile_author_names_stay_text_in_feeds_and_json(tmp_path: Path) -> None:
    hostile = "</script><b>&amp;\"'"
    authors = f"authors:\n  jane:\n    name: {json.dumps(hostile)}\n  squidfunk:\n    name: M\n"
    site = build_site(tmp_path, {}, files(authors))
    rss = ET.parse(site.site_dir / "blog/feed.xml").getroot()
    assert rss.findall("channel/item")[0].findtext(f"{DC}creator") == hostile
    own = ET.parse(site.site_dir / "blog/author/jane/feed.xml").getroot()
    assert own.findtext("channel/title") == f"Test blog \u2013 {hostile}"
    feed = json.loads((site.site_dir / "blog/feed.json").read_text(encoding="utf-8"))
    assert feed["items"][0]["authors"][0]["name"] == hostile
    page = site.html("blog/2024/05/01/one")
    scripts = [json.loads(s.get_text()) for s in page.select('script[type="application/ld+json"]')]
    article = next(s for s in scripts if s.get("@type") == "BlogPosting")
    assert article["author"][0]["name"] == hostile


def test_editing_the_authors_file_rebuilds_the_pages_that_show_authors(
    tmp_path: Path, log_watcher: LogWatcher
) -> None:
    log_watcher.expect(r"A 'dirty' build is being performed")
    write_project(tmp_path, {}, files())
    dirty_build(tmp_path, dirty=False)
    authors_file = tmp_path / "docs/blog/.authors.yml"
    authors_file.write_text(MATERIAL_AUTHORS.replace("Jane Roe", "Jane Doe"), encoding="utf-8")
    later = time.time() + 10
    os.utime(authors_file, (later, later))
    site = dirty_build(tmp_path, dirty=True)
    for url in ("blog/2024/05/01/one", "blog/2024/04/01/two", "blog"):
        names = [a.get_text(strip=True) for a in site.html(url).select(".llmblog-byline-author")]
        assert "Jane Doe" in names, url
    assert first(site.html("blog/author/jane-roe"), ".llmblog-list-title").get_text() == "Jane Doe"


def test_the_wordpress_importer_writes_the_authors_file_and_keeps_an_edited_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = new_site(tmp_path)
    assert run_cli(capsys, "import-wordpress", BLOG_XML, "--docs-dir", docs).code == 0
    authors_file = docs / "blog/.authors.yml"
    written = read_yaml(authors_file)
    assert written == {
        "authors": {"ada": {"name": "Ada Lovelace"}, "charles": {"name": "Charles Babbage"}}
    }
    assert "example.com" not in authors_file.read_text(encoding="utf-8")  # no e-mail address
    assert read_post(docs / "blog/posts/hello-world.md").meta["authors"] == ["ada"]
    site = build_site(tmp_path, {"site_url": "https://example.com/", "theme": "mkdocs"}, {})
    byline = first(site.html("blog/2023/05/01/hello-world"), ".llmblog-byline-author")
    assert byline.get_text(strip=True) == "Ada Lovelace"
    edited = "authors:\n  ada:\n    name: Countess Ada\n  charles:\n    name: Charles\n"
    authors_file.write_text(edited, encoding="utf-8")
    again = run_cli(capsys, "import-wordpress", BLOG_XML, "--docs-dir", docs, "--force")
    assert again.code == 0
    assert authors_file.read_text(encoding="utf-8") == edited


@pytest.mark.parametrize("directory_urls", [True, False])
def test_an_avatar_beside_the_authors_file_with_a_space_in_its_name(
    tmp_path: Path, directory_urls: bool
) -> None:
    authors = "authors:\n  jane:\n    name: Jane\n    avatar: faces/jane roe.svg\n"
    source = files(authors, **{"blog/faces/jane roe.svg": svg(64, 64)})
    source["blog/posts/one.md"] = post({"date": "2024-05-01", "title": "One", "authors": ["jane"]})
    site = build_site(tmp_path, {"use_directory_urls": directory_urls}, source)
    avatar = first(site.html("blog/2024/05/01/one"), ".llmblog-byline-author img")
    assert "%20" in str(avatar["src"])
    target = page_of(site, "blog/2024/05/01/one", unquote(str(avatar["src"])))
    assert target == "blog/faces/jane roe.svg"  # SVG: published as it is
    assert (site.site_dir / target).is_file()


@pytest.mark.parametrize("theme", THEMES)
def test_local_avatars_get_square_copies_for_each_place(tmp_path: Path, theme: str) -> None:
    source = files(MATERIAL_AUTHORS, **{"blog/avatars/jane.png": png_with_alpha(300, 200)})
    site = build_site(tmp_path, {"theme": theme}, source)
    post_page = "blog/2024/05/01/one"
    sizes = {  # each place: its 1x copy as src, its 2x copy in srcset
        ".llmblog-byline-author img": (post_page, 24, 48),
        ".llmblog-author-box img.llmblog-avatar": (post_page, 64, 128),
        ".llmblog-author-profile img": ("blog/author/jane-roe", 128, 200),  # never upscaled
    }
    for selector, (url, one, two) in sizes.items():
        image_tag = first(site.html(url), selector)
        src = str(image_tag["src"])
        candidates = [part.split() for part in str(image_tag["srcset"]).split(",")]
        assert [density for _, density in candidates] == ["1x", "2x"], selector
        assert unquote(candidates[0][0]) == src, selector
        for link, side in ((src, one), (unquote(candidates[1][0]), two)):
            assert "llmblog/images/jane-avatar" in link, selector
            with Image.open(site.site_dir / page_of(site, url, link)) as image:
                assert image.size == (side, side), selector


def test_a_broken_avatar_image_is_named_with_the_key(tmp_path: Path) -> None:
    message = failure(
        tmp_path, MATERIAL_AUTHORS, **{"blog/avatars/jane.png": b"not an image at all"}
    )
    assert "docs/blog/.authors.yml: key 'authors.jane.avatar'" in message
