"""The map of WordPress ids to pages, and the home page's script that follows `?p=<id>`.

See `sources.legacy_ids`. The map (`llmblog/wordpress-ids.json` in `site_dir`) holds each id's
page as a site-relative URL; the script (`llmblog/wordpress-ids.js`, a static file of the
plugin's templates) reads it only when the home page was asked for with `?p=` or `?page_id=`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path

from markupsafe import escape
from mkdocs.plugins import get_plugin_logger

from mkdocs_llmblog.render.markers import relative_url
from mkdocs_llmblog.sources.legacy_ids import page_wordpress_id

log = get_plugin_logger(__name__)

IDS_FILE = "llmblog/wordpress-ids.json"
SCRIPT_FILE = "llmblog/wordpress-ids.js"


def id_script_tag(page_url: str) -> str:
    """The home page's `<script>` that follows `?p=<id>` to the page of that id."""
    return f'\n<script src="{escape(relative_url(SCRIPT_FILE, page_url))}" defer></script>'


def read_id_map(site_dir: str) -> dict[str, str]:
    """The map an earlier build wrote (id -> URL), or an empty one."""
    try:
        data = json.loads(Path(site_dir, *IDS_FILE.split("/")).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(key): value for key, value in data.items() if isinstance(value, str)}


def write_id_map(
    site_dir: str, ids: dict[int, str], earlier: dict[str, str], published: set[str]
) -> None:
    """Write the map of this build's `ids`, keeping from an `earlier` map (a `--dirty` build,
    whose unchanged pages gave no events) each id whose page is still `published` and taken
    by no id of this build. Without any id, no map is written (and an old one is removed)."""
    claimed = set(ids.values())
    merged = {
        key: url
        for key, url in earlier.items()
        if url in published and url not in claimed and key.isdigit()
    }
    merged |= {str(number): url for number, url in ids.items()}
    target = Path(site_dir, *IDS_FILE.split("/"))
    if not merged:
        if target.is_file():
            target.unlink()
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(dict(sorted(merged.items(), key=lambda item: int(item[0]))), indent=0)
    partial = target.with_name(target.name + ".partial")
    partial.write_text(text + "\n", encoding="utf-8")
    os.replace(partial, target)


class WordPressIds:
    """The ids of one build: posts' from their front matter (known before any page is built),
    other pages' from their page events; warnings name the file and key."""

    def __init__(self, docs_name: str, site_dir: str, dirty: bool) -> None:
        self.docs_name = docs_name
        self.site_dir = site_dir
        self.ids: dict[int, str] = {}
        """id -> site-relative URL."""
        self.sources: dict[int, str] = {}
        """id -> the source file that gave it, to name both files of a clash."""
        self.earlier = read_id_map(site_dir) if dirty else {}

    def add(self, number: int, url: str, src_uri: str) -> None:
        if number in self.sources and self.sources[number] != src_uri:
            log.warning(
                f"{self.docs_name}/{src_uri}: key 'wordpress_id': {number} is also the id of "
                f"{self.docs_name}/{self.sources[number]}; ?p={number} leads to that one"
            )
            return
        self.ids[number] = url
        self.sources[number] = src_uri

    def add_page(self, meta: Mapping[str, object], url: str, src_uri: str) -> None:
        """A page's own `wordpress_id`, if it has one."""
        value = page_wordpress_id(meta)
        if isinstance(value, int):
            self.add(value, url, src_uri)
        elif value is not None:
            log.warning(
                f"{self.docs_name}/{src_uri}: key 'wordpress_id' must be a whole number from 1, "
                f"not {value}; ignored"
            )

    def home_tag(self, page_url: str) -> str:
        """The script tag for the home page, or nothing when no page has an id."""
        return id_script_tag(page_url) if self.ids or self.earlier else ""

    def write(self, published: set[str]) -> None:
        write_id_map(self.site_dir, self.ids, self.earlier, published)
