"""Featured image data shared by the build and the image workers; no Pillow needed here."""

from __future__ import annotations

from dataclasses import dataclass

RESIZABLE_FORMATS = frozenset({"JPEG", "PNG", "WEBP", "GIF", "TIFF", "BMP"})
MIME_TYPES = {
    "JPEG": "image/jpeg",
    "PNG": "image/png",
    "WEBP": "image/webp",
    "GIF": "image/gif",
    "SVG": "image/svg+xml",
    "TIFF": "image/tiff",
    "BMP": "image/bmp",
}
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif", "SVG": "svg"}


class ImageProblem(ValueError):
    """A source image that cannot be used; the message says why."""


@dataclass(frozen=True)
class SourceImage:
    """What a featured image's file is, read from its header."""

    abs_path: str
    content_hash: str
    byte_size: int
    format: str
    """Pillow's format name (`JPEG`, `PNG`, ...), or `SVG`."""
    width: int | None
    """As displayed, after EXIF orientation; None for an SVG without a size."""
    height: int | None
    animated: bool

    @property
    def passes_through(self) -> bool:
        """SVG, animated and exotic formats are published as they are, never resized."""
        return self.format not in RESIZABLE_FORMATS or self.animated

    @property
    def mime_type(self) -> str:
        return MIME_TYPES.get(self.format, "application/octet-stream")


@dataclass(frozen=True)
class DrawableSource:
    """A local raster image a share card can show: its file, content hash and focal point."""

    abs_path: str
    content_hash: str
    focal_point: tuple[float, float] = (0.5, 0.5)


@dataclass(frozen=True)
class CopyJob:
    """One resized (or cropped) copy to write."""

    source_path: str
    target_path: str
    width: int
    height: int
    output_format: str
    """Pillow's format name to save as."""
    quality: int
    crop_focus: tuple[float, float] | None = None
    """For share previews: crop to `width`x`height` around this point (fractions)."""


@dataclass(frozen=True)
class SourceJob:
    """All the copies of one source image, made from a single decoding of it."""

    source_path: str
    copies: tuple[CopyJob, ...]
    max_pixels: int = 100_000_000
    """The `max_image_pixels` option: Pillow's own limit in the process that decodes it."""


MAGIC_BYTES = {
    "JPEG": (b"\xff\xd8\xff",),
    "PNG": (b"\x89PNG\r\n\x1a\n",),
    "GIF": (b"GIF87a", b"GIF89a"),
    "WEBP": (b"RIFF",),
}


def looks_like(data: bytes, output_format: str) -> bool:
    """The file starts as an image of `output_format` does (WebP: `RIFF....WEBP`)."""
    if output_format == "WEBP" and data[8:12] != b"WEBP":
        return False
    return data.startswith(MAGIC_BYTES.get(output_format, (b"",)))
