"""Templates are compiled once per process, for every environment that compiles them alike."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from mkdocs_llmblog.render.compiled import CompiledTemplates, keep_compiled_templates
from mkdocs_llmblog.render.templates import TEMPLATES_DIR

OWN = "llmblog/partials/draft-mark.html"
DRAFT = {"draft_label": "Draft <b>"}


def environment(
    cache: CompiledTemplates, *folders: str, autoescape: bool = False, trim_blocks: bool = False
) -> jinja2.Environment:
    loader = jinja2.FileSystemLoader([*folders, TEMPLATES_DIR])
    env = jinja2.Environment(loader=loader, autoescape=autoescape, trim_blocks=trim_blocks)
    env.bytecode_cache = cache
    return env


def compiled_files(env: jinja2.Environment, monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """The file names `env` compiles from now on."""
    compiled: list[str | None] = []
    original = env.compile

    def compile_(source: str, name: str | None = None, filename: str | None = None) -> object:
        compiled.append(filename)
        return original(source, name, filename)

    monkeypatch.setattr(env, "compile", compile_)
    return compiled


def test_a_new_environment_reuses_the_compiled_code(monkeypatch: pytest.MonkeyPatch) -> None:
    cache = CompiledTemplates()
    first_env = environment(cache)
    first_compiled = compiled_files(first_env, monkeypatch)
    first = first_env.get_template(OWN)
    later = environment(cache)
    later_compiled = compiled_files(later, monkeypatch)
    again = later.get_template(OWN)
    assert first_compiled == [str(Path(TEMPLATES_DIR, OWN))]
    assert later_compiled == []
    assert again.filename == first.filename
    assert (
        again.render(post=DRAFT)
        == first.render(post=DRAFT)
        == ('<span class="llmblog-draft">Draft &lt;b&gt;</span>')
    )


def test_an_environment_that_compiles_otherwise_compiles_anew(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cache = CompiledTemplates()
    environment(cache).get_template(OWN)
    escaping = environment(cache, autoescape=True)
    trimming = environment(cache, trim_blocks=True)
    extended = environment(cache)
    extended.add_extension("jinja2.ext.i18n")
    compiled = [compiled_files(env, monkeypatch) for env in (escaping, trimming, extended)]
    for env in (escaping, trimming, extended):
        env.get_template(OWN)
    assert compiled == [[str(Path(TEMPLATES_DIR, OWN))]] * 3
    assert len(cache.code) == 4


def test_an_override_is_kept_apart_and_an_edited_template_compiled_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = CompiledTemplates()
    environment(cache).get_template(OWN)
    # A theme's override of the template (custom_dir, first on the search path).
    override = tmp_path / OWN
    override.parent.mkdir(parents=True)
    override.write_text("one", encoding="utf-8")
    assert environment(cache, str(tmp_path)).get_template(OWN).render() == "one"
    override.write_text("two", encoding="utf-8")
    env = environment(cache, str(tmp_path))
    compiled = compiled_files(env, monkeypatch)
    assert env.get_template(OWN).render() == "two"
    assert compiled == [str(override)]
    assert environment(cache).get_template(OWN).render(post=DRAFT).startswith("<span")


def test_a_template_from_a_string_is_not_kept() -> None:
    cache = CompiledTemplates()
    env = jinja2.Environment(loader=jinja2.DictLoader({"page.html": "{{ 2 * 3 }}"}))
    env.bytecode_cache = cache
    assert env.get_template("page.html").render() == "6"
    assert cache.code == {}


def test_another_bytecode_cache_is_left_in_place() -> None:
    env = jinja2.Environment()
    theirs = jinja2.FileSystemBytecodeCache()
    env.bytecode_cache = theirs
    keep_compiled_templates(env)
    assert env.bytecode_cache is theirs
    mine = jinja2.Environment()
    keep_compiled_templates(mine)
    assert isinstance(mine.bytecode_cache, CompiledTemplates)
