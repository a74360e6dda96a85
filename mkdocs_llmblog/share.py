"""Share preview tags (`og:image`, `twitter:card`) for a post's `<head>`."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin

from mkdocs_llmblog.featured_images import FeaturedImage


@dataclass(frozen=True)
class ShareImageView:
    """The `og:image` of a post: an absolute URL and its size."""

    url: str
    width: int | None
    height: int | None
    alt: str
    mime_type: str | None


def share_image(image: FeaturedImage, site_url: str | None) -> ShareImageView | None:
    """The share preview of a featured image, or None without an absolute URL for it."""
    candidate = image.share
    if candidate is None:
        return None  # An SVG: share previews take raster images only.
    if candidate.local:
        if not site_url:
            return None
        url = urljoin(site_url if site_url.endswith("/") else site_url + "/", candidate.url)
    else:
        url = candidate.url
    return ShareImageView(url, candidate.width, candidate.height, image.alt, image.share_mime_type)


def insert_into_head(html: str, tags: str) -> str:
    """Put `tags` just before the page's `</head>`."""
    index = html.find("</head>")
    if index < 0:
        return html
    return html[:index] + tags + html[index:]
