"""What a worker process needs to draw one card; no Pillow needed here."""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs_llmblog.cards.template import CardTemplate


@dataclass(frozen=True)
class CardImage:
    """A local raster image drawn into a card."""

    abs_path: str
    focal_point: tuple[float, float] = (0.5, 0.5)


@dataclass(frozen=True)
class CardJob:
    """One card to draw; everything it shows, so that its hash says when to draw it again."""

    target_path: str
    post_path: str
    """For messages: `docs/blog/posts/hello.md`."""
    title: str
    site_name: str
    byline: str
    """The authors' names and the date, e.g. `Ada Lovelace · May 4, 2024`."""
    image: CardImage | None
    avatars: tuple[CardImage, ...]
    logo: CardImage | None
    template: CardTemplate
    title_font: str | None
    """A font file, or None for Pillow's bundled font."""
    text_font: str | None
    max_pixels: int = 100_000_000
