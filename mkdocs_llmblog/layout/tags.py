"""Tags: one per spelling that differs only in case or spaces, each with a distinct slug.

Tags and categories are two taxonomies: the same word may be both, with a page in each.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from mkdocs_llmblog.layout.categories import category_slug
from mkdocs_llmblog.model import Post, Tag, tag_key


class TagError(ValueError):
    """Tags that cannot be published as written."""


@dataclass
class TagIndex:
    """The tags of a build by `tag_key`, and what their authors should hear of."""

    by_key: dict[str, Tag] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def tag_slug(name: str) -> str:
    """A tag's slug, made as a category's (`C++` -> `c-plus-plus`, `C#` -> `c-sharp`)."""
    return category_slug(name, "tag")


def build_tags(posts: Sequence[Post], allowed: Sequence[str] | None) -> TagIndex:
    """File the posts (newest first) under their tags.

    A tag is shown as its oldest post writes it; another spelling of it is a warning naming both
    posts.

    Raises:
        TagError: naming each post with a tag outside `allowed`, or two tags that would share a
            page.
    """
    index = TagIndex()
    allowed_keys = None if allowed is None else {tag_key(name) for name in allowed}
    first_post: dict[str, Post] = {}
    owner_by_slug: dict[str, str] = {}
    errors: list[str] = []
    # Oldest first: a tag is named as it was first written.
    for post in reversed(posts):
        for name in post.tags:
            key = tag_key(name)
            if allowed_keys is not None and key not in allowed_keys:
                errors.append(
                    f"{post.path}: front matter key 'tags' has {name!r}, which is not in "
                    "'tags_allowed'; fix the name or add it to the list in mkdocs.yml"
                )
                continue
            tag = index.by_key.get(key)
            if tag is None:
                slug = tag_slug(name)
                other = owner_by_slug.get(slug)
                if other is not None:
                    errors.append(
                        f"The tags {index.by_key[other].name!r} ({first_post[other].path}) and "
                        f"{name!r} ({post.path}) would share the page 'tag/{slug}/'; use one "
                        "spelling for both"
                    )
                    continue
                owner_by_slug[slug] = key
                tag = index.by_key[key] = Tag(name, slug)
                first_post[key] = post
            elif name != tag.name:
                index.warnings.append(
                    f"{post.path}: front matter key 'tags' has {name!r}, which "
                    f"{first_post[key].path} writes {tag.name!r}; they are one tag, shown as "
                    f"{tag.name!r}. Write it one way"
                )
    if errors:
        raise TagError("\n".join(dict.fromkeys(errors)))
    # Each tag's posts, newest first, each once.
    for post in posts:
        for key in dict.fromkeys(tag_key(name) for name in post.tags):
            tag = index.by_key.get(key)
            if tag is not None:
                tag.posts.append(post)
    return index
