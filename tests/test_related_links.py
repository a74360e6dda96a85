"""A post's `links` (Material's key): a "Related links" section, targets checked like Material."""

from __future__ import annotations

import posixpath
from pathlib import Path

import pytest

from tests.conftest import LogWatcher
from tests.sitebuilder import THEMES, BuiltSite, build_site, post

LINKS = [
    "setup/search.md",
    {"Sponsoring": "setup/search.md#how-to-sponsor"},
    {"Elsewhere": "https://example.org/a?b=1&c=2"},
    {"Further <reading>": ["setup/analytics.md", {"The logo": "assets/logo.png"}]},
    "blog/posts/two.md",
]


def files(links: object = LINKS) -> dict[str, str]:
    return {
        "index.md": "# Home\n",
        "setup/search.md": "# Site search\n\n## How to sponsor\n\nText.\n",
        "setup/analytics.md": "# Analytics & you\n\nText.\n",
        "assets/logo.png": "not really a png",
        "blog/posts/one.md": post({"date": "2024-05-01", "title": "One", "links": links}),
        "blog/posts/two.md": post({"date": "2024-04-01", "title": "Fish & <chips>"}),
    }


def related(site: BuiltSite) -> list[tuple[str, str, str]]:
    """(title, target as a site path or URL, subtitle) of each link in the section."""
    page = "blog/2024/05/01/one/" if site.use_directory_urls else "blog/2024/05/01/"
    section = site.html("blog/2024/05/01/one").select_one("nav.llmblog-related-links")
    assert section is not None
    found = []
    for link in section.select("a"):
        href = str(link["href"])
        if "://" not in href:
            path, _, anchor = href.partition("#")
            href = posixpath.normpath(posixpath.join(page, path)) + (f"#{anchor}" if anchor else "")
        subtitle = link.find_next_sibling("span", class_="llmblog-related-links-subtitle")
        found.append((link.get_text(), href, subtitle.get_text() if subtitle else ""))
    return found


@pytest.mark.parametrize("theme", THEMES)
def test_related_links_follow_the_post_with_titles_and_anchors(
    tmp_path: Path, theme: str, use_directory_urls: bool
) -> None:
    site = build_site(tmp_path, {"theme": theme, "use_directory_urls": use_directory_urls}, files())
    search = "setup/search" if use_directory_urls else "setup/search.html"
    analytics = "setup/analytics" if use_directory_urls else "setup/analytics.html"
    assert related(site) == [
        ("Site search", search, ""),
        ("Sponsoring", f"{search}#how-to-sponsor", "How to sponsor"),
        ("Elsewhere", "https://example.org/a?b=1&c=2", ""),
        ("Analytics & you", analytics, ""),
        ("The logo", "assets/logo.png", ""),
        (
            "Fish & <chips>",
            "blog/2024/04/01/fish-chips" + ("" if use_directory_urls else ".html"),
            "",
        ),
    ]
    section = site.html("blog/2024/05/01/one").select_one("nav.llmblog-related-links")
    assert section is not None
    assert section.select_one(".llmblog-related-links-title").get_text() == "Related links"  # type: ignore[union-attr]
    # The section title is text, escaped, with its links nested under it.
    heading = section.select_one(".llmblog-related-links-section")
    assert heading is not None
    assert heading.get_text() == "Further <reading>"
    assert len(heading.find_next_sibling("ul").select("a")) == 2  # type: ignore[union-attr]
    # After the body, before the tags and share links.
    body = site.html("blog/2024/05/01/one").select_one(".llmblog-post-body")
    assert body is not None
    assert section in body.find_all_next("nav")


def test_a_missing_file_or_anchor_is_named_and_left_out(
    tmp_path: Path, log_watcher: LogWatcher
) -> None:
    log_watcher.expect(r"docs/blog/posts/one\.md: front matter key 'links': no file 'nowhere\.md'")
    log_watcher.expect(
        r"docs/blog/posts/one\.md: front matter key 'links': no heading with the anchor "
        r"'#gone' in 'setup/search\.md'"
    )
    site = build_site(tmp_path, {}, files(["nowhere.md", "setup/search.md#gone"]), strict=False)
    assert [title for title, _, _ in related(site)] == ["Site search"]


@pytest.mark.parametrize(
    ("links", "problem"),
    [
        ("setup/search.md", "must be a list"),
        ([{"Bad": "javascript:alert(1)"}], "only http(s) and mailto"),
        ([{"a": "b.md", "c": "d.md"}], "must be a path"),
        ([5], "must be a path"),
        ([{"Deep": [{"a": [{"b": [{"c": [{"d": [{"e": ["x.md"]}]}]}]}]}]}], "more than 5 deep"),
    ],
)
def test_bad_links_are_named_with_the_file_and_key(
    tmp_path: Path, links: object, problem: str
) -> None:
    site = build_site(tmp_path, {}, files(links), expect_error=True)
    assert any(
        "docs/blog/posts/one.md" in m and "'links'" in m and problem in m for m in site.errors
    ), site.errors


def test_without_links_there_is_no_section(tmp_path: Path) -> None:
    source = files()
    source["blog/posts/one.md"] = post({"date": "2024-05-01", "title": "One"})
    site = build_site(tmp_path, {}, source)
    assert site.html("blog/2024/05/01/one").select("nav.llmblog-related-links") == []
