"""Reading post dates from front matter values."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from mkdocs_llmblog.model import PostDate, shorten

DATE_HINT = "write it as YYYY-MM-DD, YYYY-MM-DD HH:MM or YYYY-MM-DDTHH:MM:SS+01:00"


MAX_DATE_LENGTH = 64
"""Longer than any ISO 8601 date (Python would read `1111...` as 1111-11-11 11:11:11.111)."""


class DateError(ValueError):
    """A front matter value that is not a date."""


def parse_post_date(value: object, zone: ZoneInfo) -> PostDate:
    """Read a front matter date.

    Args:
        value: a `datetime.date`, `datetime.datetime` or ISO 8601 string from YAML.
        zone: the time zone of values written without one.

    Raises:
        DateError: the value is not a date; the message says how to write one.
    """
    if isinstance(value, dt.datetime):
        return _bounded(PostDate(_with_zone(value, zone), date_only=False))
    if isinstance(value, dt.date):
        moment = dt.datetime.combine(value, dt.time(), tzinfo=zone)
        return _bounded(PostDate(moment, date_only=True))
    if isinstance(value, str):
        text = value.strip()
        if not text:
            raise DateError(f"is empty; {DATE_HINT}")
        if len(text) > MAX_DATE_LENGTH:
            raise DateError(
                f"has {shorten(value)!r}, {len(text):,} characters: not a date; {DATE_HINT}"
            )
        try:
            parsed = (
                dt.date.fromisoformat(text) if len(text) == 10 else dt.datetime.fromisoformat(text)
            )
        except ValueError as error:
            raise DateError(
                f"has {shorten(value)!r}, which is not a valid date "
                f"({shorten(str(error))}); {DATE_HINT}"
            ) from None
        return parse_post_date(parsed, zone)  # A date beyond the calendar says so itself.
    kind = "a list" if isinstance(value, list) else "a mapping" if isinstance(value, dict) else None
    shown = kind or f"{_shown(value)} ({type(value).__name__})"
    raise DateError(f"is {shown}, not a date; {DATE_HINT}")


def _shown(value: object) -> str:
    try:
        return shorten(repr(value))
    except ValueError:  # An integer of more than 4,300 digits.
        return "a number of thousands of digits"


def _bounded(date: PostDate) -> PostDate:
    """A date every output can hold: in UTC too, it must fall within years 1 to 9999."""
    try:
        date.moment.astimezone(dt.UTC)
        date.moment.timestamp()
    except (OverflowError, ValueError):
        raise DateError(
            f"has {date.moment.isoformat()}, which is outside the years 1 to 9999 in UTC; "
            "give a date between 0001-01-02 and 9999-12-30"
        ) from None
    return date


def _with_zone(moment: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    return moment.replace(tzinfo=zone) if moment.tzinfo is None else moment
