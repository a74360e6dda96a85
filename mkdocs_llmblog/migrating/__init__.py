"""Moving a blog to this plugin from another MkDocs blog plugin.

- `material_urls`: the URLs Material's blog plugin gives a site's pages and those this plugin
  gives them, and the redirects that keep the old ones working.
- `cli`: `llmblog material-urls`, the dry run before switching.
"""
