"""Categories: the tree declared by posts' `categories` (`Parent/Child`), with distinct slugs."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from slugify import slugify

from mkdocs_llmblog.posts import Post

# Characters that carry meaning in category names but vanish from plain slugs ("C++" vs "C#").
SPOKEN_SYMBOLS = (("+", " plus "), ("#", " sharp "), ("&", " and "), ("@", " at "))


class CategoryError(ValueError):
    """Categories that cannot be published as written."""


@dataclass
class Category:
    """One category: a node of the tree, with the posts filed under it."""

    path: tuple[str, ...]
    """The names from the root, e.g. ("AI", "Safety")."""
    slug_path: str
    """The URL path under the category folder, e.g. `ai/safety`."""
    parent: Category | None
    children: list[Category] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    """Posts of this category and its descendants, newest first, each once."""

    @property
    def name(self) -> str:
        return self.path[-1]

    @property
    def full_name(self) -> str:
        return "/".join(self.path)

    @property
    def trail(self) -> list[Category]:
        """The ancestors, root first."""
        ancestors = []
        node = self.parent
        while node is not None:
            ancestors.append(node)
            node = node.parent
        return ancestors[::-1]


@dataclass
class CategoryTree:
    """All categories of a build, by full name."""

    by_name: dict[str, Category] = field(default_factory=dict)
    roots: list[Category] = field(default_factory=list)


def sort_categories(categories: Iterable[Category], by_count: bool) -> list[Category]:
    """By name, or by number of posts (most first, then by name)."""
    if by_count:
        return sorted(categories, key=lambda c: (-len(c.posts), c.name.casefold()))
    return sorted(categories, key=lambda c: c.name.casefold())


def category_slug(name: str) -> str:
    """The slug of one category name; symbols such as `+` and `#` are spelled out."""
    text = name
    for symbol, spoken in SPOKEN_SYMBOLS:
        text = text.replace(symbol, spoken)
    return slugify(text, max_length=60, word_boundary=True) or slugify(name) or "category"


def split_category(name: str) -> tuple[str, ...]:
    """`"AI / Safety"` -> `("AI", "Safety")`; empty parts are an error."""
    parts = tuple(" ".join(part.split()) for part in name.split("/"))
    if any(not part for part in parts):
        raise CategoryError(f"{name!r} has an empty part; write it as 'Parent/Child'")
    return parts


def build_category_tree(posts: Sequence[Post], allowed: Sequence[str] | None) -> CategoryTree:
    """File the posts (newest first) under their categories and their categories' ancestors.

    Raises:
        CategoryError: naming each post with a category outside `allowed`, an empty part, or two
            names that would share one page.
    """
    tree = CategoryTree()
    errors: list[str] = []
    allowed_names = None if allowed is None else {"/".join(split_category(a)) for a in allowed}
    owner_by_slug: dict[str, tuple[str, Post]] = {}
    for post in posts:
        seen_in_post: set[str] = set()
        for declared in post.categories:
            try:
                path = split_category(declared)
            except CategoryError as error:
                errors.append(f"{post.path}: front matter key 'categories' {error}")
                continue
            full_name = "/".join(path)
            if allowed_names is not None and full_name not in allowed_names:
                errors.append(
                    f"{post.path}: front matter key 'categories' has {full_name!r}, which is not "
                    "in 'categories_allowed'; fix the name or add it to the list in mkdocs.yml"
                )
                continue
            for depth in range(1, len(path) + 1):
                node_name = "/".join(path[:depth])
                category = tree.by_name.get(node_name)
                if category is None:
                    parent = tree.by_name.get("/".join(path[: depth - 1])) if depth > 1 else None
                    slug_path = "/".join(category_slug(part) for part in path[:depth])
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
