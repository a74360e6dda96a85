"""Featured images for one build: resolving them, planning their copies, registering the files."""

from __future__ import annotations

import hashlib
import os
import posixpath
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from slugify import slugify

from mkdocs_llmblog.cache.files import remove_abandoned_partials
from mkdocs_llmblog.config import LlmBlogConfig
from mkdocs_llmblog.images.cached_copy import CachedCopy
from mkdocs_llmblog.images.copies import (
    EXTENSIONS,
    MIME_TYPES,
    CopyJob,
    DrawableSource,
    ImageProblem,
    SourceImage,
    SourceJob,
)
from mkdocs_llmblog.images.source_index import CopyIndex, SourceIndex
from mkdocs_llmblog.images.spec import (
    ImageSpecError,
    LocalImage,
    RemoteImage,
    parse_image_spec,
    resolve_image,
)
from mkdocs_llmblog.model import Author, FeaturedImage, ImageCandidate, ImageSpec, Post

if TYPE_CHECKING:
    from mkdocs_llmblog.images.pool import FailedSource, ImageWork, Task

log = get_plugin_logger(__name__)

SITE_IMAGE_DIR = "llmblog/images"
SHARE_SIZE = (1200, 630)
SHARE_QUALITY = 85
AVATAR_SIZES = (24, 48, 64, 128, 256)
"""Square avatar copies, 1x and 2x of each place: bylines (24), author boxes (64), author
pages (128); 256 is also the avatar of metadata (JSON-LD, JSON Feed)."""


@dataclass
class FeaturedImagePlan:
    """The featured images of a build and the copies still to write."""

    images_by_src: dict[str, FeaturedImage] = field(default_factory=dict)
    copies_by_source: dict[str, list[CopyJob]] = field(default_factory=dict)
    """Copies still to write (not in the cache), by source image."""
    users_by_source: dict[str, dict[str, None]] = field(default_factory=dict)
    """Which posts (paths for messages) use each source, to name them when it fails."""
    max_pixels: int = 100_000_000
    copy_index: CopyIndex | None = None
    """The SHA-256 of each cached copy, to tell a sound copy from one edited in the cache."""
    avatars: dict[str, dict[int, str]] = field(default_factory=dict)
    """Square copies of each author's local avatar: author id -> size -> site-relative URL."""
    drawable_by_src: dict[str, DrawableSource] = field(default_factory=dict)
    """Each post's featured image where a share card can show it (a local raster image)."""
    drawable_avatars: dict[str, DrawableSource] = field(default_factory=dict)
    """Each author's avatar where a share card can show it, by author id."""

    @property
    def jobs(self) -> list[SourceJob]:
        return [
            SourceJob(path, tuple(copies), self.max_pixels)
            for path, copies in self.copies_by_source.items()
        ]


@dataclass(frozen=True)
class ImageSettings:
    widths: tuple[int, ...]
    keep_format: bool
    quality: int
    share: bool
    max_pixels: int


