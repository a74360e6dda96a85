"""Laying out the blog, function by function: categories, neighbours, related, archives, URLs."""

from __future__ import annotations

import datetime as dt

import pytest

from mkdocs_llmblog.layout.archives import build_archives
from mkdocs_llmblog.layout.categories import CategoryError, build_category_tree, category_slug
from mkdocs_llmblog.layout.neighbours import find_neighbours
from mkdocs_llmblog.layout.related import find_related
from mkdocs_llmblog.layout.urls import (
    PageLocation,
    page_location,
    post_path,
    resolve_relative,
    root_prefix,
)
from mkdocs_llmblog.model import Post, PostDate

UTC = dt.UTC


def make_post(
    name: str,
    day: str,
    categories: tuple[str, ...] = (),
    tags: tuple[str, ...] = (),
) -> Post:
    """A published post `blog/posts/<name>.md` of `day` (`2024-05-01`), as `sources` makes it."""
    moment = dt.datetime.fromisoformat(day).replace(tzinfo=UTC)
    return Post(
        src_uri=f"blog/posts/{name}.md",
        path=f"docs/blog/posts/{name}.md",
        title=name.title(),
        title_from_heading=False,
        date=PostDate(moment, date_only=True),
        updated=None,
        slug=name,
        description=None,
        categories=categories,
        tags=tags,
        authors=(),
        draft=False,
    )


def newest_first(*posts: Post) -> list[Post]:
    return sorted(posts, key=lambda post: post.sort_key, reverse=True)


def names(posts: list[Post]) -> list[str]:
    return [post.slug for post in posts]


# layout.categories


def test_parents_list_their_childrens_posts_once() -> None:
    both = make_post("both", "2024-05-03", ("AI", "AI/Safety"))
    safety = make_post("safety", "2024-05-02", ("AI/Safety",))
    deep = make_post("deep", "2024-05-01", ("AI/Safety/Evals", "News"))
    tree = build_category_tree([both, safety, deep], None)

    assert sorted(tree.by_name) == ["AI", "AI/Safety", "AI/Safety/Evals", "News"]
    assert [root.full_name for root in tree.roots] == ["AI", "News"]
    ai = tree.by_name["AI"]
    assert names(ai.posts) == ["both", "safety", "deep"]
    assert names(tree.by_name["AI/Safety"].posts) == ["both", "safety", "deep"]
    assert names(tree.by_name["AI/Safety/Evals"].posts) == ["deep"]
    assert names(tree.by_name["News"].posts) == ["deep"]

    evals = tree.by_name["AI/Safety/Evals"]
    assert evals.parent is tree.by_name["AI/Safety"]
    assert [c.full_name for c in ai.children] == ["AI/Safety"]
    assert [c.name for c in evals.trail] == ["AI", "Safety"]
    assert evals.slug_path == "ai/safety/evals"


def test_symbols_make_distinct_slugs() -> None:
    posts = [
        make_post("plus", "2024-05-03", ("C++",)),
        make_post("sharp", "2024-05-02", ("C#",)),
        make_post("plain", "2024-05-01", ("C",)),
    ]
    tree = build_category_tree(posts, None)
    slugs = {name: category.slug_path for name, category in tree.by_name.items()}
    assert slugs == {"C++": "c-plus-plus", "C#": "c-sharp", "C": "c"}
    assert category_slug("R&D") == "r-and-d"
    assert category_slug("@home") == "at-home"


def test_category_slugs_are_never_windows_device_names() -> None:
    assert category_slug("Con") == "con-category"
    assert category_slug("Aux") == "aux-category"


def test_a_slug_clash_names_both_categories_and_both_posts() -> None:
    first = make_post("first", "2024-05-02", ("Open Source",))
    second = make_post("second", "2024-05-01", ("open-source",))
    with pytest.raises(CategoryError) as error:
        build_category_tree([first, second], None)
    assert str(error.value) == (
        "The categories 'Open Source' (docs/blog/posts/first.md) and 'open-source' "
        "(docs/blog/posts/second.md) would share the page 'category/open-source/'; "
        "use one spelling for both"
    )


def test_a_slug_clash_of_child_categories_names_the_whole_path() -> None:
    first = make_post("first", "2024-05-02", ("AI/Open Source",))
    second = make_post("second", "2024-05-01", ("AI/open source",))
    with pytest.raises(CategoryError, match="would share the page 'category/ai/open-source/'"):
        build_category_tree([first, second], None)


