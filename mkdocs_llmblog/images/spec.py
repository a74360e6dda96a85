"""The `image:` front matter key: what the author wrote, and where that file really is."""

from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass
from typing import Any

from mkdocs_llmblog.config import docs_folder_name
from mkdocs_llmblog.images.copies import ImageProblem
from mkdocs_llmblog.model import ImageSpec

SCHEME_RE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
UNSAFE_URL_CHARACTERS_RE = re.compile(r"[\s\"'<>\\`]")


@dataclass(frozen=True)
class LocalImage:
    abs_path: str
    src_uri: str
    """Relative to `docs_dir`, `/`-separated."""


@dataclass(frozen=True)
class RemoteImage:
    url: str


class ImageSpecError(ValueError):
    """A bad `image` value; `key` is the sub-key at fault (`image`, `image.alt`, ...)."""

    def __init__(self, key: str, problem: str) -> None:
        super().__init__(problem)
        self.key = key


SPEC_KEYS = frozenset({"path", "alt", "caption", "focal_point", "width", "height"})


def parse_image_spec(value: Any) -> ImageSpec:
    """Read `image: path` or `image: {path, alt, caption, focal_point, width, height}`.

    Raises:
        ImageSpecError: naming the sub-key and saying how to write it.
    """
    if isinstance(value, str):
        value = {"path": value}
    if not isinstance(value, dict):
        raise ImageSpecError(
            "image", "must be a path or a mapping like {path: cover.png, alt: A description}"
        )
    unknown = sorted(set(value) - SPEC_KEYS)
    if unknown:
        raise ImageSpecError(
            "image",
            f"has unknown key(s) {', '.join(unknown)}; known: {', '.join(sorted(SPEC_KEYS))}",
        )
    location = value.get("path")
    if not isinstance(location, str) or not location.strip():
        raise ImageSpecError("image.path", "is missing or empty; give the image file's path")
    return ImageSpec(
        location=location.strip(),
        alt=_optional_text(value, "alt"),
        caption=_optional_text(value, "caption"),
        focal_point=_focal_point(value.get("focal_point")),
        width=_optional_size(value, "width"),
        height=_optional_size(value, "height"),
    )


def _optional_text(value: dict[str, Any], key: str) -> str | None:
    text = value.get(key)
    if text is None:
        return None
    if isinstance(text, bool) or not isinstance(text, str | int | float):
        raise ImageSpecError(f"image.{key}", "must be a text")
    return str(text).strip()


def _optional_size(value: dict[str, Any], key: str) -> int | None:
    size = value.get(key)
    if size is None:
        return None
    if isinstance(size, bool) or not isinstance(size, int) or size <= 0:
        raise ImageSpecError(f"image.{key}", "must be a whole number of pixels above 0")
    return size


def _focal_point(value: Any) -> tuple[float, float]:
    if value is None:
        return (0.5, 0.5)
    if (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)
        and all(0 <= v <= 1 for v in value)
    ):
        return (float(value[0]), float(value[1]))
    raise ImageSpecError(
        "image.focal_point",
        "must be [x, y] with each between 0 and 1, e.g. [0.5, 0.3] for centre, upper third",
    )


def resolve_image(
    location: str, base_src_uri: str | None, docs_dir: str
) -> LocalImage | RemoteImage:
    """Find the file an image location names, refusing anything outside `docs_dir`.

    `base_src_uri` is the post the path is relative to; None for paths from `mkdocs.yml`, which
    are relative to `docs_dir`.

    Raises:
        ImageProblem: another scheme, a path leaving `docs_dir`, missing, or a folder.
    """
    if "\x00" in location:
        raise ImageProblem("contains a NUL character")
    scheme = SCHEME_RE.match(location)
    if scheme:
        if location.lower().startswith("https://"):
            host = location[len("https://") :].split("/", 1)[0]
            if not host or UNSAFE_URL_CHARACTERS_RE.search(location):
                raise ImageProblem(f"{location!r} is not a valid https:// URL")
            return RemoteImage(location)
        raise ImageProblem(
            f"uses the '{scheme.group(1)}:' scheme; use a path inside docs_dir or an https:// URL"
        )
    if location.startswith("//"):
        raise ImageProblem("is a protocol-relative URL; write it as https://...")
    if location.startswith("/"):
        relative = location.lstrip("/")
    else:
        base = posixpath.dirname(base_src_uri) if base_src_uri else ""
        relative = posixpath.join(base, location)
    relative = posixpath.normpath(relative)
    if relative == ".." or relative.startswith("../") or relative in ("", "."):
        raise ImageProblem(f"{location!r} leads out of docs_dir; keep images inside docs_dir")
    abs_path = os.path.join(docs_dir, *relative.split("/"))
    real_docs = os.path.realpath(docs_dir)
    real_path = os.path.realpath(abs_path)
    if os.path.commonpath([real_docs, real_path]) != real_docs:
        raise ImageProblem(
            f"{location!r} is a link to a file outside docs_dir; copy the image into docs_dir"
        )
    if os.path.isdir(abs_path):
        raise ImageProblem(f"{location!r} is a folder, not an image file")
    if not os.path.isfile(abs_path):
        docs_name = docs_folder_name(docs_dir)
        raise ImageProblem(
            f"{location!r} does not exist (looked for {docs_name}/{relative}); paths are "
            "relative to the post, or start with '/' for a path under docs_dir"
        )
    return LocalImage(abs_path, relative)
