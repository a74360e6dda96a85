"""Conversation around a post: comments from a provider, and links to share it.

Nothing here reaches the network or runs at build time beyond making text: the comments of a
provider load in the reader's browser, by default only once they ask for them.

- `comments`: the `comments:` option, checked per provider, and what each provider's embed needs.
- `share`: the share links of a post (Mastodon, Bluesky, e-mail, ...), plain URLs, no scripts.
"""
