"""Writing imported posts: YAML front matter dumped safely, existing files left alone."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml


def render_post(front_matter: Mapping[str, Any], body: str) -> str:
    """A post's source: front matter (any title survives: colons, quotes, HTML, emoji), body."""
    meta = yaml.safe_dump(dict(front_matter), allow_unicode=True, sort_keys=False, width=1_000_000)
    return f"---\n{meta}---\n\n{body}"


def write_file(path: Path, text: str, *, force: bool) -> None:
    """Write a new file, creating its folder.

    Raises:
        FileExistsError: the file exists and `force` is false; nothing was written.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w" if force else "x", encoding="utf-8", newline="\n") as file:
        file.write(text)
