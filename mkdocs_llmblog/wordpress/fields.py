"""WordPress fields as front matter values: titles, slugs, dates, categories."""

from __future__ import annotations

import datetime as dt
import email.utils
import html
import re
from urllib.parse import unquote
from zoneinfo import ZoneInfo

from mkdocs_llmblog.sources.slugs import make_slug
from mkdocs_llmblog.wordpress.wxr import CategoryDefinition, Item

FILE_SLUG_MAX_LENGTH = 120
"""Longest slug written, which is also the file name (WordPress allows 200 characters)."""
_RSS_YEAR_RE = re.compile(r"\s(?:19|20)\d\d\s")
_WORDPRESS_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")


def post_title(item: Item) -> str:
    """The title as text: entities decoded, or a stand-in for an untitled post."""
    title = " ".join(html.unescape(item.title).split())
    return title or f"Untitled post {item.post_id}".strip()


def slug_source(item: Item, title: str) -> str:
    """WordPress's slug, percent-decoded; the title when there is none (drafts)."""
    name = unquote(item.post_name).strip()
    return name or title


def unique_slug(text: str, used: set[str]) -> str:
    """An ASCII slug for `text` that is not in `used` (`-2`, `-3`... added), added to it."""
    base = make_slug(text, FILE_SLUG_MAX_LENGTH)
    slug, number = base, 1
    while slug in used:
        number += 1
        slug = f"{base}-{number}"
    used.add(slug)
    return slug


def post_moment(item: Item, zone: ZoneInfo) -> dt.datetime | None:
    """When a post was published, in `zone`.

    The GMT date is exact; drafts have none, so their local date is read in `zone`; an export
    without either has the RSS `pubDate`.
    """
    gmt = wordpress_date(item.post_date_gmt)
    if gmt is not None:
        return gmt.replace(tzinfo=dt.UTC).astimezone(zone)
    local = wordpress_date(item.post_date)
    if local is not None:
        return local.replace(tzinfo=zone)
    if not _RSS_YEAR_RE.search(item.pub_date):
        return None  # WordPress writes `Mon, 30 Nov -0001 00:00:00 +0000` for "no date".
    try:
        published = email.utils.parsedate_to_datetime(item.pub_date)
    except (TypeError, ValueError, IndexError):
        return None
    return published.astimezone(zone) if published.tzinfo else published.replace(tzinfo=zone)


def modified_moment(item: Item, zone: ZoneInfo) -> dt.datetime | None:
    """When a post was last changed, in `zone`."""
    gmt = wordpress_date(item.post_modified_gmt)
    if gmt is not None:
        return gmt.replace(tzinfo=dt.UTC).astimezone(zone)
    local = wordpress_date(item.post_modified)
    return local.replace(tzinfo=zone) if local is not None else None


def wordpress_date(text: str) -> dt.datetime | None:
    """A `YYYY-MM-DD HH:MM:SS` value; None for WordPress's `0000-00-00 00:00:00`."""
    if not _WORDPRESS_DATE_RE.match(text) or text.startswith("0000"):
        return None
    try:
        return dt.datetime.strptime(text, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None


def category_path(nicename: str, name: str, definitions: dict[str, CategoryDefinition]) -> str:
    """A category as `Parent/Child`, from the parents the export's `<wp:category>` give."""
    names = [category_name(name)]
    seen = {nicename}
    definition = definitions.get(nicename)
    parent = definition.parent if definition else ""
    while parent and parent not in seen and parent in definitions:
        seen.add(parent)
        names.append(category_name(definitions[parent].name))
        parent = definitions[parent].parent
    return "/".join(reversed(names))


def category_name(name: str) -> str:
    """One level of a category path."""
    # A `/` in a WordPress category name would declare a child category here.
    return " ".join(name.replace("/", "-").split())
