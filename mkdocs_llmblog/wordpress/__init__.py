"""Importing a WordPress blog: its export file (WXR) turned into posts of this plugin.

One module per step: `wxr` reads the export safely, `settings` reads the site's `mkdocs.yml`,
`fields` turns titles, slugs, dates and categories into front matter values, `markup` and
`shortcodes` deal with WordPress's own markup, `convert` makes Markdown, `media` copies uploads,
`pages` places WordPress pages beside the blog, `redirects` maps old permalinks, `writer`
writes files, `importer` ties them together, `summary` reports, and `cli` is the
`llmblog import-wordpress` command.
"""

from __future__ import annotations

from mkdocs_llmblog.wordpress.importer import ImportOptions, ImportReport, import_export
from mkdocs_llmblog.wordpress.wxr import Export, WxrError, read_export

__all__ = ["Export", "ImportOptions", "ImportReport", "WxrError", "import_export", "read_export"]
