"""Keeping posts out of the site navigation, which MkDocs renders into every page."""

from __future__ import annotations

from collections.abc import Container

from mkdocs.structure import StructureItem
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page


def prune_posts(nav: Navigation, post_src_uris: Container[str], index_src_uri: str) -> None:
    """Remove posts from the navigation, in place.

    A section left holding only the blog index (the auto-generated `Blog` section) is replaced
    by the index page itself. Previous/next links between the remaining pages are mended.
    """
    nav.items = _pruned(nav.items, None, post_src_uris, index_src_uri)
    nav.pages = [page for page in nav.pages if page.file.src_uri not in post_src_uris]
    previous: Page | None = None
    for page in nav.pages:
        page.previous_page = previous
        page.next_page = None
        if previous is not None:
            previous.next_page = page
        previous = page


def _pruned(
    items: list[StructureItem],
    parent: Section | None,
    post_src_uris: Container[str],
    index_src_uri: str,
) -> list[StructureItem]:
    kept: list[StructureItem] = []
    for item in items:
        if isinstance(item, Page) and item.file.src_uri in post_src_uris:
            continue
        if isinstance(item, Section):
            item.children = _pruned(item.children, item, post_src_uris, index_src_uri)
            if not item.children:
                continue
            only = item.children[0]
            if (
                len(item.children) == 1
                and isinstance(only, Page)
                and only.file.src_uri == index_src_uri
            ):
                only.parent = parent
                kept.append(only)
                continue
        kept.append(item)
    return kept
