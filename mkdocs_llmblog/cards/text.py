"""A card's texts: the title's lines, which way each text runs, the characters to draw.

Pure functions, no Pillow: `measure` gives the width of a text in the font it is drawn in.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable

ELLIPSIS = "\u2026"
RTL_CLASSES = frozenset({"R", "AL"})
"""Bidirectional classes of right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko)."""
UNDRAWN_CATEGORIES = frozenset({"Zs", "Zl", "Zp", "Cc", "Cf", "Mn", "Me"})
"""Spaces, controls, direction marks and combining marks: no glyph of their own to look for."""
BREAK_ANYWHERE_RE = re.compile(
    "[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u31a0-\u31ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0003134f]"
)
"""Chinese and Japanese characters: a line may break before or after each."""
UNIT_RE = re.compile(rf"\s+|{BREAK_ANYWHERE_RE.pattern}|[^\s{BREAK_ANYWHERE_RE.pattern[1:-1]}]+")
COMPLEX_SCRIPT_RE = re.compile(
    "[\u0590-\u08ff\u0900-\u0dff\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff"
    "\ufb1d-\ufdff\ufe70-\ufeff]"
)
"""Hebrew, Arabic (and others written right to left), Indic, Thai, Lao, Tibetan, Myanmar, Khmer:
scripts that need a shaping engine (libraqm) to be drawn correctly."""


def direction_of(text: str) -> str:
    """`rtl` when the first strong letter of `text` runs right to left, else `ltr`."""
    for character in text:
        kind = unicodedata.bidirectional(character)
        if kind in RTL_CLASSES:
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


def needs_shaping(text: str) -> bool:
    """Whether `text` has letters of a script Pillow draws correctly only with libraqm."""
    return COMPLEX_SCRIPT_RE.search(text) is not None


def drawn_characters(texts: Iterable[str]) -> set[str]:
    """The characters of `texts` that need a glyph of the font."""
    return {
        character
        for text in texts
        for character in text
        if unicodedata.category(character) not in UNDRAWN_CATEGORIES
    }


def missing_characters(texts: Iterable[str], covered: Callable[[int], bool]) -> list[str]:
    """The characters of `texts` the font has no glyph for (`covered` is told each code point),
    in order of first use, once each."""
    missing: dict[str, None] = {}
    for text in texts:
        for character in text:
            if character in missing or unicodedata.category(character) in UNDRAWN_CATEGORIES:
                continue
            if not covered(ord(character)):
                missing[character] = None
    return list(missing)


def is_symbol(character: str) -> bool:
    """Emoji, pictographs, dingbats: decoration a card may leave out where its font lacks it."""
    return unicodedata.category(character) == "So"


def without(text: str, characters: Iterable[str]) -> str:
    """`text` without `characters` (and the emoji joiners and selectors they leave), its spaces
    folded."""
    dropped = set(characters) | {"\u200d", "\ufe0f", "\ufe0e"}
    return " ".join("".join(c for c in text if c not in dropped).split())


def break_units(text: str) -> list[str]:
    """`text` cut where a line may break: at spaces, and around each Chinese or Japanese
    character."""
    return UNIT_RE.findall(" ".join(text.split()))


def wrap(
    text: str, max_width: float, measure: Callable[[str], float], max_lines: int
) -> tuple[list[str], bool]:
    """`text` in at most `max_lines` lines each at most `max_width` wide; and whether it was
    cut (the last line then ends with an ellipsis).

    A word wider than a line is broken between its characters.
    """
    lines: list[str] = []
    current = ""
    units = break_units(text)
    index = 0
    while index < len(units):
        unit = units[index]
        candidate = current + unit
        if unit.isspace():
            if current:
                current = candidate
            index += 1
            continue
        if measure(candidate.rstrip()) <= max_width:
            current = candidate
            index += 1
            continue
        if current.strip():
            lines.append(current.rstrip())
            current = ""
        else:
            # A single unit wider than the line: as many of its characters as fit.
            head = _longest_fitting_prefix(unit, max_width, measure)
            lines.append(head)
            units[index] = unit[len(head) :]
        if len(lines) == max_lines:
            break
    else:
        if current.strip():
            lines.append(current.rstrip())
        return lines, False
    rest = "".join(units[index:]).strip()
    if not rest and not current.strip():
        return lines, False
    lines[-1] = with_ellipsis(lines[-1], max_width, measure)
    return lines, True


def _longest_fitting_prefix(text: str, max_width: float, measure: Callable[[str], float]) -> str:
    end = 1
    while end < len(text) and measure(text[: end + 1]) <= max_width:
        end += 1
    return text[:end]


def with_ellipsis(line: str, max_width: float, measure: Callable[[str], float]) -> str:
    """`line` shortened (at a space where one is near) so that it and an ellipsis fit."""
    text = line.rstrip()
    while text and measure(text + ELLIPSIS) > max_width:
        text = text[:-1].rstrip()
    return text + ELLIPSIS
