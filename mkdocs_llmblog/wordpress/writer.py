"""Imported posts as text: YAML front matter dumped safely, no control characters."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import yaml

from mkdocs_llmblog.wordpress.files import without_control_characters


def render_post(front_matter: Mapping[str, Any], body: str) -> str:
    """A post's source: front matter (any title survives: colons, quotes, HTML, emoji), body.

    NUL and other control characters are left out of every value and of the body.
    """
    meta = yaml.safe_dump(
        _clean(dict(front_matter)), allow_unicode=True, sort_keys=False, width=1_000_000
    )
    return f"---\n{meta}---\n\n{without_control_characters(body)}"


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return without_control_characters(value)
    if isinstance(value, Mapping):
        return {key: _clean(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_clean(item) for item in value]
    return value
