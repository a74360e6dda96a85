"""The blog's layout, measured in a real browser on every theme, not only its presence.

The example site is built once per theme (with its draft published and thumbnails in Recent posts,
so the draft mark and every short list with images are on the pages), served, and read in
Chromium at a phone's and a desktop's width, in the light and the dark scheme. Bounding boxes
say whether a thumbnail sits beside its title, whether a badge or list item overflows, whether
the page scrolls sideways and whether an image is stretched.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

# Importing test_browser skips this module too where Playwright or chromium is missing.
from tests.browsing import serving
from tests.test_browser import WIDTHS, Reader, browser
from tests.test_example_site import ARTICLE_URL, EXAMPLE

__all__ = ["browser"]  # The module-scoped browser fixture, shared with test_browser.

THEMES = ("material", "mkdocs", "readthedocs")
PAGES = {
    "home": "",
    "blog": "blog/",
    "post": ARTICLE_URL + "/",
    "category": "blog/category/ai/",
    "archive": "blog/archive/2025/",
}
"""One page of each kind the blog makes, and the site's home page with its embedded list."""
SCHEMES = ("light", "dark")
WIDGET_HEADINGS = ("llmblog-recent", "llmblog-categories", "llmblog-archive")

pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Served:
    theme: str
    url: str


def build_layout_example(root: Path, theme: str) -> Path:
    """The example site on `theme`, its draft published, thumbnails in Recent posts."""
    settings = yaml.safe_load((EXAMPLE / "mkdocs.yml").read_text(encoding="utf-8"))
    # The mkdocs and readthedocs themes fetch highlight.js from a CDN unless told not to; the
    # example highlights code with Pygments, and the test machine is offline. (The mkdocs
    # theme's `color_mode: auto` would follow prefers-color-scheme, but its script then fails
    # without highlight.js: the dark runs check the mkdocs and readthedocs themes in their one
    # scheme, and Material in its slate scheme.)
    settings["theme"] = (
        {**settings["theme"], "name": theme}
        if theme == "material"
        else {"name": theme, "highlightjs": False}
    )
    settings["docs_dir"] = str(EXAMPLE / "docs")
    settings["plugins"] = [
        "search",
        {
            "llmblog": {
                "cache_dir": str(root / "cache"),
                "draft": True,
                "recent_posts_thumbnails": True,
            }
        },
    ]
    config_file = root / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(settings), encoding="utf-8")
    site_dir = root / "site"
    build(load_config(config_file=str(config_file), site_dir=str(site_dir), strict=True))
    return site_dir


@pytest.fixture(scope="module", params=THEMES)
def served(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Served]:
    theme: str = request.param
    site_dir = build_layout_example(tmp_path_factory.mktemp(f"layout-{theme}"), theme)
    with serving(site_dir) as base:
        yield Served(theme, base)


