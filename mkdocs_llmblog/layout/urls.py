"""Where generated and moved pages land: page locations, post paths, feed files, links."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from dataclasses import dataclass
from urllib.parse import quote, urljoin

from mkdocs.structure.files import File

ABSOLUTE_URL_RE = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//|/)")
FEED_FILES = {"rss": "feed.xml", "atom": "atom.xml", "json": "feed.json"}
"""The file of each feed format, in the folder of the list it follows."""


@dataclass(frozen=True)
class PageLocation:
    """Where a page is written under `site_dir` and the URL MkDocs gives it."""

    dest_uri: str
    url: str


def post_path(
    url_format: str,
    moment: dt.datetime,
    slug: str,
    *,
    date: str = "",
    categories: str = "",
    file: str = "",
) -> str:
    """A post's path under the blog folder, from `post_url_format` (`2024/05/01/hello`).

    Material's placeholders: `date` is the date as `post_url_date_format` writes it,
    `categories` the slugs of its first categories joined by `/`, `file` the file's name.
    The plugin and the WordPress importer both place posts with this function.
    """
    path = url_format.format(
        year=f"{moment.year:04d}",
        month=f"{moment.month:02d}",
        day=f"{moment.day:02d}",
        slug=slug,
        date=date,
        categories=categories,
        file=file,
    )
    # As Material: empty placeholders leave no empty folders (`{categories}/{slug}`).
    return posixpath.normpath(path.strip("/")).strip("/")


def page_location(path: str, use_directory_urls: bool) -> PageLocation:
    """The location of a page published at `path` (no extension, `/`-separated)."""
    path = path.strip("/")
    if use_directory_urls:
        dest_uri = posixpath.join(path, "index.html") if path else "index.html"
        url = f"{path}/" if path else "./"
    else:
        dest_uri = f"{path}.html" if path else "index.html"
        url = dest_uri
    return PageLocation(dest_uri, quote(url))


def move_file(file: File, location: PageLocation) -> None:
    """Point a file at a new destination, keeping MkDocs' cached paths consistent."""
    file.dest_uri = location.dest_uri
    file.url = location.url
    file.abs_dest_path = posixpath.normpath(posixpath.join(file.dest_dir, location.dest_uri))


def root_prefix(page_url: str) -> str:
    """The relative path from a page to the site root: `""`, `"../"`, `"../../"`..."""
    if page_url in ("", "./", "index.html"):
        return ""
    return "../" * page_url.count("/")


def absolute_url(site_url: str | None, path: str) -> str | None:
    """`path` (site-relative) under `site_url`, or None without a site URL."""
    if not site_url:
        return None
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", path)


def resolve_relative(link: str, page_url: str) -> str | None:
    """The site-relative form of a link found on the page at `page_url`, or None if absolute."""
    if not link or ABSOLUTE_URL_RE.match(link):
        return None
    if link.startswith(("#", "?")):
        return page_url + link
    base = page_url if page_url.endswith("/") else posixpath.dirname(page_url) + "/"
    path, hash_mark, fragment = link.partition("#")
    path, query_mark, query = path.partition("?")
    joined = posixpath.normpath(posixpath.join(base, path))
    if joined.startswith(".."):
        return None
    if joined == ".":
        joined = ""
    elif path.endswith("/"):
        joined += "/"
    return joined + query_mark + query + hash_mark + fragment
