"""Take the screenshots of the example site shown in the documentation.

Builds the example site, serves it on 127.0.0.1 and photographs it with Debian's chromium:

    python example-site/screenshots.py

The pictures go to docs/assets/screenshots/ (committed; rerun after a visual change).
"""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
TARGET = HERE.parent / "docs" / "assets" / "screenshots"
SHOTS = [
    ("article-desktop", "blog/2025/03/12/open-source-llms/", (1440, 900), "light"),
    ("article-desktop-dark", "blog/2025/03/12/open-source-llms/", (1440, 900), "dark"),
    ("article-phone", "blog/2025/03/12/open-source-llms/", (375, 812), "light"),
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
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def main() -> None:
    TARGET.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(HERE / "mkdocs.yml"),
             "-d", str(site)],
            check=True,
        )  # fmt: skip
        handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
                wanted = set(sys.argv[1:])  # e.g. `author-box author-page`: only those
                for name, path, (width, height), scheme in SHOTS:
                    if wanted and name not in wanted:
                        continue
                    context = browser.new_context(
                        viewport={"width": width, "height": height}, color_scheme=scheme
                    )
                    page = context.new_page()
                    page.goto(base + path, wait_until="networkidle")
                    target = TARGET / f"{name}.png"
                    page.screenshot(path=str(target))
                    context.close()
                    shrink(target)
                for name, path, (width, height), selector in ELEMENT_SHOTS:
                    if wanted and name not in wanted:
                        continue
                    context = browser.new_context(viewport={"width": width, "height": height})
                    page = context.new_page()
                    page.goto(base + path, wait_until="networkidle")
                    box = page.locator(selector).bounding_box()
                    assert box is not None, selector
                    margin = 24
                    clip = {
                        "x": max(box["x"] - margin, 0),
                        "y": max(box["y"] - margin, 0),
                        "width": box["width"] + 2 * margin,
                        "height": box["height"] + 2 * margin,
                    }
                    target = TARGET / f"{name}.png"
                    page.screenshot(path=str(target), clip=clip, full_page=True)
                    context.close()
                    shrink(target)
                browser.close()
        finally:
            server.shutdown()


def shrink(path: Path) -> None:
    """Keep the committed pictures small: at most 1200 px wide, 256 colours."""
    with Image.open(path) as image:
        picture = image.convert("RGB")
    if picture.width > 1200:
        picture = picture.resize((1200, round(picture.height * 1200 / picture.width)))
    picture.quantize(256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)


if __name__ == "__main__":
    main()