GEOMETRY_SCRIPT = """
() => {
  const problems = [];
  const shown = el => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden";
  };
  const where = el => {
    const place = el.closest(".llmblog-widgets, .llmblog-related, .llmblog-embed, .llmblog-list,"
      + " .llmblog-post-nav, article");
    return (place ? place.className.split(" ")[0] + " " : "") + JSON.stringify(
      (el.textContent || el.getAttribute("src") || "").trim().slice(0, 40));
  };
  const px = 1.5;  // sub-pixel rounding

  const scroll = document.documentElement.scrollWidth - document.documentElement.clientWidth;
  if (scroll > px) problems.push(`the page scrolls sideways by ${scroll}px`);

  let thumbs = 0;
  for (const item of document.querySelectorAll(".llmblog-post-link")) {
    const thumb = item.querySelector(".llmblog-thumb");
    const title = item.querySelector(":scope > a");
    if (!thumb || !title || !shown(item)) continue;
    thumbs += 1;
    const t = thumb.getBoundingClientRect();
    const a = title.getBoundingClientRect();
    let top = a.top, bottom = a.bottom;
    for (const part of item.querySelectorAll(":scope > :not(.llmblog-thumb)")) {
      const r = part.getBoundingClientRect();
      top = Math.min(top, r.top); bottom = Math.max(bottom, r.bottom);
    }
    if (t.right > a.left + px) problems.push(`thumbnail not beside its title: ${where(item)}`);
    if (t.top >= a.bottom || a.top >= t.bottom)
      problems.push(`thumbnail not on its title's line: ${where(item)}`);
    // The theme's own image rules (the mkdocs theme: margins, padding, a border) stay off it.
    const gap = parseFloat(getComputedStyle(item).fontSize);
    if (a.left - t.right > gap || Math.abs(t.top - item.getBoundingClientRect().top) > px)
      problems.push(`thumbnail ${a.left - t.right}px from its title, `
        + `${t.top - item.getBoundingClientRect().top}px below its item's top: ${where(item)}`);
    if (t.height > bottom - top + px)
      problems.push(`thumbnail (${t.height}px) taller than its title block `
        + `(${bottom - top}px): ${where(item)}`);
  }

  // No theme's frame or spacing around a thumbnail (the mkdocs theme's `.col-md-9 img`).
  for (const thumb of document.querySelectorAll(".llmblog-thumb")) {
    if (!shown(thumb)) continue;
    const style = getComputedStyle(thumb);
    const frame = ["padding", "border", "margin"].flatMap(box =>
      ["Top", "Right", "Bottom", "Left"].map(side =>
        parseFloat(style[box + side + (box === "border" ? "Width" : "")]) || 0));
    if (frame.some(size => Math.abs(size) > 0.5))
      problems.push(`thumbnail framed by the theme (${frame.join(" ")}): ${where(thumb)}`);
  }

  const items = ".llmblog-post-link, .llmblog-widget-list li, .llmblog-post-list-item,"
    + " .llmblog-trail li, .llmblog-draft, .llmblog-thumb, .llmblog-featured img";
  for (const el of document.querySelectorAll(items)) {
    if (!shown(el) || !el.parentElement) continue;
    const r = el.getBoundingClientRect();
    const box = el.parentElement.getBoundingClientRect();
    if (r.left < box.left - px || r.right > box.right + px)
      problems.push(`${el.tagName.toLowerCase()}.${el.className} (${r.width}px) wider than `
        + `its container (${box.width}px): ${where(el)}`);
  }

  for (const li of document.querySelectorAll(
      ".llmblog-widgets li, .llmblog-post-link, .llmblog-trail li, .llmblog-post-list-item")) {
    const style = getComputedStyle(li);
    if (shown(li) && style.display === "list-item" && style.listStyleType !== "none")
      problems.push(`bullet (${style.listStyleType}) on ${where(li)}`);
  }

  // Each widget's list, and the category trail, start where their heading or box starts.
  const lines = [];
  for (const widget of document.querySelectorAll(".llmblog-widget")) {
    const title = widget.querySelector(".llmblog-widget-title");
    const first = widget.querySelector(":scope > ul > li");
    if (title && first && shown(first)) lines.push([title, first, widget]);
  }
  for (const trail of document.querySelectorAll(".llmblog-trail")) {
    const first = trail.querySelector("li");
    if (first && shown(first)) lines.push([trail, first, trail]);
  }
  for (const [start, first, owner] of lines) {
    const indent = first.getBoundingClientRect().left - start.getBoundingClientRect().left;
    if (Math.abs(indent) > px)
      problems.push(`${owner.className}: list indented ${indent}px from its start`);
  }

  for (const time of document.querySelectorAll(".llmblog-post-link > time")) {
    const before = time.previousElementSibling;
    if (!before || !shown(time)) continue;
    const gap = time.getBoundingClientRect().top - before.getBoundingClientRect().bottom;
    if (gap > parseFloat(getComputedStyle(time).fontSize) * 0.5)
      problems.push(`${gap}px between a title and its date: ${where(time)}`);
  }

  for (const widgets of document.querySelectorAll(".llmblog-widgets--after-content")) {
    if (!shown(widgets)) continue;
    const bottom = widgets.getBoundingClientRect().bottom;
    for (const next of document.querySelectorAll(".rst-footer-buttons, .md-footer, footer")) {
      const top = next.getBoundingClientRect().top;
      if (shown(next) && top >= bottom - px && top - bottom < 12)
        problems.push(`widgets ${top - bottom}px from the theme's ${next.className || "footer"}`);
    }
  }

  // A heading inside an excerpt is no bigger than the excerpt's text, smaller than the title.
  for (const heading of document.querySelectorAll(
      ".llmblog-excerpt h1, .llmblog-excerpt h2, .llmblog-excerpt h3, .llmblog-excerpt h4")) {
    const card = heading.closest(".llmblog-post-card");
    const title = card && card.querySelector(".llmblog-post-card-title");
    const text = heading.closest(".llmblog-excerpt");
    if (!shown(heading) || !title) continue;
    const size = parseFloat(getComputedStyle(heading).fontSize);
    if (size > parseFloat(getComputedStyle(text).fontSize) * 1.05
        || size >= parseFloat(getComputedStyle(title).fontSize))
      problems.push(`excerpt heading ${size}px like a page heading: ${where(heading)}`);
  }

  let badges = 0;
  for (const badge of document.querySelectorAll(".llmblog-draft")) {
    if (!shown(badge)) continue;
    badges += 1;
    const range = document.createRange();
    range.selectNodeContents(badge);
    const text = range.getBoundingClientRect().width;
    const style = getComputedStyle(badge);
    const room = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight)
      + parseFloat(style.borderLeftWidth) + parseFloat(style.borderRightWidth);
    const width = badge.getBoundingClientRect().width;
    if (width > text + room + 2 * px)
      problems.push(`draft mark stretched to ${width}px for ${text}px of text: ${where(badge)}`);
  }

  for (const img of document.querySelectorAll("img")) {
    if (!shown(img) || !img.complete || !img.naturalWidth || !img.naturalHeight) continue;
    const r = img.getBoundingClientRect();
    const style = getComputedStyle(img);
    const inner = (r.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
      - parseFloat(style.borderLeftWidth) - parseFloat(style.borderRightWidth))
      / (r.height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom)
      - parseFloat(style.borderTopWidth) - parseFloat(style.borderBottomWidth));
    const natural = img.naturalWidth / img.naturalHeight;
    if (style.objectFit === "fill" && Math.abs(inner / natural - 1) > 0.04)
      problems.push(`image stretched (${inner.toFixed(2)} for ${natural.toFixed(2)}): `
        + where(img));
  }
  return {problems, thumbs, badges};
}
"""

