"""`llmblog material-urls`: the URLs that would change when a Material blog switches plugins."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

import yaml

from mkdocs_llmblog.migrating.material_urls import (
    Comparison,
    MaterialUrlsError,
    compare_material_urls,
    redirect_map,
)

COMMAND = "material-urls"


def add_parser(subcommands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `material-urls` on the `llmblog` command."""
    parser = subcommands.add_parser(
        COMMAND,
        help="list the URLs of a Material blog that would change with llmblog",
        description=(
            "A dry run before switching from Material's blog plugin: lays out the blog of "
            "mkdocs.yml (with '- blog' or '- llmblog') with Material's plugin and with this "
            "one, and lists every post, list page and file whose URL would change. Nothing in "
            "the project is written. Exit status 0 when no URL changes, 1 when some do."
        ),
    )
    parser.add_argument(
        "-f",
        "--config-file",
        type=Path,
        default=Path("mkdocs.yml"),
        metavar="FILE",
        help="the site's config (default: mkdocs.yml)",
    )
    parser.add_argument(
        "--redirects",
        action="store_true",
        help="also print redirect_maps lines for mkdocs-redirects, old URL to new page",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """List the changes; 1 if any URL changes, 2 if the site cannot be compared."""
    out = out or sys.stdout
    try:
        comparison = compare_material_urls(args.config_file)
    except MaterialUrlsError as error:
        print(f"llmblog {COMMAND}: {error}", file=sys.stderr)
        return 2
    out.write(format_changes(comparison))
    if args.redirects and comparison.changes:
        mapping = redirect_map(comparison)
        out.write("\n# for mkdocs-redirects, under `plugins: - redirects: redirect_maps:`\n")
        out.write(
            yaml.safe_dump(mapping, allow_unicode=True, sort_keys=True) if mapping else "{}\n"
        )
    return 1 if comparison.changes else 0


def format_changes(comparison: Comparison) -> str:
    """One line per change, `old -> new`, then a summary."""
    lines = []
    for change in comparison.changes:
        new = change.llmblog_url if change.llmblog_url is not None else "(no such page)"
        lines.append(f"{change.material_url}  ->  {new}    [{change.source}]")
    if comparison.changes:
        lines.append(
            f"{len(comparison.changes)} of {comparison.compared} URLs would change. "
            "'compatibility: material' under llmblog: keeps Material's rules; see "
            "docs/migrating-from-material.md."
        )
    else:
        lines.append(f"All {comparison.compared} URLs stay the same.")
    return "\n".join(lines) + "\n"
