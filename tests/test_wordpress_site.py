"""An imported WordPress blog builds: strictly with its images, without --strict when they are
missing; the old permalinks redirect through mkdocs-redirects."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag

from tests.links import assert_link_works
from tests.sitebuilder import BuiltSite, build_site
from tests.wxr.helpers import BLOG_XML, make_uploads, new_site, read_yaml, run_cli

Capsys = pytest.CaptureFixture[str]


def import_and_build(
    tmp_path: Path,
    capsys: Capsys,
    config: dict[str, Any],
    *,
    uploads: bool,
    strict: bool,
    redirects: bool,
) -> BuiltSite:
    """Import `blog.xml` into a new site, then build it for real."""
    docs = new_site(tmp_path, config)
    args: list[str | Path] = ["import-wordpress", BLOG_XML, "--docs-dir", docs]
    if uploads:
        args += ["--uploads", make_uploads(tmp_path / "uploads")]
    assert run_cli(capsys, *args).code == 0
    settings: dict[str, Any] = {
        "site_url": "https://example.com/",
        "theme": "mkdocs",
        "plugins": [{"llmblog": {"timezone": "Europe/London"}}],
        **config,
    }
    if redirects:
        redirect_map = read_yaml(tmp_path / "redirects.yml")
        settings["plugins"] = [*settings["plugins"], {"redirects": {"redirect_maps": redirect_map}}]
    return build_site(tmp_path, settings, {}, strict=strict)


def only(tag: Tag | None) -> Tag:
    assert isinstance(tag, Tag)
    return tag


def redirect_target(site: BuiltSite, old: str) -> str:
    """Where the redirect page mkdocs-redirects wrote for the old address `old` leads."""
    page = BeautifulSoup((site.site_dir / old / "index.html").read_text("utf-8"), "html.parser")
    refresh = only(page.find("meta", attrs={"http-equiv": "refresh"}))
    return str(refresh["content"]).split("url=", 1)[1]


def test_old_feed_addresses_lead_to_the_feeds_the_blog_writes(
    tmp_path: Path, capsys: Capsys
) -> None:
    options = {
        "timezone": "Europe/London",
        "feed_formats": ["atom"],
        "term_feed_formats": ["json", "atom"],
        "tag_feeds": False,
    }
    site = import_and_build(
        tmp_path,
        capsys,
        {"plugins": [{"llmblog": options}]},
        uploads=False,
        strict=False,
        redirects=True,
    )

    for old, new in [
        ("feed", "blog/atom.xml"),
        ("category/programming/python/feed", "blog/category/programming/python/atom.xml"),
        ("author/ada/feed", "blog/author/ada/atom.xml"),
    ]:
        assert redirect_target(site, old) == f"https://example.com/{new}"
        assert (site.site_dir / new).is_file()
    assert not (site.site_dir / "blog/feed.xml").exists()
    assert not (site.site_dir / "tag/first-steps/feed").exists()
    assert (site.site_dir / "tag/first-steps/index.html").is_file()


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_the_imported_site_builds_strictly_with_its_images(
    tmp_path: Path, capsys: Capsys, theme: str, use_directory_urls: bool
) -> None:
    site = import_and_build(
        tmp_path,
        capsys,
        {"theme": theme, "use_directory_urls": use_directory_urls},
        uploads=True,
        strict=True,
        redirects=True,
    )

    page = site.page_path("blog/2023/05/01/hello-world")
    soup = site.html("blog/2023/05/01/hello-world")
    article = only(soup.select_one("article.llmblog-post"))
    featured = only(article.select_one("figure.llmblog-featured"))
    featured_img = only(featured.find("img"))
    assert featured_img["alt"] == "Brass gears of the engine"
    assert_link_works(site, page, str(featured_img["src"]))
    assert only(featured.find("figcaption")).get_text(" ", strip=True) == "Photo by Ada"
    assert only(article.select_one(".llmblog-post-title")).get_text() == (
        'Hello: "World" & <friends> 🎉'
    )
    body = only(article.select_one(".llmblog-post-body"))
    images = {str(img["alt"]): str(img["src"]) for img in body.find_all("img")}
    for alt in ("The analytical engine", "A gear"):
        target = assert_link_works(site, page, images[alt])
        assert target.parent.name == "hello-world"
    assert images["Lost"] == "https://example.com/wp-content/uploads/2023/05/lost.png"
    next_post = only(body.find("a", string="the block post"))
    assert assert_link_works(site, page, str(next_post["href"])) == site.page_path(
        "blog/2023/06/02/blocks"
    )
    category = only(article.select_one(".llmblog-post-meta a.llmblog-category"))
    assert assert_link_works(site, page, str(category["href"])) == site.page_path(
        "blog/category/programming/python"
    )

    # The old permalink leads to the new page.
    redirect = site.site_dir / "2023/05/hello-world/index.html"
    # mkdocs-redirects writes each old permalink as a folder's index.html, with either URL style.
    redirect_page = BeautifulSoup(redirect.read_text(encoding="utf-8"), "html.parser")
    refresh = only(redirect_page.find("meta", attrs={"http-equiv": "refresh"}))
    target_url = str(refresh["content"]).split("url=", 1)[1]
    assert assert_link_works(site, redirect, target_url) == page
    assert (site.site_dir / "2023/06/日本語/index.html").is_file()
    # So do WordPress's category and date archives: to the blog's own lists.
    for old, new in [
        ("category/programming/python", "blog/category/programming/python"),
        ("category/engines", "blog/category/engines-and-machines"),
        ("tag/first-steps", "blog/tag/first-steps"),
        ("2023/05", "blog/archive/2023"),
        ("2023", "blog/archive/2023"),
        ("author/ada", "blog/author/ada"),
        ("author/charles", "blog/author/charles"),
    ]:
        redirect = site.site_dir / old / "index.html"
        refresh = only(
            BeautifulSoup(redirect.read_text(encoding="utf-8"), "html.parser").find(
                "meta", attrs={"http-equiv": "refresh"}
            )
        )
        target_url = str(refresh["content"]).split("url=", 1)[1]
        assert assert_link_works(site, redirect, target_url) == site.page_path(new)
    feed = BeautifulSoup(
        (site.site_dir / "feed/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    refresh = only(feed.find("meta", attrs={"http-equiv": "refresh"}))
    assert str(refresh["content"]).endswith("url=https://example.com/blog/feed.xml")
    assert (site.site_dir / "blog/feed.xml").is_file()
    # `?p=1`, WordPress's address of the post by id, is in the home page's map of ids.
    ids = json.loads((site.site_dir / "llmblog/wordpress-ids.json").read_text(encoding="utf-8"))
    assert assert_link_works(site, site.site_dir / "index.html", ids["1"]) == page
    # WordPress's author archive leads to the author's page, named from the authors file.
    ada = site.html("blog/author/ada")
    assert only(ada.select_one(".llmblog-list-title")).get_text(strip=True) == "Ada Lovelace"
    author_feed = BeautifulSoup(
        (site.site_dir / "author/ada/feed/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    refresh = only(author_feed.find("meta", attrs={"http-equiv": "refresh"}))
    assert str(refresh["content"]).endswith("url=https://example.com/blog/author/ada/feed.xml")
    assert (site.site_dir / "blog/author/ada/feed.xml").is_file()
    # And the feeds of categories and tags, to the feeds of their pages.
    for old, new in [
        ("category/programming/python/feed", "blog/category/programming/python/feed.xml"),
        ("tag/first-steps/feed", "blog/tag/first-steps/feed.xml"),
    ]:
        assert redirect_target(site, old) == f"https://example.com/{new}"
        assert (site.site_dir / new).is_file()
    # WordPress's category description is the intro of the category's page.
    python = site.html("blog/category/programming/python")
    assert (
        "Posts about Python, the language." in only(python.select_one(".llmblog-intro")).get_text()
    )

    # Only the excerpt, above `<!-- more -->`, is on the blog index.
    index = site.html("blog")
    [card] = [
        card
        for card in index.select("article.llmblog-post-card")
        if "Hello:" in only(card.select_one(".llmblog-post-card-title")).get_text()
    ]
    excerpt = only(card.select_one(".llmblog-excerpt")).get_text(" ", strip=True)
    assert excerpt.startswith("Welcome to the first post")
    assert "An inline picture" not in index.get_text()


def test_without_its_images_the_site_builds_with_remote_urls(
    tmp_path: Path, capsys: Capsys
) -> None:
    site = import_and_build(tmp_path, capsys, {}, uploads=False, strict=False, redirects=False)

    soup = site.html("blog/2023/05/01/hello-world")
    featured_img = only(soup.select_one("figure.llmblog-featured img"))
    assert featured_img["src"] == "https://example.com/wp-content/uploads/2023/05/cover.jpg"
    body = only(soup.select_one(".llmblog-post-body"))
    assert [img["src"] for img in body.find_all("img")] == [
        "https://example.com/wp-content/uploads/2023/05/engine-300x200.png",
        "https://www.example.com/wp-content/uploads/2023/05/gear.png",
        "https://example.com/wp-content/uploads/2023/05/lost.png",
        "https://images.example.org/cat.png",
    ]
    assert site.has_page("blog/2023/06/02/blocks")
    assert not site.has_page("blog/2023/06/10/a-draft")
