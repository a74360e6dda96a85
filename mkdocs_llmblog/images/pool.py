"""Writing image copies (and drawing share cards) on every core, with progress on long runs."""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from typing import Any

from mkdocs_llmblog.images.copies import ImageProblem, SourceJob
from mkdocs_llmblog.images.pillow import write_copies

INLINE_LIMIT = 1
"""Up to this many tasks are done in this process: a pool would cost more than it saves."""

Task = tuple[Callable[[Any], dict[str, str]], Any]
"""A picklable function and its job: it writes files and returns the SHA-256 of each, by path;
it raises `ImageProblem` for a job it cannot do."""
PROGRESS_INTERVAL_SECONDS = 5.0


class Progress:
    """`Featured images: 5/8 images done` every PROGRESS_INTERVAL_SECONDS of a long run, and,
    once some count was shown, the last one (8/8), so the run is not read as stopped halfway."""

    def __init__(
        self,
        total: int,
        report: Callable[[str], None],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.total = total
        self.report = report
        self.clock = clock
        self.last_report = clock()
        self.shown: int | None = None
        """The count last reported; None while none was."""

    def tick(self, done: int) -> None:
        """`done` images are finished."""
        if self.clock() - self.last_report >= PROGRESS_INTERVAL_SECONDS:
            self.last_report = self.clock()
            self._show(done)

    def end(self, done: int) -> None:
        """The run is over, `done` images finished: the final count if any count was shown."""
        if self.shown is not None and self.shown != done:
            self._show(done)

    def _show(self, done: int) -> None:
        self.shown = done
        self.report(f"Featured images: {done}/{self.total} images done")


@dataclass(frozen=True)
class FailedSource:
    job: Any
    """The `SourceJob` (or another task's job, such as a share card's) that failed."""
    problem: str


class ImageWork:
    """Copies to make in this build, started early and collected before files are copied.

    `extra` tasks (share cards) share the pool with the copies of `jobs`.
    """

    def __init__(
        self,
        jobs: Sequence[SourceJob],
        workers: int | None,
        report: Callable[[str], None],
        extra: Sequence[Task] = (),
    ):
        self.jobs = list(jobs)
        self.tasks: list[Task] = [(write_copies, job) for job in self.jobs] + list(extra)
        self.report = report
        self.workers = max(1, workers or os.cpu_count() or 1)
        self.pool: ProcessPoolExecutor | None = None
        self.futures: dict[Future[dict[str, str]], Any] = {}
        self.hashes: dict[str, str] = {}
        """The SHA-256 of each copy written, by its path in the cache."""

    def start(self) -> None:
        """Start writing copies in worker processes, so they overlap with page rendering."""
        if len(self.tasks) <= INLINE_LIMIT or self.workers == 1:
            return
        # "spawn": `mkdocs serve` runs threads, and forking a threaded process is unsafe.
        context = multiprocessing.get_context("spawn")
        self.pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=context)
        self.futures = {self.pool.submit(run, job): job for run, job in self.tasks}

    def finish(self) -> list[FailedSource]:
        """Wait for every copy; return the ones that failed."""
        failures: list[FailedSource] = []
        if self.pool is None:
            for run, job in self.tasks:
                try:
                    self.hashes.update(run(job))
                except ImageProblem as problem:
                    failures.append(FailedSource(job, str(problem)))
            return failures
        total = len(self.futures)
        done = 0
        progress = Progress(total, self.report)
        try:
            for future in as_completed(self.futures):
                done += 1
                error = future.exception()
                if isinstance(error, ImageProblem):
                    failures.append(FailedSource(self.futures[future], str(error)))
                elif error is not None:
                    failures.append(FailedSource(self.futures[future], repr(error)))
                else:
                    self.hashes.update(future.result())
                progress.tick(done)
        finally:
            self.close()
        progress.end(done)
        if len(self.jobs) > 50:
            copies = sum(len(job.copies) for job in self.jobs)
            self.report(
                f"Featured images: {copies} copies of {len(self.jobs)} images on "
                f"{self.workers} cores"
            )
        return failures

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
