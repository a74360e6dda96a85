"""WordPress shortcodes: the common ones turned into HTML, the others left visibly marked."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from mkdocs_llmblog.wordpress.markup import Marked, unconverted_mark

# WordPress's own pattern (get_shortcode_regex) for any name: `[name attrs]`, `[name /]`,
# `[name]content[/name]`, and `[[name]]` for a literal `[name]`.
_SHORTCODE_RE = re.compile(
    r"\[(?P<open>\[?)(?P<name>[A-Za-z][\w-]*)(?![\w-])"
    r"(?P<attributes>[^\]/]*(?:/(?!\])[^\]/]*)*?)"
    r"(?:(?P<void>/)\]|\](?:(?P<content>[^\[]*(?:\[(?!/(?P=name)\])[^\[]*)*)\[/(?P=name)\])?)"
    r"(?P<close>\]?)",
    re.DOTALL,
)
_ATTRIBUTE_RE = re.compile(
    r"""([\w-]+)\s*=\s*"([^"]*)"(?:\s|$)"""
    r"""|([\w-]+)\s*=\s*'([^']*)'(?:\s|$)"""
    r"""|([\w-]+)\s*=\s*([^\s'"]+)(?:\s|$)"""
    r"""|"([^"]*)"(?:\s|$)|'([^']*)'(?:\s|$)|(\S+)(?:\s|$)"""
)
_CODE_SEGMENT_RE = re.compile(r"(<pre\b.*?</pre>|<code\b.*?</code>)", re.DOTALL | re.IGNORECASE)
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

    def expand(self, text: str) -> str:
        return _outside_code(text, lambda segment: _SHORTCODE_RE.sub(self.replace, segment))

    def replace(self, match: re.Match[str]) -> str:
        if match["open"] and match["close"]:
            return match.group(0)[1:-1]  # `[[name]]` is WordPress's way to write `[name]`.
        shortcode = _parse(match)
        name = shortcode.name.lower()
        is_shortcode = (
            name in KNOWN_SHORTCODES or shortcode.content is not None or bool(shortcode.attributes)
        )
        if not is_shortcode:
            return match.group(0)
        converted = self.convert(name, shortcode)
        if converted is not None:
            return match["open"] + converted + match["close"]
        self.unconverted.append(f"[{shortcode.name}]")
        void = "/" if match["void"] else ""
        mark = unconverted_mark(f"[{shortcode.name}{shortcode.raw_attributes}{void}]", "shortcode")
        if shortcode.content is not None:
            closing = f"<code>[/{html.escape(shortcode.name)}]</code>"
            mark += " " + self.expand(shortcode.content) + closing
        return match["open"] + mark + match["close"]

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
    return Marked(expander.expand(body), tuple(expander.unconverted))


def expand_code_shortcodes(body: str) -> str:
    """Turn `[code lang="python"]...[/code]` into `<pre><code>` before paragraphs are made.

    The code inside is kept verbatim: it must be protected from `autop`, as WordPress's
    syntax highlighting plugins protect it.
    """

    def replace(match: re.Match[str]) -> str:
        shortcode = _parse(match)
        if shortcode.name.lower() not in CODE_SHORTCODES or shortcode.content is None:
            return match.group(0)
        if match["open"] and match["close"]:
            return match.group(0)[1:-1]
        language = shortcode.attributes.get("lang") or shortcode.attributes.get("language", "")
        language_class = f' class="language-{html.escape(language.strip())}"' if language else ""
        code = html.escape(html.unescape(shortcode.content.strip("\n")), quote=False)
        return f"\n\n<pre><code{language_class}>{code}</code></pre>\n\n"

    return _outside_code(body, lambda segment: _SHORTCODE_RE.sub(replace, segment))


def _embed(shortcode: Shortcode) -> str | None:
    candidates = [shortcode.attributes.get(key, "") for key in _MEDIA_ATTRIBUTES]
    candidates += [shortcode.content or "", *shortcode.positional, shortcode.raw_attributes]
    for candidate in candidates:
        found = _URL_RE.search(html.unescape(candidate))
        if found:
            url = html.escape(found.group(0))
            return f'\n\n<p><a href="{url}">{url}</a></p>\n\n'
    return None


def _parse(match: re.Match[str]) -> Shortcode:
    attributes: dict[str, str] = {}
    positional: list[str] = []
    text = match["attributes"].replace("\xa0", " ").replace("\u200b", " ")
    for found in _ATTRIBUTE_RE.finditer(text):
        groups = found.groups()
        for name_index in (0, 2, 4):
            if groups[name_index]:
                attributes[groups[name_index].lower()] = html.unescape(groups[name_index + 1])
                break
        else:
            value = next((g for g in groups[6:] if g is not None), "")
            positional.append(html.unescape(value))
    return Shortcode(match["name"], attributes, positional, match["content"], match["attributes"])


def _outside_code(text: str, transform: Callable[[str], str]) -> str:
    """Apply `transform` to the parts of `text` outside `<pre>` and `<code>` elements."""
    parts = _CODE_SEGMENT_RE.split(text)
    return "".join(part if index % 2 else transform(part) for index, part in enumerate(parts))
