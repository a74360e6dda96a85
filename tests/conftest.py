"""Shared fixtures: a strict log watcher and site building over themes and URL styles."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest

from tests.sitebuilder import THEMES, BuiltSite

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@dataclass
class LogWatcher:
    """Fails the test on any warning or error it was not told to expect."""

    records: list[logging.LogRecord] = field(default_factory=list)
    expected: list[re.Pattern[str]] = field(default_factory=list)

    def expect(self, pattern: str) -> None:
        """Allow (and require) a warning or error matching `pattern`."""
        self.expected.append(re.compile(pattern, re.DOTALL))

    def messages(self, level: int = logging.WARNING) -> list[str]:
        return [r.getMessage() for r in self.records if r.levelno >= level]


class _Recorder(logging.Handler):
    def __init__(self, watcher: LogWatcher) -> None:
        super().__init__(logging.WARNING)
        self.watcher = watcher

    def emit(self, record: logging.LogRecord) -> None:
        # The error that aborts a build is already surfaced by the Abort the test sees.
        if record.name == "mkdocs.commands.build" and record.levelno >= logging.ERROR:
            return
        self.watcher.records.append(record)


@pytest.fixture(autouse=True)
def log_watcher() -> Iterator[LogWatcher]:
    """Every test fails on an unexpected warning; `log_watcher.expect(...)` allows one."""
    watcher = LogWatcher()
    handler = _Recorder(watcher)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        yield watcher
    finally:
        logger.removeHandler(handler)
    messages = watcher.messages()
    unexpected = [m for m in messages if not any(p.search(m) for p in watcher.expected)]
    unmet = [p.pattern for p in watcher.expected if not any(p.search(m) for m in messages)]
    assert not unexpected, f"unexpected warnings: {unexpected}"
    assert not unmet, f"expected warnings that never came: {unmet}"


@pytest.fixture(params=THEMES)
def theme(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(params=[True, False], ids=["dir-urls", "file-urls"])
def use_directory_urls(request: pytest.FixtureRequest) -> bool:
    return bool(request.param)


ExampleSites = Callable[[str, bool], BuiltSite]


@pytest.fixture(scope="session")
def example_sites(tmp_path_factory: pytest.TempPathFactory) -> ExampleSites:
    """The example site on a theme and URL style, built strictly the first time a test of this
    process asks for it, then shared by every test that only reads it (a warning fails the
    build, in whichever test made it)."""
    from tests.test_example_site import build_example

    built: dict[tuple[str, bool], BuiltSite] = {}

    def site(theme: str, use_directory_urls: bool) -> BuiltSite:
        key = (theme, use_directory_urls)
        if key not in built:
            folder = tmp_path_factory.mktemp(f"example-{theme}-{use_directory_urls}")
            built[key] = build_example(folder, theme, use_directory_urls)
        return built[key]

    return site
