"""Property-based inputs, reproducible builds, and builds killed while writing images."""

from __future__ import annotations

import hashlib
import logging
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from PIL import Image

from tests.sitebuilder import BuiltSite, ErrorCollector, post, write_project
from tests.test_example_site import EXAMPLE

XML_FORBIDDEN = "".join(map(chr, [*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])) + "\ufffe\uffff"
"""Characters XML 1.0 forbids: the plugin removes them from posts with a warning (a case of its
own), so the texts below, which must build without one, leave them out."""
texts = st.characters(blacklist_categories=["Cs"], blacklist_characters=XML_FORBIDDEN)

# Values YAML can hold, as front matter authors might write them.
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False),
    st.text(texts, max_size=40),
    st.dates().map(lambda d: d.isoformat()),
    st.datetimes().map(lambda d: d.isoformat()),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)
keys = st.sampled_from(
    [
        "date",
        "updated",
        "title",
        "description",
        "categories",
        "tags",
        "image",
        "draft",
        "slug",
        "authors",
        "blog_widgets",
    ]
)
front_matter = st.dictionaries(keys, values, max_size=6)
file_stems = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="/\\\x00"),
    min_size=1,
    max_size=40,
).filter(lambda s: s not in (".", "..") and not s.startswith(".") and len(s.encode()) < 200)


def build_odd_post(root: Path, stem: str, source: str) -> BuiltSite | list[str]:
    """Build a site with one odd post (and an ordinary one): the site, or the plugin's refusal.

    A refusal must be the plugin's own message naming the odd post's file, without a traceback.
    """
    files: dict[str, str | bytes] = {
        f"blog/posts/{stem}.md": source,
        # In a folder of its own, so that no stem can replace it.
        "blog/posts/other/ok.md": post({"date": "2024-01-01", "title": "Ok"}),
    }
    config_file = write_project(root, {}, files)
    config = load_config(config_file=str(config_file), site_dir=str(root / "site"))
    errors = ErrorCollector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(errors)
    try:
        build(config)
    except Abort:
        # MkDocs' own "Error reading page" line may come first; ours names the post file.
        ours = [m for m in errors.messages if m.startswith(f"docs/blog/posts/{stem}.md: ")]
        assert ours, f"not the plugin's message naming the file: {errors.messages}"
        assert all("Traceback" not in message for message in ours), ours
        return ours
    finally:
        logger.removeHandler(errors)
        config.plugins.on_shutdown()
    return BuiltSite(root, root / "site", bool(config.use_directory_urls))


def date_is_missing(meta: dict[str, Any]) -> bool:
    """No date at all: neither `date: ...` nor Material's `date: {created: ...}`."""
    date = meta.get("date")
    return date is None or (isinstance(date, dict) and date.get("created") is None)


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meta=front_matter)
def test_any_front_matter_builds_or_stops_with_the_plugins_message(meta: dict[str, Any]) -> None:
    source = post(yaml.safe_dump(meta, allow_unicode=True), "# Heading\n\nText.\n")
    with tempfile.TemporaryDirectory() as folder:
        outcome = build_odd_post(Path(folder), "post", source)
    if date_is_missing(meta):
        assert isinstance(outcome, list), "a post without a date was published"
        assert any("front matter key 'date' is" in message for message in outcome), outcome
    if isinstance(outcome, list):
        assert all(m.startswith("docs/blog/posts/post.md: front matter") for m in outcome)


def published_post(site: BuiltSite, day: str) -> BeautifulSoup:
    """The one post page published on `day` (`2024/02/02`)."""
    pages = sorted(
        path
        for path in site.output_files()
        if path.startswith(f"blog/{day}/") and path.endswith("/index.html")
    )
    assert len(pages) == 1, pages
    return site.html(pages[0].removesuffix("/index.html"))


