"""Typed access to one post's front matter: each key read once, errors naming file and key."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from mkdocs_llmblog.images.spec import ImageSpecError, parse_image_spec
from mkdocs_llmblog.model import (
    XML_FORBIDDEN_RE,
    CategoryNameError,
    ImageSpec,
    LinkItem,
    PostDate,
    category_full_name,
    shorten,
    without_xml_forbidden,
)
from mkdocs_llmblog.sources.dates import DateError, parse_post_date
from mkdocs_llmblog.sources.links import LinksError, parse_links

MAX_NAMES = 100
"""At most this many categories, tags or authors a post: every category page shows the post's
card with all its categories, so a post's cost would grow with the square of their number."""
MAX_TEXT_LENGTH = 10_000
"""At most this many characters in a title, slug, or one name."""
MAX_DESCRIPTION_LENGTH = 100_000


MAX_MINUTES = 10_000
"""The longest reading time a post may state (`readtime`)."""
MAX_IDENTIFIER = 10**18 - 1
"""The largest id a post or page may carry (`wordpress_id`): 18 digits."""


class PostError(ValueError):
    """A post whose front matter or content cannot be published; names the file and key."""

    def __init__(self, path: str, key: str | None, problem: str) -> None:
        where = f"front matter key '{key}'" if key else "front matter"
        super().__init__(f"{path}: {where} {problem}")
        self.path = path
        self.key = key


class FieldReader:
    """Reads the keys of one post's front matter, raising `PostError` with the key's name."""

    def __init__(self, path: str, meta: dict[str, Any]) -> None:
        self.path = path
        self.meta = meta
        self.cleaned: dict[str, None] = {}
        """Keys whose text held characters XML forbids, which were removed."""

    def value_text(self, key: str, value: str | int | float) -> str:
        """A text or number as a text; Python refuses `str()` of an integer of 4,300 digits."""
        try:
            return str(value)
        except ValueError:
            raise self.fail(key, "is a number of thousands of digits; write a text") from None

    def clean(self, key: str, text: str) -> str:
        """`text` without the characters XML forbids; the key is noted for one warning."""
        if XML_FORBIDDEN_RE.search(text):
            self.cleaned[key] = None
            return without_xml_forbidden(text)
        return text

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
            raise self.fail(key, f"must be a text, not {describe_value(value)}")
        text = self.clean(key, self.value_text(key, value)).strip()
        if not text:
            raise self.fail(key, "is empty; remove the key or give it a value")
        limit = MAX_DESCRIPTION_LENGTH if key == "description" else MAX_TEXT_LENGTH
        if len(text) > limit:
            raise self.fail(key, f"has {len(text):,} characters; it may have at most {limit:,}")
        return text

    def names(self, key: str) -> tuple[str, ...]:
        value = self.meta.get(key)
        if value is None:
            return ()
        if not isinstance(value, list):
            example = value if isinstance(value, str) else "Name"
            raise self.fail(
                key, f"must be a list, not {describe_value(value)}; write '{key}: [{example}]'"
            )
        if len(value) > MAX_NAMES:
            raise self.fail(
                key, f"has {len(value):,} items; a post may have at most {MAX_NAMES} {key}"
            )
        names: list[str] = []
        for index, item in enumerate(value, start=1):
            if isinstance(item, bool) or not isinstance(item, str | int | float):
                raise self.fail(key, f"item {index} must be a text, not {describe_value(item)}")
            name = " ".join(self.clean(key, self.value_text(key, item)).split())
            if not name:
                raise self.fail(key, f"item {index} is empty")
            if len(name) > MAX_TEXT_LENGTH:
                raise self.fail(
                    key,
                    f"item {index} has {len(name):,} characters; it may have at most "
                    f"{MAX_TEXT_LENGTH:,}",
                )
            if name not in names:
                names.append(name)
        return tuple(names)

    def categories(self) -> tuple[str, ...]:
        """The `categories` key, each name normalised (`AI / Safety` -> `AI/Safety`)."""
        names: list[str] = []
        for name in self.names("categories"):
            try:
                full_name = category_full_name(name)
            except CategoryNameError as error:
                raise self.fail("categories", str(error)) from None
            if full_name not in names:
                names.append(full_name)
        return tuple(names)

    def image(self) -> ImageSpec | None:
        value = self.meta.get("image")
        if value is None:
            return None
        try:
            return parse_image_spec(value)
        except ImageSpecError as error:
            raise self.fail(error.key, str(error)) from None

    def minutes(self, key: str) -> int | None:
        """A whole number of minutes from 1 to 10,000, such as Material's `readtime: 5`."""
        value = self.meta.get(key)
        if value is None:
            return None
        if type(value) is not int or not 1 <= value <= MAX_MINUTES:
            raise self.fail(
                key,
                f"must be a whole number of minutes from 1 to {MAX_MINUTES:,}, not "
                f"{describe_value(value)}",
            )
        return value

    def links(self) -> tuple[LinkItem, ...]:
        try:
            return parse_links(self.meta.get("links"))
        except LinksError as error:
            raise self.fail("links", str(error)) from None

    def identifier(self, key: str) -> int | None:
        """A whole number from 1 to 18 digits, such as the importer's `wordpress_id: 123`."""
        value = self.meta.get(key)
        if value is None:
            return None
        if type(value) is not int or not 1 <= value <= MAX_IDENTIFIER:
            raise self.fail(
                key,
                f"must be a whole number from 1 to {MAX_IDENTIFIER}, not {describe_value(value)}",
            )
        return value

    def flag(self, key: str, default: bool = False) -> bool:
        value = self.meta.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(key, f"must be true or false, not {describe_value(value)}")
        return value


def describe_value(value: object) -> str:
    """A front matter value as a message shows it, cut to about 80 characters."""
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    try:
        shown = repr(value)
    except ValueError:  # An integer of more than 4,300 digits.
        shown = "a number of thousands of digits"
    return f"{shorten(shown)} ({type(value).__name__})"
