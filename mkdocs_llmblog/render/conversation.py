"""What a post page shows after the post to start a conversation: share links and comments."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from mkdocs_llmblog.conversation.comments import CommentsSettings
from mkdocs_llmblog.conversation.share import NETWORK_NAMES, share_links
from mkdocs_llmblog.layout.urls import absolute_url
from mkdocs_llmblog.model import ArchivedComment, Post, PostDate
from mkdocs_llmblog.render.head import script_json
from mkdocs_llmblog.render.reader_text import render_reader_markdown
from mkdocs_llmblog.render.views import DateView

MAX_REPLY_DEPTH = 10
"""Replies are shown this many levels deep at most; deeper ones beside what they answer."""


@dataclass(frozen=True)
class ShareLinkView:
    """One share link; `text` is what the script posts to the reader's Mastodon instance."""

    network: str
    label: str
    url: str
    text: str


@dataclass(frozen=True)
class ArchivedCommentView:
    """A comment kept from an earlier blog, with its replies."""

    number: int
    author: str
    url: str | None
    date: DateView
    html: str
    """Trusted HTML: the reader's Markdown, their HTML escaped."""
    replies: list[ArchivedCommentView] = field(default_factory=list)


@dataclass(frozen=True)
class CommentsView:
    """The comments section of a post, given to `llmblog/partials/comments.html`."""

    archived: list[ArchivedCommentView]
    """Comments kept from an earlier blog (read-only), as threads."""
    provider: str | None
    """None where the site has no provider: only the archived comments are shown."""
    template: str
    """The embed's template, rendered into a `<template>` until the reader asks for it."""
    settings: Mapping[str, object]
    load: str
    """`click` or `eager`."""
    notice: str
    """What showing the comments does, before the button."""
    theme_light: str
    theme_dark: str
    lang: str
    remark_config: str
    """Remark42's `remark_config`, as JSON safe in an attribute (empty for other providers)."""


class ConversationViews:
    """Share links and comments for the post pages of one build."""

    def __init__(
        self,
        networks: list[str],
        mastodon_instance: str,
        comments: CommentsSettings | None,
        comments_load: str,
        site_url: str | None,
        labels: Mapping[str, str],
        language: str,
        date_view: Callable[[PostDate], DateView],
    ) -> None:
        self.date_view = date_view
        self.networks = networks if site_url else []
        self.mastodon_instance = mastodon_instance
        self.comments_settings = comments
        self.comments_load = comments_load
        self.site_url = site_url
        self.labels = labels
        self.language = language.replace("_", "-")

    def share(self, post: Post, post_url: str) -> list[ShareLinkView]:
        """The share links of a post published at the site-relative `post_url`."""
        if not post.share or not self.networks:
            return []
        address = absolute_url(self.site_url, post_url)
        if address is None:
            return []
        return [
            ShareLinkView(
                link.network,
                NETWORK_NAMES.get(link.network) or self.labels[f"share_{link.network}"],
                link.url,
                link.text,
            )
            for link in share_links(self.networks, post.title, address, self.mastodon_instance)
        ]

    def comments(self, post: Post) -> CommentsView | None:
        settings = self.comments_settings
        if not post.comments:
            return None
        archived = comment_threads(post.archived_comments, self.date_view)
        if settings is None:
            if not archived:
                return None
            return CommentsView(archived, None, "", {}, "", "", "", "", "", "")
        name = settings.provider_name
        notice = (
            self.labels["comments_notice"].format(provider=name)
            if name
            else self.labels["comments_notice_other"]
        )
        remark_config = ""
        if settings.provider == "remark42":
            remark_config = script_json(
                {
                    "host": str(settings.settings["host"]).rstrip("/"),
                    "site_id": settings.settings["site_id"],
                    "components": ["embed"],
                    "locale": self.language.split("-")[0],
                }
            )
        return CommentsView(
            archived=archived,
            provider=settings.provider,
            template=settings.template,
            settings=settings.settings,
            load=self.comments_load,
            notice=notice,
            theme_light=str(settings.settings.get("theme_light") or ""),
            theme_dark=str(settings.settings.get("theme_dark") or ""),
            lang=str(settings.settings.get("lang") or self.language),
            remark_config=remark_config,
        )


def comment_threads(
    comments: tuple[ArchivedComment, ...], date_view: Callable[[PostDate], DateView]
) -> list[ArchivedCommentView]:
    """The comments as threads: each reply under the comment it answers, and a reply deeper
    than `MAX_REPLY_DEPTH` beside the comment it answers, so that no thread runs off the page
    (or past the template engine's nesting)."""
    views: dict[int, ArchivedCommentView] = {}
    depths: dict[int, int] = {}
    shown_under: dict[int, int | None] = {}
    roots: list[ArchivedCommentView] = []
    for comment in comments:
        view = ArchivedCommentView(
            comment.number,
            comment.author,
            comment.url,
            date_view(comment.date),
            render_reader_markdown(comment.text),
        )
        under = comment.parent if comment.parent in views else None
        if under is not None and depths[under] >= MAX_REPLY_DEPTH:
            under = shown_under[under]
        views[comment.number] = view
        shown_under[comment.number] = under
        if under is None:
            depths[comment.number] = 0
            roots.append(view)
        else:
            depths[comment.number] = depths[under] + 1
            views[under].replies.append(view)
    return roots
