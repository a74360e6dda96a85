"""Image files made with Pillow for the tests."""

from __future__ import annotations

import functools
import io

from PIL import Image, ImageDraw


def png_with_alpha(width: int = 1600, height: int = 900) -> bytes:
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    ImageDraw.Draw(image).ellipse((10, 10, width - 10, height - 10), fill=(200, 40, 40, 180))
    return _save(image, "PNG")


def jpeg(width: int = 1200, height: int = 800, orientation: int | None = None) -> bytes:
    image = Image.new("RGB", (width, height), (30, 90, 160))
    ImageDraw.Draw(image).rectangle((0, 0, width // 2, height // 4), fill=(250, 200, 0))
    exif = Image.Exif()
    exif[0x010F] = "TestCamera"  # Make: metadata that must be stripped
    if orientation is not None:
        exif[0x0112] = orientation
    return _save(image, "JPEG", exif=exif.tobytes(), quality=90)


def webp(width: int = 900, height: int = 600) -> bytes:
    return _save(Image.new("RGB", (width, height), (10, 160, 90)), "WEBP")


def animated_gif(width: int = 320, height: int = 200) -> bytes:
    colours = ((255, 0, 0), (0, 255, 0), (0, 0, 255))
    frames = [Image.new("RGB", (width, height), colour) for colour in colours]
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    return buffer.getvalue()


def svg(width: int = 640, height: int = 360) -> bytes:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}"><rect width="100%" height="100%" fill="teal"/></svg>'
    ).encode()


def with_icc_profile(width: int = 800, height: int = 500) -> bytes:
    from PIL import ImageCms

    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    return _save(Image.new("RGB", (width, height), (120, 20, 200)), "PNG", icc_profile=profile)


def truncated_png() -> bytes:
    return png_with_alpha(400, 300)[:-300]


@functools.cache
def decompression_bomb() -> bytes:
    # A tiny file whose header claims 20000 x 20000 pixels.
    return _save(Image.new("1", (20000, 20000)), "PNG")


def _save(image: Image.Image, image_format: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, image_format, **options)
    return buffer.getvalue()
