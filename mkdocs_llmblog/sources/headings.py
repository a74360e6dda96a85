"""A heading's Markdown as the plain text of a title: `` `git` &mdash; *fast* `` -> `git — fast`.

A title taken from a `# heading` appears in places that show text, never Markdown: the post
header, cards, widgets, `<title>` and feeds. The heading's inline Markdown is rendered (core
Markdown: code, emphasis, links, entities), and the text of the result is the title, as MkDocs
takes a page's title from its rendered heading.
"""

from __future__ import annotations

import html
import re

import markdown
from selectolax.lexbor import LexborHTMLParser

_MARKUP_RE = re.compile(r"[`*_\[\]<>&\\!~]")
"""Characters that may make inline Markdown or HTML; a heading without any is already text."""
_renderer = markdown.Markdown()


def heading_text(source: str) -> str:
    """The plain text a heading's inline Markdown shows, whitespace folded."""
    if not _MARKUP_RE.search(source):
        return " ".join(source.split())
    _renderer.reset()
    # Rendered as the heading it is: alone, `1. *Intro*` would be a list, `> x` a quote. A
    # last `#` (`C#`) is escaped, or it would close the heading; one the author escaped
    # (`C\#`, an odd run of backslashes before it) is kept as it is.
    backslashes = len(source[:-1]) - len(source[:-1].rstrip("\\"))
    escaped = backslashes % 2 == 1
    kept = source[:-1] + "\\#" if source.endswith("#") and not escaped else source
    rendered = _renderer.convert("# " + kept)
    text = LexborHTMLParser(rendered).text(deep=True, separator="", strip=False)
    # A heading of raw HTML alone (`# <b>x</b>` shows "x"); what renders to nothing keeps its
    # source, entities decoded, so no post is left without a title.
    return " ".join(text.split()) or " ".join(html.unescape(source).split())
