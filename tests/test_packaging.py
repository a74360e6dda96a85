"""The installed distribution: entry points, and a wheel that carries templates and assets."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from mkdocs_llmblog import LlmBlogPlugin

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("group", ["mkdocs.plugins", "properdocs.plugins"])
def test_the_plugin_is_registered_as_llmblog(group: str) -> None:
    [entry_point] = entry_points(group=group, name="llmblog")
    assert entry_point.value == "mkdocs_llmblog.plugin:LlmBlogPlugin"
    assert entry_point.load() is LlmBlogPlugin


@pytest.mark.slow
def test_the_wheel_carries_templates_stylesheet_and_type_marker(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
            "--quiet", "-w", str(tmp_path), str(REPO),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    [wheel] = tmp_path.glob("mkdocs_llmblog-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    templates = {
        p.relative_to(REPO).as_posix()
        for p in (REPO / "mkdocs_llmblog" / "templates").rglob("*")
        if p.is_file()
    }
    assert templates, "no templates found in the source tree"
    assert templates <= names
    assert "mkdocs_llmblog/templates/llmblog/llmblog.css" in names
    assert "mkdocs_llmblog/py.typed" in names
    [entry_points_txt] = [n for n in names if n.endswith("entry_points.txt")]
    text = zipfile.ZipFile(wheel).read(entry_points_txt).decode()
    assert "[mkdocs.plugins]" in text
    assert "[properdocs.plugins]" in text
