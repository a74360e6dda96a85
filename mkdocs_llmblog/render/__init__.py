"""Rendering the blog into pages, through the theme's Jinja environment.

- `markers`: the markers that stand for what is not known yet, and when each is resolved.
- `views`: the public template data, made for one page (author text still unescaped).
- `renderer`: puts posts, lists, embedded lists, widgets and head tags into each page.
- `templates`: the plugin's template folder, and rendering one of its templates.
- `excerpts`: excerpts, descriptions and reading times, read from a post's HTML.
- `embeds`: `<!-- llmblog:recent-posts -->` directives in any page.
- `widgets`: which widgets a page shows, and their data.
- `head`: feed links, Open Graph, JSON-LD, and what the theme's head already holds.
- `titles`: author texts the theme prints itself, escaped once.
- `conversation`: the share links and the comments section of a post page.
- `not_found`: the newest posts on the theme's 404 page.
- `active_nav`: the blog index marked active in the navigation while a blog page renders.
"""
