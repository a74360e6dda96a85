"""Build the same blog with plain MkDocs, llmblog and Material's blog plugin; print the figures.

    python benchmarks/run.py                          # N = 1000, 4000; 3 rounds
    python benchmarks/run.py --with-10000             # adds N = 10,000 (Material: up to 4,000)
    python benchmarks/run.py --sizes --editing        # rebuilds after an edit (1,000 posts)
    python benchmarks/run.py --sizes --images         # featured images (1,000 posts)

Each build runs `python -m mkdocs build -q` in a fresh process; its wall time is measured around
the process and its CPU time and peak memory come from the kernel (`os.wait4`), which count the
process and every process it waited for (llmblog's image workers). The builds of one round are
made one after the other, in an order that rotates from round to round; each ratio is taken
within a round, and the median of the rounds' ratios is compared with its target (PASS or MISS).
Benchmarks print figures; they are not tests and never fail on a missed target.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import VARIANTS, Variant, generate_posts, write_corpora, write_project

REPOSITORY = Path(__file__).resolve().parent.parent
BENCHMARKS = Path(__file__).resolve().parent
DEFAULT_SIZES = (1000, 4000)
BIG_SIZE = 10_000
MATERIAL_MAX_SIZE = 4000
"""Material's blog is built up to this size unless asked (at 10,000 posts it takes minutes)."""
DEFAULT_REPEAT = 3

# The targets of issue #20. Every ratio is taken within one round of builds (the variants built
# one after the other, their order rotating from round to round), and the median of the rounds'
# ratios is compared with the target.
PER_PAGE_TARGET = 1.05
"""llmblog's time per output page over plain MkDocs', at most, at each of PER_PAGE_SIZES."""
PER_PAGE_SIZES = (1000, 4000, 10_000)
SCALING_TARGET = 10.5
"""llmblog's t(10,000) / t(1,000), at most."""
MATERIAL_TARGETS = {1000: 5.0, 4000: 10.0}
"""Material's blog build time over llmblog's, at least, by post count."""
MEMORY_TARGET = 1.25
"""llmblog's peak memory over plain MkDocs', at most, at MEMORY_SIZE posts."""
MEMORY_SIZE = 10_000
BODY_EDIT_TARGET = 1.3
"""Rebuild after a post's body edit, llmblog --dirty over plain MkDocs --dirty, at most."""
LIST_EDIT_TARGET = 1.1
"""Rebuild after a title or categories edit, llmblog --dirty over a full build, at most."""
COLD_IMAGES_TARGET = 1.15
"""A cold build with a featured image per post over the bare Pillow script, at most."""
WARM_IMAGES_TARGET = 1.15
"""A warm build with a featured image per post over the same build without images, at most."""
CORE_USE_TARGET = 0.8
"""Share of all cores the cold image build keeps busy, at least ("uses all cores")."""


@dataclass(frozen=True)
class Build:
    """One measured `mkdocs build`."""

    label: str
    posts: int
    repeat: int
    wall_s: float
    cpu_s: float
    """User + system time of the build and every process it waited for."""
    sys_s: float
    """The system part of `cpu_s` (file copies, process starts...)."""
    peak_mib: float
    """The largest resident set of the build or any process it waited for."""
    pages: int
    """`*.html` files written to the site folder."""

    @property
    def ms_per_page(self) -> float:
        return 1000 * self.wall_s / self.pages if self.pages else float("nan")


class BuildFailed(RuntimeError):
    pass


def cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def export_revision(revision: str, folder: Path) -> Path:
    """Write `mkdocs_llmblog/` as committed at `revision` into `folder`; return `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(
        ["git", "archive", revision, "mkdocs_llmblog"],
        cwd=REPOSITORY,
        capture_output=True,
        check=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def precompile(folder: Path) -> None:
    """Write the bytecode of `folder/mkdocs_llmblog`, so no build pays for compiling it.

    The installed packages were compiled when installed; with PYTHONDONTWRITEBYTECODE set, a
    fresh copy would otherwise be compiled again by every build.
    """
    compileall.compile_dir(folder / "mkdocs_llmblog", quiet=1)


def build_environment(llmblog_src: Path | None) -> dict[str, str]:
    """The builds' environment: `llmblog_src` first on the import path, when given."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if llmblog_src is not None:
        paths = [str(llmblog_src.resolve()), *filter(None, [env.get("PYTHONPATH")])]
        env["PYTHONPATH"] = os.pathsep.join(paths)
    return env


