"""WordPress fields as front matter values: titles, slugs, dates, categories."""

from __future__ import annotations

import datetime as dt
import email.utils
import html
import re
from urllib.parse import unquote
from zoneinfo import ZoneInfo

from mkdocs_llmblog.model import MAX_CATEGORY_DEPTH
from mkdocs_llmblog.sources.slugs import make_slug
from mkdocs_llmblog.wordpress.messages import shorten
from mkdocs_llmblog.wordpress.wxr import CategoryDefinition, Item

__all__ = [
    "CATEGORY_MAX_DEPTH",
    "DateOutOfRange",
    "category_name",
    "category_path",
    "modified_moment",
    "post_moment",
    "post_title",
    "shorten",
    "slug_source",
    "unique_slug",
    "wordpress_date",
]

CATEGORY_MAX_DEPTH = MAX_CATEGORY_DEPTH
"""Parents of a category followed this far up (the plugin's own limit); higher ones are left
out."""
FILE_SLUG_MAX_LENGTH = 120
"""Longest slug written, which is also the file name (WordPress allows 200 characters)."""
_RSS_YEAR_RE = re.compile(r"\s(?:19|20)\d\d\s")
_WORDPRESS_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\Z")


def post_title(item: Item) -> str:
    """The title as text: entities decoded, or a stand-in for an untitled post."""
    title = " ".join(html.unescape(item.title).split())
    return title or f"Untitled post {item.post_id}".strip()


def slug_source(item: Item, title: str) -> str:
    """WordPress's slug, percent-decoded; the title when there is none (drafts)."""
    name = unquote(item.post_name).strip()
    return name or title


class DateOutOfRange(ValueError):
    """A date that cannot be written in the time zone asked for; the message says which."""


def unique_slug(text: str, used: set[str], numbers: dict[str, int] | None = None) -> str:
    """An ASCII slug for `text` that is not in `used` (`-2`, `-3`... added), added to it.

    `numbers` keeps the last number given to each slug, so that many posts of one slug cost no
    more than their number.
    """
    base = make_slug(text, FILE_SLUG_MAX_LENGTH)
    numbers = {} if numbers is None else numbers
    slug, number = base, numbers.get(base, 1)
    if number > 1:
        slug = f"{base}-{number}"
    while slug in used:
        number += 1
        slug = f"{base}-{number}"
    numbers[base] = number
    used.add(slug)
    return slug


def post_moment(item: Item, zone: ZoneInfo) -> dt.datetime | None:
    """When a post was published, in `zone`.

    The GMT date is exact; drafts have none, so their local date is read in `zone`; an export
    without either has the RSS `pubDate`.

    Raises:
        DateOutOfRange: the date is beyond the calendar once moved to `zone`.
    """
    gmt = wordpress_date(item.post_date_gmt)
    if gmt is not None:
        return _in_zone(gmt.replace(tzinfo=dt.UTC), zone, f"{item.post_date_gmt} (GMT)")
    local = wordpress_date(item.post_date)
    if local is not None:
        return local.replace(tzinfo=zone)
    if not _RSS_YEAR_RE.search(item.pub_date):
        return None  # WordPress writes `Mon, 30 Nov -0001 00:00:00 +0000` for "no date".
    try:
        published = email.utils.parsedate_to_datetime(item.pub_date)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if not published.tzinfo:
        return published.replace(tzinfo=zone)
    return _in_zone(published, zone, item.pub_date)


def _in_zone(moment: dt.datetime, zone: ZoneInfo, text: str) -> dt.datetime:
    try:
        return moment.astimezone(zone)
    except (OverflowError, ValueError):
        raise DateOutOfRange(f"date {text[:40]} is out of range in {zone.key}") from None


def modified_moment(item: Item, zone: ZoneInfo) -> dt.datetime | None:
    """When a post was last changed, in `zone`."""
    gmt = wordpress_date(item.post_modified_gmt)
    if gmt is not None:
        try:
            return gmt.replace(tzinfo=dt.UTC).astimezone(zone)
        except (OverflowError, ValueError):
            return None
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
    """A category as `Parent/Child`, from the parents the export's `<wp:category>` give.

    At most `CATEGORY_MAX_DEPTH` levels: the path of each category is walked up from it, and a
    chain of thousands would cost thousands of steps per post.
    """
    names = [category_name(name)]
    seen = {nicename}
    definition = definitions.get(nicename)
    parent = definition.parent if definition else ""
    while parent and parent not in seen and parent in definitions:
        if len(names) >= CATEGORY_MAX_DEPTH:
            break
        seen.add(parent)
        names.append(category_name(definitions[parent].name))
        parent = definitions[parent].parent
    return "/".join(reversed(names))


def category_name(name: str) -> str:
    """One level of a category path."""
    # A `/` in a WordPress category name would declare a child category here.
    return " ".join(name.replace("/", "-").split())
