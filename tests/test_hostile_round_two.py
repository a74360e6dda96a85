"""Hostile input, round two (issue #21): each case a real build with one clear outcome."""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from unittest import mock
from xml.etree import ElementTree

import feedparser
import pytest
from bs4 import BeautifulSoup
from PIL import Image

from tests import imagefiles
from tests.conftest import LogWatcher
from tests.sitebuilder import THEMES, BuiltSite, build_site, dirty_build, post

GOOD = post({"date": "2024-01-01", "title": "Good"})


def snapshot(folder: Path, skip: tuple[str, ...] = ("site", ".cache")) -> dict[str, str]:
    result = {}
    for path in folder.rglob("*"):
        relative = path.relative_to(folder).as_posix()
        if relative.split("/")[0] in skip or not path.is_file():
            continue
        result[relative] = hashlib.sha256(path.read_bytes()).hexdigest()
    return result


def checked_build(
    tmp_path: Path, config: dict[str, Any], files: Mapping[str, str | bytes], **kwargs: Any
) -> BuiltSite:
    """A build that must write nothing outside site_dir and the cache, nor into docs_dir."""
    before = snapshot(tmp_path)
    site = build_site(tmp_path, config, files, **kwargs)
    after = snapshot(tmp_path)
    added = set(after) - set(before) - {"mkdocs.yml"} - {f"docs/{name}" for name in files}
    assert added == set(), f"files written outside site_dir and the cache: {added}"
    for path, digest in before.items():
        if path != "mkdocs.yml" and path.removeprefix("docs/") not in files:
            assert after.get(path) == digest, f"{path} was changed"
    return site


def our_error(site: BuiltSite) -> str:
    ours = [m for m in site.errors if m.startswith("docs/")]
    assert len(ours) == 1, site.errors
    assert "Traceback" not in ours[0]
    return ours[0]


def all_output_text(site: BuiltSite) -> dict[str, str]:
    return {
        name: (site.site_dir / name).read_text(encoding="utf-8")
        for name in site.output_files()
        if name.endswith((".html", ".xml", ".json"))
    }


def feed_paths(site: BuiltSite) -> list[str]:
    return sorted(p for p in site.output_files() if p.endswith(("feed.xml", "atom.xml")))


def assert_feeds_parse(site: BuiltSite) -> None:
    paths = feed_paths(site)
    assert any("category" in p for p in paths), paths
    for path in paths:
        data = (site.site_dir / path).read_bytes()
        ElementTree.fromstring(data)
        feed = feedparser.parse(data)
        assert not feed.bozo, f"{path}: {feed.bozo_exception}"
    for path in (p for p in site.output_files() if p.endswith("feed.json")):
        json.loads((site.site_dir / path).read_text(encoding="utf-8"))


# 1. Titles from headings, written with entities, in every theme slot


HEADING = "&lt;/title&gt;&lt;img src=x onerror=alert(1)&gt;"


@pytest.mark.parametrize("theme", THEMES)
def test_an_escaped_heading_title_creates_no_element_in_any_slot(
    tmp_path: Path, theme: str
) -> None:
    files: dict[str, str | bytes] = {
        "index.md": "# Home\n",
        "blog/posts/a.md": post(
            {"date": "2024-01-02", "categories": ["News"]}, f"# {HEADING}\n\nBody.\n"
        ),
        "blog/posts/b.md": post({"date": "2024-01-01", "title": "Older", "categories": ["News"]}),
        "blog/posts/c.md": post({"date": "2024-01-03", "title": "Newer", "categories": ["News"]}),
    }
    site = checked_build(
        tmp_path, {"theme": {"name": theme}, "plugins": ["search", "llmblog"]}, files
    )
    for name, text in all_output_text(site).items():
        assert "<img src=x" not in text, name
        if name.endswith(".html"):
            soup = BeautifulSoup(text, "html.parser")
            assert not soup.select("img[onerror]"), name
            assert not [t for t in soup.find_all(True) if t.has_attr("onerror")], name
            for script in soup.select('script[type="application/ld+json"]'):
                json.loads(script.string or "")
    page = site.html("blog/2024/01/02/title-img-src-x-onerror-alert-1")
    title = page.title.get_text() if page.title else ""
    assert "</title><img src=x onerror=alert(1)>" in title, title
    search = json.loads((site.site_dir / "search" / "search_index.json").read_text("utf-8"))
    for doc in search["docs"]:
        assert "<img" not in doc["title"] + doc["text"], doc


