"""The example site: builds strictly on every theme and shows the seed article unchanged."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.conftest import ExampleSites
from tests.links import assert_link_works, root_absolute_urls
from tests.sitebuilder import BuiltSite

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "example-site"
SEED = EXAMPLE / "seed" / "article.txt"
"""The article as readers saw it on WordPress (see `example-site/README.md`)."""
ARTICLE_URL = "blog/2025/03/12/open-source-llms"
CHROME_LINES = {"llm-featured", "hugging-face-platform", "Previous Post", "Recent posts",
                "Categories", "Designed with WordPress"}  # fmt: skip


def build_example(tmp_path: Path, theme: str, use_directory_urls: bool = True) -> BuiltSite:
    settings = yaml.safe_load((EXAMPLE / "mkdocs.yml").read_text(encoding="utf-8"))
    settings["theme"] = {**settings["theme"], "name": theme} if theme == "material" else theme
    settings["docs_dir"] = str(EXAMPLE / "docs")
    settings["use_directory_urls"] = use_directory_urls
    settings["plugins"] = [
        "search",
        {"llmblog": {"cache_dir": str(tmp_path / "cache")}},
    ]
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(settings), encoding="utf-8")
    site_dir = tmp_path / "site"
    build(load_config(config_file=str(config_file), site_dir=str(site_dir), strict=True))
    return BuiltSite(tmp_path, site_dir, use_directory_urls)


@pytest.mark.slow
@pytest.mark.parametrize("use_directory_urls", [True, False], ids=["dir-urls", "file-urls"])
def test_example_site_builds_strictly(
    example_sites: ExampleSites, theme: str, use_directory_urls: bool
) -> None:
    site = example_sites(theme, use_directory_urls)
    soup = site.html(ARTICLE_URL)
    page = site.page_path(ARTICLE_URL)
    featured = soup.select_one("figure.llmblog-featured img")
    assert featured is not None
    assert_link_works(site, page, str(featured["src"]))
    body = soup.select_one(".llmblog-post-body")
    assert body is not None
    inline = body.select_one("img")
    assert inline is not None
    assert "hugging-face-platform" in str(inline["src"])
    assert_link_works(site, page, str(inline["src"]))
    assert root_absolute_urls(site) == []
    # The draft is not published.
    assert not any("lora" in path for path in site.output_files() if path.endswith(".html"))


def seed_paragraphs() -> list[str]:
    lines = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if line and line not in CHROME_LINES]


@pytest.fixture(scope="module")
def material_site(example_sites: ExampleSites) -> BuiltSite:
    """The example on its own theme (strictly: a warning fails the build)."""
    return example_sites("material", True)


def test_the_article_text_is_unchanged(material_site: BuiltSite) -> None:
    body = material_site.html(ARTICLE_URL).select_one(".llmblog-post-body")
    assert body is not None
    shown = [
        re.sub(r"\s+", " ", element.get_text()).strip().removesuffix("¶")
        for element in body.find_all(["p", "h2"])
        if element.get_text(strip=True)
    ]
    shown = [text for text in shown if text]
    assert shown == seed_paragraphs()


def test_the_article_page_shows_what_wordpress_showed(material_site: BuiltSite) -> None:
    soup: BeautifulSoup = material_site.html(ARTICLE_URL)
    header = soup.select_one(".llmblog-post-header")
    assert header is not None
    assert header.select_one("h1") is not None
    assert header.select_one("time[datetime]") is not None
    headings = [
        h.get_text(strip=True).removesuffix("¶") for h in soup.select(".llmblog-post-body h2")
    ]
    assert headings[0] == "Introduction"
    assert headings[-1] == "Conclusion"


NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}  # fmt: skip


def test_the_example_page_counts_what_the_example_holds(material_site: BuiltSite) -> None:
    """docs/example-site.md says how many posts, drafts and categories: the built site agrees."""
    text = re.sub(r"\s+", " ", (REPO / "docs" / "example-site.md").read_text(encoding="utf-8"))
    said = re.search(
        r"(\w+) posts about .*?\((\w+) of them a draft, so (\w+) are published\).*?"
        r"in (\w+) categories \((\w+) at the top",
        text,
    )
    assert said is not None, "the counts are no longer in docs/example-site.md's first paragraph"
    posts, drafts, published, categories, top = (NUMBER_WORDS[word] for word in said.groups())
    sources = sorted((EXAMPLE / "docs" / "blog" / "posts").glob("*.md"))
    assert len(sources) == posts
    metas = [yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1]) for path in sources]
    assert sum(bool(meta.get("draft")) for meta in metas) == drafts
    cards = material_site.html("blog").select(".llmblog-post-card")
    assert len(cards) == published
    widget = material_site.html("blog").select_one(
        ".llmblog-widgets--after-content .llmblog-categories"
    )
    assert widget is not None
    assert len(widget.select("li")) == categories
    assert len(widget.select(":scope > ul > li")) == top
