"""Deterministic blog corpora for the benchmarks: one complete MkDocs project per variant.

Every variant gets the same `docs/` tree (home page, `blog/index.md`, N posts) and differs only
in `mkdocs.yml`:

- `plain`: MkDocs with the Material theme and no blog plugin; the posts are rendered as ordinary
  pages, kept out of the nav with `not_in_nav`. This is the floor: MkDocs' own rendering.
- `llmblog`: `plugins: [llmblog]`.
- `material`: Material for MkDocs' own `blog` plugin.

Run directly to write one corpus, e.g. `python benchmarks/corpus.py /tmp/c --posts 250 --images`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Variant = Literal["plain", "llmblog", "material"]
VARIANTS: tuple[Variant, ...] = ("plain", "llmblog", "material")

SEED = 20250101
LAST_POST_DATE = dt.date(2024, 12, 31)
WORDS_PER_POST = 600
IMAGE_SIZE = (1600, 900)

CATEGORIES = (
    "Announcements",
    "Engineering",
    "Research",
    "Tutorials",
    "Community",
    "Releases",
    "Security",
    "Design",
    "Operations",
    "Opinion",
)

# A fixed vocabulary: plain lower-case English words, so text costs the same in every variant.
_VOCABULARY_TEXT = """
    able about above across after again against almost along already also although always among
    amount answer appear apply approach area argue around arrive article aside ask assume attempt
    available avoid back balance base basic become before begin behind believe benefit better
    between beyond bring build business call capable care carry case cause center certain change
    check choice choose claim clear close common compare complete concern consider contain
    continue control correct cost could country course cover create current data decide deep
    define depend describe design detail develop differ direct discover discuss early effect
    effort either enough entire error event every evidence exact example expect explain fact
    factor feature field figure final find focus follow force form forward frame free function
    future general give global goal good great ground group grow guide happen hard help high hold
    idea image impact improve include increase indeed inside instead interest issue keep kind
    know large later layer lead learn least level light limit line list little local long look
    machine main make manage matter mean measure method middle might model modern move much name
    native nature near need network never next note notice number object offer often open order
    other output page part pattern people perhaps period place plan point policy possible power
    practice prepare present process produce project proper provide public purpose quality
    question quick rather reach read ready real reason record reduce remain report require
    result return review right river role rule same scale search second section select sense
    series serve service several shape share short show side signal simple single small social
    source space special stage stand start state step still store story strong structure study
    style support system table take task team term test text theory thing think third through
    time today together tool total toward track trade travel true turn type under unit until
    update usual value version view visit voice watch water whole wide window within without
    word work world write year
"""
VOCABULARY = tuple(_VOCABULARY_TEXT.split())


@dataclass(frozen=True)
class PostSpec:
    """One generated post: the same in every variant."""

    number: int
    title: str
    date: dt.date
    categories: tuple[str, str]
    body: str
    """Markdown after the front matter, with the excerpt mark after the first paragraph."""

    @property
    def stem(self) -> str:
        return f"post-{self.number:05d}"

    @property
    def image_name(self) -> str:
        return f"{self.stem}.jpg"


def _sentence(rng: random.Random, words: int) -> str:
    chosen = [rng.choice(VOCABULARY) for _ in range(words)]
    if rng.random() < 0.25:
        index = rng.randrange(1, words)
        chosen[index] = f"**{chosen[index]}**"
    if rng.random() < 0.15:
        index = rng.randrange(1, words)
        chosen[index] = f"`{chosen[index]}`"
    return " ".join(chosen).capitalize() + "."


def _paragraph(rng: random.Random, words: int) -> tuple[str, int]:
    """A paragraph of about `words` words; returns the text and its exact word count."""
    sentences: list[str] = []
    count = 0
    while count < words:
        length = min(rng.randint(8, 18), max(4, words - count))
        sentences.append(_sentence(rng, length))
        count += length
    return " ".join(sentences), count


def _title(rng: random.Random, number: int) -> str:
    words = [rng.choice(VOCABULARY) for _ in range(rng.randint(3, 6))]
    return f"{' '.join(words).capitalize()} {number}"


def _body(rng: random.Random) -> str:
    """About WORDS_PER_POST words: an excerpt, then sections with paragraphs and a list."""
    blocks: list[str] = []
    intro, count = _paragraph(rng, rng.randint(45, 70))
    blocks += [intro, "<!-- more -->"]
    section = 0
    while count < WORDS_PER_POST:
        if section < 4 and (section == 0 or rng.random() < 0.5):
            heading = " ".join(rng.choice(VOCABULARY) for _ in range(rng.randint(2, 4)))
            blocks.append(f"## {heading.capitalize()}")
            count += len(heading.split())
            section += 1
        if rng.random() < 0.2:
            items = [
                f"- {' '.join(rng.choice(VOCABULARY) for _ in range(rng.randint(3, 8)))}"
                for _ in range(rng.randint(3, 5))
            ]
            blocks.append("\n".join(items))
            count += sum(len(item.split()) - 1 for item in items)
        else:
            text, words = _paragraph(rng, min(rng.randint(50, 90), WORDS_PER_POST - count + 10))
            blocks.append(text)
            count += words
    return "\n\n".join(blocks) + "\n"


def generate_posts(count: int, seed: int = SEED) -> list[PostSpec]:
    """The same `count` posts for a given seed, newest first, one day apart."""
    rng = random.Random(seed)
    posts: list[PostSpec] = []
    for number in range(1, count + 1):
        first, second = rng.sample(CATEGORIES, 2)
        posts.append(
            PostSpec(
                number=number,
                title=_title(rng, number),
                date=LAST_POST_DATE - dt.timedelta(days=number - 1),
                categories=(first, second),
                body=_body(rng),
            )
        )
    return posts


def _post_markdown(post: PostSpec, with_image: bool) -> str:
    lines = [
        "---",
        f"title: {post.title}",
        f"date: {post.date.isoformat()}",
        "categories:",
        *(f"  - {category}" for category in post.categories),
    ]
    if with_image:
        lines += [
            "image:",
            f"  path: images/{post.image_name}",
            f"  alt: Generated picture for post {post.number}",
        ]
    lines += ["---", "", post.body]
    return "\n".join(lines)


def _mkdocs_yml(variant: Variant, search: bool) -> str:
    plugins = (["search"] if search else []) + {
        "plain": [],
        "llmblog": ["llmblog"],
        "material": ["blog"],
    }[variant]
    plugin_lines = "".join(f"\n  - {name}" for name in plugins) if plugins else " []"
    not_in_nav = "not_in_nav: |\n  /blog/posts/\n" if variant == "plain" else ""
    return f"""\
