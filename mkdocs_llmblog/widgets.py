"""Which widgets a page shows, and their data."""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.plugins import get_plugin_logger

from mkdocs_llmblog.views import TreeItemView, ViewMaker

log = get_plugin_logger(__name__)

WIDGET_NAMES = ("categories", "archive")
PAGE_KEY = "blog_widgets"
"""Front matter key of any page: `false` hides the widgets, a list shows only those named."""


@dataclass(frozen=True)
class WidgetsView:
    """The widgets of one page; an empty list is a widget not shown."""

    categories: list[TreeItemView]
    archive: list[TreeItemView]

    def __bool__(self) -> bool:
        return bool(self.categories or self.archive)


def widgets_for_page(enabled: list[str], page_meta: object, page_path: str) -> frozenset[str]:
    """The widgets a page shows: the site's `widgets` option narrowed by its front matter."""
    wanted = frozenset(enabled)
    choice = page_meta.get(PAGE_KEY, True) if isinstance(page_meta, dict) else True
    if choice is True:
        return wanted
    if choice is False or choice is None:
        return frozenset()
    if isinstance(choice, list) and all(name in WIDGET_NAMES for name in choice):
        return wanted & frozenset(choice)
    log.warning(
        f"{page_path}: front matter key '{PAGE_KEY}' must be true, false or a list of "
        f"{', '.join(WIDGET_NAMES)}; showing the site's widgets"
    )
    return wanted


def make_widgets(
    views: ViewMaker, shown: frozenset[str], page_url: str, categories_by_count: bool
) -> WidgetsView:
    return WidgetsView(
        categories=views.categories_widget(page_url, categories_by_count)
        if "categories" in shown
        else [],
        archive=views.archive_widget(page_url) if "archive" in shown else [],
    )
