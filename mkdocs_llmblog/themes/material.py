"""Everything Material for MkDocs needs of the blog, in one place.

- The widgets get a copy in Material's right sidebar, after its table of contents. The sidebar
  is found by its class and read with an HTML parser; when a page has none where one was
  expected (a changed `main.html`, a new Material release), the build warns once and the
  widgets stay after the content, where every theme shows them.
- Material's JavaScript reads every `<link rel="alternate">` of a page as another language
  version of the site and fetches `sitemap.xml` beside the linked file. For a feed at
  `blog/feed.xml` it asks for `blog/sitemap.xml`: an empty sitemap there answers it.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser

from mkdocs.plugins import get_plugin_logger
from mkdocs.utils import write_file

log = get_plugin_logger(__name__)

SIDEBAR_CLASS = "md-sidebar--secondary"
TOC_NAV_CLASS = "md-nav--secondary"

AFTER_CONTENT = "llmblog-widgets--after-content"
IN_SIDEBAR = "llmblog-widgets--sidebar"
SIDEBAR_COPY_SHOWN = "llmblog-widgets--sidebar-copy-shown"
"""On the copy after the content when a sidebar copy exists: CSS hides it on wide screens."""

EMPTY_SITEMAP = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n'
)


@dataclass(frozen=True)
class SidebarSpot:
    """Where Material's right sidebar can take the widgets."""

    offset: int | None
    """Just after its table of contents; None where the sidebar is hidden or has none."""
    found: bool
    """The sidebar is on the page (hidden or not)."""


class _SidebarReader(HTMLParser):
    """Reads Material's secondary sidebar from its opening tag to the end of its toc nav."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.hidden = False
        self.is_sidebar = False
        self.toc_depth: int | None = None
        self.toc_end: tuple[int, int] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = next((value or "" for name, value in attrs if name == "class"), "").split()
        if self.depth == 0:
            self.is_sidebar = tag == "div" and SIDEBAR_CLASS in classes
            self.hidden = any(name == "hidden" for name, _ in attrs)
            if not self.is_sidebar or self.hidden:
                raise _Stop
        if tag == "nav" and self.toc_depth is None and TOC_NAV_CLASS in classes:
            self.toc_depth = self.depth
        if tag not in _VOID:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        self.depth -= 1
        if tag == "nav" and self.toc_depth is not None and self.depth == self.toc_depth:
            self.toc_end = self.getpos()
            raise _Stop
        if self.depth <= 0:
            raise _Stop  # The sidebar ended without a table of contents.


class _Stop(Exception):
    pass


_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


def find_sidebar(html: str) -> SidebarSpot:
    """Where to put widgets in Material's right sidebar: after its table of contents."""
    search_from = 0
    while (mention := html.find(SIDEBAR_CLASS, search_from)) >= 0:
        search_from = mention + len(SIDEBAR_CLASS)
        start = html.rfind("<", 0, mention)
        if start < 0:
            continue
        reader = _SidebarReader()
        try:
            reader.feed(html[start:])
            reader.close()
        except _Stop:
            pass
        if not reader.is_sidebar:
            continue  # The class name in text or in another element: not the sidebar.
        if reader.hidden or reader.toc_end is None:
            return SidebarSpot(None, True)
        line, column = reader.toc_end
        close = _offset(html, start, line, column)
        end = html.find(">", close)
        return SidebarSpot(None if end < 0 else end + 1, True)
    return SidebarSpot(None, False)


def _offset(html: str, start: int, line: int, column: int) -> int:
    offset = start
    for _ in range(line - 1):
        offset = html.index("\n", offset) + 1
    return offset + column


class WidgetPlacer:
    """Places the widgets of each page: in the slot after the content, and on Material in the
    right sidebar too. Warns once per build when Material's sidebar is missing."""

    def __init__(self, use_sidebar: bool, expect_sidebar: bool) -> None:
        self.use_sidebar = use_sidebar
        self.expect_sidebar = expect_sidebar
        self.warned = False

    def place(
        self, html: str, slot: str, render_widgets: Callable[[str], str], page_path: str
    ) -> str:
        """Replace `slot` with the widgets, and add a copy to Material's sidebar if it has one.

        `render_widgets` takes the placement's CSS classes and returns the widgets' HTML.
        """
        slot_at = html.find(slot)
        if slot_at < 0:
            return html
        spot = find_sidebar(html) if self.use_sidebar else SidebarSpot(None, False)
        if self.use_sidebar and not spot.found and self.expect_sidebar and not self.warned:
            self.warned = True
            log.warning(
                f"{page_path}: theme 'material': no right sidebar (div.{SIDEBAR_CLASS}) was "
                "found, so the blog's widgets are shown after the content only. Check the "
                "theme's main.html override in custom_dir (it must keep Material's sidebars), or "
                "enable 'toc.integrate' if the site has no right sidebar on purpose"
            )
        if spot.offset is None:
            return html[:slot_at] + render_widgets(AFTER_CONTENT) + html[slot_at + len(slot) :]
        pieces = sorted(
            [
                (slot_at, len(slot), render_widgets(f"{AFTER_CONTENT} {SIDEBAR_COPY_SHOWN}")),
                (spot.offset, 0, render_widgets(IN_SIDEBAR)),
            ],
            reverse=True,
        )
        for offset, replaced, widgets in pieces:
            html = html[:offset] + widgets + html[offset + replaced :]
        return html


def write_feed_folder_sitemaps(site_dir: str, feed_paths: list[str]) -> None:
    """Write an empty `sitemap.xml` in each folder that holds a feed, unless one exists."""
    for folder in sorted({posixpath.dirname(path) for path in feed_paths}):
        if not folder:
            continue  # The site's own sitemap is there.
        target = os.path.join(site_dir, *folder.split("/"), "sitemap.xml")
        if not os.path.exists(target):
            write_file(EMPTY_SITEMAP.encode("utf-8"), target)
