"""Material's `blog` options, accepted under `llmblog:` with Material's meaning.

A site moves from Material's blog plugin by renaming `- blog` to `- llmblog`: every one of
Material's options is read. Each maps to one of this plugin's options, is implemented with
Material's meaning, or (where nothing here does what it asks) gives one warning naming it.

With `compatibility: material` (or where the site sets an option only Material has, see
`looks_like_material`), options the site does not set take Material's defaults: slugs made by
Material's slugify, scheduled posts published, no author pages, files beside posts published
where Material put them.

Material's slug functions are read in `config.slug_functions`, its date and pager formats in
`config.material_formats`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar, Literal

from mkdocs.config import base
from mkdocs.config import config_options as c

from mkdocs_llmblog.config.material_formats import date_granularity, pagination_window
from mkdocs_llmblog.config.slug_functions import SlugifyFunction

Mode = Literal["material", "llmblog"]

MATERIAL_DEFAULTS: dict[str, object] = {
    "enabled": True,
    "blog_dir": "blog",
    "blog_toc": False,
    "post_dir": "{blog}/posts",
    "post_date_format": "long",
    "post_url_date_format": "yyyy/MM/dd",
    "post_url_format": "{date}/{slug}",
    "post_url_max_categories": 1,
    "post_slugify": "pymdownx.slugs.slugify(case=lower)",
    "post_slugify_separator": "-",
    "post_excerpt": "optional",
    "post_excerpt_max_authors": 1,
    "post_excerpt_max_categories": 5,
    "post_excerpt_separator": "<!-- more -->",
    "post_readtime": True,
    "post_readtime_words_per_minute": 265,
    "archive": True,
    "archive_name": "blog.archive",
    "archive_date_format": "yyyy",
    "archive_url_date_format": "yyyy",
    "archive_url_format": "archive/{date}",
    "archive_pagination": None,
    "archive_pagination_per_page": None,
    "archive_toc": None,
    "categories": True,
    "categories_name": "blog.categories",
    "categories_url_format": "category/{slug}",
    "categories_slugify": "pymdownx.slugs.slugify(case=lower)",
    "categories_slugify_separator": "-",
    "categories_sort_by": "material.plugins.blog.view_name",
    "categories_sort_reverse": False,
    "categories_allowed": [],
    "categories_pagination": None,
    "categories_pagination_per_page": None,
    "categories_toc": None,
    "authors": True,
    "authors_file": "{blog}/.authors.yml",
    "authors_profiles": False,
    "authors_profiles_name": "blog.authors",
    "authors_profiles_url_format": "author/{slug}",
    "authors_profiles_pagination": None,
    "authors_profiles_pagination_per_page": None,
    "authors_profiles_toc": None,
    "pagination": True,
    "pagination_per_page": 10,
    "pagination_url_format": "page/{page}",
    "pagination_format": "~2~",
    "pagination_if_single_page": False,
    "pagination_keep_content": False,
    "draft": False,
    "draft_on_serve": True,
    "draft_if_future_date": False,
}
"""Every option of Material's blog plugin (its `config.py`) and its default there."""

MATERIAL_ONLY = frozenset(
    {
        "blog_toc",
        "post_dir",
        "post_date_format",
        "post_url_date_format",
        "post_url_max_categories",
        "post_slugify",
        "post_slugify_separator",
        "post_excerpt",
        "post_excerpt_max_categories",
        "post_excerpt_separator",
        "post_readtime",
        "post_readtime_words_per_minute",
        "archive_name",
        "archive_date_format",
        "archive_url_date_format",
        "archive_pagination",
        "archive_pagination_per_page",
        "archive_toc",
        "categories_name",
        "categories_url_format",
        "categories_slugify",
        "categories_slugify_separator",
        "categories_sort_by",
        "categories_sort_reverse",
        "categories_pagination",
        "categories_pagination_per_page",
        "categories_toc",
        "authors",
        "authors_profiles_name",
        "authors_profiles_pagination",
        "authors_profiles_pagination_per_page",
        "authors_profiles_toc",
        "pagination",
        "pagination_format",
        "pagination_if_single_page",
        "pagination_keep_content",
    }
)
"""Material's options this plugin has no option of the same name for; their presence under
`llmblog:` says the site came from Material."""

GENERAL = frozenset(
    {
        "post_dir",
        "post_date_format",
        "post_excerpt",
        "pagination",
        "pagination_format",
        "archive_pagination",
        "archive_pagination_per_page",
        "categories_pagination",
        "categories_pagination_per_page",
        "authors_profiles_pagination",
        "authors_profiles_pagination_per_page",
    }
)
"""Material's options this plugin documents as its own too (a new site may set them): no sign
that a site came from Material."""

MATERIAL_SIGNS = MATERIAL_ONLY - GENERAL
"""Options that say a site came from Material's blog (`post_slugify`, `archive_toc`...)."""

ALIASES = {
    "post_excerpt_separator": "excerpt_separator",
    "post_readtime": "reading_time",
    "post_readtime_words_per_minute": "words_per_minute",
    "categories_url_format": "category_url_format",
}
"""Material's names of options this plugin has under another name."""

