"""A corpus of hostile and odd inputs: each a real build with one clear outcome.

Every case either builds, or stops with one message naming the file and the key; none prints a
traceback, writes into docs_dir, or writes outside site_dir and the cache folder. Bad front matter
values are the table of `test_front_matter_errors`, which checks the same of each.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests import imagefiles
from tests.conftest import LogWatcher
from tests.sitebuilder import BuiltSite, build_site, post
from tests.test_front_matter_errors import BAD_POSTS, snapshot

GOOD = post({"date": "2024-01-01", "title": "Good"})
PNG = imagefiles.png_with_alpha(400, 300)


@dataclass
class Case:
    """One input; `error` or `warning` is a regex the one message must match."""

    files: dict[str, str | bytes]
    error: str | None = None
    warning: str | None = None
    options: dict[str, Any] = field(default_factory=dict)
    config: dict[str, Any] = field(default_factory=dict)
    check: Callable[[BuiltSite], None] | None = None
    symlink: tuple[str, str] | None = None
    """(link inside docs, target relative to the project folder)."""


def one_post(
    meta: dict[str, Any] | str, body: str = "Text.\n", extra: dict[str, str | bytes] | None = None
) -> dict[str, str | bytes]:
    return {"blog/posts/x.md": post(meta, body), "blog/posts/good.md": GOOD, **(extra or {})}


def image_case(image: Any, problem: str, **extra: str | bytes) -> Case:
    if isinstance(image, str):
        image = {"path": image, "alt": "An image"}
    return Case(
        one_post({"date": "2024-02-01", "title": "X", "image": image}, extra=extra),
        error=rf"docs/blog/posts/x\.md: front matter key 'image[.a-z_]*' .*{problem}",
    )


def titles_on_index(*expected: str) -> Callable[[BuiltSite], None]:
    def check(site: BuiltSite) -> None:
        shown = [a.get_text() for a in site.html("blog").select(".llmblog-post-card-title a")]
        for title in expected:
            assert title in shown, (title, shown)

    return check


def key_error(key: str, problem: str) -> str:
    return rf"docs/blog/posts/x\.md: front matter key '{key}' .*{problem}"


LONG_TITLE = "Very long title " * 125  # 2,000 characters
RTL_TITLE = "مقالة عن النماذج المفتوحة"

CASES: dict[str, Case] = {
    # Dates and front matter that are odd but valid (bad ones: test_front_matter_errors.BAD_POSTS)
    "naive-and-aware-mixed": Case(
        {
            "blog/posts/a.md": post("date: 2024-01-01 10:00\ntitle: Naive\n"),
            "blog/posts/b.md": post("date: 2024-01-01T10:30:00+00:00\ntitle: Aware\n"),
            "blog/posts/c.md": post("date: 2024-01-01\ntitle: Day\n"),
        },
        check=titles_on_index("Naive", "Aware", "Day"),
    ),
    "front-matter-bom": Case(
        {"blog/posts/x.md": "\ufeff" + post({"date": "2024-01-01", "title": "With BOM"})},
        check=titles_on_index("With BOM"),
    ),
    "front-matter-very-large": Case(
        one_post({"date": "2024-01-01", "title": "Large", "padding": "x" * 1_000_000}),
        check=titles_on_index("Large"),
    ),
    # Titles, categories and slugs that are odd but valid
    "title-html-script": Case(
        one_post(
            {
                "date": "2024-01-01",
                "title": "<script>alert(1)</script>",
                "categories": ["<b>Bold</b>"],
            }
        ),
        check=titles_on_index("<script>alert(1)</script>"),
    ),
    "title-2000-characters": Case(
        one_post({"date": "2024-01-01", "title": LONG_TITLE.strip()}),
        check=lambda site: _assert_slug_length(site, 80),
    ),
    "title-cjk": Case(
        one_post({"date": "2024-01-01", "title": "开源模型", "categories": ["人工智能"]}),
        check=titles_on_index("开源模型"),
    ),
    "title-emoji-only": Case(
        one_post({"date": "2024-01-01", "title": "🚀🔥", "categories": ["🎉"]}),
        check=titles_on_index("🚀🔥"),
    ),
    "title-rtl": Case(
        one_post({"date": "2024-01-01", "title": RTL_TITLE, "categories": ["ذكاء"]}),
        check=titles_on_index(RTL_TITLE),
    ),
    "slug-empty-after-slugify": Case(
        one_post({"date": "2024-01-01", "title": "X", "slug": "!!!"}), check=titles_on_index("X")
    ),
    "category-slug-collision": Case(
        {
            "blog/posts/one.md": post(
                {"date": "2024-01-01", "title": "A", "categories": ["Open Source"]}
            ),
            "blog/posts/two.md": post(
                {"date": "2024-01-02", "title": "B", "categories": ["open-source"]}
            ),
        },
        r"\(docs/blog/posts/(one|two)\.md\) .* would share the page",
    ),
    # Featured images
    "image-missing": image_case("nope.png", "does not exist"),
    "image-folder": image_case("folder", "is a folder", **{"blog/posts/folder/a.txt": "x"}),
    "image-dotdot": image_case("../../../../outside.png", "leads out of docs_dir"),
    "image-absolute-filesystem-path": image_case("/etc/passwd", "does not exist"),
    "image-file-url": image_case("file:///etc/passwd", "'file:' scheme"),
    "image-javascript-url": image_case("javascript:alert(1)", "'javascript:' scheme"),
    "image-data-url": image_case("data:image/png;base64,AAAA", "'data:' scheme"),
    "image-http-url": image_case("http://example.com/a.png", "'http:' scheme"),
    "image-protocol-relative": image_case("//example.com/a.png", "protocol-relative"),
    "image-not-an-image": image_case(
        "fake.png", "not an image", **{"blog/posts/fake.png": "hello"}
    ),
    "image-truncated": image_case(
        "cut.png", "truncated", **{"blog/posts/cut.png": imagefiles.truncated_png()}
    ),
    "image-truncated-jpeg": image_case(
        "cut.jpg", "truncated", **{"blog/posts/cut.jpg": imagefiles.jpeg()[:3000]}
    ),
    "image-decompression-bomb": image_case(
        "bomb.png", "decompression bomb", **{"blog/posts/bomb.png": imagefiles.decompression_bomb()}
    ),
    "image-zero-bytes": image_case("empty.png", "empty file", **{"blog/posts/empty.png": b""}),
    "image-bad-svg": image_case("bad.svg", "not a valid SVG", **{"blog/posts/bad.svg": "<svg <<"}),
    "image-svg-entity-bomb": image_case(
        "bomb.svg",
        "not a valid SVG",
        **{
            "blog/posts/bomb.svg": '<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaa">'
            '<!ENTITY b "&a;&a;">]><svg xmlns="http://www.w3.org/2000/svg">&b;</svg>'
        },
    ),
    "image-symlink-out": Case(
        one_post({"date": "2024-02-01", "title": "X", "image": {"path": "link.png", "alt": "A"}}),
        key_error("image", "outside docs_dir"),
        symlink=("blog/posts/link.png", "outside.png"),
    ),
    "image-bad-focal-point": image_case(
        {"path": "a.png", "focal_point": "top"}, "between 0 and 1", **{"blog/posts/a.png": PNG}
    ),
    "image-unknown-key": image_case(
        {"path": "a.png", "colour": "red"}, "unknown key", **{"blog/posts/a.png": PNG}
    ),
    "image-no-alt": Case(
        one_post(
            {"date": "2024-02-01", "title": "X", "image": "a.png"}, extra={"blog/posts/a.png": PNG}
        ),
        warning=r"docs/blog/posts/x\.md: front matter key 'image' has no 'alt' text",
    ),
    # The blog folder
    "blog-folder-missing": Case(
        {"index.md": "# Home\n"}, warning=r"No posts folder 'docs/blog/posts/'"
    ),
    "blog-folder-empty": Case(
        {"index.md": "# Home\n", "blog/posts/.keep": ""}, check=titles_on_index()
    ),
    # Embed directives
    "directive-unknown": Case(
        {
            **one_post({"date": "2024-01-01", "title": "X"}),
            "page.md": "# P\n\n<!-- llmblog:recent -->\n",
        },
        r"docs/page\.md: line 3: .*not a known directive",
    ),
    "directive-bad-count": Case(
        {
            **one_post({"date": "2024-01-01", "title": "X"}),
            "page.md": "# P\n\n<!-- llmblog:recent-posts count=-1 -->\n",
        },
        r"docs/page\.md: line 3: .*count must be",
    ),
    "directive-unclosed-quote": Case(
        {
            **one_post({"date": "2024-01-01", "title": "X"}),
            "page.md": '# P\n\n<!-- llmblog:recent-posts category="AI -->\n',
        },
        r"docs/page\.md: line 3: .*cannot be read",
    ),
}


def _assert_slug_length(site: BuiltSite, limit: int) -> None:
    slugs = [
        p.split("/")[4]
        for p in site.output_files()
        if p.startswith("blog/2024/") and p.endswith("index.html")
    ]
    assert slugs
    assert all(len(slug) <= limit for slug in slugs), slugs


def test_the_corpus_has_at_least_fifty_inputs() -> None:
    """This corpus, and the table of bad front matter its harness shares."""
    assert len(CASES) + len(BAD_POSTS) >= 50


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_input(tmp_path: Path, name: str, log_watcher: LogWatcher) -> None:
    case = CASES[name]
    (tmp_path / "outside.png").write_bytes(PNG)
    if case.symlink:
        link = tmp_path / "docs" / case.symlink[0]
        link.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(tmp_path / case.symlink[1], link)
    if case.warning:
        log_watcher.expect(case.warning)
    config = dict(case.config)
    if case.options:
        config["plugins"] = [{"llmblog": case.options}]
    before = snapshot(tmp_path, skip=("site", ".cache"))
    site = build_site(
        tmp_path,
        config,
        case.files,
        expect_error=case.error is not None,
        strict=case.warning is None,
    )
    # The build wrote nothing but the site and the cache; docs_dir is as the author left it.
    written = snapshot(tmp_path, skip=("site", ".cache"))
    added = (
        {path for path in written if path not in before}
        - {"mkdocs.yml"}
        - {f"docs/{p}" for p in case.files}
    )
    assert added == set(), f"files written outside site_dir and the cache: {added}"
    for path, digest in before.items():
        assert written.get(path) == digest, f"{path} was changed"
    if case.error is not None:
        ours = [m for m in site.errors if m.startswith(("docs/", "The categories", "No posts"))]
        assert len(ours) == 1, site.errors
        assert re.search(case.error, ours[0]), ours[0]
        assert "Traceback" not in ours[0]
    if case.warning is not None:
        assert len([m for m in log_watcher.messages() if re.search(case.warning, m)]) == 1
    if case.check is not None:
        case.check(site)
