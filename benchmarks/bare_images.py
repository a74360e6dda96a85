"""The floor of featured images: llmblog's copies made by a bare Pillow script on all cores.

    python benchmarks/bare_images.py IMAGES_FOLDER OUT_FOLDER --widths 300 768 1024 1536 2048 \\
        --format webp --quality 82 --share 1200x630 --share-quality 85

For each image in IMAGES_FOLDER: decode it once, apply its EXIF orientation, and write the copies
llmblog's default settings ask for (a copy at each configured width below 90% of the largest
one and the largest, never wider than the original, and a cropped share preview), with the same
Pillow calls and encoder options, one image per task of a `ProcessPoolExecutor` with a worker per
core. Nothing else: no hashing, no cache index, no MkDocs. `benchmarks/run.py --images` runs it
next to llmblog's cold build (`plugin_settings` reads the settings from the corpus' mkdocs.yml,
outside the timing) and checks, with `copy_hashes`, that both wrote the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

EXTENSIONS = {"WEBP": "webp", "JPEG": "jpg", "PNG": "png"}


@dataclass(frozen=True)
class Settings:
    widths: tuple[int, ...]
    output_format: str
    """Pillow's name: WEBP (llmblog's default) or, with `image_format: original`, JPEG here."""
    quality: int
    share: tuple[int, int] | None
    share_quality: int

    def arguments(self) -> list[str]:
        """The command-line options that give these settings."""
        arguments = ["--widths", *map(str, self.widths), "--format", self.output_format.lower()]
        arguments += ["--quality", str(self.quality), "--share-quality", str(self.share_quality)]
        if self.share is not None:
            arguments += ["--share", f"{self.share[0]}x{self.share[1]}"]
        return arguments


def plugin_settings(config_file: Path) -> Settings:
    """llmblog's image settings as the project's mkdocs.yml gives them (defaults included)."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.config import load_config

    from mkdocs_llmblog.images.planner import SHARE_QUALITY, SHARE_SIZE

    options = load_config(config_file=str(config_file)).plugins["llmblog"].config
    # The corpus' images are JPEGs: `original` keeps them JPEG.
    output_format = "WEBP" if options.image_format == "webp" else "JPEG"
    return Settings(
        widths=tuple(sorted(set(options.image_widths))),
        output_format=output_format,
        quality=options.image_quality,
        share=SHARE_SIZE if options.share_image else None,
        share_quality=SHARE_QUALITY,
    )


def copy_sizes(width: int, height: int, widths: Sequence[int]) -> list[tuple[int, int]]:
    """The resized copies of a `width`x`height` image: llmblog's rule (no near-duplicates)."""
    largest = min(width, widths[-1])
    chosen = sorted({w for w in widths if w < largest * 0.9} | {largest})
    return [(w, max(1, round(w * height / width))) for w in chosen]


def share_size(width: int, height: int, share: tuple[int, int]) -> tuple[int, int]:
    """The share preview's size: `share`, or the largest crop of that shape the image holds."""
    if width >= share[0] and height >= share[1]:
        return share
    crop_width = max(1, min(width, round(height * share[0] / share[1])))
    return crop_width, max(1, round(crop_width * share[1] / share[0]))


def _save(image: object, path: Path, output_format: str, quality: int, icc: bytes | None) -> None:
    from PIL import Image

    assert isinstance(image, Image.Image)
    options: dict[str, object] = {"optimize": True}
    if icc:
        options["icc_profile"] = icc
    if output_format in ("JPEG", "WEBP"):
        options["quality"] = quality
    if output_format == "WEBP":
        options["method"] = 4
    if output_format == "JPEG":
        options["progressive"] = True
        if image.mode not in ("RGB", "L", "CMYK"):
            image = image.convert("RGB")
    image.save(path, format=output_format, **options)


def make_copies(source: Path, folder: Path, settings: Settings) -> int:
    """Decode `source` once and write its copies into `folder`; return how many."""
    from PIL import Image, ImageOps

    with Image.open(source) as opened:
        opened.load()
        icc = opened.info.get("icc_profile")
        image = ImageOps.exif_transpose(opened)
    extension = EXTENSIONS[settings.output_format]
    written = 0
    for width, height in copy_sizes(*image.size, settings.widths):
        resized = image
        if image.size != (width, height):
            resized = image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
        target = folder / f"{source.stem}-{width}w.{extension}"
        _save(resized, target, settings.output_format, settings.quality, icc)
        written += 1
    if settings.share is not None:
        size = share_size(*image.size, settings.share)
        cropped = ImageOps.fit(image, size, Image.Resampling.LANCZOS, centering=(0.5, 0.5))
        _save(cropped, folder / f"{source.stem}-share.jpg", "JPEG", settings.share_quality, icc)
        written += 1
    return written


def copy_hashes(folder: Path) -> Counter[str]:
    """The SHA-256 of each image file under `folder`, counted: two folders holding the same
    copies under any names give the same counts."""
    return Counter(
        hashlib.sha256(path.read_bytes()).hexdigest()
        for path in folder.rglob("*")
        if path.is_file() and path.suffix.lstrip(".") in EXTENSIONS.values()
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("images", type=Path, help="folder of source images")
    parser.add_argument("out", type=Path, help="folder for the copies (created)")
    parser.add_argument("--widths", type=int, nargs="+", required=True)
    parser.add_argument("--format", choices=["webp", "jpeg"], required=True)
    parser.add_argument("--quality", type=int, required=True)
    parser.add_argument("--share", help="share preview size, WxH (none: no share copy)")
    parser.add_argument("--share-quality", type=int, default=85)
    parser.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    args = parser.parse_args(argv)
    share = None
    if args.share:
        width, height = args.share.lower().split("x")
        share = (int(width), int(height))
    settings = Settings(
        tuple(sorted(set(args.widths))), args.format.upper(), args.quality, share,
        args.share_quality,
    )  # fmt: skip
    sources = sorted(p for p in args.images.iterdir() if p.suffix.lower() in (".jpg", ".png"))
    args.out.mkdir(parents=True, exist_ok=True)
    with ProcessPoolExecutor(max_workers=args.workers) as pool:
        futures = [pool.submit(make_copies, source, args.out, settings) for source in sources]
        written = sum(future.result() for future in futures)
    print(f"{written} copies of {len(sources)} images on {args.workers} cores", file=sys.stderr)


if __name__ == "__main__":
    main()
