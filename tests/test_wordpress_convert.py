"""WordPress post bodies to Markdown: paragraphs, the more mark, blocks, shortcodes, escaping."""

from __future__ import annotations

import time

import markdown
import pytest
from bs4 import BeautifulSoup, Tag

from mkdocs_llmblog.wordpress.convert import ConvertedBody, convert_body, html_to_inline_markdown
from mkdocs_llmblog.wordpress.markup import autop, unconverted_lines
from mkdocs_llmblog.wordpress.shortcodes import GalleryImage

MORE = "<!-- more -->"


class RecordingLinks:
    """Leaves links as they are, and remembers them."""

    def __init__(self) -> None:
        self.images: list[str] = []
        self.links: list[str] = []

    def image(self, url: str) -> str:
        self.images.append(url)
        return url

    def link(self, url: str) -> str:
        self.links.append(url)
        return url


def no_gallery(ids: list[str] | None) -> list[GalleryImage]:
    return []


def convert(content: str, links: RecordingLinks | None = None) -> ConvertedBody:
    return convert_body(
        content, links=links or RecordingLinks(), galleries=no_gallery, excerpt_separator=MORE
    )


def rendered(markdown_text: str) -> BeautifulSoup:
    """The Markdown as MkDocs renders it (its default extensions)."""
    html = markdown.markdown(markdown_text, extensions=["tables", "fenced_code", "toc"])
    return BeautifulSoup(html, "html.parser")


def test_classic_editor_text_gets_paragraphs_and_line_breaks() -> None:
    body = convert("First line\nsecond line.\n\nNext paragraph with <em>emphasis</em>.")

    assert body.markdown == ("First line  \nsecond line.\n\nNext paragraph with *emphasis*.\n")
    soup = rendered(body.markdown)
    assert [p.get_text() for p in soup.find_all("p")] == [
        "First line\nsecond line.",
        "Next paragraph with emphasis.",
    ]
    assert soup.find("br") is not None


def test_autop_leaves_block_elements_and_preformatted_text_alone() -> None:
    html = autop("<h2>Title</h2>\nText\n<pre>a\n\nb</pre>\n<ul>\n<li>one</li>\n</ul>")

    assert html == "<h2>Title</h2>\n<p>Text</p>\n<pre>a\n\nb</pre>\n<ul>\n<li>one</li>\n</ul>"


@pytest.mark.parametrize(
    "more", ["<!--more-->", "<!-- more -->", "<!--more Keep reading-->", "<!--MORE-->"]
)
def test_the_more_mark_becomes_the_excerpt_separator(more: str) -> None:
    body = convert(f"The excerpt.\n\n{more}\n\nThe rest. <!--more--> Not twice.")

    assert body.markdown == f"The excerpt.\n\n{MORE}\n\nThe rest. Not twice.\n"


def test_block_comments_are_removed_and_dynamic_blocks_marked() -> None:
    body = convert(
        "<!-- wp:paragraph -->\n<p>Hello.</p>\n<!-- /wp:paragraph -->\n\n"
        "<!-- wp:more -->\n<!--more-->\n<!-- /wp:more -->\n\n"
        '<!-- wp:heading {"level":3} -->\n<h3 class="wp-block-heading">Part</h3>\n'
        "<!-- /wp:heading -->\n\n"
        '<!-- wp:latest-posts {"postsToShow":3} /-->\n\n'
        "<!-- wp:core/archives /-->"
    )

    assert "wp:paragraph" not in body.markdown
    assert body.markdown.startswith(f"Hello.\n\n{MORE}\n\n### Part\n")
    assert body.unconverted == ("wp:latest-posts", "wp:core/archives")
    marks = [code.get_text() for code in rendered(body.markdown).find_all("code")]
    assert marks == ["wp:latest-posts", "wp:core/archives"]
    assert body.markdown.count("(WordPress block, not converted)") == 2


