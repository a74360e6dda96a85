"""`mkdocs serve` for real: a subprocess, posts added, edited and deleted on disk, pages over HTTP.

Each step waits until one page shows the change, then checks every list of the blog against a
model of what the blog now holds: a list that lags behind a rebuild (stale) fails the test.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.parse import urljoin
from urllib.request import urlopen

import pytest
from bs4 import BeautifulSoup, Tag
from defusedxml import ElementTree

from tests.sitebuilder import post, write_project

pytestmark = pytest.mark.slow

TIMEOUT = 30.0
"""Seconds to wait for the server to start, and for a rebuild to show."""
MOUNT = "/blogsite/"
"""MkDocs serves the site under the path of its `site_url`."""
RECENT_POSTS = 5
"""The default size of the Recent posts widget."""


@dataclass(frozen=True)
class PostModel:
    """What the blog should show of one post."""

    name: str
    """File name under `docs/blog/posts/`."""
    title: str
    date: str
    categories: tuple[str, ...]
    draft: bool = False
    body: str = ""

    @property
    def path(self) -> str:
        """The page's path under the mount point (directory URLs)."""
        return f"blog/{self.date.replace('-', '/')}/{self.title.lower().replace(' ', '-')}/"

    def source(self) -> str:
        meta: dict[str, object] = {
            "date": self.date,
            "title": self.title,
            "categories": list(self.categories),
        }
        if self.draft:
            meta["draft"] = True
        return post(meta, self.body or f"The text of {self.title}.\n")


@dataclass
class BlogModel:
    """Every post the blog should show in `mkdocs serve` (drafts too, marked)."""

    posts: dict[str, PostModel] = field(default_factory=dict)

    def newest_first(self) -> list[PostModel]:
        return sorted(self.posts.values(), key=lambda p: p.date, reverse=True)

    def categories(self) -> dict[str, list[PostModel]]:
        found: dict[str, list[PostModel]] = {}
        for item in self.newest_first():
            for name in item.categories:
                found.setdefault(name, []).append(item)
        return found

    def years(self) -> dict[str, list[PostModel]]:
        found: dict[str, list[PostModel]] = {}
        for item in self.newest_first():
            found.setdefault(item.date[:4], []).append(item)
        return found


INITIAL = [
    PostModel("alpha.md", "Alpha", "2024-01-01", ("News",)),
    PostModel("beta.md", "Beta", "2024-02-01", ("News", "Tools")),
    PostModel("wip.md", "Work in progress", "2024-02-15", ("News",), draft=True),
    PostModel("gamma.md", "Gamma", "2024-03-01", ("Tools",)),
]


