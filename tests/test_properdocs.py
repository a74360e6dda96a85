"""`properdocs build --strict`: the plugin under ProperDocs, the MkDocs fork, on its themes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.imagefiles import jpeg
from tests.links import assert_link_works, root_absolute_urls
from tests.sitebuilder import BuiltSite, post, write_project

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "example-site"
ARTICLE_URL = "blog/2025/03/12/open-source-llms"
PROPERDOCS = Path(sys.executable).with_name("properdocs")


def properdocs_build(config_file: Path, site_dir: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    command = [str(PROPERDOCS), "build", "--strict", "-f", str(config_file), "-d", str(site_dir)]
    result = subprocess.run(
        command,
        cwd=config_file.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    output = f"{result.stdout}\n{result.stderr}"
    assert result.returncode == 0, f"properdocs build failed:\n{output}"
    assert "Traceback" not in output, output


def front_matter(source: Path) -> dict[str, object]:
    _, meta, _ = source.read_text(encoding="utf-8").split("---\n", 2)
    return dict(yaml.safe_load(meta))


def assert_blog_built(site: BuiltSite, post_url: str, *, cards: int) -> None:
    """The post with its featured image, and the blog index with its cards and thumbnails."""
    page = site.page_path(post_url)
    assert page.is_file(), f"no post page at {post_url}"
    soup = site.html(post_url)
    assert soup.select_one("article.llmblog-post h1.llmblog-post-title") is not None
    featured = soup.select_one("figure.llmblog-featured img")
    assert featured is not None, "no featured image on the post"
    assert featured.get("alt")
    image_file = assert_link_works(site, page, str(featured["src"]))
    assert image_file.stat().st_size > 0
    for candidate in str(featured.get("srcset", "")).split(","):
        if candidate.strip():
            assert_link_works(site, page, candidate.split()[0])

    index = site.page_path("blog")
    listed = site.html("blog").select("article.llmblog-post-card")
    assert len(listed) == cards
    thumbnails = site.html("blog").select("article.llmblog-post-card img.llmblog-thumb")
    assert thumbnails, "no thumbnails on the blog index"
    for thumbnail in thumbnails:
        assert_link_works(site, index, str(thumbnail["src"]))
    for card in listed:
        link = card.select_one(".llmblog-post-card-title a[href]")
        assert link is not None
        assert_link_works(site, index, str(link["href"]))
    assert site.html("").select_one(".llmblog-recent") is not None
    assert root_absolute_urls(site) == []


@pytest.mark.skipif(not PROPERDOCS.is_file(), reason="properdocs is not installed")
def test_example_site_on_material(tmp_path: Path) -> None:
    settings = yaml.safe_load((EXAMPLE / "mkdocs.yml").read_text(encoding="utf-8"))
    settings["docs_dir"] = str(EXAMPLE / "docs")
    settings["plugins"] = ["search", {"llmblog": {"cache_dir": str(tmp_path / "cache")}}]
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(settings), encoding="utf-8")
    site = BuiltSite(tmp_path, tmp_path / "site", True)
    properdocs_build(config_file, site.site_dir)
    sources = (EXAMPLE / "docs" / "blog" / "posts").glob("*.md")
    published = [p for p in sources if not front_matter(p).get("draft")]
    assert_blog_built(site, ARTICLE_URL, cards=len(published))


@pytest.mark.skipif(not PROPERDOCS.is_file(), reason="properdocs is not installed")
@pytest.mark.parametrize("theme_name", ["mkdocs", "readthedocs"])
def test_small_site_on_the_properdocs_themes(
    tmp_path: Path, theme_name: str, use_directory_urls: bool
) -> None:
    files: dict[str, str | bytes] = {
        "index.md": "# Home\n\nWelcome.\n",
        "blog/posts/photo.jpg": jpeg(1200, 800),
        "blog/posts/first.md": post(
            {"date": "2024-05-01", "title": "First post", "categories": ["News"]},
            "The first excerpt.\n\n<!-- more -->\n\nMore.\n",
        ),
        "blog/posts/pictured.md": post(
            {
                "date": "2024-05-02",
                "title": "A post with a picture",
                "categories": ["News", "Photos"],
                "image": {"path": "photo.jpg", "alt": "A blue field", "caption": "The field"},
            },
            "With a picture.\n",
        ),
    }
    config = {"theme": theme_name, "use_directory_urls": use_directory_urls}
    config_file = write_project(tmp_path, config, files)
    site = BuiltSite(tmp_path, tmp_path / "site", use_directory_urls)
    properdocs_build(config_file, site.site_dir)
    assert_blog_built(site, "blog/2024/05/02/a-post-with-a-picture", cards=2)
    caption = site.html("blog/2024/05/02/a-post-with-a-picture").select_one(
        "figure.llmblog-featured figcaption"
    )
    assert caption is not None
    assert caption.get_text(strip=True) == "The field"
