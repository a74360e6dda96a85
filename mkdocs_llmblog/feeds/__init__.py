"""The blog's feeds, written once every page is rendered.

- `selection`: which posts the feeds show (and so which post bodies a build keeps).
- `writer`: RSS 2.0, Atom and JSON Feed 1.1 for the blog and each category.
"""
