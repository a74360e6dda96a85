"""Everything Material for MkDocs needs of the blog, in one place.

- The widgets get a copy in one of Material's sidebars (the `widgets_sidebar` option): the left
  one, after the navigation, on blog pages, whose left column is otherwise empty (`auto`, or
  `primary` on every page), or the right one, after the table of contents (`secondary`). The
  sidebar is found by its class and read with an HTML parser; when a page has none where one
  was expected (a changed `main.html`, a new Material release), the build warns once and the
  widgets stay after the content, where every theme shows them.
- Material's JavaScript reads every `<link rel="alternate">` of a page as another language
  version of the site and fetches `sitemap.xml` beside the linked file. For a feed at
  `blog/feed.xml` it asks for `blog/sitemap.xml`: an empty sitemap there answers it.
"""

from __future__ import annotations

import itertools
import os
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass

from mkdocs.plugins import get_plugin_logger
from mkdocs.theme import Theme
from mkdocs.utils import write_file
from selectolax.lexbor import LexborHTMLParser
from selectolax.lexbor import LexborNode as Node

log = get_plugin_logger(__name__)

SIDEBAR_CLASS = "md-sidebar--secondary"
TOC_NAV_CLASS = "md-nav--secondary"
PRIMARY_SIDEBAR_CLASS = "md-sidebar--primary"
PRIMARY_NAV_CLASS = "md-nav--primary"
CONTENT_START = '<div class="md-content"'
"""Material's content column, after both sidebars; escaped heading text cannot hold it."""

AFTER_CONTENT = "llmblog-widgets--after-content"
IN_SIDEBAR = "llmblog-widgets--sidebar"
SIDEBAR_COPY_SHOWN = "llmblog-widgets--sidebar-copy-shown"
"""On the copy after the content when a sidebar copy exists: CSS hides it on wide screens."""
IN_PRIMARY_SIDEBAR = "llmblog-widgets--primary"
"""On the copy in the left sidebar (with IN_SIDEBAR): CSS shows it where that is a column."""
PRIMARY_COPY_SHOWN = "llmblog-widgets--primary-copy-shown"
"""On the copy after the content when the left sidebar has a copy (shown from 76.25em)."""

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


NAV_END_RE = re.compile(r"</nav\s*>", re.IGNORECASE)
PROBE_ATTRIBUTE = "data-llmblog-probe"
NON_ELEMENTS = frozenset({"-text", "-comment"})


def find_sidebar(
    html: str, sidebar_class: str = SIDEBAR_CLASS, nav_class: str = TOC_NAV_CLASS
) -> SidebarSpot:
    """Where to put widgets in a Material sidebar: just after its table of contents (or, given
    the left sidebar's classes, its navigation).

    The sidebar is read with lexbor (an HTML5 parser) from its opening tag: the parser finds
    the table of contents and how many `<nav>` it holds, which gives the candidate end in the
    text; a second parse with a probe element at that point confirms the probe lands right
    after the table of contents, inside the sidebar.
    """
    search_from = 0
    while (mention := html.find(sidebar_class, search_from)) >= 0:
        search_from = mention + len(sidebar_class)
        start = html.rfind("<", 0, mention)
        if start < 0:
            continue
        # The sidebars come before the content: the parse need not read the page's body.
        content = html.find(CONTENT_START, start)
        tree = LexborHTMLParser(html[start : content if content > 0 else len(html)])
        sidebar = _first_element(tree)
        if sidebar is None or not _is_sidebar(sidebar, sidebar_class):
            continue  # The class name in text or in another element: not the sidebar.
        if "hidden" in sidebar.attributes:
            return SidebarSpot(None, True)  # `hide: [toc]`: the copy after the content shows.
        toc = sidebar.css_first(f"nav.{nav_class}")
        if toc is None:
            return SidebarSpot(None, True)
        navs = len(toc.css("nav"))  # The table of contents and the navs inside it.
        ends = list(itertools.islice(NAV_END_RE.finditer(html, start), navs))
        if len(ends) == navs and _probe_follows_toc(
            html, start, ends[-1].end(), sidebar_class, nav_class
        ):
            return SidebarSpot(ends[-1].end(), True)
        return SidebarSpot(None, True)
    return SidebarSpot(None, False)


def _first_element(tree: LexborHTMLParser) -> Node | None:
    node = tree.body.child if tree.body is not None else None
    while node is not None and node.tag in NON_ELEMENTS:
        node = node.next
    return node


def _is_sidebar(node: Node, sidebar_class: str) -> bool:
    return node.tag == "div" and sidebar_class in str(node.attributes.get("class") or "").split()