def test_block_editor_text_is_not_given_extra_paragraphs() -> None:
    body = convert("<!-- wp:paragraph -->\n<p>One\ntwo.</p>\n<!-- /wp:paragraph -->")

    assert body.markdown == "One\ntwo.\n"


def test_a_caption_shortcode_becomes_an_image_with_its_caption() -> None:
    body = convert(
        '[caption id="attachment_5" align="alignnone" width="300"]'
        '<a href="https://example.com/big.png"><img src="https://example.com/small.png" '
        'alt="A chart" width="300" height="200" /></a> Sales <em>rose</em>[/caption]'
    )

    assert body.markdown == (
        "[![A chart](https://example.com/small.png)](https://example.com/big.png)\n\n"
        "_Sales *rose*_\n"
    )
    soup = rendered(body.markdown)
    image = soup.find("img")
    assert isinstance(image, Tag)
    assert image["alt"] == "A chart"
    caption = soup.find_all("p")[-1]
    assert caption.get_text() == "Sales rose"
    assert caption.find("em") is not None
    assert body.unconverted == ()


def test_the_old_caption_attribute_is_read_too() -> None:
    body = convert(
        '[caption caption="Old style"]<img src="https://e.com/a.png" alt="A" />[/caption]'
    )

    assert body.markdown == "![A](https://e.com/a.png)\n\n_Old style_\n"


def test_a_gallery_becomes_its_images() -> None:
    images = {
        "1": GalleryImage("https://e.com/one.png", "One", "First <em>one</em>"),
        "2": GalleryImage("https://e.com/two.png", "Two", ""),
    }

    def galleries(ids: list[str] | None) -> list[GalleryImage]:
        return [images[i] for i in ids or images]

    body = convert_body(
        '[gallery ids="1,2" columns="2"]',
        links=RecordingLinks(),
        galleries=galleries,
        excerpt_separator=MORE,
    )

    assert body.markdown == (
        "![One](https://e.com/one.png)\n\n_First *one*_\n\n![Two](https://e.com/two.png)\n"
    )


def test_a_gallery_whose_images_are_not_in_the_export_is_marked() -> None:
    body = convert('Before.\n\n[gallery ids="7,8"]\n\n[gallery]\n\nAfter.')

    assert body.unconverted == ("[gallery]", "[gallery]")
    assert body.markdown == (
        "Before.\n\n"
        '`[gallery ids="7,8"]` *(WordPress shortcode, not converted)*\n\n'
        "`[gallery]` *(WordPress shortcode, not converted)*\n\n"
        "After.\n"
    )


def test_unknown_shortcodes_are_left_visibly_marked_and_text_in_brackets_is_not() -> None:
    body = convert(
        '[contact-form-7 id="42" title="Contact"]\n\n'
        "[note type=warning]Mind the <strong>gap</strong>.[/note]\n\n"
        "A quote [sic] and a footnote [1]; [[gallery]] shows how to write one."
    )

    assert body.unconverted == ("[contact-form-7]", "[note]")
    assert body.markdown == (
        '`[contact-form-7 id="42" title="Contact"]` *(WordPress shortcode, not converted)*\n\n'
        "`[note type=warning]` *(WordPress shortcode, not converted)* Mind the **gap**."
        "`[/note]`\n\n"
        "A quote [sic] and a footnote [1]; [gallery] shows how to write one.\n"
    )


def test_embeds_become_links() -> None:
    body = convert(
        "[embed]https://www.youtube.com/watch?v=abc[/embed]\n\n"
        '[audio mp3="https://e.com/wp-content/uploads/2023/01/talk.mp3"][/audio]\n\n'
        '<iframe src="https://player.example.com/v/1" width="500"></iframe>\n\n'
        '<!-- wp:embed {"url":"https://vimeo.com/1"} -->\n'
        '<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">\n'
        "https://vimeo.com/1\n</div></figure>\n<!-- /wp:embed -->"
    )

    hrefs = [a["href"] for a in rendered(body.markdown).find_all("a")]
    assert hrefs == [
        "https://www.youtube.com/watch?v=abc",
        "https://e.com/wp-content/uploads/2023/01/talk.mp3",
        "https://player.example.com/v/1",
        "https://vimeo.com/1",
    ]
    assert body.unconverted == ()


