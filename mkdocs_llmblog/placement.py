"""Where the widgets go in a theme's page: after the content, and Material's right sidebar."""

from __future__ import annotations

import re
from collections.abc import Callable

WIDGETS_SLOT = '<div class="llmblog-widgets-slot"></div>'
"""Put at the end of `page.content`; replaced by the widgets once the page is rendered, so
search indexes and other plugins never see widget text as part of a page."""

MATERIAL_SIDEBAR = 'class="md-sidebar md-sidebar--secondary"'
MATERIAL_TOC_NAV = '<nav class="md-nav md-nav--secondary"'
NAV_TAG_RE = re.compile(r"<(/?)nav\b", re.IGNORECASE)

AFTER_CONTENT = "llmblog-widgets--after-content"
IN_SIDEBAR = "llmblog-widgets--sidebar"
SIDEBAR_COPY_SHOWN = "llmblog-widgets--sidebar-copy-shown"
"""On the copy after the content when a sidebar copy exists: CSS hides it on wide screens."""


def material_sidebar_offset(html: str) -> int | None:
    """Where to insert into Material's right sidebar: just after its table of contents."""
    sidebar = html.find(MATERIAL_SIDEBAR)
    if sidebar < 0:
        return None
    opening_tag = html[sidebar : html.find(">", sidebar)]
    if re.search(r"\shidden\b", opening_tag):
        return None  # `hide: [toc]`: the sidebar is hidden, the copy after the content shows.
    toc = html.find(MATERIAL_TOC_NAV, sidebar)
    if toc < 0:
        return None
    depth = 0
    for match in NAV_TAG_RE.finditer(html, toc):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            close = html.find(">", match.end())
            return None if close < 0 else close + 1
    return None


def place_widgets(html: str, render_widgets: Callable[[str], str], use_sidebar: bool) -> str:
    """Replace the slot with the widgets, and add a copy to Material's sidebar if it has one.

    `render_widgets` takes the placement's CSS classes and returns the widgets' HTML.
    """
    slot = html.find(WIDGETS_SLOT)
    if slot < 0:
        return html
    sidebar = material_sidebar_offset(html) if use_sidebar else None
    if sidebar is None:
        return html[:slot] + render_widgets(AFTER_CONTENT) + html[slot + len(WIDGETS_SLOT) :]
    insertions = sorted(
        [
            (slot, len(WIDGETS_SLOT), render_widgets(f"{AFTER_CONTENT} {SIDEBAR_COPY_SHOWN}")),
            (sidebar, 0, render_widgets(IN_SIDEBAR)),
        ],
        reverse=True,
    )
    for offset, replaced, widgets in insertions:
        html = html[:offset] + widgets + html[offset + replaced :]
    return html
