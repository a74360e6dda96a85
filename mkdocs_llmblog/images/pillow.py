"""Pillow work on featured images: inspecting sources and writing resized copies.

Imported only when a build has images: Pillow costs memory a blog without images need not pay.

Every function here is pure and picklable, so copies can be made in worker processes.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import defusedxml.ElementTree as SafeElementTree
from PIL import Image, ImageOps, UnidentifiedImageError

from mkdocs_llmblog.cache.files import write_whole
from mkdocs_llmblog.images.copies import (
    CopyJob,
    ImageProblem,
    SourceImage,
    SourceJob,
)

EXIF_ORIENTATION = 0x0112
TRANSPOSED_ORIENTATIONS = frozenset({5, 6, 7, 8})
SVG_LENGTH_RE = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*(px)?\s*$")


@contextmanager
def pixel_limit(max_pixels: int | None) -> Iterator[None]:
    """Pillow's own decompression-bomb limit set to the `max_image_pixels` option, for a while.

    Pillow warns above its `MAX_IMAGE_PIXELS` (89 M by default) and refuses twice that: without
    this the option could not lift the limit, nor would it be the limit.
    """
    previous = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = max_pixels
    try:
        yield
    finally:
        Image.MAX_IMAGE_PIXELS = previous


class _TooLarge(Exception):
    """An image over the pixel limit, found while its file is open."""

    def __init__(self, width: int, height: int) -> None:
        super().__init__(f"{width}x{height}")
        self.width = width
        self.height = height


def inspect_image(abs_path: str, max_pixels: int) -> SourceImage:
    """Read an image's header and hash its content.

    Raises:
        ImageProblem: empty, not an image, or larger than `max_pixels` (a decompression bomb).
    """
    path = Path(abs_path)
    data = path.read_bytes()
    if not data:
        raise ImageProblem("is an empty file (0 bytes)")
    content_hash = hashlib.sha256(data).hexdigest()
    if _looks_like_svg(path, data):
        width, height = _svg_size(data)
        return SourceImage(abs_path, content_hash, len(data), "SVG", width, height, False)
    # Reading a header decodes nothing: no Pillow limit here, the option's check below says
    # how large the image is. Decoding it (`write_copies`) has Pillow's limit set to the option.
    with pixel_limit(None):
        try:
            with Image.open(path) as image:
                width, height = image.size
                if width * height > max_pixels:
                    raise _TooLarge(width, height)
                orientation = image.getexif().get(EXIF_ORIENTATION, 1)
                animated = bool(getattr(image, "is_animated", False))
                image_format = image.format or "UNKNOWN"
        except _TooLarge as large:
            raise ImageProblem(
                f"is {large.width}x{large.height} pixels, more than the {max_pixels:,} allowed "
                "(a decompression bomb?); shrink it or raise 'max_image_pixels'"
            ) from None
        except UnidentifiedImageError:
            raise ImageProblem("is not an image Pillow can read") from None
        except (OSError, SyntaxError, ValueError) as error:
            raise ImageProblem(f"cannot be read as an image ({error})") from None
    if orientation in TRANSPOSED_ORIENTATIONS:
        width, height = height, width
    return SourceImage(abs_path, content_hash, len(data), image_format, width, height, animated)


def _looks_like_svg(path: Path, data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return path.suffix.lower() == ".svg" or head.startswith(b"<svg") or b"<svg" in head


def _svg_size(data: bytes) -> tuple[int | None, int | None]:
    try:
        root = SafeElementTree.fromstring(data)
    except Exception as error:  # defusedxml raises several unrelated types
        raise ImageProblem(f"is not a valid SVG file ({type(error).__name__})") from None
    if not root.tag.endswith("svg"):
        raise ImageProblem("is not an SVG file")
    width = _svg_length(root.get("width"))
    height = _svg_length(root.get("height"))
    view_box = (root.get("viewBox") or "").replace(",", " ").split()
    if (width is None or height is None) and len(view_box) == 4:
        try:
            box_width, box_height = float(view_box[2]), float(view_box[3])
        except ValueError:
            return width, height
        if box_width > 0 and box_height > 0:
            if width is None and height is None:
                return round(box_width), round(box_height)
            if width is None and height is not None:
                return round(height * box_width / box_height), height
            if width is not None:
                return width, round(width * box_height / box_width)
    return width, height


def _svg_length(value: str | None) -> int | None:
    match = SVG_LENGTH_RE.match(value or "")
    return round(float(match.group(1))) if match else None


def write_copies(job: SourceJob) -> dict[str, str]:
    """Decode the source once and write each of its copies; return each copy's SHA-256.

    Each copy: EXIF orientation applied, metadata stripped, colour profile kept. A file appears
    under its final name only when complete (written to a temporary file and renamed), so a
    killed build never leaves a partial image behind.

    Raises:
        ImageProblem: the source cannot be decoded (e.g. a truncated file).
    """
    source, icc_profile = decode(job.source_path, job.max_pixels)
    hashes = {}
    for copy in job.copies:
        try:
            hashes[copy.target_path] = _write_copy(source, icc_profile, copy)
        except OSError as error:  # A full disk or a read-only cache folder.
            raise ImageProblem(f"could not be written to the cache ({error})") from None
    return hashes


def decode(path: str, max_pixels: int) -> tuple[Image.Image, bytes | None]:
    """The image of a file as displayed (EXIF orientation applied), and its colour profile.

    Raises:
        ImageProblem: the file cannot be decoded (e.g. truncated), or is over `max_pixels`.
    """
    try:
        with pixel_limit(max_pixels), Image.open(path) as opened:
            opened.load()
            icc_profile = opened.info.get("icc_profile")
            return ImageOps.exif_transpose(opened), icc_profile
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise ImageProblem(f"cannot be decoded ({error})") from None


def crop_around(
    source: Image.Image, size: tuple[int, int], focus: tuple[float, float]
) -> Image.Image:
    """The largest crop of `size`'s shape around `focus` (fractions of width and height),
    resized to `size`: what share previews and share cards show of a featured image."""
    return ImageOps.fit(source, size, Image.Resampling.LANCZOS, centering=focus)


def _write_copy(source: Image.Image, icc_profile: bytes | None, job: CopyJob) -> str:
    if job.crop_focus is not None:
        image = crop_around(source, (job.width, job.height), job.crop_focus)
    elif source.size != (job.width, job.height):
        # reducing_gap: a fast integer reduction first, then Lanczos; same quality, faster.
        image = source.resize((job.width, job.height), Image.Resampling.LANCZOS, reducing_gap=3.0)
    else:
        image = source
    image = _mode_for(image, job.output_format)
    options: dict[str, object] = {"optimize": True}
    if icc_profile:
        options["icc_profile"] = icc_profile
    if job.output_format in ("JPEG", "WEBP"):
        options["quality"] = job.quality
    if job.output_format == "WEBP":
        options["method"] = 4
    if job.output_format == "JPEG":
        options["progressive"] = True
    buffer = io.BytesIO()
    image.save(buffer, format=job.output_format, **options)
    data = buffer.getvalue()
    # Read-only: the site gets hard links to these files, which nothing may edit in place.
    with write_whole(job.target_path, read_only=True) as stream:
        stream.write(data)
    return hashlib.sha256(data).hexdigest()


def _mode_for(image: Image.Image, output_format: str) -> Image.Image:
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info
    )
    if output_format == "JPEG":
        if has_alpha:
            rgba = image.convert("RGBA")
            background = Image.new("RGB", rgba.size, (255, 255, 255))
            background.paste(rgba, mask=rgba.getchannel("A"))
            return background
        return image if image.mode in ("RGB", "L", "CMYK") else image.convert("RGB")
    if image.mode in ("RGB", "RGBA", "L", "LA") and not (
        image.mode == "LA" and output_format == "WEBP"
    ):
        return image
    return image.convert("RGBA" if has_alpha else "RGB")
