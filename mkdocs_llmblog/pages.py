"""Rendering the blog into pages: posts, post lists, embedded lists, widgets and head tags."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import jinja2
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from mkdocs_llmblog.config import LlmBlogConfig
from mkdocs_llmblog.embeds import PLACEHOLDER_RE, RecentPostsEmbed
from mkdocs_llmblog.placement import WIDGETS_SLOT, place_widgets
from mkdocs_llmblog.posts import Post
from mkdocs_llmblog.rendering import render_fragment
from mkdocs_llmblog.share import insert_into_head, share_image
from mkdocs_llmblog.structure import Blog
from mkdocs_llmblog.urls import relative_url
from mkdocs_llmblog.views import ViewMaker
from mkdocs_llmblog.widgets import has_sidebar_widgets, make_widgets, widgets_for_page


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
        site_url: str | None,
        theme_name: str | None,
        docs_name: str,
    ) -> None:
        self.blog = blog
        self.views = views
        self.env = env
        self.files = files
        self.options = options
        self.labels = labels
        self.site_url = site_url
        self.use_sidebar = theme_name == "material"
        self.docs_name = docs_name

    def render_content(
        self,
        page: Page,
        context: Mapping[str, Any],
        embeds: list[RecentPostsEmbed],
    ) -> tuple[dict[str, Any] | None, frozenset[str]]:
        """Set `page.content` for this page; return the template data and the widgets shown."""
        shown = widgets_for_page(self.options, page.meta, f"{self.docs_name}/{page.file.src_uri}")
        if embeds:
            page.content = self._fill_embeds(page.content or "", embeds, page.url)
        data = self._blog_content(page, context, shown)
        if has_sidebar_widgets(shown):
            page.content = (page.content or "") + WIDGETS_SLOT
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
            }
            template = "llmblog/post.html"
        elif (list_page := self.blog.list_pages_by_src.get(src_uri)) is not None:
            intro = page.content or "" if list_page.number == 1 else ""
            data = {
                "list": views.list_page(list_page, page.url),
                "intro_html": intro,
                "intro_has_title": "<h1" in intro,
            }
            template = "llmblog/list.html"
        else:
            return None
        data["labels"] = self.labels
        page.content = render_fragment(self.env, template, context, data)
        return data

    def _link_theme_neighbours(self, page: Page, post: Post) -> None:
        """Make the theme's own previous/next links follow the blog's order."""
        neighbours = self.blog.neighbours.get(post.src_uri)
        older = neighbours.older if neighbours else None
        newer = neighbours.newer if neighbours else None
        page.previous_page = self._page_of(older)
        page.next_page = self._page_of(newer)

    def _page_of(self, post: Post | None) -> Page | None:
        if post is None:
            return None
        file = self.files.get_file_from_path(post.src_uri)
        return file.page if file is not None else None

    def _fill_embeds(self, html: str, embeds: list[RecentPostsEmbed], page_url: str) -> str:
        def render(match: Any) -> str:
            embed = embeds[int(match.group(1))]
            links = self.views.recent_posts(page_url, embed.count, embed.category, False)
            data = {"links": links, "labels": self.labels}
            return render_fragment(self.env, "llmblog/embed-recent-posts.html", {}, data)

        return PLACEHOLDER_RE.sub(render, html)

    def finish(self, output: str, page: Page, shown: frozenset[str]) -> str:
        """Add the widgets and, on posts, the head tags to the rendered page."""
        if has_sidebar_widgets(shown):
            widgets = make_widgets(self.views, self.options, shown, page.url)

            def render_widgets(placement_class: str) -> str:
                if not widgets:
                    return ""
                data = {
                    "widgets": widgets,
                    "labels": self.labels,
                    "placement_class": placement_class,
                }
                return render_fragment(self.env, "llmblog/widgets.html", {}, data)

            output = place_widgets(output, render_widgets, self.use_sidebar)
        post = self.blog.post_for(page.file.src_uri)
        if post is None:
            return output
        return insert_into_head(output, self._head_tags(post, page.url))

    def _head_tags(self, post: Post, page_url: str) -> str:
        image = self.blog.images.get(post.src_uri)
        neighbours = self.blog.neighbours.get(post.src_uri) if self.options.post_nav else None
        data = {
            "share_image": share_image(image, self.site_url) if image else None,
            "prev_url": self._post_url(neighbours.older, page_url) if neighbours else None,
            "next_url": self._post_url(neighbours.newer, page_url) if neighbours else None,
        }
        return render_fragment(self.env, "llmblog/head.html", {}, data)

    def _post_url(self, post: Post | None, page_url: str) -> str | None:
        if post is None:
            return None
        return relative_url(self.blog.post_urls[post.src_uri], page_url)
