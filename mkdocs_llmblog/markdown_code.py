"""Where a Markdown text has code: fenced blocks and inline spans, shown as they are."""

from __future__ import annotations

import re

FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})", re.MULTILINE)
INLINE_CODE_RE = re.compile(r"(`+)(?!`).+?(?<!`)\1", re.DOTALL)


def code_spans(markdown: str) -> list[tuple[int, int]]:
    """Offsets of fenced code blocks and inline code, where Markdown syntax is only an example."""
    spans = [(m.start(), m.end()) for m in INLINE_CODE_RE.finditer(markdown)]
    fence_start: int | None = None
    marker = ""
    for match in FENCE_RE.finditer(markdown):
        if fence_start is None:
            fence_start, marker = match.start(), match.group(1)[0] * 3
        elif match.group(1).startswith(marker):
            spans.append((fence_start, match.end()))
            fence_start = None
    if fence_start is not None:
        spans.append((fence_start, len(markdown)))
    return spans


def in_spans(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)
