"""The URLs of a site's blog under Material's blog plugin and under this plugin, compared.

Both sides are computed by the plugins' own code on the site's own `mkdocs.yml`: Material's
plugin lays out its posts and views (`on_config`, `on_files`), this plugin its posts and lists
(`sources`, `layout`). Nothing is rendered, no image is made, and the docs folder is only read:
Material's plugin writes a missing blog index, so it runs on a copy of the docs folder.
"""

from __future__ import annotations

import copy
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError, PluginError
from mkdocs.structure.files import Files, get_files
from mkdocs.utils import get_build_datetime
from mkdocs.utils.yaml import yaml_load

from mkdocs_llmblog.config import LlmBlogConfig, docs_folder_name
from mkdocs_llmblog.config.material import MATERIAL_DEFAULTS
from mkdocs_llmblog.i18n.dates import DateFormatter
from mkdocs_llmblog.layout import BuildMode, lay_out_blog
from mkdocs_llmblog.model import Listing
from mkdocs_llmblog.sources.authors import authors_file_path, read_authors
from mkdocs_llmblog.sources.discovery import read_posts

BLOG_PLUGIN_NAMES = ("blog", "material/blog", "llmblog")
"""How `mkdocs.yml` names the blog plugin before (Material's) or after (this one) switching."""
KEPT_PLUGIN_NAMES = ("meta", "material/meta")
"""Other plugins that change where posts go (Material's `meta` gives posts front matter), kept
in both layouts; the others play no part and are left out."""


class MaterialUrlsError(Exception):
    """The site cannot be compared: its config is missing, bad, or has no blog."""


@dataclass(frozen=True)
class UrlChange:
    """A page or file whose URL is not the same under both plugins."""

    source: str
    """The file in docs_dir (`blog/posts/hello.md`), or the kind of generated page."""
    material_url: str
    llmblog_url: str | None
    """None: this plugin publishes no such page."""
    llmblog_page: str | None = None
    """The source path of the page this plugin publishes there (a list page it makes)."""


@dataclass
class Comparison:
    """Every URL that would change, and how many were compared."""

    changes: list[UrlChange] = field(default_factory=list)
    compared: int = 0


def blog_options(config_file: Path) -> tuple[dict[str, Any], list[Any]]:
    """The blog plugin's options in `mkdocs.yml` (`- blog` or `- llmblog`), and the entries
    of the other plugins that change where posts go (`KEPT_PLUGIN_NAMES`).

    Raises:
        MaterialUrlsError: the file cannot be read, or has no blog plugin.
    """
    try:
        with config_file.open(encoding="utf-8") as stream:
            raw = yaml_load(stream)
    except OSError as error:
        raise MaterialUrlsError(f"{config_file}: cannot be read: {error.strerror}") from None
    except Exception as error:
        raise MaterialUrlsError(f"{config_file}: not valid YAML: {error}") from None
    plugins = raw.get("plugins") if isinstance(raw, dict) else None
    entries = list(plugins.items()) if isinstance(plugins, dict) else list(plugins or [])
    found: dict[str, Any] | None = None
    kept: list[Any] = []
    for entry in entries:
        name, options = _plugin_entry(entry)
        if name in BLOG_PLUGIN_NAMES and found is None:
            found = dict(options or {})
        elif name in KEPT_PLUGIN_NAMES:
            kept.append({name: dict(options or {})})
    if found is not None:
        return found, kept
    raise MaterialUrlsError(
        f"{config_file}: no blog plugin in 'plugins' (looked for {', '.join(BLOG_PLUGIN_NAMES)})"
    )


def _plugin_entry(entry: Any) -> tuple[str | None, Mapping[str, Any] | None]:
    if isinstance(entry, str):
        return entry, None
    if isinstance(entry, tuple) and len(entry) == 2:
        return str(entry[0]), entry[1] if isinstance(entry[1], Mapping) else None
    if isinstance(entry, Mapping) and len(entry) == 1:
        name, options = next(iter(entry.items()))
        return str(name), options if isinstance(options, Mapping) else None
    return None, None


