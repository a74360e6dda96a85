"""A post's approved comments, for `--comments`: a read-only archive in its front matter.

Only what the post page shows is written: the comment's author name, their site's address
(http or https only), the date and the text. E-mail addresses and IP addresses are never read
from the export; comments waiting for approval, spam, trashed comments, pingbacks and
trackbacks are left out.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from mkdocs_llmblog.sources.comments import MAX_COMMENT_LENGTH
from mkdocs_llmblog.sources.legacy_ids import wordpress_item_id
from mkdocs_llmblog.wordpress.convert import comment_to_markdown, is_safe_url
from mkdocs_llmblog.wordpress.fields import wordpress_date
from mkdocs_llmblog.wordpress.wxr import Comment

MAX_COMMENTS = 2_000
"""Comments kept per post, the oldest first: a post page showing more is not one a reader reads."""
MAX_NAME_LENGTH = 200


@dataclass
class CommentTally:
    """Comments written into posts, and those left out by reason."""

    written: int = 0
    left_out: Counter[str] = field(default_factory=Counter)


def archived_comments(
    comments: list[Comment], zone: ZoneInfo, tally: CommentTally
) -> list[dict[str, Any]]:
    """The approved comments of a post as front matter values, oldest first, threads kept."""
    kept: list[tuple[dt.datetime, int, Comment]] = []
    numbers: set[int] = set()
    for comment in comments:
        if comment.kind in ("pingback", "trackback"):
            tally.left_out[f"{comment.kind}s"] += 1
            continue
        if comment.approved != "1":
            reason = {"spam": "spam", "trash": "in the trash"}.get(comment.approved, "unapproved")
            tally.left_out[reason] += 1
            continue
        moment = _moment(comment, zone)
        number = wordpress_item_id(comment.comment_id)
        if moment is None or number is None:
            tally.left_out["without a date or id"] += 1
            continue
        if number in numbers:
            tally.left_out["with the id of another comment"] += 1
            continue
        numbers.add(number)
        kept.append((moment, number, comment))
    kept.sort(key=lambda entry: (entry[0], entry[1]))
    if len(kept) > MAX_COMMENTS:
        tally.left_out[f"beyond {MAX_COMMENTS:,} on one post"] += len(kept) - MAX_COMMENTS
        kept = kept[:MAX_COMMENTS]
    written: list[dict[str, Any]] = []
    for moment, number, comment, parent in _thread_order(kept):
        text = comment_to_markdown(comment.content)
        if not text:
            tally.left_out["empty"] += 1
            continue
        if len(text) > MAX_COMMENT_LENGTH:
            tally.left_out[f"longer than {MAX_COMMENT_LENGTH:,} characters"] += 1
            continue
        entry: dict[str, Any] = {"id": number}
        if parent is not None:
            entry["parent"] = parent
        entry["author"] = " ".join(comment.author.split())[:MAX_NAME_LENGTH] or "Anonymous"
        url = comment.author_url.strip()
        if url.startswith(("http://", "https://")) and is_safe_url(url):
            entry["url"] = url
        entry["date"] = moment.isoformat()
        entry["text"] = text
        written.append(entry)
    written = _without_lost_parents(written)
    tally.written += len(written)
    return written


def _thread_order(
    kept: list[tuple[dt.datetime, int, Comment]],
) -> list[tuple[dt.datetime, int, Comment, int | None]]:
    """The comments, oldest first, with each reply moved after the comment it answers, and the
    id of that comment (None for a comment that answers none of them).

    A reply dated before its parent (a clock set wrong, an edited date) stays a reply; replies
    in a loop (`a` answers `b`, `b` answers `a`) start a thread at the oldest of them.
    """
    by_number = {entry[1]: entry for entry in kept}
    children: dict[int, list[int]] = {}
    answers: set[int] = set()
    for _, number, comment in kept:
        parent = wordpress_item_id(comment.parent)
        if parent is not None and parent != number and parent in by_number:
            answers.add(number)
            children.setdefault(parent, []).append(number)
    ordered: list[tuple[dt.datetime, int, Comment, int | None]] = []
    placed: set[int] = set()

    def place_thread(root: int) -> None:
        stack: list[tuple[int, int | None]] = [(root, None)]
        while stack:
            number, parent = stack.pop()
            if number in placed:
                continue
            placed.add(number)
            moment, _, comment = by_number[number]
            ordered.append((moment, number, comment, parent))
            stack.extend((child, number) for child in reversed(children.get(number, [])))

    for _, number, _ in kept:
        if number not in answers:
            place_thread(number)
    for _, number, _ in kept:  # Loops: none of their comments answers one outside them.
        if number not in placed:
            place_thread(number)
    return ordered


def _without_lost_parents(written: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A reply to a comment left out (empty, too long) answers nothing: it starts a thread."""
    numbers: set[int] = set()
    for entry in written:
        if "parent" in entry and entry["parent"] not in numbers:
            del entry["parent"]
        numbers.add(entry["id"])
    return written


def _moment(comment: Comment, zone: ZoneInfo) -> dt.datetime | None:
    gmt = wordpress_date(comment.date_gmt)
    try:
        if gmt is not None:
            return gmt.replace(tzinfo=dt.UTC).astimezone(zone)
        local = wordpress_date(comment.date)
        return local.replace(tzinfo=zone) if local is not None else None
    except (OverflowError, ValueError):
        return None
