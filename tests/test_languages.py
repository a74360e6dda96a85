"""Labels and dates follow the site's language; right-to-left languages read right to left."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mkdocs_llmblog.config import label_problem
from mkdocs_llmblog.i18n.labels import ENGLISH
from mkdocs_llmblog.i18n.translations import TRANSLATIONS
from tests.sitebuilder import build_site, post, write_project

REQUIRED = ("en", "de", "fr", "es", "pt", "it", "nl", "zh", "ja", "ru")

EXPECTED = {
    "de": ("Vorheriger Beitrag", "7. März 2024"),
    "fr": ("Article précédent", "7 mars 2024"),
    "es": ("Entrada anterior", "7 de marzo de 2024"),
    "pt": ("Post anterior", "7 de março de 2024"),
    "it": ("Articolo precedente", "7 marzo 2024"),
    "nl": ("Vorig bericht", "7 maart 2024"),
    "zh": ("上一篇", "2024年3月7日"),
    "ja": ("前の投稿", "2024年3月7日"),
    "ru": ("Предыдущая запись", "7 марта 2024\u202f\u0433."),
    "en": ("Previous post", "March 7, 2024"),
}


def files() -> dict[str, str | bytes]:
    return {
        "blog/posts/a.md": post({"date": "2024-03-06", "title": "A", "categories": ["X"]}),
        "blog/posts/b.md": post({"date": "2024-03-07", "title": "B", "categories": ["X"]}),
    }


def test_every_required_language_translates_every_label() -> None:
    for language in REQUIRED[1:]:
        assert set(TRANSLATIONS[language]) == set(ENGLISH), language
        untranslated = [k for k, v in TRANSLATIONS[language].items() if v == ENGLISH[k]]
        assert len(untranslated) <= 3, (language, untranslated)  # "Blog", "In" may stay


@pytest.mark.parametrize("language", sorted(EXPECTED))
def test_labels_and_dates_follow_the_theme_language(tmp_path: Path, language: str) -> None:
    previous_label, date_text = EXPECTED[language]
    site = build_site(tmp_path, {"theme": {"name": "material", "language": language}}, files())
    soup = site.html("blog/2024/03/07/b")
    label = soup.select_one(".llmblog-prev .llmblog-post-nav-label")
    assert label is not None
    assert label.get_text(strip=True) == previous_label
    time = soup.select_one(".llmblog-post-header time")
    assert time is not None
    assert time.get_text(strip=True) == date_text
    recent = soup.select_one(".llmblog-recent .llmblog-widget-title")
    assert recent is not None
    assert recent.get_text() == TRANSLATIONS.get(language, ENGLISH)["recent_posts"]


@pytest.mark.parametrize("theme", ["mkdocs", "readthedocs"])
def test_other_themes_follow_their_locale(tmp_path: Path, theme: str) -> None:
    site = build_site(tmp_path, {"theme": {"name": theme, "locale": "de"}}, files())
    label = site.html("blog/2024/03/07/b").select_one(".llmblog-prev .llmblog-post-nav-label")
    assert label is not None
    assert label.get_text(strip=True) == "Vorheriger Beitrag"


def test_labels_can_be_overridden(tmp_path: Path) -> None:
    options = {"language": "fr", "labels": {"previous_post": "Plus ancien"}}
    site = build_site(tmp_path, {"plugins": [{"llmblog": options}]}, files())
    soup = site.html("blog/2024/03/07/b")
    label = soup.select_one(".llmblog-prev .llmblog-post-nav-label")
    title = soup.select_one(".llmblog-recent .llmblog-widget-title")
    assert label is not None
    assert title is not None
    assert label.get_text(strip=True) == "Plus ancien"
    assert title.get_text() == "Articles récents"


@pytest.mark.parametrize("language", ["ar", "he"])
def test_right_to_left_languages(tmp_path: Path, language: str) -> None:
    site = build_site(tmp_path, {"theme": {"name": "material", "language": language}}, files())
    soup = site.html("blog/2024/03/07/b")
    body = soup.find("body")
    assert body is not None
    assert body.get("dir") == "rtl"  # Material's own
    for selector in ("article.llmblog-post", "aside.llmblog-widgets"):
        element = soup.select_one(selector)
        assert element is not None
        assert element.get("dir") == "rtl", selector
    label = soup.select_one(".llmblog-prev .llmblog-post-nav-label")
    assert label is not None
    assert label.get_text(strip=True) == TRANSLATIONS[language]["previous_post"]


def test_unknown_labels_are_a_config_error(tmp_path: Path) -> None:
    config = write_project(tmp_path, {"plugins": [{"llmblog": {"labels": {"nope": "x"}}}]}, {})
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(config)],
        capture_output=True, text=True, check=False, env={"NO_MKDOCS_2_WARNING": "1", "PATH": ""},
    )  # fmt: skip
    assert result.returncode != 0
    assert "option 'labels'" in result.stderr
    assert "unknown label(s) nope" in result.stderr


def test_a_label_with_an_unknown_placeholder_is_a_config_error(tmp_path: Path) -> None:
    config = write_project(
        tmp_path, {"plugins": [{"llmblog": {"labels": {"minutes_read": "{min} min"}}}]}, {}
    )
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(config)],
        capture_output=True, text=True, check=False, env={"NO_MKDOCS_2_WARNING": "1", "PATH": ""},
    )  # fmt: skip
    assert result.returncode != 0
    assert "the label 'minutes_read' uses {min}; it may use {minutes}" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_label_without_placeholders_is_printed_as_written_braces_and_all(
    tmp_path: Path,
) -> None:
    site = build_site(
        tmp_path,
        {
            "plugins": [
                {"llmblog": {"labels": {"related_posts": "More {of} this {", "blog": "{{Blog}}"}}}
            ]
        },
        {
            "blog/posts/a.md": post({"date": "2024-01-01", "title": "A", "categories": ["C"]}),
            "blog/posts/b.md": post({"date": "2024-01-02", "title": "B", "categories": ["C"]}),
        },
    )
    page = site.html("blog/2024/01/02/b")
    assert "More {of} this {" in page.get_text()
    assert "{{Blog}}" in site.html("blog").get_text()


def test_label_problem_checks_placeholders_only_where_a_label_has_them() -> None:
    assert label_problem({"related_posts": "Related {x} {"}) is None
    assert label_problem({"minutes_read": "{minutes} {"}) is not None
    assert label_problem({"minutes_read": "{minutes} min, {{braces}}"}) is None
    assert "it may use {minutes}" in str(label_problem({"minutes_read": "{m}"}))
