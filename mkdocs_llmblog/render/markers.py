"""The markers: text that stands for something not known yet, and when each is resolved.

The blog renders each card, each set of widgets and the common head tags once per build, and
fits them to every page afterwards. What differs from page to page is left as a marker, and
the marker is resolved in one known place. No marker can come from an author: the four made of
text contain NUL characters, which no Markdown or HTML the plugin receives keeps (sources strip
them), and the two made of elements carry a token drawn anew for each build.

| marker | stands for | made by | resolved by |
| --- | --- | --- | --- |
| `ROOT_MARK` | the site root, relative to the page the HTML lands on | `relative_url(url, PORTABLE)`, `excerpts.make_portable` | `localize` (pages), `feeds.writer` (the absolute site URL) |
| `PORTABLE` | "any page": a page URL given to views to make portable HTML | the renderer | never written out: URLs made for it start with `ROOT_MARK` |
| `EXCERPT_MARK` | a post's excerpt inside its cached card | `renderer.PageRenderer._card` | the same, per list |
| `PLACEMENT` | the CSS classes of one copy of the widgets | `renderer.PageRenderer._widgets_html` | `themes.material.WidgetPlacer.place`, through `PageRenderer.add_widgets` |
| `Slots.widgets` | where the widgets go, at the end of `page.content` | `on_page_context` | `on_post_page` (`PageRenderer.add_widgets`) |
| `Slots.embed(n)` | the n-th `<!-- llmblog:... -->` list of a page | `on_page_markdown` (`embeds.find_embeds`) | `on_page_context` (`PageRenderer.render_content`) |

Order within a page: embeds are put into Markdown in `on_page_markdown` and become lists in
`on_page_context`; the widget slot is added in `on_page_context` and replaced in
`on_post_page`, after the theme rendered the page; `ROOT_MARK`s are localized as each piece is
put into a page, so none is left in any written file.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable

from mkdocs.utils import get_relative_url

from mkdocs_llmblog.layout.urls import root_prefix
from mkdocs_llmblog.model import without_xml_forbidden

ROOT_MARK = "\x00R\x00"
"""Stands for "the site root, relative to the page this HTML ends up on"."""

PORTABLE = "\x00any-page\x00"
"""A page URL that stands for every page: URLs made for it start with `ROOT_MARK`, and the HTML
made with them is rendered once and fitted to each page by `localize`."""

EXCERPT_MARK = "\x00excerpt\x00"
"""Stands for a post's excerpt in its cached card."""

PLACEMENT = "\x00placement\x00"
"""Stands for the CSS classes of a copy of the widgets until it is placed."""


EMBED_SLOT_RE = re.compile(
    r'<div class="llmblog-embed-slot" data-llmblog-embed="(?P<token>[0-9a-f]+)-(?P<index>\d+)"></div>'
)
"""Any build's embed slot; one pattern for every build (a pattern per token would fill `re`'s
cache across `mkdocs serve` rebuilds)."""


class Slots:
    """The element markers of one build, each with a token no author can guess."""

    def __init__(self, token: str | None = None) -> None:
        self.token = token or secrets.token_hex(8)
        self.widgets = f'<div class="llmblog-widgets-slot" data-llmblog-slot="{self.token}"></div>'
        """Put at the end of `page.content`; replaced by the widgets once the page is rendered,
        so search indexes and other plugins never see widget text as part of a page."""

    def replace_embeds(self, html: str, render: Callable[[int], str]) -> str:
        """`html` with each embed slot of this build replaced by `render(index)`."""

        def replace(match: re.Match[str]) -> str:
            if match["token"] != self.token:
                return match.group(0)  # Not this build's: an author's copy of the markup.
            return render(int(match["index"]))

        return EMBED_SLOT_RE.sub(replace, html)

    def embed(self, index: int) -> str:
        """The element that stands for the `index`-th embedded list of a page."""
        return f'<div class="llmblog-embed-slot" data-llmblog-embed="{self.token}-{index}"></div>'


def relative_url(target_url: str, page_url: str) -> str:
    """The URL of `target_url` (site-relative) as seen from the page at `page_url`."""
    if page_url == PORTABLE:
        return ROOT_MARK + ("" if target_url == "./" else target_url)
    return get_relative_url(target_url, page_url)


def localize(html: str, page_url: str) -> str:
    """Resolve the root marks in portable HTML for the page at `page_url`."""
    if ROOT_MARK not in html or page_url == PORTABLE:
        return html
    prefix = root_prefix(page_url) or "./"
    return html.replace(ROOT_MARK, prefix)


def without_marks(text: str) -> str:
    """An author's text without the NUL characters that would let it forge a text marker, nor
    the other characters XML forbids (the text may go into feeds)."""
    return without_xml_forbidden(text)
