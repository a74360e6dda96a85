"""WordPress shortcodes: the common ones turned into HTML, the others left visibly marked."""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field

from mkdocs_llmblog.wordpress.markup import Marked, element_spans, unconverted_mark

# What WordPress's own pattern (get_shortcode_regex) finds for any name: `[name attrs]`,
# `[name /]`, `[name]content[/name]`, and `[[name]]` for a literal `[name]`. Found by a scanner
# rather than that pattern, whose search for a closing tag goes to the end of the text from
# every opening one that has none.
_NAME_RE = re.compile(r"[A-Za-z][\w-]*")
_CLOSING_RE = re.compile(r"\[/([A-Za-z][\w-]*)\]")
MAX_NESTING = 10
"""Shortcodes inside shortcodes left marked are expanded this many levels deep."""
_ATTRIBUTE_RE = re.compile(
    r"""([\w-]+)\s*=\s*"([^"]*)"(?:\s|$)"""
    r"""|([\w-]+)\s*=\s*'([^']*)'(?:\s|$)"""
    r"""|([\w-]+)\s*=\s*([^\s'"]+)(?:\s|$)"""
    r"""|"([^"]*)"(?:\s|$)|'([^']*)'(?:\s|$)|(\S+)(?:\s|$)"""
)
_IMAGE_PART_RE = re.compile(
    r"^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)(.*)$", re.DOTALL | re.IGNORECASE
)
_URL_RE = re.compile(r"https?://[^\s\"'<>\]]+")

CODE_SHORTCODES = frozenset({"code", "sourcecode", "source"})
"""SyntaxHighlighter Evolved's, and WordPress.com's, code blocks."""
EMBED_SHORTCODES = frozenset({"embed", "youtube", "vimeo", "audio", "video", "playlist", "tweet"})
KNOWN_SHORTCODES = frozenset(
    {"caption", "wp_caption", "gallery"}
    | CODE_SHORTCODES
    | EMBED_SHORTCODES
    | {"contact-form-7", "contact-form", "contact_form", "wpforms", "gravityform", "ninja_form"}
    | {"instagram", "soundcloud", "googlemaps", "slideshow", "polldaddy", "crowdsignal"}
)
"""Names treated as shortcodes even when written bare, like `[gallery]`; any other name is one
only with attributes or a closing tag, so that a text such as `[sic]` stays as it is."""
_MEDIA_ATTRIBUTES = ("src", "mp3", "m4a", "ogg", "wav", "wma", "mp4", "m4v", "webm", "ogv", "url")


@dataclass(frozen=True)
class GalleryImage:
    """One image of a `[gallery]`, found among the export's attachments."""

    url: str
    alt: str
    caption: str


GalleryLookup = Callable[[list[str] | None], list[GalleryImage]]
"""The images of a gallery from its `ids`, or of the post's attachments when None."""


