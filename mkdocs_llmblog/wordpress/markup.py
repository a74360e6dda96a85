"""WordPress's own markup in a post body: the more mark, block comments and `wpautop`."""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

MORE_PLACEHOLDER = "llmblogexcerptmark"
"""Stands for `<!--more-->` through the HTML conversion: a word no converter escapes."""

UNCONVERTED_NOTE = "not converted"
"""The words that follow every shortcode or block left in a post, to find them by search."""

_MORE_START_RE = re.compile(r"<!--\s*more\b", re.IGNORECASE)
_NEXTPAGE_RE = re.compile(r"<!--\s*nextpage\s*-->", re.IGNORECASE)
_NOTEASER_RE = re.compile(r"<!--\s*noteaser\s*-->", re.IGNORECASE)
# A block comment is `<!--\s*(/)?wp:NAME(\s+\{.*?\})?\s*(/)?-->`, found in parts: a lazy `.*?`
# would search to the end of the text from every start that has no end.
_BLOCK_START_RE = re.compile(
    r"<!--\s*(?P<close>/)?wp:(?P<name>[a-z][a-z0-9_-]*(?:/[a-z][a-z0-9_-]*)?)"
)
_BLOCK_ATTRIBUTES_RE = re.compile(r"\s+\{")
_BLOCK_ATTRIBUTES_END_RE = re.compile(r"\}\s*(?P<void>/)?-->")
_BLOCK_END_RE = re.compile(r"\s*(?P<void>/)?-->")
_CODE_OPEN_RE = re.compile(r"<(pre|code)\b", re.IGNORECASE)
_CODE_CLOSE_RE = re.compile(r"</(pre|code)>", re.IGNORECASE)
_BLOCK_TAGS = (
    "table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|"
    "area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|"
    "hgroup|header|footer|nav|figure|figcaption|details|menu|summary"
)
_BLOCK_OPEN_RE = re.compile(rf"(<(?:{_BLOCK_TAGS})[\s/>])", re.IGNORECASE)
_BLOCK_CLOSE_RE = re.compile(rf"(</(?:{_BLOCK_TAGS})>)", re.IGNORECASE)
_STARTS_WITH_BLOCK_RE = re.compile(rf"^</?(?:{_BLOCK_TAGS})[\s/>]", re.IGNORECASE)
_PARAGRAPH_BREAK_RE = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class Marked:
    """HTML with some WordPress markup removed, and what was left marked for review."""

    html: str
    unconverted: tuple[str, ...]
    notes: tuple[str, ...] = ()
    """What else was wrong, for the summary."""


def element_spans(text: str, names: tuple[str, ...] = ("pre", "code")) -> list[tuple[int, int]]:
    """Where `<pre ...>...</pre>` (and `<code>`) elements are, as `<pre\\b.*?</pre>` finds them.

    In one pass: each opening tag looks up its closing tag among those found, rather than
    searching the rest of the text.
    """
    closings: dict[str, list[int]] = {}
    for found in _CODE_CLOSE_RE.finditer(text):
        closings.setdefault(found.group(1).lower(), []).append(found.start())
    spans: list[tuple[int, int]] = []
    after = 0
    for found in _CODE_OPEN_RE.finditer(text):
        name = found.group(1).lower()
        if name not in names or found.start() < after:
            continue
        starts = closings.get(name, [])
        index = bisect_left(starts, found.end())
        if index == len(starts):
            continue
        after = starts[index] + len(name) + 3
        spans.append((found.start(), after))
    return spans


def _comment_spans(text: str, starts: Iterator[re.Match[str]]) -> Iterator[tuple[int, int]]:
    """Each start matched up with the first `-->` after it, as a lazy `.*?-->` would."""
    ends = [found.start() for found in re.finditer("-->", text)]
    after = 0
    for found in starts:
        if found.start() < after:
            continue
        index = bisect_left(ends, found.end())
        if index == len(ends):
            return
        after = ends[index] + 3
        yield found.start(), after


@dataclass(frozen=True)
class _BlockComment:
    start: int
    end: int
    name: str
    void: bool


def _block_comments(text: str) -> Iterator[_BlockComment]:
    attribute_ends = list(_BLOCK_ATTRIBUTES_END_RE.finditer(text))
    attribute_end_starts = [found.start() for found in attribute_ends]
    position = 0
    while True:
        start = _BLOCK_START_RE.search(text, position)
        if start is None:
            return
        end: re.Match[str] | None = None
        attributes = _BLOCK_ATTRIBUTES_RE.match(text, start.end())
        if attributes is not None:
            index = bisect_left(attribute_end_starts, attributes.end())
            if index < len(attribute_ends):
                end = attribute_ends[index]
        name_end = start.end()
        while end is None:
            end = _BLOCK_END_RE.match(text, name_end)
            # As the pattern would, give back the name's last `-` to a `-->` right after it.
            if end is None and text[name_end - 1] == "-" and name_end - 1 > start.start("name"):
                name_end -= 1
            else:
                break
        if end is None:
            position = start.start() + 1
            continue
        name = text[start.start("name") : min(name_end, start.end())]
        yield _BlockComment(start.start(), end.end(), name, end["void"] is not None)
        position = end.end()