# Generated by benchmarks/corpus.py ({variant}); do not edit.
site_name: Benchmark blog
site_url: https://example.com/bench/
theme:
  name: material
nav:
  - Home: index.md
  - Blog: blog/index.md
{not_in_nav}plugins:{plugin_lines}
markdown_extensions:
  - attr_list
  - admonition
  - toc:
      permalink: true
"""


def draw_image(path: Path, number: int, seed: int = SEED) -> None:
    """A distinct 1600x900 JPEG per post: a gradient, shapes and some grain."""
    from PIL import Image, ImageDraw

    rng = random.Random(seed * 100_003 + number)
    width, height = IMAGE_SIZE

    def colour() -> tuple[int, int, int]:
        return (rng.randrange(256), rng.randrange(256), rng.randrange(256))

    gradient = Image.linear_gradient("L").rotate(rng.randrange(360)).resize(IMAGE_SIZE)
    image = Image.composite(
        Image.new("RGB", IMAGE_SIZE, colour()), Image.new("RGB", IMAGE_SIZE, colour()), gradient
    )
    draw = ImageDraw.Draw(image)
    for _ in range(8):
        x, y = rng.randrange(width), rng.randrange(height)
        w, h = rng.randint(80, 600), rng.randint(80, 500)
        box = (x, y, x + w, y + h)
        if rng.random() < 0.5:
            draw.ellipse(box, fill=colour())
        else:
            draw.rectangle(box, fill=colour())
    draw.text((40, 40), f"Post {number}", fill=(255, 255, 255), font_size=96)
    grain = Image.effect_noise(IMAGE_SIZE, 24).convert("RGB")
    image = Image.blend(image, grain, 0.08)
    image.save(path, "JPEG", quality=85)


def write_docs(docs: Path, posts: Sequence[PostSpec], images: bool) -> None:
    """The `docs/` folder shared by every variant (images only when asked)."""
    posts_dir = docs / "blog" / "posts"
    posts_dir.mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text(
        "# Benchmark blog\n\nA generated site for measuring blog plugins.\n", encoding="utf-8"
    )
    (docs / "blog" / "index.md").write_text("# Blog\n", encoding="utf-8")
    if images:
        (posts_dir / "images").mkdir(exist_ok=True)
    for post in posts:
        (posts_dir / f"{post.stem}.md").write_text(_post_markdown(post, images), encoding="utf-8")
        if images:
            draw_image(posts_dir / "images" / post.image_name, post.number)


def write_project(
    root: Path,
    variant: Variant,
    posts: Sequence[PostSpec],
    *,
    images: bool = False,
    search: bool = False,
    docs_from: Path | None = None,
) -> Path:
    """Write `root/mkdocs.yml` and `root/docs/`; return the config file's path.

    `docs_from` copies an already written `docs/` (of the same posts) instead of writing it again.
    """
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    if docs_from is not None:
        shutil.copytree(docs_from, root / "docs", copy_function=_link_or_copy)
    else:
        write_docs(root / "docs", posts, images)
    config = root / "mkdocs.yml"
    config.write_text(_mkdocs_yml(variant, search), encoding="utf-8")
    return config


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def write_corpora(
    folder: Path,
    count: int,
    variants: Iterable[Variant] = VARIANTS,
    *,
    images: bool = False,
    search: bool = False,
    seed: int = SEED,
) -> dict[Variant, Path]:
    """One project per variant under `folder/<variant>/`, all with the same posts."""
    posts = generate_posts(count, seed)
    configs: dict[Variant, Path] = {}
    first_docs: Path | None = None
    for variant in variants:
        config = write_project(
            folder / variant, variant, posts, images=images, search=search, docs_from=first_docs
        )
        first_docs = first_docs or config.parent / "docs"
        configs[variant] = config
    return configs


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("folder", type=Path, help="where to write <variant>/mkdocs.yml")
    parser.add_argument("--posts", type=int, default=250)
    parser.add_argument("--variant", choices=VARIANTS, action="append")
    parser.add_argument("--images", action="store_true", help="a featured image per post")
    parser.add_argument("--search", action="store_true", help="enable the search plugin")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    configs = write_corpora(
        args.folder,
        args.posts,
        args.variant or VARIANTS,
        images=args.images,
        search=args.search,
        seed=args.seed,
    )
    for config in configs.values():
        print(config)


if __name__ == "__main__":
    main()
