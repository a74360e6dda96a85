"""The plugin's cache folder: where it is, and where it may not be."""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from mkdocs_llmblog.config import LlmBlogConfig


def cache_root(config: MkDocsConfig, options: LlmBlogConfig) -> str:
    """The cache folder, refused where it would write into docs_dir or be wiped with site_dir.

    Raises:
        PluginError: `cache_dir` lies inside docs_dir or site_dir.
    """
    config_dir = os.path.dirname(os.path.abspath(config.config_file_path or "mkdocs.yml"))
    root = os.path.abspath(os.path.join(config_dir, options.cache_dir))
    for name, folder in (("docs_dir", config.docs_dir), ("site_dir", config.site_dir)):
        folder = os.path.abspath(folder)
        if os.path.commonpath([root, folder]) == folder:
            raise PluginError(
                f"Plugin 'llmblog' option 'cache_dir': {options.cache_dir!r} is inside {name}; "
                "choose a folder outside it, such as the default '.cache/llmblog'"
            )
    return root
