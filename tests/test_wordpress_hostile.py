"""`llmblog import-wordpress` against hostile exports and sites (issue #21, the import part)."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any
from unittest import mock

import pytest

from mkdocs_llmblog.wordpress import files as wordpress_files
from mkdocs_llmblog.wordpress.convert import convert_body, is_safe_url
from mkdocs_llmblog.wordpress.fields import unique_slug
from mkdocs_llmblog.wordpress.markup import autop, mark_more, remove_block_comments
from mkdocs_llmblog.wordpress.media import MediaTally, PostMedia, Uploads, safe_file_name
from mkdocs_llmblog.wordpress.shortcodes import expand_code_shortcodes, expand_shortcodes
from mkdocs_llmblog.wordpress.summary import shorten
from tests import imagefiles
from tests.wxr.helpers import (
    new_site,
    post_redirects,
    read_post,
    read_yaml,
    run_cli,
    write_wxr,
    wxr_item,
)

Capsys = pytest.CaptureFixture[str]
WORDPRESS_DIR = str(Path(wordpress_files.__file__).resolve().parent)
CONTROL = {chr(code) for code in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F)}


def summary(out: str) -> dict[str, str]:
    rows = out.split("\nSummary\n", 1)[1].splitlines()
    return {name.strip(): value.strip() for name, value in (row.split(":", 1) for row in rows)}


def importing(tmp_path: Path, *items: str, config: dict[str, Any] | None = None) -> list[str]:
    """The site and the arguments of an import of an export of `items`; the docs folder first."""
    docs = new_site(tmp_path, config)
    export = write_wxr(tmp_path / "export.xml", *items)
    return [str(docs), "import-wordpress", str(export), "--docs-dir", str(docs)]


def posts_of(docs: Path) -> Path:
    return docs / "blog" / "posts"


# Item 2: links and images with scripts in their address.

UNSAFE = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(2)",
    " \tjava&#x09;script&colon;alert(3)",
    "java&#1;script:alert(4)",
    "&#x6A;avascript:alert(5)",
    "&amp;#106;avascript:alert(6)",
    "vbscript:msgbox(7)",
    "VBScript:msgbox(8)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCg5KTwvc2NyaXB0Pg==",
    "  DATA:text/html,<b>10</b>",
]
SAFE = [
    "https://example.org/a",
    "http://example.org/b",
    "mailto:ada@example.org",
    "tel:+441234",
    "#top",
    "/about/",
    "other.html",
    "//example.org/c",
]


@pytest.mark.parametrize("url", UNSAFE)
def test_unsafe_urls_are_recognised(url: str) -> None:
    import html

    assert not is_safe_url(html.unescape(url))
    assert not is_safe_url(html.unescape(url), image=True)


@pytest.mark.parametrize("url", SAFE)
def test_safe_urls_are_kept(url: str) -> None:
    assert is_safe_url(url)


def test_data_urls_are_safe_only_for_raster_images() -> None:
    png = "data:image/png;base64,iVBORw0KGgo="
    assert is_safe_url(png, image=True)
    assert not is_safe_url(png)
    assert not is_safe_url("data:image/svg+xml;base64,PHN2Zz4=", image=True)
    assert not is_safe_url("data:text/plain,hi", image=True)


def test_links_and_images_with_unsafe_schemes_become_plain_text(
    tmp_path: Path, capsys: Capsys
) -> None:
    links = "".join(f'<p><a href="{url}">bad {i}</a></p>' for i, url in enumerate(UNSAFE))
    good = "".join(f'<p><a href="{url}">good {i}</a></p>' for i, url in enumerate(SAFE))
    images = (
        '<p><img src="javascript:alert(11)" alt="bad image"></p>'
        '<p><img src="data:text/html,x" alt="bad data"></p>'
        '<p><img src="data:image/png;base64,iVBORw0KGgo=" alt="inline png"></p>'
        '<iframe src="javascript:alert(12)"></iframe>'
    )
    docs, *args = importing(
        tmp_path, wxr_item(1, "Evil", name="evil", content=links + good + images)
    )

    run = run_cli(capsys, *args)

    assert run.code == 0, run.err
    body = read_post(Path(docs) / "blog/posts/evil.md").body
    lowered = body.lower()
    for word in ("javascript", "vbscript", "data:text", "&#", "&amp;#"):
        assert word not in lowered
    for i in range(len(UNSAFE)):
        assert f"bad {i}" in body
        assert f"[bad {i}]" not in body
    for i, url in enumerate(SAFE):
        assert f"[good {i}]({url})" in body
    assert "bad image" in body
    assert "![bad image]" not in body
    assert "![inline png](data:image/png;base64,iVBORw0KGgo=)" in body
    details = run.out.split("Links and images with unsafe addresses, left as plain text:\n")[1]
    listed: list[str] = []
    for line in details.splitlines():
        if not line.startswith("  "):
            break
        listed.append(line)
    assert sum("evil.md" in line for line in listed) == len(UNSAFE) + 3
    assert "java\\tscript:alert(3)" in details  # shown, not sent to the terminal
    assert not CONTROL & set(run.out) - {"\t"}
    assert "\t" not in details


class _SameLinks:
    def image(self, url: str) -> str:
        return url

    def link(self, url: str) -> str:
        return url


@pytest.mark.parametrize(
    "html_text",
    [
        "<p>[typed](javascript:alert(1))</p>",
        "<p>[split]<span>(javascript:alert(2))</span></p>",
        "<p>[ref]: javascript:alert(3)</p><p>[x][ref] and [ref]</p>",
        "<p>![image](javascript:alert(4))</p>",
    ],
)
def test_text_that_reads_as_a_markdown_link_stays_text(html_text: str) -> None:
    import markdown

    body = convert_body(
        html_text, links=_SameLinks(), galleries=no_gallery, excerpt_separator="<!-- more -->"
    )
    rendered = markdown.markdown(body.markdown)

    assert "<a" not in rendered
    assert "<img" not in rendered
    assert "javascript:alert(" in rendered  # as text


# Item 3: --force overwrites only what the importer wrote.


def test_force_overwrites_only_what_the_importer_wrote(tmp_path: Path, capsys: Capsys) -> None:
    uploads = tmp_path / "uploads"
    (uploads / "2024/02").mkdir(parents=True)
    (uploads / "2024/02/photo.png").write_bytes(imagefiles.png_with_alpha(20, 20))
    image = '<img src="https://example.com/wp-content/uploads/2024/02/photo.png" alt="p">'
    items = (
        wxr_item(1, "Mine", name="mine", content=image, link="https://example.com/mine/"),
        wxr_item(2, "Theirs", name="theirs", content=image, link="https://example.com/theirs/"),
    )
    docs_text, *args = importing(tmp_path, *items)
    docs = Path(docs_text)
    args += ["--uploads", str(uploads)]
    posts = posts_of(docs)
    (posts / "mine").mkdir(parents=True)
    (posts / "mine.md").write_text("---\ndate: 2024-01-01\n---\n\nHand-written.\n", "utf-8")
    (posts / "mine/photo.png").write_bytes(b"the author's own photo")
    redirects = tmp_path / "redirects.yml"
    redirects.write_text("# hand-made\n", encoding="utf-8")

    first = run_cli(capsys, *args, "--force")

    assert first.code == 0, first.err
    assert (posts / "mine.md").read_text("utf-8").endswith("Hand-written.\n")
    assert (posts / "mine/photo.png").read_bytes() == b"the author's own photo"
    assert redirects.read_text(encoding="utf-8") == "# hand-made\n"
    kept = first.out.split("Kept, as the importer did not write them or they changed since:\n")
    kept_lines = kept[1].split("\n\n")[0]
    for path in (posts / "mine.md", redirects):
        assert str(path) in kept_lines
    assert "mine/photo.png" not in first.out  # The post is kept: its images are not copied.
    assert read_post(posts / "theirs.md").meta["title"] == "Theirs"
    manifest = json.loads((posts / ".llmblog-import.json").read_text("utf-8"))
    assert "theirs.md" in json.dumps(manifest)
    assert "mine.md" not in json.dumps(manifest)

    # The importer's own files, unchanged, are overwritten; one the author edited is kept.
    (posts / "theirs/photo.png").write_bytes(b"edited by the author")
    again = run_cli(capsys, *args, "--force")

    assert again.code == 0, again.err
    assert summary(again.out)["Posts imported"].startswith("1 into")
    assert (posts / "theirs/photo.png").read_bytes() == b"edited by the author"
    assert read_post(posts / "theirs.md").meta["title"] == "Theirs"
    assert "theirs/photo.png" in again.out.split("Kept")[1]


def test_the_help_says_what_force_overwrites(capsys: Capsys) -> None:
    run = run_cli(capsys, "import-wordpress", "--help")

    text = " ".join(run.out.split())
    assert "an earlier import wrote, if unchanged since" in text
    assert ".llmblog-import.json" in text
    assert "Nothing is written through a symbolic link." in text


def test_the_help_says_what_becomes_of_images_without_uploads(capsys: Capsys) -> None:
    run = run_cli(capsys, "import-wordpress", "--help")

    text = " ".join(run.out.split())
    assert "Nothing is ever downloaded: images come only from --uploads." in text
    assert "Without it no image is copied and none is downloaded" in text
    assert "the posts keep each image's address on the old site" in text


def test_a_broken_manifest_is_named_and_nothing_is_overwritten(
    tmp_path: Path, capsys: Capsys
) -> None:
    docs_text, *args = importing(tmp_path, wxr_item(1, "One", name="one"))
    posts = posts_of(Path(docs_text))
    assert run_cli(capsys, *args).code == 0
    manifest = posts / ".llmblog-import.json"
    manifest.write_text("{not json", encoding="utf-8")

    run = run_cli(capsys, *args, "--force")

    assert run.code == 0, run.err
    assert f"{manifest}: not a manifest written by the importer" in run.out
    assert str(posts / "one.md") in run.out.split("Kept")[1]


# Item 4: symbolic links.


def test_nothing_is_written_through_a_symbolic_link(tmp_path: Path, capsys: Capsys) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "victim.md").write_text("precious\n", encoding="utf-8")
    docs_text, *args = importing(
        tmp_path,
        wxr_item(1, "Victim", name="victim"),
        wxr_item(2, "Dangling", name="dangling"),
        wxr_item(3, "Fine", name="fine"),
    )
    posts = posts_of(Path(docs_text))
    posts.mkdir(parents=True)
    (posts / "victim.md").symlink_to(outside / "victim.md")
    (posts / "dangling.md").symlink_to(outside / "created.md")

    for extra in ([], ["--force"]):
        run = run_cli(capsys, *args, *extra)

        assert run.code == 0, run.err
        assert (outside / "victim.md").read_text(encoding="utf-8") == "precious\n"
        assert sorted(p.name for p in outside.iterdir()) == ["victim.md"]
        assert f"{posts / 'dangling.md'}: a symbolic link; not written" in run.out
        assert f"{posts / 'victim.md'}: a symbolic link; not written" in run.out
        assert read_post(posts / "fine.md").meta["title"] == "Fine"


def test_a_linked_folder_leading_out_of_docs_is_refused(tmp_path: Path, capsys: Capsys) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    docs_text, *args = importing(tmp_path, wxr_item(1, "One", name="one"))
    docs = Path(docs_text)
    (docs / "blog").symlink_to(outside, target_is_directory=True)

    for extra in ([], ["--force"]):
        run = run_cli(capsys, *args, *extra)

        assert run.code == 0, run.err
        assert list(outside.iterdir()) == []
        assert f"{docs / 'blog'}: a symbolic link leading out of {docs}; not written" in run.out


def test_a_linked_redirects_file_is_not_written_through(tmp_path: Path, capsys: Capsys) -> None:
    outside = tmp_path / "outside.yml"
    outside.write_text("# elsewhere\n", encoding="utf-8")
    _, *args = importing(tmp_path, wxr_item(1, "One", name="one", link="https://example.com/one/"))
    (tmp_path / "redirects.yml").symlink_to(outside)

    run = run_cli(capsys, *args, "--force")

    assert run.code == 0, run.err
    assert outside.read_text(encoding="utf-8") == "# elsewhere\n"
    assert f"{tmp_path / 'redirects.yml'}: a symbolic link; not written" in run.out


# Item 5: files written whole.


def test_a_killed_import_leaves_no_partial_post(tmp_path: Path, capsys: Capsys) -> None:
    docs_text, *args = importing(tmp_path, wxr_item(1, "One", name="one"))
    posts = posts_of(Path(docs_text))

    with (
        mock.patch.object(os, "replace", side_effect=KeyboardInterrupt),
    ):
        assert run_cli(capsys, *args).code == 130

    assert list(posts.glob("*.md")) == []
    assert [p.name for p in posts.iterdir() if p.name.startswith(".partial-")] == []
    run = run_cli(capsys, *args)
    assert run.code == 0, run.err
    assert read_post(posts / "one.md").meta["title"] == "One"


def test_leftovers_of_a_killed_import_count_as_absent(tmp_path: Path, capsys: Capsys) -> None:
    docs_text, *args = importing(tmp_path, wxr_item(1, "One", name="one"), wxr_item(2, "Two"))
    posts = posts_of(Path(docs_text))
    posts.mkdir(parents=True)
    leftover = posts / ".partial-999999999-abcd.md"
    leftover.write_text("---\ntitle: half", encoding="utf-8")
    (posts / "two.md").write_bytes(b"")  # what an import before this fix left

    run = run_cli(capsys, *args)

    assert run.code == 0, run.err
    assert not leftover.exists()
    assert read_post(posts / "one.md").meta["title"] == "One"
    assert read_post(posts / "two.md").meta["title"] == "Two"


# Item 9: posts that broke the import.


def nested_shortcodes(depth: int) -> str:
    return (
        "".join(f"[sc{i} a=1]" for i in range(depth))
        + "x"
        + "".join(f"[/sc{i}]" for i in reversed(range(depth)))
    )


def test_hostile_posts_get_a_note_and_the_import_goes_on(tmp_path: Path, capsys: Capsys) -> None:
    uploads = tmp_path / "uploads"
    (uploads / "2024/02").mkdir(parents=True)
    long_names = [("a" * 247) + ".png", ("a" * 246) + "b.png"]
    for name in long_names:
        (uploads / "2024/02" / name).write_bytes(imagefiles.png_with_alpha(20, 20))
    (uploads / "2024/02/CON.png").write_bytes(imagefiles.png_with_alpha(21, 21))
    (uploads / "2024/02/lpt1.txt").write_bytes(b"text")
    images = (
        "".join(
            f'<img src="https://example.com/wp-content/uploads/2024/02/{name}" alt="x">'
            for name in [*long_names, "CON.png"]
        )
        + '<a href="https://example.com/wp-content/uploads/2024/02/lpt1.txt">notes</a>'
    )
    items = [
        wxr_item(1, "Divs", name="divs", content="<div>" * 330 + "deep" + "</div>" * 330),
        wxr_item(2, "Paragraphs", name="paragraphs", content="<p>" * 400 + "deep"),
        wxr_item(3, "Shortcodes", name="shortcodes", content=nested_shortcodes(200)),
        wxr_item(4, "Far future", name="far-future", date_gmt="9999-12-31 23:59:59"),
        wxr_item(5, "Nul", name="nul-link", link="https://example.com/a%00b/"),
        wxr_item(6, "Long names", name="long-names", content=images),
        wxr_item(7, "con", name="con"),
        wxr_item(8, "Last", name="last", link="https://example.com/last/"),
    ]
    docs_text, *args = importing(tmp_path, *items)
    docs = Path(docs_text)
    posts = posts_of(docs)

    run = run_cli(capsys, *args, "--uploads", uploads, "--timezone", "Asia/Tokyo")

    assert run.code == 0, run.err
    assert run.err == ""
    assert "Summary" in run.out
    for slug in ("divs", "paragraphs", "shortcodes", "nul-link", "long-names", "last"):
        assert (posts / f"{slug}.md").is_file(), slug
    assert "deep" in read_post(posts / "divs.md").body
    assert "deep" in read_post(posts / "paragraphs.md").body
    assert "x" in read_post(posts / "shortcodes.md").body
    notes = run.out.split("To look at:\n")[1].split("\n\n")[0]
    assert "Far future: date 9999-12-31 23:59:59 (GMT) is out of range in Asia/Tokyo" in notes
    assert "divs.md: HTML nested more than 100 levels deep" in notes
    assert "paragraphs.md: HTML nested more than 100 levels deep" in notes
    assert "shortcodes.md: shortcodes nested more than" in notes
    assert "nul-link.md: old address https://example.com/a%00b/ has control characters" in notes
    redirects = read_yaml(tmp_path / "redirects.yml")
    assert post_redirects(redirects) == {"last/index.md": "blog/posts/last.md"}
    copied = sorted(p.name for p in (posts / "long-names").iterdir())
    assert len(copied) == 4
    assert len(set(copied)) == 4
    assert all(len(name.encode()) <= 100 and name.endswith((".png", ".txt")) for name in copied)
    for name in copied:
        assert name.split(".")[0].lower() not in {"con", "lpt1"}
    assert not (posts / "con.md").exists()
    for path in docs.rglob("*"):
        if path.suffix in (".md", ".json", ".yml"):
            assert not CONTROL & set(path.read_bytes().decode("utf-8", "replace")), path
    assert not CONTROL & set((tmp_path / "redirects.yml").read_text(encoding="utf-8"))


def test_file_names_are_safe() -> None:
    assert safe_file_name("con") == "con-1"
    assert safe_file_name("CON.png") == "CON-1.png"
    assert safe_file_name("lpt1.txt") == "lpt1-1.txt"
    assert safe_file_name("nul.tar.gz") == "nul-1.tar.gz"
    assert safe_file_name("com1") == "com1-1"
    assert safe_file_name("a\x00b\nc.png") == "a-b-c.png"
    long = safe_file_name("x" * 300 + ".jpeg")
    assert long.endswith(".jpeg")
    assert len(long.encode()) <= 100
    assert len(safe_file_name("é" * 200 + ".png").encode()) <= 100
    assert safe_file_name("photo.jpg") == "photo.jpg"


def test_huge_values_are_cut_in_messages(tmp_path: Path, capsys: Capsys) -> None:
    url = "https://example.com/wp-content/uploads/2024/02/" + "x" * 4000 + ".png"
    _docs_text, *args = importing(
        tmp_path,
        wxr_item(1, "T" * 4000, name="n" * 4000, content=f'<img src="{url}" alt="">'),
        wxr_item(2, "Query", link="https://example.com/?q=" + "y" * 4000),
    )

    run = run_cli(capsys, *args)

    assert run.code == 0, run.err
    assert max(len(line) for line in run.out.splitlines()) < 300
    assert "…" in run.out
    for option in ("--timezone", "--blog-dir"):
        refused = run_cli(capsys, *args, option, "Z" * 4000)
        assert refused.code == 1
        assert "Z" * 79 + "…" in refused.err
        assert len(refused.err) < 300
    assert shorten("abc", 80) == "abc"
    assert shorten("a" * 100, 80) == "a" * 79 + "…"


# Item 11: work that grows with the input.


def line_events(function: Callable[[], object], everywhere: bool = False) -> int:
    """How many lines of the importer's code (`everywhere`: of any Python code, the HTML parser
    and markdownify included) `function` runs: its work, counted."""
    count = 0

    def local(frame: FrameType, event: str, arg: object) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def tracer(frame: FrameType, event: str, arg: object) -> Any:
        if everywhere or frame.f_code.co_filename.startswith(WORDPRESS_DIR):
            return local
        return None

    sys.settrace(tracer)
    try:
        function()
    finally:
        sys.settrace(None)
    return count


def grows_linearly(make: Callable[[int], Callable[[], object]], everywhere: bool = False) -> bool:
    small = line_events(make(2_000), everywhere)
    large = line_events(make(8_000), everywhere)
    return large <= 4.5 * small


def no_gallery(ids: list[str] | None) -> list[Any]:
    return []


SHAPES: dict[str, Callable[[int], str]] = {
    "unclosed shortcodes": lambda n: "[foo a=1] " * n,
    "unclosed shortcodes without a bracket": lambda n: "[foo a=1 " * n,
    "closed shortcodes": lambda n: "[foo a=1]x[/foo] " * n,
    "nested shortcodes": lambda n: nested_shortcodes(n),
    "unclosed pre": lambda n: "<pre>a " * n,
    "unclosed code": lambda n: "<code>a " * n,
    "unclosed more": lambda n: "<!--more " * n,
    "unclosed blocks": lambda n: '<!-- wp:x {"a": 1} ' * n,
    "spaces in a paragraph": lambda n: "a" + " " * (n * 5) + "b",
}


@pytest.mark.parametrize("shape", SHAPES)
def test_markup_work_grows_linearly(shape: str) -> None:
    def make(size: int) -> Callable[[], object]:
        text = SHAPES[shape](size)

        def work() -> None:
            body = mark_more(text)
            body = remove_block_comments(body).html
            body = autop(expand_code_shortcodes(body))
            expand_shortcodes(body, no_gallery)

        return work

    assert grows_linearly(make)


CONVERSION_SHAPES: dict[str, Callable[[int], str]] = {
    "nested divs": lambda n: "<div>" * n + "deep" + "</div>" * n,
    "unclosed paragraphs": lambda n: "<p>" * n + "deep",
    "tags without an end": lambda n: "<a " * n,
    "spaces": lambda n: "a" + " " * (n * 4) + "b",
}


@pytest.mark.parametrize("shape", CONVERSION_SHAPES)
def test_conversion_work_grows_linearly(shape: str) -> None:
    """The parser and markdownify included: their work is not the importer's lines."""

    def make(size: int) -> Callable[[], object]:
        text = CONVERSION_SHAPES[shape](size)
        return lambda: convert_body(
            text, links=_SameLinks(), galleries=no_gallery, excerpt_separator="<!-- more -->"
        )

    assert grows_linearly(make, everywhere=True)