class DevServer:
    """A running `mkdocs serve` and an HTTP client for it."""

    def __init__(self, process: subprocess.Popen[bytes], port: int, log_file: Path) -> None:
        self.process = process
        self.base_url = f"http://127.0.0.1:{port}{MOUNT}"
        self.log_file = log_file

    def url(self, path: str) -> str:
        return urljoin(self.base_url, path)

    def get(self, path_or_url: str) -> tuple[int, bytes]:
        url = urljoin(self.base_url, path_or_url)
        try:
            with urlopen(url, timeout=TIMEOUT) as response:
                return int(response.status), bytes(response.read())
        except HTTPError as error:
            return error.code, error.read()

    def status(self, path_or_url: str) -> int:
        return self.get(path_or_url)[0]

    def html(self, path_or_url: str) -> BeautifulSoup:
        status, body = self.get(path_or_url)
        assert status == 200, f"{path_or_url}: HTTP {status}"
        return BeautifulSoup(body.decode("utf-8"), "html.parser")

    def log(self) -> str:
        return self.log_file.read_text(encoding="utf-8", errors="replace")

    def wait_until_serving(self) -> None:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"mkdocs serve exited with {self.process.returncode}")
            try:
                if self.status("") == 200:
                    return
            except (URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.2)
        raise AssertionError(f"mkdocs serve did not answer within {TIMEOUT} s")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop the server and everything it started (its image workers too)."""
    if process.poll() is not None:
        return
    # SIGINT lets MkDocs shut down cleanly and remove its temporary site folder.
    for sig, wait in ((signal.SIGINT, 10.0), (signal.SIGKILL, 10.0)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            continue
        return


@contextmanager
def mkdocs_serve(root: Path, *options: str) -> Iterator[DevServer]:
    """Run `mkdocs serve` on `root/mkdocs.yml`; on any failure, show what the server logged."""
    port = free_port()
    log_file = root / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    # MkDocs builds into a temporary folder: keep it inside the test's folder.
    env["TMPDIR"] = str(root)
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
    command += ["-f", str(root / "mkdocs.yml"), *options]
    with log_file.open("wb") as log:
        process = subprocess.Popen(
            command,
            cwd=root,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )
    server = DevServer(process, port, log_file)
    try:
        server.wait_until_serving()
        yield server
    except Exception as error:
        output = server.log()
        raise AssertionError(f"{error!r}\n--- mkdocs serve output ---\n{output}") from error
    finally:
        stop(process)


def wait_until(what: str, shown: Callable[[], bool]) -> None:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if shown():
            return
        time.sleep(0.2)
    raise AssertionError(f"no rebuild showed {what} within {TIMEOUT} s")


def write_post(root: Path, item: PostModel) -> None:
    """Write a post atomically: a rebuild never reads a half-written file."""
    staged = root / "staging" / item.name
    staged.parent.mkdir(exist_ok=True)
    staged.write_text(item.source(), encoding="utf-8")
    os.replace(staged, root / "docs" / "blog" / "posts" / item.name)


# What the served pages show.


@dataclass(frozen=True)
class ShownPost:
    title: str
    url: str
    """Absolute, resolved against the page it is on."""
    draft: bool = False


def listed(server: DevServer, path: str) -> list[ShownPost]:
    """The post cards of a list page."""
    soup = server.html(path)
    shown = []
    for card in soup.select("article.llmblog-post-card"):
        link = card.select_one(".llmblog-post-card-title a[href]")
        assert link is not None, f"a card without a title link on {path}"
        draft = card.select_one(".llmblog-draft") is not None
        shown.append(ShownPost(link.get_text(strip=True), absolute(server, path, link), draft))
    return shown


@dataclass(frozen=True)
class ShownWidgets:
    """What the widgets of one page show."""

    recent: list[ShownPost]
    categories: dict[str, int]
    """Post count by category."""
    years: dict[str, int]
    """Post count by year (the archive widget)."""


def widgets(server: DevServer, path: str) -> ShownWidgets:
    soup = server.html(path)
    recent = soup.select_one(".llmblog-recent")
    assert recent is not None, f"no recent posts widget on {path}"
    return ShownWidgets(
        [
            ShownPost(a.get_text(strip=True), absolute(server, path, a))
            for a in recent.select(".llmblog-post-links a[href]")
        ],
        widget_counts(soup, ".llmblog-categories", path),
        widget_counts(soup, ".llmblog-archive", path),
    )


def widget_counts(soup: BeautifulSoup, selector: str, path: str) -> dict[str, int]:
    """The entries of a categories or archive widget, with their post counts."""
    widget = soup.select_one(selector)
    assert widget is not None, f"no {selector} on {path}"
    counts = {}
    for item in widget.select("li"):
        name = item.find(["a", "span"], recursive=False)
        count = item.find("span", class_="llmblog-count", recursive=False)
        assert isinstance(name, Tag)
        assert isinstance(count, Tag)
        counts[name.get_text(strip=True)] = int(count.get_text(strip=True).strip("()"))
    return counts


def excerpts(server: DevServer, path: str) -> dict[str, str]:
    """The excerpt of each post card of a list page, by title."""
    found = {}
    for card in server.html(path).select("article.llmblog-post-card"):
        title = card.select_one(".llmblog-post-card-title")
        excerpt = card.select_one(".llmblog-excerpt")
        assert title is not None
        assert excerpt is not None
        found[title.get_text(strip=True)] = excerpt.get_text(" ", strip=True)
    return found


def feed_summaries(server: DevServer) -> dict[str, str]:
    """The text of each RSS item's description (escaped HTML), by title."""
    channel = ElementTree.fromstring(server.get("blog/feed.xml")[1]).find("channel")
    assert channel is not None
    return {
        item.findtext("title", ""): BeautifulSoup(
            item.findtext("description", ""), "html.parser"
        ).get_text(" ", strip=True)
        for item in channel.findall("item")
    }


