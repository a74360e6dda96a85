"""Image copies in the cache, published into the site by hard links."""

from __future__ import annotations

import os

from mkdocs.structure.files import File

HARD_LINKS = os.name == "posix"
"""Windows cannot delete a read-only file, which the site's hard links would be."""


class CachedCopy(File):
    """A copy in the cache, published by a hard link where the file system allows one.

    Thousands of images are then "copied" into `site_dir` without copying their bytes.
    """

    def copy_file(self, dirty: bool = False) -> None:
        if dirty and not self.is_modified():
            return
        source, target = self.abs_src_path, self.abs_dest_path
        if source is None:
            super().copy_file(dirty)
            return
        os.makedirs(os.path.dirname(target), exist_ok=True)
        if not HARD_LINKS:
            super().copy_file(dirty)
            return
        try:
            if os.path.lexists(target):
                os.unlink(target)
            os.link(source, target)
        except OSError:  # Another file system, or links not allowed: copy the bytes.
            super().copy_file(dirty)
