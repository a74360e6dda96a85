"""Unit tests of share cards' pure parts: wrapping, direction, coverage, template, cache key."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_llmblog.cards.jobs import CardImage, CardJob
from mkdocs_llmblog.cards.planner import byline, card_key
from mkdocs_llmblog.cards.template import (
    CardTemplate,
    CardTemplateError,
    parse_colour,
    parse_template,
    read_template,
)
from mkdocs_llmblog.cards.text import (
    ELLIPSIS,
    break_units,
    direction_of,
    is_symbol,
    missing_characters,
    needs_shaping,
    without,
    wrap,
)


def width(text: str) -> float:
    """Ten pixels a character: a font whose widths are easy to reason about."""
    return 10.0 * len(text)


# Wrapping


def test_a_short_title_is_one_line() -> None:
    assert wrap("Hello world", 200, width, 3) == (["Hello world"], False)


def test_words_move_to_the_next_line_whole() -> None:
    lines, cut = wrap("The quick brown fox jumps", 100, width, 3)
    assert lines == ["The quick", "brown fox", "jumps"]
    assert not cut


def test_a_title_over_the_line_limit_ends_with_an_ellipsis() -> None:
    lines, cut = wrap("The quick brown fox jumps over the lazy dog", 100, width, 2)
    assert cut
    assert lines == ["The quick", f"brown fox{ELLIPSIS}"]


def test_the_ellipsis_shortens_a_full_last_line() -> None:
    lines, cut = wrap("abcdefghij klm", 100, width, 1)
    assert cut
    assert lines == [f"abcdefghi{ELLIPSIS}"]
    assert width(lines[0]) <= 100


def test_a_word_wider_than_the_line_is_broken() -> None:
    lines, cut = wrap("Supercalifragilistic", 100, width, 3)
    assert lines == ["Supercalif", "ragilistic"]
    assert not cut


def test_chinese_and_japanese_break_between_characters() -> None:
    assert break_units("東京 の夏") == ["東", "京", " ", "の", "夏"]
    lines, cut = wrap("東京の夏は暑いです", 40, width, 3)
    assert lines == ["東京の夏", "は暑いで", "す"]
    assert not cut


@given(
    st.lists(st.text(alphabet="abcdefghij東京", min_size=1, max_size=14), max_size=12),
    st.integers(min_value=1, max_value=4),
)
def test_wrapped_lines_fit_and_keep_the_words(words: list[str], max_lines: int) -> None:
    text = " ".join(words)
    lines, cut = wrap(text, 100, width, max_lines)
    assert len(lines) <= max_lines
    assert all(width(line) <= 100 for line in lines)
    if not cut:
        assert "".join("".join(lines).split()) == "".join(text.split())
    else:
        assert lines[-1].endswith(ELLIPSIS)


# Direction and characters


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("Hello", "ltr"),
        ("שלום world", "rtl"),
        ("مرحبا", "rtl"),
        ("2024: שלום", "rtl"),
        ("Hi שלום", "ltr"),
        ("123", "ltr"),
    ],
)
def test_direction_is_the_first_strong_letters(text: str, direction: str) -> None:
    assert direction_of(text) == direction


def test_scripts_that_need_shaping() -> None:
    assert needs_shaping("مرحبا")
    assert needs_shaping("שלום")
    assert needs_shaping("नमस्ते")
    assert not needs_shaping("Hello, Grüße")
    assert not needs_shaping("東京")


def test_missing_characters_ignore_spaces_and_marks_and_come_once() -> None:
    covered = {ord(c) for c in "Helo"}
    assert missing_characters(["Hello 東京東\u200f"], covered.__contains__) == ["東", "京"]
    assert missing_characters(["Hello"], covered.__contains__) == []


def test_symbols_can_be_left_out() -> None:
    assert is_symbol("\U0001f680")
    assert is_symbol("\u2605")
    assert not is_symbol("a")
    assert not is_symbol("東")
    rocket_family = "Launch \U0001f680 day \U0001f468\u200d\U0001f469\u200d\U0001f467\ufe0f!"
    assert without(rocket_family, ["\U0001f680", "\U0001f468", "\U0001f469", "\U0001f467"]) == (
        "Launch day !"
    )


def test_byline() -> None:
    assert byline(["Ada", "Alan"], "May 4, 2024") == "Ada, Alan \u00b7 May 4, 2024"
    assert byline([], "May 4, 2024") == "May 4, 2024"


# Template


def test_colours() -> None:
    assert parse_colour("#fff") == (255, 255, 255, 255)
    assert parse_colour("#12345678") == (0x12, 0x34, 0x56, 0x78)
    assert parse_colour("#1e293b") == (0x1E, 0x29, 0x3B, 255)
    assert parse_colour("blue") is None
    assert parse_colour("#12345") is None
    assert parse_colour(255) is None


def test_a_template_mapping_is_read() -> None:
    template = parse_template(
        {"layout": "fill", "background": "#000", "title_lines": 2, "overlay_opacity": 0.5}, None
    )
    assert template == CardTemplate(
        layout="fill", background=(0, 0, 0, 255), title_lines=2, overlay_opacity=0.5
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"colour": "#fff"}, "card.yml: unknown key(s) colour; known: accent, background"),
        ({"background": "navy"}, "card.yml: key 'background' must be a colour written #rgb"),
        ({"layout": "top"}, "card.yml: key 'layout' must be one of side, fill, not 'top'"),
        ({"title_lines": 9}, "card.yml: key 'title_lines' must be a whole number from 1 to 5"),
        ({"title_lines": True}, "card.yml: key 'title_lines' must be a whole number"),
        ({"overlay_opacity": 2}, "card.yml: key 'overlay_opacity' must be a number from 0 to 1"),
        ({"logo": ""}, "card.yml: key 'logo' must be a file path"),
        ({"image_side": "top"}, "card.yml: key 'image_side' must be one of right, left"),
    ],
)
def test_bad_template_keys_are_named(data: dict[str, object], message: str) -> None:
    with pytest.raises(CardTemplateError) as error:
        parse_template(data, "card.yml")
    assert str(error.value).startswith(message)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("card.yml", "background: '#102030'\nlayout: fill\n"),
        ("card.toml", 'background = "#102030"\nlayout = "fill"\n'),
        ("card.json", '{"background": "#102030", "layout": "fill"}'),
    ],
)
def test_template_files_of_each_format(tmp_path: Path, name: str, text: str) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    template, shown = read_template(name, str(tmp_path))
    assert shown == name
    assert template.background == (0x10, 0x20, 0x30, 255)
    assert template.layout == "fill"


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("card.yml", "background: [", "card.yml: is not valid YAML"),
        ("card.toml", "background = ", "card.toml: is not valid TOML"),
        ("card.json", "{", "card.json: is not valid JSON"),
        ("card.yml", "- a list", "card.yml: must hold a mapping of keys"),
        ("card.txt", "x", "card.txt: the template must be a .yml, .yaml, .toml or .json file"),
    ],
)
def test_bad_template_files_are_named(tmp_path: Path, name: str, text: str, message: str) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(CardTemplateError) as error:
        read_template(name, str(tmp_path))
    assert str(error.value).startswith(message)


def test_a_missing_template_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(CardTemplateError) as error:
        read_template("nowhere.yml", str(tmp_path))
    assert str(error.value).startswith("nowhere.yml: no such file")


def test_no_template_is_the_default() -> None:
    assert read_template(None, "/") == (CardTemplate(), None)


# Cache key


def a_job(**changes: object) -> CardJob:
    job = CardJob(
        target_path="/cache/a.png",
        post_path="docs/blog/posts/a.md",
        title="Hello",
        site_name="Site",
        byline="Ada \u00b7 May 4, 2024",
        image=CardImage("/docs/a.png", (0.5, 0.5)),
        avatars=(CardImage("/docs/ada.png"),),
        logo=None,
        template=CardTemplate(),
        title_font="/fonts/bold.ttf",
        text_font="/fonts/regular.ttf",
    )
    return dataclasses.replace(job, **changes)  # type: ignore[arg-type]


FINGERPRINTS = {
    "/docs/a.png": "image-hash",
    "/docs/b.png": "image-hash",
    "/docs/ada.png": "avatar-hash",
    "/fonts/bold.ttf": "bold|1|2",
    "/fonts/regular.ttf": "regular|1|2",
}


def test_the_key_is_the_same_for_the_same_card() -> None:
    assert card_key(a_job(), FINGERPRINTS) == card_key(a_job(), dict(FINGERPRINTS))
    # Where it is written, and which post it is for, are not what it shows.
    assert card_key(a_job(target_path="/x.png", post_path="x.md"), FINGERPRINTS) == card_key(
        a_job(), FINGERPRINTS
    )


def test_the_key_follows_content_not_paths() -> None:
    moved = a_job(image=CardImage("/docs/b.png", (0.5, 0.5)))
    assert card_key(moved, FINGERPRINTS) == card_key(a_job(), FINGERPRINTS)
    edited = {**FINGERPRINTS, "/docs/a.png": "new-hash"}
    assert card_key(a_job(), edited) != card_key(a_job(), FINGERPRINTS)


@pytest.mark.parametrize(
    "changes",
    [
        {"title": "Hello!"},
        {"site_name": "Other"},
        {"byline": "Ada \u00b7 May 5, 2024"},
        {"image": None},
        {"image": CardImage("/docs/a.png", (0.1, 0.5))},
        {"avatars": ()},
        {"template": CardTemplate(accent=(0, 0, 0, 255))},
        {"title_font": None},
    ],
)
def test_the_key_changes_with_what_is_drawn(changes: dict[str, object]) -> None:
    fingerprints = {**FINGERPRINTS, "bundled": "pillow"}
    assert card_key(a_job(**changes), fingerprints) != card_key(a_job(), fingerprints)


def test_a_font_edit_changes_the_key() -> None:
    edited = {**FINGERPRINTS, "/fonts/bold.ttf": "bold|1|3"}
    assert card_key(a_job(), edited) != card_key(a_job(), FINGERPRINTS)


# Fonts


def test_a_font_file_replaced_in_place_is_read_again(tmp_path: Path) -> None:
    from mkdocs_llmblog.cards.fonts import covered_characters

    dejavu = Path("/usr/share/fonts/truetype/dejavu")
    font = tmp_path / "font.ttf"
    font.write_bytes((dejavu / "DejaVuSans.ttf").read_bytes())
    assert ord("Ж") in covered_characters(str(font))
    # The same path, another font (Pillow's own has Latin letters only), as `mkdocs serve` sees
    # it when a site swaps its font.
    from PIL import ImageFont

    font.write_bytes(ImageFont.load_default(size=12).font_bytes)  # type: ignore[union-attr]
    os.utime(font, ns=(1_000_000_000, 1_000_000_000))
    covered = covered_characters(str(font))
    assert ord("A") in covered
    assert ord("Ж") not in covered


def test_a_font_file_that_is_not_a_font_is_refused(tmp_path: Path) -> None:
    from mkdocs_llmblog.cards.fonts import FontProblem, font_file

    fake = tmp_path / "fake.ttf"
    fake.write_bytes(b"not a font")
    with pytest.raises(FontProblem, match=r"'fake\.ttf' cannot be read as a font"):
        font_file(str(fake), "fake.ttf")
    text = tmp_path / "font.txt"
    text.write_text("x", encoding="utf-8")
    with pytest.raises(FontProblem, match=r"'font\.txt' is not a \.ttf, \.otf or \.ttc font file"):
        font_file(str(text), "font.txt")
    with pytest.raises(FontProblem, match=r"'none\.ttf' does not exist"):
        font_file(str(tmp_path / "none.ttf"), "none.ttf")
