"""Laying out the blog: where each post and each list of posts is published.

- `assets`: files beside posts, published where Material's blog publishes them.
- `urls`: page locations, post paths from `post_url_format`, feed files, links between pages.
- `posts`: each post's URL, and which posts a build shows (drafts, scheduled posts).
- `listings`: the blog index, category, tag and archive pages, paginated, as MkDocs files.
- `categories`: the category tree (`Parent/Child`) with distinct slugs.
- `tags`: tags, one per spelling up to case, with distinct slugs.
- `archives`: posts grouped by year and month.
- `neighbours`: the previous and next post of each post.
- `related`: related posts, from shared categories and tags.
- `navigation`: keeping posts out of the site navigation.
- `page_numbers`: the page numbers a paginated list links to.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from mkdocs_llmblog.config import LlmBlogConfig
from mkdocs_llmblog.config.slug_functions import SlugifyError, slug_function
from mkdocs_llmblog.i18n.dates import DateFormatter
from mkdocs_llmblog.layout.assets import move_post_folder_files
from mkdocs_llmblog.layout.listings import check_destinations, lay_out_listings
from mkdocs_llmblog.layout.posts import BuildMode, place_posts
from mkdocs_llmblog.model import Author, Blog
from mkdocs_llmblog.sources.discovery import PostSource

__all__ = ["BuildMode", "lay_out_blog"]


def lay_out_blog(
    sources: list[PostSource],
    files: Files,
    config: MkDocsConfig,
    options: LlmBlogConfig,
    mode: BuildMode,
    blog_title: str,
    dates: DateFormatter,
    tags_title: str = "Tags",
    authors: dict[str, Author] | None = None,
) -> Blog:
    """Decide which posts are published and give posts and lists their URLs.

    Raises:
        PluginError: two posts or lists sharing a URL, or a category outside the allowlist.
    """
    blog = Blog(blog_dir=options.blog_dir, authors=authors or {})
    try:
        category_slugify = slug_function(options, "categories")
    except SlugifyError as error:
        raise PluginError(f"categories_slugify: {error}") from None
    if options.compatibility == "material":
        move_post_folder_files(files, config, options)
    place_posts(blog, sources, config, options, mode, dates, category_slugify)
    lay_out_listings(blog, files, config, options, blog_title, dates, tags_title, category_slugify)
    check_destinations(blog, files)
    return blog
