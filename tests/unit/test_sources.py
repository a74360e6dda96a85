"""Reading posts, function by function: slugs, dates, front matter, the Markdown scanner."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest

from mkdocs_llmblog.model import CategoryNameError, category_full_name, category_parts
from mkdocs_llmblog.sources.dates import DateError, parse_post_date
from mkdocs_llmblog.sources.frontmatter import FrontMatterError, split_front_matter
from mkdocs_llmblog.sources.headings import heading_text
from mkdocs_llmblog.sources.markdown import (
    MarkdownImage,
    code_spans,
    find_first_heading,
    find_leading_heading,
    first_image,
    remove_line,
    scan_lines,
)
from mkdocs_llmblog.sources.slugs import make_slug

PARIS = ZoneInfo("Europe/Paris")
SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
"""Lower-case ASCII words joined by single hyphens."""


# sources.slugs.make_slug


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Hello, World!", "hello-world"),
        ("  Open-source   LLMs: a review ", "open-source-llms-a-review"),
        ("Café au lait", "cafe-au-lait"),
        ("开源模型", "kai-yuan-mo-xing"),
        ("Привет мир", "privet-mir"),
        ("Ελληνικά", "ellenika"),
    ],
)
def test_make_slug_transliterates_to_lower_case_ascii(title: str, slug: str) -> None:
    assert make_slug(title, 80) == slug


def test_make_slug_of_emoji_alone_is_stable_and_distinct() -> None:
    rocket_fire = make_slug("🚀🔥", 80)
    assert re.fullmatch(r"post-[0-9a-f]{10}", rocket_fire)
    assert make_slug("🚀🔥", 80) == rocket_fire
    assert make_slug("🚀", 80) != rocket_fire
    assert re.fullmatch(r"post-[0-9a-f]{10}", make_slug("!!!", 80))


LONG_TITLE = "Why open weights matter for research and for the businesses that build on them"
LONG_SLUG = "why-open-weights-matter-for-research-and-for-the-businesses-that-build-on-them"


def test_make_slug_of_a_title_shorter_than_the_cap_is_whole() -> None:
    assert make_slug(LONG_TITLE, len(LONG_SLUG)) == LONG_SLUG
    assert make_slug(LONG_TITLE, 1000) == LONG_SLUG


@pytest.mark.parametrize("max_length", [10, 30, 50, len(LONG_SLUG) - 1])
def test_make_slug_is_capped_at_a_word_boundary(max_length: int) -> None:
    slug = make_slug(LONG_TITLE, max_length)
    assert 0 < len(slug) <= max_length
    assert SLUG_RE.fullmatch(slug)
    # Whole words only: the capped slug is the full one cut just before a hyphen.
    assert LONG_SLUG.startswith(slug)
    assert LONG_SLUG[len(slug)] == "-"
    assert "-" not in LONG_SLUG[len(slug) + 1 : max_length + 1], "a whole word more would fit"


def test_make_slug_caps_a_single_long_word() -> None:
    slug = make_slug("a" * 200, 40)
    assert slug == "a" * 40


def test_make_slug_never_returns_a_windows_device_name() -> None:
    assert make_slug("CON", 80) == "con-post"
    assert make_slug("Nul", 80) == "nul-post"
    assert make_slug("Console", 80) == "console"


# sources.dates.parse_post_date


@pytest.mark.parametrize(
    ("value", "moment", "date_only"),
    [
        ("2024-03-01", dt.datetime(2024, 3, 1, tzinfo=PARIS), True),
        ("  2024-03-01 ", dt.datetime(2024, 3, 1, tzinfo=PARIS), True),
        ("2024-03-01 10:30", dt.datetime(2024, 3, 1, 10, 30, tzinfo=PARIS), False),
        (
            "2024-03-01T10:30:00+01:00",
            dt.datetime(2024, 3, 1, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))),
            False,
        ),
        (
            "2024-03-01T09:30:00Z",
            dt.datetime(2024, 3, 1, 9, 30, tzinfo=dt.UTC),
            False,
        ),
        (dt.date(2024, 3, 1), dt.datetime(2024, 3, 1, tzinfo=PARIS), True),
        (dt.datetime(2024, 3, 1, 5), dt.datetime(2024, 3, 1, 5, tzinfo=PARIS), False),
    ],
)
def test_parse_post_date_reads_days_and_moments(
    value: object, moment: dt.datetime, date_only: bool
) -> None:
    date = parse_post_date(value, PARIS)
    assert date.moment == moment
    assert date.moment.utcoffset() == moment.utcoffset()
    assert date.date_only is date_only


def test_parse_post_date_keeps_the_authors_offset() -> None:
    date = parse_post_date("2024-03-01T10:30:00-05:00", PARIS)
    assert date.moment.utcoffset() == dt.timedelta(hours=-5)
    assert date.isoformat() == "2024-03-01T10:30:00-05:00"


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("", r"^is empty; write it as YYYY-MM-DD"),
        ("   ", r"^is empty"),
        ("2024-02-30", r"^has '2024-02-30', which is not a valid date \(day is out of range"),
        ("2024-13-01", r"^has '2024-13-01', which is not a valid date"),
        ("0000-01-01", r"^has '0000-01-01', which is not a valid date \(year 0 is out of range"),
        ("yesterday", r"^has 'yesterday', which is not a valid date"),
        ("1" * 100, r"^has '1{20,}\.\.\.1+', 100 characters: not a date"),
        (["2024-01-01"], r"^is a list, not a date"),
        ({"created": "2024-01-01"}, r"^is a mapping, not a date"),
        (20240101, r"^is 20240101 \(int\), not a date"),
        (True, r"^is True \(bool\), not a date"),
        (None, r"^is None \(NoneType\), not a date"),
    ],
)
def test_parse_post_date_refuses_what_is_not_a_date(value: object, problem: str) -> None:
    with pytest.raises(DateError, match=problem) as error:
        parse_post_date(value, PARIS)
    assert "YYYY-MM-DD" in str(error.value)


@pytest.mark.parametrize(
    ("value", "zone", "shown"),
    [
        (dt.date(1, 1, 1), ZoneInfo("Etc/GMT-9"), "0001-01-01T00:00:00+09:00"),
        (
            dt.datetime(9999, 12, 31, 23, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
            PARIS,
            "9999-12-31T23:00:00-05:00",
        ),
    ],
)
def test_parse_post_date_refuses_moments_outside_the_years_1_to_9999_in_utc(
    value: object, zone: ZoneInfo, shown: str
) -> None:
    with pytest.raises(DateError) as error:
        parse_post_date(value, zone)
    assert str(error.value) == (
        f"has {shown}, which is outside the years 1 to 9999 in UTC; "
        "give a date between 0001-01-02 and 9999-12-30"
    )
    assert parse_post_date(dt.date(1, 1, 2), ZoneInfo("Etc/GMT-9")).date_only


def test_a_date_string_beyond_the_calendar_in_utc_says_so_once() -> None:
    with pytest.raises(DateError) as error:
        parse_post_date("0001-01-01", PARIS)
    assert str(error.value) == (
        "has 0001-01-01T00:00:00+00:09:21, which is outside the years 1 to 9999 in UTC; "
        "give a date between 0001-01-02 and 9999-12-30"
    )


# sources.frontmatter.split_front_matter


def test_split_front_matter_reads_the_mapping_and_the_body() -> None:
    parts = split_front_matter("---\ntitle: Hi\ntags: [a, b]\n---\n# Heading\n\nText.\n")
    assert parts.meta == {"title": "Hi", "tags": ["a", "b"]}
    assert parts.body == "# Heading\n\nText.\n"


def test_split_front_matter_leaves_dates_as_written() -> None:
    parts = split_front_matter("---\ndate: 2024-02-30\nupdated: 2024-01-01T10:00:00+05:00\n---\n")
    assert parts.meta == {"date": "2024-02-30", "updated": "2024-01-01T10:00:00+05:00"}


@pytest.mark.parametrize(
    ("source", "meta", "body"),
    [
        ("No front matter.\n", {}, "No front matter.\n"),
        ("---\n---\nBody\n", {}, "Body\n"),
        ("---\n\n---\nBody\n", {}, "Body\n"),
        ("---\r\ntitle: T\r\n---\r\nBody\r\n", {"title": "T"}, "Body\n"),
        ("---\ntitle: T\n...\nBody\n", {"title": "T"}, "Body\n"),
        ("---\n1: one\n---\n", {"1": "one"}, ""),
    ],
)
def test_split_front_matter_fences(source: str, meta: dict[str, object], body: str) -> None:
    parts = split_front_matter(source)
    assert parts.meta == meta
    assert parts.body == body


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        ("---\n- a\n- b\n---\n", r"^is a list, not a mapping of keys to values"),
        ("---\njust text\n---\n", r"^is a text, not a mapping"),
        ("---\n42\n---\n", r"^is a number, not a mapping"),
        ("---\ntrue\n---\n", r"^is a boolean, not a mapping"),
        ("---\ntitle: [unclosed\ndate: x\n---\n", r"^is not valid YAML \(line 3: "),
        ("---\ndate: 2024-01-01\n\ttitle: T\n---\n", r"^is not valid YAML \(line 3: .*never tabs"),
        ("---\na: &x 1\nb: *y\n---\n", r"^is not valid YAML \(line 3: found undefined alias"),
    ],
)
def test_split_front_matter_errors_say_what_and_where(source: str, problem: str) -> None:
    with pytest.raises(FrontMatterError, match=problem):
        split_front_matter(source)


# sources.markdown


FENCED = """Intro with `inline # code`.