# 7. Titles that look like markup


def tag_counts(soup: BeautifulSoup) -> Counter[str]:
    return Counter(tag.name for tag in soup.find_all(True))


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("title", ["</head>", "<li>", "<br>"])
def test_a_title_that_looks_like_markup_damages_no_element(
    tmp_path: Path, theme: str, title: str
) -> None:
    def site_for(folder: Path, text: str) -> BuiltSite:
        files: dict[str, str | bytes] = {
            "index.md": "# Home\n",
            "blog/posts/x.md": post(
                {"date": "2024-01-02", "title": text, "slug": "x", "categories": ["News"]}
            ),
            "blog/posts/y.md": post({"date": "2024-01-01", "title": "Y", "categories": ["News"]}),
        }
        return checked_build(folder, {"theme": {"name": theme}}, files)

    hostile = site_for(tmp_path / "hostile", title)
    plain = site_for(tmp_path / "plain", "abcdefg")
    for url in ("blog/2024/01/02/x", "blog", "blog/category/news", "blog/2024/01/01/y"):
        raw = hostile.page_path(url).read_text(encoding="utf-8")
        assert raw.count("</head>") == 1, url
        assert tag_counts(hostile.html(url)) == tag_counts(plain.html(url)), url
    assert title in (hostile.html("blog/2024/01/02/x").title or BeautifulSoup()).get_text()


# 6. Characters XML forbids


FORBIDDEN = "".join(map(chr, [*range(0, 9), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF]))


def test_characters_xml_forbids_are_removed_with_one_warning_per_post(
    tmp_path: Path, log_watcher: LogWatcher
) -> None:
    log_watcher.expect(r"docs/blog/posts/x\.md: .*'title'.*not allowed in XML")
    bad = "A\x01B\x0bC\ufffeD"
    files: dict[str, str | bytes] = {
        "blog/posts/x.md": post(
            {
                "date": "2024-01-02",
                "title": bad,
                "categories": [f"Cat{bad}"],
                "tags": [f"tag{bad}"],
                "authors": [f"Ann{bad}"],
                "description": f"Desc{bad}",
            },
            f"Body {FORBIDDEN} text.\n\n<!-- more -->\n\nMore {FORBIDDEN}.\n",
        ),
        "blog/posts/good.md": post({"date": "2024-01-01", "title": "Good", "categories": ["N"]}),
    }
    config = {"plugins": [{"llmblog": {"feed_content": "full"}}]}
    site = checked_build(tmp_path, config, files, strict=False)
    warnings = [m for m in log_watcher.messages() if "not allowed in XML" in m]
    assert len(warnings) == 1, warnings
    assert_feeds_parse(site)
    for name, text in all_output_text(site).items():
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", text), name
    assert "ABCD" in site.html("blog").get_text()


# 8. The cache is read back, not trusted


def image_site(tmp_path: Path, **options: Any) -> tuple[dict[str, Any], dict[str, str | bytes]]:
    files: dict[str, str | bytes] = {
        "blog/posts/pic.png": imagefiles.png_with_alpha(800, 500),
        "blog/posts/x.md": post(
            {
                "date": "2024-01-02",
                "title": "X",
                "image": {"path": "pic.png", "alt": "A picture"},
            },
            "Excerpt.\n\n<!-- more -->\n\nBody.\n",
        ),
    }
    return {"plugins": [{"llmblog": options}] if options else ["llmblog"]}, files


def cached_copies(tmp_path: Path) -> list[Path]:
    folder = tmp_path / ".cache" / "llmblog" / "images"
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))


def assert_site_images_decode(site: BuiltSite) -> None:
    images = [p for p in site.output_files() if p.startswith("llmblog/images/")]
    assert images
    for name in images:
        path = site.site_dir / name
        assert not path.is_symlink(), name
        with Image.open(path) as image:
            image.load()


def test_a_cached_copy_replaced_by_a_symlink_is_rebuilt(tmp_path: Path) -> None:
    config, files = image_site(tmp_path)
    build_site(tmp_path, config, files)
    secret = tmp_path / "secret.txt"
    secret.write_text("private key", encoding="utf-8")
    copy = cached_copies(tmp_path)[0]
    copy.unlink()
    copy.symlink_to(secret)
    site = checked_build(tmp_path, config, files)
    assert_site_images_decode(site)
    for name in site.output_files():
        assert b"private key" not in (site.site_dir / name).read_bytes(), name


