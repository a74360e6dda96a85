"""Bad front matter stops the build with one clear message naming the file and the key."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.sitebuilder import build_site, post, write_project


@dataclass(frozen=True)
class BadPost:
    """A post the build must refuse, in `docs/blog/posts/<case>.md`, beside a good post."""

    source: str | bytes
    key: str | None
    """The front matter key the message names; None for the front matter as a whole."""
    problem: str
    """A regex the message must match after the file and key."""
    options: dict[str, Any] = field(default_factory=dict)


BAD_POSTS: dict[str, BadPost] = {
    # Dates
    "date-feb-30": BadPost(post({"date": "2024-02-30", "title": "T"}), "date", "not a valid date"),
    "date-missing": BadPost(post({"title": "T"}), "date", "is missing"),
    "date-empty": BadPost(post({"date": "", "title": "T"}), "date", "is empty"),
    "date-list": BadPost(post({"date": ["2024-01-01"], "title": "T"}), "date", "is a list"),
    "date-mapping-no-created": BadPost(
        post({"date": {"when": 1}, "title": "T"}), "date", "is a mapping without 'created'"
    ),
    "date-year-0": BadPost(
        post("date: 0000-01-01\ntitle: T\n"),
        "date",
        r"has '0000-01-01', which is not a valid date \(year 0 is out of range",
    ),
    "date-number": BadPost(post({"date": 20240101, "title": "T"}), "date", "not a date"),
    "date-words": BadPost(post({"date": "yesterday", "title": "T"}), "date", "not a valid date"),
    "date-month-13": BadPost(
        post({"date": "2024-13-01", "title": "T"}), "date", "not a valid date"
    ),
    "updated-bad": BadPost(
        post({"date": "2024-01-01", "title": "T", "updated": "soon"}), "updated", "not a valid date"
    ),
    # The front matter as a whole
    "front-matter-list": BadPost(post("- a\n- b\n"), None, "is a list, not a mapping"),
    "front-matter-text": BadPost(post("just a sentence\n"), None, "is a text, not a mapping"),
    "front-matter-invalid-yaml": BadPost(
        post("title: [unclosed\ndate: 2024-01-01\n"), None, r"is not valid YAML \(line 3"
    ),
    "front-matter-tabs": BadPost(
        post("date: 2024-01-01\n\ttitle: T\n"), None, r"is not valid YAML .*tab"
    ),
    "front-matter-duplicate-anchor": BadPost(
        post("date: &a 2024-01-01\ntitle: *b\n"), None, "is not valid YAML"
    ),
    "not-utf8-front-matter": BadPost(
        "---\ndate: 2024-01-01\ntitle: Caf\xe9\n---\n".encode("latin-1"),
        None,
        "cannot be read: the file is not UTF-8",
    ),
    "not-utf8-body": BadPost(
        "---\ndate: 2024-01-01\n---\n# Caf\xe9\n".encode("latin-1"),
        None,
        "cannot be read: the file is not UTF-8",
    ),
    # Other keys
    "draft-yes-please": BadPost(
        post({"date": "2024-01-01", "title": "T", "draft": "yes please"}),
        "draft",
        "must be true or false",
    ),
    "draft-no": BadPost(
        post({"date": "2024-01-01", "title": "T", "draft": "no"}), "draft", "must be true or false"
    ),
    "categories-string": BadPost(
        post({"date": "2024-01-01", "title": "T", "categories": "News"}),
        "categories",
        "must be a list",
    ),
    "categories-mapping-item": BadPost(
        post({"date": "2024-01-01", "title": "T", "categories": [{"a": 1}]}),
        "categories",
        "item 1 must be a text",
    ),
    "categories-nested-list": BadPost(
        post({"date": "2024-01-01", "title": "T", "categories": [["a"]]}),
        "categories",
        "item 1 must be a text",
    ),
    "categories-empty-part": BadPost(
        post({"date": "2024-01-01", "title": "T", "categories": ["AI//Safety"]}),
        "categories",
        "'AI//Safety' has an empty part",
    ),
    "categories-not-allowed": BadPost(
        post({"date": "2024-01-01", "title": "T", "categories": ["Nope"]}),
        "categories",
        "has 'Nope', which is not in 'categories_allowed'",
        options={"categories_allowed": ["Yes"]},
    ),
    "tags-mapping": BadPost(
        post({"date": "2024-01-01", "title": "T", "tags": {"a": 1}}), "tags", "must be a list"
    ),
    "authors-number": BadPost(
        post({"date": "2024-01-01", "title": "T", "authors": 5}), "authors", "must be a list"
    ),
    "title-missing": BadPost(
        post({"date": "2024-01-01"}, "No heading here.\n"), "title", "is missing"
    ),
    "title-empty": BadPost(post({"date": "2024-01-01", "title": "  "}), "title", "is empty"),
    "title-list": BadPost(post({"date": "2024-01-01", "title": ["a"]}), "title", "must be a text"),
    "slug-mapping": BadPost(
        post({"date": "2024-01-01", "title": "T", "slug": {"a": 1}}), "slug", "must be a text"
    ),
}


def snapshot(folder: Path, skip: tuple[str, ...]) -> dict[str, str]:
    """A digest of each file under `folder`, but those under the top-level folders `skip`."""
    result = {}
    for path in folder.rglob("*"):
        relative = path.relative_to(folder).as_posix()
        if relative.split("/")[0] in skip or path.is_dir():
            continue
        data = b"<link>" if path.is_symlink() else path.read_bytes()
        result[relative] = hashlib.sha256(data).hexdigest()
    return result


@pytest.mark.parametrize("case", sorted(BAD_POSTS))
def test_bad_front_matter_names_the_file_and_key(tmp_path: Path, case: str) -> None:
    bad = BAD_POSTS[case]
    path = f"docs/blog/posts/{case}.md"
    good = post({"date": "2024-01-01"}, "# Ok\n")
    site = build_site(
        tmp_path,
        {"plugins": [{"llmblog": bad.options}]} if bad.options else {},
        {f"blog/posts/{case}.md": bad.source, "blog/posts/good.md": good},
        expect_error=True,
    )
    # One message of the plugin's, the only one naming the file; the file and key come first.
    ours = [m for m in site.errors if m.startswith(("docs/", "The categories", "No posts"))]
    assert ours == [m for m in site.errors if path in m], site.errors
    [message] = ours
    where = f"front matter key '{bad.key}' " if bad.key else "front matter "
    assert re.match(re.escape(f"{path}: {where}") + f".*{bad.problem}", message), message
    assert "Traceback" not in message
    # Nothing written but the site and the cache: docs_dir is as the author left it.
    written = snapshot(tmp_path, skip=("site", ".cache"))
    assert set(written) == {"mkdocs.yml", path, "docs/blog/posts/good.md"}
    source = bad.source if isinstance(bad.source, bytes) else bad.source.encode("utf-8")
    assert (tmp_path / path).read_bytes() == source
    assert (tmp_path / "docs/blog/posts/good.md").read_text(encoding="utf-8") == good


def test_two_posts_with_the_same_url_name_both_files(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "blog/posts/one.md": post({"date": "2024-05-01", "title": "Same title"}),
        "blog/posts/two.md": post({"date": "2024-05-01", "slug": "same-title", "title": "X"}),
    }
    site = build_site(tmp_path, {}, files, expect_error=True)
    [message] = site.errors
    assert re.match(
        r"docs/blog/posts/one\.md and docs/blog/posts/two\.md would both be published", message
    ), message
    assert "blog/2024/05/01/same-title/" in message
    assert "Traceback" not in message
    written = snapshot(tmp_path, skip=("site", ".cache"))
    assert set(written) == {"mkdocs.yml", "docs/blog/posts/one.md", "docs/blog/posts/two.md"}
    for name, source in files.items():
        assert (tmp_path / "docs" / name).read_text(encoding="utf-8") == source


def test_every_bad_post_is_reported_at_once(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        {},
        {
            "blog/posts/a.md": post({"title": "A"}),
            "blog/posts/b.md": post({"date": "nope", "title": "B"}),
        },
        expect_error=True,
    )
    [message] = site.errors
    assert "docs/blog/posts/a.md" in message
    assert "docs/blog/posts/b.md" in message


@pytest.mark.parametrize(
    ("options", "key"),
    [
        ({"pagination_per_page": "ten"}, "pagination_per_page"),
        ({"pagination_per_page": 0}, "pagination_per_page"),
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"post_url_format": "{year}/{title}"}, "post_url_format"),
        ({"post_url_format": "{year}"}, "post_url_format"),
        ({"blog_dir": "../outside"}, "blog_dir"),
        ({"blog_dir": "a/./b"}, "blog_dir"),
        ({"post_dir": "../posts"}, "post_dir"),
        ({"no_such_option": True}, "no_such_option"),
    ],
)
def test_bad_options_are_config_errors(
    tmp_path: Path, options: dict[str, object], key: str
) -> None:
    config_file = write_project(
        tmp_path, {"plugins": [{"llmblog": options}]}, {"index.md": "# Hi\n"}
    )
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_file)],
        capture_output=True,
        text=True,
        check=False,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": ""},
    )
    assert result.returncode != 0
    assert f"Plugin 'llmblog' option '{key}'" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_command_line_shows_the_message_without_a_traceback(tmp_path: Path) -> None:
    config_file = write_project(tmp_path, {}, {"blog/posts/x.md": post({"title": "No date"})})
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(config_file)],
        capture_output=True,
        text=True,
        check=False,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": ""},
    )
    assert result.returncode == 1
    assert "docs/blog/posts/x.md: front matter key 'date' is missing" in result.stderr
    assert "Traceback" not in result.stderr
