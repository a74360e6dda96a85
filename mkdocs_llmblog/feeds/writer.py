"""RSS 2.0, Atom and JSON Feed 1.1 files for the blog and for each category and tag."""

from __future__ import annotations

import datetime as dt
import json
import os
import posixpath
from dataclasses import dataclass, field
from email.utils import format_datetime
from typing import Any
from urllib.parse import unquote

import jinja2
from mkdocs.structure.files import File
from mkdocs.utils import write_file

from mkdocs_llmblog.layout.people import Person, post_people
from mkdocs_llmblog.layout.urls import FEED_FILES, absolute_url
from mkdocs_llmblog.model import Blog, FeaturedImage, Post, without_xml_forbidden
from mkdocs_llmblog.render.compiled import keep_compiled_templates
from mkdocs_llmblog.render.excerpts import make_portable
from mkdocs_llmblog.render.head import html_safe_json
from mkdocs_llmblog.render.markers import ROOT_MARK

FEED_TEMPLATE_DIR = "llmblog/feeds/"
"""Feed templates live in the plugin's template folder; they are not copied into the site."""


def is_feed_template(file: File, docs_dir: str) -> bool:
    """A feed template, which MkDocs took for a static file of the theme: not one of the
    author's own files, which may sit at the same path in docs_dir."""
    return (
        file.src_uri.startswith(FEED_TEMPLATE_DIR)
        and file.src_dir is not None
        and os.path.abspath(file.src_dir) != os.path.abspath(docs_dir)
    )


@dataclass(frozen=True)
class EnclosureView:
    url: str
    mime_type: str | None
    length: int | None
    """In bytes; None for an image on another site."""
    width: int | None
    height: int | None


@dataclass(frozen=True)
class FeedEntryView:
    """One post in a feed; all URLs absolute, author text unescaped (templates escape it)."""

    id: str
    url: str
    title: str
    published: dt.datetime
    updated: dt.datetime
    categories: list[str]
    tags: list[str]
    authors: list[str]
    summary_html: str
    content_html: str | None
    image: EnclosureView | None
    people: list[Person] = field(default_factory=list)
    """The authors with their profiles (from the authors file), for Atom and JSON Feed."""

    @property
    def published_rfc822(self) -> str:
        return format_datetime(self.published)

    @property
    def published_rfc3339(self) -> str:
        return self.published.isoformat()

    @property
    def updated_rfc3339(self) -> str:
        return self.updated.isoformat()


@dataclass(frozen=True)
class FeedView:
    title: str
    description: str
    home_url: str
    feed_url: str
    language: str
    authors: list[str]
    entries: list[FeedEntryView] = field(default_factory=list)

    @property
    def updated(self) -> dt.datetime:
        if not self.entries:
            return dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
        return max(entry.updated for entry in self.entries)

    @property
    def updated_rfc822(self) -> str:
        return format_datetime(self.updated)

    @property
    def updated_rfc3339(self) -> str:
        return self.updated.isoformat()


@dataclass
class FeedSettings:
    formats: list[str]
    entries: int
    full_content: bool
    category_feeds: bool
    site_url: str
    site_name: str
    site_description: str
    site_author: str | None
    language: str
    site_dir: str
    tag_feeds: bool = False
    term_formats: list[str] | None = None
    """The formats of each category's and tag's feeds (default RSS only)."""
    author_feeds: bool = True
    feed_title: str | None = None
    """The feeds' title, where it is not `site_name` (a site of several blogs)."""


def json_person(person: Person) -> dict[str, str]:
    """A JSON Feed 1.1 author object."""
    data = {"name": person.name}
    if person.url:
        data["url"] = person.url
    if person.image:
        data["avatar"] = person.image
    return data


