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
    for comment in comments:
        if comment.kind in ("pingback", "trackback"):
            tally.left_out[f"{comment.kind}s"] += 1
            continue
        if comment.approved != "1":
            reason = {"spam": "spam", "trash": "in the trash"}.get(comment.approved, "unapproved")
            tally.left_out[reason] += 1
            continue
        moment = _moment(comment, zone)
        if moment is None or not comment.comment_id.isdigit():
            tally.left_out["without a date or id"] += 1
            continue
        kept.append((moment, int(comment.comment_id), comment))
    kept.sort(key=lambda entry: (entry[0], entry[1]))
    if len(kept) > MAX_COMMENTS:
        tally.left_out[f"beyond {MAX_COMMENTS:,} on one post"] += len(kept) - MAX_COMMENTS
        kept = kept[:MAX_COMMENTS]
    written_ids: set[int] = set()
    written: list[dict[str, Any]] = []
    for moment, number, comment in kept:
        entry: dict[str, Any] = {"id": number}
        parent = int(comment.parent) if comment.parent.isdigit() else 0
        if parent in written_ids:  # A reply comes after what it answers: no loops.
            entry["parent"] = parent
        written_ids.add(number)
        entry["author"] = " ".join(comment.author.split())[:MAX_NAME_LENGTH] or "Anonymous"
        url = comment.author_url.strip()
        if url.startswith(("http://", "https://")) and is_safe_url(url):
            entry["url"] = url
        entry["date"] = moment.isoformat()
        entry["text"] = comment_to_markdown(comment.content)
        written.append(entry)
    tally.written += len(written)
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
