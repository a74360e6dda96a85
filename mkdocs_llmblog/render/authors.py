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
    small_avatar: str | None
    """The byline's copy (64 px) of a local image."""
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
    blog: Blog, author: Author, page_url: str, with_bio: bool = False, size: int = 128
) -> AuthorView:
    """`size`: which square copy of a local avatar (`images.planner.AVATAR_SIZES`)."""
    page = author_page_url(blog, author.id)
    if page is not None:
        url: str | None = relative_url(page, page_url)
    else:
        url = author.url
    avatar = author.avatar
    copy = blog.avatars.get(author.id, {}).get(size)
    if copy is not None:
        avatar = relative_url(copy, page_url)
    elif avatar is not None and not avatar.startswith("https://"):
        avatar = relative_url(quote(avatar), page_url)  # SVG or animated: as it is
    return AuthorView(
        id=author.id,
        name=author.name,
        url=url,
        description=author.description,
        avatar=avatar,
        small_avatar=_small(blog, author, page_url) or avatar,
        links=tuple(AuthorLinkView(link.title, link.url) for link in author.links),
        website=author.url,
        bio_html=render_reader_markdown(author.bio) if with_bio and author.bio else None,
    )


def _small(blog: Blog, author: Author, page_url: str) -> str | None:
    copy = blog.avatars.get(author.id, {}).get(64)
    return relative_url(copy, page_url) if copy is not None else None


def post_authors(blog: Blog, ids: tuple[str, ...], page_url: str) -> tuple[AuthorView, ...]:
    """The post's authors of the authors file, in the post's order."""
    return tuple(author_view(blog, blog.authors[i], page_url) for i in ids if i in blog.authors)
