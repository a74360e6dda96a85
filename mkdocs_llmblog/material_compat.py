"""Keeping Material for MkDocs quiet about the blog's feed links.

Material's JavaScript reads every `<link rel="alternate">` of a page as another language version
of the site and fetches `sitemap.xml` beside the linked file. For a feed at `blog/feed.xml` it
asks for `blog/sitemap.xml`, which does not exist: a 404 and a console error on every page.
An empty sitemap there answers the request with nothing to map.
"""

from __future__ import annotations

import os
import posixpath

from mkdocs.utils import write_file

EMPTY_SITEMAP = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n'
)


def write_feed_folder_sitemaps(site_dir: str, feed_paths: list[str]) -> None:
    """Write an empty `sitemap.xml` in each folder that holds a feed, unless one exists."""
    for folder in sorted({posixpath.dirname(path) for path in feed_paths}):
        if not folder:
            continue  # The site's own sitemap is there.
        target = os.path.join(site_dir, *folder.split("/"), "sitemap.xml")
        if not os.path.exists(target):
            write_file(EMPTY_SITEMAP.encode("utf-8"), target)
