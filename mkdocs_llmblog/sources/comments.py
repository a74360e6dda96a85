"""The `comments_archive` front matter key: comments kept from an earlier blog, checked once.

`llmblog import-wordpress --comments` writes it; anyone may edit it. Each entry is a mapping of
`id`, `author`, `date` and `text`, with `parent` (the `id` of the comment it answers) and `url`
(the author's site) where there are.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from mkdocs_llmblog.model import ArchivedComment
from mkdocs_llmblog.sources.dates import DateError, parse_post_date
from mkdocs_llmblog.sources.fields import FieldReader, describe_value

KEY = "comments_archive"
MAX_COMMENTS = 10_000
MAX_COMMENT_LENGTH = 100_000
MAX_NAME_LENGTH = 1_000


def read_archived_comments(fields: FieldReader, zone: ZoneInfo) -> tuple[ArchivedComment, ...]:
    """The post's archived comments, in their order.

    Raises:
        PostError: naming the key and the entry that is wrong.
    """
    value = fields.meta.get(KEY)
    if value is None:
        return ()
    if not isinstance(value, list):
        raise fields.fail(KEY, f"must be a list of comments, not {describe_value(value)}")
    if len(value) > MAX_COMMENTS:
        raise fields.fail(
            KEY, f"has {len(value):,} comments; a post may have at most {MAX_COMMENTS:,}"
        )
    comments: list[ArchivedComment] = []
    numbers: set[int] = set()
    for index, entry in enumerate(value, start=1):
        where = f"comment {index}"
        if not isinstance(entry, dict):
            raise fields.fail(KEY, f"{where} must be a mapping, not {describe_value(entry)}")
        number = entry.get("id")
        if type(number) is not int or number < 0:
            raise fields.fail(
                KEY, f"{where}: 'id' must be a whole number, not {describe_value(number)}"
            )
        if number in numbers:
            raise fields.fail(KEY, f"{where}: 'id' {number} is used twice")
        parent = entry.get("parent")
        if parent is not None and (type(parent) is not int or parent not in numbers):
            raise fields.fail(
                KEY,
                f"{where}: 'parent' must be the 'id' of a comment above it, not "
                f"{describe_value(parent)}",
            )
        author = _text(fields, entry, "author", where, MAX_NAME_LENGTH)
        text = _text(fields, entry, "text", where, MAX_COMMENT_LENGTH)
        url = entry.get("url")
        if url is not None and not (
            isinstance(url, str) and url.startswith(("http://", "https://"))
        ):
            raise fields.fail(KEY, f"{where}: 'url' must be an http:// or https:// address")
        try:
            date = parse_post_date(entry.get("date"), zone)
        except DateError as error:
            raise fields.fail(KEY, f"{where}: 'date' {error}") from None
        numbers.add(number)
        comments.append(ArchivedComment(number, parent, author, url, date, text))
    return tuple(comments)


def _text(
    fields: FieldReader, entry: dict[object, object], name: str, where: str, limit: int
) -> str:
    value = entry.get(name)
    if not isinstance(value, str) or not value.strip():
        raise fields.fail(KEY, f"{where}: '{name}' must be a text, not {describe_value(value)}")
    if len(value) > limit:
        raise fields.fail(
            KEY, f"{where}: '{name}' has {len(value):,} characters; at most {limit:,}"
        )
    return fields.clean(KEY, value.strip())
