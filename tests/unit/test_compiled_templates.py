"""The plugin's own templates are compiled once per process, for every environment alike."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from mkdocs_llmblog.render.compiled import OwnTemplateCode, keep_compiled_templates
from mkdocs_llmblog.render.templates import TEMPLATES_DIR

OWN = "llmblog/partials/draft-mark.html"
DRAFT = {"draft_label": "Draft <b>"}


def environment(
    cache: OwnTemplateCode, *folders: str, autoescape: bool = False, trim_blocks: bool = False
) -> jinja2.Environment:
    loader = jinja2.FileSystemLoader([*folders, TEMPLATES_DIR])
    env = jinja2.Environment(loader=loader, autoescape=autoescape, trim_blocks=trim_blocks)
    env.bytecode_cache = cache
    return env


def forbid_compiling(env: jinja2.Environment, monkeypatch: pytest.MonkeyPatch) -> None:
    def compile_(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(env, "compile", compile_)


def test_a_new_environment_reuses_the_compiled_code(monkeypatch: pytest.MonkeyPatch) -> None:
    cache = OwnTemplateCode()
    first = environment(cache).get_template(OWN)
    later = environment(cache)
    forbid_compiling(later, monkeypatch)
    again = later.get_template(OWN)
    assert again.filename == first.filename
    assert again.render(post=DRAFT) == first.render(post=DRAFT)
    assert "Draft &lt;b&gt;" in again.render(post=DRAFT)


def test_other_settings_or_an_override_are_compiled_anew(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = OwnTemplateCode()
    environment(cache).get_template(OWN)
    compiled: list[str | None] = []

    def counting(env: jinja2.Environment) -> jinja2.Environment:
        original = env.compile

        def compile_(source: str, name: str | None = None, filename: str | None = None) -> object:
            compiled.append(filename)
            return original(source, name, filename)

        monkeypatch.setattr(env, "compile", compile_)
        return env

    # Code compiled for one environment never runs in one that compiles differently.
    counting(environment(cache, autoescape=True)).get_template(OWN)
    counting(environment(cache, trim_blocks=True)).get_template(OWN)
    # A theme's override of the template (custom_dir, first on the search path) is never kept.
    override = tmp_path / "llmblog" / "partials" / "draft-mark.html"
    override.parent.mkdir(parents=True)
    override.write_text("{{ 1 + 1 }}", encoding="utf-8")
    counting(environment(cache, str(tmp_path))).get_template(OWN)
    counting(environment(cache, str(tmp_path))).get_template(OWN)
    assert compiled[:2] == [str(Path(TEMPLATES_DIR, OWN))] * 2
    assert compiled[2:] == [str(override)] * 2
    assert len(cache.code) == 3  # The plugin's template for each of three environments.


def test_an_edited_template_is_compiled_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    template = tmp_path / "llmblog" / "t.html"
    template.parent.mkdir()
    template.write_text("one", encoding="utf-8")
    monkeypatch.setattr("mkdocs_llmblog.render.compiled.TEMPLATES_DIR", str(tmp_path))
    cache = OwnTemplateCode()

    def env() -> jinja2.Environment:
        fresh = jinja2.Environment(loader=jinja2.FileSystemLoader([str(tmp_path)]))
        fresh.bytecode_cache = cache
        return fresh

    assert env().get_template("llmblog/t.html").render() == "one"
    assert len(cache.code) == 1
    template.write_text("two", encoding="utf-8")
    assert env().get_template("llmblog/t.html").render() == "two"


def test_another_bytecode_cache_is_left_in_place() -> None:
    env = jinja2.Environment()
    theirs = jinja2.FileSystemBytecodeCache()
    env.bytecode_cache = theirs
    keep_compiled_templates(env)
    assert env.bytecode_cache is theirs
    mine = jinja2.Environment()
    keep_compiled_templates(mine)
    assert isinstance(mine.bytecode_cache, OwnTemplateCode)
