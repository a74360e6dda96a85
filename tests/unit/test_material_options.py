"""Material's blog options under `llmblog:`: every one accepted, each mapped, implemented or
named in one warning (`mkdocs_llmblog.config.material`)."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from markdown.extensions.toc import slugify as toc_slugify
from material.plugins.blog import view_name, view_post_count
from material.plugins.blog.config import BlogConfig
from mkdocs.config import config_options as c

from mkdocs_llmblog.config import LlmBlogConfig
from mkdocs_llmblog.config.material import MATERIAL_DEFAULTS, MATERIAL_ONLY, compatibility_mode
from mkdocs_llmblog.config.material_formats import date_granularity, pagination_window
from mkdocs_llmblog.config.slug_functions import (
    SlugifyError,
    load_slugify,
    material_slugify,
    slug_function,
)
from mkdocs_llmblog.layout.assets import material_asset_uri
from mkdocs_llmblog.layout.categories import CategoryError, category_slug_path
from mkdocs_llmblog.layout.listings import list_page_size
from mkdocs_llmblog.layout.urls import post_path
from mkdocs_llmblog.sources.posts import PostReadingOptions, read_post
from mkdocs_llmblog.sources.slugs import file_name_title, material_slug_source


def material_option_names() -> set[str]:
    return {name for name, option in BlogConfig._schema if not isinstance(option, c.Deprecated)}


def loaded(**values: Any) -> tuple[LlmBlogConfig, list[Any], list[tuple[str, str]]]:
    options = LlmBlogConfig()
    options.load_dict(values)
    failed, warnings = options.validate()
    return options, failed, warnings


def test_every_option_of_materials_blog_plugin_is_accepted() -> None:
    names = material_option_names()

    assert len(names) == 52
    assert names == set(MATERIAL_DEFAULTS)
    assert names <= {name for name, _ in LlmBlogConfig._schema}
    assert names & MATERIAL_ONLY == MATERIAL_ONLY


def test_the_defaults_listed_are_materials() -> None:
    for name, option in BlogConfig._schema:
        if name in MATERIAL_DEFAULTS and not callable(option.default):
            assert MATERIAL_DEFAULTS[name] == option.default, name


def test_materials_defaults_written_out_give_no_warning_and_no_error() -> None:
    values = {
        name: option.default
        for name, option in BlogConfig._schema
        if not isinstance(option, c.Deprecated) and option.default is not None
    }

    _, failed, warnings = loaded(**values)

    assert failed == []
    assert warnings == []


def test_materials_names_of_own_options_set_them() -> None:
    options, failed, _ = loaded(
        post_readtime=False,
        post_readtime_words_per_minute=200,
        post_excerpt_separator="<!-- cut -->",
        categories_url_format="topics/{slug}",
        categories_allowed=[],
    )

    assert failed == []
    assert options.reading_time is False
    assert options.words_per_minute == 200
    assert options.excerpt_separator == "<!-- cut -->"
    assert options.category_url_format == "topics/{slug}"
    assert options.categories_allowed is None  # Material's [] allows any category.


def test_an_own_option_wins_over_materials_name_for_it() -> None:
    options, _, _ = loaded(post_readtime=False, reading_time=True)

    assert options.reading_time is True


def test_a_bad_value_under_materials_name_is_named() -> None:
    _, failed, _ = loaded(categories_url_format="topics")

    assert [name for name, _ in failed] == ["category_url_format"]
    assert "{slug}" in str(failed[0][1])


@pytest.mark.parametrize(
    ("values", "name"),
    [
        ({"pagination_format": "$page of $page_count ~2~"}, "pagination_format"),
        ({"archive_url_date_format": "yyyy/MM/dd"}, "archive_url_date_format"),
        ({"archive_date_format": "HH:mm"}, "archive_date_format"),
        ({"authors_profiles_name": "People"}, "authors_profiles_name"),
    ],
)
def test_a_value_this_plugin_cannot_honour_gives_one_warning_naming_it(
    values: dict[str, Any], name: str
) -> None:
    _, failed, warnings = loaded(**values)

    assert failed == []
    assert [warned for warned, _ in warnings] == [name]
    assert name in warnings[0][1]


def test_materials_list_names_become_labels() -> None:
    options, _, _ = loaded(archive_name="Older posts", categories_name="blog.categories")

    assert options.labels == {"archive": "Older posts"}


def test_materials_category_order_is_read_as_this_plugins() -> None:
    by_count, _, _ = loaded(categories_sort_by=view_post_count)
    most_first, _, _ = loaded(categories_sort_by=view_post_count, categories_sort_reverse=True)
    by_name, _, _ = loaded(categories_sort_by=view_name, categories_sort_reverse=True)

    # Material sorts by count from the fewest; this plugin's `count` is from the most.
    assert (by_count.categories_sort, by_count.categories_sort_reverse) == ("count", True)
    assert (most_first.categories_sort, most_first.categories_sort_reverse) == ("count", False)
    assert (by_name.categories_sort, by_name.categories_sort_reverse) == ("name", True)


def test_an_unknown_category_order_is_an_error() -> None:
    _, failed, _ = loaded(categories_sort_by="random.random")

    assert [name for name, _ in failed] == ["categories_sort_by"]


def test_a_post_folder_outside_the_docs_is_refused() -> None:
    _, failed, _ = loaded(post_dir="../posts")

    assert [name for name, _ in failed] == ["post_dir"]


def test_slug_functions_in_each_of_materials_forms() -> None:
    forms: list[object] = [
        toc_slugify,
        "markdown.extensions.toc.slugify",
        {"function": "pymdownx.slugs.slugify", "kwargs": {"case": "lower"}},
    ]
    made = [load_slugify(form)("How we're doing", "-") for form in forms]

    assert made == ["how-were-doing"] * 3
    assert material_slugify()("Ünïcödé Straße 2.0", "-") == "ünïcödé-straße-20"


@pytest.mark.parametrize(
    "value",
    ["nowhere.slugify", "markdown.extensions.toc.nothing", "pymdownx.slugs.slugify", 42],
)
def test_a_bad_slug_function_is_named(value: object) -> None:
    with pytest.raises(SlugifyError):
        load_slugify(value)
    _, failed, _ = loaded(post_slugify=value)
    assert [name for name, _ in failed] == ["post_slugify"]


def test_the_slug_function_follows_the_mode_and_separator() -> None:
    material, _, _ = loaded(compatibility="material", post_slugify_separator="_")
    own, _, _ = loaded(compatibility="llmblog")
    chosen, _, _ = loaded(compatibility="llmblog", categories_slugify=toc_slugify)

    material_posts = slug_function(material, "post")
    assert material_posts is not None
    assert material_posts("A b") == "a_b"
    assert slug_function(own, "post") is None
    chosen_categories = slug_function(chosen, "categories")
    assert chosen_categories is not None
    assert chosen_categories("C++ & Co.") == "c-co"


def test_compatibility_auto_follows_material_where_materials_options_are_set() -> None:
    assert compatibility_mode("auto", frozenset({"post_slugify"}), "material")[0] == "material"
    assert compatibility_mode("auto", frozenset({"blog_dir"}), "material") == ("llmblog", None)
    # Material's pagination options are this plugin's too: no sign of a Material site.
    assert compatibility_mode("auto", frozenset({"pagination"}), "material") == ("llmblog", None)
    assert compatibility_mode("auto", frozenset({"post_slugify"}), "mkdocs")[0] == "llmblog"
    assert compatibility_mode("material", frozenset(), None) == ("material", None)
    assert compatibility_mode("llmblog", frozenset({"post_slugify"}), "material")[0] == "llmblog"


def test_material_mode_takes_materials_defaults_where_the_site_sets_none() -> None:
    options, _, _ = loaded(compatibility="material", authors_profiles=True)
    options.resolve_compatibility("material")

    assert options.draft_if_future_date is False
    assert options.authors_profiles is True
    assert options.post_url_format == "{date}/{slug}"
    assert options.archive_url_format == "archive/{date}"


def test_materials_slug_text_is_the_title_else_the_first_line_heading_else_the_file() -> None:
    assert material_slug_source("Own title", "# Heading\n", "blog/posts/a.md") == "Own title"
    assert material_slug_source(None, "\n# How we're *here*\n", "a.md") == "How we're *here*"
    assert material_slug_source(None, "Text\n\n# Later\n", "blog/posts/my_post-1.md") == (
        "My post 1"
    )
    assert file_name_title("blog/posts/Mixed-Case.md") == "Mixed Case"
    assert file_name_title("blog/posts/trip/index.md") == "Trip"


def reading(material: bool, **extra: Any) -> PostReadingOptions:
    return PostReadingOptions(
        zone=ZoneInfo("UTC"),
        slug_max_length=80,
        slugify=(lambda text: toc_slugify(text, "-")) if material else None,
        material=material,
        **extra,
    )


def source(front_matter: str, body: str) -> str:
    return f"---\n{front_matter}---\n\n{body}"


def test_material_rules_keep_a_written_slug_and_drop_apostrophes() -> None:
    written = source("date: 2024-01-01\nslug: mkdocs-2.0\n", "# Title\n")
    titled = source("date: 2024-01-01\n", "# How we're doing\n")

    assert read_post("p.md", "docs/p.md", written, reading(True)).slug == "mkdocs-2.0"
    assert read_post("p.md", "docs/p.md", written, reading(False)).slug == "mkdocs-2-0"
    assert read_post("p.md", "docs/p.md", titled, reading(True)).slug == "how-were-doing"
    assert read_post("p.md", "docs/p.md", titled, reading(False)).slug == "how-we-re-doing"


def test_material_rules_title_a_post_without_heading_by_its_file_name() -> None:
    text = source("date: 2024-01-01\n", "Just text.\n")

    post = read_post("blog/posts/first-steps.md", "docs/p.md", text, reading(True))

    assert (post.title, post.slug) == ("First steps", "first-steps")


def test_a_required_excerpt_mark_missing_is_named() -> None:
    text = source("date: 2024-01-01\n", "# Title\n\nNo mark.\n")

    with pytest.raises(ValueError, match=r"docs/p\.md.*<!-- more -->.*post_excerpt: required"):
        read_post("p.md", "docs/p.md", text, reading(False, required_separator="<!-- more -->"))


def test_materials_placeholders_in_post_urls() -> None:
    moment = dt.datetime(2024, 5, 1, tzinfo=dt.UTC)

    assert post_path("{date}/{slug}", moment, "s", date="2024/05") == "2024/05/s"
    assert post_path("{categories}/{file}", moment, "s", categories="news", file="f") == ("news/f")
    assert post_path("{categories}/{slug}", moment, "s") == "s"  # no category, no empty folder


def test_materials_category_slugs_are_of_the_whole_name() -> None:
    def lower(text: str) -> str:
        return toc_slugify(text, "-")

    assert category_slug_path("Parent/Child", lower) == "parentchild"
    assert category_slug_path("Parent/Child") == "parent/child"


def test_per_list_pagination() -> None:
    options, _, _ = loaded(
        pagination_per_page=4, archive_pagination_per_page=2, categories_pagination=False
    )

    assert list_page_size(options, "index", 9) == 4
    assert list_page_size(options, "archive", 9) == 2
    assert list_page_size(options, "category", 9) == 9
    assert list_page_size(options, "category", 0) == 1
    unpaginated, _, _ = loaded(pagination=False, archive_pagination=True)
    assert list_page_size(unpaginated, "index", 30) == 30
    assert list_page_size(unpaginated, "archive", 30) == 10


def test_files_beside_posts_lose_the_posts_folder_as_with_material() -> None:
    assert material_asset_uri("blog/posts/folder/x.png", "blog/posts", "blog") == (
        "blog/folder/x.png"
    )
    assert material_asset_uri("blog/postscript/x.png", "blog/posts", "blog") is None
    assert material_asset_uri("img/x.png", "blog/posts", "blog") is None


def test_archive_date_patterns_by_what_they_tell_apart() -> None:
    assert date_granularity("yyyy") == "year"
    assert date_granularity("yyyy/MM") == "month"
    assert date_granularity("MMMM y") == "month"
    assert date_granularity("LLLL 'of' yyyy") == "month"  # quoted text is no field
    assert date_granularity("yyyy/MM/dd") is None
    assert date_granularity("MM") is None  # no year: months of all years together
    monthly, _, _ = loaded(archive_url_date_format="yyyy/MM")
    assert monthly.archive_months is True


def test_materials_pagination_format() -> None:
    assert pagination_window("~2~") == 2
    assert pagination_window(" ~5~ ") == 5
    assert pagination_window("$link_first $link_previous ~3~ $link_next $link_last") == 3
    assert pagination_window("Page $page ~2~") is None
    assert pagination_window("$link_previous $link_next") is None


@pytest.mark.parametrize(
    "name",
    ["post_date_format", "post_url_date_format", "archive_date_format", "archive_url_date_format"],
)
def test_a_bad_date_pattern_is_named(name: str) -> None:
    _, failed, _ = loaded(**{name: "yyyy/qqqqqqqq"})

    assert [failed_name for failed_name, _ in failed] == [name]
    assert "Babel date pattern" in str(failed[0][1])


def test_a_slug_function_that_fails_on_a_title_is_named_with_the_post() -> None:
    def fussy(text: str) -> str:
        if "!" in text:
            raise ValueError("no exclamations")
        return text.lower()

    text = source("date: 2024-01-01\n", "# Hello!\n")
    options = PostReadingOptions(zone=ZoneInfo("UTC"), slug_max_length=80, slugify=fussy)

    with pytest.raises(ValueError, match=r"docs/p\.md: front matter key 'title'.*post_slugify"):
        read_post("p.md", "docs/p.md", text, options)


def test_a_category_slug_function_that_fails_is_named() -> None:
    def broken(text: str) -> str:
        raise RuntimeError("broken")

    with pytest.raises(CategoryError, match=r"'News'.*categories_slugify"):
        category_slug_path("News", broken)
