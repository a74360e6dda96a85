"""Where generated and moved pages land, and URLs between pages."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import quote

from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

ROOT_MARK = "\x00R\x00"
"""Stands for "the site root, relative to the page this HTML ends up on"."""

ABSOLUTE_URL_RE = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//|/)")


@dataclass(frozen=True)
class PageLocation:
    """Where a page is written under `site_dir` and the URL MkDocs gives it."""

    dest_uri: str
    url: str


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


PORTABLE = "\x00any-page\x00"
"""A page URL that stands for every page: URLs made for it start with `ROOT_MARK`, and the HTML
made with them is rendered once and fitted to each page by `localize`."""


def relative_url(target_url: str, page_url: str) -> str:
    """The URL of `target_url` (site-relative) as seen from the page at `page_url`."""
    if page_url == PORTABLE:
        return ROOT_MARK + ("" if target_url == "./" else target_url)
    return get_relative_url(target_url, page_url)


def localize(html: str, page_url: str) -> str:
    """Resolve the root marks in portable HTML for the page at `page_url`."""
    if ROOT_MARK not in html or page_url == PORTABLE:
        return html
    prefix = root_prefix(page_url) or "./"
    return html.replace(ROOT_MARK, prefix)


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
