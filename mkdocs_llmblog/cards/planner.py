"""Which posts get a share card, what each shows, its cache key and its file in the site."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from typing import TYPE_CHECKING

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from slugify import slugify

from mkdocs_llmblog.cards.fonts import (
    CardFont,
    FontProblem,
    bundled_font,
    covers,
    font_file,
    font_with,
    system_font,
)
from mkdocs_llmblog.cards.jobs import CardImage, CardJob
from mkdocs_llmblog.cards.template import CardTemplate, CardTemplateError, read_template
from mkdocs_llmblog.cards.text import (
    drawn_characters,
    is_symbol,
    missing_characters,
    needs_shaping,
    without,
)
from mkdocs_llmblog.config import LlmBlogConfig
from mkdocs_llmblog.i18n.dates import DateFormatter
from mkdocs_llmblog.images.cached_copy import CachedCopy
from mkdocs_llmblog.images.copies import DrawableSource, ImageProblem
from mkdocs_llmblog.images.planner import FeaturedImagePlan, FeaturedImagePlanner
from mkdocs_llmblog.images.spec import LocalImage, resolve_image
from mkdocs_llmblog.model import Blog, ImageCandidate, Post

if TYPE_CHECKING:
    from mkdocs_llmblog.images.pool import Task

log = get_plugin_logger(__name__)

CARD_VERSION = 1
"""Raised when the drawing changes: every card is drawn again."""
SITE_CARD_DIR = "llmblog/cards"
CARD_WIDTH, CARD_HEIGHT = 1200, 630
OPTION = "Plugin 'llmblog' option 'share_card_template'"


def card_key(job: CardJob, fingerprints: Mapping[str, str]) -> str:
    """A hash of everything the card shows: its texts, template and the content of each file
    it draws (`fingerprints`: a content hash or a font's identity, by path), not their paths."""

    def fingerprint(path: str | None) -> str | None:
        return None if path is None else fingerprints[path]

    recipe = {
        "version": CARD_VERSION,
        "title": job.title,
        "site_name": job.site_name,
        "byline": job.byline,
        "template": asdict(job.template),
        "image": None
        if job.image is None
        else [fingerprint(job.image.abs_path), job.image.focal_point],
        "avatars": [fingerprint(avatar.abs_path) for avatar in job.avatars],
        "logo": None if job.logo is None else fingerprint(job.logo.abs_path),
        "title_font": fingerprint(job.title_font) if job.title_font else "bundled",
        "text_font": fingerprint(job.text_font) if job.text_font else "bundled",
        "bundled": fingerprints.get("bundled"),
    }
    text = json.dumps(recipe, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def byline(names: list[str], date: str) -> str:
    """`Ada Lovelace, Alan Turing · May 4, 2024`, or the date alone."""
    return f"{', '.join(names)} \u00b7 {date}" if names else date


def config_folder(config: MkDocsConfig) -> str:
    """The folder of `mkdocs.yml`, which the template's paths are relative to."""
    return os.path.dirname(os.path.abspath(config.config_file_path or "mkdocs.yml"))


def card_template(options: LlmBlogConfig, config_dir: str) -> tuple[CardTemplate, str | None]:
    """The `share_card_template` option read, and the file it names, if any.

    Raises:
        PluginError: naming the option, the file and the key at fault.
    """
    try:
        return read_template(options.share_card_template, config_dir)
    except CardTemplateError as error:
        raise PluginError(f"{OPTION}: {error}") from None


@dataclass
class CardPlan:
    """The cards of a build and the ones still to draw."""

    cards_by_src: dict[str, ImageCandidate] = field(default_factory=dict)
    files_by_site_path: dict[str, File] = field(default_factory=dict)
    users_by_target: dict[str, list[str]] = field(default_factory=dict)
    """The posts (source paths) of each card still to draw, by its path in the cache: two posts
    that show the same share one card."""
    tasks: list[Task] = field(default_factory=list)
    source_files: list[str] = field(default_factory=list)
    """The template's file and font files, outside docs_dir: `mkdocs serve` watches them."""


@dataclass(frozen=True)
class CardFonts:
    title: CardFont
    text: CardFont


class CardPlanner:
    """Plans the share cards of one build (`share_cards` is `missing` or `all`)."""

    def __init__(
        self,
        files: Files,
        config: MkDocsConfig,
        options: LlmBlogConfig,
        cache_root: str,
        images: FeaturedImagePlanner,
    ) -> None:
        self.files = files
        self.config = config
        self.mode = options.share_cards
        self.max_pixels = options.max_image_pixels
        self.cache_dir = os.path.join(cache_root, "cards")
        self.images = images
        self.config_dir = config_folder(config)
        self.template, self.template_file = card_template(options, self.config_dir)
        self.fingerprints: dict[str, str] = {}
        self.logo = self._logo()
        self.fonts = CardFonts(self._font("title_font", "bold"), self._font("text_font", "regular"))
        if self.fonts.title.path is None or self.fonts.text.path is None:
            log.warning(
                "Share cards: no system font was found, so cards use Pillow's bundled font, "
                "which has Latin letters only; set 'title_font' and 'text_font' in "
                "'share_card_template', or install DejaVu fonts (fonts-dejavu-core)"
            )
        self.fallbacks: dict[str, list[CardFont]] = {}
        """System fonts found for texts the template's fonts lack, by weight."""
        self.coverage = {
            "title": covers(self.fonts.title),
            "text": covers(self.fonts.text),
        }

    def _where(self, key: str) -> str:
        file = f"{self.template_file}: " if self.template_file else ""
        return f"{OPTION}: {file}key '{key}'"

    def _logo(self) -> CardImage | None:
        location = self.template.logo
        if location is None:
            return None
        try:
            target = resolve_image(location, None, self.config.docs_dir)
            if not isinstance(target, LocalImage):
                raise ImageProblem("must be a path under docs_dir (logos are never downloaded)")
            source = self.images.inspect(target)
        except ImageProblem as problem:
            raise PluginError(f"{self._where('logo')} {problem}") from None
        if source.format == "SVG":
            raise PluginError(
                f"{self._where('logo')} {location!r} is an SVG file; give a PNG, JPEG or WebP logo"
            )
        self.fingerprints[source.abs_path] = source.content_hash
        return CardImage(source.abs_path)

    def _font(self, key: str, weight: str) -> CardFont:
        written = getattr(self.template, key)
        if written is not None:
            path = os.path.join(self.config_dir, written)
            try:
                font = font_file(path, written)
            except FontProblem as problem:
                raise PluginError(f"{self._where(key)}: {problem}") from None
        else:
            font = system_font(weight) or bundled_font()
        if font.path is not None:
            self.fingerprints[font.path] = font.identity
        else:
            self.fingerprints["bundled"] = font.identity
        return font

    def plan(self, blog: Blog, image_plan: FeaturedImagePlan, dates: DateFormatter) -> CardPlan:
        """Plan a card for each post that gets one; warn for posts whose texts cannot be drawn
        (they keep their featured image's share preview, if any)."""
        written = [self.template_file, self.template.title_font, self.template.text_font]
        plan = CardPlan(source_files=[os.path.join(self.config_dir, p) for p in written if p])
        for post in blog.published:
            if not self._wants_card(post, blog):
                continue
            job = self._job(post, blog, image_plan, dates)
            if job is not None:
                self._register(post, job, plan)
        return plan

    def _wants_card(self, post: Post, blog: Blog) -> bool:
        if not post.share_card:
            return False
        if self.mode == "all":
            return True
        image = blog.images.get(post.src_uri)
        return image is None or image.share is None

    def _job(
        self, post: Post, blog: Blog, image_plan: FeaturedImagePlan, dates: DateFormatter
    ) -> CardJob | None:
        names: list[str] = []
        avatars: list[CardImage] = []
        for name in post.authors:
            author = blog.authors.get(name)
            names.append(author.name if author else name)
            drawable = image_plan.drawable_avatars.get(name)
            if drawable is not None:
                avatars.append(self._drawn(drawable))
        texts = {
            "title": [post.title],
            "text": [self.config.site_name, byline(names, dates.long(post.date))],
        }
        texts = self._without_missing_symbols(post, texts)
        fonts = self._fonts_for(post, texts)
        if fonts is None:
            return None
        featured = image_plan.drawable_by_src.get(post.src_uri)
        return CardJob(
            target_path="",
            post_path=post.path,
            title=texts["title"][0],
            site_name=texts["text"][0],
            byline=texts["text"][1],
            image=self._drawn(featured) if featured else None,
            avatars=tuple(avatars),
            logo=self.logo,
            template=self.template,
            title_font=fonts.title.path,
            text_font=fonts.text.path,
            max_pixels=self.max_pixels,
        )

    def _drawn(self, source: DrawableSource) -> CardImage:
        self.fingerprints[source.abs_path] = source.content_hash
        return CardImage(source.abs_path, source.focal_point)

    def _without_missing_symbols(
        self, post: Post, texts: dict[str, list[str]]
    ) -> dict[str, list[str]]:
        """The texts without the emoji and other symbols their font lacks: decoration, not
        words, which a card is better without than without a card."""
        kept: dict[str, list[str]] = {}
        for group, group_texts in texts.items():
            coverage = self.coverage[group]
            missing = missing_characters(group_texts, coverage.__contains__)
            symbols = [character for character in missing if is_symbol(character)]
            if symbols:
                log.debug(f"{post.path}: its share card leaves out {''.join(symbols)!r}")
            # A text of symbols only keeps them, and is not drawn (the warning says why).
            kept[group] = [without(text, symbols) or text for text in group_texts]
        return kept

    def _fonts_for(self, post: Post, texts: dict[str, list[str]]) -> CardFonts | None:
        """The fonts that have every character of the texts (the template's or the system's,
        else a system font that has them), where shaping is there if their script needs it;
        else None, and a warning naming the post."""
        every_text = [text for group in texts.values() for text in group]
        if any(needs_shaping(text) for text in every_text) and not _pillow_shapes():
            log.warning(
                f"{post.path}: its share card is not drawn: its title or byline is in a script "
                "(Arabic, Hebrew, Indic, ...) that Pillow draws correctly only with libraqm, "
                "which this Pillow lacks; install libraqm (e.g. apt install libraqm0)"
            )
            return None
        chosen = {"title": self.fonts.title, "text": self.fonts.text}
        for group, font in list(chosen.items()):
            coverage = self.coverage[group]
            missing = missing_characters(texts[group], coverage.__contains__)
            if missing:
                weight = "bold" if group == "title" else "regular"
                other = self._fallback(drawn_characters(texts[group]), weight)
                if other is not None:
                    self.fingerprints[str(other.path)] = other.identity
                    chosen[group] = other
                    continue
                shown = "".join(missing[:10])
                key = "title_font" if group == "title" else "text_font"
                where = "its title" if group == "title" else "the site's name or its byline"
                log.warning(
                    f"{post.path}: its share card is not drawn: the font {font.name} has no "
                    f"glyph for {shown!r} in {where}, nor has any system font all of them; "
                    f"set '{key}' in 'share_card_template' to a font that has them (such as "
                    "Noto Sans CJK for Chinese, Japanese or Korean)"
                )
                return None
        return CardFonts(chosen["title"], chosen["text"])

    def _fallback(self, characters: set[str], weight: str) -> CardFont | None:
        """A system font with all of `characters`: one found for an earlier post first, as
        asking fontconfig is a process of its own (a blog in Japanese would start one a post,
        on every build)."""
        for known in self.fallbacks.setdefault(weight, []):
            covered = covers(known)
            if all(ord(character) in covered for character in characters):
                return known
        found = font_with(characters, weight)
        if found is not None:
            self.fallbacks[weight].append(found)
        return found

    def _register(self, post: Post, job: CardJob, plan: CardPlan) -> None:
        key = card_key(job, self.fingerprints)
        cache_path = os.path.join(self.cache_dir, key[:2], f"{key}.png")
        stem = slugify(post.slug)[:40] or "post"
        site_path = f"{SITE_CARD_DIR}/{stem}-{key[:12]}.png"
        copy_index = self.images.copy_index
        if os.path.lexists(cache_path) and not copy_index.is_sound(cache_path, "PNG"):
            copy_index.forget(cache_path)  # Edited, replaced or never recorded.
        file = plan.files_by_site_path.get(site_path)
        if file is None:
            file = CachedCopy.generated(self.config, site_path, abs_src_path=cache_path)
            self.files.append(file)
            plan.files_by_site_path[site_path] = file
        if not os.path.isfile(cache_path):
            users = plan.users_by_target.setdefault(cache_path, [])
            if not users:
                from mkdocs_llmblog.cards.draw import draw_card  # Pillow: only when drawing

                plan.tasks.append((draw_card, replace(job, target_path=cache_path)))
            users.append(post.src_uri)
        plan.cards_by_src[post.src_uri] = ImageCandidate(file.url, CARD_WIDTH, CARD_HEIGHT, True)


def _pillow_shapes() -> bool:
    """Whether this Pillow has libraqm (Pillow is loaded only for a text that needs it)."""
    from PIL import features

    return bool(features.check("raqm"))


def drop_failed_cards(
    plan: CardPlan, failed: list[tuple[str, str]], blog: Blog, files: Files
) -> None:
    """Cards that could not be drawn: a warning naming the post; the post keeps its featured
    image's share preview, if any. `failed` holds each card's cache path and problem."""
    for target, problem in failed:
        for src_uri in plan.users_by_target.get(target, []):
            card = blog.share_cards.pop(src_uri, None)
            post = blog.post_for(src_uri)
            log.warning(f"{post.path if post else src_uri}: its share card {problem}")
            if card is None:
                continue
            for site_path, file in list(plan.files_by_site_path.items()):
                if file.url == card.url:
                    files.remove(file)
                    del plan.files_by_site_path[site_path]
