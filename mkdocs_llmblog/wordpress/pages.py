"""WordPress pages (About, Contact, ...) as ordinary MkDocs pages beside the blog.

A page's parents become folders, so `https://example.com/about/team/` becomes `about/team.md`,
which MkDocs publishes at the same address; `menu_order` becomes the order of a `nav:` snippet.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import yaml

from mkdocs_llmblog.wordpress.fields import post_title, slug_source, unique_slug
from mkdocs_llmblog.wordpress.wxr import Item

MAX_PAGE_DEPTH = 10
"""Folders a page is nested in at most; a deeper page is placed beside its parent."""
INDEX_NAMES = frozenset({"index", "readme"})
"""Slugs MkDocs publishes at their folder's address (`about/index.md` is `about/`): a page
given one would take its parent's address."""


@dataclass
class PlannedPage:
    """A page to write at `path` (relative to `docs_dir`, e.g. `about/team.md`)."""

    item: Item
    title: str
    path: str
    children: list[PlannedPage] = field(default_factory=list)

    @property
    def stem(self) -> str:
        """`about/team`: where MkDocs publishes it, and the folder of its images."""
        return self.path.removesuffix(".md")


@dataclass
class PagePlan:
    """The pages to write, as a tree (roots in menu order), and those left out and why."""

    roots: list[PlannedPage] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    """(page title, reason)."""

    def all_pages(self) -> list[PlannedPage]:
        """Every page, parents before their children, in menu order."""
        pages: list[PlannedPage] = []

        def visit(nodes: Iterable[PlannedPage]) -> None:
            for node in nodes:
                pages.append(node)
                visit(node.children)

        visit(self.roots)
        return pages


def is_public_page(item: Item) -> bool:
    """A published page without a password: the only pages a static site may show."""
    return item.post_type == "page" and item.status == "publish" and not item.password


def plan_pages(items: Iterable[Item], reserved: Mapping[str, str]) -> PagePlan:
    """Give each public page of an export its path: its parents' slugs as folders.

    `reserved` maps the page paths other content takes (the blog's own index, `index.md`) to
    what takes them: a page that would land there is skipped, with that reason.
    """
    pages = {item.post_id: item for item in items if item.post_type == "page" and item.post_id}
    plan = PagePlan()
    public = sorted(
        (item for item in pages.values() if is_public_page(item)),
        key=lambda item: (item.menu_order, post_title(item).casefold(), item.post_id),
    )
    planned: dict[str, PlannedPage] = {}
    parents: dict[str, PlannedPage | None] = {}
    levels: dict[str, int] = {}
    used_by_folder: dict[str, set[str]] = {}
    depths = page_depths(pages)
    for item in sorted(public, key=lambda item: depths[item.post_id]):  # Parents first.
        parent_id = _nearest_ancestor(item, pages, planned)
        parent = planned.get(parent_id) if parent_id else None
        while parent is not None and levels[parent.item.post_id] >= MAX_PAGE_DEPTH:
            parent = parents[parent.item.post_id]
        folder = parent.stem if parent else ""
        title = post_title(item)
        # At the top, `index` is the home page's address: `reserved` leaves such a page out.
        used = used_by_folder.setdefault(folder, set(INDEX_NAMES if folder else {"readme"}))
        slug = unique_slug(slug_source(item, title), used)
        path = f"{folder}/{slug}.md" if folder else f"{slug}.md"
        taken_by = reserved.get(path.removesuffix(".md"))
        if taken_by is not None:
            plan.skipped.append((title, f"its address '{path[:-3]}/' is {taken_by}'s"))
            continue
        planned[item.post_id] = PlannedPage(item, title, path)
        parents[item.post_id] = parent
        levels[item.post_id] = levels[parent.item.post_id] + 1 if parent else 0
    for item in public:  # In menu order.
        page = planned.get(item.post_id)
        if page is not None:
            parent = parents[item.post_id]
            (parent.children if parent else plan.roots).append(page)
    for item in pages.values():
        if not is_public_page(item) and item.status not in ("trash", "auto-draft", "inherit"):
            reason = "password-protected" if item.password else f"status '{item.status}'"
            plan.skipped.append((post_title(item), f"{reason}; only published pages are imported"))
    return plan


def page_depths(pages: Mapping[str, Item]) -> dict[str, int]:
    """How many ancestors each page has, each page's chain walked once.

    Pages whose parents make a loop all count as the same depth, so that the first of them in
    menu order becomes the parent of the others.
    """
    depths: dict[str, int] = {}
    for start in pages.values():
        path: list[Item] = []
        on_path: dict[str, int] = {}
        node: Item | None = start
        while node is not None and node.post_id not in depths and node.post_id not in on_path:
            on_path[node.post_id] = len(path)
            path.append(node)
            node = pages.get(node.post_parent)
        if node is None:
            depth = 0
        elif node.post_id in depths:
            depth = depths[node.post_id] + 1
        else:  # A loop, from `node` to the end of the path.
            loop = path[on_path[node.post_id] :]
            for member in loop:
                depths[member.post_id] = len(loop) - 1
            path = path[: on_path[node.post_id]]
            depth = len(loop)
        for item in reversed(path):
            depths[item.post_id] = depth
            depth += 1
    return depths


def _nearest_ancestor(
    item: Item, pages: Mapping[str, Item], planned: Mapping[str, PlannedPage]
) -> str | None:
    """The closest ancestor that is written (a draft parent's children move up to its parent)."""
    seen = {item.post_id}
    parent = pages.get(item.post_parent)
    for _ in range(MAX_PAGE_DEPTH):
        if parent is None or parent.post_id in seen:
            return None
        if parent.post_id in planned:
            return parent.post_id
        seen.add(parent.post_id)
        parent = pages.get(parent.post_parent)
    return None


def nav_snippet(plan: PagePlan, blog_dir: str) -> str:
    """The `nav:` lines for `mkdocs.yml` that show the pages in WordPress's menu order."""

    def entry(page: PlannedPage) -> dict[str, object]:
        if not page.children:
            return {page.title: page.path}
        return {page.title: [page.path, *(entry(child) for child in page.children)]}

    nav: list[object] = [{"Home": "index.md"}, {"Blog": f"{blog_dir}/index.md"}]
    nav += [entry(page) for page in plan.roots]
    return yaml.safe_dump(
        {"nav": nav}, allow_unicode=True, sort_keys=False, default_flow_style=False
    )
