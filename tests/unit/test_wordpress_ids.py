"""WordPress ids: reading them, and the map a build writes (merged on --dirty builds)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mkdocs_llmblog.render.wordpress_ids import (
    IDS_FILE,
    id_script_tag,
    read_id_map,
    write_id_map,
)
from mkdocs_llmblog.sources.legacy_ids import page_wordpress_id, wordpress_item_id


@pytest.mark.parametrize(
    ("text", "number"),
    [("123", 123), (" 7 ", 7), ("0", None), ("²", None), ("١٢", None), ("-1", None), ("", None),
     ("1" * 19, None), ("12\n", 12), ("1e3", None)],
)  # fmt: skip
def test_wordpress_item_id_takes_ascii_digits_from_one(text: str, number: int | None) -> None:
    assert wordpress_item_id(text) == number


def test_page_wordpress_id_gives_the_number_or_the_bad_value() -> None:
    assert page_wordpress_id({"wordpress_id": 5}) == 5
    assert page_wordpress_id({}) is None
    assert page_wordpress_id({"wordpress_id": True}) == "True"
    assert page_wordpress_id({"wordpress_id": 0}) == "0"


def test_the_map_merges_an_earlier_build_where_pages_still_exist(tmp_path: Path) -> None:
    earlier = {"1": "old/", "2": "moved/", "3": "gone/", "x": "about/"}
    write_id_map(str(tmp_path), {2: "new/", 4: "moved/"}, earlier, {"old/", "moved/", "about/"})
    written = json.loads((tmp_path / IDS_FILE).read_text(encoding="utf-8"))
    # 1 kept; 2 and 4 from this build (4 took moved/ from 2); 3's page is gone; x is no id.
    assert written == {"1": "old/", "2": "new/", "4": "moved/"}
    assert list(written) == ["1", "2", "4"]
    assert read_id_map(str(tmp_path)) == written


def test_without_ids_no_map_is_left(tmp_path: Path) -> None:
    write_id_map(str(tmp_path), {1: "a/"}, {}, set())
    assert (tmp_path / IDS_FILE).is_file()
    write_id_map(str(tmp_path), {}, {}, set())
    assert not (tmp_path / IDS_FILE).exists()
    assert read_id_map(str(tmp_path)) == {}


def test_the_script_tag_is_relative_to_the_page() -> None:
    assert id_script_tag("") == '\n<script src="llmblog/wordpress-ids.js" defer></script>'
