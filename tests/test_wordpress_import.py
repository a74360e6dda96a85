"""`llmblog import-wordpress` end to end: posts, drafts, images, redirects, --force, errors."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mkdocs_llmblog.wordpress import cli as wordpress_cli
from mkdocs_llmblog.wordpress.importer import no_progress
from tests.wxr.helpers import (
    BLOG_XML,
    WXR_DIR,
    make_uploads,
    new_site,
    post_redirects,
    read_post,
    read_yaml,
    run_cli,
    write_wxr,
    wxr_item,
)

LONDON = {"plugins": [{"llmblog": {"timezone": "Europe/London"}}]}
PUBLISHED = {"hello-world.md", "blocks.md", "ri-ben-yu.md"}
NOT_PUBLIC = {"a-draft.md", "waiting-for-review.md", "just-for-me.md", "coming-soon.md"}

Capsys = pytest.CaptureFixture[str]


def post_files(docs: Path) -> set[str]:
    return {path.name for path in (docs / "blog" / "posts").glob("*.md")}


def summary(out: str) -> dict[str, str]:
    """The summary's rows, by name."""
    rows = out.split("\nSummary\n", 1)[1].splitlines()
    return {name.strip(): value.strip() for name, value in (row.split(":", 1) for row in rows)}


def test_published_posts_are_imported_with_their_front_matter(
    tmp_path: Path, capsys: Capsys
) -> None:
    docs = new_site(tmp_path, LONDON)
    uploads = make_uploads(tmp_path / "uploads")

    run = run_cli(capsys, "import-wordpress", BLOG_XML, "--docs-dir", docs, "--uploads", uploads)

    assert run.code == 0, run.err
    assert run.err == ""
    assert post_files(docs) == PUBLISHED
    hello = read_post(docs / "blog/posts/hello-world.md")
    assert hello.meta == {
        "title": 'Hello: "World" & <friends> 🎉',
        "date": "2023-05-01T09:30:00+01:00",
        "updated": "2023-05-03T10:00:00+01:00",
        "slug": "hello-world",
        "description": "A first post about engines.",
        "categories": ["Programming/Python"],
        "tags": ["Intro", "First steps"],
        "authors": ["ada"],
        "image": {
            "path": "hello-world/cover.jpg",
            "alt": "Brass gears of the engine",
            "caption": "Photo by [Ada](https://example.org/ada)",
        },
        "wordpress_id": 1,  # wp:post_id: `?p=1` leads here
    }
    cover = docs / "blog/posts/hello-world/cover.jpg"
    assert cover.read_bytes() == (uploads / "2023/05/cover.jpg").read_bytes()
    blocks = read_post(docs / "blog/posts/blocks.md")
    assert blocks.meta["categories"] == ["Engines & Machines"]
    assert blocks.meta["authors"] == ["charles"]
    assert blocks.meta["date"] == "2023-06-02T22:30:00+01:00"
    assert "updated" not in blocks.meta
    japanese = read_post(docs / "blog/posts/ri-ben-yu.md")
    assert (japanese.meta["title"], japanese.meta["slug"]) == ("日本語のタイトル", "ri-ben-yu")
    assert "categories" not in japanese.meta  # only WordPress's default "Uncategorized"

    assert summary(run.out) == {
        "Posts imported": f"3 into {docs / 'blog' / 'posts'}",
        "Drafts imported": "0",
        "Skipped": "5 (1 draft, 1 pending review, 1 private, 1 scheduled, 1 in the trash)",
        "Images copied": "5",
        "Images missing": "1 (listed above)",
        "Authors file": str(docs / "blog" / ".authors.yml"),
        "Category pages": "1 (their descriptions)",
        "Redirects": "19 (3 posts, 2 categories, 2 tags, 3 dates, 4 authors, 5 feeds)",
        "Pages imported": "1",
    }


