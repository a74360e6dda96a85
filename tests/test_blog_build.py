"""The core blog on real builds: post pages, the paginated index, themes and URL styles."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import Comment

from tests.conftest import LogWatcher
from tests.links import assert_link_works, page_links, root_absolute_urls
from tests.sitebuilder import BuiltSite, build_site, post


def twelve_posts() -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {"index.md": "# Home\n\nWelcome.\n"}
    for day in range(1, 13):
        files[f"blog/posts/post-{day:02d}.md"] = post(
            {"date": f"2024-03-{day:02d}", "categories": ["Open Source"]},
            f"# Post number {day}\n\nExcerpt of post {day} with [a link](../../index.md) and "
            f"![a picture](pic.png).\n\n<!-- more -->\n\nThe rest of post {day}.\n",
        )
    files["blog/posts/pic.png"] = b"\x89PNG\r\n\x1a\n"
    return files


def card_titles(site: BuiltSite, url_path: str) -> list[str]:
    soup = site.html(url_path)
    return [a.get_text(strip=True) for a in soup.select(".llmblog-post-card-title a")]


def test_blog_builds_on_every_theme_and_url_style(
    tmp_path: Path, theme: str, use_directory_urls: bool
) -> None:
    site = build_site(
        tmp_path,
        {
            "theme": theme,
            "use_directory_urls": use_directory_urls,
            "plugins": [{"llmblog": {"pagination_per_page": 5}}],
        },
        twelve_posts(),
    )

    # The index is paginated newest first: 5 + 5 + 2.
    assert card_titles(site, "blog") == [f"Post number {n}" for n in range(12, 7, -1)]
    assert card_titles(site, "blog/page/2") == [f"Post number {n}" for n in range(7, 2, -1)]
    assert card_titles(site, "blog/page/3") == ["Post number 2", "Post number 1"]
    assert not site.has_page("blog/page/4")

    # Every link on every list page works: titles, read-more, excerpt links and images, pages.
    for url_path in ("blog", "blog/page/2", "blog/page/3"):
        page_file = site.page_path(url_path)
        soup = site.html(url_path)
        post_list = soup.select_one("ol.llmblog-post-list")
        assert post_list is not None
        for href in page_links(post_list) + page_links(soup, ".llmblog-pagination a"):
            assert_link_works(site, page_file, href)
        for img in post_list.select("img"):
            assert_link_works(site, page_file, str(img["src"]))

    # A post page: title once, date, reading time, the excerpt mark gone, links working.
    post_file = site.page_path("blog/2024/03/07/post-number-7")
    assert post_file.is_file()
    soup = site.html("blog/2024/03/07/post-number-7")
    assert [h.get_text(strip=True) for h in soup.find_all("h1")] == ["Post number 7"]
    time = soup.select_one(".llmblog-post-meta time")
    assert time is not None
    assert time["datetime"] == "2024-03-07T00:00:00+00:00"
    assert time.get_text(strip=True) == "March 7, 2024"
    assert soup.select_one(".llmblog-reading-time") is not None
    body = soup.select_one(".llmblog-post-body")
    assert body is not None
    assert [c for c in body.find_all(string=True) if isinstance(c, Comment)] == []
    assert "The rest of post 7." in body.get_text()
    for href in page_links(body):
        assert_link_works(site, post_file, href)
    assert_link_works(site, post_file, str(body.select_one("img")["src"]))  # type: ignore[index]

    assert root_absolute_urls(site) == []


def test_posts_stay_out_of_the_navigation_but_the_index_is_in_it(
    tmp_path: Path, theme: str
) -> None:
    site = build_site(tmp_path, {"theme": theme}, twelve_posts())
    soup = site.html("blog/2024/03/05/post-number-5")
    site_nav = {
        "material": ".md-nav--primary a",
        "mkdocs": ".navbar-nav a",
        "readthedocs": ".wy-menu-vertical a",
    }[theme]
    nav_texts = {a.get_text(strip=True) for a in soup.select(site_nav)}
    assert "Blog" in nav_texts
    assert not any(text.startswith("Post number") for text in nav_texts)


def test_a_post_the_author_lists_in_nav_stays_in_it(tmp_path: Path, theme: str) -> None:
    nav = [
        {"Home": "index.md"},
        {"Blog": "blog/index.md"},
        {"Our launch": "blog/posts/post-05.md"},
    ]
    site = build_site(tmp_path, {"theme": theme, "nav": nav}, twelve_posts())
    soup = site.html("blog/2024/03/07/post-number-7")
    site_nav = {
        "material": ".md-nav--primary a",
        "mkdocs": ".navbar-nav a",
        "readthedocs": ".wy-menu-vertical a",
    }[theme]
    listed = [
        a.get_text(strip=True)
        for a in soup.select(site_nav)
        if str(a["href"]).rstrip("/").endswith("05/post-number-5")
    ]
    assert listed  # the listed post, under the post's own title
    assert set(listed) <= {"Post number 5", "Our launch"}
    others = {a.get_text(strip=True) for a in soup.select(site_nav)} - set(listed)
    assert not any(text.startswith("Post number") for text in others)


def test_excerpt_is_the_first_paragraph_without_the_mark(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        {},
        {
            "blog/posts/a.md": post(
                {"date": "2024-01-01", "title": "A"}, "First paragraph.\n\nSecond paragraph.\n"
            ),
            "blog/posts/b.md": post({"date": "2024-01-02", "title": "B"}, "Only paragraph.\n"),
        },
    )
    cards = site.html("blog").select("article.llmblog-post-card")
    excerpt_b, excerpt_a = (card.select_one(".llmblog-excerpt") for card in cards)
    assert excerpt_a is not None
    assert excerpt_b is not None
    assert excerpt_a.get_text(strip=True) == "First paragraph."
    assert excerpt_b.get_text(strip=True) == "Only paragraph."
    # "Continue reading" only where the post goes on.
    assert cards[1].select_one(".llmblog-read-more") is not None
    assert cards[0].select_one(".llmblog-read-more") is None


def test_authors_index_becomes_the_intro(tmp_path: Path) -> None:
    files = twelve_posts()
    files["blog/index.md"] = "# News from the team\n\nWhat we are working on.\n"
    site = build_site(tmp_path, {"plugins": [{"llmblog": {"pagination_per_page": 5}}]}, files)
    soup = site.html("blog")
    intro = soup.select_one(".llmblog-intro")
    assert intro is not None
    assert "What we are working on." in intro.get_text()
    assert [h.get_text(strip=True) for h in soup.find_all("h1")] == ["News from the team"]
    assert soup.select_one(".llmblog-intro ~ ol.llmblog-post-list") is not None
    assert site.html("blog/page/2").select_one(".llmblog-intro") is None


def test_custom_post_url_format_and_title_from_heading(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        {"plugins": [{"llmblog": {"post_url_format": "{year}/{slug}", "blog_dir": "news"}}]},
        {"news/posts/x.md": post({"date": "2023-12-31"}, "# Hello, World!\n\nText.\n")},
    )
    assert site.has_page("news/2023/hello-world")
    assert site.has_page("news")


def test_empty_blog_shows_an_empty_index(tmp_path: Path) -> None:
    site = build_site(tmp_path, {}, {"index.md": "# Home\n", "blog/posts/notes.txt": "not a post"})
    soup = site.html("blog")
    assert soup.select_one(".llmblog-empty") is not None
    assert soup.select("article.llmblog-post-card") == []


def test_a_missing_posts_folder_gets_one_warning(tmp_path: Path, log_watcher: LogWatcher) -> None:
    log_watcher.expect(r"No posts folder 'docs/blog/posts/'")
    build_site(tmp_path, {}, {"index.md": "# Home\n"}, strict=False)


def test_nothing_is_written_into_docs_dir(tmp_path: Path) -> None:
    files = twelve_posts()
    build_site(tmp_path / "first", {}, files)
    docs = tmp_path / "first" / "docs"
    written = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*"))
    assert written == sorted({*files, "blog", "blog/posts"})


@pytest.mark.parametrize("theme_name", ["material", "mkdocs", "readthedocs"])
def test_a_custom_dir_overrides_a_template(tmp_path: Path, theme_name: str) -> None:
    (tmp_path / "overrides" / "llmblog" / "partials").mkdir(parents=True)
    (tmp_path / "overrides" / "llmblog" / "partials" / "post-card.html").write_text(
        '<article class="llmblog-post-card my-card">{{ post.title|e }}</article>'
    )
    site = build_site(
        tmp_path,
        {"theme": {"name": theme_name, "custom_dir": "overrides"}},
        {"blog/posts/a.md": post({"date": "2024-01-01", "title": "A <b>bold</b> title"})},
    )
    card = site.html("blog").select_one("article.my-card")
    assert card is not None
    assert card.get_text() == "A <b>bold</b> title"


def test_the_index_takes_the_title_of_the_authors_index(tmp_path: Path) -> None:
    files = twelve_posts()
    files["blog/index.md"] = "---\ntitle: Field notes\n---\nAn intro without a heading.\n"
    site = build_site(tmp_path, {"plugins": [{"llmblog": {"pagination_per_page": 5}}]}, files)
    for url_path in ("blog", "blog/page/2"):
        heading = site.html(url_path).select_one("h1.llmblog-list-title")
        assert heading is not None
        assert heading.get_text(" ", strip=True).startswith("Field notes")


def test_a_list_page_never_overwrites_a_post(tmp_path: Path) -> None:
    options = {
        "post_url_format": "{slug}",
        "pagination_url_format": "{page}",
        "pagination_per_page": 1,
    }
    site = build_site(
        tmp_path,
        {"plugins": [{"llmblog": options}]},
        {
            "blog/posts/a.md": post({"date": "2024-01-01", "title": "A", "slug": "2"}),
            "blog/posts/b.md": post({"date": "2024-01-02", "title": "B"}),
        },
        expect_error=True,
    )
    [message] = site.errors
    assert "docs/blog/posts/a.md" in message
    assert "page 2 of the 'Blog' list" in message


def test_an_empty_title_falls_back_to_the_heading_once(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        {},
        {"blog/posts/a.md": "---\ndate: 2024-01-01\ntitle:\n---\n# Real title\n\nText.\n"},
    )
    soup = site.html("blog/2024/01/01/real-title")
    assert [h.get_text() for h in soup.find_all("h1")] == ["Real title"]


def test_with_file_urls_the_index_is_blog_index_html(tmp_path: Path) -> None:
    site = build_site(tmp_path, {"use_directory_urls": False}, twelve_posts())
    assert (site.site_dir / "blog" / "index.html").is_file()
    assert not (site.site_dir / "blog.html").exists()
    assert (site.site_dir / "blog" / "page" / "2.html").is_file()


def test_an_overridden_card_may_use_the_excerpt_freely(tmp_path: Path) -> None:
    (tmp_path / "overrides" / "llmblog" / "partials").mkdir(parents=True)
    (tmp_path / "overrides" / "llmblog" / "partials" / "post-card.html").write_text(
        '<article class="llmblog-post-card"><p class="a">{{ post.excerpt_html|striptags }}</p>'
        '<div class="b">{{ post.excerpt_html }}</div></article>'
    )
    site = build_site(
        tmp_path, {"theme": {"name": "mkdocs", "custom_dir": "overrides"}}, twelve_posts()
    )
    card = site.html("blog").select_one("article.llmblog-post-card")
    assert card is not None
    assert card.select_one("p.a").get_text().startswith("Excerpt of post 12")  # type: ignore[union-attr]
    assert "\x00" not in site.page_path("blog").read_text()


def test_a_broken_template_override_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "overrides" / "llmblog").mkdir(parents=True)
    (tmp_path / "overrides" / "llmblog" / "post.html").write_text("{% if post %}unclosed")
    site = build_site(
        tmp_path,
        {"theme": {"name": "mkdocs", "custom_dir": "overrides"}},
        twelve_posts(),
        expect_error=True,
    )
    assert any("overrides/llmblog/post.html', line 1: Unexpected end" in m for m in site.errors)


def test_a_failing_override_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "overrides" / "llmblog" / "partials").mkdir(parents=True)
    (tmp_path / "overrides" / "llmblog" / "partials" / "post-card.html").write_text(
        "<a href=\"{{ 'x/'|url }}\">{{ post.title|e }}</a>"
    )
    site = build_site(
        tmp_path,
        {"theme": {"name": "mkdocs", "custom_dir": "overrides"}},
        twelve_posts(),
        expect_error=True,
    )
    assert any("Template 'llmblog/partials/post-card.html' failed" in m for m in site.errors)


def test_an_excluded_blog_index_is_replaced_by_the_plugins_own(tmp_path: Path) -> None:
    files = twelve_posts()
    files["blog/index.md"] = "# Hidden intro\n"
    site = build_site(tmp_path, {"exclude_docs": "blog/index.md"}, files)
    soup = site.html("blog")
    assert soup.select_one(".llmblog-intro") is None
    assert len(soup.select("article.llmblog-post-card")) == 10
