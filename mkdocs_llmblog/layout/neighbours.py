"""Previous and next posts: the next older and next newer published post, by scope."""

from __future__ import annotations

from collections.abc import Sequence

from mkdocs_llmblog.model import Neighbours, Post


def find_neighbours(published: Sequence[Post], scope: str) -> dict[str, Neighbours]:
    """Each post's neighbours, by source path, in one pass per sequence.

    `published` is newest first. With scope `category`, a post's neighbours are taken among the
    posts whose first category is the same as its own first category; posts without categories
    link among themselves.
    """
    sequences: dict[str, list[Post]] = {}
    for post in published:
        key = ""
        if scope == "category" and post.categories:
            key = post.categories[0]
        sequences.setdefault(key, []).append(post)
    neighbours: dict[str, Neighbours] = {}
    for sequence in sequences.values():
        for index, post in enumerate(sequence):
            newer = sequence[index - 1] if index > 0 else None
            older = sequence[index + 1] if index + 1 < len(sequence) else None
            neighbours[post.src_uri] = Neighbours(older, newer)
    return neighbours
