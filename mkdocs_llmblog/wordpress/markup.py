"""WordPress's own markup in a post body: the more mark, block comments and `wpautop`."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

MORE_PLACEHOLDER = "llmblogexcerptmark"
"""Stands for `<!--more-->` through the HTML conversion: a word no converter escapes."""

UNCONVERTED_NOTE = "not converted"
"""The words that follow every shortcode or block left in a post, to find them by search."""

_MORE_RE = re.compile(r"<!--\s*more\b.*?-->", re.DOTALL | re.IGNORECASE)
_NEXTPAGE_RE = re.compile(r"<!--\s*nextpage\s*-->", re.IGNORECASE)
_NOTEASER_RE = re.compile(r"<!--\s*noteaser\s*-->", re.IGNORECASE)
_BLOCK_COMMENT_RE = re.compile(
    r"<!--\s*(?P<close>/)?wp:(?P<name>[a-z][a-z0-9_-]*(?:/[a-z][a-z0-9_-]*)?)"
    r"(?P<attributes>\s+\{.*?\})?\s*(?P<void>/)?-->",
    re.DOTALL,
)
_BLOCK_TAGS = (
    "table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|"
    "area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|"
    "hgroup|header|footer|nav|figure|figcaption|details|menu|summary"
)
_BLOCK_OPEN_RE = re.compile(rf"(<(?:{_BLOCK_TAGS})[\s/>])", re.IGNORECASE)
_BLOCK_CLOSE_RE = re.compile(rf"(</(?:{_BLOCK_TAGS})>)", re.IGNORECASE)
_STARTS_WITH_BLOCK_RE = re.compile(rf"^</?(?:{_BLOCK_TAGS})[\s/>]", re.IGNORECASE)
_PRE_RE = re.compile(r"<pre\b.*?</pre>", re.DOTALL | re.IGNORECASE)
_PARAGRAPH_BREAK_RE = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class Marked:
    """HTML with some WordPress markup removed, and what was left marked for review."""

    html: str
    unconverted: tuple[str, ...]


def unconverted_mark(code: str, kind: str) -> str:
    """The visible HTML left in place of a shortcode or block that has no Markdown form."""
    return f"<code>{html.escape(code)}</code> <em>(WordPress {kind}, {UNCONVERTED_NOTE})</em>"


def mark_more(body: str) -> str:
    """Put the placeholder in place of the first `<!--more-->`; drop page breaks and the rest."""
    body = _NEXTPAGE_RE.sub("", _NOTEASER_RE.sub("", body))
    first = _MORE_RE.search(body)
    if first is None:
        return body
    before, after = body[: first.start()], _MORE_RE.sub("", body[first.end() :])
    return f"{before}\n\n{MORE_PLACEHOLDER}\n\n{after}"


def has_blocks(body: str) -> bool:
    """Whether the body was written in the block editor (Gutenberg)."""
    return _BLOCK_COMMENT_RE.search(body) is not None


def remove_block_comments(body: str) -> Marked:
    """Remove the `<!-- wp:... -->` comments around blocks, keeping their HTML.

    A block with no HTML of its own (`<!-- wp:latest-posts /-->`) is drawn by WordPress on
    every visit; it is left as a visible mark.
    """
    unconverted: list[str] = []

    def replace(match: re.Match[str]) -> str:
        if not match["void"]:
            return ""
        name = f"wp:{match['name']}"
        unconverted.append(name)
        return f"\n\n<p>{unconverted_mark(name, 'block')}</p>\n\n"

    return Marked(_BLOCK_COMMENT_RE.sub(replace, body), tuple(unconverted))


def autop(body: str) -> str:
    """Paragraphs from blank lines and line breaks from single ones, as WordPress shows them.

    A simplified `wpautop`: text written in the classic editor has no `<p>` tags, WordPress
    adds them when it shows a post. Block-level elements are left alone, `<pre>` untouched.
    """
    preformatted: list[str] = []

    def keep(match: re.Match[str]) -> str:
        preformatted.append(match.group(0))
        return f"\n\n\x00{len(preformatted) - 1}\x00\n\n"

    text = _PRE_RE.sub(keep, body.replace("\r\n", "\n").replace("\r", "\n"))
    text = _BLOCK_CLOSE_RE.sub(r"\1\n\n", _BLOCK_OPEN_RE.sub(r"\n\n\1", text))
    chunks: list[str] = []
    for raw_chunk in _PARAGRAPH_BREAK_RE.split(text):
        chunk = raw_chunk.strip()
        if not chunk:
            continue
        if chunk.startswith("\x00") and chunk.endswith("\x00"):
            chunks.append(preformatted[int(chunk.strip("\x00"))])
        elif _STARTS_WITH_BLOCK_RE.match(chunk):
            chunks.append(chunk)
        else:
            chunks.append("<p>" + re.sub(r"\s*\n\s*", "<br />\n", chunk) + "</p>")
    return "\n".join(chunks)