def run_command(
    label: str,
    posts: int,
    round_: int,
    command: Sequence[str],
    cwd: Path,
    output_dir: Path,
    env: dict[str, str],
) -> Build:
    """Run `command` in a new process writing into a fresh `output_dir`, and measure it."""
    if not hasattr(os, "wait4"):
        raise SystemExit("benchmarks/run.py needs os.wait4 (Linux or macOS)")
    shutil.rmtree(output_dir, ignore_errors=True)
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        process = subprocess.Popen(
            command, stdout=output, stderr=subprocess.STDOUT, env=env, cwd=cwd
        )
        try:
            _, status, usage = os.wait4(process.pid, 0)
        except BaseException:
            process.kill()
            process.wait()
            raise
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            output.seek(0)
            tail = output.read().decode(errors="replace")[-3000:]
            raise BuildFailed(f"{label} at {posts} posts failed ({process.returncode}):\n{tail}")
    # ru_maxrss is in KiB on Linux and in bytes on macOS.
    peak = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    pages = sum(1 for _ in output_dir.rglob("*.html"))
    cpu = usage.ru_utime + usage.ru_stime
    build = Build(label, posts, round_, wall, cpu, usage.ru_stime, peak, pages)
    print(
        f"  {label:<16} N={posts:<6} #{round_ + 1}  {wall:8.2f} s  cpu {build.cpu_s:8.2f} s  "
        f"{peak:7.0f} MiB  {pages:6d} pages",
        file=sys.stderr,
        flush=True,
    )
    return build


def run_build(
    label: str, posts: int, round_: int, config: Path, site: Path, env: dict[str, str]
) -> Build:
    """`mkdocs build` of `config` into a fresh `site` in a new process, measured; the site is
    removed afterwards."""
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]
    build = run_command(label, posts, round_, command, config.parent, site, env)
    shutil.rmtree(site, ignore_errors=True)
    return build


def typical(builds: Sequence[Build], label: str, posts: int) -> Build | None:
    """The median of the rounds' figures (each figure on its own)."""
    mine = [b for b in builds if b.label == label and b.posts == posts]
    if not mine:
        return None
    return Build(
        label,
        posts,
        -1,
        statistics.median(b.wall_s for b in mine),
        statistics.median(b.cpu_s for b in mine),
        statistics.median(b.sys_s for b in mine),
        statistics.median(b.peak_mib for b in mine),
        mine[0].pages,
    )


T = TypeVar("T")


def rotated(items: Sequence[T], shift: int) -> list[T]:
    """`items` starting at `shift`: across rounds, every item takes every place in the order."""
    shift %= len(items)
    return [*items[shift:], *items[:shift]]


def measure_sizes(
    sizes: Sequence[int],
    repeat: int,
    workdir: Path,
    search: bool,
    variants: Sequence[Variant],
    material_max: int,
    env: dict[str, str],
    builds: list[Build],
) -> None:
    for index, posts in enumerate(sizes):
        folder = workdir / f"n{posts}"
        here = [v for v in variants if v != "material" or posts <= material_max]
        started = time.perf_counter()
        configs = write_corpora(folder, posts, here, search=search)
        print(
            f"N={posts}: corpora written in {time.perf_counter() - started:.1f} s",
            file=sys.stderr,
            flush=True,
        )
        for round_ in range(repeat):
            for variant in rotated(here, index + round_):
                config = configs[variant]
                builds.append(
                    run_build(variant, posts, round_, config, config.parent / "site", env)
                )
        shutil.rmtree(folder, ignore_errors=True)


@dataclass(frozen=True)
class ImageChecks:
    copies: int
    """Copies the cold build wrote into the cache."""
    differing: int
    """Copies written by only one of the cold build and the bare script (by content)."""
    warm_reads: dict[str, Any]
    """What `image_reads.py` counted in a warm build."""


