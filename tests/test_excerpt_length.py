"""`excerpt_max_words`: long excerpts cut after a number of words, as WordPress cuts them."""

from __future__ import annotations

from pathlib import Path

from mkdocs_llmblog.render.excerpts import shortened_portable
from tests.sitebuilder import build_site, post

LONG = " ".join(f"word{n}" for n in range(1, 101))


def test_a_long_excerpt_is_cut_with_an_ellipsis_and_a_read_more_link(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        {"plugins": [{"llmblog": {"excerpt_max_words": 10}}]},
        {
            "blog/posts/long.md": post(
                {"date": "2024-01-02", "title": "Long"}, f"## Lead\n\n**{LONG}**\n"
            ),
            "blog/posts/short.md": post({"date": "2024-01-01", "title": "Short"}, "Just this.\n"),
        },
    )

    cards = {
        card.select_one("h2").get_text(strip=True): card  # type: ignore[union-attr]
        for card in site.html("blog").select("article.llmblog-post-card")
    }
    excerpt = cards["Long"].select_one(".llmblog-excerpt")
    assert excerpt is not None
    # The heading counts: "Lead" and nine words of the paragraph, still bold.
    assert (
        excerpt.get_text(" ", strip=True)
        == "Lead " + " ".join(f"word{n}" for n in range(1, 10)) + "\u2026"
    )
    assert excerpt.select_one("p strong") is not None
    assert cards["Long"].select_one(".llmblog-read-more a") is not None
    assert cards["Short"].select_one(".llmblog-read-more") is None
    # The post's own page is whole.
    assert "word100" in site.html("blog/2024/01/02/long").get_text()


def test_shortening_closes_what_is_open_and_keeps_entities() -> None:
    html, cut = shortened_portable(
        "<p>One &amp; <em>two three</em> four</p><p>five</p>", "blog/p/", 3
    )
    assert cut
    assert html == "<p>One &amp; <em>two\u2026</em></p>"  # "&" is a word, as WordPress counts
    whole, cut = shortened_portable("<p>One two</p>", "blog/p/", 5)
    assert (whole, cut) == ("<p>One two</p>", False)


def test_shortening_counts_each_cjk_character() -> None:
    html, cut = shortened_portable("<p>日本語の文章です</p>", "blog/p/", 3)
    assert cut
    assert html == "<p>日本語\u2026</p>"
