"""Making URL slugs from titles."""

from __future__ import annotations

import hashlib
import posixpath
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


def file_name_title(src_uri: str) -> str:
    """The title MkDocs gives a page without one, from its file name (`my-post.md` ->
    "My post"), as Material's blog titles a post with no title and no heading."""
    stem = posixpath.splitext(posixpath.basename(src_uri))[0]
    if stem in ("index", "README"):
        stem = posixpath.basename(posixpath.dirname(src_uri)) or stem
    title = stem.replace("-", " ").replace("_", " ")
    return title.capitalize() if title.lower() == title else title


def material_slug_source(meta_title: str | None, body: str, src_uri: str) -> str:
    """The text Material's blog makes a post's slug from, as MkDocs titles a page before it is
    rendered: front matter's `title`, else the first line of the body when it is a `# heading`
    (as written, Markdown and all), else the file name."""
    if meta_title is not None:
        return meta_title
    for line in body.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = line.strip()
        if not line:
            continue
        if line.startswith("# "):
            return line.lstrip("# ")
        break
    return file_name_title(src_uri)
