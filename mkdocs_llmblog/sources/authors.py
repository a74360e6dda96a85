"""Reading the authors file (`<blog_dir>/.authors.yml`, Material's format) into `Author`s.

The file sits in docs_dir and starts with a dot, so MkDocs neither renders nor copies it.
Every problem is a `PluginError` naming the file and the key.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from mkdocs.exceptions import PluginError

from mkdocs_llmblog.model import Author, AuthorLink, Post, shorten, without_xml_forbidden
from mkdocs_llmblog.sources.slugs import make_slug

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg"})
"""The avatars a browser shows, by file name."""
LINK_SCHEMES = frozenset({"http", "https", "mailto"})
"""The schemes an author's `url` and `links` may use (never `javascript:`)."""
MAX_AUTHORS = 1000
MAX_TEXT = 10_000


def authors_file_path(authors_file: str, blog_dir: str) -> str:
    """The authors file's path inside docs_dir: `{blog}` is `blog_dir`."""
    return posixpath.normpath(authors_file.replace("{blog}", blog_dir)).lstrip("/")


def read_authors(
    docs_dir: str,
    docs_name: str,
    rel_path: str,
    slug_max_length: int = 60,
    slugs_as_written: bool = False,
) -> dict[str, Author]:
    """The authors of `<docs_dir>/<rel_path>`, by id; empty when there is no such file.

    With `slugs_as_written` (Material's rules), an author's page is at its `slug` or id as
    written, as Material's blog puts it, where that is one safe path segment.

    Raises:
        PluginError: the file is not valid YAML or an entry is wrong; names the file and key.
    """
    file = Path(docs_dir, rel_path)
    shown = posixpath.join(docs_name, rel_path)
    if not file.is_file():
        return {}
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError, OSError) as error:
        raise PluginError(f"{shown}: the authors file cannot be read: {error}") from None
    if data is None:
        return {}
    if not isinstance(data, dict) or not isinstance(data.get("authors", {}), dict):
        raise PluginError(
            f"{shown}: the authors file must be a mapping 'authors: {{id: {{name: ...}}}}'"
        )
    entries = data.get("authors") or {}
    if len(entries) > MAX_AUTHORS:
        raise PluginError(f"{shown}: key 'authors' has more than {MAX_AUTHORS} authors")
    reader = _Reader(shown, docs_dir, posixpath.dirname(rel_path), slug_max_length)
    reader.slugs_as_written = slugs_as_written
    authors: dict[str, Author] = {}
    slugs: dict[str, str] = {}
    for key, entry in entries.items():
        author = reader.author(str(key), entry)
        if author.slug in slugs:
            raise PluginError(
                f"{shown}: key 'authors.{key}.slug': {author.slug!r} is also the slug of "
                f"'{slugs[author.slug]}'; give one of them its own 'slug'"
            )
        slugs[author.slug] = author.id
        authors[author.id] = author
    return authors


def check_post_authors(posts: Iterable[Post], authors: dict[str, Author], shown: str) -> None:
    """Every post's `authors` ids are in the authors file (when the site has one).

    Raises:
        PluginError: naming each post, the unknown id and the file.
    """
    if not authors:
        return
    problems = [
        f"{post.path}: front matter key 'authors' names {shorten(name)!r}, which is not an "
        f"author of {shown} (known: {', '.join(sorted(authors))})"
        for post in posts
        for name in post.authors
        if name not in authors
    ]
    if problems:
        raise PluginError("\n".join(problems))


def is_path_segment(text: str) -> bool:
    """Whether `text` can be one folder of a URL as it is: no `/`, `\\`, `.`, `..` or controls."""
    return (
        text not in (".", "..") and not any(mark in text for mark in "/\\") and text.isprintable()
    )


