"""Finding the posts among MkDocs' files and laying out the blog's pages, once per build."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from mkdocs_llmblog.config import LlmBlogConfig
from mkdocs_llmblog.dateformat import DateFormatter
from mkdocs_llmblog.listings import check_destinations, lay_out_listings
from mkdocs_llmblog.posts import Post, PostError, PostReadingOptions, read_post
from mkdocs_llmblog.structure import Blog
from mkdocs_llmblog.urls import PageLocation, move_file, page_location

log = get_plugin_logger(__name__)


@dataclass(frozen=True)
class BuildMode:
    """What kind of build this is, as far as drafts are concerned."""

    serving: bool
    now_timestamp: float


def discover_blog(
    files: Files,
    config: MkDocsConfig,
    options: LlmBlogConfig,
    mode: BuildMode,
    blog_title: str,
    dates: DateFormatter,
) -> Blog:
    """Read every post, decide which are published, and give posts and lists their URLs.

    Raises:
        PluginError: naming every post with bad front matter, or two posts sharing a URL.
    """
    blog = Blog(blog_dir=options.blog_dir)
    posts_prefix = f"{options.blog_dir}/posts/"
    docs_name = posixpath.basename(posixpath.normpath(config.docs_dir.replace("\\", "/")))
    reading = PostReadingOptions(
        zone=ZoneInfo(options.timezone),
        slug_max_length=options.post_slug_max_length,
        words_per_minute=options.words_per_minute,
        find_first_image=options.image_from_content,
    )

    post_files: dict[str, File] = {}
    errors: list[str] = []
    for file in files.documentation_pages(inclusion=InclusionLevel.all):
        if not file.src_uri.startswith(posts_prefix):
            continue
        if file.inclusion == InclusionLevel.EXCLUDED:
            continue  # `exclude_docs`: not part of the site, so not a post either.
        path = posixpath.join(docs_name, file.src_uri)
        try:
            post = read_post(file.src_uri, path, _read_source(file, path), reading)
        except PostError as error:
            errors.append(str(error))
            continue
        if file.inclusion == InclusionLevel.DRAFT:
            post.draft = True  # `draft_docs`: a draft, whatever its front matter says.
        blog.posts_by_src[file.src_uri] = post
        post_files[file.src_uri] = file
    if errors:
        raise PluginError("\n".join(errors))

    if not post_files and not _folder_exists(config, posts_prefix):
        log.warning(
            f"No posts folder '{posixpath.join(docs_name, posts_prefix)}': create it and put "
            "Markdown posts in it, or set 'blog_dir' to the folder that holds 'posts/'."
        )

    _place_posts(blog, post_files, files, config, options, mode)
    lay_out_listings(blog, files, config, options, blog_title, dates)
    check_destinations(blog, files)
    return blog


def _read_source(file: File, path: str) -> str:
    try:
        return file.content_string
    except UnicodeDecodeError as error:
        raise PostError(
            path, None, f"cannot be read: the file is not UTF-8 ({error.reason})"
        ) from None
    except OSError as error:
        raise PostError(path, None, f"cannot be read: {error.strerror}") from None


def _folder_exists(config: MkDocsConfig, folder: str) -> bool:
    return Path(config.docs_dir, folder).is_dir()


def _is_shown(post: Post, options: LlmBlogConfig, mode: BuildMode) -> tuple[bool, str | None]:
    """Whether a post is part of this build, and its mark: `draft`, `scheduled` or None."""
    scheduled = options.draft_if_future_date and post.date.moment.timestamp() > mode.now_timestamp
    if not (post.draft or scheduled):
        return True, None
    mark = "draft" if post.draft else "scheduled"
    if mode.serving and options.draft_on_serve:
        return True, mark
    if post.draft and not scheduled and options.draft:
        return True, mark
    return False, None


def _place_posts(
    blog: Blog,
    post_files: dict[str, File],
    files: Files,
    config: MkDocsConfig,
    options: LlmBlogConfig,
    mode: BuildMode,
) -> None:
    owner_by_dest: dict[str, str] = {}
    errors: list[str] = []
    for src_uri, post in blog.posts_by_src.items():
        location = post_location(post, options, config.use_directory_urls)
        other = owner_by_dest.setdefault(location.dest_uri, post.path)
        if other != post.path:
            errors.append(
                f"{other} and {post.path} would both be published at '{location.url}'; "
                "give one of them another 'slug' or 'date'"
            )
        move_file(post_files[src_uri], location)
        blog.post_urls[src_uri] = location.url
    if errors:
        raise PluginError("\n".join(errors))

    shown: list[Post] = []
    for src_uri, post in list(blog.posts_by_src.items()):
        is_shown, marked = _is_shown(post, options, mode)
        file = post_files[src_uri]
        if file.inclusion == InclusionLevel.DRAFT and not mode.serving:
            is_shown = False  # `draft_docs`: MkDocs writes no page for it in a build.
        if not is_shown:
            file.inclusion = InclusionLevel.EXCLUDED
            del blog.posts_by_src[src_uri]
            continue
        # Only ever lower the level MkDocs gave: a `draft_docs` page stays a draft.
        if file.inclusion.value > InclusionLevel.NOT_IN_NAV.value:
            file.inclusion = InclusionLevel.NOT_IN_NAV
        shown.append(post)
        if marked:
            blog.draft_marks[src_uri] = marked
    shown.sort(key=lambda post: post.sort_key, reverse=True)
    blog.published = shown


def post_location(post: Post, options: LlmBlogConfig, use_directory_urls: bool) -> PageLocation:
    """Where a post is published, from `post_url_format`."""
    day = post.date.moment
    path = options.post_url_format.format(
        year=f"{day.year:04d}", month=f"{day.month:02d}", day=f"{day.day:02d}", slug=post.slug
    )
    return page_location(f"{options.blog_dir}/{path}", use_directory_urls)