class ShortcodeText:
    """A text to find shortcodes in, with where each closing tag `[/name]` is.

    The closing tags are found once for the text, and used for every part of it scanned, so
    that shortcodes nested in shortcodes cost no second search.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.closings: dict[str, list[int]] = {}
        for found in _CLOSING_RE.finditer(text):
            self.closings.setdefault(found.group(1), []).append(found.start())

    def substitute(
        self, replace: Callable[[ShortcodeMatch], str], start: int = 0, stop: int | None = None
    ) -> str:
        """`text[start:stop]` with each shortcode replaced by `replace(it)`, in one pass."""
        text = self.text
        stop = len(text) if stop is None else stop
        parts: list[str] = []
        copied = search = start
        bracket = -1
        """The first `]` at or after the end of the last name read."""
        while True:
            begin = text.find("[", search, stop)
            if begin < 0:
                break
            opening = "[" if text.startswith("[", begin + 1, stop) else ""
            name = _NAME_RE.match(text, begin + 1 + len(opening), stop)
            if name is None:
                search = begin + 1
                continue
            if bracket < name.end():
                bracket = text.find("]", name.end(), stop)
                if bracket < 0:
                    break  # No `]` further on: no more shortcodes.
            attributes = text[name.end() : bracket]
            void = attributes.endswith("/")
            if void:
                attributes = attributes[:-1]
            end = bracket + 1
            content: tuple[int, int] | None = None
            starts = self.closings.get(name.group(0)) if not void else None
            if starts:
                index = bisect_left(starts, end)
                closing_end = starts[index] + len(name.group(0)) + 3 if index < len(starts) else 0
                if index < len(starts) and closing_end <= stop:
                    content = (end, starts[index])
                    end = closing_end
            close = "]" if text.startswith("]", end, stop) else ""
            end += len(close)
            shortcode = ShortcodeMatch(
                self, begin, end, opening, name.group(0), attributes, void, content, close
            )
            parts += [text[copied:begin], replace(shortcode)]
            copied = search = end
        parts.append(text[copied:stop])
        return "".join(parts)


@dataclass(frozen=True)
class ShortcodeMatch:
    """A shortcode found in a text, with the parts WordPress's pattern names."""

    source: ShortcodeText
    start: int
    end: int
    open: str
    """`[` of `[[name]]`, else empty."""
    name: str
    attributes: str
    void: bool
    content_span: tuple[int, int] | None
    close: str
    """`]` of `[[name]]` (or a `]` right after), else empty."""

    @property
    def whole(self) -> str:
        return self.source.text[self.start : self.end]

    @property
    def content(self) -> str | None:
        if self.content_span is None:
            return None
        return self.source.text[self.content_span[0] : self.content_span[1]]


@dataclass(frozen=True)
class Shortcode:
    name: str
    attributes: dict[str, str]
    positional: list[str]
    content: str | None
    raw_attributes: str


@dataclass
class _Expander:
    galleries: GalleryLookup
    unconverted: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    depth: int = 0

    def expand(self, text: str) -> str:
        return self.expand_part(ShortcodeText(text), 0, len(text))

    def expand_part(self, source: ShortcodeText, start: int, stop: int) -> str:
        if self.depth > MAX_NESTING:
            if not self.notes:
                self.notes.append(
                    f"shortcodes nested more than {MAX_NESTING} levels deep; the inner ones "
                    "are left as text"
                )
            return source.text[start:stop]
        self.depth += 1
        try:
            return _outside_code(
                source, start, stop, lambda begin, end: source.substitute(self.replace, begin, end)
            )
        finally:
            self.depth -= 1

    def replace(self, match: ShortcodeMatch) -> str:
        if match.open and match.close:
            return match.whole[1:-1]  # `[[name]]` is WordPress's way to write `[name]`.
        shortcode = _parse(match)
        name = shortcode.name.lower()
        is_shortcode = (
            name in KNOWN_SHORTCODES or shortcode.content is not None or bool(shortcode.attributes)
        )
        if not is_shortcode:
            return match.whole
        converted = self.convert(name, shortcode)
        if converted is not None:
            return match.open + converted + match.close
        self.unconverted.append(f"[{shortcode.name}]")
        void = "/" if match.void else ""
        mark = unconverted_mark(f"[{shortcode.name}{shortcode.raw_attributes}{void}]", "shortcode")
        if match.content_span is not None:
            closing = f"<code>[/{html.escape(shortcode.name)}]</code>"
            mark += " " + self.expand_part(match.source, *match.content_span) + closing
        return match.open + mark + match.close

    def convert(self, name: str, shortcode: Shortcode) -> str | None:
        if name in ("caption", "wp_caption"):
            return self.caption(shortcode)
        if name == "gallery":
            return self.gallery(shortcode)
        if name in EMBED_SHORTCODES:
            return _embed(shortcode)
        return None

    def caption(self, shortcode: Shortcode) -> str | None:
        parts = _IMAGE_PART_RE.match(shortcode.content or "")
        if parts is None:
            return None
        image, caption = parts.group(1), parts.group(2).strip()
        caption = shortcode.attributes.get("caption", "").strip() or self.expand(caption)
        figcaption = f"<figcaption>{caption}</figcaption>" if caption else ""
        return f"<figure>{image}{figcaption}</figure>"

    def gallery(self, shortcode: Shortcode) -> str | None:
        ids_text = shortcode.attributes.get("ids") or shortcode.attributes.get("include", "")
        ids = [part.strip() for part in ids_text.split(",") if part.strip()] or None
        images = self.galleries(ids)
        if not images or (ids is not None and len(images) < len(ids)):
            return None
        figures = []
        for image in images:
            caption = f"<figcaption>{image.caption}</figcaption>" if image.caption else ""
            figures.append(
                f'<figure><img src="{html.escape(image.url)}" alt="{html.escape(image.alt)}" />'
                f"{caption}</figure>"
            )
        return "\n".join(figures)


