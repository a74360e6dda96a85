"""Reading links out of built pages and checking where they lead."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, Tag

from tests.sitebuilder import BuiltSite


def page_links(soup: BeautifulSoup | Tag, selector: str = "a[href]") -> list[str]:
    return [str(tag["href"]) for tag in soup.select(selector)]


def resolve(site: BuiltSite, page_file: Path, href: str) -> Path:
    """The output file a relative link on `page_file` leads to."""
    parts = urlsplit(href)
    assert not parts.scheme, f"not a relative link: {href}"
    assert not parts.netloc, f"not a relative link: {href}"
    assert not parts.path.startswith("/"), f"root-absolute link: {href}"
    base = page_file.parent.relative_to(site.site_dir).as_posix()
    target = posixpath.normpath(posixpath.join(base, unquote(parts.path) or "."))
    assert not target.startswith(".."), f"link leaves the site: {href} on {page_file}"
    path = site.site_dir / target
    if path.is_dir():
        path = path / "index.html"
    return path


def assert_link_works(site: BuiltSite, page_file: Path, href: str) -> Path:
    target = resolve(site, page_file, href)
    assert target.is_file(), f"broken link {href!r} on {page_file.relative_to(site.site_dir)}"
    return target


def root_absolute_urls(site: BuiltSite) -> list[tuple[str, str]]:
    """Every `href`/`src` in the site's HTML that starts with `/`.

    MkDocs' own `404.html` is left out: it is root-absolute by design, served at any depth.
    """
    found = []
    for page in site.site_dir.rglob("*.html"):
        if page.name == "404.html" and page.parent == site.site_dir:
            continue
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(href=True) + soup.find_all(src=True):
            for attribute in ("href", "src"):
                value = tag.get(attribute)
                if isinstance(value, str) and value.startswith("/") and not value.startswith("//"):
                    found.append((page.relative_to(site.site_dir).as_posix(), value))
    return found


REFERENCES = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "script": ("src",),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
}
"""The attributes that hold a URL a page links to or loads, by element."""


def references(soup: BeautifulSoup) -> Iterator[str]:
    """Every URL a page links to or loads, `srcset` candidates one by one."""
    for tag_name, attributes in REFERENCES.items():
        for tag in soup.find_all(tag_name):
            for attribute in attributes:
                value = tag.get(attribute)
                if not isinstance(value, str):
                    continue
                if attribute == "srcset":
                    for candidate in value.split(","):
                        if candidate.strip():
                            yield candidate.split()[0]
                else:
                    yield value.strip()
