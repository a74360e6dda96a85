"""Noticing other plugins that write the same head tags."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig


def material_social_cards(config: MkDocsConfig) -> bool:
    """Whether Material's social plugin writes Open Graph and Twitter tags on this build."""
    for name, plugin in config.plugins.items():
        if name.split("/")[-1] != "social":
            continue
        options = getattr(plugin, "config", {})
        if options.get("enabled", True) and options.get("cards", True):
            return True
    return False