def test_a_cached_copy_overwritten_with_garbage_is_rebuilt(tmp_path: Path) -> None:
    config, files = image_site(tmp_path)
    build_site(tmp_path, config, files)
    for copy in cached_copies(tmp_path):
        os.chmod(copy, 0o644)
        copy.write_bytes(b"garbage" * 10)
    site = checked_build(tmp_path, config, files)
    assert_site_images_decode(site)


def test_a_cached_copy_with_other_valid_image_content_is_rebuilt(tmp_path: Path) -> None:
    config, files = image_site(tmp_path)
    first = build_site(tmp_path, config, files)
    published = {n: (first.site_dir / n).read_bytes() for n in first.output_files()}
    for copy in cached_copies(tmp_path):
        os.chmod(copy, 0o644)
        buffer = io.BytesIO()
        Image.new("RGB", (3, 3), "red").save(buffer, format=Image.open(copy).format)
        copy.write_bytes(buffer.getvalue())
    site = checked_build(tmp_path, config, files)
    for name, data in published.items():
        if name.startswith("llmblog/images/"):
            assert (site.site_dir / name).read_bytes() == data, name


def test_an_edited_build_record_is_not_published(tmp_path: Path, log_watcher: LogWatcher) -> None:
    log_watcher.expect(r"A 'dirty' build is being performed")
    files: dict[str, str | bytes] = {
        "blog/posts/x.md": post(
            {"date": "2024-01-02", "title": "X", "categories": ["News"]},
            "Real excerpt.\n\n<!-- more -->\n\nBody.\n",
        ),
        "blog/posts/y.md": post({"date": "2024-01-01", "title": "Y", "categories": ["News"]}),
    }
    build_site(tmp_path, {}, files)
    record_path = tmp_path / ".cache" / "llmblog" / "build-record.json"
    record = json.loads(record_path.read_text(encoding="utf-8"))
    for entry in record["excerpts"].values():
        entry["html"] = "<script>alert(1)</script>"
        entry["description"] = "<script>alert(2)</script>"
    record_path.write_text(json.dumps(record), encoding="utf-8")
    site = dirty_build(tmp_path, dirty=True)
    for name, text in all_output_text(site).items():
        assert "alert(1)" not in text, name
        assert "alert(2)" not in text, name
    assert "Real excerpt." in site.html("blog").get_text()


@pytest.mark.parametrize("width", [99999, -5, 0, "wide", 10**30])
def test_implausible_source_sizes_in_the_cache_are_read_again(
    tmp_path: Path, width: object
) -> None:
    config, files = image_site(tmp_path)
    first = build_site(tmp_path, config, files)
    sources_path = tmp_path / ".cache" / "llmblog" / "sources.json"
    data = json.loads(sources_path.read_text(encoding="utf-8"))
    for entry in data["images"].values():
        entry["image"]["width"] = width
    sources_path.write_text(json.dumps(data), encoding="utf-8")
    site = checked_build(tmp_path, config, files)
    assert site.output_files() == first.output_files()
    assert_site_images_decode(site)


# 9. Shapes that crashed


@pytest.mark.parametrize("size", [(3000, 2), (2000, 1), (2, 3000), (1, 1)])
def test_an_extreme_aspect_ratio_image_builds(tmp_path: Path, size: tuple[int, int]) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", size, "blue").save(buffer, format="PNG")
    files: dict[str, str | bytes] = {
        "blog/posts/pic.png": buffer.getvalue(),
        "blog/posts/x.md": post(
            {"date": "2024-01-02", "title": "X", "image": {"path": "pic.png", "alt": "A"}}
        ),
    }
    site = checked_build(tmp_path, {}, files)
    assert_site_images_decode(site)


def test_categories_too_deep_are_an_error(tmp_path: Path) -> None:
    deep = "/".join(f"L{n}" for n in range(500))
    files = {"blog/posts/x.md": post({"date": "2024-01-02", "title": "X", "categories": [deep]})}
    site = checked_build(tmp_path, {}, files, expect_error=True)
    message = our_error(site)
    assert re.search(r"docs/blog/posts/x\.md: front matter key 'categories' .*10 levels", message)
    assert len(message) < 600, message


def test_categories_ten_levels_deep_build(tmp_path: Path) -> None:
    deep = "/".join(f"L{n}" for n in range(10))
    files = {"blog/posts/x.md": post({"date": "2024-01-02", "title": "X", "categories": [deep]})}
    site = checked_build(tmp_path, {}, files)
    assert site.has_page("blog/category/l0/l1/l2/l3/l4/l5/l6/l7/l8/l9")


