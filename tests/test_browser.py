"""What a reader sees, in a real browser: Debian's chromium driven by Playwright.

Without chromium or Playwright these tests skip and say why; they never pass without running.
axe-core comes with the `axe-playwright-python` package of the `test` extra.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from tests.browsing import serving
from tests.conftest import ExampleSites
from tests.test_example_site import ARTICLE_URL

CHROMIUM = "/usr/bin/chromium"
AXE_PACKAGE = "axe_playwright_python"
"""Ships axe-core's `axe.min.js` (the `test` extra installs it)."""
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "browser"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WIDTHS = {"phone": (375, 812), "desktop": (1440, 900)}

pytestmark = pytest.mark.slow

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
if not Path(CHROMIUM).exists():
    pytest.skip(f"no chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True)


def axe_script() -> str:
    """axe-core, as `axe-playwright-python` ships it."""
    return resources.files(AXE_PACKAGE).joinpath("axe.min.js").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def site_url(example_sites: ExampleSites) -> Iterator[str]:
    site = example_sites("material", True)  # Only read: shared with the other example tests.
    with serving(site.site_dir) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


class Reader:
    """A browser page that records console errors and failed requests."""

    def __init__(self, browser: Any, width: int, height: int, scheme: str = "light") -> None:
        self.context = browser.new_context(
            viewport={"width": width, "height": height}, color_scheme=scheme
        )
        self.page = self.context.new_page()
        self.problems: list[str] = []
        self.page.on(
            "console",
            lambda message: (
                self.problems.append(f"console {message.type}: {message.text}")
                if message.type == "error"
                else None
            ),
        )
        self.page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        self.page.on("requestfailed", self._request_failed)
        self.page.on(
            "response",
            lambda response: (
                self.problems.append(f"HTTP {response.status}: {response.url}")
                if response.status >= 400
                else None
            ),
        )

    def _request_failed(self, request: Any) -> None:
        # ERR_ABORTED is the browser cancelling a request it no longer needs (a favicon when
        # the page moves on), not the site failing to answer one.
        if "ERR_ABORTED" not in str(request.failure):
            self.problems.append(f"failed: {request.url} {request.failure}")

    def open(self, url: str) -> None:
        self.page.goto(url, wait_until="load")
        self.page.wait_for_load_state("networkidle")

    def screenshot(self, name: str) -> None:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)

    def close(self) -> None:
        self.context.close()


CLS_SCRIPT = """
() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(total), 500);
})
"""


@pytest.mark.parametrize("device", sorted(WIDTHS))
def test_the_article_as_a_reader_sees_it(browser: Any, site_url: str, device: str) -> None:
    width, height = WIDTHS[device]
    reader = Reader(browser, width, height)
    try:
        reader.open(site_url + ARTICLE_URL + "/")
        page = reader.page
        reader.screenshot(f"article-{device}")

        image = page.locator("figure.llmblog-featured img")
        assert image.is_visible()
        loaded = image.evaluate("img => img.complete && img.naturalWidth > 0")
        assert loaded, "the featured image did not load"
        box = image.bounding_box()
        assert box is not None
        assert box["y"] < height, "the featured image is below the fold"
        column = page.locator(".llmblog-post-body").bounding_box()
        assert column is not None
        assert box["width"] >= column["width"] * 0.95, "the featured image is not full width"

        shift = page.evaluate(CLS_SCRIPT)
        assert shift < 0.05, f"layout shift {shift}"

        widgets = (
            ".md-sidebar--primary .llmblog-widgets--sidebar"
            if device == "desktop"
            else ".llmblog-widgets--after-content"
        )
        for widget in ("llmblog-recent", "llmblog-categories"):
            locator = page.locator(f"{widgets} .{widget}")
            locator.scroll_into_view_if_needed()
            assert locator.is_visible(), f"{widget} is not visible on {device}"
        assert reader.problems == [], "\n".join(reader.problems)
    finally:
        reader.close()


def test_previous_post_and_category_links_lead_where_they_say(browser: Any, site_url: str) -> None:
    reader = Reader(browser, *WIDTHS["desktop"])
    try:
        reader.open(site_url + ARTICLE_URL + "/")
        page = reader.page
        previous = page.locator("a.llmblog-prev")
        expected_title = previous.locator(".llmblog-post-nav-title").inner_text()
        previous.click()
        page.wait_for_load_state("load")
        assert page.locator("h1.llmblog-post-title").inner_text() == expected_title
        assert page.url != site_url + ARTICLE_URL + "/"

        reader.open(site_url + ARTICLE_URL + "/")
        category = page.locator(".llmblog-post-header a.llmblog-category").first
        name = category.inner_text()
        category.click()
        page.wait_for_load_state("load")
        assert page.locator("h1.llmblog-list-title").inner_text().startswith(name)
        assert page.locator("article.llmblog-post-card").count() > 0
        assert reader.problems == [], "\n".join(reader.problems)
    finally:
        reader.close()


def test_dark_palette(browser: Any, site_url: str) -> None:
    reader = Reader(browser, *WIDTHS["desktop"], scheme="dark")
    try:
        reader.open(site_url + ARTICLE_URL + "/")
        scheme = reader.page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        assert scheme == "slate"
        reader.screenshot("article-desktop-dark")
        assert reader.problems == [], "\n".join(reader.problems)
    finally:
        reader.close()


@pytest.mark.parametrize("path", [ARTICLE_URL + "/", "blog/", "blog/category/open-source/"])
def test_no_serious_accessibility_violations(browser: Any, site_url: str, path: str) -> None:
    reader = Reader(browser, *WIDTHS["desktop"])
    try:
        reader.open(site_url + path)
        reader.page.add_script_tag(content=axe_script())
        assert reader.page.evaluate("typeof axe.run") == "function"
        results = reader.page.evaluate("async () => await axe.run(document)")
        serious = [
            f"{violation['id']} ({violation['impact']}): "
            + "; ".join(node["target"][0] for node in violation["nodes"][:5])
            for violation in results["violations"]
            if violation["impact"] in ("serious", "critical")
        ]
        assert serious == [], "\n".join(serious)
    finally:
        reader.close()
