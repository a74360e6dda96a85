"""The post model: front matter read and validated once, into typed objects."""

from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from mkdocs_llmblog.dates import DateError, PostDate, parse_post_date
from mkdocs_llmblog.featured import (
    ImageSpec,
    ImageSpecError,
    first_markdown_image,
    parse_image_spec,
)
from mkdocs_llmblog.frontmatter import FrontMatterError, split_front_matter
from mkdocs_llmblog.slugs import make_slug

ATX_H1_RE = re.compile(r"^ {0,3}#(?!#)[ \t]+(?P<title>.+?)(?:[ \t]+#+)?[ \t]*$")
FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
ATTR_LIST_RE = re.compile(r"\s*\{:?[^}]*\}\s*$")
WORD_RE = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]|[^\W_]+(?:['\u2019][^\W_]+)*"
)
CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
MARKUP_RE = re.compile(r"<!--.*?-->|<[^>]+>|\]\([^)]*\)", re.DOTALL)


class PostError(ValueError):
    """A post whose front matter or content cannot be published; names the file and key."""

    def __init__(self, path: str, key: str | None, problem: str) -> None:
        where = f"front matter key '{key}'" if key else "front matter"
        super().__init__(f"{path}: {where} {problem}")
        self.path = path
        self.key = key


@dataclass(frozen=True)
class Heading:
    """The first level-one heading of a Markdown body."""

    title: str
    line_index: int


@dataclass(slots=True)
class Post:
    """One blog post, as its front matter and source describe it."""

    src_uri: str
    path: str
    """The path to show in messages, e.g. `docs/blog/posts/hello.md`."""
    title: str
    title_from_heading: bool
    date: PostDate
    updated: PostDate | None
    slug: str
    description: str | None
    categories: tuple[str, ...]
    tags: tuple[str, ...]
    authors: tuple[str, ...]
    draft: bool
    reading_minutes: int
    image: ImageSpec | None = None
    """The featured image as written in front matter."""
    first_image: ImageSpec | None = None
    """The first image of the body, for `image_from_content`."""
    source_hash: str = ""
    """A hash of the post's source file, to tell whether it changed between builds."""

    @property
    def sort_key(self) -> tuple[float, str]:
        """Newest first when sorted in reverse; the source path breaks ties, stably."""
        return (self.date.moment.timestamp(), self.src_uri)


@dataclass(frozen=True)
class PostReadingOptions:
    """What reading a post needs to know of the plugin's options."""

    zone: ZoneInfo
    slug_max_length: int
    words_per_minute: int
    find_first_image: bool = False
    """Look for the body's first image (for `image_from_content`)."""


def read_post(src_uri: str, path: str, source: str, options: PostReadingOptions) -> Post:
    """Read a post's source into a `Post`.

    Raises:
        PostError: a key is missing or has a bad value; the message names the file and key.
    """
    try:
        parts = split_front_matter(source)
    except FrontMatterError as error:
        raise PostError(path, None, str(error)) from None
    meta = parts.meta
    field_reader = _FieldReader(path, meta)

    date, updated = field_reader.dates(options.zone)
    heading = find_first_heading(parts.body)
    title = field_reader.text("title")
    title_from_heading = title is None
    if title is None:
        if heading is None:
            raise PostError(
                path,
                "title",
                "is missing and the post has no '# heading'; add 'title: ...' to the front matter",
            )
        title = heading.title
    slug_source = field_reader.text("slug")
    slug = make_slug(slug_source if slug_source is not None else title, options.slug_max_length)

    return Post(
        src_uri=src_uri,
        path=path,
        title=title,
        title_from_heading=title_from_heading,
        date=date,
        updated=updated,
        slug=slug,
        description=field_reader.text("description"),
        categories=field_reader.names("categories"),
        tags=field_reader.names("tags"),
        authors=field_reader.names("authors"),
        draft=field_reader.flag("draft"),
        reading_minutes=reading_minutes(parts.body, options.words_per_minute),
        source_hash=hashlib.sha1(source.encode("utf-8"), usedforsecurity=False).hexdigest(),
        image=field_reader.image(),
        first_image=first_markdown_image(parts.body) if options.find_first_image else None,
    )


class _FieldReader:
    """Typed access to one post's front matter, raising `PostError` with the key's name."""

    def __init__(self, path: str, meta: dict[str, Any]) -> None:
        self.path = path
        self.meta = meta

    def fail(self, key: str, problem: str) -> PostError:
        return PostError(self.path, key, problem)

    def dates(self, zone: ZoneInfo) -> tuple[PostDate, PostDate | None]:
        raw_date = self.meta.get("date")
        raw_updated = self.meta.get("updated")
        if isinstance(raw_date, dict):
            # Material's blog writes `date: {created: ..., updated: ...}`; accept it for migrations.
            raw_updated = raw_date.get("updated", raw_updated)
            raw_date = raw_date.get("created")
            if raw_date is None:
                raise self.fail("date", "is a mapping without 'created'; write 'date: YYYY-MM-DD'")
        if raw_date is None:
            raise self.fail("date", "is missing; add 'date: YYYY-MM-DD' to the front matter")
        date = self._date("date", raw_date, zone)
        updated = None if raw_updated is None else self._date("updated", raw_updated, zone)
        return date, updated

    def _date(self, key: str, value: object, zone: ZoneInfo) -> PostDate:
        try:
            return parse_post_date(value, zone)
        except DateError as error:
            raise self.fail(key, str(error)) from None

    def text(self, key: str) -> str | None:
        value = self.meta.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise self.fail(key, f"must be a text, not {_describe(value)}")
        text = str(value).strip()
        if not text:
            raise self.fail(key, "is empty; remove the key or give it a value")
        return text

    def names(self, key: str) -> tuple[str, ...]:
        value = self.meta.get(key)
        if value is None:
            return ()
        if not isinstance(value, list):
            example = value if isinstance(value, str) else "Name"
            raise self.fail(
                key, f"must be a list, not {_describe(value)}; write '{key}: [{example}]'"
            )
        names: list[str] = []
        for index, item in enumerate(value, start=1):
            if isinstance(item, bool) or not isinstance(item, str | int | float):
                raise self.fail(key, f"item {index} must be a text, not {_describe(item)}")
            name = " ".join(str(item).split())
            if not name:
                raise self.fail(key, f"item {index} is empty")
            if name not in names:
                names.append(name)
        return tuple(names)

    def image(self) -> ImageSpec | None:
        value = self.meta.get("image")
        if value is None:
            return None
        try:
            return parse_image_spec(value)
        except ImageSpecError as error:
            raise self.fail(error.key, str(error)) from None

    def flag(self, key: str) -> bool:
        value = self.meta.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(key, f"must be true or false, not {_describe(value)}")
        return value


def _describe(value: object) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"{value!r} ({type(value).__name__})"


def find_first_heading(markdown: str) -> Heading | None:
    """The first ATX `# heading` outside code fences, with its line's index."""
    fence: str | None = None
    for index, line in enumerate(markdown.split("\n")):
        fence_match = FENCE_RE.match(line)
        if fence_match:
            marker = fence_match.group(1)
            if fence is None:
                fence = marker[0] * 3
            elif marker.startswith(fence):
                fence = None
            continue
        if fence is not None:
            continue
        heading_match = ATX_H1_RE.match(line)
        if heading_match:
            title = ATTR_LIST_RE.sub("", heading_match.group("title")).strip()
            if title:
                return Heading(title, index)
    return None


def remove_line(markdown: str, line_index: int) -> str:
    """The Markdown without one line (used to drop a heading that became the title)."""
    lines = markdown.split("\n")
    del lines[line_index]
    return "\n".join(lines)


def reading_minutes(markdown: str, words_per_minute: int) -> int:
    """Estimated reading time: words (and CJK characters) over reading speed, at least 1."""
    text = MARKUP_RE.sub(" ", markdown)
    # Splitting on spaces is much faster and counts alphabetic scripts about the same;
    # CJK scripts have no spaces between words and need the character count.
    words = len(WORD_RE.findall(text)) if CJK_RE.search(text) else len(text.split())
    return max(1, math.ceil(words / words_per_minute))
