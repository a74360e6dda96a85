"""The one Markdown scanner: where a text has code, its first heading, its first image.

Code fences are tracked here and nowhere else: the post reader, the embed directives, the
featured image taken from a body and the WordPress importer's tidying all use `scan_lines` or
`code_spans`, so they agree on what is code.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
INLINE_CODE_RE = re.compile(r"(`+)(?!`).+?(?<!`)\1", re.DOTALL)
ATX_H1_RE = re.compile(r"^ {0,3}#(?!#)[ \t]+(?P<title>.+?)(?:[ \t]+#+)?[ \t]*$")
ATTR_LIST_RE = re.compile(r"\s*\{:?[^}]*\}\s*$")
MARKDOWN_IMAGE_RE = re.compile(
    r"!\[(?P<alt>[^\]]*)\]\(\s*(?:<(?P<bracketed>[^>\n]+)>|(?P<src>[^)\s]+))"
    r"(?:\s+[\"'][^)]*)?\s*\)"
)


@dataclass(frozen=True)
class ScannedLine:
    """One line of a Markdown text and whether it is code."""

    index: int
    offset: int
    """Where the line starts in the text."""
    text: str
    fence: bool
    """The line opens or closes a code fence."""
    in_code: bool
    """The line is inside a fenced code block (a fence line itself included)."""


def scan_lines(markdown: str) -> Iterator[ScannedLine]:
    """Each line of `markdown`, with whether it belongs to a fenced code block."""
    fence: str | None = None
    offset = 0
    for index, line in enumerate(markdown.split("\n")):
        opening = FENCE_RE.match(line)
        if opening:
            marker = opening.group(1)
            if fence is None:
                fence = marker[0] * 3
                yield ScannedLine(index, offset, line, True, True)
            elif marker.startswith(fence):
                fence = None
                yield ScannedLine(index, offset, line, True, True)
            else:
                yield ScannedLine(index, offset, line, False, True)
        else:
            yield ScannedLine(index, offset, line, False, fence is not None)
        offset += len(line) + 1


def code_spans(markdown: str) -> list[tuple[int, int]]:
    """Offsets of fenced code blocks and inline code, where Markdown syntax is only an example."""
    spans: list[tuple[int, int]] = []
    block_start: int | None = None
    prose: list[tuple[int, int]] = []
    prose_start = 0
    for line in scan_lines(markdown):
        if line.fence and block_start is None:
            block_start = line.offset
            prose.append((prose_start, line.offset))
        elif line.fence and block_start is not None:
            end = line.offset + len(line.text)
            spans.append((block_start, end))
            block_start = None
            prose_start = end
    if block_start is not None:
        spans.append((block_start, len(markdown)))
    else:
        prose.append((prose_start, len(markdown)))
    for start, end in prose:
        spans += [(m.start(), m.end()) for m in INLINE_CODE_RE.finditer(markdown, start, end)]
    return sorted(spans)


def in_spans(offset: int, spans: list[tuple[int, int]]) -> bool:
    """Whether `offset` lies in one of the (sorted) `spans`."""
    return any(start <= offset < end for start, end in spans)


@dataclass(frozen=True)
class Heading:
    """The first level-one heading of a Markdown body."""

    title: str
    line_index: int


def find_first_heading(markdown: str) -> Heading | None:
    """The first ATX `# heading` outside code fences, with its line's index."""
    for line in scan_lines(markdown):
        if line.in_code:
            continue
        heading_match = ATX_H1_RE.match(line.text)
        if heading_match:
            title = ATTR_LIST_RE.sub("", heading_match.group("title")).strip()
            if title:
                return Heading(title, line.index)
    return None


def find_leading_heading(markdown: str) -> Heading | None:
    """The `# heading` a body opens with (blank lines and HTML comments before it allowed)."""
    heading = find_first_heading(markdown)
    if heading is None:
        return None
    before = markdown.split("\n", heading.line_index)[: heading.line_index]
    if any(line.strip() and not _is_comment_line(line) for line in before):
        return None
    return heading


def _is_comment_line(line: str) -> bool:
    text = line.strip()
    return text.startswith("<!--") and text.endswith("-->")


def remove_line(markdown: str, line_index: int) -> str:
    """The Markdown without one line (used to drop a heading that became the title)."""
    lines = markdown.split("\n")
    del lines[line_index]
    return "\n".join(lines)


@dataclass(frozen=True)
class MarkdownImage:
    """An `![alt](src)` of a Markdown text."""

    src: str
    alt: str | None


def first_image(markdown: str) -> MarkdownImage | None:
    """The first `![alt](src)` outside code."""
    code = code_spans(markdown)
    for match in MARKDOWN_IMAGE_RE.finditer(markdown):
        if not in_spans(match.start(), code):
            source = match["bracketed"] or match["src"]
            return MarkdownImage(source, match["alt"].strip() or None)
    return None
