"""Share cards on real builds: the PNG, its og:image tags, modes, cache, template and scripts."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag
from PIL import Image

from tests.conftest import LogWatcher
from tests.sitebuilder import BuiltSite, build_site, dirty_build, post, write_project

SITE_URL = "https://example.com/sub/"
DEJAVU = "/usr/share/fonts/truetype/dejavu"
"""Debian's fonts-dejavu-core, which .ci/run installs: fonts of known coverage (no CJK)."""
CARD_CACHE = Path(".cache", "llmblog", "cards")
TEXT_PANEL_EDGE = 720
"""With the default `side` layout, the featured image fills the card right of this."""


def meta(soup: BeautifulSoup, key: str) -> str | None:
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return str(tag["content"]) if isinstance(tag, Tag) else None


def plugin(**options: Any) -> dict[str, Any]:
    return {"site_url": SITE_URL, "plugins": [{"llmblog": options}]}


def png(width: int, height: int, colour: tuple[int, int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, "PNG")
    return buffer.getvalue()


def halves(left: tuple[int, int, int], right: tuple[int, int, int]) -> bytes:
    """A 2400x630 picture, one colour on its left half, another on its right."""
    wide = Image.new("RGB", (2400, 630), left)
    wide.paste(right, (1200, 0, 2400, 630))
    buffer = io.BytesIO()
    wide.save(buffer, "PNG")
    return buffer.getvalue()


def card_of(site: BuiltSite, url_path: str) -> Image.Image:
    """The card `og:image` names on a post page, opened (and checked to be a 1200x630 PNG)."""
    soup = site.html(url_path)
    url = meta(soup, "og:image")
    assert url is not None, f"no og:image on {url_path}"
    assert url.startswith(f"{SITE_URL}llmblog/cards/"), url
    assert meta(soup, "og:image:type") == "image/png"
    assert (meta(soup, "og:image:width"), meta(soup, "og:image:height")) == ("1200", "630")
    assert meta(soup, "twitter:card") == "summary_large_image"
    assert meta(soup, "twitter:image") == url
    with Image.open(site.site_dir / url.removeprefix(SITE_URL)) as card:
        assert card.format == "PNG"
        assert card.size == (1200, 630)
        return card.convert("RGB")


def close(pixel: Any, colour: tuple[int, int, int], tolerance: int = 12) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=True))


def ink_columns(card: Image.Image, box: tuple[int, int, int, int]) -> tuple[int, int] | None:
    """The leftmost and rightmost columns inside `box` holding near-white pixels (text)."""
    region = card.crop(box).convert("L").point(lambda value: 255 if value > 200 else 0)
    bounds = region.getbbox()
    return None if bounds is None else (box[0] + bounds[0], box[0] + bounds[2])


POSTS: dict[str, str | bytes] = {
    "blog/posts/plain.md": post({"date": "2024-05-01", "title": "Plain post", "authors": ["ada"]}),
    "blog/posts/pictured.md": post(
        {
            "date": "2024-05-02",
            "title": "Pictured post",
            "image": {"path": "green.png", "alt": "Green"},
        }
    ),
    "blog/posts/green.png": png(1600, 900, (0, 160, 0)),
    "blog/posts/opted-out.md": post(
        {"date": "2024-05-03", "title": "No card", "share_card": False}
    ),
    "blog/.authors.yml": "authors:\n  ada:\n    name: Ada Lovelace\n    avatar: blog/ada.png\n",
    "blog/ada.png": png(200, 200, (220, 30, 30)),
}


@pytest.mark.parametrize("mode", ["missing", "all"])
def test_missing_and_all_modes(tmp_path: Path, mode: str) -> None:
    site = build_site(tmp_path, plugin(share_cards=mode), POSTS)
    card_of(site, "blog/2024/05/01/plain-post")
    pictured = site.html("blog/2024/05/02/pictured-post")
    if mode == "missing":
        # A post with a featured image keeps its 1200x630 crop of it.
        assert str(meta(pictured, "og:image")).startswith(f"{SITE_URL}llmblog/images/")
        assert meta(pictured, "og:image:type") == "image/jpeg"
    else:
        card = card_of(site, "blog/2024/05/02/pictured-post")
        assert close(card.getpixel((1000, 315)), (0, 160, 0))  # the featured image, at the side
    # `share_card: false`: no card, and without a featured image no og:image at all.
    opted_out = site.html("blog/2024/05/03/no-card")
    assert meta(opted_out, "og:image") is None
    assert meta(opted_out, "twitter:card") == "summary"
    assert len(list((site.site_dir / "llmblog" / "cards").iterdir())) == (
        1 if mode == "missing" else 2
    )


