"""Reading a WordPress export file (WXR) safely into typed objects."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree.ElementTree import ParseError

import defusedxml
import defusedxml.ElementTree as SafeElementTree

from mkdocs_llmblog.wordpress.messages import shorten

MENU_ORDER_RE = re.compile(r"-?[0-9]{1,9}")
"""`wp:menu_order` as WordPress writes it (`isdigit()` takes `²`, which `int()` refuses)."""

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

WXR_VERSION_RE = re.compile(r"^\d+\.\d+\Z")
"""`<wp:wxr_version>` as WordPress's importer accepts it: WXR 1.0, 1.1, 1.2 and any later."""
_FIXED_NAMESPACES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
}
# Where a document binds no `wp` or `excerpt` prefix, WordPress's importer assumes WXR 1.1's.
_DEFAULT_BINDINGS = {
    "wp": "http://wordpress.org/export/1.1/",
    "excerpt": "http://wordpress.org/export/1.1/excerpt/",
}
_POSITION_RE = re.compile(r":\s*line \d+, column \d+\s*$")
EXPORT_HINT = "export it again from WordPress with Tools → Export → All content"


class WxrError(ValueError):
    """An export file that cannot be read; the message names the file and what to do."""


@dataclass(frozen=True)
class Author:
    """A `<wp:author>`: the login used in posts' `dc:creator`, and the name to show."""

    login: str
    display_name: str


@dataclass(frozen=True)
class CategoryDefinition:
    """A `<wp:category>` of the channel; `parent` is the parent's nicename, or empty."""

    nicename: str
    name: str
    parent: str
    description: str = ""
    """`wp:category_description`: HTML, shown on the category's page."""


@dataclass(frozen=True)
class Term:
    """A `<category domain="..." nicename="...">` of an item: a category, a tag, or other."""

    domain: str
    nicename: str
    name: str


@dataclass(frozen=True)
class Comment:
    """A `<wp:comment>` of an item; its e-mail address and IP are never read."""

    comment_id: str
    author: str
    author_url: str
    date: str
    """Local time of the WordPress site, `YYYY-MM-DD HH:MM:SS`."""
    date_gmt: str
    content: str
    approved: str
    """`1` once approved; `0`, `spam` or `trash` otherwise."""
    kind: str
    """`comment` (or empty), `pingback`, `trackback`."""
    parent: str


@dataclass
class Item:
    """One `<item>` of the export: a post, a page, an attachment, a menu item..."""

    post_id: str
    post_type: str
    status: str
    title: str
    link: str
    guid: str
    creator: str
    content: str
    """The body HTML (`content:encoded`)."""
    excerpt: str
    """The manual excerpt (`excerpt:encoded`); for an attachment, its caption."""
    post_name: str
    """The slug as WordPress stores it: percent-encoded when not ASCII."""
    post_date: str
    """Local time of the WordPress site, `YYYY-MM-DD HH:MM:SS`, or zeros when unset."""
    post_date_gmt: str
    post_modified: str
    post_modified_gmt: str
    pub_date: str
    password: str
    post_parent: str
    menu_order: int
    attachment_url: str
    is_sticky: bool = False
    """`wp:is_sticky`: shown first on the blog's front page."""
    terms: list[Term] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    """Post meta (`wp:postmeta`), first value of each key."""


@dataclass
class Export:
    """A whole WordPress export."""

    source: Path
    title: str
    link: str
    base_site_url: str
    base_blog_url: str
    authors: dict[str, Author]
    """By login."""
    categories: dict[str, CategoryDefinition]
    """By nicename."""
    items: list[Item]

    @property
    def home_url(self) -> str:
        """The URL the blog was served at, which its permalinks start with."""
        return self.base_blog_url or self.link or self.base_site_url


