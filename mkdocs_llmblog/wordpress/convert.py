"""A WordPress post body, HTML with shortcodes and block comments, as clean Markdown."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Protocol

import markdownify
from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString

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
_FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_URL_TEXT_RE = re.compile(r"^\s*(https?://\S+)\s*$")


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
    soup = BeautifulSoup(shortcodes.html, "html.parser")
    _relink(soup, links)
    markdown = _converter().convert_soup(soup)
    return ConvertedBody(
        _tidy(markdown, excerpt_separator), blocks.unconverted + shortcodes.unconverted
    )


def html_to_inline_markdown(fragment: str) -> str:
    """A short HTML text, such as a caption, as one line of Markdown."""
    markdown = _converter().convert_soup(BeautifulSoup(fragment, "html.parser"))
    return " ".join(markdown.split())


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
    fence: str | None = None
    for line in markdown.split("\n"):
        opening = _FENCE_RE.match(line)
        if opening:
            marker = opening.group(1)
            if fence is None:
                fence = marker[0] * 3
            elif marker.startswith(fence):
                fence = None
        elif fence is None and not line.strip(" \t\xa0\u200b"):
            if lines and lines[-1] == "":
                continue
            line = ""
        lines.append(line)
    return "\n".join(lines).strip("\n") + "\n"