def measure_images(
    posts: int,
    repeat: int,
    workdir: Path,
    search: bool,
    env: dict[str, str],
    builds: list[Build],
) -> ImageChecks:
    """llmblog with a featured image per post, cold (empty cache) and warm, without images, and
    the bare Pillow script making the same copies."""
    from bare_images import copy_hashes, plugin_settings

    folder = workdir / f"images{posts}"
    started = time.perf_counter()
    specs = generate_posts(posts)
    with_images = write_project(folder / "images", "llmblog", specs, images=True, search=search)
    without = write_project(folder / "plain-posts", "llmblog", specs, images=False, search=search)
    print(
        f"Images N={posts}: corpora written in {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
        flush=True,
    )
    site = folder / "site"
    cache = with_images.parent / ".cache"
    bare_out = folder / "bare"
    bare = [
        sys.executable,
        str(BENCHMARKS / "bare_images.py"),
        str(with_images.parent / "docs" / "blog" / "posts" / "images"),
        str(bare_out),
        *plugin_settings(with_images).arguments(),
    ]
    copies = differing = 0
    for round_ in range(repeat):
        for label in rotated(["images cold", "bare Pillow"], round_):
            if label == "images cold":
                shutil.rmtree(cache, ignore_errors=True)
                builds.append(run_build(label, posts, round_, with_images, site, env))
            else:
                builds.append(run_command(label, posts, round_, bare, folder, bare_out, env))
        if round_ == 0:
            ours, floor = copy_hashes(cache / "llmblog" / "images"), copy_hashes(bare_out)
            copies = sum(ours.values())
            differing = sum(((ours - floor) + (floor - ours)).values())
        shutil.rmtree(bare_out, ignore_errors=True)
        for label in rotated(["images warm", "no images"], round_):
            config = with_images if label == "images warm" else without
            builds.append(run_build(label, posts, round_, config, site, env))
    # Outside the timed builds: an audit hook slows every open a little.
    counted = subprocess.run(
        [sys.executable, str(BENCHMARKS / "image_reads.py"), str(with_images), str(site)],
        capture_output=True,
        text=True,
        env=env,
        cwd=with_images.parent,
    )
    if counted.returncode != 0:
        raise BuildFailed(f"image_reads.py failed:\n{counted.stderr[-3000:]}")
    reads = json.loads(counted.stdout.splitlines()[-1])
    shutil.rmtree(folder, ignore_errors=True)
    return ImageChecks(copies, differing, reads)


@dataclass(frozen=True)
class EditRun:
    """One timed rebuild after an edit, in a process playing `mkdocs serve`."""

    label: str
    posts: int
    repeat: int
    edit: str
    wall_s: float
    cpu_s: float
    stale: tuple[str, ...]
    """Where the rebuilt site did not show the edit."""


EDIT_RUNS: tuple[tuple[str, Variant, bool], ...] = (
    ("plain --dirty", "plain", True),
    ("llmblog --dirty", "llmblog", True),
    ("llmblog full", "llmblog", False),
)
"""The serve processes of each round: label, variant, `--dirty`."""


def measure_editing(
    posts: int, repeat: int, workdir: Path, search: bool, env: dict[str, str]
) -> list[EditRun]:
    """Rebuilds after edits of one post, with `--dirty` and without, as `editing.py` makes them."""
    folder = workdir / f"editing{posts}"
    started = time.perf_counter()
    configs = write_corpora(folder, posts, ("plain", "llmblog"), search=search)
    print(
        f"Editing N={posts}: corpora written in {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
        flush=True,
    )
    runs: list[EditRun] = []
    for round_ in range(repeat):
        for label, variant, dirty in rotated(EDIT_RUNS, round_):
            command = [sys.executable, str(BENCHMARKS / "editing.py"), str(configs[variant])]
            command += ["--dirty"] if dirty else []
            done = subprocess.run(
                command, capture_output=True, text=True, env=env, cwd=configs[variant].parent
            )
            if done.returncode != 0:
                raise BuildFailed(f"{label} at {posts} posts failed:\n{done.stderr[-3000:]}")
            result = json.loads(done.stdout.splitlines()[-1])
            for edit, figures in result["edits"].items():
                run = EditRun(
                    label,
                    posts,
                    round_,
                    edit,
                    figures["wall_s"],
                    figures["cpu_s"],
                    tuple(figures["stale"]),
                )
                runs.append(run)
            times = "  ".join(
                f"{edit} {figures['wall_s']:6.2f} s" for edit, figures in result["edits"].items()
            )
            print(f"  {label:<16} N={posts:<6} #{round_ + 1}  {times}", file=sys.stderr, flush=True)
    shutil.rmtree(folder, ignore_errors=True)
    return runs


