"""Build the same blog with plain MkDocs, llmblog and Material's blog plugin; print the figures.

    python benchmarks/run.py                          # N = 250, 1000, 4000
    python benchmarks/run.py --sizes 250 1000 --repeat 3
    python benchmarks/run.py --with-10000             # adds N = 10,000
    python benchmarks/run.py --sizes --images         # only the featured-image builds (1,000 posts)

Each build runs `python -m mkdocs build -q` in a fresh process; its wall time is measured around
the process and its CPU time and peak memory come from the kernel (`os.wait4`), which count the
process and every process it waited for (llmblog's image workers). Benchmarks print figures;
they are not tests and never fail on a missed target.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import VARIANTS, Variant, generate_posts, write_corpora, write_project

REPOSITORY = Path(__file__).resolve().parent.parent
DEFAULT_SIZES = (250, 1000, 4000)
BIG_SIZE = 10_000

PER_PAGE_TARGET = 1.10
"""llmblog's time per output page over plain MkDocs', at most."""
SCALING_TARGET = 4.4
"""llmblog's t(4000) / t(1000), at most."""
MATERIAL_TARGET = 4.0
"""Material's blog time over llmblog's at 1,000 posts, at least."""
MEMORY_TARGET = 1.3
"""llmblog's peak memory over plain MkDocs' at 4,000 posts, at most."""
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


