"""Bad front matter stops the build with one clear message naming the file and the key."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.sitebuilder import build_site, post, write_project

BAD_POSTS = {
    "bad-date": (post({"date": "2024-02-30", "title": "T"}), "date", "not a valid date"),
    "missing-date": (post({"title": "T"}), "date", "is missing"),
    "empty-date": (post({"date": "", "title": "T"}), "date", "is empty"),
    "list-date": (post({"date": ["2024-01-01"], "title": "T"}), "date", "a list"),
    "year-zero": (post("date: 0000-01-01\ntitle: T\n"), "date", "not a valid date"),
    "not-a-mapping": (post("- a\n- b\n"), None, "not a mapping"),
    "invalid-yaml": (post("title: [unclosed\ndate: 2024-01-01\n"), None, "not valid YAML"),
    "tab-indent": (post("date: 2024-01-01\n\ttitle: T\n"), None, "not valid YAML"),
    "categories-string": (
        post({"date": "2024-01-01", "title": "T", "categories": "News"}),
        "categories",
        "must be a list",
    ),
    "category-mapping": (
        post({"date": "2024-01-01", "title": "T", "categories": [{"a": 1}]}),
        "categories",
        "item 1 must be a text",
    ),
    "no-title": (post({"date": "2024-01-01"}, "No heading here.\n"), "title", "is missing"),
    "draft-not-bool": (
        post({"date": "2024-01-01", "title": "T", "draft": "yes please"}),
        "draft",
        "must be true or false",
    ),
    "title-list": (post({"date": "2024-01-01", "title": ["a"]}), "title", "must be a text"),
    "updated-bad": (
        post({"date": "2024-01-01", "title": "T", "updated": "soon"}),
        "updated",
        "not a valid date",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_POSTS))
def test_bad_front_matter_names_the_file_and_key(tmp_path: Path, case: str) -> None:
    source, key, problem = BAD_POSTS[case]
    site = build_site(
        tmp_path,
        {},
        {
            f"blog/posts/{case}.md": source,
            "blog/posts/good.md": post({"date": "2024-01-01"}, "# Ok\n"),
        },
        expect_error=True,
    )
    [message] = [m for m in site.errors if case in m]
    assert f"docs/blog/posts/{case}.md" in message
    if key:
        assert f"front matter key '{key}'" in message
    assert problem in message
    assert "Traceback" not in message


def test_not_utf8_names_the_file(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        {},
        {"blog/posts/latin1.md": "---\ndate: 2024-01-01\n---\n# Caf\xe9\n".encode("latin-1")},
        expect_error=True,
    )
    assert any("docs/blog/posts/latin1.md" in m and "not UTF-8" in m for m in site.errors)


def test_two_posts_with_the_same_url_name_both_files(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        {},
        {
            "blog/posts/one.md": post({"date": "2024-05-01", "title": "Same title"}),
            "blog/posts/two.md": post({"date": "2024-05-01", "slug": "same-title", "title": "X"}),
        },
        expect_error=True,
    )
    [message] = site.errors
    assert "docs/blog/posts/one.md" in message
    assert "docs/blog/posts/two.md" in message
    assert "blog/2024/05/01/same-title/" in message


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
        ({"blog_dir": "."}, "blog_dir"),
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
