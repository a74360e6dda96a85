"""Related posts: those sharing the most categories and tags, newest first among equals."""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Sequence
from itertools import chain

from mkdocs_llmblog.model import Post

TERM_WINDOW = 200
"""Through a category or tag of more posts than this, only its newest ones are candidates: one
big category would otherwise make every post count every other (quadratic)."""


def post_terms(post: Post) -> frozenset[str]:
    """What a post is about: its categories (full names) and tags (case-insensitive)."""
    categories = {"category:" + name for name in post.categories}
    tags = {"tag:" + tag.casefold() for tag in post.tags}
    return frozenset(categories | tags)


def find_related(published: Sequence[Post], count: int) -> dict[str, list[Post]]:
    """Up to `count` related posts for each post, by source path.

    Posts are looked up through an index from term to posts, never pair by pair; posts with the
    same terms share one computation, so a blog of a few categories costs one count per
    combination of categories, and a blog of many small tags costs only those tags' posts.
    """
    if count <= 0:
        return {}
    # Positions in `published`: 0 is the newest post, so smaller is newer.
    posts_by_term: dict[str, list[int]] = {}
    terms_by_post: list[frozenset[str]] = []
    for position, post in enumerate(published):
        terms = post_terms(post)
        terms_by_post.append(terms)
        for term in terms:
            posts_by_term.setdefault(term, []).append(position)

    best_by_terms: dict[frozenset[str], list[int]] = {}
    related: dict[str, list[Post]] = {}
    for position, post in enumerate(published):
        terms = terms_by_post[position]
        if not terms:
            continue
        best = best_by_terms.get(terms)
        if best is None:
            shared = Counter(
                chain.from_iterable(posts_by_term[term][:TERM_WINDOW] for term in terms)
            )
            # One more than needed: the post itself is among them (it shares every term).
            best = heapq.nsmallest(count + 1, shared, key=lambda p: (-shared[p], p))
            best_by_terms[terms] = best
        related[post.src_uri] = [published[p] for p in best if p != position][:count]
    return related
