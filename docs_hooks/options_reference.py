"""MkDocs hook: the options reference, generated from `LlmBlogConfig` so it cannot drift.

A line holding only `<!-- docs:options-reference -->` in any page becomes a Markdown table with
one row per option: its name, type, default, and the one-line docstring written under it in
`mkdocs_llmblog/config.py`.
"""

from __future__ import annotations

import ast
import inspect
import json
import re
import textwrap
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from mkdocs_llmblog.config import LlmBlogConfig
from mkdocs_llmblog.config.material import MATERIAL_DEFAULTS, SHARED_NOTES, MaterialBlogOptions

log = get_plugin_logger(__name__)

MARKER_RE = re.compile(r"^[ \t]*<!-- docs:options-reference -->[ \t]*$", re.MULTILINE)
MATERIAL_MARKER_RE = re.compile(
    r"^[ \t]*<!-- docs:material-options-reference -->[ \t]*$", re.MULTILINE
)
CODE_SPAN_OR_PIPE_RE = re.compile(r"(?P<code>(?<!`)(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`))|\|")

TYPE_NAMES: dict[type, str] = {
    bool: "boolean",
    int: "integer",
    float: "number",
    str: "string",
    list: "list",
    dict: "mapping",
}


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Replace the marker lines with the options tables."""
    if MARKER_RE.search(markdown):
        table = options_table(LlmBlogConfig, page.file.src_uri)
        markdown = MARKER_RE.sub(lambda _: table, markdown)
    if MATERIAL_MARKER_RE.search(markdown):
        table = material_options_table(page.file.src_uri)
        markdown = MATERIAL_MARKER_RE.sub(lambda _: table, markdown)
    return markdown


def own_option_names() -> list[str]:
    """This plugin's options, without Material's it accepts (`MaterialBlogOptions`)."""
    material = {name for name, _ in MaterialBlogOptions._schema}
    return [name for name, _ in LlmBlogConfig._schema if name not in material]


def material_options_table(where: str) -> str:
    """Every option of Material's blog: its default there, and what it does here."""
    descriptions = attribute_docstrings(MaterialBlogOptions)
    rows = [
        "| Material option | Material's default | Here |",
        "| --- | --- | --- |",
    ]
    for name, default in MATERIAL_DEFAULTS.items():
        description = SHARED_NOTES.get(name) or descriptions.get(name, "")
        if not description:
            log.warning(f"{where}: Material's option '{name}' has no description")
        shown = "*none*" if default is None else code(str(default))
        rows.append(
            "| " + " | ".join(escape_cell(cell) for cell in (code(name), shown, description)) + " |"
        )
    return "\n".join(rows)


def options_table(config_class: type[base.Config], where: str) -> str:
    """The Markdown table of a config class's own options, in the order they are declared."""
    descriptions = attribute_docstrings(config_class)
    source_file = inspect.getsourcefile(config_class)
    rows = [
        "| Option | Type | Default | Description |",
        "| --- | --- | --- | --- |",
    ]
    own = set(own_option_names()) if config_class is LlmBlogConfig else None
    for name, option in config_class._schema:
        if own is not None and name not in own:
            continue
        description = descriptions.get(name, "")
        if not description:
            log.warning(
                f"{where}: option '{name}' has no docstring in {source_file}; "
                "write a one-line string right under the option"
            )
        cells = [code(name), type_name(option), default_text(option), description]
        rows.append("| " + " | ".join(escape_cell(cell) for cell in cells) + " |")
    return "\n".join(rows)


def attribute_docstrings(config_class: type) -> dict[str, str]:
    """Each class attribute's docstring: the string right after its assignment.

    Read with `ast` from the class's source, since Python keeps no such docstrings at run time.
    Only a docstring's first paragraph is kept, folded onto one line.
    """
    tree = ast.parse(textwrap.dedent(inspect.getsource(config_class)))
    class_def = tree.body[0]
    if not isinstance(class_def, ast.ClassDef):
        return {}
    docstrings: dict[str, str] = {}
    for statement, following in zip(class_def.body, class_def.body[1:], strict=False):
        name = _assigned_name(statement)
        if name is None:
            continue
        if (
            isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            first_paragraph = inspect.cleandoc(following.value.value).split("\n\n")[0]
            docstrings[name] = " ".join(first_paragraph.split())
    return docstrings


def _assigned_name(statement: ast.stmt) -> str | None:
    if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
        target = statement.targets[0]
    elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
        target = statement.target
    else:
        return None
    return target.id if isinstance(target, ast.Name) else None


def type_name(option: base.BaseConfigOption[Any]) -> str:
    """What a user writes for an option, in YAML words: `string`, `boolean`, `integer`..."""
    if isinstance(option, c.Optional):
        return f"{type_name(option.option)} or null"
    if isinstance(option, c.Type):
        expected = option._type
        kinds = expected if isinstance(expected, tuple) else (expected,)
        return " or ".join(TYPE_NAMES.get(kind, kind.__name__) for kind in kinds)
    if isinstance(option, c.Choice):
        return "one of " + ", ".join(code(str(choice)) for choice in option.choices)
    if isinstance(option, c.ListOfItems):
        item = type_name(option.option_type)
        return f"list of {item}s" if item in TYPE_NAMES.values() else f"list of: {item}"
    return type(option).__name__


def default_text(option: base.BaseConfigOption[Any]) -> str:
    """An option's default as it would be written in `mkdocs.yml`."""
    default = option.default
    if default is None:
        return "*none*"
    if isinstance(default, str):
        return code(default) if default else '`""`'
    return code(json.dumps(default, ensure_ascii=False))


def code(text: str) -> str:
    """A Markdown code span that holds `text` whatever backticks it contains."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def escape_cell(text: str) -> str:
    """Text safe inside one table cell: no line breaks, no column-splitting pipes.

    Python-Markdown's tables never split a row inside a code span, and would show `\\|` there
    as is, so only pipes outside code spans are escaped.
    """
    one_line = " ".join(text.split())
    return CODE_SPAN_OR_PIPE_RE.sub(lambda match: match["code"] or "\\|", one_line)
