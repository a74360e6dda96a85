"""The documentation site builds strictly, and its options reference matches the code."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Comment, Tag
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_llmblog.config import LlmBlogConfig
from mkdocs_llmblog.config.material import MATERIAL_DEFAULTS, MaterialBlogOptions

pytestmark = pytest.mark.slow

REPO_ROOT = Path(__file__).resolve().parent.parent
MARKER = "docs:options-reference"
HEADER = ["Option", "Type", "Default", "Description"]


def _options_table(soup: BeautifulSoup) -> Tag:
    for table in soup.find_all("table"):
        assert isinstance(table, Tag)
        header = [cell.get_text(strip=True) for cell in table.find_all("th")]
        if header == HEADER:
            return table
    raise AssertionError(f"no table with the header {HEADER} on the configuration page")


def test_options_reference_lists_every_option(tmp_path: Path) -> None:
    site_dir = tmp_path / "site"
    config = load_config(
        config_file=str(REPO_ROOT / "mkdocs.yml"), site_dir=str(site_dir), strict=True
    )
    build(config)

    html = (site_dir / "configuration" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    leftover_markers = [
        text for text in soup.find_all(string=lambda s: isinstance(s, Comment)) if MARKER in text
    ]
    assert not leftover_markers, "the options reference marker was not replaced"

    rows: dict[str, list[str]] = {}
    for row in _options_table(soup).find_all("tr"):
        assert isinstance(row, Tag)
        cells = [cell.get_text(" ", strip=True) for cell in row.find_all("td")]
        if cells:
            rows[cells[0]] = cells

    material_names = {name for name, _ in MaterialBlogOptions._schema}
    option_names = [name for name, _ in LlmBlogConfig._schema if name not in material_names]
    assert list(rows) == option_names
    for name in option_names:
        _, type_name, default, description = rows[name]
        assert type_name, f"option {name!r} has no type"
        assert default, f"option {name!r} has no default"
        assert description, f"option {name!r} has no description"


def test_the_migration_page_lists_every_option_of_materials_blog(tmp_path: Path) -> None:
    site_dir = tmp_path / "site"
    config = load_config(
        config_file=str(REPO_ROOT / "mkdocs.yml"), site_dir=str(site_dir), strict=True
    )
    build(config)

    html = (site_dir / "migrating-from-material" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    names = []
    for table in soup.find_all("table"):
        assert isinstance(table, Tag)
        header = [cell.get_text(strip=True) for cell in table.find_all("th")]
        if header and header[0] == "Material option":
            names = [
                row.find("td").get_text(strip=True)
                for row in table.find_all("tr")
                if isinstance(row, Tag) and row.find("td") is not None
            ]
    assert names == list(MATERIAL_DEFAULTS)
