"""The words the plugin puts on pages, by language."""

from __future__ import annotations

from collections.abc import Mapping

from mkdocs_llmblog.i18n.translations import RIGHT_TO_LEFT, TRANSLATIONS

ENGLISH: dict[str, str] = {
    "blog": "Blog",
    "draft": "Draft",
    "scheduled": "Scheduled",
    "pinned": "Pinned",
    "updated": "Updated",
    "in_categories": "In",
    "by_authors": "By",
    "author": "Author",
    "about_author": "About the author",
    "author_links": "Links",
    "minutes_read": "{minutes} min read",
    "read_more": "Continue reading",
    "no_posts": "No posts yet.",
    "newer_posts": "Newer posts",
    "older_posts": "Older posts",
    "page_n_of_m": "Page {page} of {pages}",
    "pagination": "Pages of posts",
    "category": "Category",
    "categories": "Categories",
    "tags": "Tags",
    "tag": "Tag",
    "all_tags": "All tags",
    "archive": "Archive",
    "breadcrumb": "Breadcrumb",
    "not_found": "Nothing was found here. Try the search, or one of the newest posts:",
    "blog_widgets": "Blog",
    "recent_posts": "Recent posts",
    "related_posts": "Related posts",
    "related_links": "Related links",
    "previous_post": "Previous post",
    "next_post": "Next post",
    "more_posts": "More posts",
    "share": "Share",
    "share_email": "Email",
    "share_copy": "Copy link",
    "link_copied": "Link copied",
    "mastodon_instance": "Your Mastodon server (e.g. mastodon.social)",
    "comments": "Comments",
    "show_comments": "Show comments",
    "earlier_comments": "Earlier comments",
    "comments_notice": (
        "The comments are provided by {provider}: showing them loads content from its site."
    ),
    "comments_notice_other": (
        "The comments are provided by another site: showing them loads content from it."
    ),
}

LABELS: Mapping[str, Mapping[str, str]] = {"en": ENGLISH, **TRANSLATIONS}


def base_language(language: str) -> str:
    """`pt_BR` -> `pt`, `zh-Hant` -> `zh`."""
    return language.replace("-", "_").split("_")[0].lower()


def labels_for(language: str, overrides: Mapping[str, str] | None = None) -> dict[str, str]:
    """The labels for a language such as `de` or `pt_BR`, English where one is missing, with
    the site's own wording from the `labels` option on top."""
    labels = dict(ENGLISH)
    labels.update(LABELS.get(base_language(language), {}))
    labels.update(overrides or {})
    labels["direction"] = "rtl" if is_right_to_left(language) else "ltr"
    return labels


def is_right_to_left(language: str) -> bool:
    return base_language(language) in RIGHT_TO_LEFT
