"""Uploaded files: finding them in a copy of `wp-content/uploads` and copying them to posts."""

from __future__ import annotations

import filecmp
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, unquote, urljoin, urlsplit

from mkdocs_llmblog.sources.slugs import WINDOWS_RESERVED_RE
from mkdocs_llmblog.wordpress.files import ImportFiles, is_link

UPLOADS_PATH = "wp-content/uploads/"
# WordPress's copies of an upload: resized (`-300x200`), scaled down from a big original
# (`-scaled`), rotated, or edited in its image editor (`-e1700000000`).
_VARIANT_RE = re.compile(r"^(?P<stem>.+?)(?:-\d+x\d+|-scaled|-rotated|-e\d{10,})(?P<ext>\.\w+)$")
_PHOTON_HOST_RE = re.compile(r"^i\d\.wp\.com\Z")
_UNSAFE_NAME_RE = re.compile(r'[\x00-\x1f\x7f-\x9f<>:"/\\|?*]+')
NAME_MAX_BYTES = 100
"""Longest name of a copied upload, in UTF-8 bytes (file systems allow 255)."""
_SUFFIX_MAX_LENGTH = 16


def safe_file_name(name: str, number: int = 1) -> str:
    """A name any file system takes for an upload: no control or reserved characters, no
    Windows device name (`con.png` becomes `con-1.png`), at most `NAME_MAX_BYTES` bytes with its
    extension kept; `number` above 1 is added as `-2`."""
    name = _UNSAFE_NAME_RE.sub("-", name).strip(" .") or "file"
    first, dot, rest = name.partition(".")
    if WINDOWS_RESERVED_RE.fullmatch(first.rstrip(" ")):
        name = f"{first}-1{dot}{rest}"
    stem, suffix = posixpath.splitext(name)
    if len(suffix) > _SUFFIX_MAX_LENGTH:
        stem, suffix = name, ""
    if number > 1:
        stem = f"{stem}-{number}"
        marker = f"-{number}"
    else:
        marker = ""
    budget = NAME_MAX_BYTES - len(suffix.encode("utf-8"))
    encoded = stem.encode("utf-8")
    if len(encoded) > budget:
        head = stem[: len(stem) - len(marker)].encode("utf-8")[: budget - len(marker)]
        stem = head.decode("utf-8", "ignore") + marker
    return stem + suffix


@dataclass(frozen=True)
class UploadLink:
    """A URL that points into a WordPress uploads folder."""

    relative: str
    """The path under the uploads folder, decoded: `2023/05/cover-300x200.jpg`."""
    url: str
    """The URL made absolute, to keep when the file cannot be found."""
    own_site: bool
    """Whether it points at the exported site, rather than some other WordPress site."""


def site_host(netloc: str) -> str:
    """A URL's host as compared between links: lower case, without port or `www.`."""
    host = netloc.lower().rsplit("@", 1)[-1].split(":", 1)[0]
    return host.removeprefix("www.")


class Uploads:
    """The copy of `wp-content/uploads` given with `--uploads`, and the URLs that lead into it."""

    def __init__(self, folder: Path | None, site_urls: Iterable[str]) -> None:
        self.folder = folder
        urls = [url for url in site_urls if url]
        self.base_url = urls[0].rstrip("/") + "/" if urls else ""
        self.hosts = {site_host(urlsplit(url).netloc) for url in urls} - {""}
        self._resolved_folder = folder.resolve() if folder is not None else None

    def parse(self, url: str) -> UploadLink | None:
        """The upload a URL points at, or None if it points anywhere else."""
        parts = urlsplit(url.strip())
        if parts.scheme not in ("", "http", "https"):
            return None
        host = site_host(parts.netloc)
        path = parts.path
        if _PHOTON_HOST_RE.match(host):
            # Jetpack's image CDN serves `https://i0.wp.com/example.com/wp-content/...`.
            host, _, rest = path.lstrip("/").partition("/")
            host, path = site_host(host), "/" + rest
        if path.startswith(UPLOADS_PATH):
            start = len(UPLOADS_PATH)
        else:
            index = path.find("/" + UPLOADS_PATH)
            if index < 0:
                return None
            start = index + 1 + len(UPLOADS_PATH)
        relative = unquote(path[start:])
        if not relative or relative.endswith("/"):
            return None
        own_site = not host or host in self.hosts
        if host:
            absolute = urljoin(f"{parts.scheme or 'https'}://{parts.netloc}", path)
        else:
            absolute = urljoin(self.base_url, path) if self.base_url else url
        return UploadLink(relative, absolute, own_site)

    def find(self, relative: str) -> Path | None:
        """The local file for an upload, or the original a resized copy was made from."""
        if self.folder is None or self._resolved_folder is None:
            return None
        name = relative
        while True:
            found = _file_inside(self.folder, self._resolved_folder, name)
            if found is not None:
                return found
            variant = _VARIANT_RE.match(posixpath.basename(name))
            if variant is None:
                return None
            name = posixpath.join(posixpath.dirname(name), variant["stem"] + variant["ext"])