@dataclass
class PublishedUrls:
    """Where one plugin publishes the blog: files of docs_dir by source path, and the URLs of
    the pages it makes itself (lists and their pages)."""

    files: dict[str, str] = field(default_factory=dict)
    generated: set[str] = field(default_factory=set)
    lists: dict[tuple[str, str, int], str] = field(default_factory=dict)
    list_sources: dict[str, str] = field(default_factory=dict)
    """The source path of each list page, by URL."""
    """Each page of each list by kind (`index`, `category`, `archive`, `author`), name (the
    category's, the year, the author's) and number, to find a list page that moved."""

    def all_urls(self) -> set[str]:
        return set(self.files.values()) | self.generated


def compare_material_urls(config_file: Path) -> Comparison:
    """What each page and file of the site's blog is published at by Material's plugin and by
    this plugin, as `mkdocs.yml` configures it (with `- blog` or `- llmblog`).

    Raises:
        MaterialUrlsError: the config cannot be read or loaded, or has no blog.
    """
    options, kept = blog_options(config_file)
    material_options = {key: value for key, value in options.items() if key in MATERIAL_DEFAULTS}
    with tempfile.TemporaryDirectory(prefix="llmblog-material-urls-") as work:
        material = _material_urls(config_file, material_options, kept, Path(work))
        ours = _llmblog_urls(config_file, options, kept, Path(work))
    comparison = Comparison(compared=len(material.files) + len(material.generated))
    our_urls = ours.all_urls()
    for source, material_url in sorted(material.files.items()):
        our_url = ours.files.get(source)
        if our_url is None and material_url in our_urls:
            continue  # a page Material writes into docs_dir (the index), made here
        if our_url != material_url:
            comparison.changes.append(UrlChange(source, material_url, our_url))
    moved_lists = {url: key for key, url in material.lists.items()}
    for material_url in sorted(material.generated - our_urls):
        key = moved_lists.get(material_url)
        kind, name, number = key if key else ("list", "", 1)
        where = f"({kind} {name!r}, page {number})" if name else f"({kind}, page {number})"
        new_url = ours.lists.get(key) if key else None
        new_page = ours.list_sources.get(new_url) if new_url else None
        comparison.changes.append(UrlChange(where, material_url, new_url, new_page))
    return comparison


def _load(config_file: Path, plugins: list[Any], **overrides: Any) -> MkDocsConfig:
    # MkDocs takes the plugin entries apart as it reads them: each load gets its own copy.
    try:
        return load_config(
            config_file=str(config_file), plugins=copy.deepcopy(plugins), **overrides
        )
    except (ConfigurationError, SystemExit) as error:
        raise MaterialUrlsError(f"{config_file}: {error}") from None


def _material_urls(
    config_file: Path, options: dict[str, Any], kept: list[Any], work: Path
) -> PublishedUrls:
    """Material's plugin laying out the blog, on a copy of the docs folder."""
    site_dir = str(work / "site")
    probe = _load(config_file, [], site_dir=site_dir)
    docs_copy = work / "docs"
    shutil.copytree(probe.docs_dir, docs_copy, symlinks=True)
    config = _load(
        config_file,
        [*kept, {"material/blog": options}],
        docs_dir=str(docs_copy),
        site_dir=site_dir,
    )
    plugin: Any = config.plugins["material/blog"]  # Material's BlogPlugin, untyped
    published = PublishedUrls()
    try:
        # Material's meta plugin, where kept, reads its files before the blog (priority -50).
        config.plugins.on_startup(command="build", dirty=False)
        config = config.plugins.on_config(config)
        files = config.plugins.on_files(get_files(config), config=config)
        for post in plugin.blog.posts:
            published.files[post.file.src_uri] = unquote(post.file.url)
        for view in plugin._resolve_views(plugin.blog):
            kind = MATERIAL_VIEW_KINDS.get(type(view).__name__, "index")
            pages = view.pages or [view]
            for number, page in enumerate(pages, start=1):
                url = unquote(page.file.url)
                published.lists[(kind, str(view.name or ""), number)] = url
                if page.file.generated_by == "material/blog":
                    published.generated.add(url)
                else:
                    published.files[page.file.src_uri] = url
    except PluginError as error:
        raise MaterialUrlsError(f"Material's blog plugin: {error}") from None
    finally:
        config.plugins.on_shutdown()
    _add_media(published, files)
    return published


