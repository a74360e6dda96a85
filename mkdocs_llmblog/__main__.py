"""`python -m mkdocs_llmblog`: the `llmblog` command."""

from __future__ import annotations

from mkdocs_llmblog.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
