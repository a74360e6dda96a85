"""Draw every image of the example blog with Pillow: no network, no font files, fixed seeds.

Run from anywhere:  python example-site/make_images.py
The images land in example-site/docs/blog/posts/images/ and are committed, so the site builds
without running this script. Needs Pillow >= 10.1 (for ImageFont.load_default(size=...)).
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Callable, Sequence
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

OUT = Path(__file__).resolve().parent / "docs" / "blog" / "posts" / "images"
SS = 2  # draw at twice the size, then scale down: cheap anti-aliasing

RGB = tuple[int, int, int]


# --------------------------------------------------------------------------- helpers


def hex_rgb(value: str) -> RGB:
    value = value.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """Pillow's bundled font at a size, or the old bitmap font on Pillow < 10.1."""
    try:
        return ImageFont.load_default(size=size * SS)
    except TypeError:  # pragma: no cover - old Pillow
        return ImageFont.load_default()


def gradient(w: int, h: int, corners: Sequence[str]) -> Image.Image:
    """A smooth four-corner gradient (top-left, top-right, bottom-left, bottom-right)."""
    tl, tr, bl, br = (hex_rgb(c) for c in corners)
    seed = Image.new("RGB", (2, 2))
    seed.putdata([tl, tr, bl, br])
    # Resizing a 2x2 image bilinearly with a corner-aligned box gives a clean blend.
    return seed.resize((w, h), Image.Resampling.BILINEAR, box=(0.5, 0.5, 1.5, 1.5))


def glow_layer(
    size: tuple[int, int], draw_fn: Callable[[ImageDraw.ImageDraw], None], blur: int
) -> Image.Image:
    """An RGBA layer drawn by `draw_fn`, blurred into a soft glow."""
    layer = Image.new("RGBA", size, (0, 0, 0, 0))
    draw_fn(ImageDraw.Draw(layer))
    return layer.filter(ImageFilter.GaussianBlur(blur * SS))


def overlay(base: Image.Image, draw_fn: Callable[[ImageDraw.ImageDraw], None]) -> Image.Image:
    """Draw translucent shapes over `base` (alpha compositing, unlike drawing in place)."""
    layer = Image.new("RGBA", base.size, (0, 0, 0, 0))
    draw_fn(ImageDraw.Draw(layer))
    return Image.alpha_composite(base.convert("RGBA"), layer)


def rgba(color: str, alpha: int) -> tuple[int, int, int, int]:
    return (*hex_rgb(color), alpha)