def test_a_local_avatar_is_drawn_round(tmp_path: Path) -> None:
    site = build_site(tmp_path, plugin(share_cards="missing", image_workers=1), POSTS)
    card = card_of(site, "blog/2024/05/01/plain-post")
    background = (31, 41, 55)
    # The avatar's circle, 56 pixels wide at the bottom left, inside the padding of 64.
    assert close(card.getpixel((92, 538)), (220, 30, 30))
    assert close(card.getpixel((65, 511)), background)  # the square's corner, outside the circle
    assert close(card.getpixel((30, 400)), background)


def test_the_focal_point_moves_the_crop(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "blog/posts/wide.png": halves((255, 0, 0), (0, 0, 255)),
        "blog/posts/left.md": post(
            {
                "date": "2024-05-01",
                "title": "Left",
                "image": {"path": "wide.png", "alt": "w", "focal_point": [0, 0.5]},
            }
        ),
        "blog/posts/right.md": post(
            {
                "date": "2024-05-02",
                "title": "Right",
                "image": {"path": "wide.png", "alt": "w", "focal_point": [1, 0.5]},
            }
        ),
    }
    site = build_site(tmp_path, plugin(share_cards="all"), files)
    left = card_of(site, "blog/2024/05/01/left").getpixel((960, 315))
    right = card_of(site, "blog/2024/05/02/right").getpixel((960, 315))
    assert close(left, (255, 0, 0))
    assert close(right, (0, 0, 255))


@pytest.mark.slow
def test_a_warm_build_draws_nothing(tmp_path: Path) -> None:
    files = dict(POSTS)
    config = plugin(share_cards="all")
    first = build_site(tmp_path, config, files)
    cache = tmp_path / CARD_CACHE
    drawn = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in cache.rglob("*.png")}
    assert len(drawn) == 2
    site_cards = sorted((first.site_dir / "llmblog" / "cards").iterdir())
    # The site's cards are hard links to the read-only cache files.
    assert {p.stat().st_ino for p in site_cards} <= {inode for inode, _ in drawn.values()}

    build_site(tmp_path, config, files)
    assert {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in cache.rglob("*.png")} == drawn
    # Nor does a warm build load Pillow, which drawing needs.
    script = (
        "import sys; from mkdocs.config import load_config; from mkdocs.commands.build import "
        "build; build(load_config(config_file=sys.argv[1], site_dir=sys.argv[2])); "
        "print('PIL' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "mkdocs.yml"), str(tmp_path / "site")],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.stdout.strip() == "False", result.stderr
    assert {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in cache.rglob("*.png")} == drawn

    # A new title draws that post's card again, and only that one.
    files["blog/posts/plain.md"] = post(
        {"date": "2024-05-01", "title": "Plain post", "authors": ["ada"], "description": "New"}
    )
    files["blog/posts/pictured.md"] = post(
        {"date": "2024-05-02", "title": "Renamed", "image": {"path": "green.png", "alt": "G"}}
    )
    third = build_site(tmp_path, config, files)
    now = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in cache.rglob("*.png")}
    assert len(set(now) - set(drawn)) == 1
    assert all(now[p] == drawn[p] for p in set(now) & set(drawn))
    card_of(third, "blog/2024/05/02/renamed")


def test_template_colours_logo_and_fill_layout(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        **POSTS,
        "assets/logo.png": png(120, 120, (250, 250, 0)),
    }
    (tmp_path / "card.toml").parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / "card.toml").write_text(
        'background = "#102030"\naccent = "#ff00ff"\nlogo = "assets/logo.png"\n',
        encoding="utf-8",
    )
    site = build_site(tmp_path, plugin(share_cards="all", share_card_template="card.toml"), files)
    card = card_of(site, "blog/2024/05/01/plain-post")
    assert close(card.getpixel((30, 400)), (0x10, 0x20, 0x30))
    assert close(card.getpixel((600, 5)), (255, 0, 255))  # the accent strip along the top
    assert close(card.getpixel((92, 92)), (250, 250, 0))  # the logo, 56 pixels high, top left

    fill = build_site(
        tmp_path / "fill",
        plugin(
            share_cards="all",
            share_card_template={"layout": "fill", "background": "#000000", "overlay_opacity": 0.5},
        ),
        POSTS,
    )
    pictured = card_of(fill, "blog/2024/05/02/pictured-post")
    # The green picture under a half-black veil, across the whole card.
    assert close(pictured.getpixel((30, 400)), (0, 80, 0))
    assert close(pictured.getpixel((1180, 400)), (0, 80, 0))


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("shape: round\n", r"card\.yml: unknown key\(s\) shape; known: accent"),
        ("background: navy\n", r"card\.yml: key 'background' must be a colour written #rgb"),
        ("title_font: fonts/none.ttf\n", r"card\.yml: key 'title_font': 'fonts/none\.ttf' does"),
        ("logo: ../outside.png\n", r"card\.yml: key 'logo' '\.\./outside\.png' leads out"),
        ("logo: nowhere.png\n", r"card\.yml: key 'logo' 'nowhere\.png' does not exist"),
        ("background: [\n", r"card\.yml: is not valid YAML"),
    ],
)
def test_bad_templates_name_the_file_and_key(tmp_path: Path, template: str, message: str) -> None:
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "card.yml").write_text(template, encoding="utf-8")
    site = build_site(
        tmp_path,
        plugin(share_cards="all", share_card_template="card.yml"),
        POSTS,
        expect_error=True,
    )
    errors = "\n".join(site.errors)
    assert "Plugin 'llmblog' option 'share_card_template': card.yml" in errors
    assert re.search(message, errors), errors
    assert "Traceback" not in errors


