"""Texts written by readers (archived comments) as HTML: Markdown rendered, any HTML escaped.

A comment's author is a stranger: raw HTML in it is shown as text, links keep only http, https
and mailto addresses and get `rel="nofollow ugc noopener"`, and only a few harmless tags remain.
An author's bio, written by the site's own people, is rendered the same way but keeps its links
to the site's pages (`/about/`).
"""

from __future__ import annotations

from html import escape

import markdown
import nh3

from mkdocs_llmblog.images.captions import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, ALLOWED_URL_SCHEMES

BLOCK_TAGS = frozenset({"p", "blockquote", "pre", "ul", "ol", "li", "hr"})
READER_LINK_STARTS = ("http://", "https://", "mailto:", "#")
"""What a reader's link may start with: no path of this site (`/admin`, `../x`), no address
without a scheme (`//host`), which the sanitizer's list of schemes lets through."""


def _reader_attribute(tag: str, attribute: str, value: str) -> str | None:
    if attribute in ("href", "src") and not value.strip().lower().startswith(READER_LINK_STARTS):
        return None
    return value


def render_reader_markdown(text: str, *, site_links: bool = False) -> str:
    """A reader's Markdown as safe HTML, in paragraphs; with `site_links`, links to paths of
    the site (and `//host` addresses) are kept, as in an author's bio."""
    renderer = markdown.Markdown()
    renderer.preprocessors.deregister("html_block")
    renderer.inlinePatterns.deregister("html")
    try:
        html = renderer.convert(text)
    except RecursionError:
        # A stranger's `- - - … x`, lists hundreds of levels deep: shown as the text it is.
        html = "<p>" + escape(text) + "</p>"
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS | BLOCK_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_URL_SCHEMES),
        attribute_filter=None if site_links else _reader_attribute,
        link_rel="nofollow ugc noopener",
    )
