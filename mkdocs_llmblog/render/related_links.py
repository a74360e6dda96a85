"""A post's "Related links" (front matter `links`, Material's key), resolved on its page.

Paths are read as Material reads them, from `docs_dir` (`setup/search.md#anchor`), and else
from the post's own folder. A path to a page takes the page's title where the item has none;
an anchor must be a heading of that page, whose text becomes the link's subtitle. A path that
is no file of the site, or an anchor no heading has, is named in a warning (so `--strict`
fails, as it does with Material) and left out. Pages a `--dirty` build did not read keep their
anchors unchecked.
"""

from __future__ import annotations

import html
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from mkdocs_llmblog.model import Blog, LinkItem, Post
from mkdocs_llmblog.render.markers import relative_url

log = get_plugin_logger(__name__)


@dataclass(frozen=True)
class RelatedLinkView:
    """One item as the page shows it: a link (`url`, relative to the page) or a section."""

    title: str
    url: str | None
    subtitle: str | None = None
    external: bool = False
    children: tuple[RelatedLinkView, ...] = ()


class RelatedLinks:
    """Resolves posts' `links` against the site's files, once each page has been read."""

    def __init__(self, files: Files, docs_name: str, blog: Blog) -> None:
        self.files = files
        self.docs_name = docs_name
        self.blog = blog

    def views(self, post: Post, page_url: str) -> tuple[RelatedLinkView, ...]:
        return self._items(post, post.links, page_url)

    def _items(
        self, post: Post, items: Iterable[LinkItem], page_url: str
    ) -> tuple[RelatedLinkView, ...]:
        views = []
        for item in items:
            if item.target is None:
                children = self._items(post, item.children, page_url)
                if children:
                    views.append(RelatedLinkView(item.title or "", None, children=children))
                continue
            view = self._link(post, item.title, item.target, page_url)
            if view is not None:
                views.append(view)
        return tuple(views)

    def _link(
        self, post: Post, title: str | None, target: str, page_url: str
    ) -> RelatedLinkView | None:
        parts = urlsplit(target)
        if parts.scheme:
            return RelatedLinkView(title or target, target, external=True)
        file = self._file(post, unquote(parts.path))
        if file is None:
            self._warn(post, f"no file {parts.path!r} in docs_dir (paths are from docs_dir)")
            return None
        page = file.page
        if not isinstance(page, Page):
            return RelatedLinkView(
                title or posixpath.basename(file.src_uri), self._url(file, page_url)
            )
        url = relative_url(page.url or "./", page_url)
        linked_post = self.blog.post_for(file.src_uri)
        name = title or (linked_post.title if linked_post else _page_title(page, file))
        if not parts.fragment:
            return RelatedLinkView(name, url)
        if page.content is None:  # Not read by this (--dirty) build: the anchor is unchecked.
            return RelatedLinkView(name, f"{url}#{parts.fragment}")
        anchor = _find_anchor(page.toc, parts.fragment)
        if anchor is None:
            self._warn(post, f"no heading with the anchor '#{parts.fragment}' in {parts.path!r}")
            return RelatedLinkView(name, url)
        return RelatedLinkView(name, f"{url}#{anchor.id}", subtitle=html.unescape(anchor.title))

    def _file(self, post: Post, path: str) -> File | None:
        path = path.lstrip("/")
        candidates = [
            path,
            posixpath.normpath(posixpath.join(posixpath.dirname(post.src_uri), path)),
        ]
        for candidate in candidates:
            if candidate and not candidate.startswith("../"):
                file = self.files.get_file_from_path(candidate)
                if file is not None:
                    return file
        return None

    @staticmethod
    def _url(file: File, page_url: str) -> str:
        return relative_url(file.url, page_url)

    def _warn(self, post: Post, problem: str) -> None:
        log.warning(f"{self.docs_name}/{post.src_uri}: front matter key 'links': {problem}")


def _page_title(page: Page, file: File) -> str:
    """A page's title as text: MkDocs gives a title taken from the page's heading as HTML
    (entities kept), and one from front matter as written."""
    if page.title is None:
        return posixpath.splitext(posixpath.basename(file.src_uri))[0]
    if isinstance(page.meta.get("title"), str):
        return str(page.meta["title"])
    return html.unescape(str(page.title))


def _find_anchor(toc: Iterable[AnchorLink], anchor_id: str) -> AnchorLink | None:
    for anchor in toc:
        if anchor.id == anchor_id:
            return anchor
        found = _find_anchor(anchor.children, anchor_id)
        if found is not None:
            return found
    return None
