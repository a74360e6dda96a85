"""A corpus of hostile and odd inputs: each a real build with one clear outcome.

Every case either builds, or stops with one message naming the file and the key; none prints a
traceback, writes into docs_dir, or writes outside site_dir and the cache folder.
"""

from __future__ import annotations

import hashlib
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
    # Dates
    "date-feb-30": Case(
        one_post({"date": "2024-02-30", "title": "X"}), key_error("date", "not a valid date")
    ),
    "date-empty": Case(one_post({"date": "", "title": "X"}), key_error("date", "is empty")),
    "date-list": Case(
        one_post({"date": ["2024-01-01"], "title": "X"}), key_error("date", "a list")
    ),
    "date-mapping-no-created": Case(
        one_post({"date": {"when": 1}, "title": "X"}), key_error("date", "without 'created'")
    ),
    "date-year-0": Case(
        one_post("date: 0000-01-01\ntitle: X\n"), key_error("date", "year 0 is out of range")
    ),
    "date-number": Case(
        one_post({"date": 20240101, "title": "X"}), key_error("date", "not a date")
    ),
    "date-missing": Case(one_post({"title": "X"}), key_error("date", "is missing")),
    "date-words": Case(
        one_post({"date": "yesterday", "title": "X"}), key_error("date", "not a valid date")
    ),
    "date-month-13": Case(
        one_post({"date": "2024-13-01", "title": "X"}), key_error("date", "not a valid date")
    ),
    "updated-bad": Case(
        one_post({"date": "2024-01-01", "updated": "soon", "title": "X"}),
        key_error("updated", "not a valid date"),
    ),
    "naive-and-aware-mixed": Case(
        {
            "blog/posts/a.md": post("date: 2024-01-01 10:00\ntitle: Naive\n"),
            "blog/posts/b.md": post("date: 2024-01-01T10:30:00+00:00\ntitle: Aware\n"),
            "blog/posts/c.md": post("date: 2024-01-01\ntitle: Day\n"),
        },
        check=titles_on_index("Naive", "Aware", "Day"),
    ),
    # Front matter
    "front-matter-list": Case(
        one_post("- a\n- b\n"), r"docs/blog/posts/x\.md: front matter is a list, not a mapping"
    ),
    "front-matter-text": Case(
        one_post("just a sentence\n"),
        r"docs/blog/posts/x\.md: front matter is a text, not a mapping",
    ),
    "front-matter-invalid-yaml": Case(
        one_post("title: [unclosed\ndate: 2024-01-01\n"),
        r"docs/blog/posts/x\.md: front matter is not valid YAML \(line 3",
    ),
    "front-matter-tabs": Case(
        one_post("date: 2024-01-01\n\ttitle: X\n"),
        r"docs/blog/posts/x\.md: front matter is not valid YAML .*tab",
    ),
    "front-matter-duplicate-anchor": Case(
        one_post("date: &a 2024-01-01\ntitle: *b\n"),
        r"docs/blog/posts/x\.md: front matter is not valid YAML",
    ),
    "front-matter-bom": Case(
        {"blog/posts/x.md": "\ufeff" + post({"date": "2024-01-01", "title": "With BOM"})},
        check=titles_on_index("With BOM"),
    ),
    "front-matter-very-large": Case(
        one_post({"date": "2024-01-01", "title": "Large", "padding": "x" * 1_000_000}),
        check=titles_on_index("Large"),
    ),
    "front-matter-not-utf8": Case(
        {"blog/posts/x.md": "---\ndate: 2024-01-01\ntitle: Caf\xe9\n---\n".encode("latin-1")},
        r"docs/blog/posts/x\.md: front matter cannot be read: the file is not UTF-8",
    ),
    "draft-not-bool": Case(
        one_post({"date": "2024-01-01", "title": "X", "draft": "no"}),
        key_error("draft", "true or false"),
    ),
    "categories-string": Case(
        one_post({"date": "2024-01-01", "title": "X", "categories": "News"}),
        key_error("categories", "must be a list"),
    ),
    "categories-nested-list": Case(
        one_post({"date": "2024-01-01", "title": "X", "categories": [["a"]]}),
        key_error("categories", "must be a text"),
    ),
    "categories-empty-part": Case(
        one_post({"date": "2024-01-01", "title": "X", "categories": ["AI//Safety"]}),
        key_error("categories", "empty part"),
    ),
    "tags-mapping": Case(
        one_post({"date": "2024-01-01", "title": "X", "tags": {"a": 1}}),
        key_error("tags", "must be a list"),
    ),
    "authors-number": Case(
        one_post({"date": "2024-01-01", "title": "X", "authors": 5}),
        key_error("authors", "must be a list"),
    ),
    "title-empty": Case(
        one_post({"date": "2024-01-01", "title": "  "}), key_error("title", "is empty")
    ),
    "title-list": Case(
        one_post({"date": "2024-01-01", "title": ["a"]}), key_error("title", "must be a text")
    ),
    "no-title-anywhere": Case(
        one_post({"date": "2024-01-01"}, "No heading.\n"), key_error("title", "is missing")
    ),
    "slug-mapping": Case(
        one_post({"date": "2024-01-01", "title": "X", "slug": {"a": 1}}),
        key_error("slug", "must be a text"),
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
    "duplicate-slugs": Case(
        {
            "blog/posts/one.md": post({"date": "2024-01-01", "title": "Same"}),
            "blog/posts/two.md": post({"date": "2024-01-01", "title": "Other", "slug": "same"}),
        },
        r"docs/blog/posts/one\.md and docs/blog/posts/two\.md would both be published",
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
    "category-not-allowed": Case(
        one_post({"date": "2024-01-01", "title": "X", "categories": ["Nope"]}),
        key_error("categories", "not in 'categories_allowed'"),
        options={"categories_allowed": ["Yes"]},
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


def snapshot(folder: Path, skip: tuple[str, ...]) -> dict[str, str]:
    result = {}
    for path in folder.rglob("*"):
        relative = path.relative_to(folder).as_posix()
        if relative.split("/")[0] in skip or path.is_dir():
            continue
        data = b"<link>" if path.is_symlink() else path.read_bytes()
        result[relative] = hashlib.sha256(data).hexdigest()
    return result


def test_the_corpus_has_at_least_fifty_inputs() -> None:
    assert len(CASES) >= 50


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
