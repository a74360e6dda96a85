"""Unit tests of images.pillow: what a source image's header tells."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_llmblog.images.copies import ImageProblem
from mkdocs_llmblog.images.pillow import inspect_image
from tests import imagefiles


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
