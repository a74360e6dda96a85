"""Rendering the blog into pages: posts, post lists, embedded lists, widgets and head tags."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

import jinja2
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

from mkdocs_llmblog.config import LlmBlogConfig
from mkdocs_llmblog.conversation.comments import read_comments_option
from mkdocs_llmblog.layout.people import post_people
from mkdocs_llmblog.layout.urls import absolute_url
from mkdocs_llmblog.model import Blog, FeaturedImage, ListPage, Post
from mkdocs_llmblog.render.active_nav import BlogNavMarker
from mkdocs_llmblog.render.conversation import ConversationViews
from mkdocs_llmblog.render.embeds import Embed, TagsEmbed
from mkdocs_llmblog.render.excerpts import has_element
from mkdocs_llmblog.render.head import (
    ArticleView,
    ThemeHead,
    article_view,
    blog_json_ld,
    feed_links,
    read_theme_head,
    share_card_image,
    share_image,
)
from mkdocs_llmblog.render.markers import (
    EXCERPT_MARK,
    PLACEMENT,
    PORTABLE,
    ROOT_MARK,
    Slots,
    localize,
    relative_url,
)
from mkdocs_llmblog.render.not_found import add_after_heading
from mkdocs_llmblog.render.related_links import RelatedLinks
from mkdocs_llmblog.render.templates import TEMPLATES_DIR, render_fragment
from mkdocs_llmblog.render.titles import theme_text
from mkdocs_llmblog.render.views import ViewMaker, card_anchor
from mkdocs_llmblog.render.widgets import (
    SIDEBAR_WIDGETS,
    has_sidebar_widgets,
    make_widgets,
    widget_targets,
    widgets_for_page,
)
from mkdocs_llmblog.themes.material import WidgetPlacer

log = get_plugin_logger(__name__)


@dataclass(frozen=True)
class SiteFacts:
    """What the renderer needs to know of the site's own settings."""

    url: str | None
    name: str
    description: str | None
    docs_name: str
    language: str = "en"
    theme_shows_tags: bool = False
    """Material's own tags plugin prints each page's tags: the blog does not repeat them."""
    feed_title: str | None = None
    """The title of the blog's feeds, where it is not `name` (a site of several blogs)."""


