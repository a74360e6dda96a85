"""What a page's head tells browsers, feed readers, search engines and social networks.

Feed discovery links, Open Graph and Twitter tags, JSON-LD; and what the theme's own head
already holds, read with an HTML parser, so that nothing is written twice.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from mkdocs_llmblog.layout.people import Person
from mkdocs_llmblog.layout.urls import FEED_FILES, absolute_url
from mkdocs_llmblog.model import Blog, FeaturedImage, ImageCandidate, Listing, Post
from mkdocs_llmblog.render.markers import relative_url

FEED_MIME_TYPES = {
    "rss": "application/rss+xml",
    "atom": "application/atom+xml",
    "json": "application/feed+json",
}
FEED_NAMES = {"rss": "RSS", "atom": "Atom", "json": "JSON Feed"}


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
    """`article:author`: each author's page URL, or name where there is none."""
    author_names: tuple[str, ...]
    """`<meta name="author">`: the authors' display names."""
    image: ShareImageView | None
    json_ld: str
    """Safe to put inside `<script>` as it is."""


def share_image(image: FeaturedImage, site_url: str | None) -> ShareImageView | None:
    """The share preview of a featured image, or None without an absolute URL for it."""
    candidate = image.share
    if candidate is None:
        return None  # An SVG: share previews take raster images only.
    url = absolute_url(site_url, candidate.url) if candidate.local else candidate.url
    if url is None:
        return None
    return ShareImageView(url, candidate.width, candidate.height, image.alt, image.share_mime_type)


def share_card_image(
    card: ImageCandidate, title: str, site_url: str | None
) -> ShareImageView | None:
    """The share preview of a post's share card (a PNG showing its title)."""
    url = absolute_url(site_url, card.url)
    if url is None:
        return None
    return ShareImageView(url, card.width, card.height, title, "image/png")


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
    people: list[Person] | None = None,
) -> ArticleView:
    """Everything a post page's head says of the post; `people` are its authors' profiles."""
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
    if people:
        json_ld["author"] = [person_json_ld(person) for person in people]
    elif post.authors:
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
        # Open Graph's article:author is a profile URL where there is one.
        authors=tuple(p.url or p.name for p in people) if people else post.authors,
        author_names=tuple(p.name for p in people) if people else post.authors,
        image=image,
        json_ld=script_json(json_ld),
    )


def person_json_ld(person: Person) -> dict[str, str]:
    """A post's author as a schema.org Person."""
    data = {"@type": "Person", "name": person.name}
    if person.url:
        data["url"] = person.url
    if person.image:
        data["image"] = person.image
    return data


def blog_json_ld(name: str, url: str | None, description: str | None) -> str:
    """The `Blog` JSON-LD of the blog index."""
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "Blog", "name": name}
    if url:
        data["url"] = url
    if description:
        data["description"] = description
    return script_json(data)


@dataclass(frozen=True)
class FeedLinkView:
    """A `<link rel="alternate">` to a feed; `url` relative to the page."""

    title: str
    url: str
    mime_type: str


def feed_links(
    blog: Blog,
    formats: list[str],
    site_name: str,
    page_url: str,
    term: Listing | None,
    term_formats: list[str] | None = None,
) -> list[FeedLinkView]:
    """A page's feed discovery links: the blog's feeds, plus its category's or tag's on that
    category's or tag's page."""
    if blog.index is None:
        return []
    links = [
        FeedLinkView(
            f"{site_name} ({FEED_NAMES[kind]})",
            relative_url(posixpath.join(blog.index.base_path, FEED_FILES[kind]), page_url),
            FEED_MIME_TYPES[kind],
        )
        for kind in formats
    ]
    name = None
    if term is not None and term.author is not None:
        name = term.author.name
    elif term is not None and term.category is not None:
        name = term.category.full_name
    elif term is not None and term.tag is not None:
        name = f"#{term.tag.name}"
    if term is not None and name is not None:
        links += [
            FeedLinkView(
                f"{site_name} \u2013 {name} ({FEED_NAMES[kind]})",
                relative_url(posixpath.join(term.base_path, FEED_FILES[kind]), page_url),
                FEED_MIME_TYPES[kind],
            )
            for kind in (["rss"] if term_formats is None else term_formats)
        ]
    return links


@dataclass(frozen=True)
class ThemeHead:
    """What a rendered page's `<head>` already holds, and where it ends."""

    end: int | None
    """The offset of `</head>`; None when the page has no head the parser could find."""
    open_graph: bool
    """Some `og:` property is there (Material's social plugin, or another)."""
    description: bool
    canonical: bool
    prev: bool
    next: bool
    author_meta: tuple[int, int] | None = None
    """The offsets of the theme's `<meta name="author">` (the site's author), if any."""


HEAD_END_RE = re.compile(r"</head\s*>", re.IGNORECASE)
PROBE_NAME = "llmblog-head-probe"
NO_HEAD = ThemeHead(None, False, False, False, False, False)


def read_theme_head(html: str) -> ThemeHead:
    """What the head of a rendered page holds, and the offset of its real `</head>`.

    Each `</head>` of the text is a candidate; the page up to it is parsed (lexbor, an HTML5
    parser) with a probe element after it. The candidate is the head's end when the probe is
    an element: not text in a script, a comment or an attribute value.
    """
    for candidate in HEAD_END_RE.finditer(html):
        end = candidate.start()
        tree = LexborHTMLParser(f'{html[:end]}<meta name="{PROBE_NAME}">')
        if tree.css_first(f'meta[name="{PROBE_NAME}"]') is None:
            continue  # This `</head>` is text: in a script, a comment or an attribute.
        # The probe is an element. A parser may have moved part of the head into the body
        # (a `<noscript><img>` of a tracking snippet closes the head early): what came before
        # this `</head>` is the head the theme wrote, wherever the parser put it.
        properties = {
            str(node.attributes.get("property") or "").strip().lower()
            for node in tree.css("meta[property]")
        }
        names = {
            str(node.attributes.get("name") or "").strip().lower()
            for node in tree.css("meta[name]")
        }
        rels: set[str] = set()
        for node in tree.css("link[rel]"):
            rels.update(str(node.attributes.get("rel") or "").lower().split())
        return ThemeHead(
            end=end,
            open_graph=any(name.startswith("og:") for name in properties),
            description="description" in names,
            canonical="canonical" in rels,
            prev="prev" in rels,
            next="next" in rels,
            author_meta=find_author_meta(html[:end]) if "author" in names else None,
        )
    return NO_HEAD


def find_author_meta(head: str) -> tuple[int, int] | None:
    """The start and end offsets of the first `<meta name="author">` start tag in `head`."""
    finder = _AuthorMetaFinder()
    finder.feed(head)
    finder.close()
    if finder.found is None:
        return None
    (line, column), length = finder.found
    line_starts = [0]
    for number, text in enumerate(head.splitlines(keepends=True)):
        if number + 1 >= line:
            break
        line_starts.append(line_starts[-1] + len(text))
    start = line_starts[line - 1] + column
    return start, start + length


class _AuthorMetaFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: tuple[tuple[int, int], int] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.found is not None or tag != "meta":
            return
        name = next((value for key, value in attrs if key == "name"), None)
        if (name or "").strip().lower() == "author":
            self.found = (self.getpos(), len(self.get_starttag_text() or ""))

    handle_startendtag = handle_starttag
