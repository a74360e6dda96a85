"""What a theme needs beyond the markup every theme gets; one module per theme.

- `material`: widgets in Material's right sidebar, and empty sitemaps beside feeds.
"""
