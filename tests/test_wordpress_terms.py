"""Tags and categories an export spells in several ways import as one each, and the site builds
strictly (issue #19: tags become tags, categories keep their hierarchy)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_llmblog.wordpress.terms import TermSpellings
from tests.wxr.helpers import (
    build_imported_site,
    new_site,
    read_post,
    read_yaml,
    run_cli,
    write_wxr,
    wxr_item,
)

Capsys = pytest.CaptureFixture[str]


def term(domain: str, nicename: str, name: str) -> str:
    return f'<category domain="{domain}" nicename="{nicename}"><![CDATA[{name}]]></category>'


def test_terms_of_one_page_get_one_spelling_and_the_site_builds_strictly(
    tmp_path: Path, capsys: Capsys
) -> None:
    many_tags = "".join(term("post_tag", f"t{n}", f"Tag {n}") for n in range(150))
    docs = new_site(tmp_path)
    export = write_wxr(
        tmp_path / "export.xml",
        wxr_item(
            1,
            "First",
            name="first",
            date_gmt="2024-01-01 10:00:00",
            raw_terms=term("post_tag", "cpp", "C++")
            + term("post_tag", "python", "Python")
            + term("category", "news", "News"),
        ),
        wxr_item(
            2,
            "Second",
            name="second",
            date_gmt="2024-01-02 10:00:00",
            raw_terms=term("post_tag", "c-2", "c++")
            + term("post_tag", "python-2", " python ")
            + term("post_tag", "python-3", "PYTHON")
            + term("category", "news-2", "news"),
        ),
        wxr_item(3, "Many", name="many", date_gmt="2024-01-03 10:00:00", raw_terms=many_tags),
    )

    run = run_cli(capsys, "import-wordpress", export, "--docs-dir", docs)

    assert run.code == 0, run.err
    posts = docs / "blog/posts"
    first, second = read_post(posts / "first.md").meta, read_post(posts / "second.md").meta
    assert first["tags"] == ["C++", "Python"]
    assert second["tags"] == ["C++", "Python"]
    assert first["categories"] == second["categories"] == ["News"]
    many = read_post(posts / "many.md").meta
    assert many["tags"] == [f"Tag {n}" for n in range(100)]
    assert "many.md: has 150 tags; the first 100 are kept" in run.out
    redirects = read_yaml(tmp_path / "redirects.yml")
    for old in ("tag/cpp", "tag/c-2"):
        assert redirects[f"{old}/index.md"] == "blog/tag/c-plus-plus.md"
    for old in ("category/news", "category/news-2"):
        assert redirects[f"{old}/index.md"] == "blog/category/news.md"

    site = build_imported_site(tmp_path, redirects)
    assert (site.site_dir / "blog/tag/c-plus-plus/index.html").is_file()
    assert (site.site_dir / "tag/c-2/index.html").is_file()


def test_term_spellings_keep_the_first_of_each_page() -> None:
    spellings = TermSpellings()
    assert spellings.tag("C++") == "C++"
    assert spellings.tag("c++") == "C++"
    assert spellings.tag("  c  ++ ") == "C++"  # the same slug, c-plus-plus
    assert spellings.tag("\x01\x02 ") is None
    assert spellings.tag("Tab\x0bbed") == "Tabbed"
    assert spellings.category("Tech/Web") == "Tech/Web"
    assert spellings.category("tech/web") == "Tech/Web"
    assert spellings.category("TECH/Mobile") == "Tech/Mobile"
    assert spellings.category("Web") == "Web"  # a root of its own, not Tech's child