def test_categories_allowed_names_every_post_outside_it() -> None:
    posts = [
        make_post("ok", "2024-05-03", ("News",)),
        make_post("typo", "2024-05-02", ("Nwes",)),
        make_post("other", "2024-05-01", ("News", "Misc")),
    ]
    with pytest.raises(CategoryError) as error:
        build_category_tree(posts, ["News", "AI"])
    assert str(error.value).split("\n") == [
        "docs/blog/posts/typo.md: front matter key 'categories' has 'Nwes', which is not in "
        "'categories_allowed'; fix the name or add it to the list in mkdocs.yml",
        "docs/blog/posts/other.md: front matter key 'categories' has 'Misc', which is not in "
        "'categories_allowed'; fix the name or add it to the list in mkdocs.yml",
    ]


def test_categories_allowed_lets_listed_names_through() -> None:
    posts = [make_post("a", "2024-05-02", ("News",)), make_post("b", "2024-05-01", ("AI/Safety",))]
    tree = build_category_tree(posts, ["News", "AI/Safety"])
    assert sorted(tree.by_name) == ["AI", "AI/Safety", "News"]
    assert build_category_tree(posts, None).by_name.keys() == tree.by_name.keys()


def test_no_categories_no_tree() -> None:
    tree = build_category_tree([make_post("a", "2024-05-01")], [])
    assert tree.by_name == {}
    assert tree.roots == []


# layout.neighbours


def test_neighbours_across_the_whole_blog() -> None:
    published = newest_first(
        make_post("a", "2024-01-01", ("X",)),
        make_post("b", "2024-02-01", ("Y",)),
        make_post("c", "2024-03-01"),
        make_post("d", "2024-04-01", ("X",)),
    )
    neighbours = find_neighbours(published, "all")
    shown = {
        src.removeprefix("blog/posts/").removesuffix(".md"): (
            pair.older.slug if pair.older else None,
            pair.newer.slug if pair.newer else None,
        )
        for src, pair in neighbours.items()
    }
    assert shown == {"d": ("c", None), "c": ("b", "d"), "b": ("a", "c"), "a": (None, "b")}


def test_neighbours_within_the_first_category() -> None:
    published = newest_first(
        make_post("x1", "2024-01-01", ("X",)),
        make_post("y1", "2024-02-01", ("Y", "X")),
        make_post("none1", "2024-03-01"),
        make_post("x2", "2024-04-01", ("X", "Y")),
        make_post("y2", "2024-05-01", ("Y",)),
        make_post("none2", "2024-06-01"),
    )
    neighbours = find_neighbours(published, "category")
    shown = {
        src.removeprefix("blog/posts/").removesuffix(".md"): (
            pair.older.slug if pair.older else None,
            pair.newer.slug if pair.newer else None,
        )
        for src, pair in neighbours.items()
    }
    assert shown == {
        "x2": ("x1", None),
        "x1": (None, "x2"),
        "y2": ("y1", None),
        "y1": (None, "y2"),
        "none2": ("none1", None),
        "none1": (None, "none2"),
    }


def test_a_single_post_has_no_neighbours() -> None:
    [only] = find_neighbours([make_post("a", "2024-01-01")], "all").values()
    assert (only.older, only.newer) == (None, None)


# layout.related


def test_related_posts_share_the_most_terms_then_are_newest() -> None:
    published = newest_first(
        make_post("target", "2024-06-01", ("AI",), ("llm", "open")),
        make_post("three", "2024-01-01", ("AI",), ("LLM", "open")),
        make_post("two-old", "2024-02-01", ("AI",), ("llm",)),
        make_post("two-new", "2024-05-01", (), ("llm", "open")),
        make_post("one", "2024-04-01", ("AI",)),
        make_post("unrelated", "2024-03-01", ("News",), ("misc",)),
        make_post("bare", "2024-03-15"),
    )
    related = find_related(published, 10)
    assert names(related["blog/posts/target.md"]) == ["three", "two-new", "two-old", "one"]
    assert "blog/posts/bare.md" not in related
    assert related["blog/posts/unrelated.md"] == []


def test_related_posts_are_cut_to_count_and_never_the_post_itself() -> None:
    published = newest_first(
        *(make_post(f"p{n}", f"2024-01-{n:02d}", ("AI",)) for n in range(1, 8))
    )
    related = find_related(published, 3)
    assert names(related["blog/posts/p7.md"]) == ["p6", "p5", "p4"]
    assert names(related["blog/posts/p1.md"]) == ["p7", "p6", "p5"]
    for src, posts in related.items():
        assert len(posts) == 3
        assert src not in {post.src_uri for post in posts}


