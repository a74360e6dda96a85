"""What an import needs to know of the target site: read leniently from its `mkdocs.yml`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

PLUGIN_NAMES = ("llmblog",)


class SettingsError(ValueError):
    """A `mkdocs.yml` that cannot be read; the message names the file."""


@dataclass(frozen=True)
class SiteSettings:
    """The options of a site that decide where and how posts are written.

    Each is None where the config file does not set it, so that the defaults live in one place
    (the command line).
    """

    config_file: Path
    docs_dir: Path | None
    blog_dir: str | None
    timezone: str | None
    excerpt_separator: str | None
    post_url_format: str | None
    post_slug_max_length: int | None
    site_url: str | None = None
    category_url_format: str | None = None
    archive_url_format: str | None = None
    archive_month_url_format: str | None = None
    categories: bool | None = None
    archive: bool | None = None
    archive_months: bool | None = None
    tag_url_format: str | None = None
    tags: bool | None = None
    author_url_format: str | None = None
    authors_profiles: bool | None = None
    author_feeds: bool | None = None
    feeds: bool | None = None
    feed_formats: tuple[str, ...] | None = None
    category_feeds: bool | None = None
    tag_feeds: bool | None = None
    term_feed_formats: tuple[str, ...] | None = None


class _LenientLoader(yaml.SafeLoader):
    """A safe loader that reads `!ENV`, `!relative` and `!!python/...` tags as nothing.

    Those tags are common in `mkdocs.yml` files (Material's emoji settings use `!!python/name`);
    the few options read here never depend on them, and nothing in the file is ever executed.
    """


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_LenientLoader.add_multi_constructor("!", _ignore_tag)
_LenientLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


def read_site_settings(config_file: Path) -> SiteSettings:
    """Read `docs_dir` and the `llmblog` plugin's options from a `mkdocs.yml`.

    Raises:
        SettingsError: the file is missing or is not a YAML mapping.
    """
    try:
        source = config_file.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise SettingsError(f"{config_file}: no such file; give the site's mkdocs.yml") from None
    except (OSError, UnicodeDecodeError) as error:
        raise SettingsError(f"{config_file}: cannot be read ({error})") from None
    try:
        data = yaml.load(source, Loader=_LenientLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise SettingsError(f"{config_file}: is not valid YAML{where}") from None
    if not isinstance(data, dict):
        raise SettingsError(f"{config_file}: is not a mapping of MkDocs settings")
    docs_dir = data.get("docs_dir", "docs")
    options = _plugin_options(data.get("plugins"))
    return SiteSettings(
        config_file=config_file,
        docs_dir=config_file.parent / docs_dir if isinstance(docs_dir, str) else None,
        blog_dir=_text(options, "blog_dir"),
        timezone=_text(options, "timezone"),
        excerpt_separator=_text(options, "excerpt_separator"),
        post_url_format=_text(options, "post_url_format"),
        post_slug_max_length=_number(options, "post_slug_max_length"),
        site_url=_text(data, "site_url"),
        category_url_format=_text(options, "category_url_format"),
        archive_url_format=_text(options, "archive_url_format"),
        archive_month_url_format=_text(options, "archive_month_url_format"),
        categories=_flag(options, "categories"),
        archive=_flag(options, "archive"),
        archive_months=_flag(options, "archive_months"),
        tag_url_format=_text(options, "tag_url_format"),
        tags=_flag(options, "tags"),
        author_url_format=_text(options, "author_url_format")
        or _text(options, "authors_profiles_url_format"),
        authors_profiles=_flag(options, "authors_profiles"),
        author_feeds=_flag(options, "author_feeds"),
        feeds=_flag(options, "feeds"),
        feed_formats=_texts(options, "feed_formats"),
        category_feeds=_flag(options, "category_feeds"),
        tag_feeds=_flag(options, "tag_feeds"),
        term_feed_formats=_texts(options, "term_feed_formats"),
    )


def _plugin_options(plugins: Any) -> dict[str, Any]:
    """The options of the `llmblog` entry of a `plugins` list or mapping; empty if none."""
    entries: list[tuple[Any, Any]] = []
    if isinstance(plugins, list):
        for entry in plugins:
            if isinstance(entry, str):
                entries.append((entry, None))
            elif isinstance(entry, dict):
                entries.extend(entry.items())
    elif isinstance(plugins, dict):
        entries.extend(plugins.items())
    for name, options in entries:
        if name in PLUGIN_NAMES:
            return options if isinstance(options, dict) else {}
    return {}


def _text(options: dict[str, Any], key: str) -> str | None:
    value = options.get(key)
    return value.strip() if isinstance(value, str) and value.strip() else None


def _texts(options: dict[str, Any], key: str) -> tuple[str, ...] | None:
    value = options.get(key)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    return None


def _number(options: dict[str, Any], key: str) -> int | None:
    value = options.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _flag(options: dict[str, Any], key: str) -> bool | None:
    value = options.get(key)
    return value if isinstance(value, bool) else None
