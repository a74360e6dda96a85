"""Writing the importer's files safely: whole, never through a link, never over the author's.

Every file is written to a temporary file in its folder and renamed into place, so a killed
import never leaves a partial post. No path component under `docs_dir` may be a symbolic link
leading out of it, and a file that is itself a link is never written. A manifest in the posts
folder records the sha256 of every file the importer wrote: `--force` overwrites a file only if
it is in the manifest with that hash, so a file the author wrote or edited is kept.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from mkdocs_llmblog.cache.files import remove_abandoned_partials, write_whole

MANIFEST_NAME = ".llmblog-import.json"
"""The manifest of the files the importer wrote, in the posts folder."""
_MANIFEST_VERSION = 1
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

Outcome = Literal["written", "exists", "kept"]
"""`exists`: there is a file and no `--force`; `kept`: `--force`, but the importer did not
write the file, or it changed since."""


class UnsafePath(Exception):
    """A path the importer refuses to write; the message names it."""


def without_control_characters(text: str) -> str:
    """`text` without NUL and other control characters (tabs and line ends stay)."""
    return _CONTROL_RE.sub("", text)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def is_link(path: Path) -> bool:
    """Whether `path` is a symbolic link, dangling or not."""
    try:
        return stat.S_ISLNK(os.lstat(path).st_mode)
    except FileNotFoundError:
        return False


def _exists(path: Path) -> bool:
    try:
        os.lstat(path)
    except FileNotFoundError:
        return False
    return True


@dataclass
class ImportFiles:
    """The files of one import: where they may go, and which of them the importer owns."""

    docs_dir: Path
    posts_dir: Path
    force: bool
    overwrite_any: bool = False
    """`force` overwrites any file, not only the importer's own: for a folder of its own."""
    kept: list[Path] = field(default_factory=list)
    """Existing files `--force` did not overwrite."""
    warnings: list[str] = field(default_factory=list)
    _owned: dict[str, str] = field(default_factory=dict)
    _resolved_docs: Path = field(init=False)

    def __post_init__(self) -> None:
        self._resolved_docs = self.docs_dir.resolve()
        self._load_manifest()

    @property
    def manifest(self) -> Path:
        return self.posts_dir / MANIFEST_NAME

    def check(self, path: Path) -> None:
        """Refuse a file that is a link, or with a link leading out of `docs_dir` on its way.

        Raises:
            UnsafePath: with a message that names the path.
        """
        self.check_folder(path.parent)
        if is_link(path):
            raise UnsafePath(f"{path}: a symbolic link; not written")

    def check_folder(self, folder: Path) -> None:
        """Refuse a folder outside `docs_dir`, or reached through a link leading out of it.

        Raises:
            UnsafePath: with a message that names the path.
        """
        try:
            relative = folder.relative_to(self.docs_dir)
        except ValueError:
            raise UnsafePath(f"{folder}: not inside {self.docs_dir}; not written") from None
        current = self.docs_dir
        for part in relative.parts:
            current = current / part
            if is_link(current):
                try:
                    resolved: Path | None = current.resolve(strict=True)
                except (OSError, RuntimeError):
                    resolved = None
                if resolved is None or not resolved.is_relative_to(self._resolved_docs):
                    raise UnsafePath(
                        f"{current}: a symbolic link leading out of {self.docs_dir}; not written"
                    )
            elif _exists(current) and not current.is_dir():
                raise UnsafePath(f"{current}: not a folder; not written")

    def exists(self, path: Path) -> bool:
        """Whether a file is there; an empty one (left by a killed import) counts as absent."""
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            return False
        return stat.S_ISLNK(info.st_mode) or info.st_size > 0 or not stat.S_ISREG(info.st_mode)

    def may_overwrite(self, path: Path) -> bool:
        """Whether an existing file is the importer's own, unchanged since it wrote it."""
        if not self.force:
            return False
        if self.overwrite_any:
            return True
        recorded = self._owned.get(self._key(path))
        if recorded is None:
            return False
        try:
            return sha256(path.read_bytes()) == recorded
        except OSError:
            return False

    def write(self, path: Path, data: bytes) -> Outcome:
        """Write `data` to `path` whole, unless a file is there that is not the importer's.

        Raises:
            UnsafePath: the path leads through or to a symbolic link.
        """
        self.check(path)
        if self.exists(path) and not self.may_overwrite(path):
            if not self.force:
                return "exists"
            self.kept.append(path)
            return "kept"
        self._make_folders(path.parent)
        with write_whole(str(path)) as stream:
            stream.write(data)
        self._owned[self._key(path)] = sha256(data)
        return "written"

    def write_outside(self, path: Path, data: bytes) -> Outcome:
        """Write the redirect map, which may be outside `docs_dir`; never through a link."""
        if is_link(path):
            raise UnsafePath(f"{path}: a symbolic link; not written")
        if self.exists(path) and not self.may_overwrite(path):
            if not self.force:
                return "exists"
            self.kept.append(path)
            return "kept"
        path.parent.mkdir(parents=True, exist_ok=True)
        with write_whole(str(path)) as stream:
            stream.write(data)
        self._owned[self._key(path)] = sha256(data)
        return "written"

    def save_manifest(self) -> None:
        """Record the files the importer owns, if it wrote any."""
        if not self._owned:
            return
        data = {"version": _MANIFEST_VERSION, "files": dict(sorted(self._owned.items()))}
        text = json.dumps(data, indent=1, ensure_ascii=False) + "\n"
        try:
            self.check(self.manifest)
        except UnsafePath as error:
            self.warnings.append(str(error))
            return
        self._make_folders(self.manifest.parent)
        with write_whole(str(self.manifest)) as stream:
            stream.write(text.encode("utf-8"))

    def _key(self, path: Path) -> str:
        try:
            return path.relative_to(self.posts_dir).as_posix()
        except ValueError:
            pass
        try:
            # Pages beside the blog: `../../about.md`, so the site's folder can move.
            path.relative_to(self.docs_dir)
        except ValueError:
            return str(path.absolute())
        return Path(os.path.relpath(path, self.posts_dir)).as_posix()

    def _make_folders(self, folder: Path) -> None:
        """Create `folder` one component at a time, never following a link out of docs."""
        self.check_folder(folder)
        self.docs_dir.mkdir(parents=True, exist_ok=True)
        current = self.docs_dir
        for part in folder.relative_to(self.docs_dir).parts:
            current = current / part
            try:
                os.mkdir(current)
            except FileExistsError:
                self.check_folder(current)

    def _load_manifest(self) -> None:
        if is_link(self.manifest):
            self.warnings.append(f"{self.manifest}: a symbolic link; not read")
            return
        try:
            text = self.manifest.read_text(encoding="utf-8")
        except FileNotFoundError:
            return
        except (OSError, UnicodeDecodeError) as error:
            self.warnings.append(f"{self.manifest}: cannot be read ({error}); nothing overwritten")
            return
        try:
            data = json.loads(text)
            files = data["files"]
            if data.get("version") != _MANIFEST_VERSION or not isinstance(files, dict):
                raise ValueError
            owned = {str(key): str(value) for key, value in files.items()}
        except (ValueError, KeyError, TypeError, AttributeError):
            self.warnings.append(
                f"{self.manifest}: not a manifest written by the importer (key 'files'); "
                "nothing is overwritten"
            )
            return
        self._owned = owned


def remove_leftovers(folder: Path) -> int:
    """Delete the temporary files of killed imports under `folder`, never following links.

    A temporary file of a process still running is left alone.
    """
    if not folder.is_dir() or is_link(folder):
        return 0
    return remove_abandoned_partials(str(folder))