def test_no_related_posts_for_a_count_of_zero() -> None:
    published = [make_post("a", "2024-01-02", ("AI",)), make_post("b", "2024-01-01", ("AI",))]
    assert find_related(published, 0) == {}
    assert names(find_related(published, 1)["blog/posts/a.md"]) == ["b"]


# layout.archives


def test_archives_by_year_and_month_newest_first() -> None:
    posts = newest_first(
        make_post("a", "2023-11-05"),
        make_post("b", "2024-01-10"),
        make_post("c", "2024-03-01"),
        make_post("d", "2024-03-20"),
        make_post("e", "2023-02-01"),
    )
    years = build_archives(posts, with_months=True)
    assert [(year.key, names(year.posts)) for year in years] == [
        ("2024", ["d", "c", "b"]),
        ("2023", ["a", "e"]),
    ]
    assert [(month.key, names(month.posts)) for month in years[0].months] == [
        ("2024/03", ["d", "c"]),
        ("2024/01", ["b"]),
    ]
    assert [(month.key, names(month.posts)) for month in years[1].months] == [
        ("2023/11", ["a"]),
        ("2023/02", ["e"]),
    ]
    assert all(month.month is not None and month.year == 2024 for month in years[0].months)


def test_archives_without_months() -> None:
    posts = newest_first(make_post("a", "2024-03-01"), make_post("b", "2022-01-01"))
    years = build_archives(posts, with_months=False)
    assert [(year.key, year.month, year.months) for year in years] == [
        ("2024", None, []),
        ("2022", None, []),
    ]
    assert build_archives([], with_months=True) == []


# layout.urls


@pytest.mark.parametrize(
    ("path", "use_directory_urls", "dest_uri", "url"),
    [
        ("blog/2024/hello", True, "blog/2024/hello/index.html", "blog/2024/hello/"),
        ("blog/2024/hello", False, "blog/2024/hello.html", "blog/2024/hello.html"),
        ("/blog/page/2/", True, "blog/page/2/index.html", "blog/page/2/"),
        ("", True, "index.html", "./"),
        ("", False, "index.html", "index.html"),
        ("blog/café au", True, "blog/café au/index.html", "blog/caf%C3%A9%20au/"),
    ],
)  # fmt: skip
def test_page_location(path: str, use_directory_urls: bool, dest_uri: str, url: str) -> None:
    assert page_location(path, use_directory_urls) == PageLocation(dest_uri, url)


@pytest.mark.parametrize(
    ("url_format", "path"),
    [
        ("{year}/{month}/{day}/{slug}", "2024/05/01/hello"),
        ("{year}/{slug}", "2024/hello"),
        ("{slug}", "hello"),
        ("/posts/{year}-{month}/{slug}/", "posts/2024-05/hello"),
    ],
)
def test_post_path(url_format: str, path: str) -> None:
    assert post_path(url_format, dt.datetime(2024, 5, 1, 23, 59, tzinfo=UTC), "hello") == path


def test_post_path_pads_years_months_and_days() -> None:
    moment = dt.datetime(987, 1, 9, tzinfo=UTC)
    assert post_path("{year}/{month}/{day}/{slug}", moment, "old") == "0987/01/09/old"


@pytest.mark.parametrize(
    ("page_url", "prefix"),
    [
        ("", ""),
        ("./", ""),
        ("index.html", ""),
        ("blog/", "../"),
        ("blog/2024/05/01/hello/", "../../../../../"),
        ("blog/index.html", "../"),
        ("about.html", ""),
    ],
)
def test_root_prefix(page_url: str, prefix: str) -> None:
    assert root_prefix(page_url) == prefix


@pytest.mark.parametrize(
    ("link", "page_url", "resolved"),
    [
        ("../images/a.png", "blog/post/", "blog/images/a.png"),
        ("a.png", "blog/post/", "blog/post/a.png"),
        ("a.png", "blog/post.html", "blog/a.png"),
        ("../", "blog/post/", "blog/"),
        ("../../", "blog/post/", ""),
        ("#top", "blog/post/", "blog/post/#top"),
        ("?page=2", "blog/", "blog/?page=2"),
        ("other/?q=1#part", "blog/", "blog/other/?q=1#part"),
        ("./", "blog/", "blog/"),
        ("../../../outside.png", "blog/post/", None),
        ("https://example.com/a.png", "blog/", None),
        ("mailto:me@example.com", "blog/", None),
        ("//cdn.example.com/a.js", "blog/", None),
        ("/root/a.png", "blog/", None),
        ("", "blog/", None),
    ],
)
def test_resolve_relative(link: str, page_url: str, resolved: str | None) -> None:
    assert resolve_relative(link, page_url) == resolved