def run_build(
    label: str, posts: int, repeat: int, config: Path, site: Path, env: dict[str, str]
) -> Build:
    """Build `config` into a fresh `site` in a new process and measure it."""
    if not hasattr(os, "wait4"):
        raise SystemExit("benchmarks/run.py needs os.wait4 (Linux or macOS)")
    shutil.rmtree(site, ignore_errors=True)
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        process = subprocess.Popen(
            command, stdout=output, stderr=subprocess.STDOUT, env=env, cwd=config.parent
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
    pages = sum(1 for _ in site.rglob("*.html"))
    cpu = usage.ru_utime + usage.ru_stime
    build = Build(label, posts, repeat, wall, cpu, usage.ru_stime, peak, pages)
    print(
        f"  {label:<16} N={posts:<6} #{repeat + 1}  {wall:8.2f} s  cpu {build.cpu_s:8.2f} s  "
        f"{peak:7.0f} MiB  {pages:6d} pages",
        file=sys.stderr,
        flush=True,
    )
    shutil.rmtree(site, ignore_errors=True)
    return build


def best(builds: Sequence[Build], label: str, posts: int) -> Build | None:
    """The fastest of the repeats (noise only ever adds time), with the largest peak memory."""
    mine = [b for b in builds if b.label == label and b.posts == posts]
    if not mine:
        return None
    fastest = min(mine, key=lambda b: b.wall_s)
    return Build(
        label,
        posts,
        fastest.repeat,
        fastest.wall_s,
        fastest.cpu_s,
        fastest.sys_s,
        max(b.peak_mib for b in mine),
        fastest.pages,
    )


def rotated(items: Sequence[Variant], shift: int) -> list[Variant]:
    shift %= len(items)
    return [*items[shift:], *items[:shift]]


def measure_sizes(
    sizes: Sequence[int],
    repeat: int,
    workdir: Path,
    search: bool,
    variants: Sequence[Variant],
    env: dict[str, str],
    builds: list[Build],
) -> None:
    for index, posts in enumerate(sizes):
        folder = workdir / f"n{posts}"
        started = time.perf_counter()
        configs = write_corpora(folder, posts, variants, search=search)
        print(
            f"N={posts}: corpora written in {time.perf_counter() - started:.1f} s",
            file=sys.stderr,
            flush=True,
        )
        for round_ in range(repeat):
            # Alternate: every variant takes every place in the order across repeats and sizes.
            for variant in rotated(variants, index + round_):
                config = configs[variant]
                builds.append(
                    run_build(variant, posts, round_, config, config.parent / "site", env)
                )
        shutil.rmtree(folder, ignore_errors=True)


def measure_images(
    posts: int,
    repeat: int,
    workdir: Path,
    search: bool,
    env: dict[str, str],
    builds: list[Build],
) -> None:
    """llmblog with a featured image per post: cold (empty cache), warm; and without images."""
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
    for round_ in range(repeat):
        shutil.rmtree(with_images.parent / ".cache", ignore_errors=True)
        builds.append(run_build("images cold", posts, round_, with_images, site, env))
    runs: list[tuple[str, Path]] = [("images warm", with_images), ("no images", without)]
    for round_ in range(repeat):
        for label, config in runs if round_ % 2 == 0 else runs[::-1]:
            builds.append(run_build(label, posts, round_, config, site, env))
    shutil.rmtree(folder, ignore_errors=True)


def verdict(value: float, target: float, at_most: bool) -> str:
    ok = value <= target if at_most else value >= target
    return "PASS" if ok else "FAIL"


def print_table(builds: Sequence[Build], labels: Sequence[str], sizes: Sequence[int]) -> None:
    header = (
        f"{'N':>6}  {'build':<12} {'wall s':>8} {'cpu s':>8} {'sys s':>7} {'peak MiB':>9} "
        f"{'pages':>6} "
        f"{'ms/page':>8}"
    )
    print(header)
    print("-" * len(header))
    for posts in sizes:
        for label in labels:
            b = best(builds, label, posts)
            if b is None:
                continue
            print(
                f"{posts:>6}  {label:<12} {b.wall_s:8.2f} {b.cpu_s:8.2f} {b.sys_s:7.2f} "
                f"{b.peak_mib:9.0f} "
                f"{b.pages:6d} {b.ms_per_page:8.2f}"
            )
    print()


Row = tuple[str, str, float, str, str]


def size_ratios(builds: Sequence[Build], sizes: Sequence[int]) -> list[Row]:
    rows: list[Row] = []

    def get(label: str, posts: int) -> Build | None:
        return best(builds, label, posts)

    for posts in sizes:
        plain, llm = get("plain", posts), get("llmblog", posts)
        if plain and llm:
            value = llm.ms_per_page / plain.ms_per_page
            target = f"<= {PER_PAGE_TARGET}"
            rows.append(
                ("llmblog / plain, time per output page", f"N={posts}", value, target,
                 verdict(value, PER_PAGE_TARGET, at_most=True))
            )  # fmt: skip
    for posts in sizes:
        plain, llm = get("plain", posts), get("llmblog", posts)
        if plain and llm and plain.pages and llm.pages:
            # CPU time shrugs off other work on a shared machine better than wall time.
            value = (llm.cpu_s / llm.pages) / (plain.cpu_s / plain.pages)
            rows.append(("llmblog / plain, CPU time per output page", f"N={posts}", value,
                         "(info)", ""))  # fmt: skip
    for posts in sizes:
        llm, material = get("llmblog", posts), get("material", posts)
        if llm and material:
            value = material.wall_s / llm.wall_s
            scored = posts == 1000
            rows.append(
                ("Material / llmblog, build time", f"N={posts}", value,
                 f">= {MATERIAL_TARGET}" if scored else "(info)",
                 verdict(value, MATERIAL_TARGET, at_most=False) if scored else "")
            )  # fmt: skip
    for posts in sizes:
        llm, material = get("llmblog", posts), get("material", posts)
        if llm and material:
            value = material.ms_per_page / llm.ms_per_page
            rows.append(("Material / llmblog, per output page", f"N={posts}", value, "(info)", ""))
    for label in VARIANTS:
        low, high = get(label, 1000), get(label, 4000)
        if low and high:
            value = high.wall_s / low.wall_s
            scored = label == "llmblog"
            rows.append(
                (f"t(4000) / t(1000), {label}", "", value,
                 f"<= {SCALING_TARGET}" if scored else "(info)",
                 verdict(value, SCALING_TARGET, at_most=True) if scored else "")
            )  # fmt: skip
    for label in VARIANTS:
        low, high = get(label, 4000), get(label, BIG_SIZE)
        if low and high:
            rows.append(
                (f"t(10000) / t(4000), {label}", "", high.wall_s / low.wall_s, "(info)", "")
            )
    for posts in sizes:
        plain, llm = get("plain", posts), get("llmblog", posts)
        if plain and llm:
            value = llm.peak_mib / plain.peak_mib
            scored = posts == 4000
            rows.append(
                ("llmblog / plain, peak memory", f"N={posts}", value,
                 f"<= {MEMORY_TARGET}" if scored else "(info)",
                 verdict(value, MEMORY_TARGET, at_most=True) if scored else "")
            )  # fmt: skip
    return rows


def image_ratios(builds: Sequence[Build], posts: int) -> list[Row]:
    rows: list[Row] = []
    cold = best(builds, "images cold", posts)
    warm = best(builds, "images warm", posts)
    without = best(builds, "no images", posts)
    if warm and without:
        value = warm.wall_s / without.wall_s
        rows.append(
            ("images warm / no images, build time", f"N={posts}", value,
             f"<= {WARM_IMAGES_TARGET}", verdict(value, WARM_IMAGES_TARGET, at_most=True))
        )  # fmt: skip
    if cold and without:
        rows.append(
            ("images cold / no images, build time", f"N={posts}", cold.wall_s / without.wall_s,
             "(info)", "")
        )  # fmt: skip
    if cold:
        use = cold.cpu_s / cold.wall_s / cores()
        rows.append(
            (f"cold build CPU / wall / {cores()} cores", f"N={posts}", use,
             f">= {CORE_USE_TARGET}", verdict(use, CORE_USE_TARGET, at_most=False))
        )  # fmt: skip
    return rows


def print_ratios(rows: Sequence[Row]) -> None:
    if not rows:
        return
    width = max(len(row[0]) for row in rows)
    print(f"{'ratio':<{width}}  {'at':<8} {'value':>7}  {'target':<9} result")
    print("-" * (width + 38))
    for name, where, value, target, result in rows:
        print(f"{name:<{width}}  {where:<8} {value:7.2f}  {target:<9} {result}")
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
        help="post counts to build (default: 250 1000 4000; none with --images only)",
    )
    parser.add_argument("--with-10000", action="store_true", help="add N = 10,000 (slow)")
    parser.add_argument("--repeat", type=int, default=1, help="builds of each kind (default 1)")
    parser.add_argument(
        "--variants",
        nargs="+",
        choices=VARIANTS,
        default=list(VARIANTS),
        help="which builds to compare (default: all three)",
    )
    parser.add_argument(
        "--images", action="store_true", help="also measure featured images: cold, warm, none"
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

    sizes = sorted(set(args.sizes) | ({BIG_SIZE} if args.with_10000 else set()))
    variants: list[Variant] = [v for v in VARIANTS if v in args.variants]
    environment = describe_environment(args.llmblog_src, args.llmblog_rev)
    print("Environment: " + ", ".join(f"{k} {v}" for k, v in environment.items()))
    print(f"Sizes {sizes}, repeat {args.repeat}, search {'on' if args.search else 'off'}")
    print(file=sys.stderr, flush=True)

    # A `kill` ends the run like Ctrl-C: the build is stopped and the temp folder removed.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="llmblog-bench-"))
    builds: list[Build] = []
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
            measure_sizes(sizes, args.repeat, workdir, args.search, variants, env, builds)
        if args.images:
            measure_images(args.images_posts, args.repeat, workdir, args.search, env, builds)
    except BuildFailed as error:
        # Still print what was measured before the failure.
        failure = error
        print(error, file=sys.stderr, flush=True)
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)

    print()
    if sizes:
        print("Builds (best wall time of the repeats; peak memory: largest of the repeats)")
        print_table(builds, variants, sizes)
        rows += size_ratios(builds, sizes)
    if args.images:
        print(f"Featured images, llmblog, {args.images_posts} posts")
        print_table(builds, ["images cold", "images warm", "no images"], [args.images_posts])
        rows += image_ratios(builds, args.images_posts)
    print_ratios(rows)
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "environment": environment,
                    "builds": [asdict(b) for b in builds],
                    "ratios": [
                        {"ratio": r[0], "at": r[1], "value": r[2], "target": r[3], "result": r[4]}
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