def print_table(builds: Sequence[Build], labels: Sequence[str], sizes: Sequence[int]) -> None:
    header = (
        f"{'N':>6}  {'build':<12} {'wall s':>8} {'cpu s':>8} {'sys s':>7} {'peak MiB':>9} "
        f"{'pages':>6} {'ms/page':>8}"
    )
    print(header)
    print("-" * len(header))
    for posts in sizes:
        for label in labels:
            b = typical(builds, label, posts)
            if b is None:
                continue
            print(
                f"{posts:>6}  {label:<12} {b.wall_s:8.2f} {b.cpu_s:8.2f} {b.sys_s:7.2f} "
                f"{b.peak_mib:9.0f} {b.pages or '-':>6} "
                f"{f'{b.ms_per_page:8.2f}' if b.pages else '-':>8}"
            )
    print()


def print_edit_table(runs: Sequence[EditRun]) -> None:
    edits = list(dict.fromkeys(run.edit for run in runs))
    header = f"{'N':>6}  {'serve':<16}" + "".join(f" {edit + ' s':>12}" for edit in edits)
    print(header)
    print("-" * len(header))
    for label, _, _ in EDIT_RUNS:
        for posts in sorted({run.posts for run in runs}):
            cells = []
            for edit in edits:
                key = (label, posts, edit)
                mine = [r.wall_s for r in runs if (r.label, r.posts, r.edit) == key]
                cells.append(f" {statistics.median(mine):12.2f}" if mine else f" {'':>12}")
            print(f"{posts:>6}  {label:<16}" + "".join(cells))
    print()


@dataclass(frozen=True)
class Row:
    """A figure of the report: the median of its rounds' values, against its target."""

    name: str
    at: str
    values: tuple[float, ...]
    """One value per round (the ratio of two builds of the same round), or a single count."""
    target: float | None = None
    """None: shown for information."""
    at_most: bool = True
    digits: int = 2

    @property
    def value(self) -> float:
        return statistics.median(self.values)

    @property
    def target_text(self) -> str:
        if self.target is None:
            return "(info)"
        return f"{'<=' if self.at_most else '>='} {self.target:g}"

    @property
    def result(self) -> str:
        if self.target is None:
            return ""
        met = self.value <= self.target if self.at_most else self.value >= self.target
        return "PASS" if met else "MISS"

    @property
    def spread(self) -> str:
        if len(self.values) < 2:
            return ""
        return f"{min(self.values):.{self.digits}f}-{max(self.values):.{self.digits}f}"


Metric = Callable[[Build], float]


def per_round(
    builds: Sequence[Build], top: tuple[str, int], bottom: tuple[str, int], metric: Metric
) -> tuple[float, ...]:
    """`metric(top) / metric(bottom)` for each round in which both were built."""
    by_key = {(b.label, b.posts, b.repeat): b for b in builds}
    values = []
    for (label, posts, round_), build in sorted(by_key.items(), key=lambda item: item[0][2]):
        if (label, posts) != top:
            continue
        other = by_key.get((*bottom, round_))
        if other is not None and metric(other) > 0:
            values.append(metric(build) / metric(other))
    return tuple(values)


def wall(build: Build) -> float:
    return build.wall_s


def wall_per_page(build: Build) -> float:
    return build.wall_s / build.pages if build.pages else float("nan")


def cpu_per_page(build: Build) -> float:
    return build.cpu_s / build.pages if build.pages else float("nan")


def peak(build: Build) -> float:
    return build.peak_mib


