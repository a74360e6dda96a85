"""Share links and comments under posts, on real builds: private until the reader asks."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup, Tag
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from mkdocs_llmblog.conversation.comments import CommentsOptionError, read_comments_option
from mkdocs_llmblog.conversation.share import DEFAULT_NETWORKS, share_links
from tests.conftest import LogWatcher
from tests.sitebuilder import BuiltSite, build_site, post, write_project

THEMES = ["material", "mkdocs", "readthedocs"]
SITE_URL = "https://example.com/site/"
GISCUS: dict[object, object] = {
    "provider": "giscus",
    "repo": "ada/blog",
    "repo_id": "R_kgDO",
    "category": "Comments",
    "category_id": "DIC_kwDO",
}
HOSTILE_TITLE = 'Fish & <Chips> "quoted" \' apostrophe'


def conversation_site(
    tmp_path: Path,
    options: dict[str, Any],
    *,
    theme: str = "mkdocs",
    use_directory_urls: bool = True,
    site_url: str | None = SITE_URL,
    theme_config: dict[str, Any] | None = None,
    strict: bool = True,
) -> BuiltSite:
    config: dict[str, Any] = {
        "theme": theme_config or theme,
        "use_directory_urls": use_directory_urls,
        "plugins": [{"llmblog": options}],
    }
    config["site_url"] = site_url  # None: a site without one
    files = {
        "index.md": "# Home\n",
        "blog/posts/open.md": post({"date": "2024-03-01", "title": HOSTILE_TITLE}, "Body.\n"),
        "blog/posts/quiet.md": post(
            {"date": "2024-02-01", "title": "Quiet", "comments": False, "share": False}
        ),
    }
    return build_site(tmp_path, config, files, strict=strict)


def open_post(site: BuiltSite) -> BeautifulSoup:
    return site.html("blog/2024/03/01/fish-chips-quoted-apostrophe")


def only(element: BeautifulSoup | Tag, selector: str) -> Tag:
    found = element.select(selector)
    assert len(found) == 1, f"{selector}: {len(found)} found"
    return found[0]


@pytest.mark.parametrize("theme", THEMES)
def test_share_links_lead_to_each_network_with_the_posts_address(
    tmp_path: Path, theme: str, use_directory_urls: bool
) -> None:
    site = conversation_site(tmp_path, {}, theme=theme, use_directory_urls=use_directory_urls)

    page = open_post(site)
    share = only(page, "article.llmblog-post nav.llmblog-share")
    links = share.select("a.llmblog-share-link")
    networks = [str(link["class"][1]).removeprefix("llmblog-share--") for link in links]
    assert networks == list(DEFAULT_NETWORKS)
    address = SITE_URL + (
        "blog/2024/03/01/fish-chips-quoted-apostrophe/"
        if use_directory_urls
        else "blog/2024/03/01/fish-chips-quoted-apostrophe.html"
    )
    by_network = dict(zip(networks, links, strict=True))

    def query(network: str) -> dict[str, list[str]]:
        return parse_qs(urlsplit(str(by_network[network]["href"])).query)

    assert query("bluesky") == {"text": [f"{HOSTILE_TITLE} {address}"]}
    assert query("mastodon") == {"text": [f"{HOSTILE_TITLE} {address}"]}
    assert str(by_network["mastodon"]["href"]).startswith("https://mastodon.social/share?")
    assert query("linkedin") == {"url": [address]}
    assert query("hackernews") == {"u": [address], "t": [HOSTILE_TITLE]}
    assert query("reddit") == {"url": [address], "title": [HOSTILE_TITLE]}
    assert by_network["copy"]["href"] == address
    assert str(by_network["email"]["href"]).startswith("mailto:?subject=")
    for network in ("bluesky", "linkedin", "hackernews", "reddit", "mastodon"):
        assert by_network[network]["rel"] == ["noopener", "noreferrer"]
    # The share row sits after the post's body, inside the article.
    body = only(page, ".llmblog-post-body")
    assert body.find_next("nav", class_="llmblog-share") is share
    # No share row on a post that says so, nor on pages that are not posts.
    assert site.html("blog/2024/02/01/quiet").select(".llmblog-share") == []
    assert site.html("blog").select(".llmblog-share") == []
    script = [s for s in page.select("script[src]") if str(s["src"]).endswith("llmblog.js")]
    assert len(script) == 1


def test_share_links_follow_the_option_and_leave_no_script_when_off(tmp_path: Path) -> None:
    site = conversation_site(
        tmp_path / "chosen", {"share_links": ["email", "x"], "mastodon_instance": "fosstodon.org"}
    )
    labels = [a.get_text() for a in open_post(site).select("a.llmblog-share-link")]
    assert labels == ["Email", "X"]

    off = conversation_site(tmp_path / "off", {"share_links": []})
    page = open_post(off)
    assert page.select(".llmblog-share") == []
    assert [s for s in page.select("script[src]") if "llmblog" in str(s["src"])] == []


def test_without_site_url_there_are_no_share_links(tmp_path: Path, log_watcher: LogWatcher) -> None:
    log_watcher.expect("site_url is not set, so the blog gets no feeds and no share links")
    site = conversation_site(tmp_path, {}, site_url=None, strict=False)
    assert open_post(site).select(".llmblog-share") == []


def test_share_links_are_translated(tmp_path: Path) -> None:
    site = conversation_site(tmp_path, {"language": "de", "share_links": ["email", "copy"]})
    share = only(open_post(site), "nav.llmblog-share")
    assert share["aria-label"] == "Teilen"
    assert [a.get_text() for a in share.select("a")] == ["E-Mail", "Link kopieren"]


@pytest.mark.parametrize("theme", THEMES)
def test_comments_wait_in_a_template_until_the_reader_asks(
    tmp_path: Path, theme: str, use_directory_urls: bool
) -> None:
    site = conversation_site(
        tmp_path, {"comments": GISCUS}, theme=theme, use_directory_urls=use_directory_urls
    )

    page = open_post(site)
    section = only(page, "article.llmblog-post section.llmblog-comments")
    assert section["data-llmblog-comments"] == "click"
    assert only(section, "button.llmblog-comments-show").get_text() == "Show comments"
    assert "giscus" in only(section, ".llmblog-comments-notice").get_text()
    template = only(section, "template.llmblog-comments-embed")
    embed = only(template, "script")
    assert embed["src"] == "https://giscus.app/client.js"
    assert (embed["data-repo"], embed["data-repo-id"]) == ("ada/blog", "R_kgDO")
    assert embed["data-mapping"] == "pathname"
    # Nothing of the provider is in the page outside the inert template.
    outside = [s for s in page.select("script[src], iframe") if s.find_parent("template") is None]
    assert not [s for s in outside if "giscus" in str(s.get("src", ""))]
    assert site.html("blog/2024/02/01/quiet").select(".llmblog-comments") == []
    assert site.html("blog").select(".llmblog-comments") == []
    assert site.html("").select(".llmblog-comments") == []


def test_eager_comments_have_no_button(tmp_path: Path) -> None:
    site = conversation_site(tmp_path, {"comments": GISCUS, "comments_load": "eager"})
    section = only(open_post(site), "section.llmblog-comments")
    assert section["data-llmblog-comments"] == "eager"
    assert section.select("button") == []


@pytest.mark.parametrize(
    ("comments", "embed_selector", "expected"),
    [
        (
            {"provider": "utterances", "repo": "ada/blog"},
            "script",
            {"src": "https://utteranc.es/client.js", "repo": "ada/blog", "issue-term": "pathname"},
        ),
        (
            {"provider": "isso", "url": "https://comments.example.com"},
            "script",
            {
                "src": "https://comments.example.com/js/embed.min.js",
                "data-isso": "https://comments.example.com/",
            },
        ),
        (
            {"provider": "remark42", "host": "https://remark.example.com/", "site_id": "ada"},
            "script",
            {"src": "https://remark.example.com/web/embed.js"},
        ),
    ],
)
def test_each_provider_gets_its_own_embed(
    tmp_path: Path, comments: dict[str, str], embed_selector: str, expected: dict[str, str]
) -> None:
    site = conversation_site(tmp_path, {"comments": comments})
    section = only(open_post(site), "section.llmblog-comments")
    embed = only(only(section, "template"), embed_selector)
    assert {key: embed.get(key) for key in expected} == expected
    if comments["provider"] == "remark42":
        assert section["data-llmblog-remark-config"] == (
            '{"components": ["embed"], "host": "https://remark.example.com", '
            '"locale": "en", "site_id": "ada"}'
        )


def test_a_custom_provider_renders_the_sites_own_template(tmp_path: Path) -> None:
    (tmp_path / "overrides").mkdir()
    (tmp_path / "overrides" / "my-comments.html").write_text(
        '<div class="forum" data-post="{{ llmblog.post.title|e }}"></div>', encoding="utf-8"
    )
    site = conversation_site(
        tmp_path,
        {"comments": {"provider": "custom", "template": "my-comments.html", "name": "Our forum"}},
        theme_config={"name": "mkdocs", "custom_dir": "overrides"},
    )
    section = only(open_post(site), "section.llmblog-comments")
    assert only(only(section, "template"), ".forum")["data-post"] == HOSTILE_TITLE
    assert "Our forum" in only(section, ".llmblog-comments-notice").get_text()


@pytest.mark.parametrize(
    ("comments", "message"),
    [
        ({"provider": "disqus"}, "'provider' must be one of giscus, utterances"),
        ({"provider": "giscus", "repo": "ada/blog"}, "'repo_id' is required for giscus"),
        ({**GISCUS, "repo": "not a repo"}, "'repo' must be 'owner/name'"),
        ({**GISCUS, "repo": "ada/blog\n"}, "'repo' must be 'owner/name'"),
        ({**GISCUS, "colour": "red"}, "unknown key(s) colour for giscus"),
        ({**GISCUS, "strict": "yes"}, "'strict' must be true or false"),
        ({"provider": "isso", "url": "http://comments.example.com"}, "must be the https://"),
        ({"provider": "isso", "url": "javascript:alert(1)"}, "must be the https://"),
        ({"provider": "custom"}, "'template' is required for custom"),
        ({"provider": "custom", "template": "../../etc/passwd"}, "must be a template path"),
        ({"provider": "custom", "template": "comments.html\n"}, "must be a template path"),
    ],
)
def test_a_bad_comments_option_is_named(
    tmp_path: Path, comments: dict[str, object], message: str, log_watcher: LogWatcher
) -> None:
    log_watcher.expect("Plugin 'llmblog' option 'comments': .*" + re.escape(message))
    refuse_options(tmp_path, {"comments": comments})


def test_a_custom_template_nobody_wrote_stops_the_build(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        {"plugins": [{"llmblog": {"comments": {"provider": "custom", "template": "gone.html"}}}]},
        {"blog/posts/a.md": post({"date": "2024-01-01", "title": "A"})},
        expect_error=True,
    )
    assert "the template 'gone.html' of the custom provider is not in the theme" in "\n".join(
        site.errors
    )


def test_a_bad_mastodon_instance_is_named(tmp_path: Path, log_watcher: LogWatcher) -> None:
    log_watcher.expect(
        "option 'mastodon_instance': must be a host name such as 'mastodon.social', not "
        "'https://mastodon.social/@me'"
    )
    refuse_options(tmp_path, {"mastodon_instance": "https://mastodon.social/@me"})


def test_a_mastodon_instance_with_a_line_break_is_refused(
    tmp_path: Path, log_watcher: LogWatcher
) -> None:
    log_watcher.expect("option 'mastodon_instance': must be a host name")
    refuse_options(tmp_path, {"mastodon_instance": "mastodon.social\n"})


def refuse_options(tmp_path: Path, options: dict[str, object]) -> None:
    """MkDocs refuses the plugin's options: it logs why and stops before any build."""
    config_file = write_project(tmp_path, {"plugins": [{"llmblog": options}]}, {"index.md": "#"})
    with pytest.raises(Abort):
        load_config(config_file=str(config_file), site_dir=str(tmp_path / "site"))


# conversation.comments and conversation.share, function by function


def test_read_comments_option_fills_in_the_defaults() -> None:
    settings = read_comments_option(dict(GISCUS))
    assert settings.template == "llmblog/comments/giscus.html"
    assert settings.provider_name == "giscus"
    assert settings.settings["mapping"] == "pathname"
    assert settings.settings["reactions"] is True
    assert settings.settings["theme_dark"] == "dark"
    with pytest.raises(CommentsOptionError, match="'url' has no host name"):
        read_comments_option({"provider": "isso", "url": "https://"})


def test_share_links_escape_nothing_themselves() -> None:
    # URLs are percent-encoded here; HTML escaping is the template's job.
    [email, copy] = share_links(["email", "copy"], "A & B", "https://e.com/p/", "m.social")
    assert email.url == "mailto:?subject=A%20%26%20B&body=https%3A//e.com/p/"
    assert copy.url == "https://e.com/p/"
    assert email.text == "A & B https://e.com/p/"