def test_code_keeps_its_text_and_language() -> None:
    # The visual editor stores code with entities, which syntax highlighters decode.
    body = convert(
        '[code lang="python"]\nif a < b:\n\n    print("&amp;")\n[/code]\n\n'
        '<pre class="brush: php; gutter: false">echo 1;</pre>\n\n'
        "Inline <code>[gallery]</code> stays code."
    )

    assert body.markdown == (
        '```python\nif a < b:\n\n    print("&")\n```\n\n'
        "```php\necho 1;\n```\n\n"
        "Inline `[gallery]` stays code.\n"
    )
    assert body.unconverted == ()


def test_text_that_looks_like_markup_stays_text() -> None:
    body = convert(
        "Use &lt;div&gt; and &amp;amp; with 2 &lt; 3, a*b*c, `ticks` and snake_case _here_."
    )

    soup = rendered(body.markdown)
    assert soup.get_text().strip() == (
        "Use <div> and &amp; with 2 < 3, a*b*c, `ticks` and snake_case _here_."
    )
    assert soup.find(["div", "em", "code"]) is None


def test_links_and_images_go_through_the_rewriter() -> None:
    links = RecordingLinks()
    convert(
        '<a href="https://e.com/a/"><img src="https://e.com/b.png" alt=""></a> '
        '<img data-src="https://e.com/lazy.png" src="data:image/gif;base64,R0lGOD" alt="">',
        links,
    )

    assert links.links == ["https://e.com/a/"]
    assert links.images == ["https://e.com/b.png", "https://e.com/lazy.png"]


def test_tables_get_a_header_row() -> None:
    body = convert("<table><tr><td>a</td><td>b</td></tr><tr><td>1</td><td>2</td></tr></table>")

    soup = rendered(body.markdown)
    assert [th.get_text() for th in soup.find_all("th")] == ["a", "b"]
    assert [td.get_text() for td in soup.find_all("td")] == ["1", "2"]


def test_empty_spacer_paragraphs_leave_no_blank_lines_behind() -> None:
    body = convert("<p>One</p>\n<p>&nbsp;</p>\n<p>&nbsp;</p>\n<p>Two</p>")

    assert body.markdown == "One\n\nTwo\n"


def test_captions_become_one_line_of_markdown() -> None:
    assert html_to_inline_markdown('Photo by\n<a href="https://e.org/">Ada</a>') == (
        "Photo by [Ada](https://e.org/)"
    )


def test_unconverted_lines_finds_each_mark_with_its_line() -> None:
    text = (
        "---\ntitle: A\n---\n\nText.\n\n"
        "`[note]` *(WordPress shortcode, not converted)* and "
        "`` [a`b] `` *(WordPress shortcode, not converted)*\n\n"
        "`wp:latest-posts` *(WordPress block, not converted)*\n"
        "Text about things not converted.\n"
    )
    assert unconverted_lines(text) == [(7, "[note]"), (7, "[a`b]"), (9, "wp:latest-posts")]


def test_unconverted_lines_take_the_code_span_right_before_each_note() -> None:
    note = "*(WordPress shortcode, not converted)*"
    line = f'Run `ls`, then `[gallery id="1"]` {note}, and `` a`b `` `[x]` {note}.'
    assert unconverted_lines(line) == [(1, '[gallery id="1"]'), (1, "[x]")]


def test_unconverted_lines_take_linear_time_on_a_line_of_many_code_spans() -> None:
    note = "*(WordPress shortcode, not converted)*"
    line = "`x` " * 50_000 + f"`[last]` {note}"
    started = time.perf_counter()
    assert unconverted_lines(line) == [(1, "[last]")]
    assert time.perf_counter() - started < 2  # quadratic: minutes