def size_ratios(builds: Sequence[Build], sizes: Sequence[int]) -> list[Row]:
    rows: list[Row] = []

    def add(
        name: str,
        at: str,
        values: tuple[float, ...],
        target: float | None = None,
        at_most: bool = True,
    ) -> None:
        if values:
            rows.append(Row(name, at, values, target, at_most))

    for posts in sizes:
        target = PER_PAGE_TARGET if posts in PER_PAGE_SIZES else None
        add(
            "llmblog / plain, time per output page",
            f"N={posts}",
            per_round(builds, ("llmblog", posts), ("plain", posts), wall_per_page),
            target,
        )
    for posts in sizes:
        # CPU time shrugs off other work on a shared machine better than wall time.
        add(
            "llmblog / plain, CPU time per output page",
            f"N={posts}",
            per_round(builds, ("llmblog", posts), ("plain", posts), cpu_per_page),
        )
    for posts in sizes:
        add(
            "Material / llmblog, build time",
            f"N={posts}",
            per_round(builds, ("material", posts), ("llmblog", posts), wall),
            MATERIAL_TARGETS.get(posts),
            at_most=False,
        )
    for posts in sizes:
        add(
            "Material / llmblog, per output page",
            f"N={posts}",
            per_round(builds, ("material", posts), ("llmblog", posts), wall_per_page),
        )
    for low, high in ((1000, 4000), (1000, BIG_SIZE), (4000, BIG_SIZE)):
        for label in VARIANTS:
            scored = label == "llmblog" and (low, high) == (1000, BIG_SIZE)
            add(
                f"t({high}) / t({low}), {label}",
                "",
                per_round(builds, (label, high), (label, low), wall),
                SCALING_TARGET if scored else None,
            )
    for posts in sizes:
        add(
            "llmblog / plain, peak memory",
            f"N={posts}",
            per_round(builds, ("llmblog", posts), ("plain", posts), peak),
            MEMORY_TARGET if posts == MEMORY_SIZE else None,
        )
    return rows


def image_ratios(builds: Sequence[Build], posts: int, checks: ImageChecks) -> list[Row]:
    rows: list[Row] = []
    at = f"N={posts}"

    def add(
        name: str,
        values: tuple[float, ...],
        target: float | None = None,
        at_most: bool = True,
        digits: int = 2,
    ) -> None:
        if values:
            rows.append(Row(name, at, values, target, at_most, digits))

    add(
        "images cold / bare Pillow script, build time",
        per_round(builds, ("images cold", posts), ("bare Pillow", posts), wall),
        COLD_IMAGES_TARGET,
    )
    add(
        "images cold / bare Pillow script, CPU time",
        per_round(
            builds, ("images cold", posts), ("bare Pillow", posts), lambda build: build.cpu_s
        ),
    )
    add("copies differing from the bare script's", (float(checks.differing),), 0, digits=0)
    add(
        f"image files llmblog opens in a warm build (of {checks.copies} copies)",
        (float(checks.warm_reads.get("llmblog_opens", -1)),),
        0,
        digits=0,
    )
    add(
        "images warm / no images, build time",
        per_round(builds, ("images warm", posts), ("no images", posts), wall),
        WARM_IMAGES_TARGET,
    )
    add(
        "images cold / no images, build time",
        per_round(builds, ("images cold", posts), ("no images", posts), wall),
    )
    use = tuple(
        b.cpu_s / b.wall_s / cores() for b in builds if (b.label, b.posts) == ("images cold", posts)
    )
    add(f"cold build CPU / wall / {cores()} cores", use, CORE_USE_TARGET, at_most=False)
    return rows