SHARED_NOTES = {
    "enabled": "the same",
    "blog_dir": "the same; `.` is a blog at the site root",
    "post_url_format": "the same, with `{date}`, `{slug}`, `{categories}`, `{file}`; default "
    "`{year}/{month}/{day}/{slug}` (the same URLs)",
    "post_excerpt_max_authors": "the same",
    "archive": "the same",
    "archive_url_format": "the same, `{date}` the year; default `archive/{year}`",
    "categories": "the same",
    "categories_allowed": "the same; `[]` allows any",
    "authors_file": "the same",
    "authors_profiles": "the same; default `true` here (`false` with `compatibility: material`)",
    "authors_profiles_url_format": "the same (also `author_url_format`)",
    "pagination_per_page": "the same",
    "pagination_url_format": "the same",
    "draft": "the same",
    "draft_on_serve": "the same",
    "draft_if_future_date": "the same; default `true` here (`false` with `compatibility: "
    "material`)",
}
"""What becomes here of Material's options that this plugin has under the same name."""


class SortKey(base.BaseConfigOption[str]):
    """Material's `categories_sort_by`: its functions `view_name` and `view_post_count`, as
    callables or dotted paths, read as this plugin's `name` and `count`."""

    KNOWN: ClassVar[dict[str, str]] = {"view_name": "name", "view_post_count": "count"}

    def run_validation(self, value: object) -> str:
        name = value if isinstance(value, str) else getattr(value, "__name__", None)
        short = str(name).rpartition(".")[2] if name else ""
        if short in self.KNOWN:
            return self.KNOWN[short]
        if value in ("name", "count"):
            return str(value)
        raise base.ValidationError(
            "only Material's material.plugins.blog.view_name and view_post_count are "
            f"supported (or 'name' and 'count'), not {value!r}"
        )


class MaterialBlogOptions(base.Config):
    """Material's options that have no option of the same name here (`MATERIAL_ONLY`).

    All default to None, "not set": then this plugin's own option (or, for a Material site,
    Material's default) applies.
    """

    blog_toc = c.Optional(c.Type(bool))
    """`true`: each list page's table of contents lists its posts (default `false`)."""
    post_dir = c.Optional(c.Type(str))
    """The posts folder (`{blog}` is `blog_dir`); default `<blog_dir>/posts`."""
    post_date_format = c.Optional(c.Type(str))
    """How posts' dates are shown: a Babel format (`long`, `medium`...) or pattern
    (`d MMM y`); default `long`."""
    post_url_date_format = c.Optional(c.Type(str))
    """The Babel pattern of `{date}` in `post_url_format`; default `yyyy/MM/dd`."""
    post_url_max_categories = c.Optional(c.Type(int))
    """How many categories `{categories}` in `post_url_format` holds; default 1."""
    post_slugify = c.Optional(SlugifyFunction())
    """The function that makes a post's slug from its title: a callable (Material's YAML
    tags), a dotted path, or `{function: ..., kwargs: {...}}`; default this plugin's, or
    Material's `pymdownx.slugs.slugify(case=lower)` with `compatibility: material`."""
    post_slugify_separator = c.Optional(c.Type(str))
    """The separator given to `post_slugify`; default `-`."""
    post_excerpt = c.Optional(c.Choice(("optional", "required")))
    """`required`: every post must have the excerpt mark, or the build stops naming it."""
    post_excerpt_max_categories = c.Optional(c.Type(int))
    """At most this many categories on a post's card (default: all; 5 with
    `compatibility: material`)."""
    post_excerpt_separator = c.Optional(c.Type(str))
    """Material's name of `excerpt_separator`."""
    post_readtime = c.Optional(c.Type(bool))
    """Material's name of `reading_time`."""
    post_readtime_words_per_minute = c.Optional(c.Type(int))
    """Material's name of `words_per_minute`."""
    archive_name = c.Optional(c.Type(str))
    """Material's title of the archive: sets the `archive` label (its default
    `blog.archive` leaves the label as it is)."""
    archive_date_format = c.Optional(c.Type(str))
    """The Babel pattern of archive pages' titles (`yyyy`, `MMMM yyyy`); patterns of days or
    times warn."""
    archive_url_date_format = c.Optional(c.Type(str))
    """The Babel pattern of `{date}` in `archive_url_format`: `yyyy` for a page a year, a
    pattern with the month (`yyyy/MM`) for a page a month (with `archive_months` turned on);
    patterns of days or times warn."""
    archive_pagination = c.Optional(c.Type(bool))
    """Paginate the archive pages (default: `pagination`)."""
    archive_pagination_per_page = c.Optional(c.Type(int))
    """Posts on each archive page (default: `pagination_per_page`)."""
    archive_toc = c.Optional(c.Type(bool))
    """`blog_toc` for archive pages (default: `blog_toc`)."""
    categories_name = c.Optional(c.Type(str))
    """Material's title of the categories: sets the `categories` label (its default
    `blog.categories` leaves the label as it is)."""
    categories_url_format = c.Optional(c.Type(str))
    """Material's name of `category_url_format`."""
    categories_slugify = c.Optional(SlugifyFunction())
    """The function that makes a category's slug from its whole name (`A/B` -> `ab`), as
    `post_slugify`; default this plugin's per-level slugs (`a/b`), or Material's with
    `compatibility: material`."""
    categories_slugify_separator = c.Optional(c.Type(str))
    """The separator given to `categories_slugify`; default `-`."""
    categories_sort_by = c.Optional(SortKey())
    """Material's `view_name` or `view_post_count` (fewest first): sets `categories_sort`."""
    categories_sort_reverse = c.Optional(c.Type(bool))
    """Turn the order of the categories widget over."""
    categories_pagination = c.Optional(c.Type(bool))
    """Paginate the category pages (default: `pagination`)."""
    categories_pagination_per_page = c.Optional(c.Type(int))
    """Posts on each category page (default: `pagination_per_page`)."""
    categories_toc = c.Optional(c.Type(bool))
    """`blog_toc` for category pages (default: `blog_toc`)."""
    authors = c.Optional(c.Type(bool))
    """`false`: no authors shown, on posts, cards or in author boxes (default `true`)."""
    authors_profiles_name = c.Optional(c.Type(str))
    """`blog.authors` only: author pages are not listed in the navigation (another warns)."""
    authors_profiles_pagination = c.Optional(c.Type(bool))
    """Paginate the author pages (default: `pagination`)."""
    authors_profiles_pagination_per_page = c.Optional(c.Type(int))
    """Posts on each author page (default: `pagination_per_page`)."""
    authors_profiles_toc = c.Optional(c.Type(bool))
    """`blog_toc` for author pages (default: `blog_toc`)."""
    pagination = c.Optional(c.Type(bool))
    """`false`: every list on one page (default `true`)."""
    pagination_format = c.Optional(c.Type(str))
    """`~N~`: N page numbers either side of the current one (default `~2~`), with or without
    `$link_previous`, `$link_next`, `$link_first`, `$link_last`; other text warns."""
    pagination_if_single_page = c.Optional(c.Type(bool))
    """`true`: page links (the one page's number) on a list of one page too."""
    pagination_keep_content = c.Optional(c.Type(bool))
    """`true`: a list's introduction on each of its pages, not the first only."""
    pagination_template = c.Deprecated(moved_to="pagination_format")
    """Material's old name of `pagination_format`."""


