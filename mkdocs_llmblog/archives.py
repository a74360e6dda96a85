"""Year (and month) archives: published posts grouped by date."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from mkdocs_llmblog.posts import Post


@dataclass
class ArchivePeriod:
    """A year, or a month of a year, with its posts newest first."""

    year: int
    month: int | None
    posts: list[Post] = field(default_factory=list)
    months: list[ArchivePeriod] = field(default_factory=list)
    """For a year with month archives: its months, newest first."""

    @property
    def key(self) -> str:
        return f"{self.year:04d}" if self.month is None else f"{self.year:04d}/{self.month:02d}"


def build_archives(posts: Sequence[Post], with_months: bool) -> list[ArchivePeriod]:
    """Years newest first, each with its posts (given newest first) and optionally its months."""
    years: dict[int, ArchivePeriod] = {}
    months: dict[tuple[int, int], ArchivePeriod] = {}
    for post in posts:
        moment = post.date.moment
        year = years.get(moment.year)
        if year is None:
            year = years[moment.year] = ArchivePeriod(moment.year, None)
        year.posts.append(post)
        if with_months:
            month = months.get((moment.year, moment.month))
            if month is None:
                month = months[(moment.year, moment.month)] = ArchivePeriod(
                    moment.year, moment.month
                )
                year.months.append(month)
            month.posts.append(post)
    for year in years.values():
        year.months.sort(key=lambda period: period.month or 0, reverse=True)
    return sorted(years.values(), key=lambda period: period.year, reverse=True)
