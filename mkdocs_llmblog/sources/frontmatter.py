"""Splitting a Markdown source into its YAML front matter and body, with precise errors."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

# The same fence MkDocs itself recognises (mkdocs.utils.meta.YAML_RE).
FRONT_MATTER_RE = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
EMPTY_FRONT_MATTER_RE = re.compile(r"^-{3}[ \t]*\n(?:\.{3}|-{3})[ \t]*\n")


class FrontMatterLoader(_BaseLoader):
    """A safe loader that leaves timestamps as strings.

    PyYAML turns `2024-02-30` into an exception with no key name, and converts aware
    timestamps to UTC; the post model reads dates itself and names the key on error.
    """


FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


_KINDS = {list: "a list", str: "a text", int: "a number", float: "a number", bool: "a boolean"}


class FrontMatterError(ValueError):
    """Front matter that is not a YAML mapping."""


@dataclass(frozen=True)
class SourceParts:
    """A Markdown source cut in two."""

    meta: dict[str, Any]
    body: str


def split_front_matter(source: str) -> SourceParts:
    """Cut the YAML front matter off a Markdown source and parse it.

    Raises:
        FrontMatterError: the YAML is invalid or not a mapping; the message gives the line.
    """
    source = source.replace("\r\n", "\n")
    if empty := EMPTY_FRONT_MATTER_RE.match(source):
        return SourceParts({}, source[empty.end() :])
    match = FRONT_MATTER_RE.match(source)
    if not match:
        return SourceParts({}, source)
    return SourceParts(_load_mapping(match.group(1), first_line=2), source[match.end() :])


def safe_load_mapping(text: str) -> dict[str, Any]:
    """A whole YAML file that must be a mapping (a `.meta.yml`), read as front matter is.

    Raises:
        FrontMatterError: the YAML is invalid or not a mapping; the message gives the line.
    """
    return _load_mapping(text.replace("\r\n", "\n"), first_line=1)


def _load_mapping(text: str, first_line: int) -> dict[str, Any]:
    try:
        data = yaml.load(text, Loader=FrontMatterLoader)
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + first_line if error.problem_mark else 0
        raise FrontMatterError(
            f"is not valid YAML (line {line}: {error.problem}); YAML indents with spaces, "
            "never tabs, and values with ': ' or '#' need quotes"
        ) from None
    except (yaml.YAMLError, ValueError) as error:
        raise FrontMatterError(f"is not valid YAML ({error})") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FrontMatterError(
            f"is {_KINDS.get(type(data), type(data).__name__)}, not a mapping of keys to values; "
            "write it as "
            "'key: value' lines between the '---' fences"
        )
    return {str(key): value for key, value in data.items()}
