"""Featured images: from the `image:` key to resized copies in the site.

- `spec`: the `image:` key, and where the file it names really is (never outside docs_dir).
- `planner`: each post's featured image, and the copies it needs (one per build).
- `copies`: what a source image is and which copies to make of it (no Pillow needed).
- `captions`: a caption's inline Markdown, with author HTML escaped.
- `pillow`: decoding sources and writing copies with Pillow (only when a build has images).
- `pool`: writing copies on every core, with progress.
- `source_index`: what the last build learnt of each source, so warm builds read no image.
- `cached_copy`: copies published into the site by hard links.
"""
