"""Drafts and scheduled posts: out of `mkdocs build` everywhere, marked in `mkdocs serve`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from tests.sitebuilder import BuiltSite, build_site, post

FUTURE = (dt.date.today() + dt.timedelta(days=400)).isoformat()


def blog_files() -> dict[str, str | bytes]:
    return {
        "index.md": "# Home\n\nSee [the draft](blog/posts/draft.md).\n",
        "blog/posts/published.md": post({"date": "2024-01-02", "title": "Published"}),
        "blog/posts/draft.md": post({"date": "2024-01-03", "title": "A draft", "draft": True}),
        "blog/posts/scheduled.md": post({"date": FUTURE, "title": "Scheduled"}),
    }


def listed_titles(site: BuiltSite) -> list[str]:
    return [a.get_text(strip=True) for a in site.html("blog").select(".llmblog-post-card-title a")]


def all_text(site: BuiltSite) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in site.site_dir.rglob("*.html"))


def test_build_leaves_drafts_and_scheduled_posts_out_everywhere(tmp_path: Path) -> None:
    site = build_site(tmp_path, {}, blog_files())
    assert listed_titles(site) == ["Published"]
    pages = {path for path in site.output_files() if path.endswith(".html")}
    assert not any("a-draft" in path or "scheduled" in path for path in pages)
    text = all_text(site)
    assert "A draft" not in text
    assert "Scheduled" not in text
    assert "llmblog-draft" not in text


def test_serve_shows_them_with_the_draft_mark(tmp_path: Path) -> None:
    site = build_site(tmp_path, {}, blog_files(), command="serve")
    assert listed_titles(site) == ["Scheduled", "A draft", "Published"]
    cards = site.html("blog").select("article.llmblog-post-card")
    marks = [card.select_one(".llmblog-draft") for card in cards]
    assert [mark.get_text(strip=True) if mark else None for mark in marks] == [
        "Scheduled",
        "Draft",
        None,
    ]
    draft_page = site.html("blog/2024/01/03/a-draft")
    assert draft_page.select_one(".llmblog-post-header .llmblog-draft") is not None


@pytest.mark.parametrize(
    ("options", "command", "expected"),
    [
        ({"draft_on_serve": False}, "serve", ["Published"]),
        ({"draft": True}, "build", ["A draft", "Published"]),
        ({"draft_if_future_date": False}, "build", ["Scheduled", "Published"]),
    ],
)
def test_options_change_either_behaviour(
    tmp_path: Path, options: dict[str, Any], command: str, expected: list[str]
) -> None:
    site = build_site(tmp_path, {"plugins": [{"llmblog": options}]}, blog_files(), command=command)
    assert listed_titles(site) == expected


def test_scheduled_is_judged_against_source_date_epoch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A reproducible build of a past moment treats posts after that moment as scheduled.
    monkeypatch.setenv(
        "SOURCE_DATE_EPOCH", str(int(dt.datetime(2024, 1, 2, 12, tzinfo=dt.UTC).timestamp()))
    )
    files = blog_files()
    files["blog/posts/later.md"] = post({"date": "2024-01-05", "title": "Later"})
    site = build_site(tmp_path, {}, files)
    assert listed_titles(site) == ["Published"]


def test_exclude_docs_and_draft_docs_are_respected(tmp_path: Path) -> None:
    files = blog_files()
    files["blog/posts/excluded.md"] = post({"date": "2024-01-04", "title": "Excluded"})
    files["blog/posts/wip.md"] = post({"date": "2024-01-05", "title": "Work in progress"})
    config = {"exclude_docs": "blog/posts/excluded.md", "draft_docs": "blog/posts/wip.md"}
    site = build_site(tmp_path, config, files)
    assert listed_titles(site) == ["Published"]
    assert "Work in progress" not in all_text(site)
    served = build_site(tmp_path / "serve", config, files, command="serve")
    assert "Excluded" not in listed_titles(served)
    assert "Work in progress" in listed_titles(served)


def test_serve_marks_drafts_in_the_widgets_too(tmp_path: Path) -> None:
    site = build_site(tmp_path, {}, blog_files(), command="serve")
    recent = site.html("").select(".llmblog-widgets--after-content .llmblog-recent li")
    marks = {li.find("a").get_text(): li.select_one(".llmblog-draft") is not None for li in recent}  # type: ignore[union-attr]
    assert marks == {"Scheduled": True, "A draft": True, "Published": False}


def test_draft_docs_stay_out_even_when_drafts_are_published(tmp_path: Path) -> None:
    files = blog_files()
    files["blog/posts/wip.md"] = post({"date": "2024-01-05", "title": "Work in progress"})
    config = {"draft_docs": "blog/posts/wip.md", "plugins": [{"llmblog": {"draft": True}}]}
    site = build_site(tmp_path, config, files)
    assert "Work in progress" not in listed_titles(site)
    assert "A draft" in listed_titles(site)