def edit_ratios(runs: Sequence[EditRun]) -> list[Row]:
    rows: list[Row] = []

    def ratio(edit: str, top: str, bottom: str) -> tuple[float, ...]:
        times = {(r.label, r.posts, r.repeat): r.wall_s for r in runs if r.edit == edit}
        return tuple(
            time_ / times[(bottom, posts, round_)]
            for (label, posts, round_), time_ in sorted(times.items(), key=lambda i: i[0][2])
            if label == top and (bottom, posts, round_) in times
        )

    posts = f"N={runs[0].posts}" if runs else ""
    for name, values, target in (
        (
            "body edit: llmblog --dirty / plain --dirty",
            ratio("body", "llmblog --dirty", "plain --dirty"),
            BODY_EDIT_TARGET,
        ),
        (
            "body edit: llmblog --dirty / llmblog full build",
            ratio("body", "llmblog --dirty", "llmblog full"),
            None,
        ),
        (
            "title edit: llmblog --dirty / llmblog full build",
            ratio("title", "llmblog --dirty", "llmblog full"),
            LIST_EDIT_TARGET,
        ),
        (
            "categories edit: llmblog --dirty / llmblog full build",
            ratio("categories", "llmblog --dirty", "llmblog full"),
            LIST_EDIT_TARGET,
        ),
    ):
        if values:
            rows.append(Row(name, posts, values, target))
    stale = [r for r in runs if r.stale and r.label.startswith("llmblog")]
    if runs:
        rows.append(
            Row(
                "stale places in llmblog's rebuilt sites",
                posts,
                (float(sum(len(r.stale) for r in stale)),),
                0,
                digits=0,
            )
        )
    for run in stale:
        print(
            f"Stale after the {run.edit} edit ({run.label}, round {run.repeat + 1}): "
            + "; ".join(run.stale)
        )
    return rows


def print_ratios(rows: Sequence[Row]) -> None:
    if not rows:
        return
    width = max(len(row.name) for row in rows)
    print(f"{'figure':<{width}}  {'at':<8} {'median':>7}  {'rounds':<11} {'target':<9} result")
    print("-" * (width + 50))
    for row in rows:
        print(
            f"{row.name:<{width}}  {row.at:<8} {row.value:7.{row.digits}f}  {row.spread:<11} "
            f"{row.target_text:<9} {row.result}"
        )
    print()


