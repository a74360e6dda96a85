"""Rendering the plugin's templates through the theme's own Jinja environment."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.exceptions import PluginError

TEMPLATES_DIR = str(Path(__file__).parent / "templates")
"""Appended to `theme.dirs`, so a theme's `custom_dir` overrides any `llmblog/...` template."""

STYLESHEET = "llmblog/llmblog.css"
"""A static file of our template folder: MkDocs copies it into the site like a theme's own."""


def render_fragment(
    env: jinja2.Environment, template_name: str, context: Mapping[str, Any], data: dict[str, Any]
) -> str:
    """Render one of our templates with the page's context plus `llmblog` data.

    The theme's context keeps filters such as `url` working inside our templates.
    """
    try:
        template = env.get_template(template_name)
    except jinja2.TemplateNotFound:
        raise PluginError(
            f"Template '{template_name}' not found: the llmblog template folder is missing from "
            "theme.dirs. Is another plugin replacing the theme's search path?"
        ) from None
    return template.render({**context, "llmblog": data})
