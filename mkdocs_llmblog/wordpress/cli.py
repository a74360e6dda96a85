"""`llmblog import-wordpress`: the command line of the WordPress import."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from mkdocs_llmblog.wordpress.files import UnsafePath, without_control_characters
from mkdocs_llmblog.wordpress.importer import (
    ImportOptions,
    ImportReport,
    Progress,
    import_export,
    no_progress,
)
from mkdocs_llmblog.wordpress.messages import shorten
from mkdocs_llmblog.wordpress.redirects import render_redirect_map, render_snippet
from mkdocs_llmblog.wordpress.settings import SettingsError, SiteSettings, read_site_settings
from mkdocs_llmblog.wordpress.summary import format_details, format_summary, plural
from mkdocs_llmblog.wordpress.wxr import WxrError, read_export

COMMAND = "import-wordpress"
PROGRESS_MIN_POSTS = 25
"""A progress bar is drawn for exports with at least this many posts, on a terminal."""
PRINT = "-"

_T = TypeVar("_T")


class CommandError(Exception):
    """A problem with the command's input; printed as one line, exit status 1."""


def add_parser(subcommands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `import-wordpress` on the `llmblog` command."""
    parser = subcommands.add_parser(
        COMMAND,
        help="import the posts of a WordPress export (WXR) file",
        description=(
            "Turn a WordPress export (Tools → Export → All content) into posts under "
            "<docs_dir>/<blog_dir>/posts/, with their images, pages beside the blog, an "
            "authors file and category intro pages, and write a redirect map for "
            "mkdocs-redirects. Existing files are never overwritten without --force, and with "
            "it only those the importer wrote. Nothing is written through a symbolic link. "
            "Nothing is ever downloaded: images come only from --uploads."
        ),
    )
    parser.add_argument("export", type=Path, metavar="EXPORT.xml", help="the WordPress export")
    parser.add_argument(
        "--docs-dir",
        type=Path,
        metavar="DIR",
        help="the site's docs folder (default: docs_dir of --config, else 'docs')",
    )
    parser.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="the site's mkdocs.yml, read for docs_dir and the llmblog options "
        "(default: mkdocs.yml beside the docs folder, if there is one)",
    )
    parser.add_argument(
        "--uploads",
        type=Path,
        metavar="DIR",
        help="a copy of the site's wp-content/uploads folder, to copy images from (resized "
        "copies such as name-300x200.jpg are taken from their original). Without it no image "
        "is copied and none is downloaded: the posts keep each image's address on the old "
        "site, and the report lists them",
    )
    parser.add_argument(
        "--blog-dir",
        metavar="DIR",
        help="the blog folder inside docs (default: blog_dir of llmblog, else 'blog')",
    )
    parser.add_argument(
        "--timezone",
        metavar="ZONE",
        help="time zone of the dates written (default: timezone of llmblog, else UTC)",
    )
    parser.add_argument(
        "--drafts",
        choices=("skip", "import"),
        default="skip",
        help="drafts, pending, private and scheduled posts: leave them out (default), or "
        "import them with 'draft: true'",
    )
    parser.add_argument(
        "--redirects-file",
        metavar="FILE",
        help="where to write the redirect map for mkdocs-redirects; '-' prints it "
        "(default: redirects.yml beside mkdocs.yml, else printed)",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="overwrite the posts, images and redirect map an earlier import wrote, if unchanged "
        "since (their sha256 is kept in <posts>/.llmblog-import.json); any other existing file "
        "is kept and listed",
    )
    parser.add_argument(
        "--comments",
        action="store_true",
        help="keep each post's approved comments, shown read-only under it (their authors' "
        "names, sites, dates and texts; never e-mail or IP addresses)",
    )
    parser.add_argument("--no-progress", action="store_true", help="never draw a progress bar")
    parser.set_defaults(run=run)


@dataclass(frozen=True)
class _Plan:
    options: ImportOptions
    redirects_file: Path | None
    """None to print the map."""


def run(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run the import the arguments describe; the exit status."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        plan = _resolve(args)
        export = read_export(args.export)
        progress = _progress(not args.no_progress, err)
        report = import_export(export, plan.options, progress)
        try:
            _print_redirects(report, plan, args.export, out)
        finally:
            report.files.save_manifest()
    except (CommandError, WxrError, SettingsError) as error:
        print(f"llmblog {COMMAND}: error: {error}", file=err)
        return 1
    except OSError as error:
        where = f"{shorten(str(error.filename), 200)}: " if error.filename else ""
        print(f"llmblog {COMMAND}: error: {where}{error.strerror or error}", file=err)
        return 1
    if report.page_nav:
        out.write(
            "\nPages: to show them in WordPress's menu order, use these lines as the nav of "
            "mkdocs.yml (without a nav, MkDocs lists every page by its file name):\n\n"
        )
        out.write(without_control_characters(report.page_nav))
    details = format_details(report)
    if details:
        out.write(f"\n{details}")
    out.write("\n" + format_summary(report, uploads_given=plan.options.uploads is not None))
    return 0


def _resolve(args: argparse.Namespace) -> _Plan:
    """The import's options, from the command line first, then `mkdocs.yml`, then defaults."""
    config_file: Path | None = args.config
    if config_file is None:
        beside_docs = (args.docs_dir or Path("docs")).parent / "mkdocs.yml"
        config_file = beside_docs if beside_docs.is_file() else None
    settings = read_site_settings(config_file) if config_file is not None else None
    docs_dir = args.docs_dir or (settings.docs_dir if settings else None) or Path("docs")
    defaults = ImportOptions(docs_dir=docs_dir)
    if not docs_dir.is_dir():
        raise CommandError(
            f"{docs_dir}: no such folder; give the site's docs folder with --docs-dir "
            "(create the site first, e.g. with 'mkdocs new .')"
        )
    uploads: Path | None = args.uploads
    if uploads is not None and not uploads.is_dir():
        raise CommandError(
            f"{uploads}: no such folder; --uploads takes a copy of wp-content/uploads"
        )
    blog_dir = (args.blog_dir or _setting(settings, "blog_dir") or defaults.blog_dir).strip("/")
    if (
        not blog_dir
        or ".." in blog_dir.split("/")
        or without_control_characters(blog_dir) != blog_dir
    ):
        raise CommandError(f"--blog-dir {shorten(blog_dir)!r} must name a folder inside docs")
    zone_name = args.timezone or _setting(settings, "timezone") or defaults.zone.key
    try:
        zone = ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise CommandError(
            f"{shorten(zone_name)!r} is not a known time zone; use an IANA name such as 'UTC' or "
            "'Europe/Berlin'"
        ) from None
    options = ImportOptions(
        docs_dir=docs_dir,
        blog_dir=blog_dir,
        zone=zone,
        drafts=args.drafts,
        uploads=uploads,
        force=args.force,
        comments=args.comments,
        excerpt_separator=_setting(settings, "excerpt_separator") or defaults.excerpt_separator,
        post_url_format=_setting(settings, "post_url_format") or defaults.post_url_format,
        slug_max_length=(settings.post_slug_max_length if settings else None)
        or defaults.slug_max_length,
        site_url=settings.site_url if settings else None,
        category_url_format=_setting(settings, "category_url_format")
        or defaults.category_url_format,
        archive_url_format=_setting(settings, "archive_url_format") or defaults.archive_url_format,
        archive_month_url_format=_setting(settings, "archive_month_url_format")
        or defaults.archive_month_url_format,
        categories=_flag(settings, "categories", defaults.categories),
        archive=_flag(settings, "archive", defaults.archive),
        archive_months=_flag(settings, "archive_months", defaults.archive_months),
        tag_url_format=_setting(settings, "tag_url_format") or defaults.tag_url_format,
        tags=_flag(settings, "tags", defaults.tags),
        author_url_format=_setting(settings, "author_url_format") or defaults.author_url_format,
        authors_profiles=_flag(settings, "authors_profiles", defaults.authors_profiles),
        author_feeds=_flag(settings, "author_feeds", defaults.author_feeds),
        feeds=_flag(settings, "feeds", defaults.feeds),
        feed_formats=_names(settings, "feed_formats", defaults.feed_formats),
        category_feeds=_flag(settings, "category_feeds", defaults.category_feeds),
        tag_feeds=_flag(settings, "tag_feeds", defaults.tag_feeds),
        term_feed_formats=_names(settings, "term_feed_formats", defaults.term_feed_formats),
    )
    if args.redirects_file == PRINT:
        redirects_file = None
    elif args.redirects_file:
        redirects_file = Path(args.redirects_file)
    else:
        redirects_file = config_file.parent / "redirects.yml" if config_file else None
    return _Plan(options, redirects_file)


def _setting(settings: SiteSettings | None, name: str) -> str | None:
    if settings is None:
        return None
    value = getattr(settings, name)
    return value if isinstance(value, str) else None


def _flag(settings: SiteSettings | None, name: str, default: bool) -> bool:
    value = getattr(settings, name) if settings is not None else None
    return value if isinstance(value, bool) else default


def _names(settings: SiteSettings | None, name: str, default: tuple[str, ...]) -> tuple[str, ...]:
    value = getattr(settings, name) if settings is not None else None
    return value if isinstance(value, tuple) else default


def _progress(enabled: bool, stream: TextIO) -> Progress:
    if not enabled or not stream.isatty():
        return no_progress

    def bar(items: Sequence[_T], /) -> Iterable[_T]:
        if len(items) < PROGRESS_MIN_POSTS:
            return items
        from tqdm import tqdm

        return tqdm(items, desc="Importing", unit="post", file=stream, leave=False)

    return bar


def _print_redirects(report: ImportReport, plan: _Plan, export: Path, out: TextIO) -> None:
    redirect_map = report.redirects
    if not redirect_map:
        return
    target = plan.redirects_file
    count = plural(len(redirect_map), "old permalink")
    if target is not None:
        text = without_control_characters(render_redirect_map(redirect_map, export.name))
        outcome: str
        try:
            outcome = report.files.write_outside(target, text.encode("utf-8"))
        except UnsafePath as error:
            out.write(f"{error}\n")
            outcome = "refused"
        if outcome == "exists":
            out.write(f"{target} exists and was not overwritten (--force overwrites it).\n")
        elif outcome == "kept":
            out.write(f"{target} was not written by the importer and was kept.\n")
        if outcome == "written":
            out.write(f"Redirects: {count} mapped in {target}.\n")
        else:
            target = None
    if target is None:
        out.write(f"Redirects: {count} mapped below.\n")
    out.write(
        "To serve them, install mkdocs-redirects (pip install mkdocs-redirects) and add it to "
        "the plugins of mkdocs.yml:\n\n"
    )
    snippet = render_snippet(redirect_map, str(target) if target is not None else None)
    out.write(without_control_characters(snippet))
