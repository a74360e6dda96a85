"""Author texts that the theme prints itself: page titles and descriptions.

MkDocs' themes print `page.title` and `page.meta.description` without escaping (their Jinja
does not autoescape), in text and in attributes. The blog gives them the text escaped once, as
a `markupsafe.Markup`: printed as it is, it shows the text; `|e` leaves it alone instead of
escaping it twice. Material prints `page.meta.title` where it is set, as it is, in place of
`page.title|striptags` (which would decode the entities again): the blog sets both.
"""

from __future__ import annotations

from markupsafe import Markup, escape


def theme_text(text: str) -> Markup:
    """`text` as a theme may print it anywhere: escaped once, and marked as such."""
    return escape(text)
