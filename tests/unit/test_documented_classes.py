"""Every CSS class the default templates write is named in docs/templates.md."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "mkdocs_llmblog" / "templates" / "llmblog"
CLASS_ATTRIBUTE = re.compile(r'class="([^"]*)"')


def template_classes() -> dict[str, str]:
    """Each fixed `llmblog-` class in the templates, and one template that uses it."""
    found: dict[str, str] = {}
    for template in sorted(TEMPLATES.rglob("*.html")):
        for attribute in CLASS_ATTRIBUTE.findall(template.read_text(encoding="utf-8")):
            for word in re.sub(r"\{\{.*?\}\}|\{%.*?%\}", " ", attribute).split():
                if word.startswith("llmblog-") and not word.endswith("-"):
                    found.setdefault(word, template.relative_to(TEMPLATES).as_posix())
    return found


def test_the_templates_write_classes() -> None:
    classes = template_classes()
    assert "llmblog-post-card" in classes
    assert "llmblog-author-box" in classes


def test_every_template_class_is_documented() -> None:
    documented = set(
        re.findall(
            r"`\.?[a-z]*\.?(llmblog-[a-z0-9-]+)",
            (ROOT / "docs" / "templates.md").read_text(encoding="utf-8"),
        )
    )
    missing = {name: where for name, where in template_classes().items() if name not in documented}
    assert missing == {}
