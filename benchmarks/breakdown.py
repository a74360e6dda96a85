"""Where a build's time goes, by part of the work: llmblog's parts, the search plugin, MkDocs.

`profile_build.py --groups` builds once in-process while a thread samples the main thread's
stack every millisecond (`sys._current_frames`). Each sample's time goes to the part of the work
named by the innermost frame that a rule below knows, so the time llmblog spends inside Jinja,
selectolax or the HTML parser counts for the llmblog part that called them. A stack with no
llmblog frame is the search plugin's if one of its frames is on it, else MkDocs' (reading
and converting Markdown, rendering the theme's templates, writing files): the floor a plain
MkDocs build of the same pages pays too. Sampling, unlike cProfile, does not slow Python
calls down, so the shares are those of a normal build, give or take the sampler's own cost.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

PACKAGE = f"{os.sep}mkdocs_llmblog{os.sep}"
SEARCH_PARTS = (
    f"{os.sep}mkdocs{os.sep}contrib{os.sep}search{os.sep}",
    f"{os.sep}material{os.sep}plugins{os.sep}search{os.sep}",
)
FLOOR = "MkDocs, Markdown, theme (the floor)"
SEARCH = "search plugin"
OTHER = "llmblog: other"

LIST_PAGES = "llmblog: list pages (cards, pagination)"
POST_PAGES = "llmblog: post pages (post template)"
WIDGETS = "llmblog: widgets (rendered, fitted, placed)"
HEAD = "llmblog: head tags"
EXCERPTS = "llmblog: excerpts (cut, made portable, fitted)"
FEEDS = "llmblog: feeds"
READING = "llmblog: reading posts (front matter)"
LAYOUT = "llmblog: layout (URLs, lists, archives, related)"
IMAGES = "llmblog: featured images"
RECORD = "llmblog: dirty-build record"
NOT_FOUND = "llmblog: 404 page"
IMPORTS = "llmblog: importing its modules"

Rule = tuple[str, str, str | Callable[[FrameType], str | None]]
"""(module under mkdocs_llmblog, qualified name prefix or "", group or a function of the frame
that gives the group, None to look further out)."""


def _blog_content(frame: FrameType) -> str | None:
    # The renderer's `_blog_content` renders posts, lists and the tags index: its locals say
    # which (`list_page` is bound only for a list, `post` is the page's post or None).
    names = frame.f_locals
    if names.get("list_page") is not None:
        return LIST_PAGES
    if names.get("post") is not None:
        return POST_PAGES
    return None


RULES: tuple[Rule, ...] = (
    ("render/excerpts.py", "has_element", LIST_PAGES),
    ("render/excerpts.py", "_ElementFinder", LIST_PAGES),
    ("render/excerpts.py", "", EXCERPTS),
    ("render/head.py", "", HEAD),
    ("render/renderer.py", "PageRenderer.add_head_tags", HEAD),
    ("render/renderer.py", "PageRenderer._head_tags", HEAD),
    ("render/renderer.py", "PageRenderer._plain_head", HEAD),
    ("render/widgets.py", "", WIDGETS),
    ("render/renderer.py", "PageRenderer.add_widgets", WIDGETS),
    ("render/renderer.py", "PageRenderer._widgets_html", WIDGETS),
    ("render/renderer.py", "PageRenderer._render_widgets", WIDGETS),
    ("themes/material.py", "WidgetPlacer", WIDGETS),
    ("themes/material.py", "find_sidebar", WIDGETS),
    ("render/renderer.py", "PageRenderer._card", LIST_PAGES),
    ("render/renderer.py", "PageRenderer._render_card", LIST_PAGES),
    ("render/renderer.py", "PageRenderer._blog_content", _blog_content),
    ("render/renderer.py", "PageRenderer.add_to_not_found", NOT_FOUND),
    ("render/not_found.py", "", NOT_FOUND),
    ("feeds/", "", FEEDS),
    ("themes/material.py", "write_feed_folder_sitemaps", FEEDS),
    ("sources/", "", READING),
    ("layout/", "", LAYOUT),
    ("images/", "", IMAGES),
    ("cache/record.py", "", RECORD),
    ("plugin.py", "LlmBlogPlugin.on_page_content", EXCERPTS),
)


def classify(frame: FrameType | None) -> tuple[str, str]:
    """The part of the work a stack (innermost `frame`) is doing, and the innermost llmblog
    function on it ("" if none)."""
    search = False
    innermost = ""
    while frame is not None:
        filename = frame.f_code.co_filename
        if PACKAGE in filename:
            module = filename[filename.rindex(PACKAGE) + len(PACKAGE) :].replace(os.sep, "/")
            qualname = frame.f_code.co_qualname
            innermost = innermost or f"{module}:{qualname}"
            if qualname == "<module>":
                return IMPORTS, innermost
            for where, name, group in RULES:
                if module.startswith(where) and qualname.startswith(name):
                    found = group(frame) if callable(group) else group
                    if found is not None:
                        return found, innermost
        elif not innermost and any(part in filename for part in SEARCH_PARTS):
            search = True
        frame = frame.f_back
    if innermost:
        return OTHER, innermost
    return SEARCH if search else FLOOR, ""


class Sampler:
    """Samples one thread's stack every `interval` seconds, adding the time between two samples
    to the part of the work the later one shows."""

    def __init__(self, thread_id: int, interval: float = 0.001) -> None:
        self.thread_id = thread_id
        self.interval = interval
        self.seconds: dict[str, float] = defaultdict(float)
        self.others: dict[str, float] = defaultdict(float)
        """The seconds of OTHER, by the innermost llmblog function: what no rule knows."""
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        last = time.perf_counter()
        while not self._stop.is_set():
            time.sleep(self.interval)
            frame = sys._current_frames().get(self.thread_id)
            now = time.perf_counter()
            group, innermost = classify(frame)
            self.seconds[group] += now - last
            if group == OTHER:
                self.others[innermost] += now - last
            self.samples += 1
            last = now

    @contextmanager
    def running(self) -> Iterator[Sampler]:
        # A short switch interval lets the sampler take the GIL when it wakes, not 5 ms later.
        previous = sys.getswitchinterval()
        sys.setswitchinterval(self.interval / 4)
        self._thread.start()
        try:
            yield self
        finally:
            self._stop.set()
            self._thread.join()
            sys.setswitchinterval(previous)


def print_groups(seconds: dict[str, float], others: dict[str, float], wall: float) -> None:
    total = sum(seconds.values())
    ours = sum(value for name, value in seconds.items() if name.startswith("llmblog"))
    width = max(len(name) for name in [*seconds, "llmblog, all parts"])
    print(f"{'part of the work':<{width}}  {'seconds':>8}  {'share':>6}")
    print("-" * (width + 18))
    for name, value in sorted(seconds.items(), key=lambda item: -item[1]):
        print(f"{name:<{width}}  {value:8.2f}  {100 * value / total:5.1f}%")
    print("-" * (width + 18))
    print(f"{'llmblog, all parts':<{width}}  {ours:8.2f}  {100 * ours / total:5.1f}%")
    print(f"{'sampled':<{width}}  {total:8.2f}  (build wall time {wall:.2f} s)\n")
    if others:
        print(f"{OTHER}, by innermost llmblog function (top 8):")
        for name, value in sorted(others.items(), key=lambda item: -item[1])[:8]:
            print(f"  {value:6.2f} s  {name}")
        print()
