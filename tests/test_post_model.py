"""Dates, time zones, titles and slugs as posts come out in real builds."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sitebuilder import build_site, post


def post_urls(
    tmp_path: Path, posts: dict[str, str], config: dict[str, object] | None = None
) -> set[str]:
    files: dict[str, str | bytes] = {f"blog/posts/{name}": source for name, source in posts.items()}
    site = build_site(tmp_path, config or {}, files)
    return {
        path.removesuffix("index.html")
        for path in site.output_files()
        if path.startswith("blog/2") and path.endswith(".html")
    }


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Hello, World!", "hello-world"),
        ("Ünïcödé Straße", "unicode-strasse"),
        ("开源模型的未来", "kai-yuan-mo-xing-de-wei-lai"),
    ],
)
def test_slugs_from_titles(tmp_path: Path, title: str, slug: str) -> None:
    assert post_urls(tmp_path, {"a.md": post({"date": "2024-01-01", "title": title})}) == {
        f"blog/2024/01/01/{slug}/"
    }


def test_an_emoji_title_still_gets_a_slug(tmp_path: Path) -> None:
    [url] = post_urls(tmp_path, {"a.md": post({"date": "2024-01-01", "title": "🚀🔥"})})
    assert url.startswith("blog/2024/01/01/post-")
    assert len(url) > len("blog/2024/01/01/post-/")


def test_slugs_are_length_capped_at_a_word_boundary(tmp_path: Path) -> None:
    title = "word " * 100
    [url] = post_urls(
        tmp_path,
        {"a.md": post({"date": "2024-01-01", "title": title})},
        {"plugins": [{"llmblog": {"post_slug_max_length": 20}}]},
    )
    slug = url.split("/")[-2]
    assert slug == "word-word-word-word"


def test_an_explicit_slug_wins(tmp_path: Path) -> None:
    urls = post_urls(tmp_path, {"a.md": post({"date": "2024-01-01", "title": "T", "slug": "Mine"})})
    assert urls == {"blog/2024/01/01/mine/"}


@pytest.mark.parametrize(
    ("date", "timezone", "datetime_attribute", "url_day"),
    [
        ("2024-06-01", "UTC", "2024-06-01T00:00:00+00:00", "2024/06/01"),
        ("2024-06-01 23:30", "Europe/Berlin", "2024-06-01T23:30:00+02:00", "2024/06/01"),
        ("2024-06-01T08:00:00-05:00", "Europe/Berlin", "2024-06-01T08:00:00-05:00", "2024/06/01"),
        ("2024-12-01T10:00:00Z", "Asia/Tokyo", "2024-12-01T10:00:00+00:00", "2024/12/01"),
    ],
)
def test_dates_and_time_zones(
    tmp_path: Path, date: str, timezone: str, datetime_attribute: str, url_day: str
) -> None:
    site = build_site(
        tmp_path,
        {"plugins": [{"llmblog": {"timezone": timezone}}]},
        {"blog/posts/a.md": f"---\ndate: {date}\ntitle: T\n---\nText.\n"},
    )
    soup = site.html(f"blog/{url_day}/t")
    time = soup.select_one(".llmblog-post-meta time")
    assert time is not None
    assert time["datetime"] == datetime_attribute


def test_materials_date_mapping_is_accepted(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        {},
        {
            "blog/posts/a.md": (
                "---\ndate:\n  created: 2024-02-01\n  updated: 2024-03-01\ntitle: T\n---\nx\n"
            )
        },
    )
    soup = site.html("blog/2024/02/01/t")
    times = [t["datetime"] for t in soup.select(".llmblog-post-meta time")]
    assert times == ["2024-02-01T00:00:00+00:00", "2024-03-01T00:00:00+00:00"]


def test_the_title_heading_is_not_repeated_and_html_in_titles_is_escaped(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        {},
        {
            "blog/posts/a.md": post({"date": "2024-01-01"}, "# Fish & &lt;Chips&gt;\n\nBody.\n"),
            "blog/posts/b.md": post({"date": "2024-01-02", "title": "<script>alert(1)</script>"}),
        },
    )
    soup = site.html("blog/2024/01/01/fish-chips")
    assert [h.get_text() for h in soup.find_all("h1")] == ["Fish & <Chips>"]
    assert soup.title is not None
    index = site.html("blog")
    assert index.find("script", string="alert(1)") is None
    assert "<script>alert(1)</script>" in [
        a.get_text() for a in index.select(".llmblog-post-card-title a")
    ]


def test_posts_in_subfolders_and_same_day_order(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        {},
        {
            "blog/posts/2024/a.md": post({"date": "2024-01-01 09:00", "title": "Morning"}),
            "blog/posts/2024/deep/b.md": post({"date": "2024-01-01 18:00", "title": "Evening"}),
        },
    )
    titles = [a.get_text() for a in site.html("blog").select(".llmblog-post-card-title a")]
    assert titles == ["Evening", "Morning"]
