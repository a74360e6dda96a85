"""Profile one llmblog build in this process and print where the time goes.

    python benchmarks/profile_build.py --posts 1000
    python benchmarks/profile_build.py --posts 1000 --images --output /tmp/build.prof
    python benchmarks/profile_build.py --posts 1000 --memory
    python benchmarks/profile_build.py --posts 1000 --groups --search

Prints the time in each of llmblog's event hooks (its own cost on top of MkDocs), the top
functions inside `mkdocs_llmblog` by cumulative and by own time, and the top functions overall.
With `--groups`, samples the stack instead and prints the time of each part of llmblog's work,
of the search plugin and of MkDocs (see `breakdown.py`). With `--memory`, traces allocations
instead (much slower) and prints what is still held when the build ends (MkDocs keeps every
page until then), by the innermost llmblog line that made it.
(Named `profile_build.py`, not `profile.py`: `cProfile` imports the standard `profile` module,
which a `profile.py` next to the script would shadow.)
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import shutil
import sys
import tempfile
import threading
import time
import tracemalloc
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from breakdown import Sampler, print_groups
from corpus import VARIANTS, generate_posts, write_project
from run import export_revision, precompile

PACKAGE = "mkdocs_llmblog"
PLUGIN_FILE = os.path.join(PACKAGE, "plugin.py")


def profile_build(config_file: Path, site_dir: Path) -> tuple[pstats.Stats, float]:
    """Build like `mkdocs build` does, under cProfile; return the stats and the wall time."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    config = load_config(config_file=str(config_file), site_dir=str(site_dir))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
        profiler.disable()
    return pstats.Stats(profiler), time.perf_counter() - start


def sampled_build(config_file: Path, site_dir: Path) -> tuple[Sampler, float]:
    """Build like `mkdocs build` does while sampling the stack (see `breakdown.py`); return the
    sampler and the wall time."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    sampler = Sampler(threading.get_ident())
    start = time.perf_counter()
    with sampler.running():
        config = load_config(config_file=str(config_file), site_dir=str(site_dir))
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    return sampler, time.perf_counter() - start


def memory_build(config_file: Path, site_dir: Path, top: int, frames: int) -> None:
    """Build under tracemalloc; print what is held at `on_post_build`, by allocating line."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.plugins import BasePlugin

    class Snapshot(BasePlugin):  # type: ignore[type-arg]
        snapshot: tracemalloc.Snapshot | None = None

        def on_post_build(self, *, config: object) -> None:
            self.snapshot = tracemalloc.take_snapshot()

    tracemalloc.start(frames)
    config = load_config(config_file=str(config_file), site_dir=str(site_dir))
    snapshot = Snapshot()
    config.plugins["llmblog-benchmark-snapshot"] = snapshot
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert snapshot.snapshot is not None
    statistics = snapshot.snapshot.statistics("traceback")
    held = sum(stat.size for stat in statistics)
    by_site: dict[str, int] = {}
    in_package = 0
    for stat in statistics:
        stack = list(reversed(stat.traceback))  # innermost first
        ours = next((f for f in stack if f"{PACKAGE}{os.sep}" in f.filename), None)
        if ours is not None:
            in_package += stat.size
            key = location(ours.filename, ours.lineno, "")
        else:
            key = "(no llmblog frame) " + location(stack[0].filename, stack[0].lineno, "")
        by_site[key] = by_site.get(key, 0) + stat.size
    mib = 1024 * 1024
    print(f"Traced Python memory: peak {peak / mib:.1f} MiB; held at on_post_build ")
    print(
        f"{held / mib:.1f} MiB, of which {in_package / mib:.1f} MiB allocated under llmblog code\n"
    )
    print(f"Top {top} allocation sites of what is held (innermost llmblog line, else innermost)")
    for key, size in sorted(by_site.items(), key=lambda item: -item[1])[:top]:
        print(f"{size / mib:9.2f} MiB  {key.removesuffix('()')}")


def hook_times(stats: pstats.Stats) -> list[tuple[str, int, float]]:
    """Cumulative time and calls of each `LlmBlogPlugin.on_*` hook."""
    rows: list[tuple[str, int, float]] = []
    table = stats.stats  # type: ignore[attr-defined]
    for (filename, _line, name), (_cc, calls, _tt, cumulative, _callers) in table.items():
        if filename.endswith(PLUGIN_FILE) and name.startswith("on_"):
            rows.append((name, calls, cumulative))
    return sorted(rows, key=lambda row: -row[2])


def location(filename: str, line: int, name: str) -> str:
    """`package/module.py:line(function)`, without the folders before the package."""
    path = filename.replace(os.sep, "/")
    for marker in (f"/{PACKAGE}/", "/site-packages/", "/lib/python3"):
        if marker in path:
            path = path[path.rindex(marker) + 1 :]
            if marker.startswith("/site"):
                path = path[len("site-packages/") :]
            break
    return f"{path}:{line}({name})"


