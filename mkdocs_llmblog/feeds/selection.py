"""Which posts the feeds show."""

from __future__ import annotations

from mkdocs_llmblog.config import LlmBlogConfig
from mkdocs_llmblog.model import Blog


def posts_in_full_feeds(blog: Blog, options: LlmBlogConfig) -> frozenset[str]:
    """Posts whose full content a feed shows: only these keep their body in memory."""
    if not (options.feeds and options.feed_content == "full"):
        return frozenset()
    count = options.feed_entries
    chosen = {post.src_uri for post in blog.published[:count]}
    if options.category_feeds:
        for category in blog.categories.by_name.values():
            chosen.update(post.src_uri for post in category.posts[:count])
    if options.tags and options.tag_feeds:
        for tag in blog.tags.values():
            chosen.update(post.src_uri for post in tag.posts[:count])
    return frozenset(chosen)
