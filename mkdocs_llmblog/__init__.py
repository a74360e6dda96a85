"""mkdocs-llmblog: a WordPress-grade blog for any MkDocs site."""

from __future__ import annotations

from mkdocs_llmblog.plugin import LlmBlogPlugin

__all__ = ["LlmBlogPlugin"]
