"""Redirects the importer writes stay in their folders and never replace a page (issue #19)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.wxr.helpers import build_imported_site, new_site, read_yaml, run_cli, write_wxr, wxr_item

Capsys = pytest.CaptureFixture[str]

HOSTILE_NICENAMES = ["..", "%2e%2e", "a%2Fb", "back%5Cslash", "tab%09bed", "%20"]


def term(domain: str, nicename: str, name: str) -> str:
    return f'<category domain="{domain}" nicename="{nicename}"><![CDATA[{name}]]></category>'


def test_term_addresses_are_decoded_and_hostile_ones_are_named(
    tmp_path: Path, capsys: Capsys
) -> None:
    terms = "".join(
        term("category", nicename, f"Category {index}") + term("post_tag", nicename, f"Tag {index}")
        for index, nicename in enumerate(HOSTILE_NICENAMES)
    )
    terms += term("category", "%e6%97%a5", "日") + term("post_tag", "%e6%97%a5", "日")
    docs = new_site(tmp_path)
    export = write_wxr(
        tmp_path / "export.xml",
        wxr_item(1, "Terms", name="terms", link="https://example.com/terms/", raw_terms=terms),
    )

    run = run_cli(capsys, "import-wordpress", export, "--docs-dir", docs)

    assert run.code == 0, run.err
    redirects = read_yaml(tmp_path / "redirects.yml")
    term_redirects = {
        old: new for old, new in redirects.items() if old.startswith(("category/", "tag/"))
    }
    # Only the nicename that is one folder is redirected, at the address a server decodes.
    assert set(term_redirects) == {
        "category/日/index.md",
        "category/日/feed/index.md",
        "tag/日/index.md",
        "tag/日/feed/index.md",
    }
    for old in redirects:
        segments = old.split("/")
        assert "\\" not in old, old
        assert ".." not in segments, old
        assert "" not in segments, old
        assert all(ord(char) >= 0x20 for char in old), old
    notes = run.out.split("To look at:\n")[1]
    for index in range(len(HOSTILE_NICENAMES)):
        assert f"category Category {index}: its old address cannot be a folder" in notes
        assert f"tag Tag {index}: its old address cannot be a folder" in notes


def test_two_old_tag_addresses_of_one_tag_page_both_redirect(
    tmp_path: Path, capsys: Capsys
) -> None:
    docs = new_site(tmp_path)
    export = write_wxr(
        tmp_path / "export.xml",
        wxr_item(1, "One", name="one", raw_terms=term("post_tag", "cpp", "C++")),
        wxr_item(2, "Two", name="two", raw_terms=term("post_tag", "c-2", "c++")),
    )

    run = run_cli(capsys, "import-wordpress", export, "--docs-dir", docs)

    assert run.code == 0, run.err
    redirects = read_yaml(tmp_path / "redirects.yml")
    assert redirects["tag/cpp/index.md"] == "blog/tag/c-plus-plus.md"
    assert redirects["tag/c-2/index.md"] == "blog/tag/c-plus-plus.md"


@pytest.mark.parametrize("page", ["about.md", "about/index.md", "about/README.md"])
def test_no_redirect_is_written_over_a_page_of_the_site(
    tmp_path: Path, capsys: Capsys, page: str
) -> None:
    docs = new_site(tmp_path)
    (docs / page).parent.mkdir(parents=True, exist_ok=True)
    (docs / page).write_text("# About\n", encoding="utf-8")
    (docs / "feed.md").write_text("# Our feeds\n", encoding="utf-8")
    export = write_wxr(
        tmp_path / "export.xml",
        wxr_item(1, "About us", name="about-us", link="https://example.com/about/"),
        wxr_item(2, "Kept", name="kept", link="https://example.com/kept/"),
    )

    run = run_cli(capsys, "import-wordpress", export, "--docs-dir", docs)

    assert run.code == 0, run.err
    redirects = read_yaml(tmp_path / "redirects.yml")
    assert "about/index.md" not in redirects
    assert "feed/index.md" not in redirects
    assert redirects["kept/index.md"] == "blog/posts/kept.md"
    notes = run.out.split("To look at:\n")[1]
    assert "/about/: a page of the site is at this old address now; not redirected" in notes
    assert "/feed/: a page of the site is at this old address now; not redirected" in notes
    (summary,) = [line for line in run.out.splitlines() if line.startswith("  Redirects:")]
    assert summary.split()[1:3] == [str(len(redirects)), "(1"]
    assert "1 posts" in summary
    assert "feed" not in summary


def test_old_addresses_too_long_for_a_file_name_get_no_redirect_and_the_site_builds(
    tmp_path: Path, capsys: Capsys
) -> None:
    long_name = "a" * 300
    docs = new_site(tmp_path)
    export = write_wxr(
        tmp_path / "export.xml",
        wxr_item(
            1,
            "Long",
            name="long",
            link=f"https://example.com/{long_name}/",
            raw_terms=term("post_tag", long_name, "Long tag")
            + term("category", "%e6%97%a5" * 100, "Long category"),
        ),
    )

    run = run_cli(capsys, "import-wordpress", export, "--docs-dir", docs)

    assert run.code == 0, run.err
    redirects = read_yaml(tmp_path / "redirects.yml")
    for old in redirects:
        assert all(len(part.encode()) <= 250 for part in old.split("/")), old
    notes = run.out.split("To look at:\n")[1]
    assert "cannot be redirected by a static site" in notes
    assert "tag Long tag: its old address cannot be a folder" in notes
    assert "category Long category: its old address cannot be a folder" in notes
    site = build_imported_site(tmp_path, redirects)
    assert (site.site_dir / "blog/tag/long-tag/index.html").is_file()


def test_no_redirect_is_written_over_an_imported_post_or_a_page_the_blog_makes(
    tmp_path: Path, capsys: Capsys
) -> None:
    docs = new_site(tmp_path)
    export = write_wxr(
        tmp_path / "export.xml",
        wxr_item(1, "A", name="a", link="https://example.com/old-a/"),
        # Old addresses where the blog now publishes post A, and the tag's page.
        wxr_item(2, "B", name="b", link="https://example.com/blog/2024/02/01/a/"),
        wxr_item(
            3,
            "C",
            name="c",
            link="https://example.com/blog/tag/python/",
            raw_terms=term("post_tag", "python", "Python"),
        ),
    )

    run = run_cli(capsys, "import-wordpress", export, "--docs-dir", docs)

    assert run.code == 0, run.err
    redirects = read_yaml(tmp_path / "redirects.yml")
    assert redirects["old-a/index.md"] == "blog/posts/a.md"
    assert "blog/2024/02/01/a/index.md" not in redirects
    assert "blog/tag/python/index.md" not in redirects
    notes = run.out.split("To look at:\n")[1]
    assert "/blog/2024/02/01/a/: a page of the site is at this old address now" in notes
    assert "/blog/tag/python/: a page of the site is at this old address now" in notes
    site = build_imported_site(tmp_path, redirects)
    post_page = site.html("blog/2024/02/01/a")
    assert post_page.find("meta", attrs={"http-equiv": "refresh"}) is None
    assert "A" in [h.get_text(strip=True) for h in post_page.select("h1")]
    tag_page = site.html("blog/tag/python")
    assert tag_page.find("meta", attrs={"http-equiv": "refresh"}) is None
    assert tag_page.select(".llmblog-post-card")
