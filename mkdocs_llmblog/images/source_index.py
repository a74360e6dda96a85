"""What the last build learnt of each source image and wrote of each copy, read back warily.

Reading and hashing every featured image on every build costs as much as the rest of a warm
rebuild; a file whose size and modification time are unchanged is taken as unchanged. The cache
folder is not trusted: each entry carries a SHA-256 of itself, its values are checked for type
and range, and each cached copy must be a regular file whose SHA-256 is the one its build wrote.
An entry or copy that fails is dropped, so the image is read or the copy written again.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import asdict
from typing import Any

from mkdocs_llmblog.cache.files import entry_check, write_whole
from mkdocs_llmblog.images.copies import MIME_TYPES, SourceImage, looks_like

INDEX_VERSION = 2
COPIES_VERSION = 2


def _read_index(path: str, version: int, key: str) -> dict[str, Any]:
    try:
        with open(path, encoding="utf-8") as stream:
            data = json.load(stream)
        if data.get("version") == version and isinstance(data.get(key), dict):
            return dict(data[key])
    except (OSError, ValueError, AttributeError):
        pass
    return {}


def _plausible_size(value: object, max_pixels: int) -> bool:
    return type(value) is int and 0 < value <= max_pixels


def plausible_source(fields: dict[str, Any], abs_path: str, max_pixels: int) -> bool:
    """The recorded facts of a source are of the right types and within range."""
    width, height = fields.get("width"), fields.get("height")
    content_hash = fields.get("content_hash")
    if fields.get("abs_path") != abs_path or fields.get("format") not in MIME_TYPES:
        return False
    if not isinstance(content_hash, str) or len(content_hash) != 64:
        return False
    if type(fields.get("byte_size")) is not int or type(fields.get("animated")) is not bool:
        return False
    if fields["format"] == "SVG":
        return all(size is None or _plausible_size(size, max_pixels) for size in (width, height))
    return (
        _plausible_size(width, max_pixels)
        and _plausible_size(height, max_pixels)
        and width * height <= max_pixels  # type: ignore[operator]
    )


class SourceIndex:
    """A JSON file mapping image paths to their size, modification time and `SourceImage`."""

    def __init__(self, path: str, max_pixels: int = 100_000_000) -> None:
        self.path = path
        self.max_pixels = max_pixels
        self.entries: dict[str, dict[str, Any]] = _read_index(path, INDEX_VERSION, "images")
        self.changed = False

    def look_up(self, abs_path: str) -> SourceImage | None:
        entry = self.entries.get(abs_path)
        if not isinstance(entry, dict) or entry.get("check") != entry_check(entry):
            return None
        try:
            info = os.stat(abs_path)
            if entry["size"] != info.st_size or entry["mtime_ns"] != info.st_mtime_ns:
                return None
            fields = entry["image"]
            if not isinstance(fields, dict) or not plausible_source(
                fields, abs_path, self.max_pixels
            ):
                return None
            if fields["byte_size"] != info.st_size:
                return None
            return SourceImage(**fields)
        except (OSError, KeyError, TypeError):
            return None

    def remember(self, source: SourceImage) -> None:
        try:
            info = os.stat(source.abs_path)
        except OSError:
            return
        entry: dict[str, Any] = {
            "size": info.st_size,
            "mtime_ns": info.st_mtime_ns,
            "image": asdict(source),
        }
        entry["check"] = entry_check(entry)
        self.entries[source.abs_path] = entry
        self.changed = True

    def save(self) -> None:
        """Write the index whole or not at all."""
        if self.changed:
            _write_index(self.path, INDEX_VERSION, "images", self.entries)


class CopyIndex:
    """The SHA-256 of each copy the builds wrote into the cache, by its file name."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.hashes: dict[str, Any] = _read_index(path, COPIES_VERSION, "copies")
        self.changed = False

    def is_sound(self, cache_path: str, output_format: str) -> bool:
        """The cached copy is a regular file (no symbolic link), holds what a build wrote there,
        and starts as an image of its format does.

        A copy whose size, modification time and inode are those recorded when its content
        was last checked is taken as checked: a warm build of thousands of images reads none.
        Any change to the file (an edit, a replacement) changes one of them.
        """
        entry = self.hashes.get(os.path.basename(cache_path))
        if isinstance(entry, str):
            entry = {"sha256": entry}
        if not isinstance(entry, dict) or not isinstance(entry.get("sha256"), str):
            return False
        try:
            info = os.lstat(cache_path)
            if not stat.S_ISREG(info.st_mode):
                return False
            seen = [info.st_size, info.st_mtime_ns, info.st_ino]
            if entry.get("stat") == seen:
                return True
            with open(cache_path, "rb") as stream:
                data = stream.read()
        except OSError:
            return False
        sound = (
            looks_like(data, output_format) and hashlib.sha256(data).hexdigest() == entry["sha256"]
        )
        if sound:
            self.hashes[os.path.basename(cache_path)] = {"sha256": entry["sha256"], "stat": seen}
            self.changed = True
        return sound

    def forget(self, cache_path: str) -> None:
        """Drop an unsound copy, so it is written again."""
        if self.hashes.pop(os.path.basename(cache_path), None) is not None:
            self.changed = True
        try:
            if os.path.lexists(cache_path):
                os.unlink(cache_path)
        except OSError:
            pass

    def record(self, hashes: dict[str, str]) -> None:
        """Remember the SHA-256 of copies just written, with their size, modification time and
        inode: the next build reads none of them, unless one was changed since."""
        for cache_path, digest in hashes.items():
            entry: dict[str, Any] = {"sha256": digest}
            try:
                info = os.lstat(cache_path)
            except OSError:
                info = None
            if info is not None and stat.S_ISREG(info.st_mode):
                entry["stat"] = [info.st_size, info.st_mtime_ns, info.st_ino]
            self.hashes[os.path.basename(cache_path)] = entry
            self.changed = True

    def save(self) -> None:
        """Write the index whole or not at all."""
        if self.changed:
            _write_index(self.path, COPIES_VERSION, "copies", self.hashes)


def _write_index(path: str, version: int, key: str, entries: dict[str, Any]) -> None:
    with write_whole(path, text=True) as stream:
        json.dump({"version": version, key: entries}, stream)
