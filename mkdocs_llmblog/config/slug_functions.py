"""Material's slug functions (`post_slugify`, `categories_slugify`): read from the forms
Material's YAML gives them, checked, and chosen for a build."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any, Literal

from mkdocs.config import base

Slugify = Callable[[str, str], str]
"""Material's slug functions: `(text, separator) -> slug`."""

DEFAULT_SLUGIFY = "pymdownx.slugs.slugify"
"""Material's slug function factory, called with `case: lower`."""


class SlugifyError(ValueError):
    """A slug function that cannot be used."""


def load_slugify(value: object) -> Slugify:
    """A slug function from Material's forms of `post_slugify` and `categories_slugify`.

    - a callable, as Material's YAML gives it (`!!python/name:markdown.extensions.toc.slugify`,
      `!!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}`);
    - a dotted path to such a callable (`markdown.extensions.toc.slugify`);
    - a mapping `{function: <dotted path of a factory>, kwargs: {...}}`, the factory called
      with the keyword arguments (`{function: pymdownx.slugs.slugify, kwargs: {case: lower}}`).

    Raises:
        SlugifyError: the value is none of these, cannot be imported, or does not make slugs.
    """
    if isinstance(value, Mapping):
        unknown = set(value) - {"function", "kwargs"}
        if unknown or not isinstance(value.get("function"), str):
            raise SlugifyError(
                "must be a mapping with 'function' (a dotted path) and optional 'kwargs', "
                f"not {dict(value)!r}"
            )
        kwargs = value.get("kwargs") or {}
        if not isinstance(kwargs, Mapping):
            raise SlugifyError(f"'kwargs' must be a mapping, not {kwargs!r}")
        factory = _import(str(value["function"]))
        try:
            made = factory(**dict(kwargs))
        except TypeError as error:
            raise SlugifyError(f"{value['function']}(**{dict(kwargs)!r}) failed: {error}") from None
        return _checked(made, str(value["function"]))
    if isinstance(value, str):
        return _checked(_import(value), value)
    if callable(value):
        return _checked(value, getattr(value, "__name__", repr(value)))
    raise SlugifyError(
        f"must be a function (a dotted path such as 'markdown.extensions.toc.slugify'), "
        f"not {value!r}"
    )


def material_slugify() -> Slugify:
    """Material's default: `pymdownx.slugs.slugify(case="lower")`, kept letters of any script.

    Raises:
        SlugifyError: pymdown-extensions (installed with Material) is missing.
    """
    return load_slugify({"function": DEFAULT_SLUGIFY, "kwargs": {"case": "lower"}})


def _import(path: str) -> Any:
    module_name, _, attribute = path.rpartition(".")
    if not module_name:
        raise SlugifyError(f"{path!r} is not a dotted path such as 'module.function'")
    try:
        module = importlib.import_module(module_name)
    except ImportError as error:
        raise SlugifyError(f"cannot import {module_name!r}: {error}") from None
    try:
        return getattr(module, attribute)
    except AttributeError:
        raise SlugifyError(f"{module_name!r} has no {attribute!r}") from None


def _checked(function: object, name: str) -> Slugify:
    if not callable(function):
        raise SlugifyError(f"{name} is not a function")
    try:
        made = function("Test title", "-")
    except Exception as error:
        raise SlugifyError(
            f"{name}(text, separator) failed: {error}; if it makes slug functions, write "
            f"{{function: {name}, kwargs: {{...}}}}"
        ) from None
    if not isinstance(made, str):
        raise SlugifyError(f"{name}(text, separator) gave {made!r}, not a text")
    slugify: Slugify = function
    return slugify


class SlugifyFunction(base.BaseConfigOption[Slugify]):
    """Material's `post_slugify` / `categories_slugify`: see `load_slugify`."""

    def run_validation(self, value: object) -> Slugify:
        try:
            return load_slugify(value)
        except SlugifyError as error:
            raise base.ValidationError(str(error)) from None


def slug_function(options: Mapping[str, Any], kind: Literal["post", "categories"]) -> Any:
    """The slug function for posts or categories, `(text) -> slug`, where the site sets
    Material's `<kind>_slugify` or follows Material's rules; None for this plugin's own.

    Raises:
        SlugifyError: Material's default is wanted but pymdown-extensions is missing.
    """
    function: Slugify | None = options.get(f"{kind}_slugify")
    if function is None and options.get("compatibility") == "material":
        function = material_slugify()
    if function is None:
        return None
    separator = options.get(f"{kind}_slugify_separator")
    separator = "-" if separator is None else str(separator)
    chosen = function

    def slugify(text: str) -> str:
        return str(chosen(text, separator))

    return slugify
