"""Which widgets a page shows, and their data."""

from __future__ import annotations

from dataclasses import dataclass, field

from mkdocs.plugins import get_plugin_logger

from mkdocs_llmblog.config import LlmBlogConfig
from mkdocs_llmblog.model import Blog
from mkdocs_llmblog.render.views import (
    LinkView,
    PostLinkView,
    TagItemView,
    TreeItemView,
    ViewMaker,
    recent_candidates,
)

log = get_plugin_logger(__name__)

SIDEBAR_WIDGETS = ("recent_posts", "categories", "tags", "archive")
POST_WIDGETS = ("related", "post_nav")
PAGE_KEY = "blog_widgets"
"""Front matter key of any page: `false` hides the widgets, a list shows only those named."""


@dataclass(frozen=True)
class WidgetsView:
    """The widgets of one page, in the site's order; an empty list is a widget not shown."""

    order: list[str]
    recent_posts: list[PostLinkView] = field(default_factory=list)
    recent_posts_thumbnails: bool = False
    categories: list[TreeItemView] = field(default_factory=list)
    archive: list[TreeItemView] = field(default_factory=list)
    tags: list[TagItemView] = field(default_factory=list)
    tags_style: str = "cloud"
    all_tags: LinkView | None = None
    """The page of all tags, where the widget shows only the most used."""

    def __bool__(self) -> bool:
        return bool(self.recent_posts or self.categories or self.tags or self.archive)


def widgets_for_page(options: LlmBlogConfig, page_meta: object, page_path: str) -> frozenset[str]:
    """The widgets a page shows: the site's options narrowed by the page's front matter."""
    wanted = set(options.widgets)
    # Without their pages, these widgets would list names that lead nowhere.
    if not options.categories:
        wanted.discard("categories")
    if not options.archive:
        wanted.discard("archive")
    if not options.tags:
        wanted.discard("tags")
    if options.related_posts > 0:
        wanted.add("related")
    if options.post_nav:
        wanted.add("post_nav")
    choice = page_meta.get(PAGE_KEY, True) if isinstance(page_meta, dict) else True
    if choice is True:
        return frozenset(wanted)
    if choice is False or choice is None:
        return frozenset()
    names = SIDEBAR_WIDGETS + POST_WIDGETS
    if isinstance(choice, list) and all(name in names for name in choice):
        return frozenset(wanted & set(choice))
    log.warning(
        f"{page_path}: front matter key '{PAGE_KEY}' must be true, false or a list of "
        f"{', '.join(names)}; showing the site's widgets"
    )
    return frozenset(wanted)


def make_widgets(
    views: ViewMaker, options: LlmBlogConfig, shown: frozenset[str], page_url: str
) -> WidgetsView:
    """The sidebar widgets of the page at `page_url`."""
    return WidgetsView(
        order=[name for name in options.widgets if name in shown],
        recent_posts=views.recent_posts(
            page_url,
            options.recent_posts,
            options.recent_posts_category,
            options.recent_posts_exclude_current,
            options.recent_posts_tag,
        )
        if "recent_posts" in shown
        else [],
        recent_posts_thumbnails=options.recent_posts_thumbnails,
        categories=views.categories_widget(
            page_url, options.categories_sort == "count", bool(options.categories_sort_reverse)
        )
        if "categories" in shown
        else [],
        archive=views.archive_widget(page_url) if "archive" in shown else [],
        tags=views.tag_items(page_url, options.tags_widget_limit) if "tags" in shown else [],
        tags_style=options.tags_widget_style,
        all_tags=views.tags_index_link(page_url)
        if "tags" in shown and len(views.blog.tags) > options.tags_widget_limit
        else None,
    )


def widget_targets(blog: Blog, options: LlmBlogConfig) -> frozenset[str]:
    """URLs of the pages a widget may link to: those pages mark their own link as current."""
    targets: set[str] = set()
    recent = recent_candidates(blog, options.recent_posts_category, options.recent_posts_tag)
    targets.update(blog.post_urls[post.src_uri] for post in recent[: options.recent_posts + 1])
    listings = (
        *blog.category_listings.values(),
        *blog.tag_listings.values(),
        *blog.archive_listings.values(),
    )
    for listing in listings:
        targets.add(listing.pages[0].file.url)
    return frozenset(targets)


def has_sidebar_widgets(shown: frozenset[str]) -> bool:
    return any(name in shown for name in SIDEBAR_WIDGETS)