class FeaturedImagePlanner:
    """Resolves each post's featured image and plans its copies; one per build."""

    def __init__(
        self, files: Files, config: MkDocsConfig, options: LlmBlogConfig, cache_root: str
    ) -> None:
        """`cache_root` is the plugin's cache folder (`cache.folder.cache_root`)."""
        self.files = files
        self.config = config
        self.docs_dir = config.docs_dir
        self.cache_dir = os.path.join(cache_root, "images")
        if os.path.isdir(cache_root):
            remove_abandoned_partials(cache_root)
        self.settings = ImageSettings(
            widths=tuple(sorted(set(options.image_widths))),
            keep_format=options.image_format == "original",
            quality=options.image_quality,
            share=options.share_image,
            max_pixels=options.max_image_pixels,
        )
        self.from_content = options.image_from_content
        self.default_spec = self._default_spec(options)
        self.sources: dict[str, SourceImage] = {}
        self.known_sources = SourceIndex(
            os.path.join(cache_root, "sources.json"), options.max_image_pixels
        )
        self.copy_index = CopyIndex(os.path.join(cache_root, "copies.json"))
        self.registered: set[str] = set()
        self.plan = FeaturedImagePlan(
            max_pixels=options.max_image_pixels, copy_index=self.copy_index
        )
        self.errors: list[str] = []
        self.warned: set[str] = set()

    def _default_spec(self, options: LlmBlogConfig) -> ImageSpec | None:
        if options.default_image is None:
            return None
        try:
            return parse_image_spec(options.default_image)
        except ImageSpecError as error:
            raise PluginError(
                f"Plugin 'llmblog' option 'default_image' ({error.key}): {error}"
            ) from None

    def plan_avatars(self, authors: Iterable[Author], authors_file: str) -> None:
        """Square copies (`AVATAR_SIZES`, never upscaled) of each author's local avatar.

        SVG and animated avatars are published as they are. A problem with the file is one of
        the errors `plan_posts` raises, naming the authors file and key.
        """
        for author in authors:
            if author.avatar is None or author.avatar.startswith("https://"):
                continue
            where = f"{authors_file}: key 'authors.{author.id}.avatar'"
            target = LocalImage(
                os.path.join(self.docs_dir, *author.avatar.split("/")), author.avatar
            )
            try:
                source = self._inspect(target)
            except ImageProblem as problem:
                self.errors.append(f"{where} {problem}")
                continue
            if source.format != "SVG":
                self.plan.drawable_avatars[author.id] = DrawableSource(
                    source.abs_path, source.content_hash
                )
            if source.passes_through or not source.width or not source.height:
                continue
            side = min(source.width, source.height)
            output_format = self._output_format(source)
            self.plan.avatars[author.id] = {
                size: self._copy(
                    target, source, min(size, side), min(size, side), output_format, where,
                    (0.5, 0.5), f"avatar{size}",
                ).url
                for size in AVATAR_SIZES
            }  # fmt: skip

    def plan_posts(self, posts: list[Post]) -> FeaturedImagePlan:
        """Plan every post's image; raise one error naming every bad one.

        Raises:
            PluginError: naming each post (or option) whose image cannot be used.
        """
        for post in posts:
            image, drawable = self._featured_for(post)
            if image is not None:
                self.plan.images_by_src[post.src_uri] = image
            if drawable is not None:
                self.plan.drawable_by_src[post.src_uri] = drawable
        if self.errors:
            raise PluginError("\n".join(self.errors))
        for index in (self.known_sources, self.copy_index):
            save_index(index)
        return self.plan

    def inspect(self, target: LocalImage) -> SourceImage:
        """What an image file is (from the index of the cache where it is unchanged).

        Raises:
            ImageProblem: it is not an image, or is over `max_image_pixels`.
        """
        return self._inspect(target)

    def _featured_for(self, post: Post) -> tuple[FeaturedImage | None, DrawableSource | None]:
        if post.image is not None:
            return self._try(post.image, post.src_uri, f"{post.path}: front matter key 'image'")
        if self.from_content and post.first_image is not None:
            spec = post.first_image
            try:
                target = resolve_image(spec.location, post.src_uri, self.docs_dir)
                where = f"{post.path}: its first image ({spec.location})"
                image, drawable = self._build(spec, target, where)
                return replace(image, from_content=True), drawable
            except ImageProblem:
                pass  # A broken body image is MkDocs' own link warning; fall back to the default.
        if self.default_spec is not None:
            return self._try(self.default_spec, None, "Plugin 'llmblog' option 'default_image'")
        return None, None

    def _try(
        self, spec: ImageSpec, base_src_uri: str | None, where: str
    ) -> tuple[FeaturedImage | None, DrawableSource | None]:
        try:
            target = resolve_image(spec.location, base_src_uri, self.docs_dir)
            image, drawable = self._build(spec, target, where)
        except ImageProblem as problem:
            self.errors.append(f"{where} {problem}")
            return None, None
        if isinstance(target, LocalImage) and spec.alt is None and where not in self.warned:
            self.warned.add(where)  # The default image would warn once per post.
            log.warning(
                f"{where} has no 'alt' text: screen readers and share previews need one; "
                f"write image: {{path: {spec.location}, alt: What the picture shows}}"
            )
        return image, drawable

    def _build(
        self, spec: ImageSpec, target: LocalImage | RemoteImage, where: str = ""
    ) -> tuple[FeaturedImage, DrawableSource | None]:
        """The featured image, and the image a share card can show (a local raster one)."""
        alt = spec.alt or ""
        caption_html = None
        if spec.caption:
            from mkdocs_llmblog.images.captions import render_inline  # nh3: only when needed

            caption_html = render_inline(spec.caption)
        if isinstance(target, RemoteImage):
            remote = ImageCandidate(target.url, spec.width, spec.height, local=False)
            featured = FeaturedImage(alt, caption_html, remote, (), remote, (), remote, None, None)
            return featured, None  # Never downloaded, so never drawn.
        source = self._inspect(target)
        drawable = None
        if source.format != "SVG":
            drawable = DrawableSource(source.abs_path, source.content_hash, spec.focal_point)
        if source.passes_through:
            featured = self._pass_through(
                target, source, alt, caption_html, where, spec.focal_point
            )
            return featured, drawable
        assert source.width is not None
        assert source.height is not None
        output_format = self._output_format(source)
        largest = min(source.width, self.settings.widths[-1])
        # A width within 10% of the largest copy would be a near-duplicate of it.
        candidate_widths = sorted(
            {w for w in self.settings.widths if w < largest * 0.9} | {largest}
        )
        candidates = tuple(
            self._copy(target, source, width,
                       max(1, round(width * source.height / source.width)), output_format, where)
            for width in candidate_widths
        )  # fmt: skip
        main = max((c for c in candidates if (c.width or 0) <= 1024), key=lambda c: c.width or 0,
                   default=candidates[0])  # fmt: skip
        share = self._share_copy(target, source, spec.focal_point, where)
        featured = FeaturedImage(
            alt=alt,
            caption_html=caption_html,
            main=main,
            srcset=candidates,
            thumb=candidates[0],
            thumb_srcset=candidates[:2],
            share=share,
            mime_type=MIME_TYPES[output_format],
            share_mime_type="image/jpeg" if share else None,
        )
        return featured, drawable

    def _inspect(self, target: LocalImage) -> SourceImage:
        source = self.sources.get(target.abs_path)
        if source is None:
            # The index gives back only sources within `max_image_pixels`.
            source = self.known_sources.look_up(target.abs_path)
            if source is None:
                from mkdocs_llmblog.images.pillow import inspect_image  # Pillow: only when needed

                source = inspect_image(target.abs_path, self.settings.max_pixels)
                self.known_sources.remember(source)
            self.sources[target.abs_path] = source
        return source

    def _pass_through(
        self,
        target: LocalImage,
        source: SourceImage,
        alt: str,
        caption_html: str | None,
        where: str,
        focus: tuple[float, float],
    ) -> FeaturedImage:
        file = self.files.get_file_from_path(target.src_uri)
        if file is None:
            raise ImageProblem(
                f"{target.src_uri!r} is not part of the site (excluded by exclude_docs or "
                "not_in_nav?); include it or choose another image"
            )
        original = ImageCandidate(file.url, source.width, source.height, local=True)
        share = None
        if source.format != "SVG" and source.width and source.height:
            share = self._share_copy(target, source, focus, where)
        return FeaturedImage(
            alt, caption_html, original, (), original, (), share, source.mime_type,
            "image/jpeg" if share else None,
        )  # fmt: skip

    def _output_format(self, source: SourceImage) -> str:
        if not self.settings.keep_format:
            return "WEBP"
        return source.format if source.format in ("JPEG", "PNG", "WEBP", "GIF") else "PNG"

    def _share_copy(
        self, target: LocalImage, source: SourceImage, focus: tuple[float, float], where: str
    ) -> ImageCandidate | None:
        if not self.settings.share or not source.width or not source.height:
            return None
        width, height = SHARE_SIZE
        if source.width < width or source.height < height:
            # Never upscale: the largest 1200:630 crop the source holds.
            width = min(source.width, round(source.height * SHARE_SIZE[0] / SHARE_SIZE[1]))
            width = max(1, width)
            height = max(1, round(width * SHARE_SIZE[1] / SHARE_SIZE[0]))
        return self._copy(target, source, width, height, "JPEG", where, focus, "share")

    def _copy(
        self,
        target: LocalImage,
        source: SourceImage,
        width: int,
        height: int,
        output_format: str,
        where: str,
        focus: tuple[float, float] | None = None,
        label: str | None = None,
    ) -> ImageCandidate:
        quality = SHARE_QUALITY if label == "share" else self.settings.quality
        recipe = f"{source.content_hash}|{output_format}|{quality}|{width}x{height}|{focus}"
        key = hashlib.sha256(recipe.encode()).hexdigest()[:20]
        extension = EXTENSIONS[output_format]
        cache_path = os.path.join(self.cache_dir, key[:2], f"{key}.{extension}")
        stem = slugify(posixpath.splitext(posixpath.basename(target.src_uri))[0])[:40] or "image"
        site_path = f"{SITE_IMAGE_DIR}/{stem}-{label or f'{width}w'}-{key[:10]}.{extension}"
        if site_path not in self.registered:
            self.registered.add(site_path)
            if os.path.lexists(cache_path) and not self.copy_index.is_sound(
                cache_path, output_format
            ):
                self.copy_index.forget(cache_path)  # Edited, replaced or never recorded.
            if not os.path.isfile(cache_path):
                self.plan.copies_by_source.setdefault(source.abs_path, []).append(
                    CopyJob(
                        source.abs_path, cache_path, width, height, output_format, quality, focus
                    )
                )
            self.files.append(CachedCopy.generated(self.config, site_path, abs_src_path=cache_path))
        self.plan.users_by_source.setdefault(source.abs_path, {})[where] = None
        url = self.files.get_file_from_path(site_path).url  # type: ignore[union-attr]
        return ImageCandidate(url, width, height, local=True)