def feed_items(server: DevServer) -> list[ShownPost]:
    status, body = server.get("blog/feed.xml")
    assert status == 200, f"blog/feed.xml: HTTP {status}"
    channel = ElementTree.fromstring(body).find("channel")
    assert channel is not None
    return [
        ShownPost(item.findtext("title", ""), item.findtext("link", ""))
        for item in channel.findall("item")
    ]


def absolute(server: DevServer, path: str, link: Tag) -> str:
    href = str(link["href"])
    assert not href.startswith("/"), f"root-absolute link {href!r} on {path}"
    return urljoin(server.url(path), href)


def assert_blog_shows(server: DevServer, model: BlogModel) -> None:
    """Every list, widget, feed and post page agrees with `model`, and nothing else is listed."""
    newest = model.newest_first()
    expected = [ShownPost(p.title, server.url(p.path), p.draft) for p in newest]
    lists = {"blog/": expected}
    for name, members in model.categories().items():
        lists[f"blog/category/{name.lower()}/"] = [
            s for s in expected if s.title in titles(members)
        ]
    for year, members in model.years().items():
        lists[f"blog/archive/{year}/"] = [s for s in expected if s.title in titles(members)]
    for path, wanted in lists.items():
        assert listed(server, path) == wanted, f"the list on {path}"

    assert feed_items(server) == [replace(shown, draft=False) for shown in expected]

    # Widgets are on every page: each page that the change did not touch must show it too.
    expected_widgets = ShownWidgets(
        [replace(shown, draft=False) for shown in expected[:RECENT_POSTS]],
        {name: len(members) for name, members in model.categories().items()},
        {year: len(members) for year, members in model.years().items()},
    )
    for path in ["", *lists, *(item.path for item in newest)]:
        assert widgets(server, path) == expected_widgets, f"the widgets on /{path}"

    for index, item in enumerate(newest):
        soup = server.html(item.path)
        title = soup.select_one(".llmblog-post-title")
        assert title is not None
        assert title.get_text(strip=True) == item.title
        assert (soup.select_one(".llmblog-post-header .llmblog-draft") is not None) == item.draft
        shown_categories = [a.get_text(strip=True) for a in soup.select("a.llmblog-category")]
        assert shown_categories == list(item.categories), item.title
        newer = newest[index - 1] if index > 0 else None
        older = newest[index + 1] if index + 1 < len(newest) else None
        for selector, other in (
            ("a.llmblog-next[rel=next]", newer),
            ("a.llmblog-prev[rel=prev]", older),
        ):
            link = soup.select_one(f"nav.llmblog-post-nav {selector}")
            if other is None:
                assert link is None, f"{selector} on {item.title}"
                continue
            assert link is not None, f"no {selector} on {item.title}"
            assert absolute(server, item.path, link) == server.url(other.path)
            link_title = link.select_one(".llmblog-post-nav-title")
            assert link_title is not None
            assert link_title.get_text(strip=True) == other.title, f"{selector} on {item.title}"
        for rel, other in (("next", newer), ("prev", older)):
            head_link = soup.select_one(f"head link[rel={rel}]")
            if other is None:
                assert head_link is None, f"<link rel={rel}> on {item.title}"
            else:
                assert head_link is not None, f"no <link rel={rel}> on {item.title}"
                assert absolute(server, item.path, head_link) == server.url(other.path)


def titles(posts: list[PostModel]) -> set[str]:
    return {item.title for item in posts}


def index_titles(server: DevServer) -> list[str]:
    return [shown.title for shown in listed(server, "blog/")]


def make_site(root: Path) -> BlogModel:
    files: dict[str, str | bytes] = {"index.md": "# Home\n\nWelcome to the blog.\n"}
    for item in INITIAL:
        files[f"blog/posts/{item.name}"] = item.source()
    write_project(root, {"site_url": f"https://example.com{MOUNT}"}, files)
    return BlogModel({item.name: item for item in INITIAL})


