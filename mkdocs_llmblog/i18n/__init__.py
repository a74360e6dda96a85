"""The blog in the site's language.

- `labels`: the words the plugin puts on pages (English, and the site's overrides).
- `translations`: the labels in the other languages the plugin ships.
- `dates`: dates formatted with Babel, as readers of the language write them.
"""
