"""Helpers of the WordPress import tests: fixture paths, an uploads folder, an imported site."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from mkdocs_llmblog.cli import main
from mkdocs_llmblog.sources.frontmatter import split_front_matter
from tests import imagefiles
from tests.sitebuilder import BuiltSite, build_site, write_project

WXR_DIR = Path(__file__).resolve().parent
BLOG_XML = WXR_DIR / "blog.xml"
"""Seven posts in every status, a page, three attachments; see the file's items."""


def make_uploads(folder: Path) -> Path:
    """A copy of `wp-content/uploads` with the originals `blog.xml` uses, but not `lost.png`."""
    files = {
        "2023/05/cover.jpg": imagefiles.jpeg(800, 500),
        "2023/05/engine.png": imagefiles.png_with_alpha(600, 400),
        "2023/05/gear.png": imagefiles.png_with_alpha(200, 200),
        "2023/06/valve.jpg": imagefiles.jpeg(1200, 800),
    }
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return folder


@dataclass
class Run:
    """One run of `llmblog` and what it printed."""

    code: int
    out: str
    err: str


def run_cli(capsys: pytest.CaptureFixture[str], *args: str | Path) -> Run:
    """Run `llmblog` in this process, as the console script does."""
    capsys.readouterr()
    try:
        code = main([str(arg) for arg in args])
    except SystemExit as exit_:  # argparse's usage errors
        code = int(exit_.code or 0)
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)


def new_site(root: Path, config: dict[str, Any] | None = None) -> Path:
    """A site with `mkdocs.yml` and `docs/index.md`; the docs folder."""
    settings: dict[str, Any] = {"site_url": "https://example.com/", "theme": "mkdocs"}
    settings.update(config or {})
    write_project(root, settings, {"index.md": "# Home\n"})
    return root / "docs"


@dataclass
class ImportedPost:
    meta: dict[str, Any]
    body: str


def read_post(path: Path) -> ImportedPost:
    """An imported post, read back as the plugin reads it (dates stay strings)."""
    parts = split_front_matter(path.read_text(encoding="utf-8"))
    return ImportedPost(parts.meta, parts.body.removeprefix("\n"))


def read_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def build_imported_site(root: Path, redirects: dict[str, str]) -> BuiltSite:
    """Build the site `new_site` made and an import filled, strictly, serving `redirects` with
    mkdocs-redirects."""
    config = {
        "site_url": "https://example.com/",
        "theme": "mkdocs",
        "plugins": ["llmblog", {"redirects": {"redirect_maps": redirects}}],
    }
    return build_site(root, config, {}, strict=True)


def wxr_item(
    post_id: int,
    title: str,
    *,
    link: str = "",
    name: str = "",
    status: str = "publish",
    password: str = "",
    content: str = "Text.",
    date_gmt: str = "2024-02-01 12:00:00",
    meta: dict[str, str] | None = None,
    post_type: str = "post",
    parent: int = 0,
    menu_order: int = 0,
    excerpt: str = "",
    sticky: bool = False,
    categories: tuple[str, ...] = (),
    raw_terms: str = "",
) -> str:
    """One `<item>` of a post (or a page...), for exports written in a test; `categories` are
    nicenames, named as they are; `raw_terms` more `<category>` elements, written as given."""
    postmeta = "".join(
        f"<wp:postmeta><wp:meta_key>{key}</wp:meta_key><wp:meta_value>{value}</wp:meta_value>"
        "</wp:postmeta>"
        for key, value in (meta or {}).items()
    )
    terms = "".join(
        f'<category domain="category" nicename="{name}"><![CDATA[{name.title()}]]></category>'
        for name in categories
    )
    return f"""
    <item>
      <title>{title}</title>
      <link>{link or f"https://example.com/?p={post_id}"}</link>
      <dc:creator>ada</dc:creator>
      <guid isPermaLink="false">https://example.com/?p={post_id}</guid>
      <content:encoded><![CDATA[{content}]]></content:encoded>
      <excerpt:encoded><![CDATA[{excerpt}]]></excerpt:encoded>
      <wp:post_id>{post_id}</wp:post_id>
      <wp:post_date>{date_gmt}</wp:post_date>
      <wp:post_date_gmt>{date_gmt}</wp:post_date_gmt>
      <wp:post_name>{name}</wp:post_name>
      <wp:status>{status}</wp:status>
      <wp:post_type>{post_type}</wp:post_type>
      <wp:post_parent>{parent}</wp:post_parent>
      <wp:menu_order>{menu_order}</wp:menu_order>
      <wp:post_password>{password}</wp:post_password>
      <wp:is_sticky>{int(sticky)}</wp:is_sticky>
      {terms}{raw_terms}
      {postmeta}
    </item>"""


def write_wxr(path: Path, *items: str) -> Path:
    """A WXR 1.2 export of `https://example.com` with the given items."""
    path.write_text(
        f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
  <title>Written in a test</title>
  <link>https://example.com</link>
  <wp:wxr_version>1.2</wp:wxr_version>
  <wp:base_site_url>https://example.com</wp:base_site_url>
  <wp:base_blog_url>https://example.com</wp:base_blog_url>
  {"".join(items)}
</channel>
</rss>
""",
        encoding="utf-8",
    )
    return path


def post_redirects(redirect_map: dict[str, str]) -> dict[str, str]:
    """The redirects of a map that lead to posts (not to archives, pages or feeds)."""
    return {old: new for old, new in redirect_map.items() if "/posts/" in new}