@pytest.mark.slow
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stem=file_stems, title=st.text(texts, min_size=1, max_size=60).filter(str.strip))
def test_any_file_name_and_title_builds(stem: str, title: str) -> None:
    """Every name a file system allows, and every title, is a valid post: it is published."""
    source = post({"date": "2024-02-02", "title": title})
    with tempfile.TemporaryDirectory() as folder:
        outcome = build_odd_post(Path(folder), stem, source)
        assert isinstance(outcome, BuiltSite), f"{stem!r} with {title!r} was refused: {outcome}"
        # The title as the page shows it, its line breaks read as text files read them.
        shown = title.strip().replace("\r\n", "\n").replace("\r", "\n")
        heading = published_post(outcome, "2024/02/02").select_one("h1.llmblog-post-title")
        assert heading is not None
        assert heading.get_text() == shown
        listed = outcome.html("blog").select(".llmblog-post-card-title a")
        assert [a.get_text() for a in listed] == [shown, "Ok"]


def build_example(root: Path, epoch: str) -> Path:
    settings_ = yaml.safe_load((EXAMPLE / "mkdocs.yml").read_text(encoding="utf-8"))
    settings_["docs_dir"] = str(EXAMPLE / "docs")
    settings_["plugins"] = ["search", {"llmblog": {"cache_dir": str(root / "cache")}}]
    root.mkdir(parents=True, exist_ok=True)
    config_file = root / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(settings_), encoding="utf-8")
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch, "NO_MKDOCS_2_WARNING": "1"}
    site = root / "site"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config_file), "-d", str(site)],
        check=True,
        env=env,
        capture_output=True,
    )
    return site


def digests(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in site.rglob("*")
        if path.is_file()
    }


@pytest.mark.slow
def test_two_clean_builds_with_source_date_epoch_are_byte_identical(tmp_path: Path) -> None:
    first = digests(build_example(tmp_path / "one", "1735689600"))
    second = digests(build_example(tmp_path / "two", "1735689600"))
    assert first.keys() == second.keys()
    different = sorted(path for path in first if first[path] != second[path])
    assert different == []
    assert any(path.startswith("llmblog/images/") for path in first)
    assert "blog/feed.xml" in first


def noisy_png(seed: int) -> bytes:
    generator = random.Random(seed)
    image = Image.frombytes("RGB", (1800, 1200), generator.randbytes(1800 * 1200 * 3))
    path = Path(tempfile.mkstemp(suffix=".png")[1])
    try:
        image.save(path, "PNG", compress_level=1)
        return path.read_bytes()
    finally:
        path.unlink()


def _wait_until_group_is_gone(group: int) -> None:
    """The image workers die with the build, but not always at the same instant."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)


@pytest.mark.slow
def test_a_build_killed_while_writing_images_never_serves_a_corrupt_one(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {}
    for number in range(12):
        files[f"blog/posts/p{number}.png"] = noisy_png(number)
        files[f"blog/posts/p{number}.md"] = (
            f"---\ndate: 2024-01-{number + 1:02d}\ntitle: P{number}\n"
            f"image: {{path: p{number}.png, alt: Noise}}\n---\nText.\n"
        )
    config_file = write_project(tmp_path, {"plugins": [{"llmblog": {"image_workers": 2}}]}, files)
    cache = tmp_path / ".cache" / "llmblog" / "images"
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config_file)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    process = subprocess.Popen(command, env=env, start_new_session=True, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and process.poll() is None:
            done = [p for p in cache.rglob("*.webp") if not p.name.startswith(".")]
            if cache.is_dir() and done:
                break
            time.sleep(0.05)
        assert process.poll() is None, "the build finished before it could be killed"
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        _wait_until_group_is_gone(process.pid)
    written = [p for p in cache.rglob("*") if p.is_file() and not p.name.startswith(".partial-")]
    total = 12 * 5 + 12  # five widths and a share crop each
    assert 0 < len(written) < total, "the kill did not land during image work"

    subprocess.run(command, env=env, check=True, capture_output=True)
    for folder in (cache, tmp_path / "site" / "llmblog" / "images"):
        for path in folder.rglob("*"):
            if path.is_file() and not path.name.startswith(".partial-"):
                with Image.open(path) as image:
                    image.load()  # raises on a truncated or corrupt file
    assert not list(cache.rglob(".partial-*")), "leftover partial files were not cleaned up"
