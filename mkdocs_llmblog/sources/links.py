"""A post's `links` front matter (Material's key): related pages, files and addresses.

Written like MkDocs' `nav`: each item a path (`setup/search.md`, from `docs_dir`, optionally
with `#anchor`), a one-key mapping `title: path-or-URL`, or a one-key mapping `section title:
[items]`. Targets are resolved when the pages are built (`render.related_links`).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from mkdocs_llmblog.model import LinkItem

MAX_LINKS = 100
"""At most this many items in one post's `links`, sections included."""
MAX_DEPTH = 5
"""Sections nest at most this deep."""
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})


class LinksError(ValueError):
    """`links` is not a list of paths, links and sections; says where."""


def parse_links(value: object) -> tuple[LinkItem, ...]:
    """The items of a `links` front matter value.

    Raises:
        LinksError: naming the item that cannot be read.
    """
    if value is None:
        return ()
    if not isinstance(value, list):
        raise LinksError(
            "must be a list of paths and `title: path` links, e.g. ['setup/search.md']"
        )
    counter = [0]
    return _items(value, "links", 1, counter)


def _items(
    values: list[object], where: str, depth: int, counter: list[int]
) -> tuple[LinkItem, ...]:
    if depth > MAX_DEPTH:
        raise LinksError(f"nests sections more than {MAX_DEPTH} deep at {where}")
    items = []
    for index, value in enumerate(values):
        counter[0] += 1
        if counter[0] > MAX_LINKS:
            raise LinksError(f"has more than {MAX_LINKS} items")
        at = f"{where}[{index}]"
        if isinstance(value, str):
            items.append(LinkItem(None, _target(value, at)))
        elif isinstance(value, dict) and len(value) == 1:
            [(title, inner)] = value.items()
            if not isinstance(title, str) or not title.strip():
                raise LinksError(f"item {at} needs a title as its key")
            if isinstance(inner, str):
                items.append(LinkItem(title.strip(), _target(inner, at)))
            elif isinstance(inner, list):
                children = _items(inner, f"{at}.{title.strip()}", depth + 1, counter)
                items.append(LinkItem(title.strip(), None, children))
            else:
                raise LinksError(f"item {at} ({title!r}) must lead to a path, a URL or a list")
        else:
            raise LinksError(
                f"item {at} must be a path, `title: path` or `section: [items]`, not "
                f"{type(value).__name__}"
            )
    return tuple(items)


def _target(text: str, at: str) -> str:
    target = text.strip()
    if not target or any(ord(char) < 32 for char in target):
        raise LinksError(f"item {at} has an empty target or one with control characters")
    scheme = urlsplit(target).scheme.lower()
    if scheme and scheme not in SAFE_SCHEMES:
        raise LinksError(f"item {at} has the address {target[:80]!r}: only http(s) and mailto")
    if target.startswith("//"):
        raise LinksError(f"item {at} has the address {target[:80]!r}: write https://")
    return target
