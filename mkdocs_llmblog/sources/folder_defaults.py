"""Front matter defaults of a folder, from Material's `meta` plugin (`.meta.yml` files).

Material's blog docs recommend them for giving every post of a folder its authors or
categories. Where that plugin is enabled, each post's front matter is read on top of the
`.meta.yml` files of its folder and the folders above it, merged as that plugin merges them:
mappings key by key, lists added together, other values replaced by the nearer file (and by
the post itself).
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from typing import Any

from mkdocs.structure.files import Files

from mkdocs_llmblog.sources.frontmatter import FrontMatterError, safe_load_mapping


class FolderDefaultsError(ValueError):
    """A `.meta.yml` file that cannot be used; the message names it."""


def read_folder_defaults(files: Files, meta_file: str, docs_name: str) -> dict[str, dict[str, Any]]:
    """Each `.meta.yml`'s mapping, by the folder it is in (`blog/posts`, `` for the root).

    Raises:
        FolderDefaultsError: a file that is not a YAML mapping, named with the problem.
    """
    defaults: dict[str, dict[str, Any]] = {}
    for file in files:
        if posixpath.basename(file.src_uri) != meta_file:
            continue
        path = posixpath.join(docs_name, file.src_uri)
        try:
            text = file.content_string
        except (OSError, UnicodeDecodeError) as error:
            raise FolderDefaultsError(f"{path}: cannot be read ({error})") from None
        try:
            data = safe_load_mapping(text)
        except FrontMatterError as error:
            raise FolderDefaultsError(f"{path}: {error}") from None
        defaults[posixpath.dirname(file.src_uri)] = data
    return defaults


def defaults_for(
    src_uri: str, defaults: Mapping[str, dict[str, Any]], docs_name: str
) -> dict[str, Any]:
    """The merged defaults of a post's folder and the folders above it, the nearest last.

    Raises:
        FolderDefaultsError: two files give one key values of different kinds.
    """
    merged: dict[str, Any] = {}
    folder = posixpath.dirname(src_uri)
    chain = [folder]
    while folder:
        folder = posixpath.dirname(folder)
        chain.append(folder)
    for folder in reversed(chain):
        if folder in defaults:
            merge_additive(merged, defaults[folder], posixpath.join(docs_name, folder))
    return merged


def merge_additive(target: dict[str, Any], source: Mapping[str, Any], where: str) -> None:
    """Merge `source` into `target` as Material's meta plugin does (typesafe, additive).

    Raises:
        FolderDefaultsError: naming `where` (the folder, or the post) and the key whose kinds
            differ.
    """
    for key, value in source.items():
        if key not in target or target[key] is None:
            target[key] = _copy(value)
            continue
        present = target[key]
        if isinstance(present, dict) and isinstance(value, dict):
            merge_additive(present, value, where)
        elif isinstance(present, list) and isinstance(value, list):
            present.extend(_copy(value))
        elif not isinstance(present, dict | list) and not isinstance(value, dict | list):
            target[key] = _copy(value)
        else:
            raise FolderDefaultsError(
                f"{where}: key '{key}' is a {_kind(value)} here but a {_kind(present)} above; "
                "give it one kind"
            )


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy(item) for item in value]
    return value


def _kind(value: object) -> str:
    return "list" if isinstance(value, list) else "mapping" if isinstance(value, dict) else "value"
