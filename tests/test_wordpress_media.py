"""Uploads: which URLs point into wp-content/uploads, finding originals, copying safely."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mkdocs_llmblog.wordpress.media import MediaTally, PostMedia, Uploads

SITE = "https://example.com"


@pytest.fixture
def uploads_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "uploads"
    for name, content in {
        "2023/05/photo.jpg": b"original",
        "2023/05/big.jpg": b"big original",
        "2023/05/big-scaled.jpg": b"scaled",
        "2023/05/with space.png": b"spaced",
        "2023/06/photo.jpg": b"another month",
        "sites/2/2023/01/multi.png": b"multisite",
    }.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return folder


PHOTO = "2023/05/photo.jpg"


@pytest.mark.parametrize(
    ("url", "relative", "own_site"),
    [
        (f"{SITE}/wp-content/uploads/{PHOTO}", PHOTO, True),
        (f"http://www.example.com/wp-content/uploads/{PHOTO}?w=300", PHOTO, True),
        (f"//example.com/wp-content/uploads/{PHOTO}", PHOTO, True),
        (f"/wp-content/uploads/{PHOTO}", PHOTO, True),
        (f"https://i2.wp.com/example.com/wp-content/uploads/{PHOTO}?ssl=1", PHOTO, True),
        (
            f"{SITE}/blog/wp-content/uploads/2023/05/with%20space.png",
            "2023/05/with space.png",
            True,
        ),
        ("https://other.org/wp-content/uploads/2020/01/x.png", "2020/01/x.png", False),
    ],
)
def test_upload_urls_are_recognised(url: str, relative: str, own_site: bool) -> None:
    link = Uploads(None, [SITE]).parse(url)

    assert link is not None
    assert (link.relative, link.own_site) == (relative, own_site)
    assert link.url.startswith(("https://", "http://"))


@pytest.mark.parametrize(
    "url",
    [f"{SITE}/2023/05/hello/", f"{SITE}/wp-content/themes/x/logo.png", "mailto:a@example.com",
     f"{SITE}/wp-content/uploads/", "data:image/png;base64,AAAA"],
)  # fmt: skip
def test_other_urls_are_not_uploads(url: str) -> None:
    assert Uploads(None, [SITE]).parse(url) is None


@pytest.mark.parametrize(
    ("relative", "found"),
    [
        ("2023/05/photo.jpg", "2023/05/photo.jpg"),
        ("2023/05/photo-300x200.jpg", "2023/05/photo.jpg"),
        ("2023/05/photo-e1700000000123.jpg", "2023/05/photo.jpg"),
        ("2023/05/big-scaled-1024x683.jpg", "2023/05/big-scaled.jpg"),
        ("2023/05/big-1024x683.jpg", "2023/05/big.jpg"),
        ("sites/2/2023/01/multi-150x150.png", "sites/2/2023/01/multi.png"),
        ("2023/05/missing-300x200.jpg", None),
        ("../secret.txt", None),
        ("2023/../../secret.txt", None),
    ],
)
def test_resized_copies_fall_back_to_the_original(
    uploads_dir: Path, relative: str, found: str | None
) -> None:
    (uploads_dir.parent / "secret.txt").write_text("no")
    result = Uploads(uploads_dir, [SITE]).find(relative)

    assert (result.relative_to(uploads_dir).as_posix() if result else None) == found


@pytest.mark.skipif(os.name == "nt", reason="symbolic links need privileges on Windows")
def test_a_link_out_of_the_uploads_folder_is_not_followed(uploads_dir: Path) -> None:
    outside = uploads_dir.parent / "outside.png"
    outside.write_bytes(b"private")
    (uploads_dir / "2023" / "05" / "link.png").symlink_to(outside)

    assert Uploads(uploads_dir, [SITE]).find("2023/05/link.png") is None


def test_copies_are_named_after_the_file_and_never_clash(tmp_path: Path, uploads_dir: Path) -> None:
    post_dir = tmp_path / "posts" / "hello"
    tally = MediaTally()
    media = PostMedia(Uploads(uploads_dir, [SITE]), post_dir, "hello.md", tally, force=False)

    first = media.body_link(f"{SITE}/wp-content/uploads/2023/05/photo-300x200.jpg")
    again = media.body_link(f"{SITE}/wp-content/uploads/2023/05/photo.jpg")
    other_month = media.body_link(f"{SITE}/wp-content/uploads/2023/06/photo.jpg")
    spaced = media.body_link(f"{SITE}/wp-content/uploads/2023/05/with%20space.png#top")
    missing = media.body_link("/wp-content/uploads/2023/05/gone.png")
    foreign = media.body_link("https://other.org/wp-content/uploads/2023/05/gone.png")

    assert (first, again, other_month) == (
        "hello/photo.jpg",
        "hello/photo.jpg",
        "hello/photo-2.jpg",
    )
    assert spaced == "hello/with%20space.png#top"
    assert missing == f"{SITE}/wp-content/uploads/2023/05/gone.png"
    assert foreign == "https://other.org/wp-content/uploads/2023/05/gone.png"
    assert (post_dir / "photo.jpg").read_bytes() == b"original"
    assert (post_dir / "photo-2.jpg").read_bytes() == b"another month"
    assert tally.copied == 3
    assert tally.missing == [("hello.md", f"{SITE}/wp-content/uploads/2023/05/gone.png")]


def test_an_existing_different_file_is_kept_unless_forced(
    tmp_path: Path, uploads_dir: Path
) -> None:
    post_dir = tmp_path / "hello"
    post_dir.mkdir()
    (post_dir / "photo.jpg").write_bytes(b"the author's own")
    url = f"{SITE}/wp-content/uploads/2023/05/photo.jpg"
    uploads = Uploads(uploads_dir, [SITE])

    kept = PostMedia(uploads, post_dir, "p", MediaTally(), force=False).body_link(url)
    assert kept == "hello/photo-2.jpg"
    assert (post_dir / "photo.jpg").read_bytes() == b"the author's own"

    forced = PostMedia(uploads, post_dir, "p", MediaTally(), force=True).body_link(url)
    assert forced == "hello/photo.jpg"
    assert (post_dir / "photo.jpg").read_bytes() == b"original"


def test_an_identical_existing_file_is_reused(tmp_path: Path, uploads_dir: Path) -> None:
    post_dir = tmp_path / "hello"
    post_dir.mkdir()
    (post_dir / "photo.jpg").write_bytes(b"original")
    media = PostMedia(Uploads(uploads_dir, [SITE]), post_dir, "p", MediaTally(), force=False)

    assert media.body_link(f"{SITE}/wp-content/uploads/2023/05/photo.jpg") == "hello/photo.jpg"
    assert sorted(p.name for p in post_dir.iterdir()) == ["photo.jpg"]
