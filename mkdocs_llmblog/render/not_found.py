"""The blog on the theme's 404 page: a search hint and the newest posts, as on WordPress.

The 404 page is a theme template (`404.html`), not a page of the site, so it gets no page
events: the blog's part is put in once the theme has rendered it, at the end of the block that
holds its `<h1>` (Material's article, the mkdocs theme's `#main-content`, readthedocs' main
column), found with an HTML parser.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

CONTENT_HEADING = "main h1, [role=main] h1, .md-content h1, #main-content h1, h1"
"""Where the theme's 404 heading is, the content column first."""


def add_after_heading(html: str, fragment: str) -> str | None:
    """`html` with `fragment` at the end of the element holding its first content `<h1>`;
    None if the page has none."""
    tree = LexborHTMLParser(html)
    heading = tree.css_first(CONTENT_HEADING)
    if heading is None or heading.parent is None:
        return None
    parts = LexborHTMLParser(fragment).body
    if parts is None:
        return None
    for node in list(parts.iter(include_text=True)):
        heading.parent.insert_child(node)
    return tree.html
