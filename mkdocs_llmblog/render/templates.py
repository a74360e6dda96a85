"""Rendering the plugin's templates through the theme's own Jinja environment."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.exceptions import PluginError

TEMPLATES_DIR = str(Path(__file__).parent.parent / "templates")
"""Appended to `theme.dirs`, so a theme's `custom_dir` overrides any `llmblog/...` template."""

STYLESHEET = "llmblog/llmblog.css"
"""A static file of our template folder: MkDocs copies it into the site like a theme's own."""

SCRIPT = "llmblog/llmblog.js"
"""The script of comments loaded on request and of share links; added only where they are on."""


def render_fragment(
    env: jinja2.Environment, template_name: str, context: Mapping[str, Any], data: dict[str, Any]
) -> str:
    """Render one of our templates with `context` plus the `llmblog` data.

    Post and list pages get the page's whole context (filters such as `url` work there); the
    parts rendered once per build (cards, widgets, head tags) get only their own data.

    Raises:
        PluginError: the template is missing or fails, named with its line.
    """
    try:
        template = env.get_template(template_name)
        return template.render({**context, "llmblog": data})
    except jinja2.TemplateNotFound as error:
        raise PluginError(
            f"Template '{error.name}' not found (rendering '{template_name}'): the llmblog "
            "template folder is missing from theme.dirs. Is another plugin replacing the theme's "
            "search path?"
        ) from None
    except jinja2.TemplateSyntaxError as error:
        raise PluginError(
            f"Template '{error.filename or error.name or template_name}', line {error.lineno}: "
            f"{(error.message or '').rstrip('.')}; fix the template (an override in custom_dir?)"
        ) from None
    except Exception as error:  # An override's own code may fail in any way.
        raise PluginError(
            f"Template '{template_name}' failed ({type(error).__name__}: {error}); if you "
            "override it in custom_dir, "
            "note that post cards, widgets, head tags and embedded lists get only the data "
            "documented for them, not the page's context"
        ) from None
