"""What builds keep for the next one, in the cache folder (default `.cache/llmblog`).

- `folder`: where the cache folder is, refusing places inside `docs_dir` or `site_dir`.
- `files`: files written whole or not at all; leftovers of killed builds removed.
- `record`: the dirty-build record, so `--dirty` builds never leave a list stale.
"""
