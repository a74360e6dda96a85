"""Lists embedded in any Markdown page: `<!-- llmblog:recent-posts count=3 -->` and
`<!-- llmblog:tags style=cloud limit=20 -->`."""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass

from mkdocs_llmblog.model import CategoryNameError, category_full_name, tag_key
from mkdocs_llmblog.render.markers import Slots
from mkdocs_llmblog.sources.markdown import code_spans, in_spans

DIRECTIVE_RE = re.compile(r"<!--\s*llmblog:(?P<name>[^\s>]*)(?P<arguments>.*?)-->", re.DOTALL)
DIRECTIVE_NAMES = ("recent-posts", "tags")
ARGUMENTS = {"recent-posts": ("count", "category", "tag"), "tags": ("style", "limit")}
EXAMPLES = {"recent-posts": 'count=3 or category="Name"', "tags": "style=list or limit=20"}
MAX_COUNT = 100
COUNT_RE = re.compile(r"[0-9]{1,3}")
"""Digits only (`isdigit` takes `²`), and few enough for `int`."""


class EmbedError(ValueError):
    """A malformed directive; the message gives the line."""


@dataclass(frozen=True)
class RecentPostsEmbed:
    count: int
    category: str | None
    tag: str | None = None


@dataclass(frozen=True)
class TagsEmbed:
    style: str
    """`cloud` or `list`."""
    limit: int | None
    """The most used tags only; None for all."""


Embed = RecentPostsEmbed | TagsEmbed


def find_embeds(
    markdown: str,
    known_categories: set[str],
    default_count: int,
    line_offset: int,
    slots: Slots,
    known_tags: set[str] | None = None,
) -> tuple[str, list[Embed]]:
    """Replace each directive with a placeholder; return the Markdown and the embeds in order.

    `line_offset` is the number of lines before the Markdown in the file (its front matter);
    `known_tags` holds the `tag_key` of each published tag, None where tags are turned off.

    Raises:
        EmbedError: naming the line of the first malformed directive.
    """
    if "llmblog:" not in markdown:
        return markdown, []
    embeds: list[Embed] = []
    code = code_spans(markdown)

    def replace(match: re.Match[str]) -> str:
        if in_spans(match.start(), code):
            return match.group(0)  # Shown as an example in code, not a directive.
        line = line_offset + markdown.count("\n", 0, match.start()) + 1
        embeds.append(_parse(match, known_categories, known_tags, default_count, line))
        # Blank lines around it make the placeholder a block of its own in Markdown.
        return "\n\n" + slots.embed(len(embeds) - 1) + "\n\n"

    return DIRECTIVE_RE.sub(replace, markdown), embeds


def _parse(
    match: re.Match[str],
    known_categories: set[str],
    known_tags: set[str] | None,
    default_count: int,
    line: int,
) -> Embed:
    name = match["name"]
    where = f"line {line}: '{match.group(0).strip()}'"
    if name not in DIRECTIVE_NAMES:
        raise EmbedError(
            f"{where} is not a known directive; write <!-- llmblog:recent-posts --> or "
            "<!-- llmblog:tags -->"
        )
    try:
        words = shlex.split(match["arguments"])
    except ValueError as error:
        raise EmbedError(f'{where} cannot be read ({error}); quote values with "..."') from None
    values: dict[str, str] = {}
    for word in words:
        key, equals, value = word.partition("=")
        if not equals or key not in ARGUMENTS[name]:
            raise EmbedError(f"{where} has {word!r}; write arguments as {EXAMPLES[name]}")
        if key in values:
            raise EmbedError(f"{where} gives '{key}' twice")
        values[key] = value
    if name == "tags":
        if known_tags is None:
            raise EmbedError(
                f"{where}: tags are turned off ('tags: false' in mkdocs.yml); remove it or "
                "turn tags on"
            )
        return _tags(values, where)
    count = default_count
    if "count" in values:
        if not COUNT_RE.fullmatch(values["count"]) or not 1 <= int(values["count"]) <= MAX_COUNT:
            raise EmbedError(f"{where}: count must be a whole number from 1 to {MAX_COUNT}")
        count = int(values["count"])
    category = values.get("category")
    if category is not None:
        try:
            category = category_full_name(category)
        except CategoryNameError as error:
            raise EmbedError(f"{where}: category {error}") from None
        if category not in known_categories:
            raise EmbedError(f"{where}: no published post has the category {category!r}")
    tag = values.get("tag")
    if tag is not None and known_tags is None:
        raise EmbedError(
            f"{where}: tags are turned off ('tags: false' in mkdocs.yml); remove tag= or turn "
            "tags on"
        )
    if tag is not None and known_tags is not None and tag_key(tag) not in known_tags:
        raise EmbedError(f"{where}: no published post has the tag {tag!r}")
    return RecentPostsEmbed(count, category, tag)


def _tags(values: dict[str, str], where: str) -> TagsEmbed:
    style = values.get("style", "cloud")
    if style not in ("cloud", "list"):
        raise EmbedError(f"{where}: style must be cloud or list")
    limit = values.get("limit")
    if limit is not None and (not COUNT_RE.fullmatch(limit) or not 1 <= int(limit) <= 999):
        raise EmbedError(f"{where}: limit must be a whole number from 1 to 999")
    return TagsEmbed(style, int(limit) if limit is not None else None)
