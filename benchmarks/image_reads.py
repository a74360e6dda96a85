"""Build once and count the image files opened, by whom: does a warm build read any image?

    python benchmarks/image_reads.py PROJECT/mkdocs.yml SITE_FOLDER

Runs `mkdocs build` in this process with an audit hook (`sys.addaudithook`) on the `open` event,
which every open of a file raises (`open()`, `io.open`, `os.open`, and so Pillow's and shutil's).
Each open of a file with an image extension is put down to llmblog when a frame of
`mkdocs_llmblog` is on the stack, else to MkDocs (which copies every file of docs_dir into the
site byte for byte, the featured images' originals too, in a plain MkDocs build as well).
Prints one JSON object: the counts, a few of llmblog's paths, and whether Pillow was imported.
`benchmarks/run.py --images` runs it on the warm project, outside the timed builds.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif", ".tif", ".tiff", ".bmp")
PACKAGE_PART = f"{os.sep}mkdocs_llmblog{os.sep}"


def count_image_opens(config_file: Path, site_dir: Path) -> dict[str, Any]:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    opens: dict[str, list[str]] = {"llmblog": [], "mkdocs": []}

    def hook(event: str, arguments: tuple[Any, ...]) -> None:
        if event != "open" or not arguments:
            return
        path = arguments[0]
        if isinstance(path, bytes):
            path = os.fsdecode(path)
        if not isinstance(path, str) or not path.lower().endswith(IMAGE_EXTENSIONS):
            return
        frame = sys._getframe(1)
        while frame is not None:
            if PACKAGE_PART in frame.f_code.co_filename:
                opens["llmblog"].append(path)
                return
            frame = frame.f_back  # type: ignore[assignment]
        opens["mkdocs"].append(path)

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    pillow_before = "PIL.Image" in sys.modules
    config = load_config(config_file=str(config_file), site_dir=str(site_dir))
    sys.addaudithook(hook)  # For the rest of this process: it is its last work.
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return {
        "llmblog_opens": len(opens["llmblog"]),
        "llmblog_paths": opens["llmblog"][:5],
        "mkdocs_opens": len(opens["mkdocs"]),
        "pillow_imported": "PIL.Image" in sys.modules and not pillow_before,
    }


def main() -> None:
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    print(json.dumps(count_image_opens(Path(sys.argv[1]).resolve(), Path(sys.argv[2]))))


if __name__ == "__main__":
    main()
