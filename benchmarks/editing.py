"""Time the rebuild after an edit of a post, as `mkdocs serve` makes it; check nothing is stale.

    python benchmarks/editing.py PROJECT/mkdocs.yml --dirty --edits body title categories

One process plays `mkdocs serve` (`--dirty` or not): it loads the config, calls `on_startup`
once, builds the site once (not timed), then for each edit saves the changed post and times the
rebuild exactly as the server's builder makes it (`load_config` again, then
`mkdocs.commands.build.build(config, serve_url=..., dirty=...)`), and reads the rebuilt site
to check the edit shows wherever it should. It prints one JSON object: the seconds of each
rebuild and the stale places found (none, when the rebuild is right). The wait of the file
watcher before a rebuild starts is the same for every plugin and is not counted.

The post edited is the newest one (`post-00001`), which is on the first page of the blog index
and of its categories' pages. Edits, each on top of the previous one:

- `body`: a word added to its excerpt paragraph; checked on the post, and with llmblog on the
  blog index and its categories' first pages;
- `title`: a new title (which also moves the post, its URL being made from the title); checked
  on the blog index (the new title links to a page with that title; the old one is gone);
- `categories`: its second category swapped for one it had not; checked on both categories'
  first pages.

The post's file is put back as it was when the process ends. Edits are saved by writing a new
file and renaming it over the old one: the benchmark corpora share `docs/` between variants by
hard links, which an edit in place would change for every variant at once.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import CATEGORIES

if TYPE_CHECKING:
    from bs4 import BeautifulSoup

Edit = Literal["body", "title", "categories"]
EDITS: tuple[Edit, ...] = ("body", "title", "categories")
EDITED_POST = "blog/posts/post-00001.md"
BODY_MARK = "Zanzibarquux"
"""A word no generated post contains, added to the excerpt by the `body` edit."""
NEW_TITLE = "Edited title for the benchmark"


@dataclass
class PostText:
    """The edited post's front matter lines and body, to change and write back."""

    title: str
    categories: list[str]
    body: str
    rest: list[str] = field(default_factory=list)
    """Other front matter lines (date, image...), kept as they are."""

    @classmethod
    def parse(cls, text: str) -> PostText:
        _, front, body = text.split("---\n", 2)
        title = ""
        categories: list[str] = []
        rest: list[str] = []
        lines = iter(front.splitlines())
        for line in lines:
            if line.startswith("title: "):
                title = line.removeprefix("title: ")
            elif line == "categories:":
                continue
            elif line.startswith("  - "):
                categories.append(line.removeprefix("  - "))
            else:
                rest.append(line)
        return cls(title, categories, body, rest)

    def text(self) -> str:
        lines = [f"title: {self.title}", *self.rest, "categories:"]
        lines += [f"  - {category}" for category in self.categories]
        return "---\n" + "\n".join(lines) + "\n---\n" + self.body


def save(path: Path, text: str) -> None:
    """Write `text` as a new file renamed over `path` (breaking any hard link to the old one)."""
    temporary = path.with_name(f".{path.name}.edit")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def apply_edit(post: PostText, edit: Edit) -> PostText:
    if edit == "body":
        # The body starts with an empty line, then the excerpt paragraph.
        head, excerpt = post.body.split("\n", 1)
        return PostText(post.title, post.categories, f"{head}\n{BODY_MARK} {excerpt}", post.rest)
    if edit == "title":
        number = post.title.rsplit(" ", 1)[-1]
        return PostText(f"{NEW_TITLE} {number}", post.categories, post.body, post.rest)
    unused = next(c for c in CATEGORIES if c not in post.categories)
    return PostText(post.title, [post.categories[0], unused], post.body, post.rest)


def category_page(site: Path, category: str) -> Path:
    """The first page of a category's list (the corpus' categories are single words)."""
    return site / "blog" / "category" / category.lower() / "index.html"


def parsed(page: Path) -> BeautifulSoup:
    from bs4 import BeautifulSoup

    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")


def text_of(page: Path) -> str:
    """The whole page's text: its content, widgets included."""
    return parsed(page).get_text(" ")


def list_text(page: Path) -> str:
    """The text of the post list of a list page, without the widgets (which list every page's
    recent posts)."""
    return " ".join(item.get_text(" ") for item in parsed(page).select("ol.llmblog-post-list"))


