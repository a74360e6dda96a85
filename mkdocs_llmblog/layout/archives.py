"""Year (and month) archives: published posts grouped by date."""

from __future__ import annotations

from collections.abc import Sequence

from mkdocs_llmblog.model import ArchivePeriod, Post


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