def test_the_work_of_many_images_of_one_name_grows_linearly(tmp_path: Path) -> None:
    uploads = tmp_path / "uploads"
    for month in range(1, 400):
        folder = uploads / f"{month:04d}"
        folder.mkdir(parents=True)
        (folder / "photo.jpg").write_bytes(str(month).encode())
    site = "https://example.com"

    def make(size: int) -> Callable[[], object]:
        count = size // 20

        def work() -> None:
            post = tmp_path / f"post-{size}"
            media = PostMedia(Uploads(uploads, [site]), post, "p", MediaTally(), force=False)
            for month in range(1, count + 1):
                media.body_link(f"{site}/wp-content/uploads/{month:04d}/photo.jpg")

        return work

    assert grows_linearly(make)


def test_the_work_of_many_equal_slugs_grows_linearly() -> None:
    def make(size: int) -> Callable[[], object]:
        def work() -> None:
            used: set[str] = set()
            numbers: dict[str, int] = {}
            for _ in range(size // 4):
                unique_slug("same", used, numbers)

        return work

    assert grows_linearly(make)


def test_leftover_partials_of_running_imports_are_kept(tmp_path: Path) -> None:
    running = tmp_path / f".partial-{os.getpid()}-x.md"
    running.write_text("", encoding="utf-8")
    wordpress_files.remove_leftovers(tmp_path)
    assert running.exists()