def test_a_bad_mode_is_named(tmp_path: Path) -> None:
    config_file = write_project(tmp_path, plugin(share_cards="some"), POSTS)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_file)],
        capture_output=True,
        text=True,
        check=False,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": ""},
    )
    assert result.returncode != 0
    assert "Plugin 'llmblog' option 'share_cards': must be one of off, missing, all" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr


def test_yaml_off_is_off(tmp_path: Path) -> None:
    (tmp_path).mkdir(parents=True, exist_ok=True)
    site = build_site(tmp_path, plugin(share_cards=False), POSTS)
    assert meta(site.html("blog/2024/05/01/plain-post"), "og:image") is None
    assert not (site.site_dir / "llmblog" / "cards").exists()


@pytest.mark.parametrize(
    "title",
    ["\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd", "\u0645\u0631\u062d\u0628\u0627"],
    ids=["hebrew", "arabic"],
)
def test_right_to_left_titles_are_drawn_from_the_right(tmp_path: Path, title: str) -> None:
    from PIL import features

    assert features.check("raqm"), "this Pillow has no libraqm: cards cannot shape the title"
    files: dict[str, str | bytes] = {
        "blog/posts/rtl.md": post({"date": "2024-05-01", "title": title, "slug": "rtl"})
    }
    site = build_site(tmp_path, plugin(share_cards="all"), files)
    card = card_of(site, "blog/2024/05/01/rtl")
    # The title's line (from y=156, 68 pixels high): its ink ends at the right padding.
    columns = ink_columns(card, (0, 156, 1200, 240))
    assert columns is not None
    left, right = columns
    assert 1100 <= right <= 1136
    assert left > 600


