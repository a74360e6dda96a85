"""The names an import writes for categories and tags: one spelling for each page.

WordPress keeps terms apart by their nicename, so `News` and `news`, or `C++` and `c++`, can be
two terms there. The blog gives each category and tag a page by its slug, and refuses two
names that would share one (`layout.categories`, `layout.tags`). The import writes the first
spelling it meets of each for every post, so the imported site builds.
"""

from __future__ import annotations

from mkdocs_llmblog.layout.categories import category_slug
from mkdocs_llmblog.layout.tags import tag_slug
from mkdocs_llmblog.model import without_xml_forbidden
from mkdocs_llmblog.sources.fields import MAX_NAMES, MAX_TEXT_LENGTH

__all__ = ["MAX_NAMES", "TermSpellings"]


class TermSpellings:
    """The spelling of each tag and category page, first met first kept."""

    def __init__(self) -> None:
        self.tags: dict[str, str] = {}
        self.category_levels: dict[str, str] = {}

    def tag(self, name: str) -> str | None:
        """The tag's name as the import writes it, or None for a name of nothing but spaces."""
        text = _clean(name)
        if not text:
            return None
        return self.tags.setdefault(tag_slug(text), text)

    def category(self, full_name: str) -> str:
        """`Parent/Child`, each level spelled as first met under its parent."""
        slugs: list[str] = []
        levels: list[str] = []
        for part in full_name.split("/"):
            text = _clean(part) or part
            slugs.append(category_slug(text))
            levels.append(self.category_levels.setdefault("/".join(slugs), text))
        return "/".join(levels)


def _clean(name: str) -> str:
    return " ".join(without_xml_forbidden(name).split())[:MAX_TEXT_LENGTH].strip()
