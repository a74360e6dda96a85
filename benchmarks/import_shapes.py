"""How the WordPress importer's work grows with hostile content: CPU time at two sizes, and the
ratio, for each shape the tests count in lines of Python (tests/test_wordpress_hostile.py).

Work done inside regular expressions is seen by no line counter: this prints it, as a ratio
measured here, never as a test. Linear work gives about 8 for 8x the input.

    python benchmarks/import_shapes.py
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

from mkdocs_llmblog.wordpress.convert import convert_body
from mkdocs_llmblog.wordpress.markup import autop, mark_more, remove_block_comments
from mkdocs_llmblog.wordpress.shortcodes import expand_code_shortcodes, expand_shortcodes

MARKUP: dict[str, Callable[[int], str]] = {
    "unclosed shortcodes": lambda n: "[foo a=1] " * n,
    "unclosed shortcodes without a bracket": lambda n: "[foo a=1 " * n,
    "closed shortcodes": lambda n: "[foo a=1]x[/foo] " * n,
    "unclosed pre": lambda n: "<pre>a " * n,
    "unclosed code": lambda n: "<code>a " * n,
    "unclosed more": lambda n: "<!--more " * n,
    "unclosed blocks": lambda n: '<!-- wp:x {"a": 1} ' * n,
}
CONVERSION: dict[str, Callable[[int], str]] = {
    "nested divs": lambda n: "<div>" * n + "deep" + "</div>" * n,
    "unclosed paragraphs": lambda n: "<p>" * n + "deep",
    "tags without an end": lambda n: "<a " * n,
    "spaces": lambda n: "a" + " " * (n * 4) + "b",
}


class _SameLinks:
    def image(self, url: str) -> str:
        return url

    def link(self, url: str) -> str:
        return url


def cpu_seconds(function: Callable[[], object]) -> float:
    """CPU seconds of one run, the best of five rounds (the garbage collector off)."""
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(5):
            runs, start = 0, time.process_time()
            while True:
                function()
                runs += 1
                elapsed = time.process_time() - start
                if elapsed >= 0.04:
                    break
            best = min(best, elapsed / runs)
    finally:
        gc.enable()
    return best


def markup_work(text: str) -> Callable[[], object]:
    def work() -> None:
        body = autop(expand_code_shortcodes(remove_block_comments(mark_more(text)).html))
        expand_shortcodes(body, lambda ids: [])

    return work


def conversion_work(text: str) -> Callable[[], object]:
    return lambda: convert_body(
        text, links=_SameLinks(), galleries=lambda ids: [], excerpt_separator="<!-- more -->"
    )


def main() -> None:
    print(f"{'shape':40} {'1,000 s':>10} {'8,000 s':>10} {'ratio':>7}")
    for shapes, work in ((MARKUP, markup_work), (CONVERSION, conversion_work)):
        for name, make in shapes.items():
            small = cpu_seconds(work(make(1_000)))
            large = cpu_seconds(work(make(8_000)))
            print(f"{name:40} {small:10.4f} {large:10.4f} {large / small:7.1f}")


if __name__ == "__main__":
    main()