def read_export(path: Path) -> Export:
    """Parse a WXR file, refusing XML entities and external references.

    Raises:
        WxrError: the file is missing, hostile, not well-formed or not a WordPress export; the
            message gives the line and column where the parser gave up.
    """
    bindings: dict[str, str] = {}
    try:
        events = SafeElementTree.iterparse(
            path, events=("start-ns",), forbid_dtd=False, forbid_entities=True
        )
        for _event, (prefix, uri) in events:
            # WordPress.com and older versions bind `wp` to other URIs (https://, 1.0, 1.1).
            bindings.setdefault(prefix, uri)
        # The iterator holds the whole tree once read (typeshed does not know `root`).
        root: Element | None = events.root  # type: ignore[attr-defined]
    except FileNotFoundError:
        raise WxrError(f"{path}: no such file; give the path of the WordPress export") from None
    except IsADirectoryError:
        raise WxrError(f"{path}: is a folder; give the path of the .xml export file") from None
    except OSError as error:
        raise WxrError(f"{path}: cannot be read ({error.strerror or error})") from None
    except defusedxml.EntitiesForbidden as error:
        where = f" pointing to {shorten(error.sysid)!r}" if error.sysid else ""
        entity = shorten(error.name or "")
        raise WxrError(
            f"{path}: refused: the file declares the XML entity {entity!r}{where}. "
            "WordPress exports never declare entities; they are how entity-expansion "
            "('billion laughs') and external-entity attacks work, so the file is not read. "
            f"Use an untouched export ({EXPORT_HINT})"
        ) from None
    except defusedxml.DefusedXmlException as error:
        raise WxrError(
            f"{path}: refused: the file uses an XML feature WordPress exports never use "
            f"({type(error).__name__}); use an untouched export ({EXPORT_HINT})"
        ) from None
    except ParseError as error:
        line, column = error.position
        reason = _POSITION_RE.sub("", str(error))
        raise WxrError(
            f"{path}: line {line}, column {column + 1}: invalid XML ({reason}); the "
            f"export is damaged or was edited by hand; {EXPORT_HINT}"
        ) from None
    if root is None:
        raise WxrError(f"{path}: is empty; {EXPORT_HINT}")
    return _read_tree(path, root, _Names(bindings))


class _Names:
    """Tag names as `wp:post_id`, whatever URI the document binds each prefix to."""

    def __init__(self, bindings: dict[str, str]) -> None:
        self.prefixes = dict(_FIXED_NAMESPACES)
        for prefix, default in _DEFAULT_BINDINGS.items():
            self.prefixes[bindings.get(prefix, default)] = prefix

    def __call__(self, tag: str) -> str:
        """`{http://wordpress.org/export/1.2/}post_id` as `wp:post_id`; RSS tags as they are."""
        if not tag.startswith("{"):
            return tag
        namespace, _, local = tag[1:].partition("}")
        prefix = self.prefixes.get(namespace)
        return f"{prefix}:{local}" if prefix else tag

    def bound_uri(self, prefix: str) -> str:
        return next(uri for uri, bound in self.prefixes.items() if bound == prefix)


