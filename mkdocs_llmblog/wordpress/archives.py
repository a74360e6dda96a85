"""WordPress's archive addresses on the new site: category intro pages, and redirects for the
category, tag, date and feed addresses readers and search engines know.

WordPress serves a category at `/category/<parent>/<child>/`, a tag at `/tag/<slug>/`, a month
at `/2023/05/`, a year at `/2023/` and the feed at `/feed/`. The blog publishes its own pages for
categories, tags and years (and months, with `archive_months`); each old address gets a
redirect to the page that shows the same posts, through mkdocs-redirects, whose targets are the
pages' sources.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from mkdocs_llmblog.layout.categories import category_slug
from mkdocs_llmblog.layout.tags import tag_slug
from mkdocs_llmblog.layout.urls import FEED_FILES
from mkdocs_llmblog.wordpress.redirects import redirect_segment
from mkdocs_llmblog.wordpress.wxr import CategoryDefinition

MAX_PARENTS = 10
"""Parents of a category followed this far up for its old address (the plugin's own limit)."""


@dataclass(frozen=True)
class ArchiveFormats:
    """Where the blog publishes its lists, as the site's `llmblog` options say."""

    blog_dir: str
    category_url_format: str
    archive_url_format: str
    archive_month_url_format: str
    categories: bool
    archive: bool
    archive_months: bool
    tag_url_format: str = "tag/{slug}"
    tags: bool = True
    feeds: bool = True
    feed_formats: tuple[str, ...] = ("rss", "atom", "json")
    category_feeds: bool = True
    tag_feeds: bool = True
    term_feed_formats: tuple[str, ...] = ("rss",)


def feed_file(formats: Iterable[str]) -> str | None:
    """The feed an old WordPress feed address leads to: RSS where the blog writes it (WordPress's
    own format), else Atom, else JSON Feed; None where the blog writes no feed there."""
    written = set(formats)
    return next((FEED_FILES[kind] for kind in ("rss", "atom", "json") if kind in written), None)


def category_page_source(formats: ArchiveFormats, full_name: str) -> str:
    """The source of a category's page (`blog/category/programming/python.md`), which is also
    where the author's intro page for it goes."""
    slug_path = "/".join(category_slug(part) for part in full_name.split("/"))
    return f"{formats.blog_dir}/{formats.category_url_format.format(slug=slug_path)}.md"


def tag_page_source(formats: ArchiveFormats, name: str) -> str:
    """The source of a tag's page (`blog/tag/c-plus-plus.md`)."""
    return f"{formats.blog_dir}/{formats.tag_url_format.format(slug=tag_slug(name))}.md"


def old_category_path(nicename: str, definitions: Mapping[str, CategoryDefinition]) -> str | None:
    """WordPress's address of a category, as a redirect source: `category/parent/child/index.md`;
    None if a nicename on the way cannot be a folder (`redirect_segment`)."""
    names = [nicename]
    seen = {nicename}
    parent = definitions[nicename].parent if nicename in definitions else ""
    while parent and parent not in seen and parent in definitions and len(names) < MAX_PARENTS:
        seen.add(parent)
        names.append(parent)
        parent = definitions[parent].parent
    segments = [redirect_segment(name) for name in reversed(names)]
    if any(segment is None for segment in segments):
        return None
    return "category/" + "/".join(str(segment) for segment in segments) + "/index.md"


def date_redirects(formats: ArchiveFormats, dates: Iterable[dt.datetime]) -> dict[str, str]:
    """`2023/index.md` and `2023/05/index.md` -> the blog's year (or month) archive pages."""
    if not formats.archive:
        return {}
    redirects: dict[str, str] = {}
    for moment in sorted(set(dates)):
        year, month = f"{moment.year:04d}", f"{moment.month:02d}"
        year_page = f"{formats.blog_dir}/{formats.archive_url_format.format(year=year)}.md"
        redirects.setdefault(f"{year}/index.md", year_page)
        if formats.archive_months:
            month_path = formats.archive_month_url_format.format(year=year, month=month)
            redirects.setdefault(f"{year}/{month}/index.md", f"{formats.blog_dir}/{month_path}.md")
        else:
            redirects.setdefault(f"{year}/{month}/index.md", year_page)
    return redirects


def feed_redirect(site_url: str | None, formats: ArchiveFormats) -> dict[str, str]:
    """`feed/index.md` -> the blog's feed, an absolute address (a feed is not a page); nothing
    without `site_url` or where the blog writes no feed."""
    name = feed_file(formats.feed_formats) if formats.feeds else None
    if not site_url or name is None:
        return {}
    return {"feed/index.md": f"{_base(site_url)}{formats.blog_dir}/{name}"}


def term_feed_redirect(
    site_url: str | None, formats: ArchiveFormats, old_path: str, page_source: str, kind: str
) -> dict[str, str]:
    """A category's or tag's old feed (`category/news/feed/`) -> the feed of its page, where
    the blog writes one (`category_feeds`, `tag_feeds`, `term_feed_formats`)."""
    wanted = formats.category_feeds if kind == "category" else formats.tag_feeds
    name = feed_file(formats.term_feed_formats) if formats.feeds and wanted else None
    if not site_url or name is None:
        return {}
    old_feed = old_path.removesuffix("index.md") + "feed/index.md"
    return {old_feed: f"{_base(site_url)}{page_source.removesuffix('.md')}/{name}"}


def _base(site_url: str) -> str:
    return site_url if site_url.endswith("/") else site_url + "/"