@pytest.mark.parametrize("date", ["2106-02-08", "2999-01-01", "9999-12-31"])
def test_a_post_dated_far_in_the_future_builds_under_serve(tmp_path: Path, date: str) -> None:
    files = {
        "index.md": "# Home\n",
        "blog/posts/x.md": post({"date": date, "title": "Future"}),
        "blog/posts/y.md": GOOD,
    }
    site = checked_build(
        tmp_path,
        {"plugins": [{"llmblog": {"timezone": "America/Los_Angeles"}}]},
        files,
        command="serve",
    )
    assert (site.site_dir / "sitemap.xml.gz").is_file()
    assert_no_crash_feeds(site)


def assert_no_crash_feeds(site: BuiltSite) -> None:
    for path in feed_paths(site):
        feed = feedparser.parse((site.site_dir / path).read_bytes())
        assert not feed.bozo, path


@pytest.mark.parametrize(
    ("date", "zone"), [("0001-01-01", "Asia/Tokyo"), ("9999-12-31 23:00", "America/Los_Angeles")]
)
def test_a_date_beyond_the_calendar_in_utc_is_an_error(
    tmp_path: Path, date: str, zone: str
) -> None:
    files = {
        "blog/posts/x.md": post({"date": date, "title": "Edge"}),
        "blog/posts/y.md": GOOD,
    }
    config = {"plugins": [{"llmblog": {"timezone": zone}}]}
    site = build_site(tmp_path, config, files, command="serve", expect_error=True)
    assert re.search(r"docs/blog/posts/x\.md: front matter key 'date' ", our_error(site))


# 10. max_image_pixels is the limit


def small_image_post(width: int, height: int) -> dict[str, str | bytes]:
    buffer = io.BytesIO()
    Image.new("1", (width, height)).save(buffer, format="PNG")
    return {
        "blog/posts/pic.png": buffer.getvalue(),
        "blog/posts/x.md": post(
            {"date": "2024-01-02", "title": "X", "image": {"path": "pic.png", "alt": "A"}}
        ),
    }


def test_max_image_pixels_lifts_pillows_own_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Pillow's own limit, made small: the image is above it, below the option.
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)
    files = small_image_post(120, 40)
    site = checked_build(tmp_path, {"plugins": [{"llmblog": {"max_image_pixels": 5000}}]}, files)
    assert Image.MAX_IMAGE_PIXELS == 1000  # Set for the build only.
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 10**9)
    assert_site_images_decode(site)


def test_max_image_pixels_below_the_image_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 10**9)
    files = small_image_post(120, 40)
    config = {"plugins": [{"llmblog": {"max_image_pixels": 4000}}]}
    site = checked_build(tmp_path, config, files, expect_error=True)
    assert re.search(r"docs/blog/posts/x\.md: front matter key 'image' .*4,000", our_error(site))


def test_the_worker_processes_use_max_image_pixels(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mkdocs_llmblog.images import pillow

    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)
    files = small_image_post(120, 40)
    pixels: list[object] = []
    real = pillow.write_copies

    def recording(job: Any) -> dict[str, str]:
        pixels.append(job.max_pixels)
        return real(job)

    with mock.patch("mkdocs_llmblog.images.pool.write_copies", recording):
        checked_build(tmp_path, {"plugins": [{"llmblog": {"max_image_pixels": 5000}}]}, files)
    assert pixels == [5000]


# 11. Work that grew faster than its input


def site_bytes(site: BuiltSite) -> int:
    return sum((site.site_dir / name).stat().st_size for name in site.output_files())


def test_more_than_100_categories_in_a_post_is_an_error(tmp_path: Path) -> None:
    names = [f"C{n}" for n in range(101)]
    files = {"blog/posts/x.md": post({"date": "2024-01-02", "title": "X", "categories": names})}
    site = checked_build(tmp_path, {}, files, expect_error=True)
    assert re.search(r"x\.md: front matter key 'categories' .*101.*at most 100", our_error(site))


def test_more_than_100_tags_in_a_post_is_an_error(tmp_path: Path) -> None:
    names = [f"t{n}" for n in range(101)]
    files = {"blog/posts/x.md": post({"date": "2024-01-02", "title": "X", "tags": names})}
    site = checked_build(tmp_path, {}, files, expect_error=True)
    assert re.search(r"x\.md: front matter key 'tags' .*101.*at most 100", our_error(site))


