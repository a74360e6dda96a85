"""The before/after picture of docs/wordpress.md: a post as the WordPress export holds it, and
the same post imported by `llmblog import-wordpress` and built on Material.

    python example-site/wordpress_screenshot.py

Imports the test export (`tests/wxr/blog.xml`, with its uploads) into a new site, builds it,
photographs the post with Debian's chromium, and puts the export's HTML source of the post
(shortcodes, `<!--more-->`, block markup and all) beside it. Writes
`docs/assets/screenshots/wordpress-before-after.png`.
"""

from __future__ import annotations

import html
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import yaml
from PIL import Image, ImageDraw, ImageFont
from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from screenshots import ARGS, Served  # noqa: E402

from tests.wxr.helpers import BLOG_XML, make_uploads  # noqa: E402

TARGET = ROOT / "docs" / "assets" / "screenshots" / "wordpress-before-after.png"
POST = "blog/2023/05/01/hello-world/"
SIZE = (900, 1100)
MAX_HEIGHT = 2600
"""The pictures are cut at this height (the built post's page goes on with widgets)."""
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        site = import_and_build(root)
        before = root / "before.html"
        before.write_text(export_page(), encoding="utf-8")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            try:
                shots = []
                with Served(site) as base:
                    for name, url in (("after", base + POST), ("before", before.as_uri())):
                        page = browser.new_page(viewport={"width": SIZE[0], "height": SIZE[1]})
                        page.goto(url, wait_until="networkidle")
                        path = root / f"{name}.png"
                        page.screenshot(path=str(path), full_page=True)
                        page.close()
                        shots.append(path)
            finally:
                browser.close()
        compose(shots[1], shots[0])


def import_and_build(root: Path) -> Path:
    settings = {
        "site_name": "Engines",
        "site_url": "https://example.com/",
        "theme": {"name": "material"},
        "plugins": ["search", {"llmblog": {"timezone": "Europe/London"}}],
    }
    config = root / "mkdocs.yml"
    config.write_text(yaml.safe_dump(settings), encoding="utf-8")
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# Engines\n", encoding="utf-8")
    uploads = make_uploads(root / "uploads")
    cli = "from mkdocs_llmblog.cli import main; raise SystemExit(main())"
    command = [sys.executable, "-c", cli, "import-wordpress", str(BLOG_XML)]
    command += ["--config", str(config), "--uploads", str(uploads), "--comments"]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    redirects = yaml.safe_load((root / "redirects.yml").read_text(encoding="utf-8"))
    settings["plugins"].append({"redirects": {"redirect_maps": redirects}})  # type: ignore[attr-defined]
    config.write_text(yaml.safe_dump(settings), encoding="utf-8")
    site = root / "site"
    build = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]
    subprocess.run(build, check=True)
    return site


def export_page() -> str:
    """The post's title and `content:encoded` as the export holds them, shown as source."""
    for item in ET.parse(BLOG_XML).getroot().iter("item"):
        if (item.findtext("link") or "").endswith("/hello-world/"):
            title = item.findtext("title") or ""
            content = item.findtext(CONTENT) or ""
            return (
                "<!doctype html><meta charset=utf-8><body style='font:15px/1.5 DejaVu Sans Mono,"
                "monospace;margin:24px;background:#f6f7f7;color:#1d2327'>"
                f"<p style='font:bold 22px DejaVu Sans,sans-serif'>{html.escape(title)}</p>"
                "<pre style='white-space:pre-wrap;background:#fff;border:1px solid #c3c4c7;"
                f"padding:16px'>{html.escape(content)}</pre>"
            )
    raise SystemExit("the hello-world post is missing from the test export")


def compose(before: Path, after: Path) -> None:
    """Both pictures side by side, each under its label, shrunk for the docs."""
    label_height, gap = 56, 24
    font = ImageFont.truetype(FONT, 28)
    with Image.open(before) as left_full, Image.open(after) as right_full:
        left = left_full.crop((0, 0, left_full.width, min(left_full.height, MAX_HEIGHT)))
        right = right_full.crop((0, 0, right_full.width, min(right_full.height, MAX_HEIGHT)))
        width = left.width + right.width + gap
        picture = Image.new("RGB", (width, label_height + max(left.height, right.height)), "white")
        picture.paste(left.convert("RGB"), (0, label_height))
        picture.paste(right.convert("RGB"), (left.width + gap, label_height))
    draw = ImageDraw.Draw(picture)
    draw.text((12, 12), "Before: the post in the WordPress export", fill="#1d2327", font=font)
    after_label = "After: imported, built with llmblog (Material)"
    draw.text((SIZE[0] + gap + 12, 12), after_label, fill="#1d2327", font=font)
    picture = picture.resize((picture.width // 2 * 2 * 3 // 4, picture.height * 3 // 4))
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    picture.quantize(256, method=Image.Quantize.MEDIANCUT).save(TARGET, optimize=True)


if __name__ == "__main__":
    main()
