"""Categories: the tree declared by posts' `categories` (`Parent/Child`), with distinct slugs."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from slugify import slugify

from mkdocs_llmblog.model import Category, CategoryTree, Post
from mkdocs_llmblog.sources.slugs import not_reserved

# Characters that carry meaning in category names but vanish from plain slugs ("C++" vs "C#").
SPOKEN_SYMBOLS = (("+", " plus "), ("#", " sharp "), ("&", " and "), ("@", " at "))


class CategoryError(ValueError):
    """Categories that cannot be published as written."""


CategorySlugify = Callable[[str], str]
"""Material's slug function for categories (`categories_slugify` with its separator)."""


def sort_categories(
    categories: Iterable[Category], by_count: bool, reverse: bool = False
) -> list[Category]:
    """By name, or by number of posts (most first, then by name); `reverse` turns it over."""
    if by_count:
        ordered = sorted(categories, key=lambda c: (-len(c.posts), c.name.casefold()))
    else:
        ordered = sorted(categories, key=lambda c: c.name.casefold())
    return ordered[::-1] if reverse else ordered


def category_slug_path(full_name: str, slugify: CategorySlugify | None = None) -> str:
    """Where a category's page goes under `category/`: each level's slug joined by `/`
    (`a/b`), or with Material's slug function the slug of the whole name, as Material's
    categories are flat (`A/B` -> `ab`)."""
    if slugify is not None:
        try:
            made = slugify(full_name).strip("/")
        except Exception as error:
            raise CategoryError(
                f"The category {full_name!r} could not be made a slug by 'categories_slugify': "
                f"{error!r}"
            ) from None
        if made and ".." not in made.split("/"):
            return made
    return "/".join(category_slug(part) for part in full_name.split("/"))


def category_slug(name: str, kind: str = "category") -> str:
    """The slug of one category (or tag) name; symbols such as `+` and `#` are spelled out."""
    text = name
    for symbol, spoken in SPOKEN_SYMBOLS:
        text = text.replace(symbol, spoken)
    slug = slugify(text, max_length=60, word_boundary=True) or slugify(name) or kind
    return not_reserved(slug, kind)


def build_category_tree(
    posts: Sequence[Post], allowed: Sequence[str] | None, slugify: CategorySlugify | None = None
) -> CategoryTree:
    """File the posts (newest first) under their categories and their categories' ancestors.

    `Post.categories` and `allowed` hold normalised full names (`model.category_full_name`).

    Raises:
        CategoryError: naming each post with a category outside `allowed`, or two names that
            would share one page.
    """
    tree = CategoryTree()
    errors: list[str] = []
    allowed_names = None if allowed is None else set(allowed)
    owner_by_slug: dict[str, tuple[str, Post]] = {}
    for post in posts:
        seen_in_post: set[str] = set()
        for full_name in post.categories:
            if allowed_names is not None and full_name not in allowed_names:
                errors.append(
                    f"{post.path}: front matter key 'categories' has {full_name!r}, which is not "
                    "in 'categories_allowed'; fix the name or add it to the list in mkdocs.yml"
                )
                continue
            path = tuple(full_name.split("/"))
            for depth in range(1, len(path) + 1):
                node_name = "/".join(path[:depth])
                category = tree.by_name.get(node_name)
                if category is None:
                    parent = tree.by_name.get("/".join(path[: depth - 1])) if depth > 1 else None
                    slug_path = category_slug_path(node_name, slugify)
                    clash = owner_by_slug.get(slug_path)
                    if clash is not None:
                        other_name, other_post = clash
                        errors.append(
                            f"The categories {other_name!r} ({other_post.path}) and {node_name!r} "
                            f"({post.path}) would share the page 'category/{slug_path}/'; "
                            "use one spelling for both"
                        )
                        continue
                    owner_by_slug[slug_path] = (node_name, post)
                    category = Category(path[:depth], slug_path, parent)
                    tree.by_name[node_name] = category
                    if parent is None:
                        tree.roots.append(category)
                    else:
                        parent.children.append(category)
                if node_name not in seen_in_post:
                    seen_in_post.add(node_name)
                    category.posts.append(post)
    if errors:
        raise CategoryError("\n".join(dict.fromkeys(errors)))
    return tree
