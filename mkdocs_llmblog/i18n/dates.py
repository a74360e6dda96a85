"""Showing dates the way readers of the site's language write them."""

from __future__ import annotations

import datetime as dt

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_datetime

from mkdocs_llmblog.model import PostDate


class DateFormatter:
    """Formats post dates for one language, with Babel."""

    def __init__(self, language: str, post_format: str = "long") -> None:
        try:
            self.locale = Locale.parse(language.replace("-", "_"))
        except (UnknownLocaleError, ValueError):
            self.locale = Locale.parse("en")
        self.long_dates: dict[dt.date, str] = {}
        self.post_format = post_format
        """How posts' dates are written: a Babel format or pattern (Material's
        `post_date_format`)."""

    def long(self, date: PostDate) -> str:
        """E.g. "March 4, 2025" in English, "4. März 2025" in German."""
        day = date.moment.date()
        text = self.long_dates.get(day)
        if text is None:
            # Babel is slow, and a post's date is shown on every list and widget it is in.
            if self.post_format == "long":
                text = str(format_date(day, format="long", locale=self.locale))
            else:
                text = self.pattern(date.moment, self.post_format)
            self.long_dates[day] = text
        return text

    def pattern(self, moment: dt.datetime, pattern: str) -> str:
        """`moment` as Material writes dates: a Babel format (`long`, `short`...) for the
        date alone, else a Babel pattern (`yyyy/MM/dd`) of the date and time (in UTC)."""
        if pattern in ("full", "long", "medium", "short"):
            return str(format_date(moment.date(), format=pattern, locale=self.locale))
        return str(format_datetime(moment, format=pattern, locale=self.locale))

    def period(self, year: int, month: int | None) -> str:
        """An archive's title: "2024", or "May 2024" for a month."""
        return str(year) if month is None else self.month(year, month)

    def month(self, year: int, month: int) -> str:
        """E.g. "May 2024" in English, "Mai 2024" in German."""
        return str(format_date(dt.date(year, month, 1), format="LLLL y", locale=self.locale))