def _llmblog_urls(
    config_file: Path, options: dict[str, Any], kept: list[Any], work: Path
) -> PublishedUrls:
    """This plugin laying out the blog (`sources`, `layout`), nothing rendered."""
    config = _load(config_file, [*kept, {"llmblog": options}], site_dir=str(work / "site-llmblog"))
    plugin_options: LlmBlogConfig = config.plugins["llmblog"].config
    plugin_options.resolve_compatibility(config.theme.name)
    files = get_files(config)
    language = str(config.theme.get("language") or config.theme.locale or "en")
    dates = DateFormatter(plugin_options.language or language)
    docs_name = docs_folder_name(config.docs_dir)
    # MkDocs names the plugin running an event as the maker of the files made in it; outside
    # a build, this run is that plugin's.
    config.plugins._current_plugin = "llmblog"
    try:
        sources = read_posts(files, config, plugin_options)
        authors_path = authors_file_path(plugin_options.authors_file, plugin_options.blog_dir)
        authors = read_authors(
            config.docs_dir,
            docs_name,
            authors_path,
            slugs_as_written=plugin_options.compatibility == "material",
        )
        mode = BuildMode(serving=False, now_timestamp=get_build_datetime().timestamp())
        blog = lay_out_blog(
            sources, files, config, plugin_options, mode, "Blog", dates, "Tags", authors
        )
    except PluginError as error:
        raise MaterialUrlsError(f"llmblog: {error}") from None
    published = PublishedUrls()
    for post in blog.published:
        published.files[post.src_uri] = unquote(blog.post_urls[post.src_uri])
    for list_page in blog.list_pages_by_src.values():
        file = list_page.file
        published.lists[_list_key(list_page.listing, list_page.number)] = unquote(file.url)
        published.list_sources[unquote(file.url)] = file.src_uri
        if file.generated_by is None:
            published.files[file.src_uri] = unquote(file.url)
        else:
            published.generated.add(unquote(file.url))
    _add_media(published, files)
    return published


MATERIAL_VIEW_KINDS = {"Category": "category", "Archive": "archive", "Profile": "author"}
"""The kind of list of each of Material's view classes (its blog index is a plain `View`)."""


def _list_key(listing: Listing, number: int) -> tuple[str, str, int]:
    """A list page's key as Material's views are named: the category's name, the year, the
    author's name; the index has none."""
    if listing.category is not None:
        return ("category", listing.category.full_name, number)
    if listing.period is not None:
        return ("archive", f"{listing.period.year:04d}", number)
    if listing.author is not None:
        return ("author", listing.author.name, number)
    return (listing.kind, "", number)


def _add_media(published: PublishedUrls, files: Files) -> None:
    for file in files.media_files():
        published.files[file.src_uri] = unquote(file.url)


def redirect_map(comparison: Comparison) -> dict[str, str]:
    """`redirect_maps` for mkdocs-redirects: each old page (`old/url/index.md`) to the source
    path of its page now (a post's file, or the list page this plugin makes, which
    mkdocs-redirects finds when it comes after `llmblog` in `plugins`). Files other than pages
    cannot be redirected by it, and pages with no counterpart have nowhere to go: both are
    left out."""
    mapping: dict[str, str] = {}
    for change in comparison.changes:
        old = change.material_url
        if change.llmblog_url is None or not old.endswith(("/", ".html")):
            continue
        key = old + "index.md" if old.endswith("/") else old.removesuffix(".html") + ".md"
        target = change.source if change.source.endswith(".md") else change.llmblog_page
        if target is not None:
            mapping[key] = target
    return mapping
