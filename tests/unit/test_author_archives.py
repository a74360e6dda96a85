"""WordPress's author archive addresses, and where they lead on the blog."""

from __future__ import annotations

import pytest

from mkdocs_llmblog.wordpress.author_archives import author_redirects, old_author_nicename


@pytest.mark.parametrize(
    ("login", "nicename"),
    [("ada", "ada"), ("Jane Doe", "jane-doe"), ("bob.smith", "bob-smith"), ("../x", "x")],
)
def test_old_author_nicename_is_the_url_safe_login(login: str, nicename: str) -> None:
    assert old_author_nicename(login) == nicename


def test_a_login_with_nothing_url_safe_has_no_old_address() -> None:
    assert old_author_nicename("../") is None
    assert old_author_nicename("a" * 251) is None  # longer than a file name may be
    assert author_redirects(["../"], "blog", "author/{slug}", None, "feed.xml") == {}


def test_author_redirects_follow_the_url_format_and_feeds() -> None:
    assert author_redirects(["Jane Doe"], "news", "people/{slug}", "https://e.org", "feed.xml") == {
        "author/jane-doe/index.md": "news/people/jane-doe.md",
        "author/jane-doe/feed/index.md": "https://e.org/news/people/jane-doe/feed.xml",
    }
    # Without a site URL (or without author feeds) a feed has no absolute address to lead to.
    assert author_redirects(["ada"], "blog", "author/{slug}", None, "feed.xml") == {
        "author/ada/index.md": "blog/author/ada.md"
    }
    assert author_redirects(["ada"], "blog", "author/{slug}", "https://e.org/", None) == {
        "author/ada/index.md": "blog/author/ada.md"
    }