def title_block(
    img: Image.Image,
    title: str,
    kicker: str,
    accent: str,
    *,
    x: int = 90,
    y: int | None = None,
    size: int = 64,
    panel: bool = True,
) -> Image.Image:
    """A title with a small kicker line above it, on a soft dark panel, lower left."""
    s = SS
    big, small = font(size), font(max(20, size // 3))
    lines = title.split("\n")
    line_h = int(size * 1.18) * s
    text_w = max(big.getbbox(line)[2] for line in lines)
    kicker_h = int(size * 0.62) * s
    block_h = kicker_h + line_h * len(lines)
    top = (y * s) if y is not None else img.height - block_h - 110 * s
    left = x * s

    def draw_panel(d: ImageDraw.ImageDraw) -> None:
        if panel:
            d.rounded_rectangle(
                (left - 40 * s, top - 34 * s, left + text_w + 44 * s, top + block_h + 26 * s),
                radius=26 * s,
                fill=(8, 10, 24, 150),
            )

    img = overlay(img, draw_panel)
    d = ImageDraw.Draw(img)
    d.rectangle((left, top + 6 * s, left + 54 * s, top + 12 * s), fill=hex_rgb(accent))
    d.text((left + 70 * s, top - 6 * s), kicker.upper(), font=small, fill=hex_rgb(accent))
    for i, line in enumerate(lines):
        d.text(
            (left, top + kicker_h + i * line_h),
            line,
            font=big,
            fill=(248, 248, 252),
            stroke_width=max(1, s),
            stroke_fill=(248, 248, 252),
        )
    return img


def save(img: Image.Image, name: str, size: tuple[int, int], colors: int = 224) -> Path:
    """Scale down, reduce to a palette (no dithering: keeps PNGs small) and save optimised."""
    img = img.convert("RGB").resize(size, Image.Resampling.LANCZOS)
    pal = img.quantize(colors=colors, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / name
    pal.save(path, optimize=True)
    return path


def download_icon(d: ImageDraw.ImageDraw, x: float, y: float, color: str) -> None:
    """A small downward arrow centred on (x, y) (the bundled font lacks arrow glyphs)."""
    s = SS
    d.line((x, y - 7 * s, x, y + 3 * s), fill=color, width=2 * s)
    d.polygon([(x - 5 * s, y + 1 * s), (x + 5 * s, y + 1 * s), (x, y + 7 * s)], fill=color)


def heart_icon(d: ImageDraw.ImageDraw, x: float, y: float, color: str) -> None:
    """A small heart centred on (x, y)."""
    s = SS
    d.ellipse((x - 6 * s, y - 6 * s, x, y), fill=color)
    d.ellipse((x, y - 6 * s, x + 6 * s, y), fill=color)
    d.polygon([(x - 6 * s, y - 2.5 * s), (x + 6 * s, y - 2.5 * s), (x, y + 6 * s)], fill=color)


def network(
    rng: random.Random,
    w: int,
    h: int,
    layers: Sequence[int],
    box: tuple[float, float, float, float],
) -> list[list[tuple[float, float]]]:
    """Node positions of a layered network inside `box` (fractions of w and h), with jitter."""
    x0, y0, x1, y1 = box
    cols: list[list[tuple[float, float]]] = []
    for li, count in enumerate(layers):
        fx = x0 + (x1 - x0) * li / (len(layers) - 1)
        col = []
        for ni in range(count):
            fy = y0 + (y1 - y0) * (ni + 0.5) / count
            col.append(
                (
                    (fx + rng.uniform(-0.012, 0.012)) * w,
                    (fy + rng.uniform(-0.02, 0.02)) * h,
                )
            )
        cols.append(col)
    return cols


# --------------------------------------------------------------------------- images


def llm_featured() -> Path:
    """The main article's featured image: a glowing neural network over a dusk gradient."""
    rng = random.Random(2025_03_12)
    w, h = 1600 * SS, 900 * SS
    img = gradient(w, h, ["#0b1033", "#2a1257", "#06283d", "#41106b"]).convert("RGBA")

    # faint starfield of tokens
    def stars(d: ImageDraw.ImageDraw) -> None:
        for _ in range(140):
            x, y = rng.uniform(0, w), rng.uniform(0, h)
            r = rng.choice([1, 1, 2, 3]) * SS
            d.ellipse((x - r, y - r, x + r, y + r), fill=(200, 210, 255, rng.randint(40, 140)))

    img = overlay(img, stars)

    cols = network(rng, w, h, [4, 7, 9, 9, 7, 4], (0.47, 0.1, 0.95, 0.9))
    palette = ["#5eead4", "#a78bfa", "#f472b6", "#fbbf24", "#60a5fa"]

    edges = []
    for a, b in itertools.pairwise(cols):
        for p in a:
            for q in b:
                if rng.random() < 0.42:
                    edges.append((p, q, rng.choice(palette), rng.randint(35, 120)))

    def draw_edges(d: ImageDraw.ImageDraw) -> None:
        for p, q, color, alpha in edges:
            d.line((p, q), fill=rgba(color, alpha), width=2 * SS)

    img = overlay(img, draw_edges)

    nodes = [(p, rng.choice(palette)) for col in cols for p in col]

    def node_glow(d: ImageDraw.ImageDraw) -> None:
        for (x, y), color in nodes:
            r = 30 * SS
            d.ellipse((x - r, y - r, x + r, y + r), fill=rgba(color, 150))

    img = Image.alpha_composite(img, glow_layer(img.size, node_glow, 14))

    def node_cores(d: ImageDraw.ImageDraw) -> None:
        for (x, y), color in nodes:
            r = 11 * SS
            d.ellipse((x - r, y - r, x + r, y + r), fill=rgba(color, 255))
            r2 = 4 * SS
            d.ellipse((x - r2, y - r2, x + r2, y + r2), fill=(255, 255, 255, 230))

    img = overlay(img, node_cores)

    # an "open" bracket motif on the left: code as the foundation
    def brackets(d: ImageDraw.ImageDraw) -> None:
        f = font(300)
        d.text((70 * SS, 70 * SS), "{ }", font=f, fill=(255, 255, 255, 26))

    img = overlay(img, brackets)
    img = title_block(
        img, "Open-Source\nLLMs", "shared code, shared progress", "#5eead4", size=92, panel=False
    )
    return save(img, "llm-featured.png", (1600, 900), colors=112)


def hub_dashboard() -> Path:
    """A stylised model-hub dashboard: search bar, filters, model cards with download bars."""
    rng = random.Random(675)
    w, h = 1200 * SS, 675 * SS
    s = SS
    img = gradient(w, h, ["#fff7e0", "#ffe9b3", "#fef3c7", "#fde68a"]).convert("RGBA")
    d = ImageDraw.Draw(img)

    # window frame
    win = (40 * s, 36 * s, w - 40 * s, h - 36 * s)
    shadow = glow_layer(
        img.size,
        lambda g: g.rounded_rectangle(
            (win[0] + 8 * s, win[1] + 14 * s, win[2] + 8 * s, win[3] + 14 * s),
            radius=22 * s,
            fill=(120, 80, 0, 90),
        ),
        12,
    )
    img = Image.alpha_composite(img, shadow)
    d = ImageDraw.Draw(img)
    d.rounded_rectangle(win, radius=22 * s, fill=(255, 255, 255))
    # title bar
    d.rounded_rectangle((win[0], win[1], win[2], win[1] + 64 * s), radius=22 * s, fill="#1f2937")
    d.rectangle((win[0], win[1] + 40 * s, win[2], win[1] + 64 * s), fill="#1f2937")
    for i, c in enumerate(["#f87171", "#fbbf24", "#34d399"]):
        cx = win[0] + (30 + 26 * i) * s
        cy = win[1] + 32 * s
        d.ellipse((cx - 8 * s, cy - 8 * s, cx + 8 * s, cy + 8 * s), fill=c)
    # hub "logo": a smiling circle
    lx, ly = win[0] + 130 * s, win[1] + 32 * s
    d.ellipse((lx - 17 * s, ly - 17 * s, lx + 17 * s, ly + 17 * s), fill="#fbbf24")
    d.ellipse((lx - 8 * s, ly - 6 * s, lx - 3 * s, ly - 1 * s), fill="#1f2937")
    d.ellipse((lx + 3 * s, ly - 6 * s, lx + 8 * s, ly - 1 * s), fill="#1f2937")
    d.arc((lx - 9 * s, ly - 6 * s, lx + 9 * s, ly + 10 * s), 20, 160, fill="#1f2937", width=3 * s)
    d.text((lx + 28 * s, ly - 15 * s), "Model Hub", font=font(24), fill="white")
    # search box
    d.rounded_rectangle(
        (win[0] + 340 * s, win[1] + 14 * s, win[2] - 190 * s, win[1] + 50 * s),
        radius=18 * s,
        fill="#374151",
    )
    d.text(
        (win[0] + 366 * s, win[1] + 20 * s),
        "Search models, datasets...",
        font=font(18),
        fill="#9ca3af",
    )
    for i, label in enumerate(["Models", "Datasets"]):
        d.text((win[2] - (170 - 82 * i) * s, win[1] + 20 * s), label, font=font(17), fill="white")

    # sidebar with filter chips
    side = (win[0], win[1] + 64 * s, win[0] + 250 * s, win[3])
    d.rounded_rectangle(side, radius=22 * s, fill="#f9fafb", corners=(False, False, False, True))
    d.line((side[2], side[1], side[2], side[3]), fill="#e5e7eb", width=2 * s)
    d.text((side[0] + 28 * s, side[1] + 26 * s), "Tasks", font=font(20), fill="#111827")
    chips = [
        ("Text generation", "#fde68a"),
        ("Translation", "#bfdbfe"),
        ("Summarisation", "#bbf7d0"),
        ("Image to text", "#fbcfe8"),
        ("Speech", "#ddd6fe"),
        ("Embeddings", "#fed7aa"),
    ]
    for i, (label, color) in enumerate(chips):
        y = side[1] + (66 + 44 * i) * s
        d.rounded_rectangle(
            (side[0] + 24 * s, y, side[0] + 224 * s, y + 32 * s), radius=16 * s, fill=color
        )
        d.text((side[0] + 40 * s, y + 5 * s), label, font=font(16), fill="#1f2937")
    d.text((side[0] + 28 * s, side[1] + 346 * s), "Licences", font=font(20), fill="#111827")
    for i, label in enumerate(["apache-2.0", "mit", "open-rail"]):
        y = side[1] + (384 + 34 * i) * s
        d.rounded_rectangle(
            (side[0] + 28 * s, y + 3 * s, side[0] + 46 * s, y + 21 * s),
            radius=4 * s,
            outline="#6b7280",
            width=2 * s,
            fill="#fbbf24" if i == 0 else "white",
        )
        d.text((side[0] + 58 * s, y), label, font=font(16), fill="#374151")

    # model cards
    names = [
        "open-lm/7b-instruct",
        "community/tiny-chat",
        "lab/code-helper-3b",
        "uni-nlp/translate-x",
        "ai4all/summarise-base",
        "collective/vision-text",
    ]
    accents = ["#f59e0b", "#3b82f6", "#10b981", "#ec4899", "#8b5cf6", "#ef4444"]
    gx0, gy0 = side[2] + 30 * s, side[1] + 28 * s
    card_w, card_h, gap = 264 * s, 160 * s, 22 * s
    for i, (name, color) in enumerate(zip(names, accents, strict=True)):
        cx = gx0 + (i % 3) * (card_w + gap)
        cy = gy0 + (i // 3) * (card_h + gap)
        d.rounded_rectangle(
            (cx, cy, cx + card_w, cy + card_h),
            radius=14 * s,
            fill="white",
            outline="#e5e7eb",
            width=2 * s,
        )
        d.rounded_rectangle(
            (cx + 18 * s, cy + 18 * s, cx + 52 * s, cy + 52 * s), radius=8 * s, fill=color
        )
        d.text((cx + 64 * s, cy + 22 * s), name, font=font(16), fill="#111827")
        d.text((cx + 64 * s, cy + 44 * s), "updated 2 days ago", font=font(12), fill="#6b7280")
        # downloads sparkline
        pts = []
        val = rng.uniform(0.2, 0.5)
        for k in range(12):
            val = min(0.8, max(0.05, val + rng.uniform(-0.12, 0.16)))
            pts.append((cx + (20 + k * 20) * s, cy + (140 - 60 * val) * s))
        d.line(pts, fill=color, width=3 * s, joint="curve")
        download_icon(d, cx + 26 * s, cy + 80 * s, "#6b7280")
        d.text(
            (cx + 38 * s, cy + 70 * s), f"{rng.randint(12, 980)}k", font=font(14), fill="#374151"
        )
        heart_icon(d, cx + 136 * s, cy + 80 * s, "#ef4444")
        d.text(
            (cx + 148 * s, cy + 70 * s), f"{rng.randint(40, 4200)}", font=font(14), fill="#374151"
        )

    # a trending bar along the bottom
    by = gy0 + 2 * (card_h + gap) + 6 * s
    d.text((gx0, by), "Trending this week", font=font(18), fill="#111827")
    bars_x = gx0
    for i in range(28):
        bh = rng.randint(14, 70) * s
        x = bars_x + i * 29 * s
        d.rounded_rectangle(
            (x, by + 110 * s - bh, x + 19 * s, by + 110 * s),
            radius=5 * s,
            fill=accents[i % len(accents)],
        )
    return save(img, "hugging-face-platform.png", (1200, 675))


def licences() -> Path:
    """Stacked licence documents with check and cross marks; teal palette."""
    page_fills = [(209, 230, 226, 255), (230, 242, 239, 255), (250, 252, 250, 255)]
    rng = random.Random(91801)
    w, h = 1600 * SS, 900 * SS
    s = SS
    img = gradient(w, h, ["#053b3f", "#0e7470", "#022c2e", "#0b5d5a"]).convert("RGBA")

    def pages(canvas: Image.Image) -> None:
        for k, (px, py, ang) in enumerate([(830, 170, -9), (990, 120, 3), (1130, 170, 10)]):
            page = Image.new("RGBA", (360 * s, 470 * s), (0, 0, 0, 0))
            pd = ImageDraw.Draw(page)
            pd.rounded_rectangle((0, 0, 360 * s, 470 * s), radius=18 * s, fill=page_fills[k])
            pd.text(
                (30 * s, 28 * s),
                ["MIT", "APACHE-2.0", "MODEL LICENCE"][k],
                font=font(26),
                fill="#0f766e",
            )
            for li in range(12):
                lw = rng.randint(170, 300)
                pd.rounded_rectangle(
                    (30 * s, (86 + 28 * li) * s, (30 + lw) * s, (96 + 28 * li) * s),
                    radius=5 * s,
                    fill="#cbd5e1",
                )
            if k == 2:
                for j, ok in enumerate([True, True, False]):
                    y = (86 + 28 * (4 + 3 * j)) * s
                    cx = 320 * s
                    if ok:
                        pd.line(
                            [
                                (cx - 14 * s, y + 4 * s),
                                (cx - 4 * s, y + 14 * s),
                                (cx + 14 * s, y - 8 * s),
                            ],
                            fill="#10b981",
                            width=6 * s,
                        )
                    else:
                        pd.line(
                            [(cx - 12 * s, y - 8 * s), (cx + 12 * s, y + 14 * s)],
                            fill="#ef4444",
                            width=6 * s,
                        )
                        pd.line(
                            [(cx + 12 * s, y - 8 * s), (cx - 12 * s, y + 14 * s)],
                            fill="#ef4444",
                            width=6 * s,
                        )
            rot = page.rotate(ang, resample=Image.Resampling.BICUBIC, expand=True)
            canvas.paste(rot, (px * s, py * s), rot)

    shadow = glow_layer(
        img.size,
        lambda g: g.rounded_rectangle(
            (930 * s, 190 * s, 1520 * s, 720 * s), radius=40 * s, fill=(0, 0, 0, 120)
        ),
        30,
    )
    img = Image.alpha_composite(img, shadow)
    layer = Image.new("RGBA", img.size, (0, 0, 0, 0))
    pages(layer)
    img = Image.alpha_composite(img, layer)
    img = title_block(
        img, "Read the Licence\nBefore You Ship", "model licensing", "#5eead4", size=70
    )
    return save(img, "model-licences.png", (1600, 900))


def local_llm() -> Path:
    """A laptop with a terminal streaming tokens; warm sunset palette."""
    rng = random.Random(20241022)
    w, h = 1600 * SS, 900 * SS
    s = SS
    img = gradient(w, h, ["#3b0d0c", "#9a3412", "#1c0a0a", "#c2410c"]).convert("RGBA")

    def sun(d: ImageDraw.ImageDraw) -> None:
        d.ellipse((1000 * s, 60 * s, 1540 * s, 600 * s), fill=(253, 186, 116, 70))

    img = Image.alpha_composite(img, glow_layer(img.size, sun, 60))
    d = ImageDraw.Draw(img)
    # laptop screen
    sx0, sy0, sx1, sy1 = 760 * s, 150 * s, 1420 * s, 560 * s
    d.rounded_rectangle(
        (sx0 - 18 * s, sy0 - 18 * s, sx1 + 18 * s, sy1 + 18 * s), radius=24 * s, fill="#27272a"
    )
    d.rectangle((sx0, sy0, sx1, sy1), fill="#0c0a09")
    # base
    d.polygon(
        [
            (sx0 - 90 * s, sy1 + 40 * s),
            (sx1 + 90 * s, sy1 + 40 * s),
            (sx1 + 18 * s, sy1 + 18 * s),
            (sx0 - 18 * s, sy1 + 18 * s),
        ],
        fill="#3f3f46",
    )
    d.rounded_rectangle(
        (sx0 - 90 * s, sy1 + 38 * s, sx1 + 90 * s, sy1 + 54 * s), radius=8 * s, fill="#52525b"
    )
    mono = font(19)
    lines = [
        ("$ ", "#fb923c", "llm run tiny-chat-q4 --ctx 4096"),
        ("", "#a8a29e", "loading 3.8 GB ... ok (cpu + 1 gpu layer)"),
        ("> ", "#fb923c", "Explain quantisation in one line."),
        ("", "#fde68a", "Storing weights in fewer bits so the model"),
        ("", "#fde68a", "fits in memory and runs faster, at a small"),
        ("", "#fde68a", "cost in accuracy."),
        ("", "#a8a29e", "42 tokens, 18.6 tok/s"),
        ("> ", "#fb923c", ""),
    ]
    for i, (prompt, color, text) in enumerate(lines):
        y = sy0 + (26 + 40 * i) * s
        d.text((sx0 + 28 * s, y), prompt, font=mono, fill="#fb923c")
        d.text((sx0 + 56 * s, y), text, font=mono, fill=color)
    d.rectangle((sx0 + 58 * s, sy0 + 310 * s, sx0 + 72 * s, sy0 + 334 * s), fill="#fde68a")

    # drifting tokens
    def tokens(g: ImageDraw.ImageDraw) -> None:
        for _ in range(40):
            x, y = rng.uniform(40, 700) * s, rng.uniform(60, 520) * s
            r = rng.uniform(4, 14) * s
            g.rounded_rectangle(
                (x, y, x + 3 * r, y + r * 1.4),
                radius=r / 2,
                fill=(254, 215, 170, rng.randint(30, 110)),
            )

    img = overlay(img, tokens)
    img = title_block(img, "Your First Local LLM", "tutorial", "#fdba74", size=72)
    return save(img, "local-llm.png", (1600, 900))


def datasets() -> Path:
    """A mosaic of data tiles flowing into a stack; green palette."""
    rng = random.Random(5121)
    w, h = 1600 * SS, 900 * SS
    s = SS
    img = gradient(w, h, ["#052e16", "#14532d", "#022c22", "#166534"]).convert("RGBA")
    greens = ["#86efac", "#4ade80", "#22c55e", "#bbf7d0", "#a3e635", "#fde047"]

    def tiles(d: ImageDraw.ImageDraw) -> None:
        cell = 46 * s
        for gx in range(22, 34):
            for gy in range(1, 16):
                if rng.random() < 0.72:
                    x, y = gx * cell, gy * cell
                    d.rounded_rectangle(
                        (x + 4 * s, y + 4 * s, x + cell - 4 * s, y + cell - 4 * s),
                        radius=7 * s,
                        fill=rgba(rng.choice(greens), rng.randint(60, 230)),
                    )

    img = overlay(img, tiles)

    # a database cylinder stack
    def stack(d: ImageDraw.ImageDraw) -> None:
        cx, top = 760 * s, 130 * s
        rx, ry, seg = 140 * s, 40 * s, 100 * s
        for k in range(3):
            y = top + k * seg
            d.rectangle((cx - rx, y, cx + rx, y + seg), fill=(21, 128, 61, 255))
            d.ellipse((cx - rx, y + seg - ry, cx + rx, y + seg + ry), fill=(21, 128, 61, 255))
            d.ellipse((cx - rx, y - ry, cx + rx, y + ry), fill=(74, 222, 128, 255))
            d.arc(
                (cx - rx, y + seg - ry, cx + rx, y + seg + ry),
                0,
                180,
                fill=(187, 247, 208, 255),
                width=3 * s,
            )

    img = overlay(img, stack)
    img = title_block(img, "Where Training\nData Comes From", "open datasets", "#bef264", size=70)
    return save(img, "open-datasets.png", (1600, 900))


def open_weights() -> Path:
    """An open padlock inside concentric rings; indigo palette."""
    w, h = 1600 * SS, 900 * SS
    s = SS
    img = gradient(w, h, ["#1e1b4b", "#312e81", "#0f0c29", "#4338ca"]).convert("RGBA")
    cx, cy = 1170 * s, 430 * s

    def rings(d: ImageDraw.ImageDraw) -> None:
        for k in range(9, 0, -1):
            r = k * 48 * s
            d.ellipse(
                (cx - r, cy - r, cx + r, cy + r),
                outline=(165, 180, 252, 30 + 12 * (9 - k)),
                width=3 * s,
            )

    img = overlay(img, rings)
    img = Image.alpha_composite(
        img,
        glow_layer(
            img.size,
            lambda g: g.ellipse(
                (cx - 170 * s, cy - 170 * s, cx + 170 * s, cy + 170 * s), fill=(129, 140, 248, 160)
            ),
            40,
        ),
    )
    d = ImageDraw.Draw(img)
    # padlock body and open shackle
    d.arc(
        (cx - 85 * s, cy - 250 * s, cx + 85 * s, cy - 60 * s),
        180,
        360,
        fill="#e0e7ff",
        width=30 * s,
    )
    d.line(
        (cx - 85 * s + 15 * s, cy - 155 * s, cx - 85 * s + 15 * s, cy - 120 * s),
        fill="#e0e7ff",
        width=30 * s,
    )
    d.rounded_rectangle(
        (cx - 130 * s, cy - 70 * s, cx + 130 * s, cy + 140 * s), radius=28 * s, fill="#c7d2fe"
    )
    d.ellipse((cx - 22 * s, cy - 5 * s, cx + 22 * s, cy + 39 * s), fill="#312e81")
    d.rectangle((cx - 9 * s, cy + 25 * s, cx + 9 * s, cy + 85 * s), fill="#312e81")
    # bits around the ring
    rng = random.Random(128)
    for k in range(36):
        a = 2 * math.pi * k / 36
        r = rng.choice([300, 340, 380]) * s
        x, y = cx + r * math.cos(a), cy + r * math.sin(a)
        d.text((x, y), rng.choice("01"), font=font(22), fill="#a5b4fc", anchor="mm")
    img = title_block(
        img, "What \u201cOpen Weights\u201d\nReally Means", "open source", "#a5b4fc", size=70
    )
    return save(img, "open-weights.png", (1600, 900))


def misinformation() -> Path:
    """Speech bubbles, some flagged as synthetic under a magnifier; crimson palette."""
    rng = random.Random(4090)
    w, h = 1600 * SS, 900 * SS
    s = SS
    img = gradient(w, h, ["#2a0a18", "#831843", "#18050e", "#9f1239"]).convert("RGBA")
    bubbles = []
    for row in range(6):
        for col in range(2):
            if rng.random() < 0.2:
                continue
            bw, bh = rng.randint(200, 300) * s, rng.randint(72, 96) * s
            x = (780 + 360 * col + 60 * (row % 2) + rng.randint(-20, 20)) * s
            y = (40 + 140 * row + rng.randint(-10, 10)) * s
            bubbles.append((x, y, bw, bh, rng.random() < 0.35))

    def draw_bubbles(d: ImageDraw.ImageDraw) -> None:
        for x, y, bw, bh, fake in bubbles:
            fill = (254, 205, 211, 200) if not fake else (251, 113, 133, 230)
            d.rounded_rectangle((x, y, x + bw, y + bh), radius=20 * s, fill=fill)
            d.polygon(
                [(x + 26 * s, y + bh), (x + 50 * s, y + bh), (x + 20 * s, y + bh + 24 * s)],
                fill=fill,
            )
            for li in range(2):
                d.rounded_rectangle(
                    (
                        x + 20 * s,
                        y + (20 + 28 * li) * s,
                        x + bw - (30 + 40 * li) * s,
                        y + (32 + 28 * li) * s,
                    ),
                    radius=6 * s,
                    fill=(136, 19, 55, 150),
                )
            if fake:
                d.ellipse(
                    (x + bw - 36 * s, y - 14 * s, x + bw + 14 * s, y + 36 * s), fill="#fde047"
                )
                d.text(
                    (x + bw - 11 * s, y + 11 * s), "!", font=font(30), fill="#7f1d1d", anchor="mm"
                )

    img = overlay(img, draw_bubbles)
    # magnifying glass
    mx, my, mr = 1030 * s, 400 * s, 150 * s
    img = overlay(
        img, lambda d: d.ellipse((mx - mr, my - mr, mx + mr, my + mr), fill=(255, 255, 255, 50))
    )
    d = ImageDraw.Draw(img)
    d.ellipse((mx - mr, my - mr, mx + mr, my + mr), outline="#fff1f2", width=16 * s)
    d.line(
        (mx + 0.72 * mr, my + 0.72 * mr, mx + 1.6 * mr, my + 1.6 * mr), fill="#fff1f2", width=34 * s
    )
    img = title_block(img, "Spotting Synthetic\nMisinformation", "ai safety", "#fda4af", size=70)
    return save(img, "misinformation.png", (1600, 900))


def community() -> Path:
    """People as nodes around a globe, linked across continents; bright multi-colour."""
    rng = random.Random(514)
    w, h = 1600 * SS, 900 * SS
    s = SS
    img = gradient(w, h, ["#0c4a6e", "#075985", "#082f49", "#0e7490"]).convert("RGBA")
    cx, cy, R = 1150 * s, 430 * s, 270 * s

    def globe(d: ImageDraw.ImageDraw) -> None:
        d.ellipse(
            (cx - R, cy - R, cx + R, cy + R),
            fill=(14, 165, 233, 70),
            outline=(186, 230, 253, 160),
            width=3 * s,
        )
        for k in range(1, 6):
            rx = R * math.cos(math.pi * k / 12)
            d.ellipse((cx - rx, cy - R, cx + rx, cy + R), outline=(186, 230, 253, 70), width=2 * s)
        for k in range(-2, 3):
            y = cy + R * k / 3
            half = math.sqrt(max(0.0, R * R - (y - cy) ** 2))
            d.line((cx - half, y, cx + half, y), fill=(186, 230, 253, 70), width=2 * s)

    img = overlay(img, globe)
    colors = ["#f472b6", "#facc15", "#4ade80", "#fb923c", "#a78bfa", "#f87171", "#38bdf8"]
    people = []
    for k in range(16):
        a = 2 * math.pi * k / 16 + rng.uniform(-0.1, 0.1)
        r = R + rng.uniform(70, 140) * s
        people.append((cx + r * math.cos(a), cy + r * math.sin(a) * 0.92, rng.choice(colors)))

    def links(d: ImageDraw.ImageDraw) -> None:
        for i, (x, y, c) in enumerate(people):
            for j in (i + 3, i + 7):
                x2, y2, _ = people[j % len(people)]
                d.line((x, y, x2, y2), fill=rgba(c, 70), width=2 * s)

    img = overlay(img, links)

    def persons(d: ImageDraw.ImageDraw) -> None:
        for x, y, c in people:
            d.ellipse((x - 14 * s, y - 34 * s, x + 14 * s, y - 6 * s), fill=c)
            d.pieslice((x - 26 * s, y - 2 * s, x + 26 * s, y + 50 * s), 180, 360, fill=c)

    img = Image.alpha_composite(img, glow_layer(img.size, persons, 10))
    img = overlay(img, persons)
    img = title_block(img, "How Open Model\nCommunities Work", "community", "#fde047", size=70)
    return save(img, "community.png", (1600, 900))


def evaluation() -> Path:
    """A benchmark scoreboard with error bars; slate and cyan."""
    rng = random.Random(618)
    w, h = 1600 * SS, 900 * SS
    s = SS
    img = gradient(w, h, ["#0f172a", "#1e293b", "#020617", "#164e63"]).convert("RGBA")
    d = ImageDraw.Draw(img)
    x0, y0, x1, y1 = 820 * s, 120 * s, 1500 * s, 640 * s

    def grid(g: ImageDraw.ImageDraw) -> None:
        for k in range(6):
            y = y1 - (y1 - y0) * k / 5
            g.line((x0, y, x1, y), fill=(148, 163, 184, 60), width=2 * s)

    img = overlay(img, grid)
    d = ImageDraw.Draw(img)
    colors = ["#22d3ee", "#67e8f9", "#06b6d4", "#a5f3fc", "#0891b2", "#f472b6"]
    n = 6
    bw = (x1 - x0) / (n * 1.6)
    for i in range(n):
        val = rng.uniform(0.35, 0.9)
        err = rng.uniform(0.04, 0.12)
        bx = x0 + (i + 0.3) * (x1 - x0) / n
        top = y1 - (y1 - y0) * val
        d.rounded_rectangle((bx, top, bx + bw, y1), radius=10 * s, fill=colors[i])
        ex = bx + bw / 2
        et, eb = top - (y1 - y0) * err, top + (y1 - y0) * err
        d.line((ex, et, ex, eb), fill="#f8fafc", width=4 * s)
        d.line((ex - 14 * s, et, ex + 14 * s, et), fill="#f8fafc", width=4 * s)
        d.line((ex - 14 * s, eb, ex + 14 * s, eb), fill="#f8fafc", width=4 * s)
    d.line((x0, y1, x1, y1), fill="#e2e8f0", width=3 * s)
    d.text(
        (x0, y1 + 20 * s),
        "score \u00b1 spread over 5 prompt variants",
        font=font(22),
        fill="#94a3b8",
    )
    img = title_block(img, "Evaluating Small\nModels Honestly", "tutorial", "#67e8f9", size=70)
    return save(img, "evaluation.png", (1600, 900))


def lora_draft() -> Path:
    """W = A x B: a big matrix approximated by two thin ones; violet palette."""
    rng = random.Random(16)
    w, h = 1600 * SS, 900 * SS
    s = SS
    img = gradient(w, h, ["#2e1065", "#581c87", "#1e0b3a", "#7e22ce"]).convert("RGBA")

    def matrix(d: ImageDraw.ImageDraw, x: int, y: int, cols: int, rows: int, hue: str) -> None:
        c = 26 * s
        for i in range(cols):
            for j in range(rows):
                d.rectangle(
                    (x + i * c, y + j * c, x + (i + 1) * c - 3 * s, y + (j + 1) * c - 3 * s),
                    fill=rgba(hue, rng.randint(70, 240)),
                )

    def draw(d: ImageDraw.ImageDraw) -> None:
        matrix(d, 700 * s, 200 * s, 12, 12, "#e9d5ff")
        matrix(d, 1110 * s, 200 * s, 2, 12, "#f0abfc")
        matrix(d, 1240 * s, 200 * s, 12, 2, "#c4b5fd")

    img = overlay(img, draw)
    d = ImageDraw.Draw(img)
    # "approximately equal" and "times", drawn (the bundled font lacks these glyphs)
    for dy in (-9, 9):
        pts = [(1040 + k * 2, 356 + dy + 6 * math.sin(k * 2 * math.pi / 24)) for k in range(25)]
        d.line([(x * s, y * s) for x, y in pts], fill="white", width=5 * s, joint="curve")
    for a, b in (((1188, 218), (1212, 242)), ((1212, 218), (1188, 242))):
        d.line((a[0] * s, a[1] * s, b[0] * s, b[1] * s), fill="white", width=5 * s)
    img = title_block(
        img, "Fine-Tuning with\nLoRA Adapters", "draft \u00b7 tutorial", "#f0abfc", size=70
    )
    return save(img, "lora-draft.png", (1600, 900))


def main() -> None:
    makers = [
        llm_featured,
        hub_dashboard,
        licences,
        local_llm,
        datasets,
        open_weights,
        misinformation,
        community,
        evaluation,
        lora_draft,
    ]
    total = 0
    for make in makers:
        path = make()
        size = path.stat().st_size
        total += size
        with Image.open(path) as im:
            print(f"{path.name:28} {im.width}x{im.height}  {size / 1024:6.1f} KB")
    print(f"{'total':28} {'':9}  {total / 1024:6.1f} KB")


if __name__ == "__main__":
    main()