def test_the_body_is_converted_with_images_copied_and_relinked(
    tmp_path: Path, capsys: Capsys
) -> None:
    docs = new_site(tmp_path)
    uploads = make_uploads(tmp_path / "uploads")

    run = run_cli(capsys, "import-wordpress", BLOG_XML, "--docs-dir", docs, "--uploads", uploads)

    assert run.code == 0
    posts = docs / "blog" / "posts"
    hello = read_post(posts / "hello-world.md").body
    excerpt, more, rest = hello.partition("\n\n<!-- more -->\n\n")
    assert more
    assert excerpt.strip() == (
        "Welcome to the **first** post, with snake_case and 2 < 3.  \n"
        "This line follows a line break."
    )
    # The resized copy in the [caption] falls back to the original, copied beside the post.
    assert (
        "[![The analytical engine](hello-world/engine.png)](hello-world/engine.png)\n\n"
        "_The engine, *drawn*_"
    ) in rest
    assert "![A gear](hello-world/gear.png)" in rest
    assert (posts / "hello-world/gear.png").read_bytes() == (
        uploads / "2023/05/gear.png"
    ).read_bytes()
    lost = "https://example.com/wp-content/uploads/2023/05/lost.png"
    assert f"![Lost]({lost})" in rest
    assert "![A cat](https://images.example.org/cat.png)" in rest
    assert "Read [the block post](blocks.md) next." in rest
    assert (
        '`[contact-form-7 id="42" title="Contact"]` *(WordPress shortcode, not converted)*' in rest
    )
    assert "```python\ndef add(a, b):\n    return a + b\n\n\nprint(add(1, 2) < 4)\n```" in rest

    blocks = read_post(posts / "blocks.md").body
    assert "<!-- wp:" not in blocks
    assert blocks.startswith(
        "Written in the block editor; see [the first post](hello-world.md).\n\n<!-- more -->\n\n"
        "![A valve](blocks/valve.jpg)\n\n_The valve, up close_\n"
    )
    assert "`wp:latest-posts` *(WordPress block, not converted)*" in blocks
    # [gallery ids="11,12"], then [gallery] of the post's own attachments (the valve).
    assert blocks.count("![The analytical engine](blocks/engine.png)\n\n_The engine_") == 1
    assert blocks.count("![A valve](blocks/valve.jpg)") == 3
    assert sorted(p.name for p in (posts / "blocks").iterdir()) == ["engine.png", "valve.jpg"]

    assert (
        "Images not found locally (the posts keep their original URL):\n"
        f"  {posts / 'hello-world.md'}: {lost}\n"
    ) in run.out
    # Each mark left in a post is listed with its line, as an editor opens it (`file:line`).
    listed = run.out.split("marked 'not converted':\n")[1].split("\n")[:2]
    hello_line, blocks_line = (int(line.split(".md:")[1].split(":")[0]) for line in listed)
    assert listed == [
        f'  {posts / "hello-world.md"}:{hello_line}: [contact-form-7 id="42" title="Contact"]',
        f"  {posts / 'blocks.md'}:{blocks_line}: wp:latest-posts",
    ]
    hello_lines = (posts / "hello-world.md").read_text(encoding="utf-8").splitlines()
    assert hello_lines[hello_line - 1].startswith("`[contact-form-7 id=")
    assert "(WordPress shortcode, not converted)" in hello_lines[hello_line - 1]
    blocks_lines = (posts / "blocks.md").read_text(encoding="utf-8").splitlines()
    assert blocks_lines[blocks_line - 1] == "`wp:latest-posts` *(WordPress block, not converted)*"


def test_without_uploads_every_image_keeps_its_url(tmp_path: Path, capsys: Capsys) -> None:
    docs = new_site(tmp_path)

    run = run_cli(capsys, "import-wordpress", BLOG_XML, "--docs-dir", docs)

    assert run.code == 0
    hello = read_post(docs / "blog/posts/hello-world.md")
    assert hello.meta["image"]["path"] == "https://example.com/wp-content/uploads/2023/05/cover.jpg"
    assert "![A gear](https://www.example.com/wp-content/uploads/2023/05/gear.png)" in hello.body
    assert not (docs / "blog/posts/hello-world").exists()
    rows = summary(run.out)
    assert rows["Images copied"] == "0"
    assert rows["Images missing"] == "8 (no --uploads given)"


