"""Old WordPress permalinks mapped to the imported posts, for the `mkdocs-redirects` plugin."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from urllib.parse import unquote, urlsplit

import yaml

INLINE_LIMIT = 30
"""Above this many redirects, the printed `mkdocs.yml` snippet refers to the file instead."""
_PAGE_SUFFIXES = (".html", ".htm", ".php")
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f]")
MAX_SEGMENT_BYTES = 250
"""The longest folder or file name a redirect is written at, in UTF-8: file systems take 255
bytes, and mkdocs-redirects may add `.html`. A longer one would stop the site's build."""


def has_control_characters(permalink: str) -> bool:
    """Whether a permalink, percent-decoded, holds NUL or other control characters."""
    return _CONTROL_RE.search(unquote(permalink)) is not None


def redirect_segment(nicename: str) -> str | None:
    """A WordPress nicename as one folder of a redirect source, or None if it cannot be one.

    WordPress percent-encodes nicenames of other scripts (`%e6%97%a5`); a web server decodes
    the address a reader asks for, so the redirect is written at the decoded name. A nicename
    that decodes to nothing, to `.` or `..`, or to text with a slash, a backslash, a control
    character or spaces around it would write outside its folder or where no address leads:
    None.
    """
    segment = unquote(nicename)
    if segment.strip() in ("", ".", "..") or "/" in segment or "\\" in segment:
        return None
    if _CONTROL_RE.search(segment) or segment != segment.strip() or _too_long(segment):
        return None
    return segment


def _too_long(segment: str) -> bool:
    return len(segment.encode("utf-8", "surrogatepass")) > MAX_SEGMENT_BYTES


def old_page_path(permalink: str, home_url: str) -> str | None:
    """The source path `mkdocs-redirects` needs for an old permalink, or None if it has none.

    `https://example.com/2023/05/hello-world/` becomes `2023/05/hello-world/index.md`, whose
    page MkDocs writes at `2023/05/hello-world/index.html` with either `use_directory_urls`.
    The path of `home_url` (a blog served under `/blog/`) is dropped: the MkDocs site is
    expected where WordPress was. A plain permalink (`/?p=123`), or one with a name longer than
    a file system takes, cannot be redirected by a static site: None.
    """
    parts = urlsplit(permalink)
    if parts.query or not parts.path.strip("/"):
        return None
    path = unquote(parts.path)
    base = unquote(urlsplit(home_url).path).rstrip("/")
    if base and (path == base or path.startswith(base + "/")):
        path = path[len(base) :]
    segments = [segment for segment in path.split("/") if segment]
    if _CONTROL_RE.search(path) or not segments:
        return None
    if any(segment in (".", "..") or "\\" in segment or _too_long(segment) for segment in segments):
        return None
    last = segments[-1]
    if last.lower().endswith(_PAGE_SUFFIXES):
        segments[-1] = last.rsplit(".", 1)[0]
        return "/".join(segments) + ".md"
    return "/".join(segments) + "/index.md"


def old_page_url(old_path: str) -> str:
    """The URL path an old page is served at: `2023/05/hello/index.md` -> `2023/05/hello`."""
    return old_path.removesuffix("/index.md").removesuffix(".md")


def page_url(source: str) -> str:
    """The URL path MkDocs serves a page source at: `about.md` and `about/index.md` -> `about`."""
    stem = source.removesuffix(".md")
    for index in ("index", "README"):
        if stem == index:
            return ""
        stem = stem.removesuffix("/" + index)
    return stem


def redirects_over_pages(
    redirect_map: Mapping[str, str], page_sources: Iterable[str], page_urls: Iterable[str] = ()
) -> list[str]:
    """The old addresses of `redirect_map` where a page of the site is served now (from one of
    `page_sources`, or at one of `page_urls`): a redirect written there by mkdocs-redirects
    would replace the page."""
    served = {page_url(source) for source in page_sources} | set(page_urls)
    return [old for old in redirect_map if old_page_url(old) in served]


def render_redirect_map(redirect_map: Mapping[str, str], export_name: str) -> str:
    """The YAML file of the redirect map: the `redirect_maps` option of `mkdocs-redirects`."""
    header = (
        f"# Old WordPress permalinks of {export_name} and the posts they now lead to, for the\n"
        "# mkdocs-redirects plugin: these lines go under its `redirect_maps:` in mkdocs.yml.\n"
    )
    return header + _dump(dict(redirect_map))


def render_snippet(redirect_map: Mapping[str, str], redirects_file: str | None) -> str:
    """The `mkdocs.yml` lines that enable `mkdocs-redirects` with the map.

    The map is written in full when it is short or has no file; else the snippet says where the
    entries come from.
    """
    lines = ["plugins:", "  - llmblog", "  - redirects:", "      redirect_maps:"]
    if redirects_file is None or len(redirect_map) <= INLINE_LIMIT:
        entries = _dump(dict(redirect_map)).rstrip("\n").split("\n")
        lines.extend(f"        {entry}" for entry in entries)
    else:
        lines.append(
            f"        # the {len(redirect_map)} lines of {redirects_file}, indented to this level"
        )
    return "\n".join(lines) + "\n"


def _dump(data: dict[str, str]) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False)