def only_dejavu(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fontconfig sees DejaVu only (no CJK font), wherever the test runs."""
    folder.mkdir(parents=True, exist_ok=True)
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
        f"<fontconfig><dir>{DEJAVU}</dir><cachedir>{folder / 'fc-cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("FONTCONFIG_FILE", str(conf))


def test_a_cjk_title_without_a_cjk_font_warns_naming_the_post(
    tmp_path: Path, log_watcher: LogWatcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    only_dejavu(tmp_path / "fontconfig", monkeypatch)
    log_watcher.expect(
        r"docs/blog/posts/tokyo\.md: its share card is not drawn: the font DejaVuSans-Bold\.ttf "
        r"has no glyph for '東京の夏' in its title, nor has any system font.*'title_font'"
    )
    files: dict[str, str | bytes] = {
        "blog/posts/tokyo.md": post({"date": "2024-05-01", "title": "東京の夏", "slug": "tokyo"}),
        "blog/posts/latin.md": post({"date": "2024-05-02", "title": "Latin"}),
    }
    template = {
        "title_font": f"{DEJAVU}/DejaVuSans-Bold.ttf",
        "text_font": f"{DEJAVU}/DejaVuSans.ttf",
    }
    site = build_site(
        tmp_path, plugin(share_cards="all", share_card_template=template), files, strict=False
    )
    # The post gets no card (and has no featured image to fall back on); the others do.
    tokyo = site.html("blog/2024/05/01/tokyo")
    assert meta(tokyo, "og:image") is None
    card_of(site, "blog/2024/05/02/latin")


def test_a_title_the_font_lacks_is_drawn_in_a_system_font_that_has_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    only_dejavu(tmp_path / "fontconfig", monkeypatch)
    # DejaVu Serif has no Hebrew; fontconfig finds DejaVu Sans, which has.
    template = {"title_font": f"{DEJAVU}/DejaVuSerif-Bold.ttf"}
    title = "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd"
    files: dict[str, str | bytes] = {
        "blog/posts/rtl.md": post({"date": "2024-05-01", "title": title, "slug": "rtl"}),
        "blog/posts/latin.md": post({"date": "2024-05-02", "title": "Latin", "slug": "latin"}),
    }
    site = build_site(tmp_path, plugin(share_cards="all", share_card_template=template), files)
    hebrew = card_of(site, "blog/2024/05/01/rtl")
    card_of(site, "blog/2024/05/02/latin")
    columns = ink_columns(hebrew, (0, 156, 1200, 240))
    assert columns is not None
    assert columns[1] > 1100  # from the right


def test_fontconfig_is_asked_once_for_many_titles_one_font_has(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mkdocs_llmblog.cards import fonts

    only_dejavu(tmp_path / "fontconfig", monkeypatch)
    searches: list[str] = []
    run_fc_match = fonts._run_fc_match

    def counted(pattern: str) -> str | None:
        searches.append(pattern)
        return run_fc_match(pattern)

    monkeypatch.setattr(fonts, "_run_fc_match", counted)
    template = {"title_font": f"{DEJAVU}/DejaVuSerif-Bold.ttf"}
    files: dict[str, str | bytes] = {
        f"blog/posts/p{day}.md": post(
            {
                "date": f"2024-05-0{day}",
                "title": f"\u05e9\u05dc\u05d5\u05dd {day}",
                "slug": f"p{day}",
            }
        )
        for day in range(1, 6)
    }
    site = build_site(tmp_path, plugin(share_cards="all", share_card_template=template), files)
    for day in range(1, 6):
        card_of(site, f"blog/2024/05/0{day}/p{day}")
    assert len([pattern for pattern in searches if ":charset=" in pattern]) == 1


def test_without_system_fonts_the_bundled_font_is_used_with_one_warning(
    tmp_path: Path, log_watcher: LogWatcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mkdocs_llmblog.cards import planner

    monkeypatch.setattr(planner, "system_font", lambda weight: None)
    log_watcher.expect(r"Share cards: no system font was found, so cards use Pillow's bundled")
    site = build_site(tmp_path, plugin(share_cards="all"), POSTS, strict=False)
    card_of(site, "blog/2024/05/01/plain-post")
    assert len([m for m in log_watcher.messages() if "no system font" in m]) == 1


def test_titles_are_escaped_in_the_tags(tmp_path: Path) -> None:
    title = 'A "quoted" <b>title</b> & more'
    files: dict[str, str | bytes] = {
        "blog/posts/x.md": post({"date": "2024-05-01", "title": title, "slug": "x"})
    }
    site = build_site(tmp_path, plugin(share_cards="all"), files)
    soup = site.html("blog/2024/05/01/x")
    card_of(site, "blog/2024/05/01/x")
    assert meta(soup, "og:image:alt") == title
    assert meta(soup, "og:title") == title
    raw = site.page_path("blog/2024/05/01/x").read_text(encoding="utf-8")
    assert "<b>title</b>" not in raw.split("</head>")[0]


def test_the_og_tags_on_each_theme_and_url_style(
    tmp_path: Path, theme: str, use_directory_urls: bool
) -> None:
    config = {
        **plugin(share_cards="missing"),
        "theme": theme,
        "use_directory_urls": use_directory_urls,
    }
    site = build_site(tmp_path, config, POSTS)
    card_of(site, "blog/2024/05/01/plain-post")
    pictured = site.html("blog/2024/05/02/pictured-post")
    url = str(meta(pictured, "og:image"))
    assert url.startswith(f"{SITE_URL}llmblog/images/")
    assert os.path.isfile(site.site_dir / url.removeprefix(SITE_URL))


def test_no_site_url_draws_no_card(tmp_path: Path, log_watcher: LogWatcher) -> None:
    log_watcher.expect(r"site_url is not set")
    config = {"site_url": None, "plugins": [{"llmblog": {"share_cards": "all"}}]}
    site = build_site(tmp_path, config, POSTS, strict=False)
    assert meta(site.html("blog/2024/05/01/plain-post"), "og:image") is None
    assert not (tmp_path / CARD_CACHE).exists()


def test_a_bad_template_stops_a_build_without_site_url_too(tmp_path: Path) -> None:
    config = {
        "site_url": None,
        "plugins": [{"llmblog": {"share_cards": "all", "share_card_template": {"shape": "x"}}}],
    }
    site = build_site(tmp_path, config, POSTS, expect_error=True)
    errors = "\n".join(site.errors)
    assert "Plugin 'llmblog' option 'share_card_template': unknown key(s) shape" in errors
    assert "Traceback" not in errors


def test_a_card_that_cannot_be_drawn_is_a_warning_naming_the_post(
    tmp_path: Path, log_watcher: LogWatcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mkdocs_llmblog.cards import planner
    from mkdocs_llmblog.cards.fonts import CardFont, covers

    log_watcher.expect(r"docs/blog/posts/plain\.md: its share card could not be drawn")
    fonts = tmp_path / "fonts"
    fonts.mkdir(parents=True)
    cut = fonts / "cut.ttf"
    cut.write_bytes(Path(DEJAVU, "DejaVuSans-Bold.ttf").read_bytes())

    def damaged_once_read(font: CardFont) -> Any:
        # The font is sound when the build plans the card, and damaged before it is drawn.
        covered = covers(font)
        if font.path == str(cut):
            cut.write_bytes(b"not a font any more")
        return covered

    monkeypatch.setattr(planner, "covers", damaged_once_read)
    files = {"blog/posts/plain.md": POSTS["blog/posts/plain.md"]}
    config = plugin(share_cards="all", share_card_template={"title_font": "fonts/cut.ttf"})
    site = build_site(tmp_path, config, files, strict=False)
    # The post keeps no og:image (it has no featured image), and the site no broken file.
    assert meta(site.html("blog/2024/05/01/plain-post"), "og:image") is None
    assert not list((site.site_dir / "llmblog").rglob("*.png"))


def test_two_posts_that_show_the_same_share_one_drawing(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "blog/posts/one.md": post({"date": "2024-05-01", "title": "Same", "slug": "one"}),
        "blog/posts/two.md": post({"date": "2024-05-01", "title": "Same", "slug": "two"}),
    }
    site = build_site(tmp_path, plugin(share_cards="all"), files)
    one = card_of(site, "blog/2024/05/01/one")
    two = card_of(site, "blog/2024/05/01/two")
    assert one.tobytes() == two.tobytes()
    assert len(list((tmp_path / CARD_CACHE).rglob("*.png"))) == 1


def test_the_date_is_written_in_the_sites_language(tmp_path: Path) -> None:
    files = {"blog/posts/plain.md": post({"date": "2024-05-01", "title": "Plain post"})}
    cards = []
    for language in ("en", "de"):
        config = {**plugin(share_cards="all"), "theme": {"name": "mkdocs", "locale": language}}
        site = build_site(tmp_path / language, config, files)
        cards.append(card_of(site, "blog/2024/05/01/plain-post"))
    english, german = cards
    # Only the byline differs ("May 1, 2024", "1. Mai 2024"): the title's part is the same.
    assert english.crop((0, 0, 1200, 480)).tobytes() == german.crop((0, 0, 1200, 480)).tobytes()
    assert english.crop((0, 480, 1200, 630)).tobytes() != german.crop((0, 480, 1200, 630)).tobytes()


def test_emoji_the_font_lacks_are_left_out_not_the_card(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "blog/posts/launch.md": post(
            {"date": "2024-05-01", "title": "\U0001f680 Launch day", "slug": "launch"}
        ),
        "blog/posts/plain.md": post({"date": "2024-05-01", "title": "Launch day", "slug": "plain"}),
    }
    site = build_site(tmp_path, plugin(share_cards="all"), files)
    # No warning, and the card is the one of the title without the rocket.
    launch = card_of(site, "blog/2024/05/01/launch")
    plain = card_of(site, "blog/2024/05/01/plain")
    assert launch.tobytes() == plain.tobytes()
    assert meta(site.html("blog/2024/05/01/launch"), "og:image:alt") == "\U0001f680 Launch day"


def test_a_dirty_build_after_a_template_change_points_each_post_at_its_new_card(
    tmp_path: Path, log_watcher: LogWatcher
) -> None:
    log_watcher.expect(r"A 'dirty' build is being performed")
    (tmp_path / "card.yml").parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / "card.yml").write_text('background: "#102030"\n', encoding="utf-8")
    write_project(tmp_path, plugin(share_cards="all", share_card_template="card.yml"), POSTS)
    dirty_build(tmp_path, dirty=False)
    # The template file changes, not mkdocs.yml nor any post: only the cards show it.
    (tmp_path / "card.yml").write_text('background: "#305010"\n', encoding="utf-8")
    site = dirty_build(tmp_path, dirty=True)
    card = card_of(site, "blog/2024/05/01/plain-post")
    assert close(card.getpixel((30, 400)), (0x30, 0x50, 0x10))
