"""Templates compiled once per process instead of once per build.

MkDocs makes a new Jinja environment for every build, and so every `mkdocs serve` rebuild
compiled each template again, the theme's and the plugin's: on a small site, parsing and
compiling them cost more than rendering every page. The compiled code of each template read
from a file is kept in memory, in a Jinja bytecode cache, for as long as the process lives.

Each is kept under its file name, a hash of its source (a template edited between two builds is
compiled again, as `mkdocs serve --watch-theme` needs) and the settings of the environment that
the compiler reads (the syntax, the extensions, autoescaping...): code compiled for one
environment is never run in another that would compile it differently. What a template is given
when it renders (filters, globals, the page's context) is looked up then, never compiled in.
"""

from __future__ import annotations

import jinja2
from jinja2.bccache import Bucket

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
    extensions = (f"{type(e).__module__}.{type(e).__qualname__}" for e in env.extensions.values())
    return "|".join([*values, *sorted(extensions)])


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled code of the templates read from files, in memory, for every environment."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def get_bucket(
        self, environment: jinja2.Environment, name: str, filename: str | None, source: str
    ) -> Bucket:
        if not filename:
            return Bucket(environment, "", "")  # Loads nothing; never kept (empty key).
        key = f"{self.get_cache_key(name, filename)}|{compile_settings(environment)}"
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # Checks the source's hash: stale code is dropped.

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.key:
            self.code[bucket.key] = bucket.bytecode_to_string()


COMPILED_TEMPLATES = CompiledTemplates()
"""One for the process: `mkdocs serve` rebuilds (and test runs) reuse it."""


def keep_compiled_templates(env: jinja2.Environment) -> None:
    """Let `env` reuse the templates compiled by earlier builds, unless another bytecode cache
    was set on it (by another plugin), which is left as it is."""
    if env.bytecode_cache is None:
        env.bytecode_cache = COMPILED_TEMPLATES
