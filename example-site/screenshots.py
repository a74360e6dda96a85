"""Take the screenshots of the example site shown in the documentation.

Builds the example site on each theme (material, mkdocs, readthedocs), serves it on 127.0.0.1
and photographs it with Debian's chromium:

    python example-site/screenshots.py

The pictures go to docs/assets/screenshots/ (committed; rerun after a visual change):

- the views of `docs/example-site.md` (Material: the article at a desktop's and a phone's width,
  light and dark; the blog index; a category; the home page), one screen each;
- a full page of each page kind on each theme, at a desktop's and a phone's width, in
  `docs/assets/screenshots/<theme>/`, shown by `docs/screenshots-<theme>.md`.
"""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import yaml
from PIL import Image
from playwright.sync_api import Browser, sync_playwright

HERE = Path(__file__).resolve().parent
TARGET = HERE.parent / "docs" / "assets" / "screenshots"
ARTICLE = "blog/2025/03/12/open-source-llms/"
SHOTS = [
    ("article-desktop", ARTICLE, (1440, 900), "light"),
    ("article-desktop-dark", ARTICLE, (1440, 900), "dark"),
    ("article-phone", ARTICLE, (375, 812), "light"),
    ("blog-index", "blog/", (1440, 900), "light"),
    ("category", "blog/category/open-source/", (1440, 900), "light"),
    ("home", "", (1440, 900), "light"),
    ("author-page", "blog/author/amara/", (1440, 900), "light"),
]
ELEMENT_SHOTS = [
    # (name, page, viewport, selector): the element and a margin around it.
    (
        "author-box",
        "blog/2025/05/14/how-open-model-communities-actually-work/",
        (1200, 900),
        ".llmblog-author-box",
    ),
]
THEMES = ("material", "mkdocs", "readthedocs")
PAGE_KINDS = {
    "home": "",
    "blog": "blog/",
    "post": ARTICLE,
    "category": "blog/category/ai/",
    "archive": "blog/archive/2025/",
    "not-found": "404.html",
}
"""Each page kind, photographed whole on every theme."""
DEVICES = {"desktop": ((1440, 900), 720), "phone": ((375, 812), 375)}
"""Viewport, and the width the committed picture is shrunk to."""
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def main() -> None:
    TARGET.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        try:
            wanted = set(sys.argv[1:])  # e.g. `author-box author-page`: only those
            for theme in THEMES:
                site = build(Path(folder) / theme, theme)
                with Served(site) as base:
                    if theme == "material":
                        for name, path, size, scheme in SHOTS:
                            if wanted and name not in wanted:
                                continue
                            shoot(browser, base + path, size, scheme, TARGET / f"{name}.png")
                            shrink(TARGET / f"{name}.png", 1200)
                        for name, path, size, selector in ELEMENT_SHOTS:
                            if wanted and name not in wanted:
                                continue
                            shoot_element(
                                browser, base + path, size, selector, TARGET / f"{name}.png"
                            )
                            shrink(TARGET / f"{name}.png", 1200)
                    if wanted:
                        continue
                    for kind, path in PAGE_KINDS.items():
                        for device, (size, width) in DEVICES.items():
                            target = TARGET / theme / f"{kind}-{device}.png"
                            shoot(browser, base + path, size, "light", target, full_page=True)
                            shrink(target, width)
        finally:
            browser.close()


def build(root: Path, theme: str) -> Path:
    """The example site built on `theme` (the mkdocs and readthedocs themes without their
    highlight.js from a CDN: the example highlights code with Pygments)."""
    settings = yaml.safe_load((HERE / "mkdocs.yml").read_text(encoding="utf-8"))
    if theme != "material":
        settings["theme"] = {"name": theme, "highlightjs": False}
    settings["docs_dir"] = str(HERE / "docs")
    root.mkdir(parents=True)
    config = root / "mkdocs.yml"
    config.write_text(yaml.safe_dump(settings), encoding="utf-8")
    site = root / "site"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
        check=True,
    )
    return site


class Served:
    """Serve `site` on 127.0.0.1 for the time of a `with` block; gives the base URL."""

    def __init__(self, site: Path) -> None:
        handler = functools.partial(_QuietHandler, directory=str(site))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)

    def __enter__(self) -> str:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def shoot(
    browser: Browser,
    url: str,
    size: tuple[int, int],
    scheme: str,
    target: Path,
    full_page: bool = False,
) -> None:
    """A screenshot of `url`, its lazy images loaded first."""
    target.parent.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(
        viewport={"width": size[0], "height": size[1]},
        color_scheme="dark" if scheme == "dark" else "light",
    )
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    page.evaluate(
        """async () => {
          for (const img of document.querySelectorAll("img[loading=lazy]")) img.loading = "eager";
          await Promise.all([...document.images].map(img => img.complete ? null
            : new Promise(done => { img.onload = img.onerror = done; })));
        }"""
    )
    page.screenshot(path=str(target), full_page=full_page)
    context.close()


def shoot_element(
    browser: Browser, url: str, size: tuple[int, int], selector: str, target: Path
) -> None:
    """A screenshot of the element `selector` of `url`, with a margin around it."""
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    box = page.locator(selector).bounding_box()
    if box is None:
        raise SystemExit(f"{url}: no element {selector!r} to photograph")
    margin = 24
    clip = {
        "x": max(box["x"] - margin, 0),
        "y": max(box["y"] - margin, 0),
        "width": box["width"] + 2 * margin,
        "height": box["height"] + 2 * margin,
    }
    page.screenshot(path=str(target), clip=clip, full_page=True)
    context.close()


def shrink(path: Path, width: int) -> None:
    """Keep the committed pictures small: at most `width` px wide, 256 colours."""
    with Image.open(path) as image:
        picture = image.convert("RGB")
    if picture.width > width:
        picture = picture.resize((width, round(picture.height * width / picture.width)))
    picture.quantize(256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)


if __name__ == "__main__":
    main()
