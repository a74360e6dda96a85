"""Reading a post's `links` front matter (Material's key)."""

from __future__ import annotations

import re

import pytest

from mkdocs_llmblog.model import LinkItem
from mkdocs_llmblog.sources.links import LinksError, parse_links


def test_paths_links_and_sections_are_read_in_order() -> None:
    assert parse_links(
        ["a.md", {"B": "b.md#x"}, {" Section ": ["c.md", {"Mail": "mailto:x@e.org"}]}]
    ) == (
        LinkItem(None, "a.md"),
        LinkItem("B", "b.md#x"),
        LinkItem("Section", None, (LinkItem(None, "c.md"), LinkItem("Mail", "mailto:x@e.org"))),
    )
    assert parse_links(None) == ()


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ({"a": "b"}, "must be a list"),
        (["javascript:alert(1)"], "only http(s) and mailto"),
        (["//evil.example/x"], "write https://"),
        (["a\x00.md"], "control characters"),
        ([" "], "empty target"),
        ([{"": "a.md"}], "needs a title"),
        ([{"T": 5}], "must lead to a path"),
        (["a.md"] * 101, "more than 100 items"),
    ],
)
def test_bad_links_say_which_item(value: object, problem: str) -> None:
    with pytest.raises(LinksError, match=re.escape(problem)):
        parse_links(value)
