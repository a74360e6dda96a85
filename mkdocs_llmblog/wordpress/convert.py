"""A WordPress post body, HTML with shortcodes and block comments, as clean Markdown."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any, Protocol

import markdownify
from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString

from mkdocs_llmblog.sources.markdown import scan_lines
from mkdocs_llmblog.wordpress.markup import (
    MORE_PLACEHOLDER,
    autop,
    has_blocks,
    mark_more,
    remove_block_comments,
)
from mkdocs_llmblog.wordpress.shortcodes import (
    GalleryLookup,
    expand_code_shortcodes,
    expand_shortcodes,
)

_ENTITY_LIKE_RE = re.compile(r"&(?=#?\w+;)")
_TAG_START_RE = re.compile(r"<(?=[A-Za-z/!?])")
_EMPHASIS_UNDERSCORE_RE = re.compile(r"(?<!\w)_|_(?!\w)")
_LANGUAGE_CLASS_RE = re.compile(r"^(?:language|lang)-([\w+#.-]+)$")
_BRUSH_RE = re.compile(r"brush:\s*([\w+#-]+)")
_URL_TEXT_RE = re.compile(r"^\s*(https?://\S+)\s*$")
_LINK_BRACKET_RE = re.compile(r"\](?=[(:]|$)")
_DEFINITION_START_RE = re.compile(r"^(\s*)\[")
_SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_IGNORED_IN_SCHEME_RE = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060\ufeff]+")
_SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
_DATA_IMAGE_RE = re.compile(r"^data:image/(?:png|jpeg|jpg|gif|webp|avif|bmp)(?:;[^,]*)?,", re.I)
_SPACES_RE = re.compile(r"[\t \r\n]{2,}")
_TAG_NAME_RE = re.compile(r"(/?)([A-Za-z][A-Za-z0-9-]*)")
_VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track"}
    | {"wbr", "param", "keygen"}
)
MAX_PARSED_DEPTH = 1_000
"""Tags opened deeper than this are dropped before parsing: the parser's work grows with the
square of the depth (20,000 nested `<div>`: 12 s)."""
MAX_DEPTH = 100
"""HTML nested deeper than this is kept as plain text: the converter recurses per level."""


class BodyLinks(Protocol):
    """Where the links of a post body lead once the post is imported."""

    def image(self, url: str) -> str:
        """The `src` to use for an image."""
        ...

    def link(self, url: str) -> str:
        """The `href` to use for a link."""
        ...


@dataclass(frozen=True)
class ConvertedBody:
    """A post body in Markdown, and the shortcodes and blocks left marked in it."""

    markdown: str
    unconverted: tuple[str, ...]
    unsafe: tuple[str, ...] = ()
    """Addresses of links and images with an unsafe scheme, left as plain text."""
    notes: tuple[str, ...] = ()
    """What else was wrong with the body, for the summary."""


def is_safe_url(url: str, *, image: bool = False) -> bool:
    """Whether a link (or, with `image`, an image) address is safe on a page.

    Only `http`, `https`, `mailto`, `tel` and relative addresses are, and for images `data:`
    of raster image types. The scheme is read as a browser reads it: entities decoded (also
    twice encoded ones, which Markdown would decode), spaces and control characters ignored.
    """
    text = url
    for _ in range(4):
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    else:
        return False
    squeezed = _IGNORED_IN_SCHEME_RE.sub("", text)
    scheme = _SCHEME_RE.match(squeezed)
    if scheme is None:
        return True
    name = scheme.group(1).lower()
    if name in _SAFE_SCHEMES:
        return True
    return image and name == "data" and _DATA_IMAGE_RE.match(squeezed) is not None


@dataclass
class _Problems:
    unsafe: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def convert_body(
    content: str, *, links: BodyLinks, galleries: GalleryLookup, excerpt_separator: str
) -> ConvertedBody:
    """Convert a post's `content:encoded` to Markdown.

    The first `<!--more-->` becomes `excerpt_separator`; block comments are dropped, blocks
    without HTML and unknown shortcodes are left visibly marked; classic-editor text gets its
    paragraphs as WordPress would show them.
    """
    body = mark_more(content)
    from_block_editor = has_blocks(body)
    blocks = remove_block_comments(body)
    body = expand_code_shortcodes(blocks.html)
    if not from_block_editor:
        body = autop(body)
    shortcodes = expand_shortcodes(body, galleries)
    problems = _Problems(notes=list(shortcodes.notes))
    soup = _parse(shortcodes.html, problems)
    _relink(soup, links)
    _remove_unsafe(soup, problems)
    markdown = _converter().convert_soup(soup)
    return ConvertedBody(
        _tidy(markdown, excerpt_separator),
        blocks.unconverted + shortcodes.unconverted,
        tuple(problems.unsafe),
        tuple(problems.notes),
    )


def comment_to_markdown(content: str) -> str:
    """A reader's comment as Markdown: paragraphs as WordPress shows them, unsafe links as text.

    Shortcodes and blocks are not run: a comment's text is the reader's, shown as written.
    """
    problems = _Problems()
    soup = _parse(autop(content), problems)
    _remove_unsafe(soup, problems)
    return _converter().convert_soup(soup).strip()


def html_to_inline_markdown(fragment: str) -> str:
    """A short HTML text, such as a caption, as one line of Markdown; unsafe links as text."""
    problems = _Problems()
    soup = _parse(fragment, problems)
    _remove_unsafe(soup, problems)
    markdown = _converter().convert_soup(soup)
    return " ".join(markdown.split())


def _parse(fragment: str, problems: _Problems) -> BeautifulSoup:
    soup = BeautifulSoup(_drop_deep_tags(fragment, MAX_PARSED_DEPTH), "html.parser")
    if _flatten_deep(soup, MAX_DEPTH):
        problems.notes.append(
            f"HTML nested more than {MAX_DEPTH} levels deep; the deeper part is kept as plain text"
        )
    _collapse_spaces(soup)
    return soup


def _collapse_spaces(soup: BeautifulSoup) -> None:
    """Runs of spaces outside `<pre>` made one space, or one line end, as markdownify makes them.

    Done first, in one pass: markdownify's own pattern for it takes time in the square of a run's
    length (a million spaces: minutes).
    """
    for text in soup.find_all(string=_SPACES_RE):
        if type(text) is not NavigableString or text.find_parent("pre") is not None:
            continue
        text.replace_with(NavigableString(_SPACES_RE.sub(_one_space, text)))


def _one_space(run: re.Match[str]) -> str:
    return "\n" if "\n" in run.group(0) or "\r" in run.group(0) else " "


def _drop_deep_tags(fragment: str, limit: int) -> str:
    """`fragment` without the tags opened more than `limit` deep, their text kept.

    The depth is counted from the tags as written (never less than the parsed tree's), in one
    pass: the next `>` is looked for once, not from every `<`.
    """
    parts: list[str] = []
    depth = copied = 0
    search = 0
    closing_bracket = -1
    while True:
        start = fragment.find("<", search)
        if start < 0:
            break
        search = start + 1
        tag = _TAG_NAME_RE.match(fragment, start + 1)
        if tag is None:
            continue
        if closing_bracket < tag.end():
            closing_bracket = fragment.find(">", tag.end())
            if closing_bracket < 0:
                break
        name = tag.group(2).lower()
        if tag.group(1):
            depth = max(depth - 1, 0)
            keep = depth < limit
        elif name in _VOID_TAGS or fragment[closing_bracket - 1] == "/":
            keep = depth < limit
        else:
            keep = depth < limit
            depth += 1
        if not keep:
            parts.append(fragment[copied:start])
            copied = closing_bracket + 1
        search = closing_bracket + 1
    if not parts:
        return fragment
    parts.append(fragment[copied:])
    return "".join(parts)


def _flatten_deep(soup: BeautifulSoup, limit: int) -> bool:
    """Keep only the text of elements nested `limit` levels deep; whether there were any.

    Walked with a stack of its own: the depth is the input's.
    """
    flattened = False
    stack: list[tuple[Tag, int]] = [(soup, 0)]
    while stack:
        node, depth = stack.pop()
        for child in node.contents:
            if not isinstance(child, Tag):
                continue
            if depth + 1 < limit:
                stack.append((child, depth + 1))
            elif any(isinstance(grandchild, Tag) for grandchild in child.contents):
                text = child.get_text()
                child.clear()
                child.append(NavigableString(text))
                flattened = True
    return flattened


def _remove_unsafe(soup: BeautifulSoup, problems: _Problems) -> None:
    """Links and images whose address could run a script become their text."""
    for image in soup.find_all("img"):
        assert isinstance(image, Tag)
        source = image.get("src")
        if isinstance(source, str) and source and not is_safe_url(source, image=True):
            problems.unsafe.append(source)
            alt = image.get("alt")
            image.replace_with(NavigableString(alt if isinstance(alt, str) else ""))
    for anchor in soup.find_all("a"):
        assert isinstance(anchor, Tag)
        href = anchor.get("href")
        if isinstance(href, str) and href and not is_safe_url(href):
            problems.unsafe.append(href)
            if anchor.get_text().strip() == href.strip():
                anchor.decompose()  # An embed's address as its text: nothing to read.
            else:
                anchor.unwrap()


def html_to_text(fragment: str) -> str:
    """The plain text of an HTML fragment, such as a manual excerpt, on one line."""
    return " ".join(BeautifulSoup(fragment, "html.parser").get_text().split())


def _relink(soup: BeautifulSoup, links: BodyLinks) -> None:
    for image in soup.find_all("img"):
        assert isinstance(image, Tag)
        # Lazy-loading plugins keep the real address aside and a placeholder in `src`.
        source = image.get("data-lazy-src") or image.get("data-src") or image.get("src")
        if isinstance(source, str) and source:
            image["src"] = links.image(source)
    for anchor in soup.find_all("a"):
        assert isinstance(anchor, Tag)
        href = anchor.get("href")
        if isinstance(href, str) and href:
            anchor["href"] = links.link(href)
    for wrapper in soup.select(".wp-block-embed__wrapper"):
        text = wrapper.get_text()
        url = _URL_TEXT_RE.match(text)
        if url and wrapper.find("a") is None:
            wrapper.clear()
            wrapper.append(_link(soup, url.group(1)))
    for frame in soup.find_all(["iframe", "embed"]):
        assert isinstance(frame, Tag)
        source = frame.get("src")
        if isinstance(source, str) and source:
            frame.replace_with(_link(soup, source))
        else:
            frame.decompose()


def _link(soup: BeautifulSoup, url: str) -> Tag:
    anchor = soup.new_tag("a", href=url)
    anchor.append(NavigableString(url))
    return anchor


class _Converter(markdownify.MarkdownConverter):
    """markdownify, with figures, captions and text escaped for Python-Markdown."""

    def escape(self, text: str, parent_tags: set[str]) -> str:
        if not text:
            return ""
        text = text.replace("\\", "\\\\").replace("*", r"\*").replace("`", r"\`")
        text = _EMPHASIS_UNDERSCORE_RE.sub(r"\\_", text)
        # Text that reads as a Markdown link (`[a](javascript:...)`) or definition stays text.
        text = _LINK_BRACKET_RE.sub(r"\\]", _DEFINITION_START_RE.sub(r"\1\\[", text))
        # A `<` or `&lt;` in the text must not become a tag or an entity in Markdown.
        return _TAG_START_RE.sub("&lt;", _ENTITY_LIKE_RE.sub("&amp;", text))

    def convert_figure(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        return f"\n\n{text.strip()}\n\n"

    def convert_figcaption(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        caption = " ".join(text.split())
        # Underscores, so that the caption's own `*emphasis*` nests inside.
        return f"\n\n_{caption}_\n\n" if caption else ""


def _code_language(element: Any) -> str | None:
    """The language of a `<pre>`, from its or its `<code>`'s classes."""
    for candidate in (element, element.find("code")):
        if not isinstance(candidate, Tag):
            continue
        classes: list[str] = list(candidate.get_attribute_list("class"))
        for name in classes:
            language = _LANGUAGE_CLASS_RE.match(name)
            if language:
                return language.group(1)
        brush = _BRUSH_RE.search(" ".join(classes))
        if brush:
            return brush.group(1)
    return None


def _converter() -> _Converter:
    return _Converter(
        heading_style=markdownify.ATX,
        bullets="-",
        strong_em_symbol=markdownify.ASTERISK,
        escape_asterisks=False,
        escape_underscores=False,
        code_language_callback=_code_language,
        keep_inline_images_in=["td", "th"],
        table_infer_header=True,
    )


def _tidy(markdown: str, excerpt_separator: str) -> str:
    """Blank lines where they belong, the excerpt mark restored, one newline at the end."""
    first, mark, rest = markdown.partition(MORE_PLACEHOLDER)
    if mark:
        markdown = f"{first.rstrip()}\n\n{excerpt_separator}\n\n{rest.replace(mark, '').lstrip()}"
    lines: list[str] = []
    for scanned in scan_lines(markdown):
        line = scanned.text
        if not scanned.in_code and not line.strip(" \t\xa0\u200b"):
            if lines and lines[-1] == "":
                continue
            line = ""
        lines.append(line)
    return "\n".join(lines).strip("\n") + "\n"