def table(stats: pstats.Stats, sort: str, top: int, only_package: bool) -> str:
    """The `top` functions by `cumulative` or `own` time, optionally only inside the package."""
    entries: list[tuple[int, float, float, str]] = []
    rows = stats.stats.items()  # type: ignore[attr-defined]
    for (filename, line, name), (_cc, calls, own, cumulative, _callers) in rows:
        if only_package and f"{PACKAGE}{os.sep}" not in filename:
            continue
        entries.append((calls, own, cumulative, location(filename, line, name)))
    if sort == "cumulative":
        entries.sort(key=lambda entry: entry[2], reverse=True)
    else:
        entries.sort(key=lambda entry: entry[1], reverse=True)
    lines = [f"{'calls':>9} {'own s':>8} {'cumul s':>8}  function"]
    for calls, own, cumulative, where in entries[:top]:
        lines.append(f"{calls:>9} {own:8.3f} {cumulative:8.3f}  {where}")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Profile one llmblog build.")
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--images", action="store_true", help="a featured image per post")
    parser.add_argument(
        "--warm", action="store_true", help="with --images: build once first, profile the rebuild"
    )
    parser.add_argument(
        "--memory", action="store_true", help="trace memory instead of time (much slower)"
    )
    parser.add_argument(
        "--groups",
        action="store_true",
        help="sample the stack instead of cProfile; print the time of each part of the work",
    )
    parser.add_argument("--search", action="store_true", help="enable the search plugin")
    parser.add_argument(
        "--frames",
        type=int,
        default=40,
        help="with --memory: stack frames kept per allocation (fewer: faster, coarser)",
    )
    parser.add_argument(
        "--variant",
        choices=VARIANTS,
        default="llmblog",
        help="which project of the corpus to build (default llmblog; others for comparison)",
    )
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--output", type=Path, help="also save the raw profile (pstats format)")
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--llmblog-rev", help="profile mkdocs_llmblog as committed at this revision"
    )
    source.add_argument(
        "--llmblog-src", type=Path, help="profile the mkdocs_llmblog package in this folder"
    )
    parser.add_argument("--workdir", type=Path, help="where the corpus goes (default: temp)")
    args = parser.parse_args(argv)

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="llmblog-profile-"))
    try:
        llmblog_src = args.llmblog_src
        if args.llmblog_rev is not None:
            llmblog_src = export_revision(args.llmblog_rev, workdir / "llmblog-source")
        if llmblog_src is not None:
            precompile(llmblog_src)
            # Before MkDocs loads the plugin's entry point, which imports `mkdocs_llmblog`.
            sys.path.insert(0, str(llmblog_src.resolve()))
        config = write_project(
            workdir / args.variant,
            args.variant,
            generate_posts(args.posts),
            images=args.images,
            search=args.search,
        )
        site = workdir / "site"
        if args.images and args.warm:
            profile_build(config, site)
        if args.memory:
            memory_build(config, site, args.top, args.frames)
            return
        if args.groups:
            sampler, wall = sampled_build(config, site)
            pages = sum(1 for _ in site.rglob("*.html"))
            print(f"{args.variant} build of {args.posts} posts, {pages} pages", end="")
            print(f"{', search on' if args.search else ''}{', images' if args.images else ''}")
            print_groups(sampler.seconds, sampler.others, wall)
            return
        stats, wall = profile_build(config, site)
        pages = sum(1 for _ in site.rglob("*.html"))
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    if args.output:
        stats.dump_stats(args.output)

    total = stats.total_tt  # type: ignore[attr-defined]
    import mkdocs_llmblog

    print(f"mkdocs_llmblog from {os.path.dirname(mkdocs_llmblog.__file__)}")
    print(f"{args.variant} build of {args.posts} posts{' with images' if args.images else ''}: ")
    print(f"{pages} pages, {wall:.2f} s wall under the profiler, {total:.2f} s profiled\n")
    hooks = hook_times(stats)
    print("Time in llmblog's hooks (cumulative):")
    for name, calls, cumulative in hooks:
        print(
            f"  {name:<20} {calls:>7} calls {cumulative:8.3f} s  {100 * cumulative / total:5.1f}%"
        )
    own = sum(row[2] for row in hooks)
    print(f"  {'all hooks':<20} {'':>13} {own:8.3f} s  {100 * own / total:5.1f}%\n")
    for only_package, scope in ((True, f"in {PACKAGE}"), (False, "overall")):
        for sort in ("cumulative", "own"):
            print(f"Top {args.top} {scope} by {sort} time")
            print(table(stats, sort, args.top, only_package))


if __name__ == "__main__":
    main()
