"""Several blogs in one site (`- llmblog` more than once, each with its own `blog_dir`).

Each instance lays out, renders and writes the feeds of its own blog. A page belongs to the
blog whose post, list page or folder it is; the pages of no blog (the home page, the docs)
get the widgets, embedded lists and 404 posts of the first blog in `plugins:` only, so that
nothing is shown twice.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mkdocs.exceptions import PluginError

from mkdocs_llmblog.model import Blog


def page_owner(src_uri: str, blogs: Sequence[Blog]) -> int | None:
    """Which of the laid-out `blogs` the page at `src_uri` is one of: the one whose post,
    list page or page of all tags it is, else the one with the deepest folder holding it
    (`blog_dir: .` holds no other pages); None for no blog."""
    for index, blog in enumerate(blogs):
        if blog.post_for(src_uri) is not None or src_uri in blog.list_pages_by_src:
            return index
        if src_uri == blog.tags_index_src_uri:
            return index
    owner, depth = None, -1
    for index, blog in enumerate(blogs):
        folder = blog.blog_dir.strip("/")
        if folder not in ("", ".") and src_uri.startswith(f"{folder}/") and len(folder) > depth:
            owner, depth = index, len(folder)
    return owner


def check_blog_dirs(blog_dirs: Sequence[str]) -> None:
    """Each instance needs its own `blog_dir`.

    Raises:
        PluginError: two instances share one.
    """
    seen: set[str] = set()
    for blog_dir in blog_dirs:
        key = blog_dir.strip("/") or "."
        if key in seen:
            raise PluginError(
                f"Plugin 'llmblog' option 'blog_dir': two instances of the plugin have "
                f"blog_dir {blog_dir!r}; give each blog its own folder"
            )
        seen.add(key)


def record_folder_name(blog_dir: str) -> str:
    """The cache subfolder of one blog's build record, where a site has several blogs."""
    name = re.sub(r"[^A-Za-z0-9_-]+", "-", blog_dir.strip("/")).strip("-")
    return f"blog-{name or 'root'}"
