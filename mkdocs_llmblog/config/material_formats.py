"""Material's formats: Babel date patterns (`yyyy/MM`) and the pager format of `paginate`
(`~2~`), read as far as this plugin has a counterpart."""

from __future__ import annotations

import datetime as dt
import re

from babel.dates import format_date, format_datetime


def date_granularity(pattern: str) -> str | None:
    """What a Babel date pattern tells apart: `year` (`yyyy`), `month` (`yyyy/MM`, `MMMM y`),
    else None (days, times, or no year)."""
    letters: set[str] = set()
    quoted = False
    for char in pattern:
        if char == "'":
            quoted = not quoted
        elif not quoted and char.isalpha():
            letters.add(char)
    if not letters & set("yYu") or letters - set("yYuML"):
        return None
    return "month" if letters & set("ML") else "year"


DATE_PATTERN_OPTIONS = (
    "post_date_format",
    "post_url_date_format",
    "archive_date_format",
    "archive_url_date_format",
)
"""Material's options that hold a Babel date format or pattern."""


def date_pattern_problem(pattern: str) -> str | None:
    """What is wrong with a Babel date pattern (`yyyy/MM`, `long`), if anything."""
    sample = dt.datetime(2024, 12, 31, 23, 59, tzinfo=dt.UTC)
    try:
        if pattern in ("full", "long", "medium", "short"):
            format_date(sample.date(), format=pattern, locale="en")
        else:
            format_datetime(sample, format=pattern, locale="en")
    except (ValueError, KeyError, TypeError) as error:
        return f"{pattern!r} is not a Babel date pattern such as 'yyyy/MM/dd': {error}"
    return None


PAGE_WINDOW_RE = re.compile(r"~(\d{1,3})~")
PAGER_LINKS_RE = re.compile(r"\$link_(?:first|previous|next|last)")


def pagination_window(pagination_format: str) -> int | None:
    """The pages shown either side of the current one for Material's `~N~`, else None.

    Material's format is that of the `paginate` library: `~2~` among `$link_previous`,
    `$link_next`, `$link_first` and `$link_last`, which lists here always have in their own
    form (newer, older, the first and the last page). Other text (`$page of $page_count`)
    has no counterpart: None.
    """
    match = PAGE_WINDOW_RE.search(pagination_format)
    if match is None:
        return None
    rest = PAGER_LINKS_RE.sub("", PAGE_WINDOW_RE.sub("", pagination_format, count=1))
    return int(match.group(1)) if not rest.strip() else None
