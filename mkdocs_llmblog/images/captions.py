"""Rendering short author texts (captions) as inline Markdown, with any HTML escaped."""

from __future__ import annotations

import markdown
import nh3

ALLOWED_TAGS = frozenset({"a", "em", "strong", "code", "del", "sub", "sup", "br", "abbr"})
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto"})


def render_inline(text: str) -> str:
    """Inline Markdown (emphasis, code, links) to HTML; raw HTML comes out as visible text.

    Links keep only http, https, mailto and relative URLs (no `javascript:`).
    """
    renderer = markdown.Markdown()
    # Without these, raw HTML passes through; with them, `<script>` is escaped as text.
    renderer.preprocessors.deregister("html_block")
    renderer.inlinePatterns.deregister("html")
    html = renderer.convert(text)
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_URL_SCHEMES),
        link_rel="noopener",
    )