LOAD_IMAGES_SCRIPT = """
async () => {
  for (const img of document.querySelectorAll("img[loading=lazy]")) img.loading = "eager";
  await Promise.all([...document.images].map(img => img.complete ? null
    : new Promise(done => { img.onload = img.onerror = done; })));
}
"""

HEADINGS_SCRIPT = """
(names) => names.map(name => {
  const found = [...document.querySelectorAll(`.llmblog-widgets .${name} .llmblog-widget-title`)]
    .map(el => ({box: el.getBoundingClientRect(), el}))
    .filter(({box}) => box.width > 0 && box.height > 0)
    .map(({box, el}) => ({
      top: box.top + window.scrollY, bottom: box.bottom + window.scrollY,
      placement: el.closest(".llmblog-widgets").className,
    }));
  return {name, found};
})
"""


def _reader(browser: Any, device: str, scheme: str) -> Reader:
    width, height = WIDTHS[device]
    return Reader(browser, width, height, scheme=scheme)


def _open(reader: Reader, url: str) -> None:
    reader.open(url)
    reader.page.evaluate(LOAD_IMAGES_SCRIPT)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("device", sorted(WIDTHS))
def test_geometry_of_every_page_kind(
    browser: Any, served: Served, device: str, scheme: str
) -> None:
    reader = _reader(browser, device, scheme)
    problems: list[str] = []
    thumbs = badges = 0
    try:
        for kind, path in PAGES.items():
            _open(reader, served.url + path)
            found = reader.page.evaluate(GEOMETRY_SCRIPT)
            problems += [f"{kind}: {problem}" for problem in found["problems"]]
            thumbs += found["thumbs"]
            badges += found["badges"]
        if served.theme == "material":
            shown_scheme = reader.page.evaluate("document.body.dataset.mdColorScheme")
            assert shown_scheme == ("slate" if scheme == "dark" else "default")
        assert reader.problems == [], "\n".join(reader.problems)
    finally:
        reader.close()
    assert problems == [], "\n".join(problems)
    # The checks had something to measure: thumbnails (Related posts, Recent posts) and the draft.
    assert thumbs > 0
    assert badges > 0


