"""`llmblog material-urls`: the dry run that lists every URL of a Material blog that would
change with llmblog, checked against real builds with both plugins; its redirect map given to
mkdocs-redirects leads each old URL to the page."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from mkdocs_llmblog.cli import main
from tests.sitebuilder import BuiltSite, build_site, write_project
from tests.test_material_parity import material_blog, read_site


def blog_without_untitled_posts() -> dict[str, str | bytes]:
    """The parity blog without its post that has no title (an error under llmblog's rules)."""
    files = material_blog()
    del files["blog/posts/no-heading-here.md"]
    return files


def run_cli(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(["material-urls", *args])
    return status, out.getvalue()


def docs_listing(root: Path) -> dict[str, bytes]:
    docs = root / "docs"
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*") if p.is_file()}


def material_project(root: Path, plugin: Any, files: dict[str, str | bytes]) -> Path:
    return write_project(root, {"theme": "material", "plugins": ["search", plugin]}, files)


def built(root: Path, plugin: str, files: dict[str, str | bytes]) -> BuiltSite:
    return build_site(root, {"theme": "material", "plugins": [plugin]}, files)


@pytest.mark.slow
def test_the_dry_run_lists_exactly_the_urls_a_switch_changes(tmp_path: Path) -> None:
    files = blog_without_untitled_posts()
    del files["blog/index.md"]  # Material's plugin would write it into docs_dir
    config_file = material_project(tmp_path / "project", "blog", files)
    before = docs_listing(tmp_path / "project")

    status, output = run_cli("-f", str(config_file))

    assert docs_listing(tmp_path / "project") == before  # nothing written into the project
    material = read_site(
        build_site(tmp_path / "material", {"theme": "material", "plugins": ["blog"]}, files), True
    )
    ours = read_site(
        build_site(tmp_path / "llmblog", {"theme": "material", "plugins": ["llmblog"]}, files),
        False,
    )
    gone = {url for url in material.pages | material.files if url.startswith("blog/")}
    gone -= ours.pages | ours.files
    listed = {line.split("  ->  ")[0] for line in output.splitlines() if "  ->  " in line}
    assert gone  # the blog has URLs that change: the test means something
    assert listed == gone
    assert status == 1
    assert f"{len(gone)} of " in output


@pytest.mark.slow
def test_with_materials_rules_no_url_changes(tmp_path: Path) -> None:
    config_file = material_project(
        tmp_path, {"llmblog": {"compatibility": "material"}}, material_blog()
    )

    status, output = run_cli("-f", str(config_file))

    assert status == 0
    assert "URLs stay the same" in output


@pytest.mark.slow
def test_the_redirect_map_leads_each_old_url_to_its_page(tmp_path: Path) -> None:
    files = blog_without_untitled_posts()
    config_file = material_project(tmp_path / "project", "blog", files)
    _, output = run_cli("-f", str(config_file), "--redirects")
    mapping = yaml.safe_load(output.split("redirect_maps:`\n", 1)[1])
    assert any(target.startswith("blog/posts/") for target in mapping.values())  # a post
    assert any(old.startswith("blog/category/") for old in mapping)  # and `C++`'s page

    site: BuiltSite = build_site(
        tmp_path / "site",
        {
            "theme": "material",
            "plugins": ["llmblog", {"redirects": {"redirect_maps": mapping}}],
        },
        files,
    )

    for old_page, target in mapping.items():
        old_url = old_page.removesuffix("index.md")
        refresh = site.html(old_url).select_one('meta[http-equiv="refresh"]')
        assert refresh is not None, old_url
        new_url = str(refresh["content"]).split("url=", 1)[1]
        landed = (site.page_path(old_url).parent / new_url).resolve()
        if landed.is_dir():
            landed = landed / "index.html"
        assert landed.is_file(), (old_url, target)
        page = BeautifulSoup(landed.read_text(encoding="utf-8"), "html.parser")
        assert page.select_one('meta[http-equiv="refresh"]') is None  # a page, not a redirect
        kind = "article.llmblog-post" if target.startswith("blog/posts/") else ".llmblog-post-card"
        assert page.select_one(kind) is not None, (old_url, target)


def test_a_config_without_a_blog_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config_file = write_project(tmp_path, {"plugins": ["search"]}, {"index.md": "# Home\n"})

    status, _ = run_cli("-f", str(config_file))

    assert status == 2
    assert "no blog plugin" in capsys.readouterr().err


@pytest.mark.slow
def test_materials_meta_files_are_read_by_both_layouts(tmp_path: Path) -> None:
    files = blog_without_untitled_posts()
    files["blog/posts/travel/.meta.yml"] = "categories: [Ünterwegs]\n"
    files["blog/posts/travel/trip.md"] = "---\ndate: 2024-03-01\n---\n\n# A trip\n\nT.\n"
    plugins: list[Any] = ["meta", "llmblog"]
    config_file = write_project(tmp_path, {"theme": "material", "plugins": plugins}, files)

    _, output = run_cli("-f", str(config_file))

    # The category comes from the meta file only; Material keeps its letters, llmblog's own
    # slugs are ASCII.
    assert "blog/category/ünterwegs/  ->  blog/category/unterwegs/" in output
