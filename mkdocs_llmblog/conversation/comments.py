"""The `comments:` option: a provider and its settings, checked before any page is built.

Each provider's embed is a template, `llmblog/comments/<provider>.html`, given the settings
checked here; `custom` renders a template of the site's own. The embed is not in the page until
the reader asks for it (`comments_load: click`, the default), so no request reaches the provider
before then.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

PROVIDERS = ("giscus", "utterances", "isso", "remark42", "custom")
PROVIDER_NAMES = {
    "giscus": "giscus",
    "utterances": "utterances",
    "isso": "Isso",
    "remark42": "Remark42",
    "custom": "",
}
"""How the notice before the button names each provider (`custom` takes its `name` key)."""
_REPO_RE = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+\Z")
_TEMPLATE_RE = re.compile(r"^[A-Za-z0-9_./-]+\.html\Z")


@dataclass(frozen=True)
class _Key:
    required: bool
    kind: type
    default: object = None
    choices: tuple[str, ...] = ()
    url: bool = False
    """An https:// (or http://localhost) address of the provider's own server."""


_KEYS: dict[str, dict[str, _Key]] = {
    "giscus": {
        "repo": _Key(True, str),
        "repo_id": _Key(True, str),
        "category": _Key(True, str),
        "category_id": _Key(True, str),
        "mapping": _Key(
            False,
            str,
            "pathname",
            ("pathname", "url", "title", "og:title"),
        ),
        "strict": _Key(False, bool, False),
        "reactions": _Key(False, bool, True),
        "input_position": _Key(False, str, "bottom", ("bottom", "top")),
        "lang": _Key(False, str),
        "theme_light": _Key(False, str, "light"),
        "theme_dark": _Key(False, str, "dark"),
    },
    "utterances": {
        "repo": _Key(True, str),
        "issue_term": _Key(False, str, "pathname", ("pathname", "url", "title", "og:title")),
        "label": _Key(False, str),
        "theme_light": _Key(False, str, "github-light"),
        "theme_dark": _Key(False, str, "github-dark"),
    },
    "isso": {
        "url": _Key(True, str, url=True),
        "lang": _Key(False, str),
    },
    "remark42": {
        "host": _Key(True, str, url=True),
        "site_id": _Key(False, str, "remark"),
        "theme_light": _Key(False, str, "light"),
        "theme_dark": _Key(False, str, "dark"),
    },
    "custom": {
        "template": _Key(True, str),
        "name": _Key(False, str),
        "theme_light": _Key(False, str, "light"),
        "theme_dark": _Key(False, str, "dark"),
    },
}


class CommentsOptionError(ValueError):
    """A `comments:` option that cannot be used; the message names the key."""


@dataclass(frozen=True)
class CommentsSettings:
    """A checked `comments:` option."""

    provider: str
    settings: Mapping[str, object]
    """The provider's keys, defaults filled in."""

    @property
    def template(self) -> str:
        """The embed's template: the plugin's own, or the site's for `custom`."""
        if self.provider == "custom":
            return str(self.settings["template"])
        return f"llmblog/comments/{self.provider}.html"

    @property
    def provider_name(self) -> str:
        """The provider's name for the notice; empty for a `custom` one without `name`."""
        if self.provider == "custom":
            return str(self.settings.get("name") or "")
        return PROVIDER_NAMES[self.provider]


def read_comments_option(value: Mapping[object, object]) -> CommentsSettings:
    """Check the `comments:` mapping of `mkdocs.yml`.

    Raises:
        CommentsOptionError: naming the key, e.g. "'repo' is required for giscus".
    """
    provider = value.get("provider")
    if provider not in PROVIDERS:
        raise CommentsOptionError(
            f"'provider' must be one of {', '.join(PROVIDERS)}, not {provider!r}"
        )
    assert isinstance(provider, str)
    keys = _KEYS[provider]
    unknown = sorted(str(key) for key in value if key != "provider" and key not in keys)
    if unknown:
        raise CommentsOptionError(
            f"unknown key(s) {', '.join(unknown)} for {provider}; it takes "
            f"{', '.join(sorted(keys))}"
        )
    settings: dict[str, object] = {}
    for name, key in keys.items():
        given = value.get(name)
        if given is None:
            if key.required:
                raise CommentsOptionError(f"'{name}' is required for {provider}")
            settings[name] = key.default
            continue
        if not isinstance(given, key.kind) or (key.kind is str and not str(given).strip()):
            kind = "true or false" if key.kind is bool else "a text"
            raise CommentsOptionError(f"'{name}' must be {kind}, not {given!r}")
        if key.choices and given not in key.choices:
            raise CommentsOptionError(
                f"'{name}' must be one of {', '.join(key.choices)}, not {given!r}"
            )
        if key.url:
            _check_server_url(name, str(given))
        settings[name] = given
    if provider in ("giscus", "utterances") and not _REPO_RE.match(str(settings["repo"])):
        raise CommentsOptionError(f"'repo' must be 'owner/name', not {settings['repo']!r}")
    if provider == "custom" and not _TEMPLATE_RE.match(str(settings["template"])):
        raise CommentsOptionError(
            f"'template' must be a template path such as 'comments.html' in the theme's "
            f"custom_dir, not {settings['template']!r}"
        )
    return CommentsSettings(provider, settings)


def _check_server_url(name: str, url: str) -> None:
    parts = urlsplit(url)
    local = parts.hostname in ("localhost", "127.0.0.1")
    if parts.scheme != "https" and not (parts.scheme == "http" and local):
        raise CommentsOptionError(
            f"'{name}' must be the https:// address of the comment server, not {url!r}"
        )
    if not parts.hostname:
        raise CommentsOptionError(f"'{name}' has no host name: {url!r}")
