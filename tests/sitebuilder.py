"""Building real MkDocs sites in temporary folders for the tests."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

THEMES = ("material", "mkdocs", "readthedocs")
INDEX_PAGES = frozenset({"blog", "news"})
"""The blog folders the tests use: their index page is `<folder>/index.html`."""


@dataclass
class BuiltSite:
    """The output of one build."""

    root: Path
    site_dir: Path
    use_directory_urls: bool
    errors: list[str] = field(default_factory=list)

    def page_path(self, url_path: str) -> Path:
        """The output file of a page given as `blog/page/2` (no extension, no slash)."""
        url_path = url_path.strip("/")
        if not url_path:
            return self.site_dir / "index.html"
        if self.use_directory_urls:
            return self.site_dir / url_path / "index.html"
        if url_path.endswith("/index") or url_path == "index":
            return self.site_dir / f"{url_path}.html"
        # With file URLs only an index.md page is written as a folder's index.html, as MkDocs
        # does it: the blog index (blog/index.md), never a post or another list page.
        if url_path in INDEX_PAGES:
            return self.site_dir / url_path / "index.html"
        return self.site_dir / f"{url_path}.html"

    def html(self, url_path: str) -> BeautifulSoup:
        """The parsed page at `url_path`."""
        return BeautifulSoup(self.page_path(url_path).read_text(encoding="utf-8"), "html.parser")

    def has_page(self, url_path: str) -> bool:
        return self.page_path(url_path).is_file()

    def output_files(self) -> set[str]:
        return {
            p.relative_to(self.site_dir).as_posix() for p in self.site_dir.rglob("*") if p.is_file()
        }


def write_project(root: Path, config: Mapping[str, Any], files: Mapping[str, str | bytes]) -> Path:
    """Write `mkdocs.yml` and `docs/` files under `root`; return the config file."""
    root.mkdir(parents=True, exist_ok=True)
    settings: dict[str, Any] = {"site_name": "Test blog", **config}
    settings.setdefault("plugins", ["llmblog"])
    # Feeds and share previews need absolute URLs; `site_url: None` builds a site without one.
    settings.setdefault("site_url", "https://example.com/test/")
    if settings["site_url"] is None:
        del settings["site_url"]
    config_file = root / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    docs = root / str(settings.get("docs_dir", "docs"))
    docs.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = docs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return config_file


def build_site(
    tmp_path: Path,
    config: Mapping[str, Any],
    files: Mapping[str, str | bytes],
    *,
    command: str = "build",
    strict: bool = True,
    expect_error: bool = False,
    yaml_tags: Mapping[str, str] | None = None,
) -> BuiltSite:
    """Run a real MkDocs build of a site made of `config` and `files`.

    `command` is what `on_startup` is told ("serve" shows drafts). With `expect_error`, the build
    must stop with an error, whose logged messages are in `BuiltSite.errors`. `yaml_tags` puts
    YAML that a mapping cannot say into `mkdocs.yml`: each key, a text value of the config, is
    written as its value (`!!python/name:markdown.extensions.toc.slugify`).
    """
    config_file = write_project(tmp_path, config, files)
    if yaml_tags:
        text = config_file.read_text(encoding="utf-8")
        for placeholder, tagged in yaml_tags.items():
            assert placeholder in text, placeholder
            text = text.replace(placeholder, tagged)
        config_file.write_text(text, encoding="utf-8")
    site_dir = tmp_path / "site"
    mkdocs_config = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=strict)
    mkdocs_config.plugins.on_startup(command=command, dirty=False)  # type: ignore[arg-type]
    collector = ErrorCollector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    try:
        build(mkdocs_config)
    except Abort:
        if not expect_error:
            raise
    else:
        if expect_error:
            raise AssertionError("the build was expected to fail but passed")
    finally:
        logger.removeHandler(collector)
        mkdocs_config.plugins.on_shutdown()
    return BuiltSite(tmp_path, site_dir, bool(mkdocs_config.use_directory_urls), collector.messages)


def dirty_build(root: Path, dirty: bool) -> BuiltSite:
    """Build the project already written at `root` again, with or without `--dirty`.

    MkDocs itself warns on every dirty build, so those cannot be strict.
    """
    config = load_config(
        config_file=str(root / "mkdocs.yml"), site_dir=str(root / "site"), strict=not dirty
    )
    config.plugins.on_startup(command="build", dirty=dirty)
    try:
        build(config, dirty=dirty)
    finally:
        config.plugins.on_shutdown()
    return BuiltSite(root, root / "site", True)


class ErrorCollector(logging.Handler):
    """Collects the error messages MkDocs logs during a build."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def post(front_matter: Mapping[str, Any] | str, body: str = "Some text.\n") -> str:
    """A post's source: YAML front matter (a mapping, or raw YAML text) and a body."""
    meta = front_matter if isinstance(front_matter, str) else yaml.safe_dump(dict(front_matter))
    return f"---\n{meta}---\n\n{body}"
