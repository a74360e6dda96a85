"""Unit tests of the HTML readers and writers of issue #14 section 2.

Each function is given the HTML it meets in a build (or HTML shaped like a theme's) and checked
against what a parser, not a text search, makes of it.
"""

from __future__ import annotations

import pytest
from markupsafe import Markup

from mkdocs_llmblog.render.excerpts import make_portable, plain_text, reading_minutes
from mkdocs_llmblog.render.head import find_author_meta, read_theme_head
from mkdocs_llmblog.render.markers import ROOT_MARK
from mkdocs_llmblog.render.titles import theme_text
from mkdocs_llmblog.themes.material import (
    AFTER_CONTENT,
    IN_SIDEBAR,
    SIDEBAR_COPY_SHOWN,
    WidgetPlacer,
    find_sidebar,
)
from tests.conftest import LogWatcher

POST_URL = "blog/2024/01/02/code-example/"

# 1. Excerpt URLs: only real elements' URLs are rewritten, code stays as written.


def test_make_portable_leaves_code_text_as_written() -> None:
    html = (
        '<p>Intro with <code>&lt;a href="other.md" id="x"&gt;</code> and '
        '<a href="../../01/other/" id="real">the other post</a>.</p>\n'
        '<pre><code>&lt;img src="pic.png"&gt;\nlink = href="page.md"\n</code></pre>'
    )
    portable = make_portable(html, POST_URL)
    assert portable == (
        '<p>Intro with <code>&lt;a href="other.md" id="x"&gt;</code> and '
        f'<a href="{ROOT_MARK}blog/2024/01/01/other/">the other post</a>.</p>\n'
        '<pre><code>&lt;img src="pic.png"&gt;\nlink = href="page.md"\n</code></pre>'
    )


def test_make_portable_rewrites_real_urls_and_drops_ids_and_permalinks() -> None:
    html = (
        '<h2 id="part">Part<a class="headerlink" href="#part" title="Permanent link">'
        "&para;</a></h2>\n"
        '<p><img alt="A &amp; B" src="pic.png" srcset="pic.png 1x, big/pic.png 2x" />'
        '<a href="https://example.org/x" id="ext">out</a> <a href="#part">up</a></p>'
    )
    portable = make_portable(html, POST_URL)
    root = ROOT_MARK + POST_URL
    assert portable == (
        "<h2>Part</h2>\n"
        f'<p><img alt="A &amp; B" src="{root}pic.png" srcset="{root}pic.png 1x, '
        f'{root}big/pic.png 2x" /><a href="https://example.org/x">out</a> '
        f'<a href="{root}#part">up</a></p>'
    )


# 2. Titles: escaped once, as Markup, at the source.


@pytest.mark.parametrize(
    ("title", "printed"),
    [
        ("Why <em>this</em> matters", "Why &lt;em&gt;this&lt;/em&gt; matters"),
        ("</head>", "&lt;/head&gt;"),
        ("<li>", "&lt;li&gt;"),
        ('Say "hi" & go', "Say &#34;hi&#34; &amp; go"),
    ],
)
def test_theme_text_is_escaped_once_markup(title: str, printed: str) -> None:
    text = theme_text(title)
    assert isinstance(text, Markup)
    assert str(text) == printed
    # A theme's `|e` (or Jinja's autoescape) leaves it alone instead of escaping it twice.
    assert str(Markup.escape(text)) == printed
    assert text.unescape() == title


# 6. The theme's head, read with a parser.


def test_read_theme_head_finds_tags_in_odd_case_and_quoting() -> None:
    html = (
        "<!doctype html>\n<html><HEAD>\n"
        "<META PROPERTY='OG:Title' content=x>\n"
        '<meta NAME=Description content="d">\n'
        "<LINK REL=\"Canonical\" href='https://example.com/'>\n"
        "<link rel='alternate prev' href=../a/>\n"
        '<Link Rel=NEXT href="../b/"/>\n'
        '<script>document.write("</head>")</script>\n'
        "</Head>\n<body><p>text</p></body></html>"
    )
    head = read_theme_head(html)
    assert head.open_graph
    assert head.description
    assert head.canonical
    assert head.prev
    assert head.next
    # The real end tag, not the text in the script.
    assert head.end == html.index("</Head>")


def test_read_theme_head_ignores_comments_and_the_body() -> None:
    html = (
        "<html><head>\n"
        '<!-- <meta property="og:x" content="y"> -->\n'
        '<!-- <meta name="description" content="d"> <link rel="canonical" href="/"> -->\n'
        "<title>Page</title>\n"
        "</head>\n"
        '<body><meta property="og:title" content="late">'
        '<link rel="prev" href="a"><a rel="next" href="b">Next</a></body></html>'
    )
    head = read_theme_head(html)
    assert not head.open_graph
    assert not head.description
    assert not head.canonical
    assert not head.prev
    assert not head.next
    assert head.end == html.index("</head>")


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>x</title><body><p>hi</p></body></html>",
        '<html><head><meta property="og:title" content="x"><title>x</title>',
        "<p>No head at all</p>",
    ],
    ids=["body-without-head-end", "truncated", "fragment"],
)
def test_read_theme_head_without_head_end(html: str) -> None:
    assert read_theme_head(html).end is None


