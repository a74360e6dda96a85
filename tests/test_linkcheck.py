"""A link checker over the built example site, on every theme and URL style.

Every internal link, image, stylesheet and script must lead to a file of the site, every anchor
to an element of its page, and no URL may be root-absolute (a project site lives under a path).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.conftest import ExampleSites
from tests.links import references
from tests.sitebuilder import BuiltSite

pytestmark = pytest.mark.slow

SKIPPED_SCHEMES = {"http", "https", "mailto", "data"}


@dataclass
class LinkChecker:
    """Checks the references of every page of a built site; collects every problem."""

    site: BuiltSite
    problems: list[str] = field(default_factory=list)
    checked: int = 0
    _anchors: dict[Path, set[str]] = field(default_factory=dict)

    def pages(self) -> Iterator[Path]:
        for page in sorted(self.site.site_dir.rglob("*.html")):
            # MkDocs' own 404 page is root-absolute by design: it is served at any depth.
            if page.name == "404.html" and page.parent == self.site.site_dir:
                continue
            yield page

    def check_site(self) -> None:
        for page in self.pages():
            soup = self.parse(page)
            for reference in references(soup):
                self.check(page, reference)

    def parse(self, page: Path) -> BeautifulSoup:
        return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")

    def anchors(self, page: Path) -> set[str]:
        if page not in self._anchors:
            soup = self.parse(page)
            found = {str(tag["id"]) for tag in soup.find_all(id=True)}
            found |= {str(tag["name"]) for tag in soup.find_all(["a", "map"], attrs={"name": True})}
            self._anchors[page] = found
        return self._anchors[page]

    def check(self, page: Path, url: str) -> None:
        where = page.relative_to(self.site.site_dir).as_posix()
        parts = urlsplit(url)
        if parts.scheme in SKIPPED_SCHEMES or (not parts.scheme and parts.netloc):
            return  # another site (protocol-relative too), mail, inline data
        self.checked += 1
        if parts.scheme:
            self.problems.append(f"{where}: unexpected URL scheme in {url!r}")
            return
        if parts.path.startswith("/"):
            self.problems.append(f"{where}: root-absolute URL {url!r}")
            return
        base = page.parent.relative_to(self.site.site_dir).as_posix()
        target_path = posixpath.normpath(posixpath.join(base, unquote(parts.path) or "."))
        if target_path == ".." or target_path.startswith("../"):
            self.problems.append(f"{where}: {url!r} leaves the site")
            return
        target = page if not parts.path else self.site.site_dir / target_path
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            self.problems.append(f"{where}: broken link {url!r}")
            return
        fragment = unquote(parts.fragment)
        if not fragment or target.suffix != ".html":
            return
        if fragment not in self.anchors(target):
            shown = target.relative_to(self.site.site_dir).as_posix()
            self.problems.append(f"{where}: {url!r}: no id {fragment!r} on {shown}")


@pytest.mark.parametrize("use_directory_urls", [True, False], ids=["dir-urls", "file-urls"])
def test_every_link_of_the_example_site_works(
    example_sites: ExampleSites, theme: str, use_directory_urls: bool
) -> None:
    site = example_sites(theme, use_directory_urls)
    checker = LinkChecker(site)
    checker.check_site()
    assert not checker.problems, f"{len(checker.problems)} problems:\n" + "\n".join(
        checker.problems
    )
    assert checker.checked > 500, "the checker found too few links to check"


def test_the_checker_finds_every_kind_of_problem(tmp_path: Path) -> None:
    site_dir = tmp_path / "site"
    (site_dir / "blog").mkdir(parents=True)
    (site_dir / "style.css").write_text("", encoding="utf-8")
    (site_dir / "blog" / "index.html").write_text(
        '<h2 id="top">Blog</h2><a name="old-anchor"></a>', encoding="utf-8"
    )
    links = [
        "blog/",  # fine: a folder with an index.html
        "blog/#top",
        "blog/index.html#old-anchor",
        "#here",
        "https://example.com/x.png",
        "mailto:someone@example.com",
        "data:image/png;base64,AAAA",
        "blog/#missing",
        "#nowhere",
        "/blog/",
        "missing.html",
        "../outside.html",
        "javascript:void(0)",
    ]
    anchors = "".join(f'<a href="{link}">x</a>' for link in links)
    (site_dir / "index.html").write_text(
        f'<link rel="stylesheet" href="style.css"><p id="here"></p>{anchors}'
        '<img srcset="style.css 1x, gone.png 2x" src="style.css">',
        encoding="utf-8",
    )
    checker = LinkChecker(BuiltSite(tmp_path, site_dir, True))
    checker.check_site()
    assert checker.problems == [
        "index.html: 'blog/#missing': no id 'missing' on blog/index.html",
        "index.html: '#nowhere': no id 'nowhere' on index.html",
        "index.html: root-absolute URL '/blog/'",
        "index.html: broken link 'missing.html'",
        "index.html: '../outside.html' leaves the site",
        "index.html: unexpected URL scheme in 'javascript:void(0)'",
        "index.html: broken link 'gone.png'",
    ]
