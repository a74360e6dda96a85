"""Values echoed in messages: cut short, control characters shown escaped."""

from __future__ import annotations

import re

MESSAGE_VALUE_LIMIT = 80
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def shorten(text: str, limit: int = MESSAGE_VALUE_LIMIT) -> str:
    """`text` cut to `limit` characters with an ellipsis, for messages that echo a value.

    Control characters are shown escaped (`\\t`, `\\x1b`): never sent to the terminal.
    """
    text = _CONTROL_RE.sub(lambda found: found.group(0).encode("unicode_escape").decode(), text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
