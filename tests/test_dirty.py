"""`--dirty` builds: lists never stale, changed posts and what shows them rebuilt."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from mkdocs_llmblog.render.templates import TEMPLATES_DIR
from tests.conftest import LogWatcher
from tests.sitebuilder import BuiltSite, dirty_build, post, write_project


@pytest.fixture(autouse=True)
def _dirty_warning(log_watcher: LogWatcher) -> None:
    log_watcher.expect(r"A 'dirty' build is being performed")


def posts() -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {"index.md": "# Home\n\nWelcome.\n"}
    for day in range(1, 8):
        files[f"blog/posts/p{day}.md"] = post(
            {"date": f"2024-05-{day:02d}", "title": f"Post {day}", "categories": ["News"]},
            f"Excerpt {day}.\n\n<!-- more -->\n\nBody {day}.\n",
        )
    return files


def edit(root: Path, name: str, source: str) -> None:
    path = root / "docs" / "blog" / "posts" / name
    path.write_text(source, encoding="utf-8")
    later = time.time() + 10  # newer than every page of the previous build
    os.utime(path, (later, later))


def mtimes(site: BuiltSite) -> dict[str, int]:
    return {
        p: (site.site_dir / p).stat().st_mtime_ns
        for p in site.output_files()
        if p.endswith(".html")
    }


def card_excerpts(soup: BeautifulSoup) -> list[str]:
    return [e.get_text(strip=True) for e in soup.select(".llmblog-excerpt")]


def test_a_body_change_rebuilds_only_that_post_and_the_lists(tmp_path: Path) -> None:
    write_project(tmp_path, {"plugins": [{"llmblog": {"pagination_per_page": 3}}]}, posts())
    first = dirty_build(tmp_path, dirty=False)
    before = mtimes(first)
    time.sleep(0.05)
    edit(tmp_path, "p2.md", post({"date": "2024-05-02", "title": "Post 2", "categories": ["News"]},
                                  "New excerpt 2.\n\n<!-- more -->\n\nNew body 2.\n"))  # fmt: skip
    second = dirty_build(tmp_path, dirty=True)
    after = mtimes(second)
    changed = {path for path in after if after[path] != before.get(path)}
    assert "blog/2024/05/02/post-2/index.html" in changed
    assert "blog/2024/05/05/post-5/index.html" not in changed
    assert "index.html" not in changed
    # Every list page is whole: page 3 (Material blog's #8360) shows recorded excerpts too.
    assert card_excerpts(second.html("blog/page/3")) == ["Excerpt 1."]
    assert card_excerpts(second.html("blog/page/2")) == [
        "Excerpt 4.",
        "Excerpt 3.",
        "New excerpt 2.",
    ]
    assert card_excerpts(second.html("blog")) == ["Excerpt 7.", "Excerpt 6.", "Excerpt 5."]
    assert "New body 2." in second.html("blog/2024/05/02/post-2").get_text()


def test_a_body_change_leaves_the_lists_without_the_post_as_they_were(tmp_path: Path) -> None:
    write_project(tmp_path, {"plugins": [{"llmblog": {"pagination_per_page": 3}}]}, posts())
    first = dirty_build(tmp_path, dirty=False)
    before = mtimes(first)
    time.sleep(0.05)
    edit(tmp_path, "p2.md", post({"date": "2024-05-02", "title": "Post 2", "categories": ["News"]},
                                  "New excerpt 2.\n\n<!-- more -->\n\nNew body 2.\n"))  # fmt: skip
    second = dirty_build(tmp_path, dirty=True)
    after = mtimes(second)
    changed = {path for path in after if after[path] != before.get(path)}
    # The pages of lists that show post 2 (newest first, three a page: 7 6 5 | 4 3 2 | 1).
    assert {"blog/page/2/index.html", "blog/category/news/page/2/index.html"} <= changed
    assert "New excerpt 2." in card_excerpts(second.html("blog/category/news/page/2"))
    # The others are as the last build wrote them, which is what they show now.
    unchanged = {"blog/index.html", "blog/page/3/index.html", "blog/category/news/index.html"}
    assert not unchanged & changed
    assert card_excerpts(second.html("blog/category/news")) == [
        "Excerpt 7.",
        "Excerpt 6.",
        "Excerpt 5.",
    ]


def test_a_dirty_build_writes_a_missing_list_page_again(tmp_path: Path) -> None:
    write_project(tmp_path, {"plugins": [{"llmblog": {"pagination_per_page": 3}}]}, posts())
    dirty_build(tmp_path, dirty=False)
    (tmp_path / "site" / "blog" / "page" / "3" / "index.html").unlink()
    edit(tmp_path, "p7.md", post({"date": "2024-05-07", "title": "Post 7", "categories": ["News"]},
                                  "Excerpt 7, edited.\n\n<!-- more -->\n\nBody 7.\n"))  # fmt: skip
    site = dirty_build(tmp_path, dirty=True)
    assert card_excerpts(site.html("blog/page/3")) == ["Excerpt 1."]


def test_an_edit_of_mkdocs_yml_rebuilds_every_page(tmp_path: Path) -> None:
    config_file = write_project(tmp_path, {"site_name": "Old name"}, posts())
    first = dirty_build(tmp_path, dirty=False)
    before = mtimes(first)
    time.sleep(0.05)
    config_file.write_text(
        config_file.read_text(encoding="utf-8").replace("Old name", "New name"), encoding="utf-8"
    )
    site = dirty_build(tmp_path, dirty=True)
    after = mtimes(site)
    assert {path for path in after if after[path] == before.get(path)} == set()
    for url_path in ("", "blog", "blog/category/news", "blog/2024/05/01/post-1"):
        assert "New name" in site.html(url_path).get_text(), url_path


def test_an_edited_template_rebuilds_every_page(tmp_path: Path) -> None:
    card = Path(TEMPLATES_DIR, "llmblog", "partials", "post-card.html").read_text(encoding="utf-8")
    override = tmp_path / "overrides" / "llmblog" / "partials" / "post-card.html"
    override.parent.mkdir(parents=True)
    override.write_text(card, encoding="utf-8")
    theme = {"name": "mkdocs", "custom_dir": "overrides"}
    write_project(tmp_path, {"theme": theme}, posts())
    dirty_build(tmp_path, dirty=False)
    override.write_text(card + "<!-- card v2 -->\n", encoding="utf-8")
    later = time.time() + 10
    os.utime(override, (later, later))
    site = dirty_build(tmp_path, dirty=True)
    for url_path in ("blog", "blog/category/news", "blog/archive/2024"):
        assert "card v2" in site.page_path(url_path).read_text(encoding="utf-8"), url_path


def test_a_title_change_rebuilds_every_page_that_shows_it(tmp_path: Path) -> None:
    write_project(tmp_path, {}, posts())
    dirty_build(tmp_path, dirty=False)
    edit(tmp_path, "p7.md", post({"date": "2024-05-07", "title": "Renamed", "categories": ["News"]},
                                  "Excerpt 7.\n\n<!-- more -->\n\nBody 7.\n"))  # fmt: skip
    site = dirty_build(tmp_path, dirty=True)
    recent = site.html("").select(".llmblog-widgets--after-content .llmblog-recent li a")
    assert recent[0].get_text() == "Renamed"
    neighbour = site.html("blog/2024/05/06/post-6").select_one(
        "a.llmblog-next .llmblog-post-nav-title"
    )
    assert neighbour is not None
    assert neighbour.get_text() == "Renamed"


def test_a_draft_flag_change_takes_the_post_out_everywhere(tmp_path: Path) -> None:
    write_project(tmp_path, {}, posts())
    dirty_build(tmp_path, dirty=False)
    edit(tmp_path, "p7.md", post({"date": "2024-05-07", "title": "Post 7", "draft": True}, "x\n"))
    site = dirty_build(tmp_path, dirty=True)
    for url_path in ("", "blog", "blog/2024/05/06/post-6", "blog/category/news"):
        assert "Post 7" not in site.html(url_path).get_text(), url_path


def test_a_dirty_build_without_a_record_rebuilds_everything(tmp_path: Path) -> None:
    write_project(tmp_path, {}, posts())
    dirty_build(tmp_path, dirty=False)
    for record in (tmp_path / ".cache").rglob("build-record.json"):
        record.write_text("{not json")
    site = dirty_build(tmp_path, dirty=True)
    assert card_excerpts(site.html("blog"))[:2] == ["Excerpt 7.", "Excerpt 6."]


def test_an_authors_index_page_shows_fresh_excerpts_after_a_body_change(tmp_path: Path) -> None:
    files = posts()
    files["blog/index.md"] = "# News\n\nOur intro.\n"
    write_project(tmp_path, {}, files)
    dirty_build(tmp_path, dirty=False)
    edit(tmp_path, "p7.md", post({"date": "2024-05-07", "title": "Post 7", "categories": ["News"]},
                                  "Fresh excerpt 7.\n\n<!-- more -->\n\nBody 7.\n"))  # fmt: skip
    site = dirty_build(tmp_path, dirty=True)
    soup = site.html("blog")
    assert card_excerpts(soup)[0] == "Fresh excerpt 7."
    intro = soup.select_one(".llmblog-intro")
    assert intro is not None
    assert "Our intro." in intro.get_text()


def test_full_content_feeds_keep_every_body_in_a_dirty_build(tmp_path: Path) -> None:
    import feedparser

    write_project(tmp_path, {"plugins": [{"llmblog": {"feed_content": "full"}}]}, posts())
    dirty_build(tmp_path, dirty=False)
    edit(tmp_path, "p1.md", post({"date": "2024-05-01", "title": "Post 1", "categories": ["News"]},
                                  "Excerpt 1.\n\n<!-- more -->\n\nNew body 1.\n"))  # fmt: skip
    site = dirty_build(tmp_path, dirty=True)
    feed = feedparser.parse((site.site_dir / "blog" / "feed.xml").read_bytes())
    bodies = {entry.title: entry.content[0].value for entry in feed.entries}
    assert len(bodies) == 7
    assert all(f"Body {n}." in bodies[f"Post {n}"] for n in range(2, 8))
    assert "New body 1." in bodies["Post 1"]