def test_a_title_of_more_than_10000_characters_is_an_error(tmp_path: Path) -> None:
    files = {"blog/posts/x.md": post({"date": "2024-01-02", "title": "T" * 10_001})}
    site = checked_build(tmp_path, {}, files, expect_error=True)
    message = our_error(site)
    assert re.search(r"x\.md: front matter key 'title' .*at most 10,000", message)
    assert len(message) < 600


def grows_linearly(small: int, large: int, factor: float) -> bool:
    """`large` was built from `factor` times the input of `small`: allow a constant overhead."""
    return large <= small * factor * 1.15


def categories_site(tmp_path: Path, count: int) -> BuiltSite:
    files = {
        "blog/posts/x.md": post(
            {"date": "2024-01-02", "title": "X", "categories": [f"C{n}" for n in range(count)]}
        ),
    }
    return build_site(tmp_path / str(count), {}, files)


def test_categories_per_post_cost_is_bounded_by_the_limit(tmp_path: Path) -> None:
    # At most 100 categories a post: the largest possible post writes a bounded site.
    assert site_bytes(categories_site(tmp_path, 100)) < 40_000_000


def tags_site(tmp_path: Path, count: int) -> BuiltSite:
    files = {
        f"blog/posts/p{n}.md": post(
            {"date": "2024-01-02", "title": f"P{n}", "tags": [f"t{m}" for m in range(count)]}
        )
        for n in range(3)
    }
    return build_site(tmp_path / str(count), {}, files)


def test_tags_per_post_cost_grows_linearly(tmp_path: Path) -> None:
    base = site_bytes(tags_site(tmp_path, 0))
    small = site_bytes(tags_site(tmp_path, 40)) - base
    large = site_bytes(tags_site(tmp_path, 80)) - base
    assert grows_linearly(small, large, 2), (small, large)


def depth_site(tmp_path: Path, depth: int) -> BuiltSite:
    files = {
        "blog/posts/x.md": post(
            {
                "date": "2024-01-02",
                "title": "X",
                "categories": ["/".join(f"L{n}" for n in range(depth))],
            }
        ),
    }
    return build_site(tmp_path / str(depth), {}, files)


def test_category_depth_cost_is_bounded_by_the_limit(tmp_path: Path) -> None:
    assert site_bytes(depth_site(tmp_path, 10)) < 5_000_000


def title_site(tmp_path: Path, length: int) -> BuiltSite:
    files = {
        f"blog/posts/p{n}.md": post(
            {"date": f"2024-01-0{n + 1}", "title": "w" * length, "slug": f"p{n}"}
        )
        for n in range(3)
    }
    return build_site(tmp_path / str(length), {}, files)


def test_title_length_cost_grows_linearly(tmp_path: Path) -> None:
    base = site_bytes(title_site(tmp_path, 1))
    small = site_bytes(title_site(tmp_path, 2000)) - base
    large = site_bytes(title_site(tmp_path, 4000)) - base
    assert grows_linearly(small, large, 2), (small, large)


# Windows reserved names and long values in messages


@pytest.mark.parametrize("name", ["con", "NUL", "com1", "Lpt9", "aux", "prn"])
def test_windows_reserved_names_are_never_slugs(tmp_path: Path, name: str) -> None:
    files = {
        "blog/posts/x.md": post({"date": "2024-01-02", "title": name, "categories": [name]}),
    }
    site = checked_build(tmp_path, {}, files)
    for output in site.output_files():
        for part in output.split("/"):
            stem = part.split(".")[0].casefold()
            assert stem not in {"con", "nul", "com1", "lpt9", "aux", "prn"}, output


@pytest.mark.parametrize(
    ("meta", "key"),
    [
        ("date: " + "1" * 4000 + "\ntitle: X\n", "date"),
        ("date: '" + "1" * 4000 + "'\ntitle: X\n", "date"),
        ("date: 2024-01-01\ntitle: X\ndraft: " + "1" * 4000 + "\n", "draft"),
        ("date: 2024-01-01\ntitle: [" + "1" * 4000 + "]\n", "title"),
        ("date: 2024-01-01\ntitle: X\nslug: {a: '" + "s" * 4000 + "'}\n", "slug"),
    ],
)
def test_messages_cut_long_values(tmp_path: Path, meta: str, key: str) -> None:
    files = {"blog/posts/x.md": post(meta), "blog/posts/y.md": GOOD}
    site = checked_build(tmp_path, {}, files, expect_error=True)
    message = our_error(site)
    assert f"front matter key '{key}'" in message, message
    assert len(message) < 400, message
