"""The blog's place in the site's navigation, marked while a blog page renders.

Posts are out of the navigation, and category, archive and later index pages were never in it,
so while one of them renders no navigation item is active: Material's `navigation.tabs` shows
no tab as the current one, and the other themes highlight nothing. Marking the blog index
active (MkDocs marks its sections too) for the time of the page's rendering makes the Blog tab
or entry the current one, as it is on the blog index itself.
"""

from __future__ import annotations

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from mkdocs_llmblog.model import Blog


class BlogNavMarker:
    """Marks the blog index's navigation item active while a post or list page renders."""

    def __init__(self, blog: Blog, files: Files) -> None:
        self.blog = blog
        self.files = files
        self.marked: Page | None = None

    def mark(self, page: Page) -> None:
        """Before `page` renders: if it is a blog page, the blog index becomes active."""
        self.unmark()
        src_uri = page.file.src_uri
        if src_uri == self.blog.index_src_uri or not (
            src_uri in self.blog.list_pages_by_src or self.blog.post_for(src_uri) is not None
        ):
            return
        index_file = self.files.get_file_from_path(self.blog.index_src_uri)
        index = index_file.page if index_file is not None else None
        if index is None or index.active:
            return
        index.active = True
        self.marked = index

    def unmark(self) -> None:
        """After the page is written: the blog index is no longer the active item."""
        if self.marked is not None:
            self.marked.active = False
            self.marked = None