def unconverted_mark(code: str, kind: str) -> str:
    """The visible HTML left in place of a shortcode or block that has no Markdown form."""
    return f"<code>{html.escape(code)}</code> <em>(WordPress {kind}, {UNCONVERTED_NOTE})</em>"


_MARK_ENDS = [f" *(WordPress {kind}, {UNCONVERTED_NOTE})*" for kind in ("shortcode", "block")]
_REVERSED_MARK_RE = re.compile(
    "(?:"
    + "|".join(re.escape(end[::-1]) for end in _MARK_ENDS)
    + r")(?P<fence>`+)(?!`)(?P<code>.+?)(?<!`)(?P=fence)(?!`)"
)
"""A mark of `unconverted_mark` in Markdown, read backwards from its note: the code span is the
one right before the note, and each note is read once (forwards, a lazy match from every
backtick made a line of many code spans take quadratic time, and took them all as one)."""


def unconverted_lines(markdown: str) -> list[tuple[int, str]]:
    """Where the marks of `unconverted_mark` are in a written post: (line number, code), for the
    report (`hello.md:38: [contact-form-7 id="42"]`)."""
    found: list[tuple[int, str]] = []
    for number, line in enumerate(markdown.splitlines(), start=1):
        if UNCONVERTED_NOTE in line:
            marks = [mark["code"][::-1] for mark in _REVERSED_MARK_RE.finditer(line[::-1])]
            found += [(number, _code_span_text(code)) for code in reversed(marks)]
    return found


def _code_span_text(code: str) -> str:
    """A code span's text: one space each side is padding (`` `` [a`b] `` ``), as in CommonMark."""
    if len(code) > 2 and code.startswith(" ") and code.endswith(" ") and code.strip():
        return code[1:-1]
    return code


def mark_more(body: str) -> str:
    """Put the placeholder in place of the first `<!--more-->`; drop page breaks and the rest."""
    body = _NEXTPAGE_RE.sub("", _NOTEASER_RE.sub("", body))
    spans = list(_comment_spans(body, _MORE_START_RE.finditer(body)))
    if not spans:
        return body
    parts = [body[: spans[0][0]], f"\n\n{MORE_PLACEHOLDER}\n\n"]
    for (_, end), (next_start, _) in zip(spans, [*spans[1:], (len(body), 0)], strict=True):
        parts.append(body[end:next_start])
    return "".join(parts)


def has_blocks(body: str) -> bool:
    """Whether the body was written in the block editor (Gutenberg)."""
    return next(_block_comments(body), None) is not None


def remove_block_comments(body: str) -> Marked:
    """Remove the `<!-- wp:... -->` comments around blocks, keeping their HTML.

    A block with no HTML of its own (`<!-- wp:latest-posts /-->`) is drawn by WordPress on
    every visit; it is left as a visible mark.
    """
    unconverted: list[str] = []
    parts: list[str] = []
    position = 0
    for comment in _block_comments(body):
        parts.append(body[position : comment.start])
        position = comment.end
        if comment.void:
            name = f"wp:{comment.name}"
            unconverted.append(name)
            parts.append(f"\n\n<p>{unconverted_mark(name, 'block')}</p>\n\n")
    parts.append(body[position:])
    return Marked("".join(parts), tuple(unconverted))


def autop(body: str) -> str:
    """Paragraphs from blank lines and line breaks from single ones, as WordPress shows them.

    A simplified `wpautop`: text written in the classic editor has no `<p>` tags, WordPress
    adds them when it shows a post. Block-level elements are left alone, `<pre>` untouched.
    """
    preformatted: list[str] = []
    text = body.replace("\r\n", "\n").replace("\r", "\n")
    parts: list[str] = []
    position = 0
    for start, end in element_spans(text, ("pre",)):
        preformatted.append(text[start:end])
        parts += [text[position:start], f"\n\n\x00{len(preformatted) - 1}\x00\n\n"]
        position = end
    text = "".join(parts) + text[position:]
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
            lines = (line.strip() for line in chunk.split("\n"))
            chunks.append("<p>" + "<br />\n".join(lines) + "</p>")
    return "\n".join(chunks)
