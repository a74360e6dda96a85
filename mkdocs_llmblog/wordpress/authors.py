"""The blog's authors file (`<blog_dir>/.authors.yml`) from WordPress's `wp:author` entries.

Posts name their author by login (`authors: [login]`); the file gives each login its display
name, in the format the plugin and Material's blog read. E-mail addresses are never written.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from mkdocs_llmblog.config import option_default
from mkdocs_llmblog.sources.authors import authors_file_path


def authors_file_target(docs_dir: Path, blog_dir: str) -> Path:
    """Where the authors file goes: the plugin's default `authors_file` under `blog_dir`."""
    relative = authors_file_path(str(option_default("authors_file")), blog_dir)
    return docs_dir.joinpath(*relative.split("/"))


def authors_file_source(names: dict[str, str]) -> str:
    """The authors file for `names` (login -> display name), sorted by login."""
    authors = {login: {"name": names[login]} for login in sorted(names)}
    header = "# Written by `llmblog import-wordpress`: add description, avatar, links, bio.\n"
    return header + yaml.safe_dump({"authors": authors}, allow_unicode=True, sort_keys=False)
