"""Files in the cache folder: written whole or not at all, leftovers of killed builds removed."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

PARTIAL_PREFIX = ".partial-"
"""Files being written are named `.partial-<pid>-...` until complete."""


@contextmanager
def write_whole(target: str, *, text: bool = False, read_only: bool = False) -> Iterator[IO[Any]]:
    """A stream whose file appears at `target` only once complete (written to a temporary file
    and renamed), so a killed build never leaves a partial file under the final name.

    `read_only`: on POSIX, the file cannot be edited in place (the site gets hard links to
    cached images).
    """
    folder = os.path.dirname(target) or "."
    os.makedirs(folder, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        dir=folder, prefix=f"{PARTIAL_PREFIX}{os.getpid()}-", suffix=os.path.splitext(target)[1]
    )
    try:
        with os.fdopen(handle, "w" if text else "wb", encoding="utf-8" if text else None) as stream:
            yield stream
        if read_only and os.name == "posix":
            os.chmod(temporary, 0o444)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def remove_abandoned_partials(folder: str) -> int:
    """Delete partial files left by processes that no longer run (a killed build or import),
    never following links.

    A partial of a running process (another build sharing the cache) is left alone.
    """
    removed = 0
    for root, _folders, names in os.walk(folder, followlinks=False):
        for name in names:
            if not name.startswith(PARTIAL_PREFIX):
                continue
            pid_text = name[len(PARTIAL_PREFIX) :].split("-", 1)[0]
            if pid_text.isdigit() and _process_is_running(int(pid_text)):
                continue
            path = Path(root, name)
            if path.is_symlink():
                continue  # Not a file this code wrote.
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def _process_is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # Someone else's process: alive.
    except OverflowError:
        return False  # No process has so large a number.
    except OSError as error:
        return error.errno != errno.ESRCH
    return True


def entry_check(entry: dict[str, Any]) -> str:
    """The SHA-256 a cache entry is stored with: an entry damaged or edited by hand no longer
    matches it (a deliberate forger with write access to the cache can recompute it)."""
    fields = {name: value for name, value in entry.items() if name != "check"}
    return hashlib.sha256(json.dumps(fields, sort_keys=True).encode()).hexdigest()
