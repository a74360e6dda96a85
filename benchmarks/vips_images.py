"""The copies `bare_images.py` makes with Pillow, made with libvips (pyvips), to compare the two.

    pip install "pyvips[binary]"        # libvips from PyPI's wheels, in a separate venv is fine
    python benchmarks/vips_images.py IMAGES OUT --widths 300 768 1024 1536 2048 --format webp \\
        --quality 82 --share 1200x630 --share-quality 85
    python benchmarks/vips_images.py --compare IMAGES PILLOW_OUT VIPS_OUT

The same sizes (`bare_images.copy_sizes`, `share_size`), formats and quality settings, one image
per task of a `ProcessPoolExecutor` with a worker per core and libvips' own threads set to one
per worker. libvips makes each copy with `thumbnail` (which shrinks JPEGs while decoding them,
then resamples with Lanczos 3), the share preview cropped at the centre as Pillow's `fit` does.
`--compare` measures quality: the PSNR of each copy, by either library, against a reference
resize of the same source (Pillow, Lanczos, in one step), and the copies' total size.
A comparison only: llmblog uses Pillow, and would switch only for a clear gain at equal output.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bare_images import EXTENSIONS, Settings, copy_sizes, share_size


def make_copies(source: Path, folder: Path, settings: Settings) -> int:
    import pyvips  # type: ignore[import-not-found, unused-ignore]

    header = pyvips.Image.new_from_file(str(source), access="sequential").autorot()
    width, height = header.width, header.height
    extension = EXTENSIONS[settings.output_format]
    written = 0
    for copy_width, copy_height in copy_sizes(width, height, settings.widths):
        image = pyvips.Image.thumbnail(str(source), copy_width, height=copy_height, size="force")
        target = folder / f"{source.stem}-{copy_width}w.{extension}"
        if settings.output_format == "WEBP":
            image.webpsave(str(target), Q=settings.quality, effort=4, keep="icc")
        else:
            image.jpegsave(str(target), Q=settings.quality, interlace=True, optimize_coding=True)
        written += 1
    if settings.share is not None:
        share_width, share_height = share_size(width, height, settings.share)
        image = pyvips.Image.thumbnail(str(source), share_width, height=share_height, crop="centre")
        image.jpegsave(
            str(folder / f"{source.stem}-share.jpg"),
            Q=settings.share_quality,
            interlace=True,
            optimize_coding=True,
            keep="icc",
        )
        written += 1
    return written


def _init_worker() -> None:
    import pyvips  # type: ignore[import-not-found, unused-ignore]

    pyvips.concurrency_set(1)  # One thread per worker: the pool uses every core already.


def psnr(copy: Path, reference: object) -> float:
    from PIL import Image, ImageChops, ImageStat

    assert isinstance(reference, Image.Image)
    with Image.open(copy) as opened:
        made = opened.convert("RGB")
    difference = ImageChops.difference(made, reference)
    mean_square = sum(ImageStat.Stat(difference).sum2) / (3 * made.width * made.height)
    return float("inf") if mean_square == 0 else 20 * math.log10(255 / math.sqrt(mean_square))


def compare(images: Path, pillow_out: Path, vips_out: Path) -> None:
    from PIL import Image, ImageOps

    scores: dict[str, list[float]] = {"Pillow": [], "libvips": []}
    sizes = {"Pillow": 0, "libvips": 0}
    for source in sorted(images.glob("*.jpg")):
        with Image.open(source) as opened:
            original = ImageOps.exif_transpose(opened.convert("RGB"))
        for name, folder in (("Pillow", pillow_out), ("libvips", vips_out)):
            for copy in sorted(folder.glob(f"{source.stem}-*")):
                with Image.open(copy) as made:
                    size = made.size
                if copy.stem.endswith("-share"):
                    reference = ImageOps.fit(original, size, Image.Resampling.LANCZOS)
                else:
                    reference = original.resize(size, Image.Resampling.LANCZOS)
                scores[name].append(psnr(copy, reference))
                sizes[name] += copy.stat().st_size
    for name, values in scores.items():
        print(
            f"{name:<8} {len(values):5d} copies  mean PSNR {sum(values) / len(values):6.2f} dB  "
            f"min {min(values):6.2f} dB  {sizes[name] / 1024 / 1024:8.1f} MiB"
        )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--compare", nargs=3, type=Path, metavar=("IMAGES", "PILLOW", "VIPS"))
    parser.add_argument("images", type=Path, nargs="?")
    parser.add_argument("out", type=Path, nargs="?")
    parser.add_argument("--widths", type=int, nargs="+", default=[300, 768, 1024, 1536, 2048])
    parser.add_argument("--format", choices=["webp", "jpeg"], default="webp")
    parser.add_argument("--quality", type=int, default=82)
    parser.add_argument("--share", default="1200x630")
    parser.add_argument("--share-quality", type=int, default=85)
    parser.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    args = parser.parse_args(argv)
    if args.compare:
        compare(*args.compare)
        return
    if args.images is None or args.out is None:
        parser.error("give IMAGES and OUT, or --compare")
    width, height = args.share.lower().split("x")
    settings = Settings(
        tuple(sorted(set(args.widths))),
        args.format.upper(),
        args.quality,
        (int(width), int(height)),
        args.share_quality,
    )
    sources = sorted(p for p in args.images.iterdir() if p.suffix.lower() in (".jpg", ".png"))
    args.out.mkdir(parents=True, exist_ok=True)
    with ProcessPoolExecutor(max_workers=args.workers, initializer=_init_worker) as pool:
        futures = [pool.submit(make_copies, source, args.out, settings) for source in sources]
        written = sum(future.result() for future in futures)
    print(f"{written} copies of {len(sources)} images on {args.workers} cores", file=sys.stderr)


if __name__ == "__main__":
    main()
