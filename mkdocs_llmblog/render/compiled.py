"""The plugin's own templates, compiled once per process instead of once per build.

MkDocs makes a new Jinja environment for every build, and so every `mkdocs serve` rebuild
compiled each of the plugin's templates again: parsing and compiling them cost more than
rendering them on a small site. Their compiled code is kept in memory, in a Jinja bytecode
cache, for as long as the process lives.

Only the templates of the plugin's own folder are kept (an override in a theme's `custom_dir`
is compiled as Jinja always does), each under its file name, a hash of its source (an edited
template is compiled again) and the settings of the environment that compile its code (the
syntax, the extensions, autoescaping...): code compiled for one environment is never run in
another that would compile it differently.
"""

from __future__ import annotations

import os

import jinja2
from jinja2.bccache import Bucket

from mkdocs_llmblog.render.templates import TEMPLATES_DIR

COMPILE_SETTINGS = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
    "newline_sequence",
    "keep_trailing_newline",
    "optimized",
    "autoescape",
    "finalize",
    "is_async",
)
"""The attributes of a Jinja environment that its compiler reads."""


def compile_settings(env: jinja2.Environment) -> str:
    """What an environment's compiled code depends on, besides the template's source."""
    values = [repr(getattr(env, name, None)) for name in COMPILE_SETTINGS]
    values += sorted(
        f"{type(ext).__module__}.{type(ext).__qualname__}" for ext in env.extensions.values()
    )
    return "|".join(values)


def is_own_template(filename: str | None) -> bool:
    if not filename:
        return False
    folder = os.path.normcase(os.path.abspath(TEMPLATES_DIR)) + os.sep
    return os.path.normcase(os.path.abspath(filename)).startswith(folder)


class OwnTemplateCode(jinja2.BytecodeCache):
    """Compiled code of the plugin's own templates, in memory, for every environment alike."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def get_bucket(
        self, environment: jinja2.Environment, name: str, filename: str | None, source: str
    ) -> Bucket:
        if not is_own_template(filename):
            return Bucket(environment, "", "")  # Loads nothing; never kept (empty key).
        key = f"{self.get_cache_key(name, filename)}|{compile_settings(environment)}"
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.key:
            self.code[bucket.key] = bucket.bytecode_to_string()


OWN_TEMPLATE_CODE = OwnTemplateCode()
"""One for the process: `mkdocs serve` rebuilds (and test runs) reuse it."""


def keep_compiled_templates(env: jinja2.Environment) -> None:
    """Let `env` reuse the plugin's templates compiled by earlier builds, unless another
    bytecode cache was set on it (by another plugin), which is left as it is."""
    if env.bytecode_cache is None:
        env.bytecode_cache = OWN_TEMPLATE_CODE
