"""The plugin's options, as users write them under `plugins: - llmblog:` in `mkdocs.yml`."""

from __future__ import annotations

import posixpath
import string
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from mkdocs.config import base
from mkdocs.config import config_options as c

from mkdocs_llmblog.config.material import (
    ALIASES,
    MATERIAL_MODE_DEFAULTS,
    MaterialBlogOptions,
    compatibility_mode,
    unsupported_values,
)
from mkdocs_llmblog.config.material_formats import (
    DATE_PATTERN_OPTIONS,
    date_granularity,
    date_pattern_problem,
)
from mkdocs_llmblog.conversation.comments import CommentsOptionError, read_comments_option
from mkdocs_llmblog.conversation.share import DEFAULT_NETWORKS, HOST_NAME_RE, NETWORKS
from mkdocs_llmblog.i18n.labels import ENGLISH
from mkdocs_llmblog.model import CategoryNameError, category_full_name

POST_URL_FIELDS = frozenset({"year", "month", "day", "slug", "date", "categories", "file"})
PAGINATION_URL_FIELDS = frozenset({"page"})
CATEGORY_URL_FIELDS = frozenset({"slug"})
TAG_URL_FIELDS = frozenset({"slug"})
ARCHIVE_URL_FIELDS = frozenset({"year", "date"})
ARCHIVE_MONTH_URL_FIELDS = frozenset({"year", "month"})


MATERIAL_LIST_NAMES = (("archive_name", "archive"), ("categories_name", "categories"))
"""Material's options naming lists in the navigation, and the label each sets here."""


class UrlFormat(c.Type[str]):
    """A URL pattern with `{placeholders}`, checked against the fields it may use."""

    def __init__(self, fields: frozenset[str], required: str, default: str | None) -> None:
        super().__init__(str, default=default)
        self.fields = fields
        self.required_fields = required.split("|")
        """The pattern must use one of these (`slug|file`: `{slug}` or `{file}`)."""

    def run_validation(self, value: object) -> str:
        pattern = super().run_validation(value)
        try:
            used = {name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None}
        except ValueError as error:
            raise base.ValidationError(f"{pattern!r} is not a valid URL pattern: {error}") from None
        unknown = used - self.fields
        if unknown:
            allowed = ", ".join(f"{{{name}}}" for name in sorted(self.fields))
            raise base.ValidationError(
                f"{pattern!r} uses unknown placeholder(s) "
                f"{', '.join(sorted(unknown))}; allowed: {allowed}"
            )
        if not used & set(self.required_fields):
            one_of = " or ".join(f"{{{name}}}" for name in self.required_fields)
            raise base.ValidationError(f"{pattern!r} must contain {one_of}")
        if pattern.startswith("/") or ".." in pattern.split("/"):
            raise base.ValidationError(f"{pattern!r} must be a relative path without '..'")
        return pattern.strip("/")


class TimeZoneName(c.Type[str]):
    """An IANA time zone name such as `Europe/Berlin`."""

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        name = super().run_validation(value)
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            raise base.ValidationError(
                f"{name!r} is not a known time zone; use an IANA name such as 'UTC' or "
                "'Europe/Berlin'"
            ) from None
        return name


class CategoryName(c.Type[str]):
    """A category's full name (`Parent/Child`), normalised as posts' categories are."""

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        try:
            return category_full_name(super().run_validation(value))
        except CategoryNameError as error:
            raise base.ValidationError(str(error)) from None


class BlogDir(c.Type[str]):
    """A folder inside `docs_dir`, written without leading slash or `..`; `.` (Material's blog
    at the site root) is the empty path."""

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        folder = super().run_validation(value).strip("/")
        if folder == ".":
            return ""
        parts = folder.split("/")
        if not folder or ".." in parts or "." in parts or "" in parts or "\\" in folder:
            raise base.ValidationError(
                f"{value!r} must name a folder inside docs_dir, such as 'blog', or be '.' for a "
                "blog at the site root"
            )
        return folder


def label_problem(labels: dict[object, object]) -> str | None:
    """What is wrong with the `labels` option, if anything."""
    unknown = sorted(str(key) for key in labels if key not in ENGLISH)
    if unknown:
        return f"unknown label(s) {', '.join(unknown)}; known: {', '.join(sorted(ENGLISH))}"
    for key, value in labels.items():
        if not isinstance(value, str):
            return f"the label '{key}' must be a text"
        allowed = _placeholders(ENGLISH[str(key)])
        if not allowed:
            continue  # Printed as written, braces and all: no placeholders to fill in.
        try:
            used = _placeholders(value)
        except ValueError as error:
            return f"the label '{key}' is not a valid text with placeholders: {error}"
        if not used <= allowed:
            extra = ", ".join(f"{{{name}}}" for name in sorted(used - allowed))
            shown = ", ".join(f"{{{name}}}" for name in sorted(allowed)) or "none"
            return f"the label '{key}' uses {extra}; it may use {shown}"
    return None


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


