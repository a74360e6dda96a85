"""What the last build learnt of each source image, so unchanged ones are not read again.

Reading and hashing every featured image on every build costs as much as the rest of a warm
rebuild; a file whose size and modification time are unchanged is taken as unchanged.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict

from mkdocs_llmblog.cache.files import write_whole
from mkdocs_llmblog.images.copies import SourceImage

INDEX_VERSION = 1


class SourceIndex:
    """A JSON file mapping image paths to their size, modification time and `SourceImage`."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.entries: dict[str, dict[str, object]] = {}
        self.changed = False
        try:
            with open(path, encoding="utf-8") as stream:
                data = json.load(stream)
            if data.get("version") == INDEX_VERSION and isinstance(data.get("images"), dict):
                self.entries = data["images"]
        except (OSError, ValueError, AttributeError):
            self.entries = {}

    def look_up(self, abs_path: str) -> SourceImage | None:
        entry = self.entries.get(abs_path)
        if entry is None:
            return None
        try:
            stat = os.stat(abs_path)
            if entry["size"] != stat.st_size or entry["mtime_ns"] != stat.st_mtime_ns:
                return None
            fields = entry["image"]
            if not isinstance(fields, dict):
                return None
            return SourceImage(**fields)
        except (OSError, KeyError, TypeError):
            return None

    def remember(self, source: SourceImage) -> None:
        try:
            stat = os.stat(source.abs_path)
        except OSError:
            return
        self.entries[source.abs_path] = {
            "size": stat.st_size,
            "mtime_ns": stat.st_mtime_ns,
            "image": asdict(source),
        }
        self.changed = True

    def save(self) -> None:
        """Write the index whole or not at all."""
        if not self.changed:
            return
        with write_whole(self.path, text=True) as stream:
            json.dump({"version": INDEX_VERSION, "images": self.entries}, stream)