UNSUPPORTED: dict[str, tuple[object, str]] = {
    "authors_profiles_name": (
        "blog.authors",
        "author pages are not listed in the navigation; remove the option",
    ),
}
"""Material's options whose other values this plugin does not do: the value it does, and what
to tell the user who asks for another."""


def unsupported_values(values: Mapping[str, object]) -> list[tuple[str, str]]:
    """One warning for each Material option set to a value this plugin cannot honour."""
    warnings: list[tuple[str, str]] = []
    for name, (supported, advice) in UNSUPPORTED.items():
        value = values.get(name)
        if value is not None and value != supported:
            warnings.append((name, f"Material's {name}: {value!r} is not supported here: {advice}"))
    pagination_format = values.get("pagination_format")
    if pagination_format is not None and pagination_window(str(pagination_format)) is None:
        warnings.append(
            (
                "pagination_format",
                f"Material's pagination_format {pagination_format!r} is not supported here: "
                "only '~N~' (N page numbers around the current one) with $link_previous, "
                "$link_next, $link_first and $link_last; remove the option",
            )
        )
    for name in ("archive_date_format", "archive_url_date_format"):
        value = values.get(name)
        if value is not None and date_granularity(str(value)) not in ("year", "month"):
            warnings.append(
                (
                    name,
                    f"Material's {name} {value!r} is not supported here: archives are by year "
                    "or by month (such as 'yyyy' or 'yyyy/MM'); remove the option",
                )
            )
    return warnings


def looks_like_material(given: frozenset[str], theme_name: str | None) -> str | None:
    """Why a site with `compatibility: auto` is taken for a Material blog, or None: it uses
    the Material theme and sets, under `llmblog:`, an option only Material's blog has.

    Material's authors file is no sign: this plugin reads the same `.authors.yml`, and taking
    its presence for one would change the URLs of a site here the day it gets authors.
    """
    if theme_name != "material":
        return None
    material_names = sorted(given & MATERIAL_SIGNS)
    if material_names:
        return f"it sets Material's option(s) {', '.join(material_names)}"
    return None


def compatibility_mode(
    setting: str, given: frozenset[str], theme_name: str | None
) -> tuple[Mode, str | None]:
    """`material` or `llmblog`, and why when `auto` chose `material`."""
    if setting == "material":
        return "material", None
    if setting == "llmblog":
        return "llmblog", None
    reason = looks_like_material(given, theme_name)
    return ("material", reason) if reason else ("llmblog", None)


MATERIAL_MODE_DEFAULTS: dict[str, object] = {
    "draft_if_future_date": False,
    "authors_profiles": False,
    "post_excerpt_max_categories": 5,
    "post_url_format": "{date}/{slug}",
    "archive_url_format": "archive/{date}",
}
"""Where Material's default differs from this plugin's, for options both have."""