def expand_shortcodes(body: str, galleries: GalleryLookup) -> Marked:
    """Turn the shortcodes of a post body into HTML, or into visible marks.

    `[caption]` becomes a figure, `[gallery]` its images (from the export's attachments),
    `[embed]`, `[youtube]`, `[audio]`, `[video]` a link. Any other is kept as code with a note.
    """
    expander = _Expander(galleries)
    return Marked(expander.expand(body), tuple(expander.unconverted), tuple(expander.notes))


def expand_code_shortcodes(body: str) -> str:
    """Turn `[code lang="python"]...[/code]` into `<pre><code>` before paragraphs are made.

    The code inside is kept verbatim: it must be protected from `autop`, as WordPress's
    syntax highlighting plugins protect it.
    """

    def replace(match: ShortcodeMatch) -> str:
        shortcode = _parse(match)
        if shortcode.name.lower() not in CODE_SHORTCODES or shortcode.content is None:
            return match.whole
        if match.open and match.close:
            return match.whole[1:-1]
        language = shortcode.attributes.get("lang") or shortcode.attributes.get("language", "")
        language_class = f' class="language-{html.escape(language.strip())}"' if language else ""
        code = html.escape(html.unescape(shortcode.content.strip("\n")), quote=False)
        return f"\n\n<pre><code{language_class}>{code}</code></pre>\n\n"

    source = ShortcodeText(body)
    return _outside_code(
        source, 0, len(body), lambda begin, end: source.substitute(replace, begin, end)
    )


def _embed(shortcode: Shortcode) -> str | None:
    candidates = [shortcode.attributes.get(key, "") for key in _MEDIA_ATTRIBUTES]
    candidates += [shortcode.content or "", *shortcode.positional, shortcode.raw_attributes]
    for candidate in candidates:
        found = _URL_RE.search(html.unescape(candidate))
        if found:
            url = html.escape(found.group(0))
            return f'\n\n<p><a href="{url}">{url}</a></p>\n\n'
    return None


def _parse(match: ShortcodeMatch) -> Shortcode:
    attributes: dict[str, str] = {}
    positional: list[str] = []
    text = match.attributes.replace("\xa0", " ").replace("\u200b", " ")
    for found in _ATTRIBUTE_RE.finditer(text):
        groups = found.groups()
        for name_index in (0, 2, 4):
            if groups[name_index]:
                attributes[groups[name_index].lower()] = html.unescape(groups[name_index + 1])
                break
        else:
            value = next((g for g in groups[6:] if g is not None), "")
            positional.append(html.unescape(value))
    return Shortcode(match.name, attributes, positional, match.content, match.attributes)


def _outside_code(
    source: ShortcodeText, start: int, stop: int, transform: Callable[[int, int], str]
) -> str:
    """Apply `transform` to the parts of `text[start:stop]` outside `<pre>` and `<code>`."""
    text = source.text
    parts: list[str] = []
    position = start
    for begin, end in element_spans(text[start:stop]):
        parts += [transform(position, start + begin), text[start + begin : start + end]]
        position = start + end
    parts.append(transform(position, stop))
    return "".join(parts)
