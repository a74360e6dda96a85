"""Reading post dates from front matter values."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from mkdocs_llmblog.model import PostDate

DATE_HINT = "write it as YYYY-MM-DD, YYYY-MM-DD HH:MM or YYYY-MM-DDTHH:MM:SS+01:00"


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
        return PostDate(_with_zone(value, zone), date_only=False)
    if isinstance(value, dt.date):
        return PostDate(dt.datetime.combine(value, dt.time(), tzinfo=zone), date_only=True)
    if isinstance(value, str):
        text = value.strip()
        if not text:
            raise DateError(f"is empty; {DATE_HINT}")
        try:
            if len(text) == 10:
                return parse_post_date(dt.date.fromisoformat(text), zone)
            return parse_post_date(dt.datetime.fromisoformat(text), zone)
        except ValueError as error:
            raise DateError(
                f"has {value!r}, which is not a valid date ({error}); {DATE_HINT}"
            ) from None
    kind = "a list" if isinstance(value, list) else "a mapping" if isinstance(value, dict) else None
    shown = kind or f"{value!r} ({type(value).__name__})"
    raise DateError(f"is {shown}, not a date; {DATE_HINT}")


def _with_zone(moment: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    return moment.replace(tzinfo=zone) if moment.tzinfo is None else moment
