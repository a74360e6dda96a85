"""Recent posts, previous/next links, related posts and the embed directive, on real builds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag

from tests.conftest import LogWatcher
from tests.links import assert_link_works
from tests.sitebuilder import BuiltSite, build_site, post

FUTURE = (dt.date.today() + dt.timedelta(days=400)).isoformat()

# Oldest first: p1 .. p7, plus a draft between p3 and p4 and a scheduled post.
POSTS: dict[str, dict[str, Any]] = {
    "p1": {"date": "2024-01-01", "categories": ["AI"], "tags": ["llm", "open"]},
    "p2": {"date": "2024-01-02", "categories": ["Community"], "tags": ["events"]},
    "p3": {"date": "2024-01-03", "categories": ["AI"], "tags": ["llm"]},
    "draft": {"date": "2024-01-04", "categories": ["AI"], "tags": ["llm"], "draft": True},
    "p4": {"date": "2024-01-05", "categories": ["Community", "AI"], "tags": ["open"]},
    "p5": {"date": "2024-01-06", "categories": ["AI"], "tags": ["llm", "open"]},
    "p6": {"date": "2024-01-07", "categories": ["Lonely"]},
    "p7": {"date": "2024-01-08", "categories": ["Community"], "tags": ["events"]},
    "scheduled": {"date": FUTURE, "categories": ["AI"], "tags": ["llm", "open"]},
}


def files(**extra: str) -> dict[str, str | bytes]:
    result: dict[str, str | bytes] = {"index.md": "# Home\n\nWelcome.\n", **extra}
    for name, meta in POSTS.items():
        result[f"blog/posts/{name}.md"] = post({"title": name.upper(), **meta})
    return result


def url_of(name: str) -> str:
    day = POSTS[name]["date"][-2:]
    return f"blog/2024/01/{day}/{name}"


def nav_links(site: BuiltSite, name: str) -> dict[str, str]:
    """The previous/next links of a post: rel -> title of the post it reaches."""
    soup = site.html(url_of(name))
    page = site.page_path(url_of(name))
    found = {}
    for link in soup.select("nav.llmblog-post-nav a"):
        rel = " ".join(link["rel"])
        target = assert_link_works(site, page, str(link["href"]))
        title = link.select_one(".llmblog-post-nav-title")
        assert title is not None
        found[rel] = title.get_text()
        target_title = BeautifulSoup(target.read_text(), "html.parser").select_one("h1")
        assert target_title is not None
        assert target_title.get_text() == title.get_text()
    assert set(found) <= {"prev", "next"}
    return found


def test_previous_and_next_follow_date_order_and_skip_drafts(
    tmp_path: Path, theme: str, use_directory_urls: bool
) -> None:
    site = build_site(tmp_path, {"theme": theme, "use_directory_urls": use_directory_urls}, files())
    assert nav_links(site, "p1") == {"next": "P2"}  # the oldest has no previous
    assert nav_links(site, "p3") == {"prev": "P2", "next": "P4"}  # the draft is skipped
    assert nav_links(site, "p4") == {"prev": "P3", "next": "P5"}
    assert nav_links(site, "p7") == {"prev": "P6"}  # the newest has no next
    soup = site.html(url_of("p4"))
    classes = {" ".join(a["class"]): a["rel"] for a in soup.select("nav.llmblog-post-nav a")}
    assert classes == {"llmblog-prev": ["prev"], "llmblog-next": ["next"]}
    head_links = {
        " ".join(link["rel"]): link["href"]
        for link in soup.select("head link[rel=prev], head link[rel=next]")
    }
    page = site.page_path(url_of("p4"))
    assert assert_link_works(site, page, str(head_links["prev"])) == site.page_path(url_of("p3"))
    assert assert_link_works(site, page, str(head_links["next"])) == site.page_path(url_of("p5"))


THEME_FOOTER = {
    "material": ("a.md-footer__link--prev", "a.md-footer__link--next"),
    "mkdocs": ("a.nav-link[rel=prev]", "a.nav-link[rel=next]"),
    "readthedocs": ("a.btn.float-left", "a.btn.float-right"),
}


def test_the_themes_own_links_follow_the_same_order(tmp_path: Path, theme: str) -> None:
    config = {"theme": {"name": theme, "features": ["navigation.footer"]}}
    site = build_site(tmp_path, config, files())
    soup = site.html(url_of("p3"))
    page = site.page_path(url_of("p3"))
    previous_selector, next_selector = THEME_FOOTER[theme]
    previous, following = soup.select_one(previous_selector), soup.select_one(next_selector)
    assert previous is not None
    assert following is not None
    assert assert_link_works(site, page, str(previous["href"])) == site.page_path(url_of("p2"))
    assert assert_link_works(site, page, str(following["href"])) == site.page_path(url_of("p4"))


def test_same_category_scope_uses_the_first_category(tmp_path: Path) -> None:
    site = build_site(tmp_path, {"plugins": [{"llmblog": {"post_nav_scope": "category"}}]}, files())
    assert nav_links(site, "p3") == {"prev": "P1", "next": "P5"}  # AI: p1, p3, p5
    assert nav_links(site, "p4") == {"prev": "P2", "next": "P7"}  # first category: Community
    assert nav_links(site, "p6") == {}  # alone in its category


def recent_titles(soup: BeautifulSoup) -> list[str]:
    widget = soup.select_one(".llmblog-widgets--after-content nav.llmblog-recent")
    assert widget is not None
    return [a.get_text() for a in widget.select("li a")]


def test_recent_posts_widget_on_every_page(
    tmp_path: Path, theme: str, use_directory_urls: bool
) -> None:
    site = build_site(tmp_path, {"theme": theme, "use_directory_urls": use_directory_urls}, files())
    for url_path in ("", "blog", url_of("p5"), "blog/category/ai"):
        soup = site.html(url_path)
        assert recent_titles(soup) == ["P7", "P6", "P5", "P4", "P3"]
        page = site.page_path(url_path)
        widget = soup.select_one(".llmblog-widgets--after-content nav.llmblog-recent")
        assert widget is not None
        for link in widget.select("a"):
            assert_link_works(site, page, str(link["href"]))
        assert len(widget.select("time[datetime]")) == 5
    current = site.html(url_of("p5")).select(
        ".llmblog-widgets--after-content .llmblog-recent a[aria-current=page]"
    )
    assert [a.get_text() for a in current] == ["P5"]


def test_recent_posts_options(tmp_path: Path) -> None:
    options = {
        "recent_posts": 2,
        "recent_posts_exclude_current": True,
        "recent_posts_category": "AI",
    }
    site = build_site(tmp_path, {"plugins": [{"llmblog": options}]}, files())
    assert recent_titles(site.html("")) == ["P5", "P4"]
    assert recent_titles(site.html(url_of("p5"))) == ["P4", "P3"]


def test_related_posts_share_the_most_categories_and_tags(tmp_path: Path) -> None:
    site = build_site(tmp_path, {}, files())

    def related(name: str) -> list[str]:
        aside = site.html(url_of(name)).select_one("aside.llmblog-related")
        return [] if aside is None else [a.get_text() for a in aside.select("li a")]

    # p5 (AI; llm, open) shares 3 with p1, 2 with p3, 2 with p4 (AI; open): ties newest first.
    assert related("p5") == ["P1", "P4", "P3"]
    assert related("p2") == ["P7", "P4"]
    assert related("p6") == []  # shares nothing


def test_related_and_post_nav_can_be_turned_off(tmp_path: Path) -> None:
    extra = {
        "blog/posts/quiet.md": post(
            {"date": "2024-01-09", "title": "Quiet", "categories": ["AI"], "blog_widgets": False}
        )
    }
    site = build_site(tmp_path, {"plugins": [{"llmblog": {"related_posts": 0}}]}, files(**extra))
    assert site.html(url_of("p5")).select_one("aside.llmblog-related") is None
    quiet = site.html("blog/2024/01/09/quiet")
    assert quiet.select_one("nav.llmblog-post-nav") is None
    assert quiet.select_one(".llmblog-widgets") is None
    site = build_site(tmp_path / "nonav", {"plugins": [{"llmblog": {"post_nav": False}}]}, files())
    assert site.html(url_of("p5")).select_one("nav.llmblog-post-nav") is None


def test_the_embed_directive_renders_a_list_in_place(tmp_path: Path) -> None:
    page = (
        "# News\n\nLatest:\n\n<!-- llmblog:recent-posts count=2 -->\n\n"
        'About AI:\n\n<!-- llmblog:recent-posts category="AI" -->\n\n'
        "```\n<!-- llmblog:recent-posts count=bad -->\n```\n"
    )
    site = build_site(tmp_path, {}, files(**{"news.md": page}))
    soup = site.html("news")
    embeds = soup.select(".llmblog-embed")
    assert [[a.get_text() for a in e.select("a")] for e in embeds] == [
        ["P7", "P6"],
        ["P5", "P4", "P3", "P1"],
    ]
    for link in soup.select(".llmblog-embed a"):
        assert_link_works(site, site.page_path("news"), str(link["href"]))
    code = soup.select_one("pre code")
    assert code is not None
    assert "llmblog:recent-posts count=bad" in code.get_text()


@pytest.mark.parametrize(
    ("directive", "problem"),
    [
        ("<!-- llmblog:recent-post -->", "not a known directive"),
        ("<!-- llmblog:recent-posts count=0 -->", "count must be a whole number"),
        ("<!-- llmblog:recent-posts count=many -->", "count must be a whole number"),
        ("<!-- llmblog:recent-posts colour=red -->", "write arguments as"),
        ('<!-- llmblog:recent-posts category="Nope" -->', "no published post has the category"),
        ('<!-- llmblog:recent-posts category="AI -->', "cannot be read"),
        ("<!-- llmblog:recent-posts count=1 count=2 -->", "gives 'count' twice"),
    ],
)
def test_malformed_directives_name_the_page_and_line(
    tmp_path: Path, directive: str, problem: str
) -> None:
    page = f"---\ntitle: News\n---\n\n# News\n\n{directive}\n"
    site = build_site(tmp_path, {}, files(**{"news.md": page}), expect_error=True)
    [message] = [m for m in site.errors if m.startswith("docs/")]
    assert message.startswith("docs/news.md: line 7:")
    assert problem in message


def test_recent_posts_thumbnails(tmp_path: Path) -> None:
    from tests import imagefiles

    extra: dict[str, str | bytes] = {
        "blog/posts/pic.md": post(
            {"date": "2024-02-01", "title": "Pic", "image": {"path": "pic.png", "alt": "A"}}
        ),
        "blog/posts/pic.png": imagefiles.png_with_alpha(800, 450),
    }
    site = build_site(
        tmp_path,
        {
            "site_url": "https://example.com/",
            "plugins": [{"llmblog": {"recent_posts_thumbnails": True}}],
        },
        {**files(), **extra},
    )
    widget = site.html("").select_one(".llmblog-widgets--after-content .llmblog-recent")
    assert isinstance(widget, Tag)
    thumb = widget.select_one("img.llmblog-thumb")
    assert thumb is not None
    assert thumb["loading"] == "lazy"
    assert (thumb["width"], thumb["height"]) == ("300", "169")
    assert_link_works(site, site.page_path(""), str(thumb["src"]))


def test_recent_posts_category_is_normalised_and_checked(
    tmp_path: Path, log_watcher: LogWatcher
) -> None:
    site = build_site(
        tmp_path, {"plugins": [{"llmblog": {"recent_posts_category": " Community "}}]}, files()
    )
    assert recent_titles(site.html("")) == ["P7", "P4", "P2"]
    log_watcher.expect(r"option 'recent_posts_category': no published post has the category 'Nope'")
    build_site(
        tmp_path / "typo",
        {"plugins": [{"llmblog": {"recent_posts_category": "Nope"}}]},
        files(),
        strict=False,
    )


def test_an_embed_in_an_excerpt_stays_on_the_post_page(tmp_path: Path) -> None:
    extra = {
        "blog/posts/embeds.md": post(
            {"date": "2024-01-09", "title": "Embeds"},
            "<!-- llmblog:recent-posts count=2 -->\n\nMore.\n",
        )
    }
    site = build_site(tmp_path, {}, files(**extra))
    assert site.html("blog").select(".llmblog-embed, .llmblog-embed-slot") == []
    assert len(site.html("blog/2024/01/09/embeds").select(".llmblog-embed li")) == 2
