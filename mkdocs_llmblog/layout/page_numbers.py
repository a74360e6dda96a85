"""Which page numbers a paginated list links to: the first, the last, and those around the
current page, with gaps between (`1 2 3 4 5 ... 9`, `1 ... 4 5 6 ... 9`), as WordPress does."""

from __future__ import annotations


def page_window(current: int, total: int, around: int = 2) -> list[int | None]:
    """The page numbers to show, in order, with None for a gap of hidden pages.

    The first and last page are always shown, and `around` pages either side of `current`.
    A gap is never one page wide: that page is shown instead of the gap.

    Args:
        current: the page being shown, from 1 to `total`.
        total: the number of pages (1 or more).
        around: how many pages either side of `current` to show.

    Raises:
        ValueError: `current` outside 1..`total`, or `around` negative.
    """
    if total < 1 or not 1 <= current <= total or around < 0:
        raise ValueError(f"page {current} of {total} (around {around})")
    shown = {1, total, *range(max(1, current - around), min(total, current + around) + 1)}
    window: list[int | None] = []
    previous = 0
    for number in sorted(shown):
        if number - previous == 2:
            window.append(previous + 1)  # A gap of one page: the page itself.
        elif number - previous > 2:
            window.append(None)
        window.append(number)
        previous = number
    return window
