"""What a build leaves for the next one, so `--dirty` builds are never stale.

A dirty build renders only the pages whose source changed. The record keeps each post's excerpt
(so lists can show posts that were not rendered) and a signature of everything a post shows on
other pages (title, date, categories, image...). When the signature changed, every page is
rebuilt; when only a body changed, only that post and the pages of lists that show it are.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from dataclasses import dataclass, field
from typing import Any

from mkdocs.structure.files import File, Files

from mkdocs_llmblog.cache.files import entry_check, write_whole
from mkdocs_llmblog.model import Blog, Excerpt

RECORD_VERSION = 3
RECORD_FILE = "build-record.json"


@dataclass
class RecordedExcerpt:
    key: str
    html: str
    has_more: bool
    description: str
    reading_minutes: int


@dataclass
class BuildRecord:
    signature: str
    excerpts: dict[str, RecordedExcerpt] = field(default_factory=dict)


def stable_text(value: object) -> str:
    """A value as the signature writes it: functions (Material's `post_slugify`) by their
    name and arguments, not by their address in this process."""
    if isinstance(value, functools.partial):
        keywords = sorted(value.keywords.items())
        return f"partial({stable_text(value.func)}, {value.args!r}, {keywords!r})"
    if callable(value):
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', '')}"
    return str(value)


def blog_signature(blog: Blog, options: dict[str, Any]) -> str:
    """A hash of everything that shows beyond a post's own page, and of the plugin's options."""
    digest = hashlib.sha256(json.dumps(options, sort_keys=True, default=stable_text).encode())
    for post in blog.published:
        image = blog.images.get(post.src_uri)
        shown = [
            post.src_uri,
            blog.post_urls[post.src_uri],
            post.title,
            post.date.isoformat(),
            post.updated.isoformat() if post.updated else "",
            post.categories,
            post.tags,
            post.authors,
            blog.draft_marks.get(post.src_uri, ""),
            post.pinned,
            post.readtime,
            repr(image),
        ]
        digest.update(json.dumps(shown, default=str).encode())
    # The authors file shows on every page with a byline or author box.
    digest.update(json.dumps([repr(author) for author in blog.authors.values()]).encode())
    digest.update(json.dumps(blog.avatars, sort_keys=True).encode())
    # A share card is named by a hash of what it shows, which its post's source need not hold
    # (the template file, a font, the logo): a new card is a new og:image on its post's page.
    cards = {src_uri: card.url for src_uri, card in blog.share_cards.items()}
    digest.update(json.dumps(cards, sort_keys=True).encode())
    return digest.hexdigest()


def config_file_hash(path: str | None) -> str:
    """A hash of `mkdocs.yml`: a change there (the theme's settings, the site's name...) can
    show on every page, so it changes the blog's signature and a `--dirty` build rebuilds all."""
    try:
        with open(path or "", "rb") as stream:
            return hashlib.sha256(stream.read()).hexdigest()
    except OSError:
        return ""


TEMPLATE_SUFFIXES = (".html", ".xml", ".j2", ".jinja", ".jinja2")


def templates_stamp(folders: list[str]) -> str:
    """A hash of the name, size and modification time of every template in the theme's folders
    (`custom_dir` and the plugin's own included): an edited template can show on every page, so
    it changes the blog's signature and a `--dirty` build rebuilds all."""
    digest = hashlib.sha256()
    for folder in folders:
        for root, dirs, names in os.walk(folder):
            dirs.sort()
            for name in sorted(names):
                if not name.endswith(TEMPLATE_SUFFIXES):
                    continue
                path = os.path.join(root, name)
                try:
                    info = os.stat(path)
                except OSError:
                    continue
                digest.update(f"{path}|{info.st_size}|{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def excerpt_key(blog: Blog, src_uri: str, separator: str) -> str:
    """What an excerpt depends on: the source, where the post is published, the mark."""
    post = blog.posts_by_src[src_uri]
    text = f"{post.source_hash}|{blog.post_urls[src_uri]}|{separator}"
    return hashlib.sha256(text.encode()).hexdigest()


def _recorded(value: object) -> RecordedExcerpt | None:
    """A recorded excerpt if its check and the types of its values hold, else None."""
    if not isinstance(value, dict) or value.get("check") != entry_check(value):
        return None
    key, html, has_more = value.get("key"), value.get("html"), value.get("has_more")
    description, minutes = value.get("description"), value.get("reading_minutes")
    if not (isinstance(key, str) and isinstance(html, str) and isinstance(description, str)):
        return None
    if type(has_more) is not bool or type(minutes) is not int or minutes < 1:
        return None
    return RecordedExcerpt(key, html, has_more, description, minutes)


def load_record(cache_dir: str) -> BuildRecord | None:
    """The last build's record, or None if there is none or it cannot be trusted.

    An entry that fails its check is left out: its post is rendered again.
    """
    try:
        with open(os.path.join(cache_dir, RECORD_FILE), encoding="utf-8") as stream:
            data = json.load(stream)
        if data.get("version") != RECORD_VERSION or not isinstance(data["excerpts"], dict):
            return None
        excerpts = {}
        for src_uri, value in data["excerpts"].items():
            recorded = _recorded(value)
            if recorded is not None:
                excerpts[src_uri] = recorded
        return BuildRecord(str(data["signature"]), excerpts)
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def save_record(cache_dir: str, blog: Blog, signature: str, separator: str) -> None:
    """Write this build's record for the next one, whole or not at all.

    Written entry by entry, straight from the blog: a copy of every excerpt would raise the
    build's peak memory just as it ends.
    """
    with write_whole(os.path.join(cache_dir, RECORD_FILE), text=True) as stream:
        stream.write(f'{{"version": {RECORD_VERSION}, "signature": {json.dumps(signature)}')
        stream.write(', "excerpts": {')
        first = True
        for src_uri, excerpt in blog.excerpts.items():
            if src_uri not in blog.posts_by_src:
                continue
            entry: dict[str, Any] = {
                "key": excerpt_key(blog, src_uri, separator),
                "html": excerpt.html,
                "has_more": excerpt.has_more,
                "description": blog.descriptions.get(src_uri, ""),
                "reading_minutes": blog.reading_minutes.get(src_uri, 1),
            }
            entry["check"] = entry_check(entry)
            stream.write(("" if first else ", ") + json.dumps(src_uri) + ": ")
            stream.write(json.dumps(entry, ensure_ascii=False))
            first = False
        stream.write("}}")


def force_rebuild(file: File) -> None:
    """Make a `--dirty` build render this page although its source did not change."""
    file.is_modified = lambda: True  # type: ignore[method-assign]


def keep_written(file: File) -> None:
    """Make a `--dirty` build leave this page as the last build wrote it (MkDocs rebuilds every
    page generated in memory)."""
    file.is_modified = lambda: False  # type: ignore[method-assign]


def prepare_dirty_build(
    blog: Blog,
    files: Files,
    record: BuildRecord | None,
    signature: str,
    separator: str,
    always_render: frozenset[str] = frozenset(),
) -> None:
    """Reuse recorded excerpts; rebuild what they cannot stand in for.

    Every page is rebuilt when what posts show elsewhere changed (or there is no record); else
    the posts without a usable recorded excerpt are, with the pages of lists that show them.
    """
    if record is None or record.signature != signature:
        for file in files.documentation_pages():
            force_rebuild(file)
        return
    # Posts whose whole body goes into a feed (`feed_content: full`) are rendered every time.
    for src_uri in always_render:
        if (body_file := files.get_file_from_path(src_uri)) is not None:
            force_rebuild(body_file)
    changed: set[str] = set()
    for src_uri in blog.posts_by_src:
        recorded = record.excerpts.get(src_uri)
        if recorded is not None and recorded.key == excerpt_key(blog, src_uri, separator):
            blog.excerpts[src_uri] = Excerpt(recorded.html, recorded.has_more)
            blog.descriptions[src_uri] = recorded.description
            blog.reading_minutes[src_uri] = recorded.reading_minutes
        else:
            changed.add(src_uri)
            if (post_file := files.get_file_from_path(src_uri)) is not None:
                force_rebuild(post_file)
    # With the signature unchanged, a list shows what it showed unless one of its posts changed
    # (its excerpt, description or reading time). An author's own first page of a list
    # (blog/index.md, a category intro) is always rebuilt: its title may come from its heading.
    for list_page in blog.list_pages_by_src.values():
        file = list_page.file
        generated = file.abs_src_path is None
        shows_a_change = any(post.src_uri in changed for post in list_page.posts)
        if generated and not shows_a_change and os.path.isfile(file.abs_dest_path):
            keep_written(file)
        else:
            force_rebuild(file)
