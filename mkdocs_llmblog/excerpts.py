"""Cutting a post's excerpt out of its rendered HTML, once, in a form any page can show."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser

from mkdocs_llmblog.urls import ROOT_MARK, resolve_relative

URL_ATTRIBUTE_RE = re.compile(r'(?P<lead>\s(?:href|src|poster)=")(?P<url>[^"]*)(?P<end>")')
SRCSET_RE = re.compile(r'(?P<lead>\ssrcset=")(?P<value>[^"]*)(?P<end>")')
ID_ATTRIBUTE_RE = re.compile(r'\sid="[^"]*"')
HEADERLINK_RE = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
TAG_RE = re.compile(r"<[^>]+>")
VOID_ELEMENTS = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }
)


@dataclass(frozen=True, slots=True)
class Excerpt:
    """A post's excerpt, portable to any page (see `urls.localize`)."""

    html: str
    has_more: bool
    """The post goes on after the excerpt, so lists show a "Read more" link."""


@dataclass(frozen=True)
class SplitContent:
    """A post's rendered HTML, cut at the end of its excerpt."""

    excerpt_html: str
    body_html: str
    """The whole post, with the excerpt mark removed."""
    has_more: bool


def split_content(html: str, separator: str) -> SplitContent:
    """Cut rendered post HTML at the excerpt mark, or after the first paragraph."""
    index = html.find(separator) if separator else -1
    if index >= 0:
        before, after = html[:index], html[index + len(separator) :]
        return SplitContent(before.rstrip(), before + after, bool(after.strip()))
    end = first_paragraph_end(html)
    if end is None:
        return SplitContent(html, html, False)
    return SplitContent(html[:end], html, bool(html[end:].strip()))


def first_paragraph_end(html: str) -> int | None:
    """The offset just after the first top-level `</p>`, if any."""
    finder = _FirstParagraphFinder()
    finder.feed(html)
    finder.close()
    if finder.end is None:
        return None
    line, column = finder.end
    offsets = [0]
    for text_line in html.split("\n"):
        offsets.append(offsets[-1] + len(text_line) + 1)
    start_of_close = offsets[line - 1] + column
    close = html.find(">", start_of_close)
    return close + 1


class _FirstParagraphFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.depth = 0
        self.end: tuple[int, int] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.end is None and tag not in VOID_ELEMENTS:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if self.end is not None or tag in VOID_ELEMENTS:
            return
        self.depth -= 1
        if tag == "p" and self.depth == 0:
            self.end = self.getpos()


def make_portable(excerpt_html: str, post_url: str) -> str:
    """Rewrite the excerpt so it can stand on any page of the site.

    Links and images are resolved against the post's URL and marked relative to the site root;
    ids and permalink anchors are dropped so a list of excerpts has no duplicate ids.
    """
    html = HEADERLINK_RE.sub("", excerpt_html)
    html = ID_ATTRIBUTE_RE.sub("", html)

    def rebase(url: str) -> str:
        resolved = resolve_relative(url, post_url)
        return url if resolved is None else ROOT_MARK + resolved

    html = URL_ATTRIBUTE_RE.sub(lambda m: m["lead"] + rebase(m["url"]) + m["end"], html)

    def rebase_srcset(value: str) -> str:
        candidates = []
        for candidate in value.split(","):
            url, _, descriptor = candidate.strip().partition(" ")
            candidates.append(f"{rebase(url)} {descriptor}".strip())
        return ", ".join(candidates)

    return SRCSET_RE.sub(lambda m: m["lead"] + rebase_srcset(m["value"]) + m["end"], html)


BLOCK_TAG_RE = re.compile(
    r"</?(?:p|div|h[1-6]|li|ul|ol|dl|dt|dd|blockquote|pre|table|tr|td|th|br|hr|figure|"
    r"figcaption|section|article|aside|details|summary)\b[^>]*>",
    re.IGNORECASE,
)


def plain_text(html: str) -> str:
    """The text of an HTML fragment, entities decoded and whitespace folded.

    Permalink anchors are dropped; block elements separate words, inline ones do not (so
    "a <em>b</em>." reads "a b.", not "a b .").
    """
    html = HEADERLINK_RE.sub("", html)
    html = TAG_RE.sub("", BLOCK_TAG_RE.sub(" ", html))
    return " ".join(unescape(html).split())