@pytest.mark.parametrize("device", sorted(WIDTHS))
def test_widget_headings_are_where_a_reader_finds_them(
    browser: Any, served: Served, device: str
) -> None:
    """On the first screen, or after the content, where the docs (widgets.md) say they are."""
    reader = _reader(browser, device, "light")
    height = WIDTHS[device][1]
    misplaced: list[str] = []
    try:
        for kind, path in PAGES.items():
            if kind == "home":
                continue  # Not a blog page: Material's own home, where the widgets also show.
            _open(reader, served.url + path)
            for heading in reader.page.evaluate(HEADINGS_SCRIPT, list(WIDGET_HEADINGS)):
                name, found = heading["name"], heading["found"]
                if len(found) != 1:
                    misplaced.append(f"{kind}: {name} shown {len(found)} times")
                    continue
                spot = found[0]
                on_first_screen = spot["bottom"] <= height
                after_content = "llmblog-widgets--after-content" in spot["placement"]
                if not on_first_screen and not after_content:
                    misplaced.append(
                        f"{kind}: {name} heading at {spot['top']:.0f}px, below the first "
                        f"screen ({height}px), in {spot['placement']}"
                    )
    finally:
        reader.close()
    assert misplaced == [], "\n".join(misplaced)


AUTHORS_POST = "blog/2025/05/14/how-open-model-communities-actually-work/"


@pytest.mark.parametrize("device", sorted(WIDTHS))
def test_avatars_are_round_squares_of_their_size_on_every_theme(
    browser: Any, served: Served, device: str
) -> None:
    """The themes' own image rules (borders, padding, margins) leave the avatars alone."""
    reader = _reader(browser, device, "light")
    try:
        _open(reader, served.url + AUTHORS_POST)
        shapes = reader.page.evaluate(
            """() => [...document.querySelectorAll("img.llmblog-avatar")].map(img => {
                 const r = img.getBoundingClientRect(), s = getComputedStyle(img);
                 return {w: r.width, h: r.height, radius: s.borderTopLeftRadius,
                         border: s.borderTopWidth, padding: s.paddingTop,
                         loaded: img.naturalWidth, box: !!img.closest(".llmblog-author-box")};
               })"""
        )
    finally:
        reader.close()
    assert any(shape["box"] for shape in shapes)
    assert any(not shape["box"] for shape in shapes)  # the bylines' small ones
    for shape in shapes:
        assert shape["loaded"] > 0, shape
        assert shape["w"] == pytest.approx(shape["h"], abs=0.5), shape
        assert shape["w"] == pytest.approx(64 if shape["box"] else 24, abs=8), shape
        assert shape["radius"] == "50%", shape
        assert shape["border"] == "0px", shape
        assert shape["padding"] == "0px", shape


TOC_BOXES = {
    "material": ".md-sidebar--secondary .md-nav--secondary",
    "mkdocs": ".bs-sidebar",
    "readthedocs": ".wy-menu-vertical ul",
}
"""Where each theme puts the page's table of contents."""


@pytest.mark.parametrize("kind", sorted(PAGES))
def test_no_page_shows_an_empty_table_of_contents(browser: Any, served: Served, kind: str) -> None:
    reader = _reader(browser, "desktop", "light")
    try:
        _open(reader, served.url + PAGES[kind])
        boxes = reader.page.evaluate(
            """selector => [...document.querySelectorAll(selector)].map(box => {
                 const r = box.getBoundingClientRect();
                 return {shown: r.width > 0 && r.height > 0,
                         links: box.querySelectorAll("a[href]").length};
               })""",
            TOC_BOXES[served.theme],
        )
    finally:
        reader.close()
    assert [box for box in boxes if box["shown"] and box["links"] == 0] == []