def describe_environment(llmblog_src: Path | None, revision: str | None) -> dict[str, str]:
    def version(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "not installed"

    def git(*args: str) -> str:
        try:
            return subprocess.run(
                ["git", *args], cwd=REPOSITORY, capture_output=True, text=True, check=True
            ).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return "?"

    if revision is not None:
        source = f"git {git('rev-parse', '--short', revision)} ({revision})"
    elif llmblog_src is not None:
        source = str(llmblog_src)
    else:
        changed = git("status", "--porcelain", "--", "mkdocs_llmblog")
        source = "work tree at " + git("rev-parse", "--short", "HEAD")
        source += " + uncommitted changes" if changed else ""
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cores": str(cores()),
        "mkdocs": version("mkdocs"),
        "mkdocs-material": version("mkdocs-material"),
        "mkdocs-llmblog": version("mkdocs-llmblog"),
        "llmblog source": source,
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description="Compare build time, memory and pages of plain MkDocs, llmblog and Material."
    )
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="*",
        default=list(DEFAULT_SIZES),
        help="post counts to build (default: 1000 4000; none: only --editing or --images)",
    )
    parser.add_argument("--with-10000", action="store_true", help="add N = 10,000 (slow)")
    parser.add_argument(
        "--material-max",
        type=int,
        default=MATERIAL_MAX_SIZE,
        help=f"build Material's blog only up to this many posts (default {MATERIAL_MAX_SIZE})",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=DEFAULT_REPEAT,
        help=f"rounds of builds; figures are medians of the rounds (default {DEFAULT_REPEAT})",
    )
    parser.add_argument(
        "--variants",
        nargs="+",
        choices=VARIANTS,
        default=list(VARIANTS),
        help="which builds to compare (default: all three)",
    )
    parser.add_argument(
        "--editing",
        action="store_true",
        help="also time the rebuilds after editing a post, with --dirty and without",
    )
    parser.add_argument("--editing-posts", type=int, default=1000, help="posts for --editing")
    parser.add_argument(
        "--images",
        action="store_true",
        help="also measure featured images: cold, warm, none, and the bare Pillow script",
    )
    parser.add_argument("--images-posts", type=int, default=1000, help="posts for --images")
    parser.add_argument("--search", action="store_true", help="enable search in every build")
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--llmblog-rev",
        help="measure mkdocs_llmblog as committed at this git revision (e.g. HEAD, main~3)",
    )
    source.add_argument(
        "--llmblog-src",
        type=Path,
        help="measure the mkdocs_llmblog package found in this folder (a copy or checkout)",
    )
    parser.add_argument("--workdir", type=Path, help="where corpora go (default: a temp folder)")
    parser.add_argument("--json", type=Path, help="also write every build's figures here")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    sizes = sorted(set(args.sizes) | ({BIG_SIZE} if args.with_10000 else set()))
    variants: list[Variant] = [v for v in VARIANTS if v in args.variants]
    environment = describe_environment(args.llmblog_src, args.llmblog_rev)
    print("Environment: " + ", ".join(f"{k} {v}" for k, v in environment.items()))
    print(
        f"Sizes {sizes}, rounds {args.repeat} (figures: medians), "
        f"search {'on' if args.search else 'off'}"
    )
    if args.repeat < DEFAULT_REPEAT:
        print(f"Fewer than {DEFAULT_REPEAT} rounds: the figures do not meet issue #20's rule.")
    print(file=sys.stderr, flush=True)

    # A `kill` ends the run like Ctrl-C: the build is stopped and the temp folder removed.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="llmblog-bench-"))
    builds: list[Build] = []
    edits: list[EditRun] = []
    checks: ImageChecks | None = None
    rows: list[Row] = []
    failure: BuildFailed | None = None
    try:
        llmblog_src = args.llmblog_src
        if args.llmblog_rev is not None:
            llmblog_src = export_revision(args.llmblog_rev, workdir / "llmblog-source")
        if llmblog_src is not None:
            precompile(llmblog_src)
        env = build_environment(llmblog_src)
        if sizes:
            measure_sizes(
                sizes, args.repeat, workdir, args.search, variants, args.material_max, env, builds
            )
        if args.editing:
            edits = measure_editing(args.editing_posts, args.repeat, workdir, args.search, env)
        if args.images:
            checks = measure_images(
                args.images_posts, args.repeat, workdir, args.search, env, builds
            )
    except BuildFailed as error:
        # Still print what was measured before the failure.
        failure = error
        print(error, file=sys.stderr, flush=True)
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)

    print()
    if sizes:
        print("Builds (median of the rounds; each ratio below: median of the rounds' ratios)")
        print_table(builds, variants, sizes)
        rows += size_ratios(builds, sizes)
    if edits:
        print("Rebuild after an edit of one post, as mkdocs serve makes it (median seconds)")
        print_edit_table(edits)
        rows += edit_ratios(edits)
    if args.images and checks is not None:
        print(f"Featured images, llmblog, {args.images_posts} posts")
        labels = ["images cold", "bare Pillow", "images warm", "no images"]
        print_table(builds, labels, [args.images_posts])
        rows += image_ratios(builds, args.images_posts, checks)
        reads = checks.warm_reads
        print(
            f"Warm build: llmblog opened {reads.get('llmblog_opens')} image files, MkDocs "
            f"{reads.get('mkdocs_opens')} (its byte copies of the originals into the site); "
            f"Pillow {'was' if reads.get('pillow_imported') else 'was not'} imported.\n"
        )
    print_ratios(rows)
    missed = [row for row in rows if row.result == "MISS"]
    scored = [row for row in rows if row.result]
    if scored:
        print(f"{len(scored) - len(missed)} of {len(scored)} targets met.")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "environment": environment,
                    "rounds": args.repeat,
                    "builds": [asdict(b) for b in builds],
                    "edits": [asdict(e) for e in edits],
                    "images": asdict(checks) if checks is not None else None,
                    "figures": [
                        {
                            "figure": r.name,
                            "at": r.at,
                            "values": r.values,
                            "median": r.value,
                            "target": r.target_text,
                            "result": r.result,
                        }
                        for r in rows
                    ],
                },
                indent=2,
            )
            + "\n",
            encoding="utf-8",
        )
    if failure is not None:
        print("A build failed (see above); the figures are incomplete.")
        raise SystemExit(1)


if __name__ == "__main__":
    main()
