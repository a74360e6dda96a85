"""Drawing one share card with Pillow, in a worker process: every input is in the `CardJob`.

Imported only when a build draws cards.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable

from PIL import Image, ImageDraw, ImageFont, features

from mkdocs_llmblog.cache.files import write_whole
from mkdocs_llmblog.cards.jobs import CardImage, CardJob
from mkdocs_llmblog.cards.template import CardTemplate, Colour
from mkdocs_llmblog.cards.text import direction_of, wrap
from mkdocs_llmblog.images.copies import ImageProblem
from mkdocs_llmblog.images.pillow import crop_around, decode

CARD_SIZE = (1200, 630)
PADDING = 64
SIDE_IMAGE_WIDTH = 480
LOGO_HEIGHT = 56
LOGO_MAX_WIDTH = 240
AVATAR_SIZE = 56
MAX_AVATARS = 4
TITLE_SIZES = (68, 60, 52, 46)
TEXT_SIZE = 28
SITE_NAME_SIZE = 30
SUPERSAMPLING = 4
"""Round avatar masks are drawn this many times larger, then reduced: smooth edges."""

AnyFont = ImageFont.FreeTypeFont | ImageFont.ImageFont | ImageFont.TransposedFont


def draw_card(job: CardJob) -> dict[str, str]:
    """Draw the card and write it whole as a PNG; return its SHA-256 by its path.

    Raises:
        ImageProblem: an image it shows cannot be decoded, or the card cannot be written.
    """
    try:
        card = render_card(job)
    except ImageProblem as problem:
        raise ImageProblem(f"could not be drawn: an image it shows {problem}") from None
    except Exception as error:  # FreeType and Pillow raise many types for a damaged font
        raise ImageProblem(f"could not be drawn ({type(error).__name__}: {error})") from None
    buffer = io.BytesIO()
    card.save(buffer, format="PNG", optimize=True)
    data = buffer.getvalue()
    try:
        with write_whole(job.target_path, read_only=True) as stream:
            stream.write(data)
    except OSError as error:
        raise ImageProblem(f"could not be written to the cache ({error})") from None
    return {job.target_path: hashlib.sha256(data).hexdigest()}


def render_card(job: CardJob) -> Image.Image:
    """The card as an RGB image of `CARD_SIZE`."""
    template = job.template
    width, height = CARD_SIZE
    card = Image.new("RGBA", CARD_SIZE, template.background)
    left, right = PADDING, width - PADDING
    if job.image is not None:
        source, _profile = decode(job.image.abs_path, job.max_pixels)
        source = source.convert("RGBA")
        if template.layout == "fill":
            card.alpha_composite(crop_around(source, CARD_SIZE, job.image.focal_point))
            veil = (*template.background[:3], round(255 * template.overlay_opacity))
            card.alpha_composite(Image.new("RGBA", CARD_SIZE, veil))
        else:
            side = crop_around(source, (SIDE_IMAGE_WIDTH, height), job.image.focal_point)
            if template.image_side == "left":
                card.alpha_composite(side, (0, 0))
                left = SIDE_IMAGE_WIDTH + PADDING
            else:
                card.alpha_composite(side, (width - SIDE_IMAGE_WIDTH, 0))
                right = width - SIDE_IMAGE_WIDTH - PADDING
    direction = direction_of(job.title)
    painter = _Painter(card, left, right, direction, _font_loader())
    painter.accent_bar(template.accent)
    top = painter.header(job, template)
    painter.title(job, template, top, height - PADDING - AVATAR_SIZE - 32)
    painter.footer(job, template, height - PADDING - AVATAR_SIZE)
    return card.convert("RGB")


def _font_loader() -> Callable[[str | None, int], AnyFont]:
    engine = ImageFont.Layout.RAQM if features.check("raqm") else ImageFont.Layout.BASIC

    def load(path: str | None, size: int) -> AnyFont:
        if path is None:
            return ImageFont.load_default(size=size)
        return ImageFont.truetype(path, size, layout_engine=engine)

    return load


class _Painter:
    """Draws rows of text and pictures between `left` and `right`, from the side the title's
    direction starts on."""

    def __init__(
        self,
        card: Image.Image,
        left: int,
        right: int,
        direction: str,
        load: Callable[[str | None, int], AnyFont],
    ) -> None:
        self.card = card
        self.draw = ImageDraw.Draw(card)
        self.left = left
        self.right = right
        self.rtl = direction == "rtl"
        self.load = load

    def _x(self, offset: int, item_width: int) -> int:
        """Where an item `offset` pixels into its row starts, from the row's own side."""
        return self.right - offset - item_width if self.rtl else self.left + offset

    def _text(
        self, x: int, y: int, text: str, font: AnyFont, fill: Colour, direction: str | None = None
    ) -> None:
        """Draw `text` (in `direction`, else its own) with its top left at (x, y)."""
        options: dict[str, str] = {}
        if _shapes(font):
            options["direction"] = direction or direction_of(text)
        self.draw.text((x, y), text, font=font, fill=fill, **options)  # type: ignore[arg-type]

    def _length(self, text: str, font: AnyFont, direction: str | None = None) -> float:
        if _shapes(font):
            return float(font.getlength(text, direction=direction or direction_of(text)))
        return float(font.getlength(text))

    def accent_bar(self, accent: Colour) -> None:
        """A strip along the top of the part of the card the texts are on."""
        self.draw.rectangle((self.left - PADDING, 0, self.right + PADDING - 1, 11), fill=accent)

    def header(self, job: CardJob, template: CardTemplate) -> int:
        """The logo and the site's name; returns where the title may start."""
        offset = 0
        top = PADDING
        if job.logo is not None:
            logo, _profile = decode(job.logo.abs_path, job.max_pixels)
            logo = logo.convert("RGBA")
            logo.thumbnail((LOGO_MAX_WIDTH, LOGO_HEIGHT), Image.Resampling.LANCZOS)
            y = top + (LOGO_HEIGHT - logo.height) // 2
            self.card.alpha_composite(logo, (self._x(0, logo.width), y))
            offset = logo.width + 20
        font = self.load(job.text_font, SITE_NAME_SIZE)
        name = self._fitting(job.site_name, font, self.right - self.left - offset)
        width = round(self._length(name, font))
        y = top + (LOGO_HEIGHT - SITE_NAME_SIZE) // 2 - 4
        self._text(self._x(offset, width), y, name, font, template.accent)
        return top + LOGO_HEIGHT + 36

    def title(self, job: CardJob, template: CardTemplate, top: int, bottom: int) -> None:
        """The title in the largest size it fits in (in lines and height), else the smallest,
        cut with an ellipsis. Every line runs in the title's direction."""
        room = self.right - self.left
        direction = "rtl" if self.rtl else "ltr"
        lines: list[str] = []
        font: AnyFont | None = None
        size = TITLE_SIZES[-1]
        for size in TITLE_SIZES:
            font = self.load(job.title_font, size)

            def measure(text: str, font: AnyFont = font) -> float:
                return self._length(text, font, direction)

            lines, cut = wrap(job.title, room, measure, template.title_lines)
            if not cut and len(lines) * round(size * 1.22) <= bottom - top:
                break
        assert font is not None
        line_height = round(size * 1.22)
        for number, line in enumerate(lines):
            width = round(self._length(line, font, direction))
            y = top + number * line_height
            self._text(self._x(0, width), y, line, font, template.text, direction)

    def footer(self, job: CardJob, template: CardTemplate, top: int) -> None:
        """The authors' round avatars, then their names and the date."""
        offset = 0
        for avatar in job.avatars[:MAX_AVATARS]:
            picture = _round(avatar, job.max_pixels)
            self.card.alpha_composite(picture, (self._x(offset, AVATAR_SIZE), top))
            offset += AVATAR_SIZE + 10
        if offset:
            offset += 10
        font = self.load(job.text_font, TEXT_SIZE)
        byline = self._fitting(job.byline, font, self.right - self.left - offset)
        width = round(self._length(byline, font))
        faded = (*template.text[:3], round(template.text[3] * 0.85))
        y = top + (AVATAR_SIZE - TEXT_SIZE) // 2 - 2
        self._text(self._x(offset, width), y, byline, font, faded)

    def _fitting(self, text: str, font: AnyFont, room: int) -> str:
        lines, _cut = wrap(text, room, lambda part: self._length(part, font), 1)
        return lines[0] if lines else ""


def _shapes(font: AnyFont) -> bool:
    """Whether the font is laid out by libraqm, which shapes scripts and takes a direction."""
    return getattr(font, "layout_engine", None) == ImageFont.Layout.RAQM


def _round(avatar: CardImage, max_pixels: int) -> Image.Image:
    """The avatar as a circle of `AVATAR_SIZE`, cropped around its focal point."""
    source, _profile = decode(avatar.abs_path, max_pixels)
    square = crop_around(source.convert("RGBA"), (AVATAR_SIZE, AVATAR_SIZE), avatar.focal_point)
    large = AVATAR_SIZE * SUPERSAMPLING
    mask = Image.new("L", (large, large), 0)
    ImageDraw.Draw(mask).ellipse((0, 0, large - 1, large - 1), fill=255)
    mask = mask.resize((AVATAR_SIZE, AVATAR_SIZE), Image.Resampling.LANCZOS)
    alpha = Image.new("L", square.size, 0)
    alpha.paste(square.getchannel("A"), mask=mask)
    square.putalpha(alpha)
    return square