def save_index(index: SourceIndex | CopyIndex) -> None:
    """Write an index of the cache; a cache folder that cannot be written costs only time."""
    try:
        index.save()
    except OSError as error:
        log.warning(
            f"Could not write {index.path} ({error.strerror}); the next build reads every image "
            "again. Check the 'cache_dir' option"
        )


def start_image_work(
    plan: FeaturedImagePlan, workers: int | None, extra: Sequence[Task] = ()
) -> ImageWork | None:
    """Start writing the planned copies, and the `extra` tasks (share cards), in parallel where
    there are many; None if there is nothing to do."""
    if not plan.copies_by_source and not extra:
        return None
    from mkdocs_llmblog.images.pool import ImageWork  # Pillow and process pools: only when needed

    work = ImageWork(plan.jobs, workers, log.info, extra)
    work.start()
    return work


def finish_image_work(plan: FeaturedImagePlan, work: ImageWork) -> list[FailedSource]:
    """Wait for the copies; a copy that failed stops the build naming its posts. Returns the
    `extra` tasks that failed.

    Raises:
        PluginError: a source image could not be decoded (e.g. a truncated file).
    """
    failures = work.finish()
    if plan.copy_index is not None:
        plan.copy_index.record(work.hashes)
        save_index(plan.copy_index)
    messages = []
    for failure in failures:
        if isinstance(failure.job, SourceJob):
            for where in plan.users_by_source.get(failure.job.source_path, {}):
                messages.append(f"{where} {failure.problem}")
    if messages:
        raise PluginError("\n".join(messages))
    return [failure for failure in failures if not isinstance(failure.job, SourceJob)]
