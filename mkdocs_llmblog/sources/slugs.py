"""Making URL slugs from titles."""

from __future__ import annotations

import hashlib

from slugify import slugify


def make_slug(text: str, max_length: int) -> str:
    """A lower-case ASCII slug for `text`, never empty.

    Non-Latin scripts are transliterated (CJK, Cyrillic, Greek, ...). A text with nothing to
    transliterate, such as a title of emoji alone, gets a stable slug made from its hash.
    """
    slug = slugify(text, max_length=max_length, word_boundary=True, save_order=True)
    if not slug:
        slug = slugify(text[:max_length], max_length=max_length)
    if not slug:
        slug = "post-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
    return slug
