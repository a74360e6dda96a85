"""Files beside posts (`blog/posts/folder/x.png`), published where Material's blog does."""

from __future__ import annotations

import posixpath
from urllib.parse import quote

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from mkdocs_llmblog.config import LlmBlogConfig, posts_folder
from mkdocs_llmblog.layout.urls import PageLocation, move_file


def material_asset_uri(dest_uri: str, posts_dir: str, blog_dir: str) -> str | None:
    """Where Material publishes a file of the posts folder: the posts folder's part of the path
    taken out (`blog/posts/folder/x.png` -> `blog/folder/x.png`); None for files elsewhere."""
    prefix = posts_dir.strip("/") + "/"
    if not dest_uri.startswith(prefix):
        return None
    return posixpath.join(blog_dir.strip("/"), dest_uri[len(prefix) :])


def move_post_folder_files(files: Files, config: MkDocsConfig, options: LlmBlogConfig) -> None:
    """Publish the files (not pages) of the posts folder as Material does.

    Links to them from posts and pages follow, as MkDocs makes links from each file's URL.
    """
    posts_dir = posts_folder(options)
    for file in files.media_files():
        moved = material_asset_uri(file.dest_uri, posts_dir, options.blog_dir)
        if moved is not None:
            move_file(file, PageLocation(moved, quote(moved)))
