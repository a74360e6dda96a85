"""Who wrote a post, as metadata says it (JSON-LD, Open Graph, feeds): names and absolute URLs."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from mkdocs_llmblog.layout.urls import absolute_url
from mkdocs_llmblog.model import Blog, Post


@dataclass(frozen=True)
class Person:
    """An author of a post; author text unescaped (every writer escapes it)."""

    name: str
    url: str | None
    """Absolute: the author's page on this site, else the author's own `url`; None without."""
    image: str | None
    """The avatar's absolute URL."""


def author_page_path(blog: Blog, author_id: str) -> str | None:
    """The site-relative URL of an author's page, if the author has one."""
    listing = blog.author_listings.get(author_id)
    return listing.pages[0].file.url if listing else None


def post_people(blog: Blog, post: Post, site_url: str | None) -> list[Person]:
    """The post's authors: with their profiles where the authors file has them."""
    people = []
    for name in post.authors:
        author = blog.authors.get(name)
        if author is None:
            people.append(Person(name, None, None))
            continue
        page = author_page_path(blog, author.id)
        url = absolute_url(site_url, page) if page is not None else None
        avatar = author.avatar
        copy = blog.avatars.get(author.id, {}).get(256)
        if copy is not None:
            avatar = absolute_url(site_url, copy)
        elif avatar is not None and not avatar.startswith("https://"):
            avatar = absolute_url(site_url, quote(avatar))
        people.append(Person(author.name, url or author.url, avatar))
    return people
