"""What a post's rendered HTML gives the rest of the blog: its excerpt, description, reading time.

All of it is read with an HTML parser: text inside `<code>` and `<pre>` is text, never markup,
whatever it looks like.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

from selectolax.lexbor import LexborHTMLParser

from mkdocs_llmblog.layout.urls import resolve_relative
from mkdocs_llmblog.render.markers import ROOT_MARK

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
BLOCK_ELEMENTS = frozenset(
    {
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "table",
        "tr",
        "td",
        "th",
        "br",
        "hr",
        "figure",
        "figcaption",
        "section",
        "article",
        "aside",
        "details",
        "summary",
    }
)
SKIPPED_TEXT_ELEMENTS = frozenset({"script", "style", "template"})
URL_ATTRIBUTES = frozenset({"href", "src", "poster"})
DESCRIPTION_LENGTH = 160
CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
WORD_RE = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]|[^\W_]+(?:['\u2019][^\W_]+)*"
)


@dataclass(frozen=True)
class SplitContent:
    """A post's rendered HTML, cut at the end of its excerpt."""

    excerpt_html: str
    body_html: str
    """The whole post, with the excerpt mark removed."""
    has_more: bool


def split_content(html: str, separator: str, whole_without_mark: bool = False) -> SplitContent:
    """Cut rendered post HTML at the excerpt mark, or after the first paragraph (with
    `whole_without_mark`, as Material's blog does, the whole post is the excerpt)."""
    index = html.find(separator) if separator else -1
    if index >= 0:
        before, after = html[:index], html[index + len(separator) :]
        return SplitContent(before.rstrip(), before + after, bool(after.strip()))
    if whole_without_mark:
        return SplitContent(html, html, False)
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


def _is_headerlink(attrs: list[tuple[str, str | None]]) -> bool:
    return any(name == "class" and "headerlink" in (value or "").split() for name, value in attrs)


