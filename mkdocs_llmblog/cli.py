"""The `llmblog` command: tools for sites that use the plugin, one subcommand each."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from mkdocs_llmblog.migrating import cli as migrating_cli
from mkdocs_llmblog.wordpress import cli as wordpress_cli


def build_parser() -> argparse.ArgumentParser:
    """The `llmblog` argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="llmblog", description="Tools for blogs made with the mkdocs-llmblog plugin."
    )
    subcommands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    wordpress_cli.add_parser(subcommands)
    migrating_cli.add_parser(subcommands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run `llmblog`; the exit status (2 for a usage error, as argparse has it)."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        return 130
