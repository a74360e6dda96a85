"""WordPress ids of posts and pages (`wordpress_id`), so that `?p=<id>` links keep working.

WordPress answers `https://example.com/?p=123` (and `?page_id=123`) with the post or page of
that id. A static site serves its home page for any query, so the plugin publishes a map of ids
to pages (`llmblog/wordpress-ids.json`) and a small script on the home page that sends a reader
who came with such a query on to the page.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

ID_RE = re.compile(r"[0-9]{1,18}")
"""An id as WordPress writes it: ASCII digits (`int()` takes other scripts' digits too)."""


def wordpress_item_id(text: str) -> int | None:
    """`wp:post_id` as a number from 1, or None for anything else."""
    text = text.strip()
    if not ID_RE.fullmatch(text):
        return None
    number = int(text)
    return number if number >= 1 else None


def page_wordpress_id(meta: Mapping[str, object]) -> int | str | None:
    """A page's `wordpress_id` front matter: the number, None without one, or the value as
    text when it is not a number from 1 (for the warning)."""
    value = meta.get("wordpress_id")
    if value is None:
        return None
    if type(value) is int and 1 <= value < 10**18:
        return value
    return repr(value)[:80]