class _Reader:
    def __init__(self, shown: str, docs_dir: str, file_dir: str, slug_max_length: int) -> None:
        self.shown = shown
        self.docs_dir = docs_dir
        self.file_dir = file_dir
        self.slug_max_length = slug_max_length
        self.slugs_as_written = False

    def fail(self, key: str, problem: str) -> PluginError:
        return PluginError(f"{self.shown}: key '{key}' {problem}")

    def text(self, where: str, entry: dict[str, Any], name: str) -> str | None:
        value = entry.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise self.fail(f"{where}.{name}", "must be a text")
        text = without_xml_forbidden(str(value)).strip()
        if len(text) > MAX_TEXT:
            raise self.fail(f"{where}.{name}", f"has more than {MAX_TEXT:,} characters")
        return text or None

    def author(self, key: str, entry: object) -> Author:
        where = f"authors.{key}"
        if not isinstance(entry, dict):
            raise self.fail(where, "must be a mapping with at least 'name'")
        name = self.text(where, entry, "name")
        if name is None:
            raise self.fail(f"{where}.name", "is missing; every author needs a name")
        slug_text = self.text(where, entry, "slug")
        written = (slug_text or key).strip()
        if self.slugs_as_written and written and is_path_segment(written):
            slug = written
        else:
            slug = make_slug(slug_text or key, self.slug_max_length)
        if not slug:
            raise self.fail(f"{where}.slug", "gives an empty slug; write one with letters")
        url = self.text(where, entry, "url")
        if url is not None:
            self.check_url(f"{where}.url", url)
        return Author(
            id=key,
            name=name,
            slug=slug,
            description=self.text(where, entry, "description"),
            avatar=self.avatar(where, entry),
            url=url,
            email=self.text(where, entry, "email"),
            links=self.links(where, entry.get("links")),
            bio=self.text(where, entry, "bio"),
        )

    def check_url(self, key: str, url: str) -> None:
        scheme = urlsplit(url).scheme.lower()
        if scheme not in LINK_SCHEMES:
            raise self.fail(
                key,
                f"is {shorten(url)!r}: an author's links must be http://, https:// or mailto: "
                "addresses",
            )

    def links(self, where: str, value: object) -> tuple[AuthorLink, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            raise self.fail(f"{where}.links", "must be a list of {title, url}")
        links = []
        for number, item in enumerate(value, start=1):
            key = f"{where}.links[{number}]"
            if not isinstance(item, dict):
                raise self.fail(key, "must be a mapping {title, url}")
            url = self.text(key, item, "url")
            if url is None:
                raise self.fail(f"{key}.url", "is missing")
            self.check_url(f"{key}.url", url)
            links.append(AuthorLink(self.text(key, item, "title") or url, url))
        return tuple(links)

    def avatar(self, where: str, entry: dict[str, Any]) -> str | None:
        avatar = self.text(where, entry, "avatar")
        if avatar is None:
            return None
        key = f"{where}.avatar"
        parts = urlsplit(avatar)
        if parts.scheme == "https":
            return avatar
        if parts.scheme or parts.netloc:
            raise self.fail(key, f"is {shorten(avatar)!r}: use an https:// URL or a local image")
        path = parts.path.lstrip("/")
        # Material resolves the path from docs_dir; a path beside the authors file works too.
        candidates = [posixpath.normpath(path)]
        if not avatar.startswith("/"):
            candidates.append(posixpath.normpath(posixpath.join(self.file_dir, path)))
        for candidate in candidates:
            if candidate.startswith("..") or candidate.split("/")[-1].startswith("."):
                continue
            if Path(self.docs_dir, candidate).is_file():
                if posixpath.splitext(candidate)[1].lower() not in IMAGE_SUFFIXES:
                    raise self.fail(
                        key,
                        f"is {shorten(avatar)!r}, which is not an image "
                        f"({', '.join(sorted(IMAGE_SUFFIXES))})",
                    )
                return candidate
        raise self.fail(
            key, f"is {shorten(avatar)!r}, but there is no such file in docs_dir or beside the file"
        )
