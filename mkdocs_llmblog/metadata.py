"""What a post page tells search engines and social networks: description, Open Graph, JSON-LD."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from mkdocs_llmblog.excerpts import plain_text
from mkdocs_llmblog.featured_images import FeaturedImage
from mkdocs_llmblog.posts import Post

DESCRIPTION_LENGTH = 160


@dataclass(frozen=True)
class ShareImageView:
    """The `og:image` of a post: an absolute URL and its size."""

    url: str
    width: int | None
    height: int | None
    alt: str
    mime_type: str | None


@dataclass(frozen=True)
class ArticleView:
    """The head tags of a post page; author text unescaped (templates escape it)."""

    title: str
    description: str
    url: str | None
    """Absolute; None without `site_url`."""
    site_name: str
    published: str
    modified: str
    section: str | None
    tags: tuple[str, ...]
    authors: tuple[str, ...]
    image: ShareImageView | None
    json_ld: str
    """Safe to put inside `<script>` as it is."""


def absolute_url(site_url: str | None, path: str) -> str | None:
    """`path` (site-relative) under `site_url`, or None without a site URL."""
    if not site_url:
        return None
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", path)


def share_image(image: FeaturedImage, site_url: str | None) -> ShareImageView | None:
    """The share preview of a featured image, or None without an absolute URL for it."""
    candidate = image.share
    if candidate is None:
        return None  # An SVG: share previews take raster images only.
    url = absolute_url(site_url, candidate.url) if candidate.local else candidate.url
    if url is None:
        return None
    return ShareImageView(url, candidate.width, candidate.height, image.alt, image.share_mime_type)


def describe(post: Post, excerpt_html: str | None) -> str:
    """The post's `description`, else its excerpt's text cut to about 160 characters."""
    if post.description:
        return post.description
    text = plain_text(excerpt_html or "")
    if len(text) <= DESCRIPTION_LENGTH:
        return text
    cut = text[:DESCRIPTION_LENGTH].rsplit(" ", 1)[0].rstrip(",.;:")
    return cut + "\u2026"


def script_json(data: Any) -> str:
    """JSON that cannot end a `<script>` element or open a comment in it."""
    return html_safe_json(json.dumps(data, ensure_ascii=False, sort_keys=True))


def html_safe_json(text: str) -> str:
    """The same JSON with `<`, `>` and `&` as escapes: no HTML parser can read markup in it."""
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def article_view(
    post: Post,
    description: str,
    post_url: str,
    site_url: str | None,
    site_name: str,
    image: ShareImageView | None,
    categories: list[str],
) -> ArticleView:
    """Everything a post page's head says of the post."""
    url = absolute_url(site_url, post_url)
    published = post.date.isoformat()
    modified = (post.updated or post.date).isoformat()
    json_ld: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": post.title,
        "description": description,
        "datePublished": published,
        "dateModified": modified,
    }
    if post.authors:
        json_ld["author"] = [{"@type": "Person", "name": name} for name in post.authors]
    keywords = [*categories, *post.tags]
    if keywords:
        json_ld["keywords"] = keywords
    if url:
        json_ld["url"] = url
        json_ld["mainEntityOfPage"] = {"@type": "WebPage", "@id": url}
    if image:
        json_ld["image"] = image.url
    return ArticleView(
        title=post.title,
        description=description,
        url=url,
        site_name=site_name,
        published=published,
        modified=modified,
        section=categories[0] if categories else None,
        tags=post.tags,
        authors=post.authors,
        image=image,
        json_ld=script_json(json_ld),
    )


def blog_json_ld(name: str, url: str | None, description: str | None) -> str:
    """The `Blog` JSON-LD of the blog index."""
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "Blog", "name": name}
    if url:
        data["url"] = url
    if description:
        data["description"] = description
    return script_json(data)


def insert_into_head(html: str, tags: str) -> str:
    """Put `tags` just before the page's `</head>`."""
    index = html.find("</head>")
    if index < 0:
        return html
    return html[:index] + tags + html[index:]
