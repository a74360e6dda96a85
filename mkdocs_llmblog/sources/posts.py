"""Reading one post's source into a `Post`: front matter validated once, into typed values."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from mkdocs.plugins import get_plugin_logger

from mkdocs_llmblog.model import XML_FORBIDDEN_RE, ImageSpec, Post, without_xml_forbidden
from mkdocs_llmblog.sources.comments import read_archived_comments
from mkdocs_llmblog.sources.fields import MAX_TEXT_LENGTH, FieldReader, PostError
from mkdocs_llmblog.sources.folder_defaults import FolderDefaultsError, merge_additive
from mkdocs_llmblog.sources.frontmatter import FrontMatterError, split_front_matter
from mkdocs_llmblog.sources.headings import heading_text
from mkdocs_llmblog.sources.markdown import find_first_heading, find_leading_heading, first_image
from mkdocs_llmblog.sources.slugs import file_name_title, make_slug, material_slug_source

log = get_plugin_logger(__name__)


@dataclass(frozen=True)
class PostReadingOptions:
    """What reading a post needs to know of the plugin's options."""

    zone: ZoneInfo
    slug_max_length: int
    find_first_image: bool = False
    """Look for the body's first image (for `image_from_content`)."""
    slugify: Callable[[str], str] | None = None
    """Material's slug function (`post_slugify` with its separator), else this plugin's."""
    required_separator: str | None = None
    """Material's `post_excerpt: required`: the excerpt mark each post must have."""
    material: bool = False
    """Material's rules: a post without title or heading is titled by its file name; slugs are
    made from the text Material makes them from; a `slug:` is used as written."""


def read_post(
    src_uri: str,
    path: str,
    source: str,
    options: PostReadingOptions,
    defaults: dict[str, Any] | None = None,
) -> Post:
    """Read a post's source into a `Post`, its front matter on top of its folder's `defaults`.

    Raises:
        PostError: a key is missing or has a bad value; the message names the file and key.
    """
    try:
        parts = split_front_matter(source)
    except FrontMatterError as error:
        raise PostError(path, None, str(error)) from None
    meta = parts.meta
    if defaults:
        meta = defaults
        try:
            merge_additive(meta, parts.meta, path)
        except FolderDefaultsError as error:
            raise PostError(path, None, str(error).removeprefix(f"{path}: ")) from None
    fields = FieldReader(path, meta)

    date, updated = fields.dates(options.zone)
    title = fields.text("title")
    title_from_heading = title is None
    page_heading = None
    if title is not None:
        # Front matter's title is for <title>, cards and feeds; the page shows its own heading.
        leading = find_leading_heading(parts.body)
        if leading is not None:
            page_heading = without_xml_forbidden(heading_text(leading.title))[:MAX_TEXT_LENGTH]
    else:
        heading = find_first_heading(parts.body)
        if heading is None and options.material:
            heading_title = file_name_title(src_uri)
        elif heading is None:
            raise PostError(
                path,
                "title",
                "is missing and the post has no '# heading'; add 'title: ...' to the front matter",
            )
        else:
            # The text the heading shows: Markdown rendered, `&lt;` a "<" (escaped again
            # wherever it is printed).
            heading_title = heading_text(heading.title)
        title = without_xml_forbidden(heading_title)
        if len(title) > MAX_TEXT_LENGTH:
            raise PostError(
                path,
                "title",
                f"(from the '# heading') has {len(title):,} characters; it may have at most "
                f"{MAX_TEXT_LENGTH:,}",
            )
    if options.required_separator and options.required_separator not in parts.body:
        raise PostError(
            path,
            None,
            f"has no {options.required_separator!r}, which 'post_excerpt: required' asks of "
            "every post; add it where the excerpt ends",
        )
    slug = _slug(fields.text("slug"), title, meta, parts.body, (src_uri, path), options)

    post = Post(
        src_uri=src_uri,
        path=path,
        title=title,
        title_from_heading=title_from_heading,
        page_heading=page_heading or None,
        date=date,
        updated=updated,
        slug=slug,
        description=fields.text("description"),
        categories=fields.categories(),
        tags=fields.names("tags"),
        authors=fields.names("authors"),
        draft=fields.flag("draft"),
        pinned=fields.flag("pin"),
        not_a_draft=meta.get("draft") is False,
        readtime=fields.minutes("readtime"),
        wordpress_id=fields.identifier("wordpress_id"),
        links=fields.links(),
        archived_comments=read_archived_comments(fields, options.zone),
        comments=fields.flag("comments", default=True),
        share=fields.flag("share", default=True),
        share_card=fields.flag("share_card", default=True),
        source_hash=hashlib.sha1(source.encode("utf-8"), usedforsecurity=False).hexdigest(),
        image=fields.image(),
        first_image=_first_image(parts.body) if options.find_first_image else None,
    )
    cleaned = list(fields.cleaned)
    if XML_FORBIDDEN_RE.search(parts.body.replace("\x00", "")):
        cleaned.append("the body")
    if cleaned:
        keys = ", ".join(k if k.startswith("the ") else f"'{k}'" for k in cleaned)
        log.warning(
            f"{path}: {keys} held control characters not allowed in XML (feeds); they were removed"
        )
    return post


def _slug(
    written: str | None,
    title: str,
    meta: dict[str, Any],
    body: str,
    where: tuple[str, str],
    options: PostReadingOptions,
) -> str:
    """The post's slug: its `slug:`, else one made from its title. `where`: the post's source
    path and its path as messages show it."""
    src_uri, path = where
    if written is not None:
        written_slug = written.strip().strip("/")
        if options.material and written_slug and ".." not in written_slug.split("/"):
            return written_slug  # Material publishes `slug: mkdocs-2.0` as it is written.
        return make_slug(written, options.slug_max_length)
    if options.slugify is not None:
        meta_title = meta.get("title") if isinstance(meta.get("title"), str) else None
        source = material_slug_source(meta_title, body, src_uri) if options.material else title
        try:
            made = options.slugify(source).strip("/")
        except Exception as error:
            raise PostError(
                path, "title", f"could not be made a slug by 'post_slugify': {error!r}"
            ) from None
        if made and ".." not in made.split("/"):
            return made
    return make_slug(title, options.slug_max_length)


def _first_image(body: str) -> ImageSpec | None:
    image = first_image(body)
    if image is None:
        return None
    return ImageSpec(image.src, image.alt, None, (0.5, 0.5), None, None)
