"""Share links of a post: plain links to each network's own share page, no scripts, no pixels.

Mastodon has no single home: the link goes to `mastodon_instance`, and the plugin's script asks
the reader for their own instance where scripts run. "Copy link" is a link to the post itself,
which the script copies instead of following.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, urlencode

HOST_NAME_RE = re.compile(
    r"^(?=.{1,253}\Z)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}\Z"
)
"""A host name such as `mastodon.social` (no scheme, path or port)."""

NETWORKS = (
    "mastodon",
    "bluesky",
    "linkedin",
    "hackernews",
    "reddit",
    "facebook",
    "x",
    "email",
    "copy",
)
DEFAULT_NETWORKS = ("mastodon", "bluesky", "linkedin", "hackernews", "reddit", "email", "copy")
NETWORK_NAMES = {
    "mastodon": "Mastodon",
    "bluesky": "Bluesky",
    "linkedin": "LinkedIn",
    "hackernews": "Hacker News",
    "reddit": "Reddit",
    "facebook": "Facebook",
    "x": "X",
}
"""Names of networks, which no language translates; `email` and `copy` have labels."""


@dataclass(frozen=True)
class ShareLink:
    """One share link: the network, its address, and what the script needs for Mastodon."""

    network: str
    url: str
    text: str
    """What a Mastodon post holds (title and address), for the reader's own instance."""


def share_links(
    networks: tuple[str, ...] | list[str], title: str, post_url: str, mastodon_instance: str
) -> list[ShareLink]:
    """The share links of a post at the absolute `post_url`, in the order of `networks`."""
    text = f"{title} {post_url}"
    links: list[ShareLink] = []
    for network in networks:
        links.append(
            ShareLink(network, _address(network, title, post_url, text, mastodon_instance), text)
        )
    return links


def _address(network: str, title: str, url: str, text: str, instance: str) -> str:
    if network == "mastodon":
        return f"https://{instance}/share?{urlencode({'text': text})}"
    if network == "bluesky":
        return f"https://bsky.app/intent/compose?{urlencode({'text': text})}"
    if network == "linkedin":
        return f"https://www.linkedin.com/sharing/share-offsite/?{urlencode({'url': url})}"
    if network == "hackernews":
        return f"https://news.ycombinator.com/submitlink?{urlencode({'u': url, 't': title})}"
    if network == "reddit":
        return f"https://www.reddit.com/submit?{urlencode({'url': url, 'title': title})}"
    if network == "facebook":
        return f"https://www.facebook.com/sharer/sharer.php?{urlencode({'u': url})}"
    if network == "x":
        return f"https://x.com/intent/post?{urlencode({'text': title, 'url': url})}"
    if network == "email":
        return f"mailto:?subject={quote(title)}&body={quote(url)}"
    return url  # copy
