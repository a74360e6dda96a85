"""The fonts cards are drawn in, found without any download, and the characters each has.

In order: the template's font file; the system's sans-serif (fontconfig's `fc-match`, else the
usual places of DejaVu, Liberation, Arial); else Pillow's own bundled font (Latin only). A text
with characters the font lacks is drawn in a system font that has them all, where fontconfig
finds one.
"""

from __future__ import annotations

import functools
import io
import os
import shutil
import subprocess
from dataclasses import dataclass

FONT_SUFFIXES = frozenset({".ttf", ".otf", ".ttc", ".otc"})
SYSTEM_FONTS = {
    "bold": (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
        "/System/Library/Fonts/Supplemental/Arial Bold.ttf",
        "/Library/Fonts/Arial Bold.ttf",
        "C:\\Windows\\Fonts\\arialbd.ttf",
    ),
    "regular": (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/System/Library/Fonts/Supplemental/Arial.ttf",
        "/Library/Fonts/Arial.ttf",
        "C:\\Windows\\Fonts\\arial.ttf",
    ),
}
FONTCONFIG_PATTERNS = {"bold": "sans-serif:weight=bold", "regular": "sans-serif"}
BUNDLED = "Pillow's bundled font"


class FontProblem(ValueError):
    """A font file that cannot be used; the message says why."""


@dataclass(frozen=True)
class CardFont:
    """A font to draw with: a file, or None for Pillow's bundled one."""

    path: str | None
    identity: str
    """What changes when the font does: its path, size and modification time."""

    @property
    def name(self) -> str:
        return os.path.basename(self.path) if self.path else BUNDLED


def font_file(path: str, shown: str) -> CardFont:
    """A font file the template names, checked to be one FreeType and fontTools can read.

    Raises:
        FontProblem: it is missing or not a font.
    """
    if not os.path.isfile(path):
        raise FontProblem(f"{shown!r} does not exist (paths are relative to mkdocs.yml's folder)")
    if os.path.splitext(path)[1].lower() not in FONT_SUFFIXES:
        raise FontProblem(f"{shown!r} is not a .ttf, .otf or .ttc font file")
    try:
        covered_characters(path)
    except Exception as error:  # fontTools raises many types for a damaged file
        raise FontProblem(f"{shown!r} cannot be read as a font ({type(error).__name__})") from None
    return _identified(path)


def system_font(weight: str) -> CardFont | None:
    """The system's sans-serif of `weight` (`bold` or `regular`), or None without one."""
    found = _fontconfig_match(FONTCONFIG_PATTERNS[weight])
    candidates = ([found] if found else []) + list(SYSTEM_FONTS[weight])
    for path in candidates:
        if os.path.isfile(path) and os.path.splitext(path)[1].lower() in FONT_SUFFIXES:
            return _identified(path)
    return None


def font_with(characters: set[str], weight: str) -> CardFont | None:
    """A system sans-serif of `weight` with a glyph for each of `characters`, where fontconfig
    finds one."""
    codes = " ".join(f"{ord(character):x}" for character in sorted(characters))
    found = _fontconfig_match(f"{FONTCONFIG_PATTERNS[weight]}:charset={codes}", cached=False)
    if found is None or os.path.splitext(found)[1].lower() not in FONT_SUFFIXES:
        return None
    try:
        covered = covered_characters(found)
    except Exception:  # fontTools raises many types for a damaged file
        return None
    if all(ord(character) in covered for character in characters):
        return _identified(found)
    return None


def bundled_font() -> CardFont:
    from PIL import __version__ as pillow_version

    return CardFont(None, f"pillow-bundled-{pillow_version}")


def _identified(path: str) -> CardFont:
    info = os.stat(path)
    return CardFont(
        os.path.abspath(path), f"{os.path.abspath(path)}|{info.st_size}|{info.st_mtime_ns}"
    )


def _fontconfig_match(pattern: str, cached: bool = True) -> str | None:
    """The file of fontconfig's best match for `pattern`; the system's defaults are asked once
    a process."""
    if cached:
        return _cached_fontconfig_match(pattern)
    return _run_fc_match(pattern)


@functools.cache
def _cached_fontconfig_match(pattern: str) -> str | None:
    return _run_fc_match(pattern)


def _run_fc_match(pattern: str) -> str | None:
    program = shutil.which("fc-match")
    if program is None:
        return None
    try:
        result = subprocess.run(
            [program, "--format=%{file}", pattern],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    path = result.stdout.strip()
    return path if result.returncode == 0 and path else None


def covers(font: CardFont) -> frozenset[int]:
    """The code points `font` has a glyph for."""
    if font.path is None:
        return _bundled_coverage()
    return covered_characters(font.path)


def covered_characters(path: str) -> frozenset[int]:
    """The code points of the font file's character map (its first font, for a collection)."""
    # Read once per version of the file: `mkdocs serve` keeps this process while fonts change.
    info = os.stat(path)
    return _covered_characters(path, info.st_size, info.st_mtime_ns)


@functools.cache
def _covered_characters(path: str, size: int, mtime_ns: int) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(path, fontNumber=0, lazy=True) as font:
        return frozenset(font.getBestCmap() or {})


@functools.cache
def _bundled_coverage() -> frozenset[int]:
    from fontTools.ttLib import TTFont
    from PIL import ImageFont

    bundled = ImageFont.load_default(size=12)
    data = getattr(bundled, "font_bytes", b"")
    with TTFont(io.BytesIO(data), lazy=True) as font:
        return frozenset(font.getBestCmap() or {})
