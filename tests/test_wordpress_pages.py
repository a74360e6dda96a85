"""WordPress pages become ordinary MkDocs pages beside the blog, their hierarchy and order kept."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from mkdocs_llmblog.wordpress.pages import nav_snippet, page_depths, plan_pages
from mkdocs_llmblog.wordpress.wxr import read_export
from tests.sitebuilder import build_site
from tests.wxr.helpers import make_uploads, new_site, read_post, run_cli, write_wxr, wxr_item

Capsys = pytest.CaptureFixture[str]
HOME = "https://example.com"


def page(
    post_id: int,
    title: str,
    name: str,
    link: str,
    *,
    parent: int = 0,
    menu_order: int = 0,
    status: str = "publish",
    password: str = "",
    content: str = "Text.",
    excerpt: str = "",
) -> str:
    return wxr_item(
        post_id,
        title,
        name=name,
        link=f"{HOME}{link}",
        post_type="page",
        parent=parent,
        menu_order=menu_order,
        status=status,
        password=password,
        content=content,
        excerpt=excerpt,
    )


def site_export(path: Path) -> Path:
    return write_wxr(
        path,
        wxr_item(1, "A post", name="a-post", link=f"{HOME}/2024/02/01/a-post/"),
        page(
            10,
            "About &amp; us",
            "about",
            "/about/",
            menu_order=2,
            content='<p>We are <a href="https://example.com/2024/02/01/a-post/">here</a>.</p>'
            '<p><img src="https://example.com/wp-content/uploads/2023/05/gear.png" alt="Gear"></p>',
            excerpt="Who we are",
        ),
        page(11, "Team", "team", "/about/team/", parent=10, menu_order=1),
        page(12, "History", "history", "/about/history/", parent=10, menu_order=0),
        page(13, "Contact", "contact", "/contact/", menu_order=1),
        page(14, "Old draft", "old-draft", "/?page_id=14", status="draft"),
        page(15, "Members", "members", "/members/", password="secret"),
        page(16, "Blog", "blog", "/blog/", menu_order=3),
        page(17, "Sub of draft", "sub", "/old-draft/sub/", parent=14),
    )


def test_pages_are_written_as_folders_of_their_parents(tmp_path: Path, capsys: Capsys) -> None:
    docs = new_site(tmp_path)
    export = site_export(tmp_path / "export.xml")
    uploads = make_uploads(tmp_path / "uploads")

    run = run_cli(capsys, "import-wordpress", export, "--docs-dir", docs, "--uploads", uploads)

    assert run.code == 0, run.err
    written = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")}
    assert written == {
        "index.md",
        "blog/posts/a-post.md",
        "about.md",
        "about/team.md",
        "about/history.md",
        "contact.md",
        "sub.md",  # its parent is a draft: it moves up
    }
    about = read_post(docs / "about.md")
    assert about.meta == {"title": "About & us", "description": "Who we are", "wordpress_id": 10}
    assert "![Gear](about/gear.png)" in about.body
    assert (docs / "about/gear.png").read_bytes() == (uploads / "2023/05/gear.png").read_bytes()
    # A page's link to a post keeps the old address, which the redirects serve.
    assert "[here](https://example.com/2024/02/01/a-post/)" in about.body
    assert "Pages imported:" in run.out
    assert "Pages not imported:" in run.out
    assert "Old draft: status 'draft'; only published pages are imported" in run.out
    assert "Members: password-protected" in run.out
    assert "Blog: its address 'blog/' is the blog's index's" in run.out
    # Pages MkDocs publishes where WordPress did get no redirect; a moved one does.
    redirects = yaml.safe_load((tmp_path / "redirects.yml").read_text(encoding="utf-8"))
    assert redirects["old-draft/sub/index.md"] == "sub.md"
    assert not {"about/index.md", "about/team/index.md", "contact/index.md"} & set(redirects)

    nav_text = run.out.split("use these lines as the nav of mkdocs.yml", 1)[1]
    nav_text = nav_text.split("\n\n", 1)[1].split("\n\n", 1)[0]
    assert yaml.safe_load(nav_text) == {
        "nav": [
            {"Home": "index.md"},
            {"Blog": "blog/index.md"},
            {"Sub of draft": "sub.md"},
            {"Contact": "contact.md"},
            {
                "About & us": [
                    "about.md",
                    {"History": "about/history.md"},
                    {"Team": "about/team.md"},
                ]
            },
        ]
    }


@pytest.mark.parametrize("theme", ["material", "mkdocs", "readthedocs"])
def test_imported_pages_build_at_their_wordpress_addresses(
    tmp_path: Path, capsys: Capsys, theme: str
) -> None:
    docs = new_site(tmp_path)
    export = site_export(tmp_path / "export.xml")
    uploads = make_uploads(tmp_path / "uploads")
    run = run_cli(capsys, "import-wordpress", export, "--docs-dir", docs, "--uploads", uploads)
    assert run.code == 0, run.err
    nav_text = run.out.split("use these lines as the nav of mkdocs.yml", 1)[1]
    nav = yaml.safe_load(nav_text.split("\n\n", 1)[1].split("\n\n", 1)[0])["nav"]

    site = build_site(
        tmp_path,
        {"site_url": "https://example.com/", "theme": theme, "nav": nav, "plugins": ["llmblog"]},
        {},
    )

    for address, title in [
        ("about/", "About & us"),
        ("about/team/", "Team"),
        ("about/history/", "History"),
        ("contact/", "Contact"),
    ]:
        html = (site.site_dir / address / "index.html").read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        assert soup.title is not None
        assert title in soup.title.get_text()
    about = BeautifulSoup(
        (site.site_dir / "about/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    image = about.select_one('img[alt="Gear"]')
    assert image is not None
    assert (site.site_dir / "about" / str(image["src"])).resolve() == (
        site.site_dir / "about/gear.png"
    ).resolve()
    # The nav snippet orders the pages as WordPress's menu did.
    nav_links = [a.get_text(strip=True) for a in about.select("a[href]")]
    assert nav_links.index("Contact") < nav_links.index("History") < nav_links.index("Team")


def test_running_the_import_again_keeps_an_edited_page(tmp_path: Path, capsys: Capsys) -> None:
    docs = new_site(tmp_path)
    export = site_export(tmp_path / "export.xml")
    assert run_cli(capsys, "import-wordpress", export, "--docs-dir", docs).code == 0
    (docs / "contact.md").write_text("# Call us\n", encoding="utf-8")
    team_before = (docs / "about/team.md").read_text(encoding="utf-8")

    again = run_cli(capsys, "import-wordpress", export, "--docs-dir", docs)
    assert "contact.md: page exists; not imported (--force overwrites)" in again.out
    forced = run_cli(capsys, "import-wordpress", export, "--docs-dir", docs, "--force")

    assert forced.code == 0
    assert (docs / "contact.md").read_text(encoding="utf-8") == "# Call us\n"
    assert str(docs / "contact.md") in forced.out.split("Kept,", 1)[1]
    assert (docs / "about/team.md").read_text(encoding="utf-8") == team_before


def test_a_page_loop_or_a_missing_parent_does_not_stop_the_plan(tmp_path: Path) -> None:
    export = read_export(
        write_wxr(
            tmp_path / "export.xml",
            page(20, "A", "a", "/a/", parent=21),
            page(21, "B", "b", "/b/", parent=20),
            page(22, "Orphan", "orphan", "/gone/orphan/", parent=99),
            page(23, "Same", "same", "/same/"),
            page(24, "Same", "same", "/same-2/"),
        )
    )

    plan = plan_pages(export.items, {"index": "the home page"})

    # The loop is cut where it closes: the first page of it read is the parent.
    assert sorted(page.path for page in plan.all_pages()) == [
        "a.md",
        "a/b.md",
        "orphan.md",
        "same-2.md",
        "same.md",
    ]
    assert nav_snippet(plan, "blog").startswith("nav:\n- Home: index.md\n- Blog: blog/index.md\n")


def test_a_child_page_never_takes_its_parents_address(tmp_path: Path) -> None:
    export = read_export(
        write_wxr(
            tmp_path / "export.xml",
            page(30, "About", "about", "/about/"),
            page(31, "Index", "index", "/about/index/", parent=30),
            page(32, "Readme", "readme", "/about/readme/", parent=30),
            page(33, "Read me", "README", "/README/"),
            page(34, "Home", "index", "/index/"),
        )
    )

    plan = plan_pages(export.items, {"index": "the home page"})

    assert sorted(page.path for page in plan.all_pages()) == [
        "about.md",
        "about/index-2.md",
        "about/readme-2.md",
        "readme-2.md",
    ]
    # A top page called index would be the home page: left out and listed, as documented.
    assert [title for title, _ in plan.skipped] == ["Home"]
    assert "the home page" in plan.skipped[0][1]


def test_deep_pages_nest_ten_folders_deep_at_most_whatever_their_order(tmp_path: Path) -> None:
    # A chain of 15 pages, each the parent of the next, written children first.
    chain = [
        page(
            100 + level,
            f"Level {level}",
            f"l{level}",
            f"/l{level}/",
            parent=99 + level if level else 0,
        )
        for level in range(15)
    ]
    export = read_export(write_wxr(tmp_path / "export.xml", *reversed(chain)))

    plan = plan_pages(export.items, {"index": "the home page"})

    paths = {page.title: page.path for page in plan.all_pages()}
    assert paths["Level 0"] == "l0.md"
    assert paths["Level 3"] == "l0/l1/l2/l3.md"
    nested_ten = "/".join(f"l{level}" for level in range(10))
    assert paths["Level 10"] == f"{nested_ten}/l10.md"
    for level in range(11, 15):  # beside their parent, in the tenth folder
        assert paths[f"Level {level}"] == f"{nested_ten}/l{level}.md"
    assert len(set(paths.values())) == 15


def test_a_long_chain_of_pages_is_planned_with_its_depths(tmp_path: Path) -> None:
    chain = [
        page(1000 + n, f"P{n}", f"p{n}", f"/p{n}/", parent=999 + n if n else 0) for n in range(3000)
    ]
    export = read_export(write_wxr(tmp_path / "export.xml", *chain))

    plan = plan_pages(export.items, {"index": "the home page"})

    assert len(plan.all_pages()) == 3000
    assert max(page.path.count("/") for page in plan.all_pages()) == 10
    depths = page_depths({item.post_id: item for item in export.items})
    assert [depths[str(1000 + n)] for n in (0, 1, 2999)] == [0, 1, 2999]