def test_drafts_can_be_imported_as_drafts(tmp_path: Path, capsys: Capsys) -> None:
    docs = new_site(tmp_path, LONDON)

    run = run_cli(capsys, "import-wordpress", BLOG_XML, "--docs-dir", docs, "--drafts", "import")

    assert run.code == 0
    assert post_files(docs) == PUBLISHED | NOT_PUBLIC
    for name in NOT_PUBLIC:
        assert read_post(docs / "blog/posts" / name).meta["draft"] is True
    for name in PUBLISHED:
        assert "draft" not in read_post(docs / "blog/posts" / name).meta
    draft = read_post(docs / "blog/posts/a-draft.md").meta
    # A draft has no GMT date: its local date is read in the site's time zone.
    assert draft["date"] == "2023-06-10T12:00:00+01:00"
    assert draft["slug"] == "a-draft"  # made from the title: drafts have no post_name yet
    assert read_post(docs / "blog/posts/coming-soon.md").meta["date"] == (
        "2099-01-01T09:00:00+00:00"
    )
    rows = summary(run.out)
    assert rows["Posts imported"].startswith("7 into")
    assert rows["Drafts imported"] == "4 (draft: true)"
    assert rows["Skipped"] == "1 (1 in the trash)"
    # Drafts have no public address: no redirects to them.
    assert set(post_redirects(read_yaml(tmp_path / "redirects.yml")).values()) == {
        f"blog/posts/{name}" for name in PUBLISHED
    }


def test_existing_files_are_kept_unless_forced(tmp_path: Path, capsys: Capsys) -> None:
    docs = new_site(tmp_path)
    uploads = make_uploads(tmp_path / "uploads")
    args = ("import-wordpress", BLOG_XML, "--docs-dir", docs, "--uploads", uploads)
    assert run_cli(capsys, *args).code == 0
    hello = docs / "blog/posts/hello-world.md"
    hello.write_text("---\ndate: 2023-05-01\n---\n\nMy own edits.\n", encoding="utf-8")
    redirects = tmp_path / "redirects.yml"
    redirects.write_text("# mine\n", encoding="utf-8")

    again = run_cli(capsys, *args)

    assert again.code == 0
    assert hello.read_text(encoding="utf-8").endswith("My own edits.\n")
    assert redirects.read_text(encoding="utf-8") == "# mine\n"
    assert f"{redirects} exists and was not overwritten (--force overwrites it)." in again.out
    assert "2023/05/hello-world/index.md: blog/posts/hello-world.md" in again.out
    rows = summary(again.out)
    assert rows["Posts imported"].startswith("0 into")
    assert "3 already exists (--force overwrites)" in rows["Skipped"]
    assert rows["Images copied"] == "0"

    forced = run_cli(capsys, *args, "--force")

    # --force rewrites only the files the importer wrote and nobody changed since (issue #21).
    assert forced.code == 0
    assert hello.read_text(encoding="utf-8").endswith("My own edits.\n")
    assert redirects.read_text(encoding="utf-8") == "# mine\n"
    kept = forced.out.split("Kept, as the importer did not write them or they changed since:\n")[1]
    assert f"  {hello}\n" in kept
    assert f"  {redirects}\n" in kept
    assert read_post(docs / "blog/posts/blocks.md").meta["title"] == "Blocks"
    assert summary(forced.out)["Posts imported"].startswith("2 into")

    hello.unlink()
    redirects.unlink()
    again_forced = run_cli(capsys, *args, "--force")

    assert read_post(hello).meta["title"] == 'Hello: "World" & <friends> 🎉'
    assert "2023/05/hello-world/index.md" in read_yaml(redirects)
    assert summary(again_forced.out)["Posts imported"].startswith("3 into")


