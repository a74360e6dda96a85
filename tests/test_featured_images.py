"""Featured images on real builds: markup, resized copies, share previews, cache and errors."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag
from PIL import Image

from tests import imagefiles
from tests.conftest import LogWatcher
from tests.links import assert_link_works
from tests.sitebuilder import BuiltSite, build_site, dirty_build, post

SITE_URL = "https://example.com/sub/"


def image_post(day: int, title: str, image: Any, body: str = "Text.\n") -> str:
    return post({"date": f"2024-05-{day:02d}", "title": title, "image": image}, body)


def featured_img(site: BuiltSite, url_path: str) -> tuple[Tag, Path]:
    soup = site.html(url_path)
    img = soup.select_one("figure.llmblog-featured > img")
    assert img is not None, f"no featured image on {url_path}"
    return img, site.page_path(url_path)


def srcset_entries(site: BuiltSite, page: Path, img: Tag) -> list[tuple[Path, int]]:
    entries = []
    for candidate in str(img["srcset"]).split(","):
        url, descriptor = candidate.split()
        entries.append((assert_link_works(site, page, url), int(descriptor.removesuffix("w"))))
    return entries


def meta(soup: BeautifulSoup, key: str) -> str | None:
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return str(tag["content"]) if isinstance(tag, Tag) else None


@pytest.fixture(scope="module")
def image_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    files: dict[str, str | bytes] = {
        "blog/posts/alpha.md": image_post(
            1,
            "Alpha",
            {
                "path": "img/alpha.png",
                "alt": "A red <circle>",
                "caption": "Drawn by *Pillow* <script>alert(1)</script> [src](https://pillow.org)",
            },
        ),
        "blog/posts/img/alpha.png": imagefiles.png_with_alpha(1600, 900),
        "blog/posts/rotated.md": image_post(2, "Rotated", {"path": "rotated.jpg", "alt": "R"}),
        "blog/posts/rotated.jpg": imagefiles.jpeg(1200, 800, orientation=6),
        "blog/posts/small.md": image_post(3, "Small", {"path": "/media/small.webp", "alt": "S"}),
        "media/small.webp": imagefiles.webp(200, 150),
        "blog/posts/huge.md": image_post(4, "Huge", {"path": "huge.png", "alt": "H"}),
        "blog/posts/huge.png": imagefiles.png_with_alpha(5000, 3000),
        "blog/posts/anim.md": image_post(5, "Anim", {"path": "anim.gif", "alt": "Moving"}),
        "blog/posts/anim.gif": imagefiles.animated_gif(320, 200),
        "blog/posts/vector.md": image_post(6, "Vector", {"path": "logo.svg", "alt": "Logo"}),
        "blog/posts/logo.svg": imagefiles.svg(640, 360),
        "blog/posts/remote.md": image_post(
            7,
            "Remote",
            {"path": "https://cdn.example.org/a.jpg", "alt": "Far", "width": 800, "height": 400},
        ),
        "blog/posts/profile.md": image_post(8, "Profile", {"path": "profile.png", "alt": "P"}),
        "blog/posts/profile.png": imagefiles.with_icc_profile(800, 500),
        "blog/posts/plain.md": post({"date": "2024-05-09", "title": "Plain"}),
    }
    root = tmp_path_factory.mktemp("images")
    return build_site(root, {"site_url": SITE_URL, "theme": "material"}, files)


def test_post_page_figure_has_every_attribute(image_site: BuiltSite) -> None:
    img, page = featured_img(image_site, "blog/2024/05/01/alpha")
    assert img["alt"] == "A red <circle>"
    assert (img["width"], img["height"]) == ("1024", "576")
    assert img["decoding"] == "async"
    assert img["fetchpriority"] == "high"
    assert "loading" not in img.attrs
    assert img["sizes"]
    entries = srcset_entries(image_site, page, img)
    # No 1536 copy: within 10% of the 1600 original, it would be a near-duplicate.
    assert [width for _, width in entries] == [300, 768, 1024, 1600]
    for path, width in entries:
        with Image.open(path) as copy:
            assert copy.format == "WEBP"
            assert copy.size == (width, round(width * 900 / 1600))
            assert copy.mode == "RGBA"  # alpha kept
    assert_link_works(image_site, page, str(img["src"]))
    # The figure comes first in the post, above the title.
    article = img.find_parent("article")
    assert isinstance(article, Tag)
    first = article.find(True)
    assert isinstance(first, Tag)
    assert first.name == "figure"


def test_caption_renders_inline_markdown_and_escapes_html(image_site: BuiltSite) -> None:
    soup = image_site.html("blog/2024/05/01/alpha")
    caption = soup.select_one("figure.llmblog-featured figcaption")
    assert caption is not None
    assert caption.select_one("em") is not None
    assert caption.select_one("a")["href"] == "https://pillow.org"  # type: ignore[index]
    assert caption.find("script") is None
    assert "<script>alert(1)</script>" in caption.get_text()


def test_exif_orientation_is_applied_and_metadata_stripped(image_site: BuiltSite) -> None:
    img, page = featured_img(image_site, "blog/2024/05/02/rotated")
    entries = srcset_entries(image_site, page, img)
    assert [width for _, width in entries] == [300, 800]  # 768 is within 10% of 800
    for path, width in entries:
        with Image.open(path) as copy:
            assert copy.size == (width, round(width * 1200 / 800))
            assert not copy.getexif()
            assert "exif" not in copy.info


def test_colour_profile_is_kept(image_site: BuiltSite) -> None:
    img, page = featured_img(image_site, "blog/2024/05/08/profile")
    for path, _ in srcset_entries(image_site, page, img):
        with Image.open(path) as copy:
            assert copy.info.get("icc_profile")


def test_small_image_is_never_upscaled(image_site: BuiltSite) -> None:
    img, _ = featured_img(image_site, "blog/2024/05/03/small")
    assert (img["width"], img["height"]) == ("200", "150")
    assert "srcset" not in img.attrs
    soup = image_site.html("blog/2024/05/03/small")
    assert (meta(soup, "og:image:width"), meta(soup, "og:image:height")) == ("200", "105")


def test_huge_image_stops_at_the_largest_width(image_site: BuiltSite) -> None:
    img, page = featured_img(image_site, "blog/2024/05/04/huge")
    assert [w for _, w in srcset_entries(image_site, page, img)] == [300, 768, 1024, 1536, 2048]


def test_svg_and_animated_gif_pass_through(image_site: BuiltSite) -> None:
    img, page = featured_img(image_site, "blog/2024/05/05/anim")
    assert (img["width"], img["height"]) == ("320", "200")
    assert "srcset" not in img.attrs
    original = assert_link_works(image_site, page, str(img["src"]))
    with Image.open(original) as gif:
        assert gif.format == "GIF"
        assert getattr(gif, "n_frames", 1) == 3

    img, page = featured_img(image_site, "blog/2024/05/06/vector")
    assert (img["width"], img["height"]) == ("640", "360")
    assert assert_link_works(image_site, page, str(img["src"])).suffix == ".svg"
    assert meta(image_site.html("blog/2024/05/06/vector"), "og:image") is None


def test_remote_image_is_used_as_is(image_site: BuiltSite) -> None:
    img, _ = featured_img(image_site, "blog/2024/05/07/remote")
    assert img["src"] == "https://cdn.example.org/a.jpg"
    assert (img["width"], img["height"]) == ("800", "400")
    soup = image_site.html("blog/2024/05/07/remote")
    assert meta(soup, "og:image") == "https://cdn.example.org/a.jpg"


def test_share_preview_tags(image_site: BuiltSite) -> None:
    soup = image_site.html("blog/2024/05/01/alpha")
    url = meta(soup, "og:image")
    assert url is not None
    assert url.startswith(SITE_URL + "llmblog/images/")
    assert meta(soup, "og:image:width") == "1200"
    assert meta(soup, "og:image:height") == "630"
    assert meta(soup, "og:image:alt") == "A red <circle>"
    assert meta(soup, "twitter:card") == "summary_large_image"
    with Image.open(image_site.site_dir / url.removeprefix(SITE_URL)) as share:
        assert share.format == "JPEG"
        assert share.size == (1200, 630)
    assert meta(image_site.html("blog/2024/05/09/plain"), "og:image") is None


def test_lists_show_lazy_thumbnails(image_site: BuiltSite) -> None:
    index = image_site.page_path("blog")
    cards = image_site.html("blog").select("article.llmblog-post-card")
    thumbs = {}
    for card in cards:
        title = card.select_one(".llmblog-post-card-title a")
        assert title is not None
        thumbs[title.get_text()] = card.select_one("img.llmblog-thumb")
    assert thumbs["Plain"] is None
    alpha = thumbs["Alpha"]
    assert alpha is not None
    assert alpha["loading"] == "lazy"
    assert (alpha["width"], alpha["height"]) == ("300", "169")
    assert_link_works(image_site, index, str(alpha["src"]))


@pytest.mark.slow  # Two builds, each encoding or linking every copy.
def test_a_rebuild_reencodes_nothing(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "blog/posts/a.md": image_post(1, "A", {"path": "a.png", "alt": "A"}),
        "blog/posts/a.png": imagefiles.png_with_alpha(1600, 900),
        "blog/posts/b.md": image_post(2, "B", {"path": "b.jpg", "alt": "B"}),
        "blog/posts/b.jpg": imagefiles.jpeg(),
    }
    config = {"site_url": SITE_URL}
    first = build_site(tmp_path, config, files)
    cache = tmp_path / ".cache" / "llmblog" / "images"
    cached = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in cache.rglob("*") if p.is_file()}
    assert len(cached) == 10  # 4 + 4 widths and 2 share crops
    outputs = {p: p.read_bytes() for p in (first.site_dir / "llmblog" / "images").iterdir()}

    # The site's copies are hard links to the read-only cache files: no bytes copied.
    cache_inodes = {p.stat().st_ino for p in cached}
    site_images = list((first.site_dir / "llmblog" / "images").iterdir())
    assert {p.stat().st_ino for p in site_images} <= cache_inodes
    assert all(not p.stat().st_mode & 0o222 for p in cached)
    assert (tmp_path / ".cache" / "llmblog" / "sources.json").is_file()

    second = build_site(tmp_path, config, files)
    assert {
        p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in cache.rglob("*") if p.is_file()
    } == cached
    assert {
        p: p.read_bytes() for p in (second.site_dir / "llmblog" / "images").iterdir()
    } == outputs


_IMAGE_OPENS: list[str] | None = None
"""While a list, the audit hook below appends the path of every image file opened."""


def _record_image_opens(event: str, arguments: tuple[Any, ...]) -> None:
    if _IMAGE_OPENS is not None and event == "open" and isinstance(arguments[0], str | bytes):
        path = os.fsdecode(arguments[0])
        if path.endswith((".png", ".jpg", ".webp")):
            _IMAGE_OPENS.append(path)


_hook_installed = False


@contextmanager
def image_files_opened() -> Iterator[list[str]]:
    """The image files this process opens meanwhile, seen by an audit hook: Pillow, shutil and
    plain `open()` all raise the `open` audit event."""
    global _IMAGE_OPENS, _hook_installed
    if not _hook_installed:
        sys.addaudithook(_record_image_opens)  # An audit hook cannot be removed: installed once.
        _hook_installed = True
    opened: list[str] = []
    _IMAGE_OPENS = opened
    try:
        yield opened
    finally:
        _IMAGE_OPENS = None


@pytest.mark.slow  # Two builds, each encoding or linking every copy.
def test_a_rebuild_after_the_first_build_reads_no_image(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "blog/posts/a.md": image_post(1, "A", {"path": "a.png", "alt": "A"}),
        "blog/posts/a.png": imagefiles.png_with_alpha(1600, 900),
        "blog/posts/b.md": image_post(2, "B", {"path": "b.jpg", "alt": "B"}),
        "blog/posts/b.jpg": imagefiles.jpeg(),
    }
    config = {"site_url": SITE_URL}
    with image_files_opened() as cold:
        build_site(tmp_path, config, files)
    docs = str(tmp_path / "docs")
    # The first build reads each source (and its workers, if any, decode it).
    assert {path for path in cold if path.startswith(docs)} >= {
        str(tmp_path / "docs/blog/posts/a.png"),
        str(tmp_path / "docs/blog/posts/b.jpg"),
    }
    with image_files_opened() as warm:
        second = dirty_build(tmp_path, dirty=False)  # The same files: their times unchanged.
    cache = str(tmp_path / ".cache")
    assert [path for path in warm if path.startswith(cache)] == []
    # What is left is MkDocs copying the originals into the site, as it copies every file of
    # docs_dir: one read of each, no decoding.
    sources = sorted(path for path in warm if path.startswith(docs))
    assert sources == [
        str(tmp_path / "docs/blog/posts/a.png"),
        str(tmp_path / "docs/blog/posts/b.jpg"),
    ]
    assert len(list((second.site_dir / "llmblog" / "images").iterdir())) == 10


def test_focal_point_moves_the_share_crop(tmp_path: Path) -> None:
    wide = Image.new("RGB", (2400, 630), (255, 0, 0))
    wide.paste((0, 0, 255), (1200, 0, 2400, 630))
    buffer = io.BytesIO()
    wide.save(buffer, "PNG")
    files: dict[str, str | bytes] = {
        "blog/posts/wide.png": buffer.getvalue(),
        "blog/posts/left.md": image_post(
            1, "Left", {"path": "wide.png", "alt": "w", "focal_point": [0, 0.5]}
        ),
        "blog/posts/right.md": image_post(
            2, "Right", {"path": "wide.png", "alt": "w", "focal_point": [1, 0.5]}
        ),
    }
    site = build_site(tmp_path, {"site_url": SITE_URL}, files)
    colours = []
    for url_path in ("blog/2024/05/01/left", "blog/2024/05/02/right"):
        url = meta(site.html(url_path), "og:image")
        assert url is not None
        with Image.open(site.site_dir / url.removeprefix(SITE_URL)) as crop:
            colours.append(crop.convert("RGB").getpixel((600, 315)))
    (red, _, _), (_, _, blue) = colours  # type: ignore[misc]
    assert red > 200
    assert blue > 200


def test_default_image_and_first_body_image(tmp_path: Path, log_watcher: LogWatcher) -> None:
    log_watcher.expect(r"option 'default_image' has no 'alt' text")
    files: dict[str, str | bytes] = {
        "assets/default.png": imagefiles.png_with_alpha(800, 450),
        "blog/posts/body.png": imagefiles.png_with_alpha(640, 480),
        "blog/posts/code.png": imagefiles.png_with_alpha(100, 100),
        "blog/posts/with-body-image.md": post(
            {"date": "2024-01-01", "title": "Body"},
            "Intro.\n\n```markdown\n![Only an example](code.png)\n```\n\n"
            "![A body picture](body.png)\n",
        ),
        "blog/posts/nothing.md": post({"date": "2024-01-02", "title": "Nothing"}),
        "blog/posts/nothing-either.md": post({"date": "2024-01-03", "title": "Neither"}),
    }
    options = {"default_image": "/assets/default.png", "image_from_content": True}
    site = build_site(
        tmp_path, {"site_url": SITE_URL, "plugins": [{"llmblog": options}]}, files, strict=False
    )
    # The body's image (not the one in a code example) is the card's and the share preview's;
    # the post page shows it once, in the body, not again as a figure.
    body_page = site.html("blog/2024/01/01/body")
    assert body_page.select_one("figure.llmblog-featured") is None
    assert len(body_page.select(".llmblog-post-body img")) == 1
    share = meta(body_page, "og:image:width")
    assert share == "640"
    cards = {}
    for card in site.html("blog").select("article.llmblog-post-card"):
        title = card.select_one(".llmblog-post-card-title a")
        assert title is not None
        cards[title.get_text()] = card.select_one("img.llmblog-thumb")
    body_thumb = cards["Body"]
    assert body_thumb is not None
    assert body_thumb["alt"] == "A body picture"
    default_img, _ = featured_img(site, "blog/2024/01/02/nothing")
    assert default_img["alt"] == ""
    assert (default_img["width"], default_img["height"]) == ("800", "450")
    # One warning for the default image, not one per post that uses it.
    assert len([m for m in log_watcher.messages() if "default_image" in m]) == 1


def test_original_format_option_keeps_jpeg(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "blog/posts/a.md": image_post(1, "A", {"path": "a.jpg", "alt": "A"}),
        "blog/posts/a.jpg": imagefiles.jpeg(),
    }
    site = build_site(
        tmp_path,
        {"site_url": SITE_URL, "plugins": [{"llmblog": {"image_format": "original"}}]},
        files,
    )
    img, page = featured_img(site, "blog/2024/05/01/a")
    for path, _ in srcset_entries(site, page, img):
        with Image.open(path) as copy:
            assert copy.format == "JPEG"


def test_missing_alt_is_a_warning_that_fails_strict(
    tmp_path: Path, log_watcher: LogWatcher
) -> None:
    log_watcher.expect(r"docs/blog/posts/a.md: front matter key 'image' has no 'alt' text")
    files: dict[str, str | bytes] = {
        "blog/posts/a.md": image_post(1, "A", "a.png"),
        "blog/posts/a.png": imagefiles.png_with_alpha(400, 300),
    }
    build_site(tmp_path / "strict", {"site_url": SITE_URL}, files, expect_error=True)
    build_site(tmp_path / "lenient", {"site_url": SITE_URL}, files, strict=False)


def test_missing_site_url_is_one_warning(tmp_path: Path, log_watcher: LogWatcher) -> None:
    log_watcher.expect(
        r"site_url is not set, so the blog gets no feeds and no share links, and posts no og:image"
    )
    files: dict[str, str | bytes] = {
        f"blog/posts/p{n}.md": image_post(n, f"P{n}", {"path": "a.png", "alt": "A"})
        for n in (1, 2, 3)
    }
    files["blog/posts/a.png"] = imagefiles.png_with_alpha(400, 300)
    site = build_site(tmp_path, {"site_url": None}, files, strict=False)
    assert len([m for m in log_watcher.messages() if "site_url" in m]) == 1
    assert meta(site.html("blog/2024/05/01/p1"), "og:image") is None
    assert site.html("blog/2024/05/01/p1").select_one("figure.llmblog-featured img") is not None


def _bad_image_cases(tmp: Path) -> dict[str, tuple[Any, dict[str, str | bytes], str]]:
    outside = tmp / "outside.png"
    outside.write_bytes(imagefiles.png_with_alpha(100, 100))
    return {
        "missing": ("nope.png", {}, "does not exist"),
        "folder": ("folder", {"blog/posts/folder/x.txt": "x"}, "is a folder"),
        "escape": ("../../../outside.png", {}, "leads out of docs_dir"),
        "absolute-fs": ("/etc/passwd", {}, "does not exist"),
        "file-url": ("file:///etc/passwd", {}, "'file:' scheme"),
        "javascript-url": ("javascript:alert(1)", {}, "'javascript:' scheme"),
        "data-url": ("data:image/png;base64,AAAA", {}, "'data:' scheme"),
        "not-image": ("fake.png", {"blog/posts/fake.png": "just text"}, "not an image"),
        "truncated": (
            "cut.png",
            {"blog/posts/cut.png": imagefiles.truncated_png()},
            "truncated",
        ),
        "empty": ("empty.png", {"blog/posts/empty.png": b""}, "empty file"),
        "bomb": (
            "bomb.png",
            {"blog/posts/bomb.png": imagefiles.decompression_bomb()},
            "decompression bomb",
        ),
        "symlink-out": ("link.png", {}, "outside docs_dir"),
        "truncated-jpeg": (
            "cut.jpg",
            {"blog/posts/cut.jpg": imagefiles.jpeg()[:3000]},
            "truncated",
        ),
        "bad-mapping": ({"alt": "no path"}, {}, "is missing or empty"),
        "bad-focal": ({"path": "x.png", "focal_point": [2, 0]}, {}, "between 0 and 1"),
        "not-a-string": (42, {}, "must be a path or a mapping"),
    }


BAD_IMAGE_CASES = [
    "missing", "folder", "escape", "absolute-fs", "file-url", "javascript-url", "data-url",
    "not-image", "truncated", "truncated-jpeg", "empty", "bomb", "symlink-out", "bad-mapping",
    "bad-focal", "not-a-string",
]  # fmt: skip


# Slow: each case makes every case's files (a decompression bomb takes a second); the fast layer
# has all but two of these refusals in test_hostile_inputs' image cases.
@pytest.mark.slow
@pytest.mark.parametrize("case", BAD_IMAGE_CASES)
def test_bad_images_name_the_post_and_key(tmp_path: Path, case: str) -> None:
    image, extra, problem = _bad_image_cases(tmp_path)[case]
    if isinstance(image, str):
        image = {"path": image, "alt": "An image"}
    files: dict[str, str | bytes] = {"blog/posts/bad.md": image_post(1, "Bad", image), **extra}
    if case == "symlink-out":
        (tmp_path / "docs" / "blog" / "posts").mkdir(parents=True)
        os.symlink(tmp_path / "outside.png", tmp_path / "docs" / "blog" / "posts" / "link.png")
    site = build_site(tmp_path, {"site_url": SITE_URL}, files, expect_error=True)
    [message] = site.errors
    assert message.startswith("docs/blog/posts/bad.md: front matter key 'image")
    assert problem in message
    assert not (tmp_path / "site" / "blog" / "2024").exists()


def test_an_undecodable_body_image_names_its_post(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "blog/posts/a.md": post({"date": "2024-01-01", "title": "A"}, "![Cut](cut.jpg)\n"),
        "blog/posts/cut.jpg": imagefiles.jpeg()[:3000],
    }
    options = {"image_from_content": True}
    site = build_site(tmp_path, {"plugins": [{"llmblog": options}]}, files, expect_error=True)
    [message] = [m for m in site.errors if "cut.jpg" in m]
    assert message.startswith("docs/blog/posts/a.md: its first image (cut.jpg)")
    assert "truncated" in message
