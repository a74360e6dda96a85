"""WordPress fields as front matter values: category paths and dates."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from mkdocs_llmblog.wordpress.fields import category_path, post_moment, unique_slug
from mkdocs_llmblog.wordpress.wxr import CategoryDefinition, Item

BERLIN = ZoneInfo("Europe/Berlin")
ZERO = "0000-00-00 00:00:00"


def item(post_date: str = "", post_date_gmt: str = "", pub_date: str = "") -> Item:
    return Item(
        post_id="1", post_type="post", status="publish", title="T", link="", guid="",
        creator="", content="", excerpt="", post_name="", post_date=post_date,
        post_date_gmt=post_date_gmt, post_modified="", post_modified_gmt="", pub_date=pub_date,
        password="", post_parent="0", menu_order=0, attachment_url="",
    )  # fmt: skip


def test_categories_keep_every_level_of_their_hierarchy() -> None:
    definitions = {
        "tech": CategoryDefinition("tech", "Tech", ""),
        "lang": CategoryDefinition("lang", "Languages", "tech"),
        "py": CategoryDefinition("py", "Python", "lang"),
        "io": CategoryDefinition("io", "Input/Output", "py"),
    }

    assert category_path("py", "Python", definitions) == "Tech/Languages/Python"
    assert category_path("io", "Input/Output", definitions) == "Tech/Languages/Python/Input-Output"
    assert category_path("other", "Not listed", definitions) == "Not listed"


def test_a_category_loop_in_a_damaged_export_ends() -> None:
    definitions = {
        "a": CategoryDefinition("a", "A", "b"),
        "b": CategoryDefinition("b", "B", "a"),
    }

    assert category_path("a", "A", definitions) == "B/A"


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (("2024-07-01 12:00:00", "2024-07-01 10:00:00", ""), "2024-07-01T12:00:00+02:00"),
        (("2024-07-01 12:00:00", ZERO, ""), "2024-07-01T12:00:00+02:00"),
        ((ZERO, "", "Mon, 01 Jan 2024 10:00:00 +0000"), "2024-01-01T11:00:00+01:00"),
        ((ZERO, "", "Mon, 30 Nov -0001 00:00:00 +0000"), None),
        (("2024-02-30 12:00:00", "", ""), None),
    ],
)  # fmt: skip
def test_dates_prefer_gmt_then_local_then_the_rss_date(
    fields: tuple[str, str, str], expected: str | None
) -> None:
    moment = post_moment(item(*fields), BERLIN)

    assert (moment.isoformat() if isinstance(moment, dt.datetime) else None) == expected


def test_slugs_are_ascii_and_unique() -> None:
    used: set[str] = set()

    slugs = [unique_slug(text, used) for text in ("Über uns", "uber-uns", "日本語", "🎉")]

    assert slugs[:3] == ["uber-uns", "uber-uns-2", "ri-ben-yu"]
    assert slugs[3].startswith("post-")
    assert used == set(slugs)
