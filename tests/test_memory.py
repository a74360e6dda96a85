"""Memory stays flat over many rebuilds with one plugin object, as in `mkdocs serve`.

The builds run in a fresh interpreter: what earlier tests in the same worker left behind (interned
strings, Markdown extensions, compiled templates) makes CPython grow its own tables part way through
the measurement, a single allocation of megabytes that says nothing about the plugin.
"""

from __future__ import annotations

import gc
import multiprocessing
import tracemalloc
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from mkdocs_llmblog.plugin import LlmBlogPlugin
from tests.imagefiles import png_with_alpha
from tests.sitebuilder import post, write_project

pytestmark = pytest.mark.slow

BUILDS = 100
WARM_UP = 10
MIDDLE = 55
GROWTH_LIMIT = 5_000_000
"""Bytes the builds after the warm-up may keep, the last build's own state included."""
LATE_GROWTH_LIMIT = 1_000_000
"""Bytes the second half of the builds may keep: about 60 kB measured (MkDocs' own caches);
keeping each build's `Blog` of this small site adds about 2 MB."""
SERVE_URL = "http://127.0.0.1:8000/"


MINIMAL_THEME = """<!doctype html>
<html lang="en">
<head><title>{{ page.title }}</title>{% for path in config.extra_css %}
<link rel="stylesheet" href="{{ path|url }}">{% endfor %}</head>
<body><main>{{ page.content }}</main></body>
</html>
"""


def site_files() -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {
        "index.md": "# Home\n\n<!-- llmblog:recent-posts count=3 -->\n",
        "blog/posts/images/cover.png": png_with_alpha(640, 360),
        "blog/posts/pictured.md": post(
            {
                "date": "2024-01-05",
                "title": "Pictured",
                "image": {"path": "images/cover.png", "alt": "A red disc"},
            },
            "With a picture.\n",
        ),
    }
    for day in range(1, 5):
        files[f"blog/posts/p{day}.md"] = post(
            {
                "date": f"2024-02-{day:02d}",
                "title": f"Post {day}",
                "categories": ["News", "Tools" if day % 2 else "Notes"],
            },
            f"Excerpt {day}.\n\n<!-- more -->\n\nBody {day}.\n",
        )
    return files


def edit_posts(docs: Path, number: int) -> set[str]:
    """Edit one post and give another a new file name; return the posts' source paths now."""
    (docs / "blog/posts/p1.md").write_text(
        post(
            {"date": "2024-02-01", "title": f"Post 1, edit {number}", "categories": ["News"]},
            f"Edited {number} times.\n\n<!-- more -->\n\n{'More text. ' * number}\n",
        ),
        encoding="utf-8",
    )
    (docs / f"blog/posts/moving-{number - 1}.md").unlink(missing_ok=True)
    (docs / f"blog/posts/moving-{number}.md").write_text(
        post({"date": f"2024-03-{number % 28 + 1:02d}", "title": f"Moving {number}"}),
        encoding="utf-8",
    )
    return {p.relative_to(docs).as_posix() for p in (docs / "blog/posts").glob("*.md")}


def rebuild(config_file: Path, site_dir: Path) -> MkDocsConfig:
    # As `mkdocs serve` does: a fresh config for every build, the cached plugin objects in it.
    config = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=True)
    build(config, serve_url=SERVE_URL)
    return config


def llmblog_plugin(config: MkDocsConfig) -> LlmBlogPlugin:
    plugin = config.plugins["llmblog"]
    assert isinstance(plugin, LlmBlogPlugin)
    return plugin


def test_memory_is_flat_over_many_rebuilds(tmp_path: Path) -> None:
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        pool.submit(measure_rebuilds, tmp_path).result()


def measure_rebuilds(tmp_path: Path) -> None:
    """Build the site many times with one plugin object; raise AssertionError if memory grows."""
    # A theme of one small template: MkDocs compiles a theme's templates afresh for every build,
    # and under tracemalloc a full theme would triple the time of this test, not test the plugin.
    (tmp_path / "theme").mkdir()
    (tmp_path / "theme" / "main.html").write_text(MINIMAL_THEME, encoding="utf-8")
    settings = {
        "theme": {"name": None, "custom_dir": "theme"},
        "plugins": [{"llmblog": {"feed_content": "full", "cache_dir": str(tmp_path / "cache")}}],
    }
    config_file = write_project(tmp_path, settings, site_files())
    docs, site_dir = tmp_path / "docs", tmp_path / "site"
    config = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=True)
    plugin = llmblog_plugin(config)
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        build(config, serve_url=SERVE_URL)
        for number in range(1, WARM_UP):
            edit_posts(docs, number)
            config = rebuild(config_file, site_dir)
        gc.collect()
        tracemalloc.start()
        try:
            warm, _ = tracemalloc.get_traced_memory()
            for number in range(WARM_UP, BUILDS):
                sources = edit_posts(docs, number)
                config = rebuild(config_file, site_dir)
                assert config.plugins["llmblog"] is plugin, "MkDocs made a new plugin object"
                if number == MIDDLE:
                    gc.collect()
                    middle, _ = tracemalloc.get_traced_memory()
                    middle_snapshot = tracemalloc.take_snapshot()
            gc.collect()
            end, _ = tracemalloc.get_traced_memory()
            end_snapshot = tracemalloc.take_snapshot()
        finally:
            tracemalloc.stop()
    finally:
        config.plugins.on_shutdown()

    growth = "\n".join(
        str(stat) for stat in end_snapshot.compare_to(middle_snapshot, "lineno")[:15]
    )
    assert end - warm < GROWTH_LIMIT, f"{BUILDS - WARM_UP} builds kept {end - warm:,} bytes"
    assert end - middle < LATE_GROWTH_LIMIT, (
        f"the last {BUILDS - MIDDLE} builds kept {end - middle:,} bytes; grown most:\n{growth}"
    )

    # The plugin keeps the last build's state only, never a post of an earlier build.
    blog = plugin.blog
    assert blog is not None
    assert set(blog.posts_by_src) == sources
    assert set(blog.post_urls) == sources
    assert set(blog.excerpts) == sources
    assert set(blog.descriptions) == sources
    assert set(blog.neighbours) <= sources
    assert set(blog.related) <= sources
    assert set(blog.images) == {"blog/posts/pictured.md"}
    assert set(blog.reading_minutes) == sources
    assert set(plugin.post_bodies) == sources
    assert plugin.feed_src_uris == sources
    # Each page takes its embeds as it is rendered.
    assert plugin.embeds_by_src == {}
    categories = blog.categories.by_name
    assert set(categories) == {"News", "Tools", "Notes"}
    for category in categories.values():
        assert {p.src_uri for p in category.posts} <= sources
    assert {p.src_uri for p in blog.published} == sources
