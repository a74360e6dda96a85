"""The share card template: layout, colours, logo and fonts, from a file or `mkdocs.yml`.

A template is a mapping, written inline under `share_card_template` or in a YAML, TOML or JSON
file the option names. Every problem is a `CardTemplateError` naming the file and the key.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import yaml

Colour = tuple[int, int, int, int]
"""Red, green, blue and opacity, 0 to 255 each."""

COLOUR_RE = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")
LAYOUTS = ("side", "fill")
IMAGE_SIDES = ("right", "left")
MAX_TITLE_LINES = 5
FILE_FORMATS = {".yml": "YAML", ".yaml": "YAML", ".toml": "TOML", ".json": "JSON"}


@dataclass(frozen=True)
class CardTemplate:
    """How cards look; the defaults are a dark card with an amber accent."""

    layout: str = "side"
    """`side`: the featured image fills one side; `fill`: the whole card, under an overlay."""
    image_side: str = "right"
    background: Colour = (31, 41, 55, 255)
    text: Colour = (255, 255, 255, 255)
    accent: Colour = (245, 158, 11, 255)
    overlay_opacity: float = 0.8
    """With `layout: fill`: how much of the background colour covers the image."""
    logo: str | None = None
    """A path under docs_dir, `/`-separated, as written."""
    title_font: str | None = None
    """A font file's path, relative to the folder of `mkdocs.yml` or absolute."""
    text_font: str | None = None
    title_lines: int = 3


KEYS = frozenset(CardTemplate.__dataclass_fields__)


class CardTemplateError(ValueError):
    """A bad template; the message names the key (and the file) at fault."""


def read_template(value: object, config_dir: str) -> tuple[CardTemplate, str | None]:
    """The template the `share_card_template` option gives, and the file it came from.

    `value` is None (the defaults), a mapping, or a file path relative to `config_dir`.

    Raises:
        CardTemplateError: the file cannot be read, or a key is unknown or wrong.
    """
    if value is None:
        return CardTemplate(), None
    if isinstance(value, Mapping):
        return parse_template(value, None), None
    if not isinstance(value, str) or not value.strip():
        raise CardTemplateError("must be a file name (YAML, TOML or JSON) or a mapping of keys")
    shown = value.strip()
    path = os.path.join(config_dir, shown)
    data = _load_file(path, shown)
    return parse_template(data, shown), shown


def _load_file(path: str, shown: str) -> Mapping[str, Any]:
    kind = FILE_FORMATS.get(os.path.splitext(path)[1].lower())
    if kind is None:
        raise CardTemplateError(f"{shown}: the template must be a .yml, .yaml, .toml or .json file")
    try:
        with open(path, encoding="utf-8") as stream:
            text = stream.read()
    except FileNotFoundError:
        raise CardTemplateError(
            f"{shown}: no such file (paths are relative to the folder of mkdocs.yml)"
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise CardTemplateError(f"{shown}: cannot be read ({error})") from None
    try:
        if kind == "YAML":
            data = yaml.safe_load(text)
        elif kind == "TOML":
            data = tomllib.loads(text)
        else:
            data = json.loads(text)
    except (yaml.YAMLError, tomllib.TOMLDecodeError, ValueError) as error:
        raise CardTemplateError(f"{shown}: is not valid {kind} ({error})") from None
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        raise CardTemplateError(f"{shown}: must hold a mapping of keys, such as 'background'")
    return data


def parse_template(data: Mapping[str, Any], shown: str | None) -> CardTemplate:
    """Check each key of a template and read it.

    Raises:
        CardTemplateError: naming `shown` (the file, if any) and the key.
    """
    where = f"{shown}: " if shown else ""
    unknown = sorted(str(key) for key in data if key not in KEYS)
    if unknown:
        raise CardTemplateError(
            f"{where}unknown key(s) {', '.join(unknown)}; known: {', '.join(sorted(KEYS))}"
        )

    def problem(key: str, text: str) -> CardTemplateError:
        return CardTemplateError(f"{where}key '{key}' {text}")

    fields: dict[str, Any] = {}
    for key in ("layout", "image_side"):
        if key in data:
            allowed = LAYOUTS if key == "layout" else IMAGE_SIDES
            if data[key] not in allowed:
                raise problem(key, f"must be one of {', '.join(allowed)}, not {data[key]!r}")
            fields[key] = data[key]
    for key in ("background", "text", "accent"):
        if key in data:
            colour = parse_colour(data[key])
            if colour is None:
                raise problem(
                    key, f"must be a colour written #rgb, #rrggbb or #rrggbbaa, not {data[key]!r}"
                )
            fields[key] = colour
    if "overlay_opacity" in data:
        opacity = data["overlay_opacity"]
        if (
            isinstance(opacity, bool)
            or not isinstance(opacity, int | float)
            or not 0 <= opacity <= 1
        ):
            raise problem("overlay_opacity", f"must be a number from 0 to 1, not {opacity!r}")
        fields["overlay_opacity"] = float(opacity)
    for key in ("logo", "title_font", "text_font"):
        if key in data and data[key] is not None:
            if not isinstance(data[key], str) or not data[key].strip():
                raise problem(key, "must be a file path")
            fields[key] = data[key].strip()
    if "title_lines" in data:
        lines = data["title_lines"]
        if (
            isinstance(lines, bool)
            or not isinstance(lines, int)
            or not 1 <= lines <= MAX_TITLE_LINES
        ):
            raise problem("title_lines", f"must be a whole number from 1 to {MAX_TITLE_LINES}")
        fields["title_lines"] = lines
    return CardTemplate(**fields)


def parse_colour(value: object) -> Colour | None:
    """`#rgb`, `#rrggbb` or `#rrggbbaa` as red, green, blue and opacity; None otherwise."""
    if not isinstance(value, str) or not COLOUR_RE.match(value.strip()):
        return None
    digits = value.strip()[1:]
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    if len(digits) == 6:
        digits += "ff"
    red, green, blue, alpha = (int(digits[i : i + 2], 16) for i in range(0, 8, 2))
    return (red, green, blue, alpha)