class _PortableWriter(HTMLParser):
    """Copies HTML, rewriting the URLs of real elements; text and code go through untouched."""

    def __init__(self, post_url: str) -> None:
        # Text arrives decoded and is escaped again: a bare `&` stays a bare `&` to a reader.
        super().__init__(convert_charrefs=True)
        self.post_url = post_url
        self.out: list[str] = []
        self.skip_depth = 0
        """Inside a permalink anchor (`a.headerlink`), which lists leave out."""

    def rebase(self, url: str) -> str:
        resolved = resolve_relative(url, self.post_url)
        return url if resolved is None else ROOT_MARK + resolved

    def rebase_srcset(self, value: str) -> str:
        candidates = []
        for candidate in value.split(","):
            url, _, descriptor = candidate.strip().partition(" ")
            candidates.append(f"{self.rebase(url)} {descriptor}".strip())
        return ", ".join(candidates)

    def tag_text(self, tag: str, attrs: list[tuple[str, str | None]], closing: str) -> str:
        parts = [f"<{tag}"]
        for name, value in attrs:
            if name == "id":
                continue  # A list of excerpts must not repeat the posts' ids.
            if value is None:
                parts.append(f" {name}")
                continue
            if name in URL_ATTRIBUTES:
                value = self.rebase(value)
            elif name == "srcset":
                value = self.rebase_srcset(value)
            parts.append(f' {name}="{escape(value)}"')
        return "".join(parts) + closing

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip_depth:
            self.skip_depth += tag not in VOID_ELEMENTS
            return
        if tag == "a" and _is_headerlink(attrs):
            self.skip_depth = 1
            return
        self.out.append(self.tag_text(tag, attrs, ">"))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.skip_depth:
            self.out.append(self.tag_text(tag, attrs, " />"))

    def handle_endtag(self, tag: str) -> None:
        if self.skip_depth:
            self.skip_depth -= tag not in VOID_ELEMENTS
            return
        self.out.append(f"</{tag}>")

    def emit(self, text: str) -> None:
        if not self.skip_depth:
            self.out.append(text)

    def handle_data(self, data: str) -> None:
        # Scripts and styles come as written; other text decoded, so it is escaped here.
        self.emit(data if self.cdata_elem else escape(data, quote=False))

    def handle_comment(self, data: str) -> None:
        self.emit(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.emit(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self.emit(f"<?{data}>")

    def unknown_decl(self, data: str) -> None:
        self.emit(f"<![{data}]>")


class _ShortWriter(_PortableWriter):
    """A portable copy cut after `max_words` words, at the end of a word, with an ellipsis;
    the elements open there are closed."""

    def __init__(self, post_url: str, max_words: int) -> None:
        super().__init__(post_url)
        self.words_left = max_words
        self.open_tags: list[str] = []
        self.cut = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.cut:
            return
        before = len(self.out)
        super().handle_starttag(tag, attrs)
        if len(self.out) > before and tag not in VOID_ELEMENTS:
            self.open_tags.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.cut:
            super().handle_startendtag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if self.cut:
            return
        if not self.skip_depth and tag in self.open_tags:
            # Close what the author left open inside it too, as a browser would.
            while self.open_tags:
                if self.open_tags.pop() == tag:
                    break
        super().handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self.cut:
            return
        if self.skip_depth or self.cdata_elem:
            super().handle_data(data)
            return
        words = list(WORD_RE.finditer(data)) if CJK_RE.search(data) else None
        ends = [m.end() for m in words] if words is not None else _word_ends(data)
        if len(ends) <= self.words_left:
            self.words_left -= len(ends)
            super().handle_data(data)
            return
        end = ends[self.words_left - 1] if self.words_left else 0
        super().handle_data(data[:end].rstrip() + "\u2026")
        self.cut = True
        self.out += [f"</{tag}>" for tag in reversed(self.open_tags)]

    def handle_comment(self, data: str) -> None:
        if not self.cut:
            super().handle_comment(data)


def _word_ends(text: str) -> list[int]:
    """Where each word of an alphabetic text ends."""
    return [match.end() for match in re.finditer(r"\S+", text)]


def make_portable(html: str, post_url: str) -> str:
    """Rewrite a post's HTML (an excerpt, or a whole body for feeds) to stand on any page.

    Links and images of real elements are resolved against the post's URL and marked relative
    to the site root; ids and permalink anchors are dropped so a list of excerpts has no
    duplicate ids. What code shows is text, and stays as it is.
    """
    writer = _PortableWriter(post_url)
    writer.feed(html)
    writer.close()
    return "".join(writer.out)


def shortened_portable(html: str, post_url: str, max_words: int) -> tuple[str, bool]:
    """`make_portable`, cut after `max_words` words with an ellipsis (WordPress's excerpt
    length); and whether it was cut."""
    writer = _ShortWriter(post_url, max_words)
    writer.feed(html)
    writer.close()
    return "".join(writer.out), writer.cut


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip_depth:
            self.skip_depth += tag not in VOID_ELEMENTS
        elif tag in SKIPPED_TEXT_ELEMENTS or (tag == "a" and _is_headerlink(attrs)):
            self.skip_depth = 1
        elif tag in BLOCK_ELEMENTS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if self.skip_depth:
            self.skip_depth -= tag not in VOID_ELEMENTS
        elif tag in BLOCK_ELEMENTS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.parts.append(data)


def plain_text(html: str) -> str:
    """The text of an HTML fragment, entities decoded and whitespace folded.

    Permalink anchors, scripts and styles are dropped; block elements separate words, inline
    ones do not (so "a <em>b</em>." reads "a b.", not "a b .").
    """
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    return " ".join("".join(collector.parts).split())


class _ElementFinder(HTMLParser):
    def __init__(self, tag: str) -> None:
        super().__init__(convert_charrefs=False)
        self.tag = tag
        self.found = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found = self.found or tag == self.tag


def has_element(html: str, tag: str) -> bool:
    """Whether an HTML fragment has a `tag` element (not merely the text `<tag` in code)."""
    if f"<{tag}" not in html:
        return False  # Cheap, and never wrong in this direction.
    finder = _ElementFinder(tag)
    finder.feed(html)
    finder.close()
    return finder.found


def count_words(text: str) -> int:
    """Words of a plain text; each CJK character counts as one (those scripts have no spaces
    between words)."""
    # Splitting on spaces is much faster and counts alphabetic scripts the same.
    return len(WORD_RE.findall(text)) if CJK_RE.search(text) else len(text.split())


def text_for_reading(html: str) -> str:
    """The words a reader reads in a post's HTML: its text, without scripts, styles and
    permalink anchors. Parsed with lexbor, which is fast enough for every post of a big blog."""
    tree = LexborHTMLParser(html)
    tree.strip_tags(list(SKIPPED_TEXT_ELEMENTS))
    for anchor in tree.css("a.headerlink"):
        anchor.decompose()
    body = tree.body
    # No separator: inline elements are parts of words ("<em>re</em>write"); the blocks of
    # rendered Markdown stand on lines of their own, so their words stay apart.
    return "" if body is None else body.text(separator="")


def reading_minutes(text: str, words_per_minute: int) -> int:
    """Estimated reading time of a plain text, at least one minute."""
    return max(1, math.ceil(count_words(text) / words_per_minute))


def describe(description: str | None, excerpt_html: str) -> str:
    """The post's own `description`, else its excerpt's text cut to about 160 characters."""
    if description:
        return description
    text = plain_text(excerpt_html)
    if len(text) <= DESCRIPTION_LENGTH:
        return text
    cut = text[:DESCRIPTION_LENGTH].rsplit(" ", 1)[0].rstrip(",.;:")
    return cut + "\u2026"