class PageRenderer:
    """Puts the blog into each page of one build, through the theme's Jinja environment."""

    def __init__(
        self,
        blog: Blog,
        views: ViewMaker,
        env: jinja2.Environment,
        files: Files,
        options: LlmBlogConfig,
        labels: dict[str, str],
        slots: Slots,
        site: SiteFacts,
        placer: WidgetPlacer,
    ) -> None:
        self.blog = blog
        self.views = views
        self.env = env
        self.files = files
        self.related_links = RelatedLinks(files, site.docs_name, blog)
        self.options = options
        self.list_intros: dict[str, str] = {}
        """Each list's introduction as its first page showed it, by the list's path (for
        `pagination_keep_content`; MkDocs renders a list's first page before the others)."""
        self.labels = labels
        self.slots = slots
        self.site = site
        self.placer = placer
        self.nav_marker = BlogNavMarker(blog, files)
        self.feed_formats = list(options.feed_formats) if options.feeds and site.url else []
        self.conversation = ConversationViews(
            list(options.share_links),
            options.mastodon_instance,
            read_comments_option(options.comments) if options.comments else None,
            options.comments_load,
            site.url,
            labels,
            site.language,
            views.date,
        )
        self.cards: dict[str, str] = {}
        """Each post's card, portable (see `markers.PORTABLE`), by source path."""
        self.widgets_by_choice: dict[frozenset[str], str] = {}
        """The widgets' portable HTML, by the set of widgets a page shows."""
        self.widget_targets: frozenset[str] | None = None
        self.content_before: str | None = None
        """The page's own content while the blog's rendering of it is being written."""
        self.warned_no_head = False
        self.plain_head: str | None = None
        """The head tags of pages that are neither posts nor special lists (portable)."""
        card_template = env.get_template("llmblog/partials/post-card.html").filename or ""
        self.own_card_template = card_template.startswith(TEMPLATES_DIR)
        """The plugin's own card prints the excerpt once, as it is: it can hold a mark for it."""

    def render_content(
        self,
        page: Page,
        context: Mapping[str, Any],
        embeds: list[Embed],
    ) -> tuple[dict[str, Any] | None, frozenset[str]]:
        """Set `page.content` for this page; return the template data and the widgets shown."""
        self.nav_marker.mark(page)
        shown = widgets_for_page(
            self.options, page.meta, f"{self.site.docs_name}/{page.file.src_uri}"
        )
        self.content_before = page.content
        if embeds:
            page.content = self._fill_embeds(page.content or "", embeds, page.url)
        data = self._blog_content(page, context, shown)
        if has_sidebar_widgets(shown):
            page.content = (page.content or "") + self.slots.widgets
        return data, shown

    def _blog_content(
        self, page: Page, context: Mapping[str, Any], shown: frozenset[str]
    ) -> dict[str, Any] | None:
        src_uri = page.file.src_uri
        post = self.blog.post_for(src_uri)
        views = self.views
        if post is not None:
            self._link_theme_neighbours(page, post)
            data: dict[str, Any] = {
                "post": views.post(post, page.url),
                "body_html": page.content or "",
                "post_nav": views.post_nav(post, page.url) if "post_nav" in shown else None,
                "related": views.related(post, page.url) if "related" in shown else [],
                "share": self.conversation.share(post, self.blog.post_urls[post.src_uri]),
                # Material's own tags plugin prints a post's tags above it.
                "show_tags": not self.site.theme_shows_tags,
                "comments": self.conversation.comments(post),
                "author_box": views.author_box,
                "related_links": self.related_links.views(post, page.url) if post.links else (),
            }
            template = "llmblog/post.html"
        elif src_uri == self.blog.tags_index_src_uri:
            data = {
                "tags": views.tag_items(page.url, None),
                "title": page.title or self.labels["tags"],
                "intro_html": page.content or "",
                "intro_has_title": has_element(page.content or "", "h1"),
                "trail": views.blog_trail(page.url),
            }
            template = "llmblog/tags.html"
        elif (list_page := self.blog.list_pages_by_src.get(src_uri)) is not None:
            intro = self._intro(list_page, page.content or "")
            cards = [self._card(post, page.url) for post in list_page.posts]
            if list_toc(self.options, list_page.listing.kind):
                add_cards_to_toc(
                    page, list_page.posts, headings=self.options.compatibility == "material"
                )
            data = {
                "list": views.list_page(list_page, page.url, cards),
                "intro_html": intro,
                "intro_has_title": has_element(intro, "h1"),
            }
            template = "llmblog/list.html"
        else:
            return None
        data["labels"] = self.labels
        page.content = render_fragment(self.env, template, context, data)
        return data

    def _intro(self, list_page: ListPage, content: str) -> str:
        """A list page's introduction: the first page's own text; on later pages none, or
        the first page's with Material's `pagination_keep_content`."""
        key = list_page.listing.base_path
        if list_page.number == 1:
            self.list_intros[key] = content
            return content
        if self.options.pagination_keep_content:
            return self.list_intros.get(key, "")
        return ""

    def _card(self, post: Post, page_url: str) -> str:
        """A post's card, rendered once per build and fitted to each list that shows it.

        The cached card holds a mark where the excerpt goes, so the excerpt (kept anyway for
        feeds and dirty builds) is not held twice.
        """
        card = self.cards.get(post.src_uri)
        if card is None and not self.own_card_template:
            # An override may filter the excerpt (`|striptags`): render it with the excerpt.
            card = self.cards[post.src_uri] = self._render_card(self.views.post(post, PORTABLE))
            return localize(card, page_url)
        if card is None:
            card = self._render_card(
                replace(self.views.post(post, PORTABLE), excerpt_html=EXCERPT_MARK)
            )
            if card.count(EXCERPT_MARK) != 1:
                # An overridden card that shows the excerpt twice, or reads it: no cache.
                return self._render_card(self.views.post(post, page_url))
            self.cards[post.src_uri] = card
        excerpt = self.blog.excerpts.get(post.src_uri)
        return localize(card.replace(EXCERPT_MARK, excerpt.html if excerpt else "", 1), page_url)

    def _render_card(self, view: Any) -> str:
        # The partial reads `post` and `labels`, as when list.html included it.
        context = {"post": view, "labels": self.labels}
        return render_fragment(
            self.env, "llmblog/partials/post-card.html", context, {"labels": self.labels}
        )

    def check_comments_template(self) -> None:
        """Stop the build where `comments: {provider: custom}` names a template nobody wrote.

        Raises:
            PluginError: naming the option and where the template is looked for.
        """
        settings = self.conversation.comments_settings
        if settings is None or settings.provider != "custom":
            return
        try:
            self.env.get_template(settings.template)
        except jinja2.TemplateNotFound:
            raise PluginError(
                f"Plugin 'llmblog' option 'comments': the template {settings.template!r} of the "
                "custom provider is not in the theme; write it in the theme's custom_dir"
            ) from None

    def release(self, page: Page) -> None:
        """Give the page back its own content once written: the blog's rendering of every post
        and list would otherwise stay in memory until the build ends."""
        if self.content_before is not None:
            page.content = self.content_before
            self.content_before = None
        self.nav_marker.unmark()

    def _link_theme_neighbours(self, page: Page, post: Post) -> None:
        """Make the theme's own previous/next links follow the blog's order."""
        neighbours = self.blog.neighbours.get(post.src_uri)
        page.previous_page = self._page_of(neighbours.older if neighbours else None)
        page.next_page = self._page_of(neighbours.newer if neighbours else None)

    def _page_of(self, post: Post | None) -> Page | None:
        if post is None:
            return None
        file = self.files.get_file_from_path(post.src_uri)
        page = file.page if file is not None else None
        if page is not None:
            # A --dirty build gives unchanged pages no page events: title them here too.
            page.title = theme_text(post.title)
        return page

    def _fill_embeds(self, html: str, embeds: list[Embed], page_url: str) -> str:
        def render(index: int) -> str:
            if index >= len(embeds):
                return ""
            embed = embeds[index]
            if isinstance(embed, TagsEmbed):
                tags = self.views.tag_items(page_url, embed.limit)
                data: dict[str, Any] = {"tags": tags, "style": embed.style, "labels": self.labels}
                return render_fragment(self.env, "llmblog/embed-tags.html", {}, data)
            links = self.views.recent_posts(page_url, embed.count, embed.category, False, embed.tag)
            data = {"links": links, "labels": self.labels}
            return render_fragment(self.env, "llmblog/embed-recent-posts.html", {}, data)

        return self.slots.replace_embeds(html, render)

    def add_widgets(self, output: str, page: Page, shown: frozenset[str]) -> str:
        """Put the widgets into the rendered page, where the slot and the theme leave room."""
        if not has_sidebar_widgets(shown):
            return output
        widgets_html = self._widgets_html(shown, page.url)
        return self.placer.place(
            output,
            self.slots.widgets,
            lambda classes: widgets_html.replace(PLACEMENT, classes),
            f"{self.site.docs_name}/{page.file.src_uri}",
            blog_page=self.blog.post_for(page.file.src_uri) is not None
            or page.file.src_uri in self.blog.list_pages_by_src,
        )

    def add_to_not_found(self, output: str, base_path: str, search: bool) -> str:
        """The newest posts (and a search hint) on the theme's 404 page, served at any depth:
        its links start at `base_path`, the site's path, as the theme's own do."""
        links = self.views.recent_posts(PORTABLE, self.options.recent_posts, None, False)
        if not links:
            return output
        data = {"links": links, "labels": self.labels, "search": search}
        fragment = render_fragment(self.env, "llmblog/not-found.html", {}, data)
        placed = add_after_heading(output, fragment.replace(ROOT_MARK, base_path))
        if placed is None:
            log.warning(
                "404.html: the theme's 404 page has no <h1> the blog could find, so its newest "
                "posts are not shown there; check the theme's 404.html (a custom_dir override?)"
            )
            return output
        return placed

    def add_head_tags(self, output: str, page: Page, extra: str = "") -> str:
        """Add the blog's head tags (and `extra`) before `</head>`, leaving out what the theme
        wrote."""
        src_uri = page.file.src_uri
        post = self.blog.post_for(src_uri)
        list_page = self.blog.list_pages_by_src.get(src_uri)
        if post is None and list_page is None and not extra and not self._plain_head().strip():
            return output  # Nothing to add (no feeds): the page need not be read.
        theme_head = read_theme_head(output)
        if theme_head.end is None:
            if not self.warned_no_head:
                self.warned_no_head = True
                log.warning(
                    f"{self.site.docs_name}/{src_uri}: the theme's page has no </head> the "
                    "blog could find, so its feed links and share tags are not added; check "
                    "the theme's templates (a custom_dir override?)"
                )
            return output
        head = self._head_tags(theme_head, page, post, list_page) + extra
        end = theme_head.end
        if post is not None and post.authors and theme_head.author_meta is not None:
            # The theme's `<meta name="author">` names the site's author: the post's authors
            # take its place (in the blog's head tags).
            start, stop = theme_head.author_meta
            output = output[:start] + output[stop:]
            end -= stop - start
        return output[:end] + head + output[end:]

    def _widgets_html(self, shown: frozenset[str], page_url: str) -> str:
        """The widgets of a page, with `PLACEMENT` where their placement's classes go.

        Rendered once per build for all pages, and again only for the pages a widget links to
        (they mark their own link as the current page).
        """
        if self.widget_targets is None:
            self.widget_targets = widget_targets(self.blog, self.options)
        if page_url in self.widget_targets:
            return self._render_widgets(shown, page_url)
        key = frozenset(name for name in shown if name in SIDEBAR_WIDGETS)
        portable = self.widgets_by_choice.get(key)
        if portable is None:
            portable = self.widgets_by_choice[key] = self._render_widgets(shown, PORTABLE)
        return localize(portable, page_url)

    def _render_widgets(self, shown: frozenset[str], page_url: str) -> str:
        widgets = make_widgets(self.views, self.options, shown, page_url)
        if not widgets:
            return ""
        data = {"widgets": widgets, "labels": self.labels, "placement_class": PLACEMENT}
        return render_fragment(self.env, "llmblog/widgets.html", {}, data)

    def _head_tags(
        self, theme_head: ThemeHead, page: Page, post: Post | None, list_page: ListPage | None
    ) -> str:
        listing = list_page.listing if list_page else None
        category = listing if listing and listing.category else None
        term = None
        if listing is not None and (
            (listing.category is not None and self.options.category_feeds)
            or (listing.tag is not None and self.options.tag_feeds)
            or (listing.author is not None and self.options.author_feeds)
        ):
            term = listing
        blog_home = (
            list_page is not None and list_page.listing.kind == "index" and list_page.number == 1
        )
        if post is None and term is None and category is None and not blog_home:
            return localize(self._plain_head(), page.url)
        feeds = feed_links(
            self.blog,
            self.feed_formats,
            self.site.feed_title or self.site.name,
            page.url,
            term,
            list(self.options.term_feed_formats),
        )
        data: dict[str, Any] = {
            "feeds": feeds if self.feed_formats else [],
            "article": None,
            "blog_json_ld": None,
        }
        if post is not None:
            neighbours = self.blog.neighbours.get(post.src_uri) if self.options.post_nav else None
            image = self.blog.images.get(post.src_uri)
            older = neighbours.older if neighbours else None
            newer = neighbours.newer if neighbours else None
            data |= {
                "article": self._article(post, image),
                # Material's social plugin (or any other) may have written them already.
                "open_graph": not theme_head.open_graph,
                "add_description": not theme_head.description,
                "add_canonical": not theme_head.canonical,
                # Material writes these from the page's previous/next, which follow the blog.
                "prev_url": None if theme_head.prev else self._post_url(older, page.url),
                "next_url": None if theme_head.next else self._post_url(newer, page.url),
            }
        elif blog_home and list_page is not None:
            data["blog_json_ld"] = blog_json_ld(
                list_page.listing.title,
                absolute_url(self.site.url, list_page.file.url),
                self.site.description,
            )
        return render_fragment(self.env, "llmblog/head.html", {}, data)

    def _plain_head(self) -> str:
        """The head tags of most pages (only the feed links): rendered once, portable."""
        if self.plain_head is None:
            title = self.site.feed_title or self.site.name
            feeds = feed_links(self.blog, self.feed_formats, title, PORTABLE, None)
            data = {"feeds": feeds if self.feed_formats else [], "article": None}
            self.plain_head = render_fragment(self.env, "llmblog/head.html", {}, data)
        return self.plain_head

    def _article(self, post: Post, image: FeaturedImage | None) -> ArticleView:
        card = self.blog.share_cards.get(post.src_uri)
        if card is not None:
            preview = share_card_image(card, post.title, self.site.url)
        else:
            preview = share_image(image, self.site.url) if image else None
        return article_view(
            post,
            self.blog.descriptions.get(post.src_uri, ""),
            self.blog.post_urls[post.src_uri],
            self.site.url,
            self.site.name,
            preview,
            list(post.categories),
            post_people(self.blog, post, self.site.url),
        )

    def _post_url(self, post: Post | None, page_url: str) -> str | None:
        if post is None:
            return None
        return relative_url(self.blog.post_urls[post.src_uri], page_url)


TOC_OPTIONS = {
    "archive": "archive_toc",
    "category": "categories_toc",
    "author": "authors_profiles_toc",
}
"""Material's option for the table of contents of each kind of list (else `blog_toc`)."""


def list_toc(options: LlmBlogConfig, kind: str) -> bool:
    """Whether a list of `kind` lists its posts in the page's table of contents."""
    name = TOC_OPTIONS.get(kind)
    value = options.get(name) if name else None
    return bool(options.blog_toc if value is None else value)


def add_cards_to_toc(page: Page, posts: list[Post], headings: bool = False) -> None:
    """Each card's title in the page's table of contents, under the page's title where it has
    one in it, as Material's blog lists its excerpts (with `headings`, by the post's own
    heading where it has one besides a front matter title, as Material's excerpts show)."""
    links = [
        AnchorLink((post.page_heading if headings else None) or post.title, card_anchor(post), 2)
        for post in posts
    ]
    toc = page.toc
    if toc.items:
        toc.items[0].children.extend(links)
    else:
        page.toc = TableOfContents(links)
