"""Where each post is published, and which posts are part of this build."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import InclusionLevel

from mkdocs_llmblog.config import LlmBlogConfig
from mkdocs_llmblog.i18n.dates import DateFormatter
from mkdocs_llmblog.layout.categories import CategoryError, CategorySlugify, category_slug_path
from mkdocs_llmblog.layout.urls import move_file, page_location, post_path
from mkdocs_llmblog.model import Blog, Post
from mkdocs_llmblog.sources.discovery import PostSource


@dataclass(frozen=True)
class BuildMode:
    """What kind of build this is, as far as drafts are concerned."""

    serving: bool
    now_timestamp: float


def draft_mark(post: Post, options: LlmBlogConfig, mode: BuildMode) -> tuple[bool, str | None]:
    """Whether a post is part of this build, and its mark: `draft`, `scheduled` or None."""
    scheduled = options.draft_if_future_date and post.date.moment.timestamp() > mode.now_timestamp
    if scheduled and post.not_a_draft and options.compatibility == "material":
        scheduled = False  # Material: only a post not marked either way is held back
    if not (post.draft or scheduled):
        return True, None
    mark = "draft" if post.draft else "scheduled"
    if mode.serving and options.draft_on_serve:
        return True, mark
    if post.draft and not scheduled and options.draft:
        return True, mark
    return False, None


def place_posts(
    blog: Blog,
    sources: list[PostSource],
    config: MkDocsConfig,
    options: LlmBlogConfig,
    mode: BuildMode,
    dates: DateFormatter,
    category_slugify: CategorySlugify | None = None,
) -> None:
    """Give each post its URL, and keep the posts this build shows, newest first.

    Raises:
        PluginError: naming both posts when two would be published at one URL.
    """
    owner_by_dest: dict[str, str] = {}
    errors: list[str] = []
    for source in sources:
        post = source.post
        path = posixpath.join(options.blog_dir, _post_path(post, options, dates, category_slugify))
        location = page_location(path, config.use_directory_urls)
        other = owner_by_dest.setdefault(location.dest_uri, post.path)
        if other != post.path:
            errors.append(
                f"{other} and {post.path} would both be published at '{location.url}'; "
                "give one of them another 'slug' or 'date'"
            )
        move_file(source.file, location)
        blog.post_urls[post.src_uri] = location.url
    if errors:
        raise PluginError("\n".join(errors))

    shown: list[Post] = []
    for source in sources:
        post, file = source.post, source.file
        is_shown, marked = draft_mark(post, options, mode)
        if file.inclusion == InclusionLevel.DRAFT and not mode.serving:
            is_shown = False  # `draft_docs`: MkDocs writes no page for it in a build.
        if not is_shown:
            file.inclusion = InclusionLevel.EXCLUDED
            continue
        blog.posts_by_src[post.src_uri] = post
        # Only ever lower the level MkDocs gave: a `draft_docs` page stays a draft.
        if file.inclusion.value > InclusionLevel.NOT_IN_NAV.value:
            file.inclusion = InclusionLevel.NOT_IN_NAV
        shown.append(post)
        if marked:
            blog.draft_marks[post.src_uri] = marked
    shown.sort(key=lambda post: post.sort_key, reverse=True)
    blog.published = shown


def _post_path(
    post: Post,
    options: LlmBlogConfig,
    dates: DateFormatter,
    category_slugify: CategorySlugify | None,
) -> str:
    """The post's path under the blog folder, Material's placeholders filled where used."""
    url_format = options.post_url_format
    date = categories = ""
    if "{date}" in url_format:
        date = dates.pattern(post.date.moment, options.post_url_date_format or "yyyy/MM/dd")
    if "{categories}" in url_format:
        first = post.categories[: _max_categories(options)]
        try:
            categories = "/".join(category_slug_path(name, category_slugify) for name in first)
        except CategoryError as error:
            raise PluginError(f"{post.path}: {error}") from None
    file = posixpath.splitext(posixpath.basename(post.src_uri))[0]
    return post_path(
        url_format, post.date.moment, post.slug, date=date, categories=categories, file=file
    )


def _max_categories(options: LlmBlogConfig) -> int:
    value = options.post_url_max_categories
    return 1 if value is None else int(value)