def _read_tree(path: Path, root: Element, names: _Names) -> Export:
    channel = root.find("channel")
    if names(root.tag) != "rss" or channel is None:
        raise WxrError(
            f"{path}: not a WordPress export: the document is <{shorten(names(root.tag))}>, not "
            f"<rss><channel>...; {EXPORT_HINT}"
        )
    fields: dict[str, str] = {}
    authors: dict[str, Author] = {}
    categories: dict[str, CategoryDefinition] = {}
    items: list[Item] = []
    for child in channel:
        name = names(child.tag)
        if name == "item":
            items.append(_read_item(child, names))
        elif name == "wp:author":
            author = _texts(child, names)
            login = author.get("wp:author_login", "")
            if login:
                display = author.get("wp:author_display_name", "").strip()
                authors[login] = Author(login, html.unescape(display) or login)
        elif name == "wp:category":
            category = _texts(child, names)
            nicename = category.get("wp:category_nicename", "")
            if nicename:
                categories[nicename] = CategoryDefinition(
                    nicename=nicename,
                    name=html.unescape(category.get("wp:cat_name", "")).strip() or nicename,
                    parent=category.get("wp:category_parent", ""),
                    description=category.get("wp:category_description", ""),
                )
        else:
            fields.setdefault(name, (child.text or "").strip())
    if "wp:wxr_version" not in fields:
        wp = names.bound_uri("wp")
        raise WxrError(
            f"{path}: not a WordPress export: an RSS feed without <wp:wxr_version> (in the "
            f"namespace {wp!r}); {EXPORT_HINT}"
        )
    if not WXR_VERSION_RE.match(fields["wp:wxr_version"]):
        raise WxrError(
            f"{path}: not a WordPress export: <wp:wxr_version> is "
            f"{shorten(fields['wp:wxr_version'])!r}, not a version such as '1.2'; {EXPORT_HINT}"
        )
    return Export(
        source=path,
        title=fields.get("title", ""),
        link=fields.get("link", ""),
        base_site_url=fields.get("wp:base_site_url", ""),
        base_blog_url=fields.get("wp:base_blog_url", ""),
        authors=authors,
        categories=categories,
        items=items,
    )


def _read_item(element: Element, names: _Names) -> Item:
    fields: dict[str, str] = {}
    terms: list[Term] = []
    comments: list[Comment] = []
    meta: dict[str, str] = {}
    for child in element:
        name = names(child.tag)
        if name == "category":
            terms.append(
                Term(
                    domain=child.get("domain", ""),
                    nicename=child.get("nicename", ""),
                    name=html.unescape(child.text or "").strip(),
                )
            )
        elif name == "wp:postmeta":
            pair = _texts(child, names, strip=False)
            meta.setdefault(pair.get("wp:meta_key", ""), pair.get("wp:meta_value", ""))
        elif name == "wp:comment":
            comments.append(_read_comment(child, names))
        else:
            fields.setdefault(name, child.text or "")

    def text(key: str) -> str:
        return fields.get(key, "").strip()

    menu_order = text("wp:menu_order")
    return Item(
        post_id=text("wp:post_id"),
        post_type=text("wp:post_type") or "post",
        status=text("wp:status"),
        title=text("title"),
        link=text("link"),
        guid=text("guid"),
        creator=text("dc:creator"),
        content=fields.get("content:encoded", ""),
        excerpt=fields.get("excerpt:encoded", ""),
        post_name=text("wp:post_name"),
        post_date=text("wp:post_date"),
        post_date_gmt=text("wp:post_date_gmt"),
        post_modified=text("wp:post_modified"),
        post_modified_gmt=text("wp:post_modified_gmt"),
        pub_date=text("pubDate"),
        password=text("wp:post_password"),
        post_parent=text("wp:post_parent"),
        menu_order=int(menu_order) if MENU_ORDER_RE.fullmatch(menu_order) else 0,
        attachment_url=text("wp:attachment_url"),
        is_sticky=text("wp:is_sticky") == "1",
        terms=terms,
        comments=comments,
        meta={key: value for key, value in meta.items() if key},
    )


def _read_comment(element: Element, names: _Names) -> Comment:
    fields = _texts(element, names, strip=False)

    def text(key: str) -> str:
        return fields.get(key, "").strip()

    return Comment(
        comment_id=text("wp:comment_id"),
        author=html.unescape(text("wp:comment_author")),
        author_url=text("wp:comment_author_url"),
        date=text("wp:comment_date"),
        date_gmt=text("wp:comment_date_gmt"),
        content=fields.get("wp:comment_content", ""),
        approved=text("wp:comment_approved"),
        kind=text("wp:comment_type"),
        parent=text("wp:comment_parent"),
    )


def _texts(element: Element, names: _Names, *, strip: bool = True) -> dict[str, str]:
    texts: dict[str, str] = {}
    for child in element:
        value = child.text or ""
        texts.setdefault(names(child.tag), value.strip() if strip else value)
    return texts