def test_the_redirect_map_and_its_snippet(tmp_path: Path, capsys: Capsys) -> None:
    docs = new_site(tmp_path)

    run = run_cli(capsys, "import-wordpress", BLOG_XML, "--docs-dir", docs)

    redirect_map = {
        "2023/05/hello-world/index.md": "blog/posts/hello-world.md",
        "2023/06/blocks/index.md": "blog/posts/blocks.md",
        "2023/06/日本語/index.md": "blog/posts/ri-ben-yu.md",
        # WordPress's category, date and feed addresses lead to the blog's own lists.
        "category/engines/index.md": "blog/category/engines-and-machines.md",
        "category/programming/python/index.md": "blog/category/programming/python.md",
        "tag/first-steps/index.md": "blog/tag/first-steps.md",
        "tag/intro/index.md": "blog/tag/intro.md",
        "2023/index.md": "blog/archive/2023.md",
        "2023/05/index.md": "blog/archive/2023.md",
        "2023/06/index.md": "blog/archive/2023.md",
        "feed/index.md": "https://example.com/blog/feed.xml",
        # And the feeds of categories and tags, to the feeds of their pages.
        "category/engines/feed/index.md": (
            "https://example.com/blog/category/engines-and-machines/feed.xml"
        ),
        "category/programming/python/feed/index.md": (
            "https://example.com/blog/category/programming/python/feed.xml"
        ),
        "tag/first-steps/feed/index.md": "https://example.com/blog/tag/first-steps/feed.xml",
        "tag/intro/feed/index.md": "https://example.com/blog/tag/intro/feed.xml",
        # Each author's archive and its feed lead to the author's page and feed.
        "author/ada/index.md": "blog/author/ada.md",
        "author/ada/feed/index.md": "https://example.com/blog/author/ada/feed.xml",
        "author/charles/index.md": "blog/author/charles.md",
        "author/charles/feed/index.md": "https://example.com/blog/author/charles/feed.xml",
    }
    redirects = tmp_path / "redirects.yml"
    assert read_yaml(redirects) == redirect_map
    assert redirects.read_text(encoding="utf-8").startswith("# Old WordPress permalinks")
    assert run.out.startswith(
        f"Redirects: 19 old permalinks mapped in {redirects}.\n"
        "To serve them, install mkdocs-redirects (pip install mkdocs-redirects) and add it to "
        "the plugins of mkdocs.yml:\n\n"
        "plugins:\n"
        "  - llmblog\n"
        "  - redirects:\n"
        "      redirect_maps:\n"
        "        2023/05/hello-world/index.md: blog/posts/hello-world.md\n"
        "        2023/06/blocks/index.md: blog/posts/blocks.md\n"
        "        2023/06/日本語/index.md: blog/posts/ri-ben-yu.md\n"
    )


def test_the_redirect_map_can_be_printed_only(tmp_path: Path, capsys: Capsys) -> None:
    docs = new_site(tmp_path)

    run = run_cli(capsys, "import-wordpress", BLOG_XML, "--docs-dir", docs, "--redirects-file", "-")

    assert run.code == 0
    assert not (tmp_path / "redirects.yml").exists()
    assert run.out.startswith("Redirects: 19 old permalinks mapped below.\n")
    assert "        2023/06/blocks/index.md: blog/posts/blocks.md\n" in run.out


def test_an_old_blog_under_a_path_with_html_permalinks(tmp_path: Path, capsys: Capsys) -> None:
    docs = new_site(tmp_path, {"plugins": [{"llmblog": {"blog_dir": "news"}}]})

    run = run_cli(
        capsys, "import-wordpress", WXR_DIR / "wxr-1.1.xml", "--config", tmp_path / "mkdocs.yml",
        "--timezone", "America/New_York",
    )  # fmt: skip

    assert run.code == 0, run.err
    notes = read_post(docs / "news/posts/notes.md")
    assert notes.meta["date"] == "2012-01-15T18:00:00-05:00"
    assert notes.meta["categories"] == ["Misc - Other"]
    assert notes.meta["authors"] == ["admin"]
    assert notes.body == "First paragraph.\n\nSecond paragraph.\n"
    # The blog was at /blog/; the MkDocs site takes its place.
    assert post_redirects(read_yaml(tmp_path / "redirects.yml")) == {
        "2012/01/notes.md": "news/posts/notes.md"
    }


