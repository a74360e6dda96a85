"""Draw the example blog's author avatars with Pillow: initials on a coloured disc.

Run from anywhere:  python example-site/make_avatars.py
The images land in example-site/docs/blog/authors/ and are committed.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

OUT = Path(__file__).resolve().parent / "docs" / "blog" / "authors"
SIZE = 256
AVATARS = {
    "amara.png": ("AO", "#3f51b5", "#80cbc4"),
    "jonas.png": ("JL", "#00796b", "#ffcc80"),
    "priya.png": ("PR", "#ad1457", "#b3e5fc"),
}


def avatar(initials: str, background: str, ring: str) -> Image.Image:
    scale = 2
    size = SIZE * scale
    image = Image.new("RGB", (size, size), background)
    draw = ImageDraw.Draw(image)
    draw.ellipse((size * 0.08, size * 0.08, size * 0.92, size * 0.92), outline=ring, width=10)
    font = ImageFont.load_default(size=int(size * 0.36))
    draw.text((size / 2, size / 2), initials, fill="#ffffff", font=font, anchor="mm")
    return image.resize((SIZE, SIZE), Image.Resampling.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, (initials, background, ring) in AVATARS.items():
        avatar(initials, background, ring).save(OUT / name, optimize=True)


if __name__ == "__main__":
    main()
