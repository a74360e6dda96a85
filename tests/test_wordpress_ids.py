"""`?p=<id>` and `?page_id=<id>`, WordPress's addresses by id, lead to the imported page."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from tests.browsing import serving
from tests.conftest import LogWatcher
from tests.sitebuilder import THEMES, BuiltSite, build_site, dirty_build, post

# Importing test_browser skips the browser test where Playwright or chromium is missing.
from tests.test_browser import browser

__all__ = ["browser"]

SCRIPT = "llmblog/wordpress-ids.js"


def files(**extra: str) -> dict[str, str]:
    return {
        "index.md": "# Home\n",
        "about.md": "---\nwordpress_id: 7\n---\n# About\n",
        "blog/posts/hello.md": post({"date": "2024-05-01", "title": "Hello", "wordpress_id": 123}),
        "blog/posts/plain.md": post({"date": "2024-04-01", "title": "Plain"}),
        **extra,
    }


def id_map(site: BuiltSite) -> dict[str, str]:
    data: dict[str, str] = json.loads(
        (site.site_dir / "llmblog/wordpress-ids.json").read_text(encoding="utf-8")
    )
    return data


def scripts(site: BuiltSite, url_path: str) -> list[str]:
    return [str(s.get("src")) for s in site.html(url_path).find_all("script") if s.get("src")]


@pytest.mark.parametrize("theme", THEMES)
def test_ids_map_to_pages_and_only_the_home_page_carries_the_script(
    tmp_path: Path, theme: str, use_directory_urls: bool
) -> None:
    site = build_site(tmp_path, {"theme": theme, "use_directory_urls": use_directory_urls}, files())
    post_url = "blog/2024/05/01/hello/" if use_directory_urls else "blog/2024/05/01/hello.html"
    about_url = "about/" if use_directory_urls else "about.html"
    assert id_map(site) == {"7": about_url, "123": post_url}
    assert (site.site_dir / SCRIPT).is_file()
    assert SCRIPT in scripts(site, "")
    for other in ("about", "blog", "blog/2024/05/01/hello"):
        assert not any(src.endswith(SCRIPT) for src in scripts(site, other)), other


def test_a_site_without_ids_gets_no_map_and_no_script(tmp_path: Path) -> None:
    source = files()
    source["about.md"] = "# About\n"
    source["blog/posts/hello.md"] = post({"date": "2024-05-01", "title": "Hello"})
    site = build_site(tmp_path, {}, source)
    assert not (site.site_dir / "llmblog/wordpress-ids.json").exists()
    assert SCRIPT not in scripts(site, "")


def test_a_bad_post_id_is_named_with_the_file_and_key(tmp_path: Path) -> None:
    source = files()
    source["blog/posts/plain.md"] = post({"date": "2024-04-01", "title": "P", "wordpress_id": "x"})
    site = build_site(tmp_path, {}, source, expect_error=True)
    assert any(
        "docs/blog/posts/plain.md" in m and "'wordpress_id'" in m and "whole number" in m
        for m in site.errors
    ), site.errors


def test_bad_and_clashing_page_ids_warn_with_the_files(
    tmp_path: Path, log_watcher: LogWatcher
) -> None:
    log_watcher.expect(r"docs/contact\.md: key 'wordpress_id' must be a whole number.*ignored")
    log_watcher.expect(r"docs/team\.md: key 'wordpress_id': 7 is also the id of docs/about\.md")
    extra = {
        "contact.md": "---\nwordpress_id: -3\n---\n# Contact\n",
        "team.md": "---\nwordpress_id: 7\n---\n# Team\n",
    }
    site = build_site(
        tmp_path,
        {"nav": ["index.md", "about.md", "contact.md", "team.md"]},
        files(**extra),
        strict=False,
    )
    assert id_map(site)["7"] == "about/"


def test_a_dirty_build_keeps_the_ids_of_unchanged_pages(
    tmp_path: Path, log_watcher: LogWatcher
) -> None:
    log_watcher.expect(r"A 'dirty' build is being performed")
    build_site(tmp_path, {}, files())
    time.sleep(0.01)
    hello = tmp_path / "docs/blog/posts/hello.md"
    hello.write_text(hello.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    site = dirty_build(tmp_path, dirty=True)
    assert id_map(site) == {"7": "about/", "123": "blog/2024/05/01/hello/"}
    (tmp_path / "docs/about.md").unlink()
    site = dirty_build(tmp_path, dirty=True)
    assert id_map(site) == {"123": "blog/2024/05/01/hello/"}


@pytest.mark.slow
@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_the_home_page_sends_an_id_on_to_its_page(
    tmp_path: Path, browser: Any, use_directory_urls: bool
) -> None:
    site = build_site(tmp_path, {"use_directory_urls": use_directory_urls}, files())
    suffix = "/" if use_directory_urls else ".html"
    with serving(site.site_dir) as base:
        page = browser.new_page()
        for query, target in [
            ("?p=123#comments", f"blog/2024/05/01/hello{suffix}#comments"),
            ("?page_id=7", f"about{suffix}"),
        ]:
            page.goto(base + query)
            page.wait_for_url(base + target)
            assert page.url == base + target
        page.goto(base + "?p=999")
        page.wait_for_load_state("networkidle")
        assert page.url == base + "?p=999"  # an unknown id: the home page stays
        page.close()
