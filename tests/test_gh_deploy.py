"""`mkdocs gh-deploy` of the example site, served under `/<repo>/` as GitHub Pages serves it.

Every page, image, stylesheet and script reachable from the home page must load there: a URL
written root-absolute, or relative to the wrong folder, breaks a project site.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.error import HTTPError
from urllib.parse import unquote, urldefrag, urljoin, urlsplit
from urllib.request import urlopen

import pytest
from bs4 import BeautifulSoup

from tests.links import references

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "example-site"
PREFIX = "/llmblog-demo/"
"""The repository's name: a project site is served under it (the example's site_url path)."""
MAX_URLS = 3000
"""The crawl stops here: the example site has about 20 pages and their images."""

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("git") is None, reason="needs git"),
]


def git_env(home: Path) -> dict[str, str]:
    """Git with a known identity and none of the machine's own settings."""
    identity = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.com"}
    identity |= {"GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.com"}
    return {
        **os.environ,
        **identity,
        "HOME": str(home),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_TERMINAL_PROMPT": "0",
        "NO_MKDOCS_2_WARNING": "1",
        "DISABLE_MKDOCS_2_WARNING": "true",
    }


def run(command: list[str], cwd: Path, env: dict[str, str]) -> str:
    result = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    output = f"{result.stdout}\n{result.stderr}"
    assert result.returncode == 0, f"{' '.join(command)} failed:\n{output}"
    return output


def deploy_example(tmp_path: Path) -> Path:
    """Deploy a copy of the example site to a local bare repository; return a clone of gh-pages."""
    env = git_env(tmp_path)
    project = tmp_path / "project"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("site", ".cache"))
    (project / ".gitignore").write_text("site/\n.cache/\n", encoding="utf-8")
    remote = tmp_path / "remote.git"
    run(["git", "-c", "init.defaultBranch=main", "init", "--bare", str(remote)], tmp_path, env)
    run(["git", "-c", "init.defaultBranch=main", "init"], project, env)
    run(["git", "add", "--all"], project, env)
    run(["git", "commit", "--quiet", "-m", "The example site"], project, env)
    run(["git", "remote", "add", "origin", str(remote)], project, env)
    deploy = [sys.executable, "-m", "mkdocs", "gh-deploy", "--force", "--no-history"]
    run([*deploy, "--remote-name", "origin", "-f", "mkdocs.yml"], project, env)
    deployed = tmp_path / "deployed"
    run(
        ["git", "clone", "--quiet", "--branch", "gh-pages", str(remote), str(deployed)],
        tmp_path,
        env,
    )
    return deployed


class PagesHandler(SimpleHTTPRequestHandler):
    """Serves the deployed folder under PREFIX only, with no folder listings, like GitHub Pages."""

    def translate_path(self, path: str) -> str:
        path = urlsplit(path).path
        if path == PREFIX.rstrip("/"):
            path = PREFIX  # SimpleHTTPRequestHandler redirects it to PREFIX.
        if not path.startswith(PREFIX):
            return os.path.join(self.directory, ".not-served", "missing")
        return super().translate_path("/" + path[len(PREFIX) :])

    def list_directory(self, path: str | os.PathLike[str]) -> Any:
        self.send_error(404)
        return None

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    handler = functools.partial(PagesHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@dataclass
class Crawl:
    """What a crawl from the home page found."""

    pages: set[str] = field(default_factory=set)
    """HTML pages, by path."""
    resources: set[str] = field(default_factory=set)
    """Every other URL that loaded, by path."""
    problems: list[str] = field(default_factory=list)


def is_elsewhere(url: str) -> bool:
    """Links the crawl leaves alone: other sites, mail, inline data, scripts."""
    parts = urlsplit(url)
    return bool(parts.scheme or parts.netloc)


def crawl(start: str) -> Crawl:
    found = Crawl()
    origin = urlsplit(start).netloc
    queue: deque[str] = deque([start])
    linked_from: dict[str, str] = {start: "(start)"}
    while queue:
        url = queue.popleft()
        where = f"{urlsplit(url).path} (linked from {linked_from[url]})"
        try:
            with urlopen(url, timeout=30) as response:
                final_url = str(response.geturl())
                content_type = str(response.headers.get_content_type())
                body = bytes(response.read())
        except HTTPError as error:
            found.problems.append(f"{where}: HTTP {error.code}")
            continue
        path = unquote(urlsplit(final_url).path)
        if content_type != "text/html":
            found.resources.add(path)
            continue
        found.pages.add(path)
        soup = BeautifulSoup(body.decode("utf-8"), "html.parser")
        for reference in references(soup):
            if not reference or reference.startswith("#"):
                continue
            if reference.startswith("/") and not reference.startswith("//"):
                found.problems.append(f"{path}: root-absolute URL {reference!r}")
                if not reference.startswith(PREFIX):
                    continue
            if is_elsewhere(reference):
                continue
            target = urldefrag(urljoin(final_url, reference)).url
            target_parts = urlsplit(target)
            if target_parts.netloc != origin:
                continue
            target = target_parts._replace(query="").geturl()
            if target not in linked_from:
                linked_from[target] = path
                queue.append(target)
                assert len(linked_from) < MAX_URLS, "the crawl does not end"
    return found


def test_gh_deploy_under_a_project_path_loads_everything(tmp_path: Path) -> None:
    deployed = deploy_example(tmp_path)
    assert (deployed / ".nojekyll").is_file()
    assert (deployed / "index.html").is_file()
    with serve_folder(deployed) as start:
        found = crawl(start)
        with pytest.raises(HTTPError) as error:
            urlopen(urljoin(start, "/blog/"), timeout=30)
        assert error.value.code == 404, "the server must not serve outside the project path"

    assert not found.problems, "\n".join(found.problems)
    # Every page of the site is reachable (MkDocs' 404 page is linked from nowhere).
    folders = [p.parent.relative_to(deployed).as_posix() for p in deployed.rglob("index.html")]
    folders = [folder for folder in folders if not folder.startswith(".git")]
    published = {PREFIX if folder == "." else f"{PREFIX}{folder}/" for folder in folders}
    assert found.pages == published
    # gh-deploy is a publishing command: the draft (the LoRA post) stays out.
    assert not [folder for folder in folders if "lora" in folder]
    blog = f"{PREFIX}blog/"
    assert f"{blog}2025/03/12/open-source-llms/" in found.pages
    assert any(p.endswith(".css") for p in found.resources)
    assert any(p.endswith(".js") for p in found.resources)
    assert any(p.endswith((".webp", ".jpg", ".png")) for p in found.resources)
    assert f"{blog}feed.xml" in found.resources