class FeedWriter:
    """Builds and writes the feeds of one build, after every page is rendered."""

    def __init__(self, blog: Blog, settings: FeedSettings, env: jinja2.Environment) -> None:
        self.blog = blog
        self.settings = settings
        # Feeds are XML: a private environment that escapes everything, sharing the theme's
        # loader so `custom_dir` can override `llmblog/feeds/*.xml`.
        self.env = jinja2.Environment(
            loader=env.loader, autoescape=True, keep_trailing_newline=True
        )
        keep_compiled_templates(self.env)
        self.entries: dict[str, FeedEntryView] = {}

    @property
    def _title(self) -> str:
        return self.settings.feed_title or self.settings.site_name

    def write_all(self, bodies: dict[str, str]) -> list[str]:
        """Write the blog's feeds and each category's and tag's; return the paths written."""
        written = []
        index = self.blog.index
        if index is not None:
            base = index.base_path
            written += self._write_feed(
                base, self._title, self.blog.published, bodies, self.settings.formats
            )
        formats = ["rss"] if self.settings.term_formats is None else self.settings.term_formats
        if self.settings.author_feeds:
            for listing in self.blog.author_listings.values():
                if listing.author is not None:
                    title = f"{self._title} \u2013 {listing.author.name}"
                    posts = [page_post for page in listing.pages for page_post in page.posts]
                    written += self._write_feed(listing.base_path, title, posts, bodies, formats)
        for full_name, listing in self.blog.category_listings.items():
            if listing.category is None or not self.settings.category_feeds:
                continue
            title = f"{self._title} \u2013 {full_name}"
            written += self._write_feed(
                listing.base_path, title, listing.category.posts, bodies, formats
            )
        for listing in self.blog.tag_listings.values():
            if listing.tag is None or not self.settings.tag_feeds:
                continue
            title = f"{self._title} \u2013 #{listing.tag.name}"
            written += self._write_feed(
                listing.base_path, title, listing.tag.posts, bodies, formats
            )
        return written

    def _write_feed(
        self,
        base_path: str,
        title: str,
        posts: list[Post],
        bodies: dict[str, str],
        formats: list[str],
    ) -> list[str]:
        home_url = absolute_url(self.settings.site_url, f"{base_path}/" if base_path else "") or ""
        entries = [self._entry(post, bodies) for post in posts[: self.settings.entries]]
        written = []
        for kind in formats:
            relative = posixpath.join(base_path, FEED_FILES[kind])
            feed = FeedView(
                title=title,
                description=self.settings.site_description or title,
                home_url=home_url,
                feed_url=absolute_url(self.settings.site_url, relative) or "",
                language=self.settings.language,
                # RFC 4287: an author on the feed or on every entry; the site's, else its name.
                authors=[self.settings.site_author or self.settings.site_name],
                entries=entries,
            )
            text = self._json_feed(feed) if kind == "json" else self._xml_feed(kind, feed)
            path = os.path.join(self.settings.site_dir, *relative.split("/"))
            write_file(text.encode("utf-8"), path)
            written.append(relative)
        return written

    def _xml_feed(self, kind: str, feed: FeedView) -> str:
        template = self.env.get_template(f"{FEED_TEMPLATE_DIR}{kind}.xml")
        # Whatever other plugins or mkdocs.yml put into the HTML and names: XML forbids these.
        return without_xml_forbidden(template.render(feed=feed))

    def _json_feed(self, feed: FeedView) -> str:
        data: dict[str, Any] = {
            "version": "https://jsonfeed.org/version/1.1",
            "title": feed.title,
            "home_page_url": feed.home_url,
            "feed_url": feed.feed_url,
            "description": feed.description,
            "language": feed.language,
            "items": [self._json_item(entry) for entry in feed.entries],
        }
        if feed.authors:
            data["authors"] = [{"name": name} for name in feed.authors]
        text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        # The same data, safe even if a server sends the file as HTML.
        return html_safe_json(text)

    @staticmethod
    def _json_item(entry: FeedEntryView) -> dict[str, Any]:
        item: dict[str, Any] = {
            "id": entry.id,
            "url": entry.url,
            "title": entry.title,
            "content_html": entry.content_html or entry.summary_html,
            "summary": entry.summary_html,
            "date_published": entry.published_rfc3339,
            "date_modified": entry.updated_rfc3339,
        }
        if entry.people:
            item["authors"] = [json_person(person) for person in entry.people]
        elif entry.authors:
            item["authors"] = [{"name": name} for name in entry.authors]
        tags = entry.categories + entry.tags
        if tags:
            item["tags"] = tags
        if entry.image:
            item["image"] = entry.image.url
        return item

    def _entry(self, post: Post, bodies: dict[str, str]) -> FeedEntryView:
        cached = self.entries.get(post.src_uri)
        if cached is not None:
            return cached
        post_url = self.blog.post_urls[post.src_uri]
        url = absolute_url(self.settings.site_url, post_url) or post_url
        root = absolute_url(self.settings.site_url, "") or ""
        excerpt = self.blog.excerpts.get(post.src_uri)
        summary = excerpt.html.replace(ROOT_MARK, root) if excerpt else ""
        content = None
        if self.settings.full_content and post.src_uri in bodies:
            content = make_portable(bodies[post.src_uri], post_url).replace(ROOT_MARK, root)
        image = self.blog.images.get(post.src_uri)
        people = post_people(self.blog, post, self.settings.site_url) if self.blog.authors else []
        entry = FeedEntryView(
            id=url,
            url=url,
            title=post.title,
            published=post.date.moment,
            updated=(post.updated or post.date).moment,
            categories=list(post.categories),
            tags=list(post.tags),
            authors=[person.name for person in people]
            or list(post.authors)
            or ([self.settings.site_author] if self.settings.site_author else []),
            people=people,
            summary_html=summary,
            content_html=content,
            image=self._enclosure(image) if image else None,
        )
        self.entries[post.src_uri] = entry
        return entry

    def _enclosure(self, image: FeaturedImage) -> EnclosureView | None:
        candidate = image.main
        if not candidate.local:
            return EnclosureView(candidate.url, None, None, candidate.width, candidate.height)
        url = absolute_url(self.settings.site_url, candidate.url)
        if url is None:
            return None
        path = os.path.join(self.settings.site_dir, *unquote(candidate.url).split("/"))
        length = os.path.getsize(path) if os.path.isfile(path) else None
        return EnclosureView(url, image.mime_type, length, candidate.width, candidate.height)
