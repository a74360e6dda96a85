"""The progress of a long image run: counts at intervals, and the last count once one was shown."""

from __future__ import annotations

from mkdocs_llmblog.images.pool import PROGRESS_INTERVAL_SECONDS, Progress


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_run_that_showed_a_count_ends_with_the_total() -> None:
    clock, messages = Clock(), list[str]()
    progress = Progress(8, messages.append, clock)
    for done in range(1, 9):
        if done == 5:
            clock.now += PROGRESS_INTERVAL_SECONDS  # Image 5 took long; the others did not.
        progress.tick(done)
    assert messages == ["Featured images: 5/8 images done"]
    progress.end(8)
    assert messages == ["Featured images: 5/8 images done", "Featured images: 8/8 images done"]


def test_the_total_is_not_said_twice() -> None:
    clock, messages = Clock(), list[str]()
    progress = Progress(3, messages.append, clock)
    progress.tick(1)
    progress.tick(2)
    clock.now += PROGRESS_INTERVAL_SECONDS
    progress.tick(3)
    progress.end(3)
    assert messages == ["Featured images: 3/3 images done"]


def test_a_short_run_says_nothing() -> None:
    clock, messages = Clock(), list[str]()
    progress = Progress(4, messages.append, clock)
    for done in range(1, 5):
        clock.now += 0.1
        progress.tick(done)
    progress.end(4)
    assert messages == []
