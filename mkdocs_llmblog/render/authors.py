"""Authors as pages show them: bylines with avatars, author boxes, an author page's profile."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from mkdocs_llmblog.model import Author, Blog
from mkdocs_llmblog.render.markers import relative_url
from mkdocs_llmblog.render.reader_text import render_reader_markdown


@dataclass(frozen=True)
class AuthorLinkView:
    title: str
    url: str


@dataclass(frozen=True)
class AuthorView:
    """An author of the authors file, for the page that shows it; author text unescaped."""

    id: str
    name: str
    url: str | None
    """The author's page, relative to the page; else the author's own `url`; else None."""
    description: str | None
    avatar: str | None
    """Relative to the page for a local image; an https:// URL as written."""
    avatar_srcset: str | None
    """The 1x and 2x copies of a local image, for `srcset`."""
    small_avatar: str | None
    """The byline's copy (24 px) of a local image."""
    small_avatar_srcset: str | None
    links: tuple[AuthorLinkView, ...]
    website: str | None
    """The author's own `url`."""
    bio_html: str | None
    """Trusted HTML: the bio's Markdown with any HTML escaped."""


def author_page_url(blog: Blog, author_id: str) -> str | None:
    """The site-relative URL of an author's page, if it has one."""
    listing = blog.author_listings.get(author_id)
    return listing.pages[0].file.url if listing else None


def author_view(
    blog: Blog, author: Author, page_url: str, with_bio: bool = False, size: int = 64
) -> AuthorView:
    """`size`: the avatar's width in CSS pixels; its 1x and 2x copies are in
    `images.planner.AVATAR_SIZES`."""
    page = author_page_url(blog, author.id)
    if page is not None:
        url: str | None = relative_url(page, page_url)
    else:
        url = author.url
    avatar, srcset = _copies(blog, author, size, page_url)
    if avatar is None and author.avatar is not None:
        avatar = author.avatar
        if not avatar.startswith("https://"):
            avatar = relative_url(quote(avatar), page_url)  # SVG or animated: as it is
    small, small_srcset = _copies(blog, author, SMALL_AVATAR, page_url)
    return AuthorView(
        id=author.id,
        name=author.name,
        url=url,
        description=author.description,
        avatar=avatar,
        avatar_srcset=srcset,
        small_avatar=small or avatar,
        small_avatar_srcset=small_srcset,
        links=tuple(AuthorLinkView(link.title, link.url) for link in author.links),
        website=author.url,
        bio_html=render_reader_markdown(author.bio, site_links=True)
        if with_bio and author.bio
        else None,
    )


SMALL_AVATAR = 24
"""A byline's avatar, in CSS pixels."""


def _copies(blog: Blog, author: Author, size: int, page_url: str) -> tuple[str | None, str | None]:
    """The 1x copy of a local avatar shown `size` px wide, and a `srcset` with its 2x copy."""
    copies = blog.avatars.get(author.id, {})
    one, two = copies.get(size), copies.get(2 * size)
    if one is None:
        return None, None
    one = relative_url(one, page_url)
    if two is None:
        return one, None
    return one, f"{_srcset_safe(one)} 1x, {_srcset_safe(relative_url(two, page_url))} 2x"


def _srcset_safe(url: str) -> str:
    """A URL that a `srcset` cannot split: its spaces and commas percent-encoded (the plugin's
    own markers, which pages replace later, are left as they are)."""
    return url.replace(" ", "%20").replace(",", "%2C")


def post_authors(blog: Blog, ids: tuple[str, ...], page_url: str) -> tuple[AuthorView, ...]:
    """The post's authors of the authors file, in the post's order."""
    return tuple(author_view(blog, blog.authors[i], page_url) for i in ids if i in blog.authors)
