"""WordPress comments kept with `--comments`: approved ones only, no e-mail or IP, shown read-only
as threads under the post, escaped, on every theme."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag

from mkdocs_llmblog.model import ArchivedComment, PostDate
from mkdocs_llmblog.render.conversation import comment_threads
from mkdocs_llmblog.render.reader_text import render_reader_markdown
from mkdocs_llmblog.render.views import DateView
from tests.sitebuilder import BuiltSite, build_site, post
from tests.wxr.helpers import new_site, read_post, run_cli, write_wxr

Capsys = pytest.CaptureFixture[str]
THEMES = ["material", "mkdocs", "readthedocs"]


def comment(
    number: int,
    author: str,
    text: str,
    *,
    approved: str = "1",
    kind: str = "comment",
    parent: int = 0,
    url: str = "",
    date: str = "2024-02-02 10:00:00",
) -> str:
    return f"""
      <wp:comment>
        <wp:comment_id>{number}</wp:comment_id>
        <wp:comment_author><![CDATA[{author}]]></wp:comment_author>
        <wp:comment_author_email><![CDATA[secret{number}@mail.example]]></wp:comment_author_email>
        <wp:comment_author_url>{url}</wp:comment_author_url>
        <wp:comment_author_IP><![CDATA[192.0.2.{number}]]></wp:comment_author_IP>
        <wp:comment_date><![CDATA[{date}]]></wp:comment_date>
        <wp:comment_date_gmt><![CDATA[{date}]]></wp:comment_date_gmt>
        <wp:comment_content><![CDATA[{text}]]></wp:comment_content>
        <wp:comment_approved><![CDATA[{approved}]]></wp:comment_approved>
        <wp:comment_type><![CDATA[{kind}]]></wp:comment_type>
        <wp:comment_parent>{parent}</wp:comment_parent>
      </wp:comment>"""


COMMENTS = [
    comment(1, "Ada", "First!\n\nA second paragraph.", url="https://ada.example/"),
    comment(2, "Charles", "A reply to Ada.", parent=1, date="2024-02-03 09:00:00"),
    comment(
        3,
        "<script>alert(1)</script> Eve",
        '<script>alert(2)</script><a href="javascript:alert(3)">click</a> <b>bold</b>',
        url="javascript:alert(4)",
        date="2024-02-04 09:00:00",
    ),
    comment(4, "Waiting", "Not approved yet.", approved="0"),
    comment(5, "Spammer", "Buy now", approved="spam"),
    comment(6, "Trashed", "Gone", approved="trash"),
    comment(7, "Other blog", "Pingback", kind="pingback"),
]


def export_with_comments(path: Path) -> Path:
    item = f"""
    <item>
      <title>Talked about</title>
      <link>https://example.com/2024/02/01/talked-about/</link>
      <dc:creator>ada</dc:creator>
      <guid isPermaLink="false">https://example.com/?p=1</guid>
      <content:encoded><![CDATA[The post.]]></content:encoded>
      <excerpt:encoded><![CDATA[]]></excerpt:encoded>
      <wp:post_id>1</wp:post_id>
      <wp:post_date>2024-02-01 12:00:00</wp:post_date>
      <wp:post_date_gmt>2024-02-01 12:00:00</wp:post_date_gmt>
      <wp:post_name>talked-about</wp:post_name>
      <wp:status>publish</wp:status>
      <wp:post_type>post</wp:post_type>
      {"".join(COMMENTS)}
    </item>"""
    return write_wxr(path, item)


def test_only_approved_comments_are_kept_without_addresses(tmp_path: Path, capsys: Capsys) -> None:
    docs = new_site(tmp_path)
    export = export_with_comments(tmp_path / "export.xml")

    run = run_cli(capsys, "import-wordpress", export, "--docs-dir", docs, "--comments")

    assert run.code == 0, run.err
    source = (docs / "blog/posts/talked-about.md").read_text(encoding="utf-8")
    assert "mail.example" not in source
    assert "192.0.2." not in source
    archive = read_post(docs / "blog/posts/talked-about.md").meta["comments_archive"]
    assert [entry["id"] for entry in archive] == [1, 2, 3]
    assert archive[0] == {
        "id": 1,
        "author": "Ada",
        "url": "https://ada.example/",
        "date": "2024-02-02T10:00:00+00:00",
        "text": "First!\n\nA second paragraph.",
    }
    assert archive[1]["parent"] == 1
    assert "url" not in archive[2]  # javascript: is no address
    assert "javascript:" not in archive[2]["text"]
    assert "Comments imported: 3 (left out: 1 unapproved, 1 spam, 1 in the trash, 1 pingbacks)" in (
        run.out
    )

    without = run_cli(capsys, "import-wordpress", export, "--docs-dir", new_site(tmp_path / "b"))
    assert without.code == 0
    meta = read_post(tmp_path / "b/docs/blog/posts/talked-about.md").meta
    assert "comments_archive" not in meta


def imported_site(tmp_path: Path, capsys: Capsys, theme: str, options: dict[str, Any]) -> BuiltSite:
    docs = new_site(tmp_path)
    export = export_with_comments(tmp_path / "export.xml")
    assert run_cli(capsys, "import-wordpress", export, "--docs-dir", docs, "--comments").code == 0
    return build_site(
        tmp_path,
        {"site_url": "https://example.com/", "theme": theme, "plugins": [{"llmblog": options}]},
        {},
    )


def only(element: BeautifulSoup | Tag, selector: str) -> Tag:
    found = element.select(selector)
    assert len(found) == 1, f"{selector}: {len(found)} found"
    return found[0]


@pytest.mark.parametrize("theme", THEMES)
def test_archived_comments_show_as_escaped_threads(
    tmp_path: Path, capsys: Capsys, theme: str
) -> None:
    site = imported_site(tmp_path, capsys, theme, {})

    page = site.html("blog/2024/02/01/talked-about")
    section = only(page, "article.llmblog-post section.llmblog-comments")
    assert section.select("button, template") == []  # no provider: read-only
    roots = section.select(".llmblog-comment-list > li.llmblog-comment")
    assert [only(li, ":scope > article .llmblog-comment-author").get_text() for li in roots] == [
        "Ada",
        "<script>alert(1)</script> Eve",
    ]
    reply = only(roots[0], ":scope > ol.llmblog-comment-replies > li.llmblog-comment")
    assert reply["id"] == "comment-2"
    assert "A reply to Ada." in reply.get_text()
    ada = only(roots[0], ":scope > article a.llmblog-comment-author")
    assert (ada["href"], ada["rel"]) == ("https://ada.example/", ["nofollow", "ugc", "noopener"])
    assert only(roots[0], ":scope > article time")["datetime"] == "2024-02-02T10:00:00+00:00"
    assert len(only(roots[0], ":scope > article .llmblog-comment-text").select("p")) == 2
    # The import dropped the script and the javascript: link; the name stays text.
    eve = roots[1]
    assert eve.select("script, a[href^='javascript'], img") == []
    assert "alert(2)" not in eve.get_text()
    assert only(eve, "strong").get_text() == "bold"  # formatting, as Markdown
    assert page.select("script:-soup-contains('alert')") == []


def test_archived_comments_come_before_a_providers_and_follow_comments_false(
    tmp_path: Path, capsys: Capsys
) -> None:
    giscus = {
        "provider": "giscus",
        "repo": "ada/blog",
        "repo_id": "R",
        "category": "C",
        "category_id": "D",
    }
    site = imported_site(tmp_path, capsys, "mkdocs", {"comments": giscus})

    section = only(site.html("blog/2024/02/01/talked-about"), "section.llmblog-comments")
    children = [child.name for child in section.find_all(recursive=False)]
    assert children.index("ol") < children.index("div") < children.index("template")

    source = tmp_path / "docs/blog/posts/talked-about.md"
    source.write_text(
        source.read_text(encoding="utf-8").replace("---\n", "---\ncomments: false\n", 1),
        encoding="utf-8",
    )
    quiet = build_site(
        tmp_path,
        {"site_url": "https://example.com/", "theme": "mkdocs", "plugins": ["llmblog"]},
        {},
    )
    assert quiet.html("blog/2024/02/01/talked-about").select(".llmblog-comments") == []


@pytest.mark.parametrize(
    ("archive", "problem"),
    [
        ("many", "must be a list of comments"),
        (["hi"], "comment 1 must be a mapping"),
        ([{"author": "A", "date": "2024-01-01", "text": "x"}], "comment 1: 'id' must be a whole"),
        (
            [{"id": 1, "parent": 9, "author": "A", "date": "2024-01-01", "text": "x"}],
            "'parent' must be the 'id' of a comment above it",
        ),
        ([{"id": 1, "date": "2024-01-01", "text": "x"}], "comment 1: 'author' must be a text"),
        (
            [{"id": 1, "author": "A", "url": "javascript:x", "date": "2024-01-01", "text": "x"}],
            "'url' must be an http:// or https:// address",
        ),
        ([{"id": 1, "author": "A", "date": "soon", "text": "x"}], "comment 1: 'date'"),
        (
            [
                {"id": 1, "author": "A", "date": "2024-01-01", "text": "x"},
                {"id": 1, "author": "B", "date": "2024-01-01", "text": "y"},
            ],
            "comment 2: 'id' 1 is used twice",
        ),
    ],
)
def test_a_bad_comments_archive_is_named(tmp_path: Path, archive: object, problem: str) -> None:
    site = build_site(
        tmp_path,
        {"plugins": ["llmblog"]},
        {
            "blog/posts/a.md": post(
                {"date": "2024-01-01", "title": "A", "comments_archive": archive}
            )
        },
        expect_error=True,
    )
    text = "\n".join(site.errors)
    assert "docs/blog/posts/a.md: front matter key 'comments_archive'" in text
    assert problem in text


def test_reader_markdown_keeps_paragraphs_and_escapes_html() -> None:
    html = render_reader_markdown(
        "Hi *there*.\n\n<img src=x onerror=alert(1)> [x](javascript:alert(1)) [ok](https://a.b/)"
    )
    assert html.startswith("<p>Hi <em>there</em>.</p>")
    assert "<img" not in html
    assert "javascript:" not in html
    assert '<a href="https://a.b/" rel="nofollow ugc noopener">ok</a>' in html


# Comments an export holds that would break the build, or lose their threads.

AWKWARD_COMMENTS = [
    comment(10, "Late parent", "Answered before it was written.", date="2024-02-05 10:00:00"),
    comment(11, "Early reply", "A reply dated before its parent.", parent=10),
    comment(12, "Empty", ""),
    comment(13, "Blank", "<p> </p>"),
    comment(14, "Reply to empty", "Still shown.", parent=12, date="2024-02-06 10:00:00"),
    comment(15, "Long", "x" * 100_001),
    comment(16, "Loop a", "I answer b.", parent=17, date="2024-02-07 10:00:00"),
    comment(17, "Loop b", "I answer a.", parent=16, date="2024-02-07 11:00:00"),
    comment(10, "Same id", "A second comment with id 10."),
    "<wp:comment><wp:comment_id>²</wp:comment_id><wp:comment_approved>1</wp:comment_approved>"
    "<wp:comment_date_gmt>2024-02-02 10:00:00</wp:comment_date_gmt>"
    "<wp:comment_content>Superscript id</wp:comment_content></wp:comment>",
    "<wp:comment><wp:comment_id>18</wp:comment_id><wp:comment_approved>1</wp:comment_approved>"
    "<wp:comment_date_gmt>2024-02-08 10:00:00</wp:comment_date_gmt>"
    "<wp:comment_parent>\u0661\u0667</wp:comment_parent>"
    "<wp:comment_content>Parent in Arabic digits</wp:comment_content></wp:comment>",
]


def test_awkward_comments_are_left_out_or_threaded_and_the_site_builds(
    tmp_path: Path, capsys: Capsys
) -> None:
    docs = new_site(tmp_path)
    export = export_with_comments(tmp_path / "export.xml")
    export.write_text(
        export.read_text(encoding="utf-8").replace(
            "<wp:post_type>post</wp:post_type>",
            "<wp:post_type>post</wp:post_type>" + "".join(AWKWARD_COMMENTS),
        ),
        encoding="utf-8",
    )

    run = run_cli(capsys, "import-wordpress", export, "--docs-dir", docs, "--comments")

    assert run.code == 0, run.err
    archive = read_post(docs / "blog/posts/talked-about.md").meta["comments_archive"]
    by_id = {entry["id"]: entry for entry in archive}
    # Each reply comes after the comment it answers, whatever its date.
    order = [entry["id"] for entry in archive]
    assert order.index(10) < order.index(11)
    assert by_id[11]["parent"] == 10
    assert by_id[10]["author"] == "Late parent"
    assert 12 not in by_id
    assert 13 not in by_id
    assert 15 not in by_id
    assert "parent" not in by_id[14]  # what it answered was left out
    assert {16, 17} <= set(by_id)  # a loop becomes a thread from its oldest comment
    assert "parent" not in by_id[16]
    assert by_id[17]["parent"] == 16
    assert "parent" not in by_id[18]  # digits of other scripts are no id
    assert "Superscript id" not in str(archive)
    line = next(line for line in run.out.splitlines() if "Comments imported:" in line)
    for reason in (
        "2 empty",
        "1 longer than 100,000 characters",
        "1 with the id of another comment",
        "1 without a date or id",
    ):
        assert reason in line

    site = build_site(
        tmp_path,
        {"site_url": "https://example.com/", "theme": "mkdocs", "plugins": ["llmblog"]},
        {},
    )
    page = site.html("blog/2024/02/01/talked-about")
    late = only(page, "li#comment-10")
    assert only(late, ":scope > ol.llmblog-comment-replies > li")["id"] == "comment-11"


def test_a_long_chain_of_replies_is_shown_ten_levels_deep_at_most(
    tmp_path: Path, theme: str, use_directory_urls: bool
) -> None:
    archive = [
        {
            "id": number,
            "author": f"Person {number}",
            "date": f"2024-01-01 10:{number:02d}",
            "text": f"Reply number {number}.",
            **({"parent": number - 1} if number > 1 else {}),
        }
        for number in range(1, 41)
    ]
    site = build_site(
        tmp_path,
        {"theme": theme, "use_directory_urls": use_directory_urls, "plugins": ["llmblog"]},
        {
            "blog/posts/a.md": post(
                {"date": "2024-01-01", "title": "A", "comments_archive": archive}
            )
        },
    )
    page = site.html("blog/2024/01/01/a")
    items = page.select("li.llmblog-comment")
    assert [li["id"] for li in items] == [f"comment-{number}" for number in range(1, 41)]

    def depth(li: Tag) -> int:
        return len(li.find_parents("li", class_="llmblog-comment"))

    assert [depth(li) for li in items] == [*range(11), *[10] * 29]
    assert all("Reply number" in li.get_text() for li in items)


def test_a_comment_nested_too_deep_to_render_is_shown_as_text(tmp_path: Path) -> None:
    nested = "- " * 3000 + "the end <b>"
    archive = [{"id": 1, "author": "Spam", "date": "2024-01-01 10:00", "text": nested}]
    site = build_site(
        tmp_path,
        {"theme": "mkdocs", "plugins": ["llmblog"]},
        {
            "blog/posts/a.md": post(
                {"date": "2024-01-01", "title": "A", "comments_archive": archive}
            )
        },
    )
    comment = only(site.html("blog/2024/01/01/a"), "li#comment-1")
    assert "the end <b>" in comment.get_text()
    assert comment.select("b") == []


def test_comment_threads_are_capped_in_depth_in_order() -> None:
    day = PostDate(dt.datetime(2024, 1, 1, tzinfo=dt.UTC), date_only=True)
    comments = tuple(
        ArchivedComment(number, number - 1 if number > 1 else None, "A", None, day, f"c{number}")
        for number in range(1, 15)
    )
    roots = comment_threads(comments, lambda date: DateView(date.isoformat(), "a day"))
    assert [view.number for view in roots] == [1]
    level, depth = roots, 0
    while level[0].replies:
        level, depth = level[0].replies, depth + 1
    assert depth == 10
    assert [view.number for view in level] == [11, 12, 13, 14]


@pytest.mark.parametrize(
    ("link", "kept"),
    [
        ("https://a.example/x", True),
        ("http://a.example/", True),
        ("mailto:ada@example.com", True),
        ("#comment-1", True),
        ("//evil.example/x", False),
        ("/admin/", False),
        ("../../secret", False),
        ("javascript:alert(1)", False),
    ],
)
def test_reader_links_keep_only_web_and_mail_addresses(link: str, kept: bool) -> None:
    html = render_reader_markdown(f"See [this]({link}).")
    anchor = BeautifulSoup(html, "html.parser").find("a")
    if kept:
        assert isinstance(anchor, Tag)
        assert anchor["href"] == link
    else:
        assert anchor is None or not anchor.get("href")
    assert "this" in html
