"""Authors with profiles (issue #15): the authors file, bylines, author boxes."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from tests.imagefiles import png_with_alpha
from tests.sitebuilder import build_site, post

THEMES = ["material", "mkdocs", "readthedocs"]

MATERIAL_AUTHORS = """\
authors:
  squidfunk:
    name: Martin Donath
    description: Creator
    avatar: https://github.com/squidfunk.png
    url: https://github.com/squidfunk
  jane:
    name: Jane Roe
    description: Writes things
    avatar: blog/avatars/jane.png
    slug: jane-roe
"""


def files(authors: str = MATERIAL_AUTHORS, **extra: str | bytes) -> dict[str, str | bytes]:
    return {
        "index.md": "# Home\n",
        "blog/.authors.yml": authors,
        "blog/avatars/jane.png": png_with_alpha(200, 200),
        "blog/posts/one.md": post(
            {"date": "2024-05-01", "title": "One", "authors": ["jane", "squidfunk"]}
        ),
        "blog/posts/two.md": post({"date": "2024-04-01", "title": "Two", "authors": ["jane"]}),
        **extra,
    }


def first(element: BeautifulSoup | Tag, selector: str) -> Tag:
    found = element.select_one(selector)
    assert found is not None, selector
    return found


def failure(tmp_path: Path, authors: str, **extra: str | bytes) -> str:
    site = build_site(tmp_path, {}, files(authors, **extra), expect_error=True)
    return "\n".join(site.errors)


@pytest.mark.parametrize("theme", THEMES)
def test_a_material_authors_file_copied_as_is_builds_and_is_not_published(
    tmp_path: Path, theme: str
) -> None:
    site = build_site(tmp_path, {"theme": theme}, files())
    assert ".authors.yml" not in " ".join(site.output_files())
    assert site.has_page("blog")


@pytest.mark.parametrize(
    ("authors", "expected"),
    [
        ("- a\n- b\n", "must be a mapping"),
        ("authors:\n  jane:\n    description: x\n", "key 'authors.jane.name' is missing"),
        (
            "authors:\n  jane:\n    name: A\n  jim:\n    name: B\n    slug: Jane\n",
            "key 'authors.jim.slug': 'jane' is also the slug of 'jane'",
        ),
        (
            "authors:\n  jane:\n    name: A\n    avatar: blog/nothing.png\n",
            "key 'authors.jane.avatar' is 'blog/nothing.png', but there is no such file",
        ),
        (
            "authors:\n  jane:\n    name: A\n    avatar: index.md\n",
            "key 'authors.jane.avatar' is 'index.md', which is not an image",
        ),
        (
            "authors:\n  jane:\n    name: A\n    url: 'javascript:alert(1)'\n",
            "key 'authors.jane.url' is 'javascript:alert(1)'",
        ),
        (
            "authors:\n  jane:\n    name: A\n    links:\n"
            "      - {title: X, url: 'data:text/html,x'}\n",
            "key 'authors.jane.links[1].url' is 'data:text/html,x'",
        ),
    ],
)
def test_bad_authors_files_are_named_with_the_key(
    tmp_path: Path, authors: str, expected: str
) -> None:
    message = failure(tmp_path, authors)
    assert "docs/blog/.authors.yml" in message
    assert expected in message


def test_a_post_naming_an_unknown_author_is_named_with_the_id_and_file(tmp_path: Path) -> None:
    extra = post({"date": "2024-01-01", "title": "Three", "authors": ["nobody"]})
    message = failure(tmp_path, MATERIAL_AUTHORS, **{"blog/posts/three.md": extra})
    assert "docs/blog/posts/three.md" in message
    assert "'nobody'" in message
    assert "docs/blog/.authors.yml" in message


def test_without_an_authors_file_names_are_shown_as_written(tmp_path: Path) -> None:
    source = files()
    del source["blog/.authors.yml"]
    site = build_site(tmp_path, {}, source)
    byline = first(site.html("blog/2024/05/01/one"), ".llmblog-post-authors")
    assert "jane" in byline.get_text()
    assert first(site.html("blog/2024/05/01/one"), ".llmblog-post-body")
    assert site.html("blog/2024/05/01/one").select(".llmblog-author-box") == []
