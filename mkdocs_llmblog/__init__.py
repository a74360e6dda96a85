"""mkdocs-llmblog: a WordPress-grade blog for any MkDocs site."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mkdocs_llmblog.plugin import LlmBlogPlugin

__all__ = ["LlmBlogPlugin"]


def __getattr__(name: str) -> Any:
    """`LlmBlogPlugin` is imported when first asked for, so a process that needs one module
    (an image worker needs `images.pillow`) does not import MkDocs and the whole plugin."""
    if name == "LlmBlogPlugin":
        from mkdocs_llmblog.plugin import LlmBlogPlugin

        return LlmBlogPlugin
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
