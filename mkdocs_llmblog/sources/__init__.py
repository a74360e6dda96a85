"""Reading the author's posts: each file read once, its front matter validated into a `Post`.

- `discovery`: finding the posts among MkDocs' files and reading each.
- `posts`: one post's source into a `Post`.
- `fields`: typed access to front matter keys, errors naming the file and key.
- `frontmatter`: YAML front matter cut off a Markdown source, with precise errors.
- `dates`: front matter dates.
- `slugs`: URL slugs from titles.
- `markdown`: the one Markdown scanner (code fences, code spans, first heading, first image).
- `headings`: a heading's inline Markdown as the plain text of a title.
"""