```python
# not a heading
![not an image](code.png)
~~~
still code
```

~~~~
````
tilde block
~~~~
After.
"""


def test_scan_lines_marks_fences_and_code() -> None:
    lines = list(scan_lines(FENCED))
    assert [line.index for line in lines] == list(range(len(FENCED.split("\n"))))
    assert all(FENCED[line.offset :].startswith(line.text) for line in lines)
    code = [line.text for line in lines if line.in_code]
    assert code == [
        "```python",
        "# not a heading",
        "![not an image](code.png)",
        "~~~",
        "still code",
        "```",
        "~~~~",
        "````",
        "tilde block",
        "~~~~",
    ]
    # Only the lines that open or close a block are fences, not other markers inside it.
    assert [line.text for line in lines if line.fence] == ["```python", "```", "~~~~", "~~~~"]
    assert [line.text for line in lines if not line.in_code] == [
        "Intro with `inline # code`.",
        "",
        "",
        "After.",
        "",
    ]


def test_scan_lines_unclosed_fence_runs_to_the_end() -> None:
    lines = list(scan_lines("Text\n```\ncode\n# more code"))
    assert [line.in_code for line in lines] == [False, True, True, True]


def test_code_spans_cover_fenced_blocks_and_inline_code() -> None:
    text = "A `b` c\n```\nx `y`\n```\nd ``e ` f`` g\n"
    spans = code_spans(text)
    assert [text[start:end] for start, end in spans] == ["`b`", "```\nx `y`\n```", "``e ` f``"]


def test_code_spans_of_an_unclosed_fence_run_to_the_end() -> None:
    text = "Intro `a`\n```\n`not inline` here"
    assert [text[start:end] for start, end in code_spans(text)] == [
        "`a`",
        "```\n`not inline` here",
    ]


@pytest.mark.parametrize(
    ("markdown", "title", "line_index"),
    [
        ("# Title\n\nText", "Title", 0),
        ("Intro\n\n#   Spaced title   \n", "Spaced title", 2),
        ("# Closed #####\n", "Closed", 0),
        ("# With attributes { #anchor .class }\n", "With attributes", 0),
        ("   # Indented three\n", "Indented three", 0),
        ("## Second level\n# First\n", "First", 1),
        ("#NoSpace\n# Real\n", "Real", 1),
        ("```\n# In code\n```\n# After code\n", "After code", 3),
        ("~~~\n```\n# Still code\n~~~\n# Out\n", "Out", 4),
    ],
)
def test_find_first_heading(markdown: str, title: str, line_index: int) -> None:
    heading = find_first_heading(markdown)
    assert heading is not None
    assert (heading.title, heading.line_index) == (title, line_index)


@pytest.mark.parametrize(
    "markdown",
    ["No heading", "```\n# only in code\n```\n", "    # four spaces is code\n", "#\n", "## Two\n"],
)
def test_find_first_heading_none(markdown: str) -> None:
    assert find_first_heading(markdown) is None


@pytest.mark.parametrize(
    ("markdown", "image"),
    [
        ("Text ![A cat](cat.png) more", MarkdownImage("cat.png", "A cat")),
        ("![](plain.png)", MarkdownImage("plain.png", None)),
        ("![  ](blank-alt.png)", MarkdownImage("blank-alt.png", None)),
        ("![T](<angled.png>)", MarkdownImage("angled.png", "T")),
        ("![T](<with space.png>)", MarkdownImage("with space.png", "T")),
        ('![T](<with space.png> "A title")', MarkdownImage("with space.png", "T")),
        ('![T](titled.png "A title")', MarkdownImage("titled.png", "T")),
        ("`![code](no.png)` then ![Real](yes.png)", MarkdownImage("yes.png", "Real")),
        ("```\n![code](no.png)\n```\n![Real](yes.png)", MarkdownImage("yes.png", "Real")),
        ("![First](1.png) ![Second](2.png)", MarkdownImage("1.png", "First")),
    ],
)
def test_first_image(markdown: str, image: MarkdownImage) -> None:
    assert first_image(markdown) == image


@pytest.mark.parametrize(
    "markdown",
    ["No image", "`![code](no.png)`", "```\n![code](no.png)\n```\n", "[a link](page.md)"],
)
def test_first_image_none(markdown: str) -> None:
    assert first_image(markdown) is None


def test_remove_line_drops_exactly_that_line() -> None:
    markdown = "# Title\n\nText\n"
    assert remove_line(markdown, 0) == "\nText\n"
    assert remove_line(markdown, 2) == "# Title\n\n"
    heading = find_first_heading("Intro\n# Title\nBody")
    assert heading is not None
    assert remove_line("Intro\n# Title\nBody", heading.line_index) == "Intro\nBody"


# model.category_parts and model.category_full_name


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("News", ("News",)),
        ("AI/Safety", ("AI", "Safety")),
        ("  AI  /  Safety  ", ("AI", "Safety")),
        ("Open   Source/Large\tModels", ("Open Source", "Large Models")),
        ("C++/C#", ("C++", "C#")),
    ],
)
def test_category_parts_fold_whitespace(name: str, parts: tuple[str, ...]) -> None:
    assert category_parts(name) == parts
    assert category_full_name(name) == "/".join(parts)


@pytest.mark.parametrize("name", ["AI//Safety", "/AI", "AI/", " / ", "", "AI/  /Safety"])
def test_category_with_an_empty_part_is_an_error(name: str) -> None:
    with pytest.raises(CategoryNameError, match="has an empty part; write it as 'Parent/Child'"):
        category_parts(name)
    with pytest.raises(CategoryNameError, match="empty part"):
        category_full_name(name)


def test_category_depth_is_bounded() -> None:
    assert len(category_parts("/".join("abcdefghij"))) == 10
    with pytest.raises(CategoryNameError, match="of 11 levels; a category has at most 10"):
        category_parts("/".join("abcdefghijk"))


# sources.headings.heading_text


@pytest.mark.parametrize(
    ("heading", "text"),
    [
        ("`git sparse-checkout` &mdash; fast", "git sparse-checkout — fast"),
        ("**Bold** and *it*", "Bold and it"),
        ("[Link](https://example.com/) text", "Link text"),
        ("snake_case_name stays", "snake_case_name stays"),
        ("a < b & c", "a < b & c"),
        ("Tom \\* star", "Tom * star"),
        ("&lt;/title&gt;&lt;img src=x&gt;", "</title><img src=x>"),
        ("<b>raw</b> HTML", "raw HTML"),
        ("<!-- only a comment -->", "<!-- only a comment -->"),
        ("  many   spaces  ", "many spaces"),
        ("C++ & C#", "C++ & C#"),
        ("Learning C\\#", "Learning C#"),
        ("A backslash\\\\#", "A backslash\\#"),
        ("1. `git` in ten steps", "1. git in ten steps"),
        ("2024. The *year*", "2024. The year"),
        ("- *dash* first", "- dash first"),
        ("> quoted *words*", "> quoted words"),
        ("+ plus *sign*", "+ plus sign"),
    ],
)
def test_heading_text_is_the_rendered_text_of_the_markdown(heading: str, text: str) -> None:
    assert heading_text(heading) == text


# sources.markdown.find_leading_heading


@pytest.mark.parametrize(
    ("body", "title"),
    [
        ("# Opening\n\nText.\n", "Opening"),
        ("\n\n<!-- note -->\n# After a comment\n", "After a comment"),
        ("Words first.\n\n# Later\n", None),
        ("```\n# not a heading\n```\n# Real\n", None),
        ("## Level two\n", None),
    ],
)
def test_only_a_heading_the_body_opens_with_leads_it(body: str, title: str | None) -> None:
    heading = find_leading_heading(body)
    assert (heading.title if heading else None) == title
