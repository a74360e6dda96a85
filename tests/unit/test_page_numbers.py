"""The page numbers a paginated list links to."""

from __future__ import annotations

import pytest

from mkdocs_llmblog.layout.page_numbers import page_window


@pytest.mark.parametrize(
    ("current", "total", "expected"),
    [
        (1, 1, [1]),
        (1, 2, [1, 2]),
        (2, 2, [1, 2]),
        (1, 5, [1, 2, 3, 4, 5]),  # A one-page gap (4) is the page itself.
        (1, 9, [1, 2, 3, None, 9]),
        (3, 9, [1, 2, 3, 4, 5, None, 9]),
        (5, 9, [1, 2, 3, 4, 5, 6, 7, 8, 9]),  # Gaps of one page (2, 8) shown as pages.
        (5, 10, [1, 2, 3, 4, 5, 6, 7, None, 10]),
        (6, 12, [1, None, 4, 5, 6, 7, 8, None, 12]),
        (9, 9, [1, None, 7, 8, 9]),
        (12, 12, [1, None, 10, 11, 12]),
    ],
)
def test_first_last_and_two_around_the_current_page(
    current: int, total: int, expected: list[int | None]
) -> None:
    assert page_window(current, total) == expected


def test_the_window_width_is_chosen() -> None:
    assert page_window(6, 12, around=0) == [1, None, 6, None, 12]
    assert page_window(6, 12, around=1) == [1, None, 5, 6, 7, None, 12]


@pytest.mark.parametrize("total", range(1, 30))
def test_every_page_is_reachable_and_each_shown_once(total: int) -> None:
    for current in range(1, total + 1):
        window = page_window(current, total)
        numbers = [number for number in window if number is not None]
        assert numbers == sorted(set(numbers))
        assert numbers[0] == 1
        assert numbers[-1] == total
        assert current in numbers
        # No two gaps touch, and a gap stands for two pages or more.
        for index, entry in enumerate(window):
            if entry is None:
                before, after = window[index - 1], window[index + 1]
                assert before is not None
                assert after is not None
                assert after - before > 2


@pytest.mark.parametrize(
    ("current", "total", "around"), [(0, 3, 2), (4, 3, 2), (1, 0, 2), (1, 3, -1)]
)
def test_impossible_pages_are_refused(current: int, total: int, around: int) -> None:
    with pytest.raises(ValueError, match="page"):
        page_window(current, total, around)
