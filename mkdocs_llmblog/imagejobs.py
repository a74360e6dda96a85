"""Writing image copies on every core, with progress on long runs."""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass

from mkdocs_llmblog.imaging import CopyJob, ImageProblem, write_copy

INLINE_LIMIT = 2
"""Up to this many copies are written in this process: a pool would cost more than it saves."""
PROGRESS_INTERVAL_SECONDS = 5.0


@dataclass(frozen=True)
class FailedCopy:
    job: CopyJob
    problem: str


class ImageWork:
    """Copies to make in this build, started early and collected before files are copied."""

    def __init__(self, jobs: Sequence[CopyJob], workers: int | None, report: Callable[[str], None]):
        self.jobs = list(jobs)
        self.report = report
        self.workers = max(1, workers or os.cpu_count() or 1)
        self.pool: ProcessPoolExecutor | None = None
        self.futures: dict[Future[None], CopyJob] = {}

    def start(self) -> None:
        """Start writing copies in worker processes, so they overlap with page rendering."""
        if len(self.jobs) <= INLINE_LIMIT or self.workers == 1:
            return
        # "spawn": `mkdocs serve` runs threads, and forking a threaded process is unsafe.
        context = multiprocessing.get_context("spawn")
        self.pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=context)
        self.futures = {self.pool.submit(write_copy, job): job for job in self.jobs}

    def finish(self) -> list[FailedCopy]:
        """Wait for every copy; return the ones that failed."""
        failures: list[FailedCopy] = []
        if self.pool is None:
            for job in self.jobs:
                try:
                    write_copy(job)
                except ImageProblem as problem:
                    failures.append(FailedCopy(job, str(problem)))
            return failures
        total = len(self.futures)
        done = 0
        last_report = time.monotonic()
        try:
            for future in as_completed(self.futures):
                done += 1
                error = future.exception()
                if isinstance(error, ImageProblem):
                    failures.append(FailedCopy(self.futures[future], str(error)))
                elif error is not None:
                    failures.append(FailedCopy(self.futures[future], repr(error)))
                if time.monotonic() - last_report >= PROGRESS_INTERVAL_SECONDS:
                    last_report = time.monotonic()
                    self.report(f"Featured images: {done}/{total} copies written")
        finally:
            self.close()
        if total > 50:
            self.report(f"Featured images: {total} copies written on {self.workers} cores")
        return failures

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