class ShareCardsMode(c.Choice[str]):
    """`off` (which YAML reads as false), `missing` or `all`."""

    MODES = ("off", "missing", "all")

    def __init__(self) -> None:
        super().__init__(self.MODES, default="off")

    def run_validation(self, value: object) -> str:
        if value is False:
            return "off"
        if value not in self.MODES:
            raise base.ValidationError(
                f"must be one of {', '.join(self.MODES)}, not {value!r}: 'missing' draws a card "
                "for posts without a featured image, 'all' for every post"
            )
        return str(value)


class LlmBlogConfig(MaterialBlogOptions):
    """Options of the `llmblog` plugin, and Material's blog options (`config.material`)."""

    given: frozenset[str] = frozenset()
    """The options the site sets (the others have their defaults)."""

    enabled = c.Type(bool, default=True)
    """Turn the whole plugin off, e.g. `enabled: !ENV [LLMBLOG, true]`."""

    compatibility = c.Choice(("auto", "material", "llmblog"), default="auto")
    """`material`: Material's defaults where the site sets nothing (slugs, scheduled posts,
    author pages, files beside posts); `llmblog`: this plugin's; `auto`: Material's for a site
    on the Material theme that sets an option only Material's blog has."""

    blog_dir = BlogDir(default="blog")
    """Folder inside `docs_dir` holding the blog; posts live in its `posts/` folder. `.`: the
    blog is the site (its home page is the blog index), as Material's `blog_dir: .`."""

    blog_title = c.Optional(c.Type(str))
    """Title of the blog index when the author has no `<blog_dir>/index.md` (default: "Blog")."""

    timezone = TimeZoneName(default="UTC")
    """Time zone for post dates written without one."""

    post_url_format = UrlFormat(POST_URL_FIELDS, "slug|file", default="{year}/{month}/{day}/{slug}")
    """Where a post is published, under `blog_dir`: `{year}`, `{month}`, `{day}`, `{slug}`, and
    Material's `{date}` (`post_url_date_format`), `{categories}` and `{file}`."""

    post_slug_max_length = c.Type(int, default=80)
    """Longest slug made from a title, in characters (cut at a word boundary)."""

    pagination_per_page = c.Type(int, default=10)
    """Posts on each page of a post list (the blog index, categories, archives)."""

    pagination_url_format = UrlFormat(PAGINATION_URL_FIELDS, "page", default="page/{page}")
    """Where page 2 and on of a post list are published, under the list's own URL."""

    categories = c.Type(bool, default=True)
    """Publish a page for each category, linked from posts and the categories widget."""

    category_url_format = UrlFormat(CATEGORY_URL_FIELDS, "slug", default="category/{slug}")
    """Where a category's page is published, under `blog_dir` (`{slug}` of `A/B` is `a/b`)."""

    categories_allowed = c.Optional(c.ListOfItems(CategoryName()))
    """If set, the only categories posts may use (`Parent/Child` names); others are an error."""

    categories_sort = c.Choice(("name", "count"), default="name")
    """Order of the categories widget: by name, or by number of posts."""

    tags = c.Type(bool, default=True)
    """Publish a page for each tag and a page of all tags, linked from posts and the tags
    widget."""

    tag_url_format = UrlFormat(TAG_URL_FIELDS, "slug", default="tag/{slug}")
    """Where a tag's page is published, under `blog_dir`."""

    tags_index_url = c.Type(str, default="tags")
    """Where the page of all tags is published, under `blog_dir`."""

    tags_allowed = c.Optional(c.ListOfItems(c.Type(str)))
    """If set, the only tags posts may use (in any case); others are an error."""

    tags_on_cards = c.Type(bool, default=False)
    """Show each post's tags on its card in post lists too (they always show after the post)."""

    tags_widget_style = c.Choice(("cloud", "list"), default="cloud")
    """The tags widget: a cloud (sizes by number of posts) or a list with counts."""

    tags_widget_limit = c.Type(int, default=30)
    """Tags in the tags widget: the most used, shown by name."""

    archive = c.Type(bool, default=True)
    """Publish a page for each year with posts, linked from the archive widget."""

    archive_url_format = UrlFormat(ARCHIVE_URL_FIELDS, "year|date", default="archive/{year}")
    """Where a year's archive is published, under `blog_dir` (`{date}` is Material's name of
    `{year}`)."""

    archive_months = c.Type(bool, default=False)
    """Also publish a page for each month with posts."""

    archive_month_url_format = UrlFormat(
        ARCHIVE_MONTH_URL_FIELDS, "month", default="archive/{year}/{month}"
    )
    """Where a month's archive is published, under `blog_dir`."""

    widgets = c.ListOfItems(
        c.Choice(("recent_posts", "categories", "tags", "archive")),
        default=["recent_posts", "categories", "archive"],
    )
    """Widgets shown on every page; `[]` for none. A page's front matter `blog_widgets: false`
    (or a list of names) narrows it."""

    widgets_sidebar = c.Choice(("auto", "primary", "secondary", "none"), default="auto")
    """Material: the sidebar that also shows the widgets. `auto`: the left one (after the
    navigation) on posts and lists, the right one (after the table of contents) elsewhere;
    `primary` or `secondary`: that one on every page; `none`: after the content only."""

    recent_posts = c.Type(int, default=5)
    """Posts in the Recent posts widget, and in `<!-- llmblog:recent-posts -->` lists."""

    recent_posts_category = c.Optional(CategoryName())
    """Only posts of this category (`Parent/Child` name) in the Recent posts widget."""

    recent_posts_tag = c.Optional(c.Type(str))
    """Only posts with this tag in the Recent posts widget."""

    recent_posts_thumbnails = c.Type(bool, default=False)
    """Show each post's small featured image in the Recent posts widget."""

    recent_posts_exclude_current = c.Type(bool, default=False)
    """Leave the post being read out of the widget (else it is marked `aria-current`)."""

    post_nav = c.Type(bool, default=True)
    """Previous/next post links at the end of each post."""

    post_nav_scope = c.Choice(("all", "category"), default="all")
    """Link to the neighbours among all posts, or among posts of the same first category."""

    related_posts = c.Type(int, default=3)
    """Related posts at the end of each post (sharing categories and tags); 0 for none."""

    authors_file = c.Type(str, default="{blog}/.authors.yml")
    """The authors file (Material's format), in docs_dir; `{blog}` is `blog_dir`."""

    author_box = c.Type(bool, default=True)
    """An "About the author" box after each post's body, for authors of the authors file."""

    authors_profiles = c.Type(bool, default=True)
    """A page per author of the authors file (Material's option; on by default here)."""

    author_url_format = UrlFormat(frozenset({"slug"}), "slug", default="author/{slug}")
    """Where an author's page is published, under `blog_dir`."""

    authors_profiles_url_format = c.Optional(UrlFormat(frozenset({"slug"}), "slug", default=None))
    """Material's name of `author_url_format`; used where that option is not set."""

    author_feeds = c.Type(bool, default=True)
    """An RSS feed per author page, `<author page>/feed.xml`."""

    post_excerpt_max_authors = c.Type(int, default=1)
    """At most this many authors on a post's card in lists (Material's option)."""

    feeds = c.Type(bool, default=True)
    """Write feeds of the newest posts (needs `site_url`)."""

    feed_formats = c.ListOfItems(c.Choice(("rss", "atom", "json")), default=["rss", "atom", "json"])
    """Which feeds of the whole blog: `feed.xml` (RSS 2.0), `atom.xml`, `feed.json` (JSON Feed)."""

    category_feeds = c.Type(bool, default=True)
    """Also a feed per category, `<category page>/feed.xml`."""

    tag_feeds = c.Type(bool, default=True)
    """Also a feed per tag, `<tag page>/feed.xml`."""

    term_feed_formats = c.ListOfItems(c.Choice(("rss", "atom", "json")), default=["rss"])
    """Which feeds each category and tag page gets: `feed.xml`, `atom.xml`, `feed.json`."""

    feed_entries = c.Type(int, default=20)
    """Posts in each feed, newest first."""

    feed_content = c.Choice(("excerpt", "full"), default="excerpt")
    """Put each post's excerpt, or its full content, in the feeds."""

    comments = c.Optional(c.Type(dict))
    """Comments under each post: `provider` (giscus, utterances, isso, remark42 or custom) and
    its settings; a post's `comments: false` leaves them out."""

    comments_load = c.Choice(("click", "eager"), default="click")
    """Load the provider's comments when the reader clicks "Show comments", or with the page."""

    share_links = c.ListOfItems(c.Choice(NETWORKS), default=list(DEFAULT_NETWORKS))
    """Share links after each post, in this order (needs `site_url`); `[]` for none. A post's
    `share: false` leaves them out."""

    mastodon_instance = c.Type(str, default="mastodon.social")
    """The Mastodon server of the share link where the reader's browser runs no scripts (else
    the reader is asked for theirs)."""

    language = c.Optional(c.Type(str))
    """Language of the plugin's labels and dates (default: the theme's `language` or `locale`)."""

    labels = c.Type(dict, default={})
    """Your own wording for any label, e.g. `{previous_post: Older, read_more: More}`."""

    excerpt_separator = c.Type(str, default="<!-- more -->")
    """The mark that ends a post's excerpt; without it the excerpt is the first paragraph."""

    excerpt_max_words = c.Optional(c.Type(int))
    """Cut longer excerpts after this many words, with an ellipsis (WordPress shows 55)."""

    draft = c.Type(bool, default=False)
    """Publish drafts in `mkdocs build` too (with the draft mark)."""

    draft_on_serve = c.Type(bool, default=True)
    """Show drafts and scheduled posts in `mkdocs serve` (with the draft mark)."""

    draft_if_future_date = c.Type(bool, default=True)
    """Treat a post dated in the future as scheduled: left out of `mkdocs build` like a draft."""

    reading_time = c.Type(bool, default=True)
    """Show the estimated reading time on posts and post cards."""

    words_per_minute = c.Type(int, default=265)
    """Reading speed used for the reading time."""

    image_widths = c.ListOfItems(c.Type(int), default=[300, 768, 1024, 1536, 2048])
    """Widths of the resized copies of each featured image (never wider than the original)."""

    image_format = c.Choice(("webp", "original"), default="webp")
    """Format of the resized copies: WebP, or the original's format."""

    image_quality = c.Type(int, default=82)
    """Encoder quality (1-100) of WebP and JPEG copies."""

    image_sizes = c.Type(str, default="(max-width: 800px) 100vw, 800px")
    """The `sizes` attribute of the featured image on a post page."""

    image_from_content = c.Type(bool, default=False)
    """Use the first image of a post's body as its featured image when it has no `image`."""

    default_image = c.Optional(c.Type((str, dict)))
    """A featured image for posts without one: a path under docs_dir or a mapping with `path`,
    `alt`."""

    share_image = c.Type(bool, default=True)
    """Make a 1200x630 copy of each featured image for `og:image` share previews."""

    share_cards = ShareCardsMode()
    """Draw a 1200x630 share card (title, site name, date, authors) for `og:image`: `off`;
    `missing`, for posts without a featured image; `all`, for every post."""

    share_card_template = c.Optional(c.Type((str, dict)))
    """How cards look: a YAML, TOML or JSON file (relative to `mkdocs.yml`) or a mapping."""

    max_image_pixels = c.Type(int, default=100_000_000)
    """Refuse images with more pixels than this (decompression bombs)."""

    image_workers = c.Optional(c.Type(int))
    """Processes that write image copies (default: one per core)."""

    cache_dir = c.Type(str, default=".cache/llmblog")
    """Folder for what builds keep (resized images, their index, the dirty-build record),
    relative to `mkdocs.yml`; safe to delete."""

    def load_dict(self, patch: dict[str, Any]) -> None:
        self.given = self.given | frozenset(patch)
        super().load_dict(patch)

    def validate(self) -> tuple[list[tuple[str, Exception]], list[tuple[str, str]]]:
        failed, warnings = super().validate()
        for material_name, own_name in ALIASES.items():
            value = self.get(material_name)
            if value is not None and own_name not in self.given:
                self[own_name] = self.option_value(own_name, value, failed)
        sort_by = self.get("categories_sort_by")
        if sort_by is not None and "categories_sort" not in self.given:
            self["categories_sort"] = sort_by
        if sort_by == "count":
            # Material sorts by count from the fewest; `count` here is from the most.
            self["categories_sort_reverse"] = not self.get("categories_sort_reverse")
        labels = self.get("labels")
        for material_name, label in (
            ("archive_name", "archive"),
            ("categories_name", "categories"),
        ):
            text = self.get(material_name)
            # Material's default names a key of its translations (`blog.archive`).
            if isinstance(text, str) and not text.startswith("blog.") and isinstance(labels, dict):
                labels.setdefault(label, text)
        post_dir = self.get("post_dir")
        if isinstance(post_dir, str) and (
            post_dir.startswith("/") or ".." in post_dir.split("/") or not post_dir.strip("/")
        ):
            failed.append(
                (
                    "post_dir",
                    base.ValidationError(
                        "must be a folder inside docs_dir, such as '{blog}/posts'"
                    ),
                )
            )
        for name in DATE_PATTERN_OPTIONS:
            pattern = self.get(name)
            if isinstance(pattern, str) and (problem := date_pattern_problem(pattern)):
                failed.append((name, base.ValidationError(problem)))
        url_date = self.get("archive_url_date_format")
        if (
            isinstance(url_date, str)
            and date_granularity(url_date) == "month"
            and "archive_months" not in self.given
        ):
            self["archive_months"] = True  # Material's archive of a page a month
        if self.get("categories_allowed") == []:
            self["categories_allowed"] = None  # Material's default: any category.
        warnings.extend(unsupported_values(self))
        for key, minimum in (
            ("post_slug_max_length", 8),
            ("pagination_per_page", 1),
            ("words_per_minute", 1),
            ("image_quality", 1),
            ("max_image_pixels", 1),
            ("image_workers", 1),
            ("recent_posts", 1),
            ("feed_entries", 1),
            ("related_posts", 0),
            ("tags_widget_limit", 1),
            ("excerpt_max_words", 1),
            ("post_excerpt_max_authors", 0),
            ("post_url_max_categories", 0),
            ("archive_pagination_per_page", 1),
            ("categories_pagination_per_page", 1),
            ("authors_profiles_pagination_per_page", 1),
            ("post_excerpt_max_categories", 0),
        ):
            value = self.get(key)
            if isinstance(value, int) and value < minimum:
                failed.append(
                    (key, base.ValidationError(f"must be at least {minimum}, not {value}"))
                )
        labels = self.get("labels")
        if isinstance(labels, dict) and (problem := label_problem(labels)):
            failed.append(("labels", base.ValidationError(problem)))
        widths = self.get("image_widths")
        if isinstance(widths, list) and (not widths or any(w < 16 or w > 8192 for w in widths)):
            failed.append(
                ("image_widths", base.ValidationError("must be a list of widths from 16 to 8192"))
            )
        tags_index = self.get("tags_index_url")
        if isinstance(tags_index, str) and (
            not tags_index.strip("/") or tags_index.startswith("/") or ".." in tags_index.split("/")
        ):
            failed.append(
                ("tags_index_url", base.ValidationError("must be a relative path such as 'tags'"))
            )
        comments = self.get("comments")
        if isinstance(comments, dict):
            try:
                read_comments_option(comments)
            except CommentsOptionError as error:
                failed.append(("comments", base.ValidationError(str(error))))
        instance = self.get("mastodon_instance")
        if isinstance(instance, str) and not HOST_NAME_RE.match(instance):
            failed.append(
                (
                    "mastodon_instance",
                    base.ValidationError(
                        f"must be a host name such as 'mastodon.social', not {instance!r}"
                    ),
                )
            )
        quality = self.get("image_quality")
        if isinstance(quality, int) and quality > 100:
            failed.append(("image_quality", base.ValidationError("must be from 1 to 100")))
        return failed, warnings

    def resolve_compatibility(self, theme_name: str | None) -> str | None:
        """Settle `compatibility: auto` to `material` or `llmblog`; with `material`, give the
        options the site does not set Material's defaults. Returns why `auto` chose
        `material`, if it did."""
        mode, reason = compatibility_mode(self.compatibility, self.given, theme_name)
        self["compatibility"] = mode
        if mode == "material":
            for name, value in MATERIAL_MODE_DEFAULTS.items():
                if name not in self.given:
                    self[name] = value
        return reason

    def option_value(self, name: str, value: object, failed: list[tuple[str, Exception]]) -> Any:
        """`value` validated as option `name` would be (for Material's names of options)."""
        option = dict(self._schema)[name]
        try:
            return option.validate(value)
        except base.ValidationError as error:
            failed.append((name, error))
            return option.default


def posts_folder(options: LlmBlogConfig) -> str:
    """The folder of the posts inside docs_dir: `<blog_dir>/posts`, or Material's `post_dir`."""
    folder = options.post_dir or "{blog}/posts"
    return posixpath.normpath(folder.replace("{blog}", options.blog_dir)).strip("/")


def docs_folder_name(docs_dir: str) -> str:
    """The name of `docs_dir` as messages show it (`docs`)."""
    return posixpath.basename(posixpath.normpath(docs_dir.replace("\\", "/")))


def option_default(name: str) -> object:
    """The default of one of the plugin's options, for tools outside a build (the importer)."""
    option = dict(LlmBlogConfig._schema)[name]
    return option.default