def _file_inside(folder: Path, resolved_folder: Path, relative: str) -> Path | None:
    """`folder/relative` if it is a file that does not lead out of `folder`, even by a link."""
    parts = relative.split("/")
    if any(part in ("", ".", "..") or "\\" in part or "\x00" in part for part in parts):
        return None
    candidate = folder.joinpath(*parts)
    try:
        resolved = candidate.resolve()
    except OSError:
        return None
    if not resolved.is_relative_to(resolved_folder) or not resolved.is_file():
        return None
    return candidate


@dataclass
class MediaTally:
    """What happened to the uploads of all posts."""

    copied: int = 0
    missing: list[tuple[str, str]] = field(default_factory=list)
    """(post, URL) of each upload not found locally."""


@dataclass
class Placed:
    """Where an upload went, as a path relative to the post; None when it was not found."""

    link: UploadLink
    path: str | None


class PostMedia:
    """Copies the uploads a post uses into a folder beside it, without overwriting others."""

    def __init__(
        self,
        uploads: Uploads,
        folder: Path,
        post_label: str,
        tally: MediaTally,
        *,
        force: bool,
        files: ImportFiles | None = None,
    ) -> None:
        self.uploads = uploads
        self.folder = folder
        """`blog/posts/<slug>/`: created only if the post has an upload."""
        self.post_label = post_label
        self.tally = tally
        self.force = force
        self.files = files or ImportFiles(folder.parent, folder.parent, force, overwrite_any=True)
        """Without the import's, `force` overwrites any file (a folder of its own)."""
        self._names_by_source: dict[Path, str] = {}
        self._used_names: set[str] = set()
        self._next_number: dict[str, int] = {}
        self._reported: set[str] = set()

    def place(self, url: str) -> Placed | None:
        """Copy the upload `url` points at; None if it is not an upload of any WordPress site."""
        link = self.uploads.parse(url)
        if link is None:
            return None
        source = self.uploads.find(link.relative)
        if source is None:
            if not link.own_site:
                return None
            if link.url not in self._reported:
                self._reported.add(link.url)
                self.tally.missing.append((self.post_label, link.url))
            return Placed(link, None)
        return Placed(link, f"{self.folder.name}/{self._copy(source)}")

    def body_link(self, url: str) -> str:
        """The link a post body should use for `url`: relative when copied, else absolute."""
        placed = self.place(url)
        if placed is None:
            return url
        if placed.path is None:
            return placed.link.url
        fragment = urlsplit(url).fragment
        return quote(placed.path) + (f"#{fragment}" if fragment else "")

    def _copy(self, source: Path) -> str:
        key = source.resolve()
        if key in self._names_by_source:
            return self._names_by_source[key]
        name = self._free_name(source)
        target = self.folder / name
        if not self.files.exists(target) or self.files.may_overwrite(target):
            self.files.write(target, source.read_bytes())
        self.tally.copied += 1
        self._names_by_source[key] = name
        self._used_names.add(name)
        return name

    def _free_name(self, source: Path) -> str:
        """The file's own name made safe, or `name-2.ext`... if another file holds it.

        The numbers go on from the last one tried, so many uploads of one name cost no more
        than their number.
        """
        base = safe_file_name(source.name)
        number = self._next_number.get(base, 1)
        self.files.check_folder(self.folder)
        while True:
            name = safe_file_name(source.name, number)
            number += 1
            if name in self._used_names:
                continue
            target = self.folder / name
            if is_link(target):
                continue  # Never written through: another name.
            if (
                not self.files.exists(target)
                or self.files.may_overwrite(target)
                or filecmp.cmp(source, target, shallow=False)
            ):
                self._next_number[base] = number
                return name
            if self.force and target not in self.files.kept:
                self.files.kept.append(target)
