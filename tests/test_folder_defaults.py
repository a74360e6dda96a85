"""Material's `meta` plugin: `.meta.yml` defaults of a folder apply to its posts, as there."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_llmblog.sources.folder_defaults import FolderDefaultsError, merge_additive
from tests.sitebuilder import BuiltSite, build_site, post


def card_meta(site: BuiltSite, title: str) -> tuple[list[str], list[str]]:
    for card in site.html("blog").select("article.llmblog-post-card"):
        heading = card.select_one("h2")
        if heading is not None and heading.get_text(strip=True) == title:
            return (
                [a.get_text() for a in card.select(".llmblog-category")],
                [a.get_text() for a in card.select(".llmblog-tag")],
            )
    raise AssertionError(f"no card {title!r}")


def test_folder_defaults_apply_to_posts_when_the_meta_plugin_is_on(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        {
            "theme": "material",
            "plugins": ["meta", {"llmblog": {"tags_on_cards": True}}],
        },
        {
            "blog/posts/.meta.yml": "categories: [News]\ntags: [weekly]\n",
            "blog/posts/2024/.meta.yml": "categories: [Archive]\n",
            "blog/posts/top.md": post({"date": "2024-01-01", "title": "Top"}),
            "blog/posts/2024/deep.md": post(
                {"date": "2024-02-01", "title": "Deep", "categories": ["Extra"]}
            ),
        },
    )

    assert card_meta(site, "Top") == (["News"], ["weekly"])
    # Lists add up, the nearest folder after the farther one, the post's own last.
    assert card_meta(site, "Deep") == (["News", "Archive", "Extra"], ["weekly"])
    assert site.has_page("blog/category/archive")
    assert not (site.site_dir / "blog/posts/.meta.yml").exists()


def test_without_the_meta_plugin_the_files_are_not_read(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        {"plugins": ["llmblog"]},
        {
            "blog/posts/.meta.yml": "categories: [News]\n",
            "blog/posts/top.md": post({"date": "2024-01-01", "title": "Top"}),
        },
    )
    assert card_meta(site, "Top") == ([], [])


@pytest.mark.parametrize(
    ("meta", "message"),
    [
        ("- a list\n", "docs/blog/posts/.meta.yml: is a list, not a mapping"),
        ("categories: [News\n", "docs/blog/posts/.meta.yml: is not valid YAML (line 2"),
        (
            "categories: News\n",
            "docs/blog/posts/top.md: front matter key 'categories' is a list here but a value "
            "above; give it one kind",
        ),
    ],
)
def test_a_bad_meta_file_is_named(tmp_path: Path, meta: str, message: str) -> None:
    site = build_site(
        tmp_path,
        # The blog reads the files itself, whichever plugin comes first.
        {"theme": "material", "plugins": ["llmblog", "meta"]},
        {
            "blog/posts/.meta.yml": meta,
            "blog/posts/top.md": post(
                {"date": "2024-01-01", "title": "Top", "categories": ["Own"]}
            ),
        },
        expect_error=True,
    )
    assert message in "\n".join(site.errors)


def test_merge_additive_is_typesafe() -> None:
    target = {"tags": ["a"], "draft": False, "image": {"alt": "x"}}
    merge_additive(target, {"tags": ["b"], "draft": True, "image": {"path": "p.png"}}, "here")
    assert target == {"tags": ["a", "b"], "draft": True, "image": {"alt": "x", "path": "p.png"}}
    with pytest.raises(FolderDefaultsError, match="here: key 'tags' is a mapping here"):
        merge_additive(target, {"tags": {"x": 1}}, "here")