def test_read_theme_head_offset_is_that_of_the_end_tag_after_many_lines() -> None:
    html = "<html>\n<head>\n" + "<meta charset=utf-8>\n" * 50 + "  </head>\n<body></body></html>"
    head = read_theme_head(html)
    assert head.end == html.index("</head>")


# 6. Material's sidebar, found with a parser.

TOC_NAV = (
    '<nav class="md-nav md-nav--secondary" aria-label="Table of contents">\n'
    '  <ul class="md-nav__list">\n'
    '    <li class="md-nav__item"><a href="#a" class="md-nav__link">A</a>\n'
    '      <nav class="md-nav" aria-label="A">\n'
    '        <ul class="md-nav__list"><li class="md-nav__item"><a href="#b">B</a></li></ul>\n'
    "      </nav>\n"
    "    </li>\n"
    "  </ul>\n"
    "</nav>"
)


def material_page(sidebar_attrs: str = "", before: str = "", toc: str = TOC_NAV) -> str:
    """A page shaped like Material's base.html: both sidebars, then the content."""
    return (
        "<html><head><style>.md-sidebar--secondary { color: red }</style></head><body>\n"
        f"{before}"
        '<div class="md-main__inner md-grid">\n'
        '<div class="md-sidebar md-sidebar--primary" data-md-type="navigation">'
        '<nav class="md-nav md-nav--primary"><ul><li>'
        '<nav class="md-nav md-nav--secondary">integrated toc</nav></li></ul></nav></div>\n'
        '<div class="md-sidebar md-sidebar--secondary" data-md-component="sidebar" '
        f'data-md-type="toc" {sidebar_attrs}>\n'
        '<div class="md-sidebar__scrollwrap"><div class="md-sidebar__inner">\n'
        f"{toc}"
        "<!--END-TOC-->\n"
        "</div></div></div>\n"
        '<div class="md-content"><article><p>Text</p><!--SLOT--></article></div>\n'
        "</div></body></html>"
    )


def test_find_sidebar_offset_is_after_the_whole_toc_nav() -> None:
    html = material_page()
    spot = find_sidebar(html)
    assert spot.found
    assert spot.offset == html.index("<!--END-TOC-->")
    # The nested nav of the toc did not end the search early.
    assert html[: spot.offset].endswith("    </li>\n  </ul>\n</nav>")


def test_find_sidebar_skips_the_class_name_in_text_and_other_elements() -> None:
    before = (
        '<div class="md-banner"><p>Style the class="md-sidebar md-sidebar--secondary" '
        "element; it is hidden on small screens.</p>\n"
        '<div class="md-sidebar--secondary-note" data-note="md-sidebar--secondary">x</div>\n'
        '<span class="md-sidebar md-sidebar--secondary">a span, not the sidebar</span></div>\n'
    )
    html = material_page(before=before)
    spot = find_sidebar(html)
    assert spot.found
    assert spot.offset == html.index("<!--END-TOC-->")


def test_find_sidebar_hidden_sidebar_takes_no_widgets() -> None:
    spot = find_sidebar(material_page(sidebar_attrs="hidden"))
    assert spot.found
    assert spot.offset is None


def test_find_sidebar_without_toc_nav_in_the_sidebar() -> None:
    # A toc nav after the sidebar is not inside it.
    html = material_page(toc="").replace(
        '<div class="md-content">', '<div class="md-content">' + TOC_NAV
    )
    spot = find_sidebar(html)
    assert spot.found
    assert spot.offset is None


def test_find_sidebar_page_without_sidebar() -> None:
    html = "<html><body><p>The md-sidebar--secondary class.</p></body></html>"
    spot = find_sidebar(html)
    assert not spot.found
    assert spot.offset is None


def render_widgets(classes: str) -> str:
    return f'<aside class="w {classes}">W</aside>'


def test_widget_placer_puts_a_copy_into_the_sidebar() -> None:
    html = material_page()
    placer = WidgetPlacer(use_sidebar=True, expect_sidebar=True)
    placed = placer.place(html, "<!--SLOT-->", render_widgets, "docs/blog/posts/a.md")
    in_sidebar = render_widgets(IN_SIDEBAR)
    after = render_widgets(f"{AFTER_CONTENT} {SIDEBAR_COPY_SHOWN}")
    assert placed == (
        html.replace("<!--END-TOC-->", in_sidebar + "<!--END-TOC-->").replace("<!--SLOT-->", after)
    )
    assert not placer.warned


