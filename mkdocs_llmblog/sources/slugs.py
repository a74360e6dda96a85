"""Making URL slugs from titles."""

from __future__ import annotations

import hashlib
import re

from slugify import slugify

WINDOWS_RESERVED_RE = re.compile(r"(?:con|prn|aux|nul|com[0-9]|lpt[0-9])", re.IGNORECASE)
"""Names Windows gives to devices: no file or folder may be called so (`con`, `nul.html`)."""


def not_reserved(slug: str, suffix: str) -> str:
    """`slug`, unless Windows reserves it for a device: then `slug-suffix` (`con-post`)."""
    return f"{slug}-{suffix}" if WINDOWS_RESERVED_RE.fullmatch(slug) else slug


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
    return not_reserved(slug, "post")
