"""The plugin object outlives a build (`mkdocs serve` keeps it): nothing carries over."""

from __future__ import annotations

from pathlib import Path

from tests.sitebuilder import build_site, post


def test_a_second_build_reflects_edits_and_deletions(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "blog/posts/a.md": post({"date": "2024-01-01", "title": "First title"}),
        "blog/posts/b.md": post({"date": "2024-01-02", "title": "Soon deleted"}),
    }
    first = build_site(tmp_path, {}, files, command="serve")
    titles = [a.get_text() for a in first.html("blog").select(".llmblog-post-card-title a")]
    assert titles == ["Soon deleted", "First title"]

    (tmp_path / "docs/blog/posts/b.md").unlink()
    del files["blog/posts/b.md"]
    files["blog/posts/a.md"] = post({"date": "2024-01-03", "title": "New title"})
    second = build_site(tmp_path, {}, files, command="serve")
    titles = [a.get_text() for a in second.html("blog").select(".llmblog-post-card-title a")]
    assert titles == ["New title"]
    assert not second.has_page("blog/2024/01/02/soon-deleted")
    assert second.has_page("blog/2024/01/03/new-title")