def test_widget_placer_warns_once_when_materials_sidebar_is_missing(
    log_watcher: LogWatcher,
) -> None:
    log_watcher.expect(r"docs/blog/posts/a\.md: theme 'material': no right sidebar")
    html = '<html><body><div class="md-content"><p>Text</p><!--SLOT--></div></body></html>'
    placer = WidgetPlacer(use_sidebar=True, expect_sidebar=True)
    first = placer.place(html, "<!--SLOT-->", render_widgets, "docs/blog/posts/a.md")
    second = placer.place(html, "<!--SLOT-->", render_widgets, "docs/blog/posts/b.md")
    expected = html.replace("<!--SLOT-->", render_widgets(AFTER_CONTENT))
    assert first == second == expected
    warnings = [m for m in log_watcher.messages() if "no right sidebar" in m]
    assert len(warnings) == 1


def test_widget_placer_is_quiet_without_an_expected_sidebar() -> None:
    # `toc.integrate`: Material has no right sidebar on purpose.
    html = "<html><body><p>Text</p><!--SLOT--></body></html>"
    placer = WidgetPlacer(use_sidebar=True, expect_sidebar=False)
    placed = placer.place(html, "<!--SLOT-->", render_widgets, "docs/blog/posts/a.md")
    assert placed == html.replace("<!--SLOT-->", render_widgets(AFTER_CONTENT))
    assert not placer.warned


# 7. Reading time: the words of the rendered text.


def test_plain_text_counts_code_but_not_scripts_styles_or_permalinks() -> None:
    html = (
        '<h2 id="setup">Setup<a class="headerlink" href="#setup" title="Permanent link">'
        "&para;</a></h2>\n"
        "<p>Run <em>this</em>:</p>\n"
        '<pre><code class="language-python">print("hello world")\n</code></pre>\n'
        "<script>var tracker = 'many words in a script';</script>\n"
        "<style>p { color: red; }</style>\n"
        "<template><p>not shown</p></template>\n"
        '<p><a href="https://example.com/a/very/long/url" title="a link title">link</a></p>'
    )
    assert plain_text(html) == 'Setup Run this: print("hello world") link'


@pytest.mark.parametrize(
    ("html", "words_per_minute", "minutes"),
    [
        # 10 words of text; the URLs and attributes are not read.
        (
            '<p>One two three <a href="https://example.com/a-b-c d e f g" title="x y z">four'
            '</a> five six <img alt="an alt text of many words here" src="p.png"> seven '
            "eight nine ten</p>",
            5,
            2,
        ),
        # Code is read: 4 words of prose and 8 of code.
        ("<p>One two three four</p><pre><code>a b c d\ne f g h\n</code></pre>", 4, 3),
        # Scripts, styles and permalinks are not.
        (
            '<h2>One<a class="headerlink" href="#one">&para;</a></h2>'
            "<script>a b c d e f g h</script><style>i j k l m n</style><p>two</p>",
            1,
            2,
        ),
        # Each CJK character is a word: 12 of them (the full stop is not one).
        ("<p>日本語のテキストです。漢字</p>", 6, 2),
        ("<p>這是一個測試</p><p>and two</p>", 4, 2),
        ("", 265, 1),
    ],
    ids=["attributes", "code", "script-style-permalink", "japanese", "chinese-mixed", "empty"],
)
def test_reading_minutes_of_rendered_text(html: str, words_per_minute: int, minutes: int) -> None:
    assert reading_minutes(plain_text(html), words_per_minute) == minutes


def test_make_portable_keeps_a_bare_ampersand_a_bare_ampersand() -> None:
    html = "<div>Q&A time, AT&T, &amp; &lt;b&gt;</div><script>if (a<b && c) go()</script>"
    portable = make_portable(html, "blog/post/")
    assert portable == (
        "<div>Q&amp;A time, AT&amp;T, &amp; &lt;b&gt;</div><script>if (a<b && c) go()</script>"
    )


def test_read_theme_head_takes_a_head_a_snippet_closed_early() -> None:
    html = (
        "<html><head><title>T</title><noscript><img src=p.gif></noscript>"
        '<meta property="og:title" content="x"><link rel="canonical" href="c"></head><body>'
    )
    head = read_theme_head(html)
    assert head.end == html.index("</head>")
    assert head.open_graph
    assert head.canonical


@pytest.mark.parametrize(
    "head",
    [
        '<head>\n<meta charset="utf-8">\n  <meta name="author" content="Site">\n',
        "<head><META NAME='Author' CONTENT=\"Site\"/>",
        '<head>\n<!-- <meta name="author" content="no"> -->\n<meta content="Site" name=" author ">',
    ],
)
def test_find_author_meta_gives_the_offsets_of_the_tag(head: str) -> None:
    span = find_author_meta(head)
    assert span is not None
    tag = head[span[0] : span[1]]
    assert tag.lower().startswith("<meta")
    assert tag.endswith(">")
    assert "Site" in tag
    assert "no" not in tag


def test_find_author_meta_without_one_gives_none() -> None:
    assert find_author_meta('<head><meta name="description" content="author">') is None
    assert read_theme_head("<html><head><title>x</title></head><body></body>").author_meta is None