def test_the_time_zone_defaults_to_utc_without_a_config(tmp_path: Path, capsys: Capsys) -> None:
    docs = tmp_path / "content"
    docs.mkdir()

    run = run_cli(capsys, "import-wordpress", BLOG_XML, "--docs-dir", docs)

    assert run.code == 0
    assert read_post(docs / "blog/posts/hello-world.md").meta["date"] == (
        "2023-05-01T08:30:00+00:00"
    )
    # No mkdocs.yml to put it beside: the map is printed (without site_url, no feed redirect).
    assert run.out.startswith("Redirects: 12 old permalinks mapped below.\n")
    assert list(tmp_path.iterdir()) == [docs]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--docs-dir", "nowhere"], "nowhere: no such folder; give the site's docs folder"),
        (["--uploads", "nowhere"], "nowhere: no such folder; --uploads takes a copy of"),
        (["--timezone", "Mars/Olympus"], "'Mars/Olympus' is not a known time zone"),
        (["--config", "missing.yml"], "missing.yml: no such file; give the site's mkdocs.yml"),
        (["--blog-dir", "../out"], "--blog-dir '../out' must name a folder inside docs"),
    ],
)
def test_bad_options_get_one_line_and_exit_status_1(
    tmp_path: Path,
    capsys: Capsys,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    message: str,
) -> None:
    new_site(tmp_path)
    monkeypatch.chdir(tmp_path)

    run = run_cli(capsys, "import-wordpress", BLOG_XML, *args)

    assert run.code == 1
    assert run.err.startswith("llmblog import-wordpress: error: ")
    assert message in run.err
    assert run.err.count("\n") == 1
    assert not (tmp_path / "docs/blog").exists()


@pytest.mark.parametrize(
    ("fixture", "message"),
    [
        ("billion-laughs.xml", "refused: the file declares the XML entity 'lol'"),
        ("external-entity.xml", "refused: the file declares the XML entity 'secret'"),
        ("malformed.xml", "line 8, column 5: invalid XML (mismatched tag)"),
        ("not-wordpress.xml", "not a WordPress export"),
    ],
)
def test_bad_exports_are_refused_and_nothing_is_written(
    tmp_path: Path, capsys: Capsys, fixture: str, message: str
) -> None:
    docs = new_site(tmp_path)

    run = run_cli(capsys, "import-wordpress", WXR_DIR / fixture, "--docs-dir", docs)

    assert run.code == 1
    assert f"llmblog import-wordpress: error: {WXR_DIR / fixture}: " in run.err
    assert message in run.err
    assert run.out == ""
    assert sorted(p.name for p in docs.iterdir()) == ["index.md"]


def test_python_m_runs_the_command_without_tracebacks(tmp_path: Path) -> None:
    docs = new_site(tmp_path)
    command = [sys.executable, "-m", "mkdocs_llmblog", "import-wordpress"]
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONIOENCODING": "utf-8"}

    def call(*args: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*command, *map(str, args)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=environment,
            cwd=tmp_path,
            check=False,
        )

    broken = call(WXR_DIR / "malformed.xml", "--docs-dir", docs)
    assert broken.returncode == 1
    assert "line 8, column 5" in broken.stderr
    assert "Traceback" not in broken.stderr + broken.stdout

    usage = call("--drafts", "maybe", BLOG_XML)
    assert usage.returncode == 2
    assert "invalid choice: 'maybe'" in usage.stderr
    assert "Traceback" not in usage.stderr

    done = call(BLOG_XML, "--docs-dir", docs)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert "Posts imported:  3 into" in done.stdout
    assert post_files(docs) == PUBLISHED


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_progress_bar_only_for_large_exports_on_a_terminal() -> None:
    terminal = FakeTerminal()
    assert wordpress_cli._progress(True, io.StringIO()) is no_progress
    assert wordpress_cli._progress(False, terminal) is no_progress

    progress = wordpress_cli._progress(True, terminal)
    few = list(range(wordpress_cli.PROGRESS_MIN_POSTS - 1))
    assert progress(few) is few
    many = list(range(wordpress_cli.PROGRESS_MIN_POSTS))
    assert list(progress(many)) == many
    assert "Importing" in terminal.getvalue()


