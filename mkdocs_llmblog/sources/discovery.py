"""Finding the posts among MkDocs' files and reading each of them, once per build."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from mkdocs_llmblog.config import LlmBlogConfig, docs_folder_name, posts_folder
from mkdocs_llmblog.config.slug_functions import SlugifyError, slug_function
from mkdocs_llmblog.model import Post
from mkdocs_llmblog.sources.fields import PostError
from mkdocs_llmblog.sources.folder_defaults import (
    FolderDefaultsError,
    defaults_for,
    read_folder_defaults,
)
from mkdocs_llmblog.sources.posts import PostReadingOptions, read_post

log = get_plugin_logger(__name__)


@dataclass(frozen=True)
class PostSource:
    """A post read from its file."""

    post: Post
    file: File


def read_posts(files: Files, config: MkDocsConfig, options: LlmBlogConfig) -> list[PostSource]:
    """Read every Markdown file under `<blog_dir>/posts/` into a `Post`.

    Raises:
        PluginError: naming every post with bad front matter.
    """
    posts_prefix = posts_folder(options) + "/"
    docs_name = docs_folder_name(config.docs_dir)
    try:
        slugify = slug_function(options, "post")
    except SlugifyError as error:
        raise PluginError(f"post_slugify: {error}") from None
    reading = PostReadingOptions(
        zone=ZoneInfo(options.timezone),
        slug_max_length=options.post_slug_max_length,
        find_first_image=options.image_from_content,
        slugify=slugify,
        required_separator=options.excerpt_separator
        if options.post_excerpt == "required"
        else None,
        material=options.compatibility == "material",
    )
    found: list[PostSource] = []
    errors: list[str] = []
    meta_file = material_meta_file(config)
    try:
        folders = read_folder_defaults(files, meta_file, docs_name) if meta_file else {}
    except FolderDefaultsError as error:
        raise PluginError(str(error)) from None
    for file in files.documentation_pages(inclusion=InclusionLevel.all):
        if not file.src_uri.startswith(posts_prefix):
            continue
        if file.inclusion == InclusionLevel.EXCLUDED:
            continue  # `exclude_docs`: not part of the site, so not a post either.
        path = posixpath.join(docs_name, file.src_uri)
        try:
            defaults = defaults_for(file.src_uri, folders, docs_name) if folders else None
            post = read_post(file.src_uri, path, _read_source(file, path), reading, defaults)
        except PostError as error:
            errors.append(str(error))
            continue
        except FolderDefaultsError as error:
            errors.append(str(error))
            continue
        if file.inclusion == InclusionLevel.DRAFT:
            post.draft = True  # `draft_docs`: a draft, whatever its front matter says.
        found.append(PostSource(post, file))
    if errors:
        raise PluginError("\n".join(errors))
    if not found and not Path(config.docs_dir, posts_prefix).is_dir():
        log.warning(
            f"No posts folder '{posixpath.join(docs_name, posts_prefix)}': create it and put "
            "Markdown posts in it, or set 'blog_dir' to the folder that holds 'posts/'."
        )
    return found


def material_meta_file(config: MkDocsConfig) -> str | None:
    """The name of the `.meta.yml` files where Material's `meta` plugin is enabled, else None."""
    plugin = config.plugins.get("material/meta")
    if plugin is None or not plugin.config.get("enabled", True):
        return None
    return str(plugin.config.get("meta_file", ".meta.yml"))


def _read_source(file: File, path: str) -> str:
    try:
        return file.content_string
    except UnicodeDecodeError as error:
        raise PostError(
            path, None, f"cannot be read: the file is not UTF-8 ({error.reason})"
        ) from None
    except OSError as error:
        raise PostError(path, None, f"cannot be read: {error.strerror}") from None
