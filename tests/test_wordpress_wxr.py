"""Reading WordPress exports: the typed model, and hostile or broken XML refused clearly."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mkdocs_llmblog.wordpress.wxr import WxrError, read_export
from tests.wxr.helpers import BLOG_XML, WXR_DIR, write_wxr, wxr_item


def test_the_export_is_read_into_typed_items() -> None:
    export = read_export(BLOG_XML)

    assert export.title == "Ada's Notes"
    assert export.home_url == "https://example.com"
    assert export.authors["ada"].display_name == "Ada Lovelace"
    assert export.categories["python"].parent == "programming"
    assert export.categories["engines"].name == "Engines & Machines"
    kinds = [(item.post_type, item.status) for item in export.items]
    assert kinds.count(("post", "publish")) == 3
    assert ("page", "publish") in kinds
    assert kinds.count(("attachment", "inherit")) == 3

    hello = export.items[0]
    assert hello.title == 'Hello: "World" & <friends> 🎉'
    assert hello.post_name == "hello-world"
    assert hello.post_date_gmt == "2023-05-01 08:30:00"
    assert hello.meta["_thumbnail_id"] == "10"
    assert "<!--more-->" in hello.content
    assert [(t.domain, t.nicename, t.name) for t in hello.terms][:2] == [
        ("category", "python", "Python"),
        ("category", "uncategorized", "Uncategorized"),
    ]
    cover = next(item for item in export.items if item.post_id == "10")
    assert cover.attachment_url == "https://example.com/wp-content/uploads/2023/05/cover.jpg"
    assert cover.meta["_wp_attachment_image_alt"] == "Brass gears of the engine"


def test_older_exports_are_read_too() -> None:
    export = read_export(WXR_DIR / "wxr-1.1.xml")

    [item] = export.items
    assert export.home_url == "https://old.example.net/blog"
    assert item.post_id == "31"
    assert item.content.startswith("First paragraph.")
    assert item.post_date_gmt == "2012-01-15 23:00:00"


@pytest.mark.parametrize(
    ("fixture", "entity"), [("billion-laughs.xml", "'lol'"), ("external-entity.xml", "'secret'")]
)
def test_entity_declarations_are_refused(fixture: str, entity: str) -> None:
    with pytest.raises(WxrError) as caught:
        read_export(WXR_DIR / fixture)

    message = str(caught.value)
    assert message.startswith(f"{WXR_DIR / fixture}: refused")
    assert f"XML entity {entity}" in message
    assert "billion laughs" in message
    if fixture == "external-entity.xml":
        assert "file:///etc/passwd" in message
        assert "root:" not in message


def test_malformed_xml_names_the_line_and_column() -> None:
    with pytest.raises(WxrError) as caught:
        read_export(WXR_DIR / "malformed.xml")

    message = str(caught.value)
    assert message.startswith(f"{WXR_DIR / 'malformed.xml'}: line 8, column 5:")
    assert "mismatched tag" in message
    assert "Tools → Export" in message


def test_an_rss_feed_is_not_taken_for_an_export() -> None:
    with pytest.raises(WxrError, match=r"not a WordPress export: .*wp:wxr_version"):
        read_export(WXR_DIR / "not-wordpress.xml")


def test_a_missing_file_or_a_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(WxrError, match=r"nope\.xml: no such file"):
        read_export(tmp_path / "nope.xml")
    with pytest.raises(WxrError, match="is a folder"):
        read_export(tmp_path)


def test_an_empty_file_gets_a_line_number(tmp_path: Path) -> None:
    empty = tmp_path / "empty.xml"
    empty.write_bytes(b"")
    with pytest.raises(WxrError, match=r"empty\.xml: line 1, column 1: invalid XML \(no element"):
        read_export(empty)


def test_control_characters_from_a_damaged_export_are_located(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.xml"
    shutil.copy(BLOG_XML, damaged)
    lines = damaged.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if "Notes on engines" in line)
    lines[index] = lines[index].replace("Notes on engines", "Notes\x0b on engines")
    damaged.write_text("\n".join(lines), encoding="utf-8")

    with pytest.raises(WxrError) as caught:
        read_export(damaged)
    assert f"line {index + 1}, column 20: invalid XML (not well-formed (invalid token))" in str(
        caught.value
    )


@pytest.mark.parametrize(
    "namespace",
    [
        "https://wordpress.org/export/1.2/",  # WordPress.com
        "http://wordpress.org/export/1.0/",
        "https://wordpress.org/export/1.1/",
        "http://wordpress.org/export/1.2/",
    ],
)
def test_the_wp_prefix_is_read_from_the_document_whatever_uri_it_binds(
    tmp_path: Path, namespace: str
) -> None:
    source = BLOG_XML.read_text(encoding="utf-8")
    assert 'xmlns:wp="http://wordpress.org/export/1.2/"' in source
    export_file = tmp_path / "export.xml"
    export_file.write_text(
        source.replace(
            'xmlns:wp="http://wordpress.org/export/1.2/"', f'xmlns:wp="{namespace}"'
        ).replace(
            'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"',
            f'xmlns:excerpt="{namespace}excerpt/"',
        ),
        encoding="utf-8",
    )

    export = read_export(export_file)

    assert export.authors["ada"].display_name == "Ada Lovelace"
    assert export.categories["python"].parent == "programming"
    hello = export.items[0]
    assert (hello.post_id, hello.post_type, hello.post_name) == ("1", "post", "hello-world")
    assert hello.meta["_thumbnail_id"] == "10"
    assert hello.excerpt == "A first post about <em>engines</em>."
    assert [item.excerpt for item in export.items] == [
        item.excerpt for item in read_export(BLOG_XML).items
    ]


def test_a_wxr_version_that_is_not_a_version_is_refused(tmp_path: Path) -> None:
    source = BLOG_XML.read_text(encoding="utf-8")
    start = source.index("<wp:wxr_version>")
    end = source.index("</wp:wxr_version>")
    export_file = tmp_path / "export.xml"
    export_file.write_text(
        source[:start] + "<wp:wxr_version>banana" + source[end:], encoding="utf-8"
    )
    with pytest.raises(WxrError, match=r"<wp:wxr_version> is 'banana', not a version"):
        read_export(export_file)


@pytest.mark.parametrize(("written", "order"), [("3", 3), ("-2", -2), ("²", 0), ("x", 0), ("", 0)])
def test_menu_order_takes_ascii_digits_only(tmp_path: Path, written: str, order: int) -> None:
    export = write_wxr(
        tmp_path / "export.xml",
        wxr_item(1, "About", post_type="page").replace(
            "<wp:menu_order>0</wp:menu_order>", f"<wp:menu_order>{written}</wp:menu_order>"
        ),
    )
    (item,) = read_export(export).items
    assert item.menu_order == order