def _probe_follows_toc(
    html: str, start: int, offset: int, sidebar_class: str, nav_class: str
) -> bool:
    tree = LexborHTMLParser(f"{html[start:offset]}<i {PROBE_ATTRIBUTE}></i>")
    probe = tree.css_first(f"i[{PROBE_ATTRIBUTE}]")
    if probe is None:
        return False
    previous = _previous_element(probe)
    inside = probe.parent
    while inside is not None and not _is_sidebar(inside, sidebar_class):
        inside = inside.parent
    return (
        previous is not None
        and previous.tag == "nav"
        and nav_class in str(previous.attributes.get("class") or "").split()
        and inside is not None
    )


def _previous_element(node: Node) -> Node | None:
    previous = node.prev
    while previous is not None and previous.tag in NON_ELEMENTS:
        previous = previous.prev
    return previous


class WidgetPlacer:
    """Places the widgets of each page: in the slot after the content, and on Material in one
    of its sidebars too (`sidebar`: the `widgets_sidebar` option). Warns once per build when
    the sidebar it needs is missing."""

    def __init__(self, use_sidebar: bool, expect_sidebar: bool, sidebar: str = "secondary") -> None:
        self.use_sidebar = use_sidebar and sidebar != "none"
        self.expect_sidebar = expect_sidebar
        self.sidebar = sidebar
        self.warned = False

    @classmethod
    def for_theme(cls, theme: Theme, sidebar: str = "auto") -> WidgetPlacer:
        """The placement for a site's theme: Material's sidebars where the theme is Material;
        with its `toc.integrate` feature no right sidebar is expected (and none is warned of)."""
        material = is_material(theme)
        integrated = "toc.integrate" in (theme.get("features") or [])
        return cls(
            use_sidebar=material, expect_sidebar=material and not integrated, sidebar=sidebar
        )

    def place(
        self,
        html: str,
        slot: str,
        render_widgets: Callable[[str], str],
        page_path: str,
        blog_page: bool = False,
    ) -> str:
        """Replace `slot` with the widgets, and add a copy to Material's sidebar if it has one.

        `render_widgets` takes the placement's CSS classes and returns the widgets' HTML.
        `blog_page`: a post or a list, where `auto` chooses the left sidebar.
        """
        slot_at = html.find(slot)
        if slot_at < 0:
            return html
        if self.use_sidebar and (
            self.sidebar == "primary" or (self.sidebar == "auto" and blog_page)
        ):
            primary = find_sidebar(html, PRIMARY_SIDEBAR_CLASS, PRIMARY_NAV_CLASS)
            if primary.offset is not None:
                return _insert(
                    html,
                    (slot_at, len(slot), render_widgets(f"{AFTER_CONTENT} {PRIMARY_COPY_SHOWN}")),
                    (primary.offset, 0, render_widgets(f"{IN_SIDEBAR} {IN_PRIMARY_SIDEBAR}")),
                )
            if self.sidebar == "primary" and not primary.found and not self.warned:
                self.warned = True
                log.warning(
                    f"{page_path}: theme 'material': no left sidebar "
                    f"(div.{PRIMARY_SIDEBAR_CLASS}) was found for 'widgets_sidebar: primary', so "
                    "the blog's widgets go to the right sidebar or after the content. Check the "
                    "theme's main.html override in custom_dir (it must keep Material's sidebars)"
                )
            # A left sidebar hidden (`hide: [navigation]`) or changed: the right one, as below.
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
        return _insert(
            html,
            (slot_at, len(slot), render_widgets(f"{AFTER_CONTENT} {SIDEBAR_COPY_SHOWN}")),
            (spot.offset, 0, render_widgets(IN_SIDEBAR)),
        )


def _insert(html: str, *pieces: tuple[int, int, str]) -> str:
    """Each (offset, length replaced, text) put in, the last offset first."""
    for offset, replaced, text in sorted(pieces, reverse=True):
        html = html[:offset] + text + html[offset + replaced :]
    return html


def is_material(theme: Theme) -> bool:
    """The site's theme is Material for MkDocs."""
    return theme.name == "material"


def write_feed_folder_sitemaps(theme: Theme, site_dir: str, feed_paths: list[str]) -> None:
    """On Material, an empty `sitemap.xml` in each folder that holds a feed, unless one exists."""
    if not is_material(theme):
        return
    for folder in sorted({posixpath.dirname(path) for path in feed_paths}):
        if not folder:
            continue  # The site's own sitemap is there.
        target = os.path.join(site_dir, *folder.split("/"), "sitemap.xml")
        if not os.path.exists(target):
            write_file(EMPTY_SITEMAP.encode("utf-8"), target)


def material_tags_plugin_on(plugin_names: object) -> bool:
    """Whether Material's own `tags` plugin is enabled: it prints each page's tags above it."""
    return isinstance(plugin_names, dict | list) and "material/tags" in plugin_names