def test_edge_cases_of_slugs_statuses_images_and_permalinks(tmp_path: Path, capsys: Capsys) -> None:
    docs = new_site(tmp_path)
    export = write_wxr(
        tmp_path / "edge.xml",
        wxr_item(1, "Same title", link="https://example.com/blog/2024/02/01/same-title/"),
        wxr_item(2, "Same title", name="same-title", link="https://example.com/same-again/"),
        wxr_item(3, "", link="https://example.com/?p=3", meta={"_thumbnail_id": "99"}),
        wxr_item(4, "Secret", password="hunter2", link="https://example.com/secret/"),
        wxr_item(5, "Yes", name="yes", link="https://example.com/yes/"),
    )

    run = run_cli(capsys, "import-wordpress", export, "--docs-dir", docs)

    assert run.code == 0, run.err
    assert post_files(docs) == {"same-title.md", "same-title-2.md", "untitled-post-3.md", "yes.md"}
    assert read_post(docs / "blog/posts/same-title-2.md").meta["slug"] == "same-title-2"
    assert read_post(docs / "blog/posts/untitled-post-3.md").meta["title"] == "Untitled post 3"
    # A title YAML would read as a boolean stays a text.
    assert read_post(docs / "blog/posts/yes.md").meta["title"] == "Yes"
    assert "1 password-protected" in summary(run.out)["Skipped"]
    # The first post keeps its address: a redirect there would replace it.
    assert post_redirects(read_yaml(tmp_path / "redirects.yml")) == {
        "same-again/index.md": "blog/posts/same-title-2.md",
        "yes/index.md": "blog/posts/yes.md",
    }
    posts = docs / "blog" / "posts"
    assert (
        "To look at:\n"
        f"  {posts / 'untitled-post-3.md'}: featured image (attachment 99) is not in the export; "
        "export 'All content' to include media\n"
        f"  {posts / 'untitled-post-3.md'}: old address https://example.com/?p=3 cannot be "
        "redirected by a static site\n"
    ) in run.out


def test_sticky_posts_are_pinned_and_categories_keep_their_descriptions(
    tmp_path: Path, capsys: Capsys
) -> None:
    docs = new_site(tmp_path)
    export = write_wxr(
        tmp_path / "export.xml",
        wxr_item(1, "Sticky", name="sticky", sticky=True, categories=("news",)),
        wxr_item(2, "Plain", name="plain", categories=("news",)),
        wxr_item(3, "Sticky draft", name="sticky-draft", sticky=True, status="draft"),
    )

    run = run_cli(capsys, "import-wordpress", export, "--docs-dir", docs, "--drafts", "import")

    assert run.code == 0, run.err
    posts = docs / "blog" / "posts"
    assert read_post(posts / "sticky.md").meta["pin"] is True
    assert "pin" not in read_post(posts / "plain.md").meta
    assert "pin" not in read_post(posts / "sticky-draft.md").meta
    assert summary(run.out)["Sticky posts"] == "1 (pin: true)"
    # No description in this export: no intro page.
    assert not (docs / "blog" / "category").exists()


def test_a_category_description_becomes_its_intro_page(tmp_path: Path, capsys: Capsys) -> None:
    docs = new_site(tmp_path)

    run = run_cli(capsys, "import-wordpress", BLOG_XML, "--docs-dir", docs)

    assert run.code == 0
    intro = read_post(docs / "blog/category/programming/python.md")
    assert intro.meta == {"title": "Python"}
    assert intro.body == "Posts about *Python*, the language.\n"
    assert summary(run.out)["Category pages"] == "1 (their descriptions)"
    # An intro page the author edited is kept, even with --force.
    (docs / "blog/category/programming/python.md").write_text("# Mine\n", encoding="utf-8")
    again = run_cli(capsys, "import-wordpress", BLOG_XML, "--docs-dir", docs, "--force")
    assert again.code == 0
    assert (docs / "blog/category/programming/python.md").read_text(encoding="utf-8") == "# Mine\n"
