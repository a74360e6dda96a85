"""Unit tests of images.pillow: what a source image's header tells."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mkdocs_llmblog.images.copies import ImageProblem
from mkdocs_llmblog.images.pillow import inspect_image
from tests import imagefiles

ROOT = Path(__file__).resolve().parents[2]


def test_an_image_over_the_pixel_limit_gets_one_message(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(imagefiles.decompression_bomb())
    with pytest.raises(ImageProblem) as problem:
        inspect_image(str(bomb), 100_000_000)
    assert str(problem.value) == (
        "is 20000x20000 pixels, more than the 100,000,000 allowed (a decompression bomb?); "
        "shrink it or raise 'max_image_pixels'"
    )


def test_an_image_within_the_limit_is_read(tmp_path: Path) -> None:
    bomb = tmp_path / "big.png"
    bomb.write_bytes(imagefiles.decompression_bomb())
    source = inspect_image(str(bomb), 400_000_000)
    assert (source.width, source.height, source.format) == (20000, 20000, "PNG")


def test_an_image_worker_imports_neither_mkdocs_nor_jinja() -> None:
    # A worker process unpickles `write_copies`, importing `images.pool` and `images.pillow`:
    # the package itself must not pull in the plugin (MkDocs, Jinja, Markdown) for them.
    script = (
        "import sys, mkdocs_llmblog.images.pool, mkdocs_llmblog.images.pillow\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'mkdocs', 'jinja2', 'markdown'}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.strip() == "[]"
    # The plugin is still there for whoever asks the package for it.
    check = "from mkdocs_llmblog import LlmBlogPlugin; print(LlmBlogPlugin.__name__)"
    plugin = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert plugin.stdout.strip() == "LlmBlogPlugin"