def post_page(site: Path, title: str) -> Path | None:
    """The output file of the post the blog index lists with the title `title`."""
    index = parsed(site / "blog" / "index.html")
    for link in index.select("ol.llmblog-post-list a[href]"):
        if link.get_text(" ", strip=True) == title:
            path = unquote(urlsplit(str(link["href"])).path)
            target = (site / "blog" / path).resolve()
            return target / "index.html" if target.is_dir() else target
    return None


def stale_places(
    site: Path, before: PostText, after: PostText, edit: Edit, blog: bool
) -> list[str]:
    """Where the rebuilt site does not show `edit` (empty: nothing stale)."""
    if not blog:
        page = site / "blog" / "posts" / "post-00001" / "index.html"
        if edit == "body" and BODY_MARK not in text_of(page):
            return [f"{page.relative_to(site)} lacks the edited excerpt"]
        if edit == "title" and after.title not in text_of(page):
            return [f"{page.relative_to(site)} lacks the new title"]
        return []
    stale: list[str] = []
    index = site / "blog" / "index.html"
    target = post_page(site, after.title)
    if target is None or not target.is_file():
        return [f"blog/index.html lists no post titled {after.title!r} with a written page"]
    lists = [index, *(category_page(site, c) for c in after.categories)]
    if edit == "body":
        if BODY_MARK not in text_of(target):
            stale.append(f"{target.relative_to(site)} lacks the edited excerpt")
        stale += [
            f"{p.relative_to(site)} lists the old excerpt"
            for p in lists
            if BODY_MARK not in list_text(p)
        ]
    elif edit == "title":
        # The recent posts widget of every page shows the newest post: the home page's too.
        for page in [target, *lists, site / "index.html"]:
            text = text_of(page)
            if after.title not in text:
                stale.append(f"{page.relative_to(site)} lacks the new title")
            if re.search(rf"\b{re.escape(before.title)}\b", text):
                stale.append(f"{page.relative_to(site)} still shows the old title")
    else:
        (removed,) = set(before.categories) - set(after.categories)
        (added,) = set(after.categories) - set(before.categories)
        if after.title not in list_text(category_page(site, added)):
            stale.append(f"the first page of {added!r} does not list the post")
        old = category_page(site, removed)
        if old.is_file() and after.title in list_text(old):
            stale.append(f"the first page of {removed!r} still lists the post")
    return stale


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def serve_rebuilds(config_file: Path, dirty: bool, edits: Sequence[Edit]) -> dict[str, Any]:
    """Play `mkdocs serve [--dirty]`: one initial build, then a timed rebuild after each edit."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import _serve_url

    site_dir = tempfile.mkdtemp(prefix="llmblog-editing-")
    post_file = config_file.parent / "docs" / EDITED_POST
    original = post_file.read_text(encoding="utf-8")

    def get_config() -> MkDocsConfig:
        return load_config(config_file=str(config_file), site_dir=site_dir)

    config = get_config()
    blog = "llmblog" in config.plugins
    config.plugins.on_startup(command="serve", dirty=dirty)
    host, port = config.dev_addr
    serve_url = _serve_url(host, port, urlsplit(config.site_url or "/").path)

    def builder(config: MkDocsConfig | None = None) -> None:
        # As `mkdocs.commands.serve.serve` does it.
        if config is None:
            config = get_config()
        config.site_url = serve_url
        build(config, serve_url=serve_url, dirty=dirty)

    results: dict[str, Any] = {"dirty": dirty, "blog": blog, "edits": {}}
    try:
        started = time.perf_counter()
        builder(config)
        results["initial_s"] = time.perf_counter() - started
        post = PostText.parse(original)
        for edit in edits:
            edited = apply_edit(post, edit)
            # A dirty build compares modification times; a coarse clock could give the edit the
            # time the page was written at.
            time.sleep(0.01)
            save(post_file, edited.text())
            wall, cpu = time.perf_counter(), cpu_seconds()
            builder()
            wall, cpu = time.perf_counter() - wall, cpu_seconds() - cpu
            results["edits"][edit] = {
                "wall_s": wall,
                "cpu_s": cpu,
                "stale": stale_places(Path(site_dir), post, edited, edit, blog),
            }
            post = edited
    finally:
        save(post_file, original)
        config.plugins.on_shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)
    return results


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("config", type=Path, help="a benchmark project's mkdocs.yml")
    parser.add_argument("--dirty", action="store_true", help="as `mkdocs serve --dirty`")
    parser.add_argument("--edits", nargs="+", choices=EDITS, default=list(EDITS))
    args = parser.parse_args(argv)
    print(json.dumps(serve_rebuilds(args.config.resolve(), args.dirty, args.edits)))


if __name__ == "__main__":
    main()