def run_edits(root: Path, server: DevServer, model: BlogModel, *, dirty: bool) -> None:
    """Add a post, change each of its fields in turn, then delete it."""
    assert_blog_shows(server, model)
    draft_card = next(s for s in listed(server, "blog/") if s.title == "Work in progress")
    assert draft_card.draft
    mark = server.html("blog/2024/02/15/work-in-progress/").select_one(".llmblog-draft")
    assert mark is not None
    assert mark.get_text(strip=True)

    gamma = model.posts["gamma.md"]

    def step(item: PostModel, what: str, shown: Callable[[], bool]) -> None:
        before = model.posts.get(item.name)
        model.posts[item.name] = item
        write_post(root, item)
        wait_until(what, shown)
        assert_blog_shows(server, model)
        if before is not None and before.path != item.path and not dirty:
            # A --dirty build never deletes what an earlier build wrote: MkDocs' own rule.
            assert server.status(before.path) == 404, f"{before.path} outlived its post"

    added = PostModel("epsilon.md", "Epsilon", "2024-04-01", ("News",))
    step(added, "the new post", lambda: index_titles(server)[0] == "Epsilon")
    # Checked above with every page; said here too, as it is what a reader sees first.
    newer = server.html(gamma.path).select_one("nav.llmblog-post-nav a.llmblog-next")
    assert newer is not None
    assert absolute(server, gamma.path, newer) == server.url(added.path)

    renamed = replace(added, title="Epsilon renamed")
    step(renamed, "the new title", lambda: index_titles(server)[0] == "Epsilon renamed")

    reworded = replace(renamed, body="A new first paragraph.\n\nA second one.\n")
    step(
        reworded,
        "the new excerpt",
        lambda: excerpts(server, "blog/")["Epsilon renamed"] == "A new first paragraph.",
    )
    assert excerpts(server, "blog/category/news/")["Epsilon renamed"] == "A new first paragraph."
    assert feed_summaries(server)["Epsilon renamed"] == "A new first paragraph."

    # From newest to oldest, in a year of its own: the order of every list changes.
    redated = replace(reworded, date="2023-11-10")
    step(redated, "the new date", lambda: index_titles(server)[-1] == "Epsilon renamed")

    recategorised = replace(redated, categories=("Releases",))
    step(
        recategorised,
        "the new category",
        lambda: server.status("blog/category/releases/") == 200,
    )

    drafted = replace(recategorised, draft=True)
    step(
        drafted,
        "the draft mark",
        lambda: any(s.title == drafted.title and s.draft for s in listed(server, "blog/")),
    )

    (root / "docs" / "blog" / "posts" / drafted.name).unlink()
    del model.posts[drafted.name]
    wait_until("the deletion", lambda: drafted.title not in index_titles(server))
    assert_blog_shows(server, model)
    feed_titles = {item.title for item in feed_items(server)}
    assert drafted.title not in feed_titles
    if not dirty:
        assert server.status(drafted.path) == 404
        assert server.status("blog/category/releases/") == 404
        assert server.status("blog/archive/2023/") == 404


@pytest.mark.parametrize("mode", ["clean", "dirty"])
def test_serve_shows_every_change_after_one_rebuild(tmp_path: Path, mode: str) -> None:
    model = make_site(tmp_path)
    options = ["--dirty"] if mode == "dirty" else []
    with mkdocs_serve(tmp_path, *options) as server:
        run_edits(tmp_path, server, model, dirty=mode == "dirty")


@pytest.mark.parametrize("mode", ["clean", "dirty"])
def test_serve_draws_the_cards_again_when_their_template_file_changes(
    tmp_path: Path, mode: str
) -> None:
    template = tmp_path / "card.yml"
    template.parent.mkdir(parents=True, exist_ok=True)
    template.write_text('background: "#102030"\n', encoding="utf-8")
    options = {"share_cards": "all", "share_card_template": "card.yml"}
    post_source = post({"date": "2024-05-01", "title": "Carded"}, "A post with a card.\n")
    write_project(
        tmp_path,
        {"site_url": f"https://example.com{MOUNT}", "plugins": [{"llmblog": options}]},
        {"index.md": "# Home\n", "blog/posts/carded.md": post_source},
    )

    def card_url(server: DevServer) -> str:
        tag = server.html("blog/2024/05/01/carded/").find("meta", attrs={"property": "og:image"})
        assert isinstance(tag, Tag), "no og:image"
        return str(tag["content"])

    with mkdocs_serve(tmp_path, *(["--dirty"] if mode == "dirty" else [])) as server:
        first = card_url(server)
        # Only the template changes: not mkdocs.yml, nor anything in docs_dir.
        staged = tmp_path / "card.new"
        staged.write_text('background: "#305010"\n', encoding="utf-8")
        os.replace(staged, template)
        wait_until("the new card", lambda: card_url(server) != first)
        # The new card is served (its address is under the site's, whatever host it names).
        assert server.status(card_url(server).split(MOUNT, 1)[1]) == 200
