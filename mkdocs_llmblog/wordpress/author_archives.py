"""Redirects for WordPress's author archives: `/author/<nicename>/` and its feed.

WordPress shows an author's posts at `/author/<user_nicename>/`, the nicename being the login
made URL-safe (`sanitize_title`); its feed is at `/author/<nicename>/feed/`. The importer names
each post's author by login in the authors file, so the blog publishes that author's page at
`author_url_format` with the login's slug; each old address gets a redirect to it.
"""

from __future__ import annotations

from collections.abc import Iterable

from slugify import slugify

from mkdocs_llmblog.sources.slugs import make_slug
from mkdocs_llmblog.wordpress.redirects import redirect_segment

AUTHOR_SLUG_MAX_LENGTH = 60
"""As the plugin's authors file reader makes an author's slug (`sources.authors`)."""


def old_author_nicename(login: str) -> str | None:
    """WordPress's URL-safe form of a login (`Jane Doe` -> `jane-doe`), or None for a login
    with nothing URL-safe in it, or too long for a folder's name."""
    nicename = slugify(login, lowercase=True)
    # None where it cannot be a folder of a redirect (a login longer than a file name).
    return redirect_segment(nicename) if nicename else None


def author_redirects(
    logins: Iterable[str],
    blog_dir: str,
    author_url_format: str,
    site_url: str | None,
    feed_name: str | None,
) -> dict[str, str]:
    """Old author addresses (redirect sources) -> the author pages' sources; with `site_url`
    and the file of the author pages' feed (`feed.xml`), each old author feed -> that feed,
    absolute."""
    redirects: dict[str, str] = {}
    base = (site_url if site_url.endswith("/") else site_url + "/") if site_url else None
    for login in sorted(logins):
        nicename = old_author_nicename(login)
        if nicename is None:
            continue
        page = (
            f"{blog_dir}/{author_url_format.format(slug=make_slug(login, AUTHOR_SLUG_MAX_LENGTH))}"
        )
        redirects[f"author/{nicename}/index.md"] = f"{page}.md"
        if base is not None and feed_name is not None:
            redirects[f"author/{nicename}/feed/index.md"] = f"{base}{page}/{feed_name}"
    return redirects
