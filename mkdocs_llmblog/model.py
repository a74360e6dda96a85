"""The blog's domain objects for one build, and which hook fills each of them.

Nothing here imports from a pipeline stage: every package of the plugin builds on these types.
A build fills them in this order (see `plugin.LlmBlogPlugin` for the hooks):

- `on_files`: `sources` reads every post into a `Post`; `layout` gives posts and lists their
  URLs (`Blog.post_urls`, `Blog.list_pages_by_src`), files them under categories and archives,
  and finds neighbours and related posts; `images` plans each post's `FeaturedImage`.
- `on_page_content`: each post's `Excerpt`, description and reading time, from its HTML.
- `on_page_context` and later: `render` and `feeds` only read the model.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from mkdocs.structure.files import File

XML_FORBIDDEN_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
"""Characters XML 1.0 forbids in any document: feeds holding one are not well formed."""

MAX_CATEGORY_DEPTH = 10
"""At most this many levels in a category (`A/B/C` is 3): each level's page shows the trail."""


def without_xml_forbidden(text: str) -> str:
    """`text` without the characters XML forbids (which include NUL, see `render.markers`)."""
    return XML_FORBIDDEN_RE.sub("", text) if XML_FORBIDDEN_RE.search(text) else text


class CategoryNameError(ValueError):
    """A category name with an empty part, such as `AI//Safety`."""


def category_parts(name: str) -> tuple[str, ...]:
    """`"AI / Safety"` -> `("AI", "Safety")`: each part with its whitespace folded.

    The one place category names are normalised: front matter, options and directives all
    go through it, so `Post.categories` and `CategoryTree.by_name` use one spelling.

    Raises:
        CategoryNameError: a part is empty.
    """
    if name.count("/") >= MAX_CATEGORY_DEPTH:
        raise CategoryNameError(
            f"has a category {shorten(name)!r} of {name.count('/') + 1} levels; a category has "
            f"at most {MAX_CATEGORY_DEPTH} levels ('Parent/Child' is 2)"
        )
    parts = tuple(" ".join(part.split()) for part in name.split("/"))
    if any(not part for part in parts):
        raise CategoryNameError(f"{shorten(name)!r} has an empty part; write it as 'Parent/Child'")
    return parts


def shorten(text: str, limit: int = 80) -> str:
    """`text` cut to about `limit` characters, for messages that echo an author's value."""
    return text if len(text) <= limit else f"{text[: limit - 20]}...{text[-10:]}"


def category_full_name(name: str) -> str:
    """The normalised full name of a category: `"AI / Safety"` -> `"AI/Safety"`.

    Raises:
        CategoryNameError: a part is empty.
    """
    return "/".join(category_parts(name))


@dataclass(frozen=True, slots=True)
class PostDate:
    """A moment with a time zone, and whether the author gave only the day."""

    moment: dt.datetime
    date_only: bool

    def isoformat(self) -> str:
        """The RFC 3339 form, e.g. for `<time datetime>`."""
        return self.moment.isoformat()


@dataclass(frozen=True, slots=True)
class ImageSpec:
    """A featured image as written in front matter or in `mkdocs.yml`."""

    location: str
    alt: str | None
    caption: str | None
    focal_point: tuple[float, float]
    width: int | None
    """Only for `https://` images, whose size the plugin cannot read."""
    height: int | None


@dataclass(frozen=True, slots=True)
class ArchivedComment:
    """A reader's comment kept from an earlier blog (`comments_archive`), shown read-only."""

    number: int
    parent: int | None
    """The comment it answers, written before it; None for a comment on the post."""
    author: str
    url: str | None
    """The author's site: http or https only."""
    date: PostDate
    text: str
    """Markdown, rendered with any HTML escaped."""


@dataclass(frozen=True, slots=True)
class AuthorLink:
    """One of an author's links (`links` in the authors file): http, https or mailto only."""

    title: str
    url: str


@dataclass(frozen=True, slots=True)
class Author:
    """One author of the authors file (`<blog_dir>/.authors.yml`, Material's format)."""

    id: str
    """The key posts name in their `authors` list."""
    name: str
    slug: str
    description: str | None = None
    avatar: str | None = None
    """An https:// URL as written, or a local image's path relative to docs_dir."""
    url: str | None = None
    email: str | None = None
    """Never published."""
    links: tuple[AuthorLink, ...] = ()
    bio: str | None = None
    """Markdown, rendered with any HTML escaped."""


@dataclass(frozen=True)
class LinkItem:
    """One item of a post's `links` (Material's key): a link (`target` set) or a section
    (`children` set)."""

    title: str | None
    """As written; None for a bare path, titled from its page when the site is built."""
    target: str | None = None
    children: tuple[LinkItem, ...] = ()


@dataclass(slots=True)
class Post:
    """One blog post, as its front matter and source describe it (filled in `on_files`)."""

    src_uri: str
    path: str
    """The path to show in messages, e.g. `docs/blog/posts/hello.md`."""
    title: str
    """Plain text: front matter's `title`, else the text of the body's first `# heading`."""
    title_from_heading: bool
    date: PostDate
    updated: PostDate | None
    slug: str
    description: str | None
    categories: tuple[str, ...]
    """Full names, normalised by `category_full_name` (`AI/Safety`)."""
    tags: tuple[str, ...]
    authors: tuple[str, ...]
    draft: bool
    image: ImageSpec | None = None
    """The featured image as written in front matter."""
    first_image: ImageSpec | None = None
    """The first image of the body, for `image_from_content`."""
    source_hash: str = ""
    """A hash of the post's source file, to tell whether it changed between builds."""
    pinned: bool = False
    """Front matter `pin: true` (Material's key): first on the blog index and category pages."""
    readtime: int | None = None
    """Front matter `readtime` (Material's key): the reading time in minutes, not estimated."""
    not_a_draft: bool = False
    """Front matter says `draft: false`: under Material's rules, published even when dated in
    the future with `draft_if_future_date`."""
    links: tuple[LinkItem, ...] = ()
    """Front matter `links` (Material's key): the "Related links" after the post."""
    wordpress_id: int | None = None
    """Front matter `wordpress_id` (written by the WordPress importer): `?p=<id>` leads here."""
    archived_comments: tuple[ArchivedComment, ...] = ()
    """Front matter `comments_archive` (written by the WordPress importer), oldest first."""
    comments: bool = True
    """Front matter `comments: false` leaves the comments out of this post."""
    share: bool = True
    """Front matter `share: false` leaves the share links out of this post."""
    share_card: bool = True
    """Front matter `share_card: false`: no share card for this post (`share_cards` option)."""
    page_heading: str | None = None
    """The text of the `# heading` the body opens with, where front matter has its own `title`:
    the post's page shows it once, in its header; `title` is for `<title>`, cards and feeds."""

    @property
    def sort_key(self) -> tuple[float, str]:
        """Newest first when sorted in reverse; the source path breaks ties, stably."""
        return (self.date.moment.timestamp(), self.src_uri)


@dataclass
class Category:
    """One category: a node of the tree, with the posts filed under it."""

    path: tuple[str, ...]
    """The names from the root, e.g. ("AI", "Safety")."""
    slug_path: str
    """The URL path under the category folder, e.g. `ai/safety`."""
    parent: Category | None
    children: list[Category] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    """Posts of this category and its descendants, newest first, each once."""

    @property
    def name(self) -> str:
        return self.path[-1]

    @property
    def full_name(self) -> str:
        return "/".join(self.path)

    @property
    def trail(self) -> list[Category]:
        """The ancestors, root first."""
        ancestors = []
        node = self.parent
        while node is not None:
            ancestors.append(node)
            node = node.parent
        return ancestors[::-1]


@dataclass
class CategoryTree:
    """All categories of a build, by full name."""

    by_name: dict[str, Category] = field(default_factory=dict)
    roots: list[Category] = field(default_factory=list)


@dataclass
class Tag:
    """One tag: its name as first written, its slug, and its posts newest first."""

    name: str
    slug: str
    posts: list[Post] = field(default_factory=list)


def tag_key(name: str) -> str:
    """What makes two spellings one tag: `Python`, `python` and ` PYTHON ` are one."""
    return " ".join(name.split()).casefold()


@dataclass
class ArchivePeriod:
    """A year, or a month of a year, with its posts newest first."""

    year: int
    month: int | None
    posts: list[Post] = field(default_factory=list)
    months: list[ArchivePeriod] = field(default_factory=list)
    """For a year with month archives: its months, newest first."""

    @property
    def key(self) -> str:
        return f"{self.year:04d}" if self.month is None else f"{self.year:04d}/{self.month:02d}"


@dataclass(frozen=True, slots=True)
class Neighbours:
    """A post's neighbours in publication order."""

    older: Post | None
    """The "Previous post"."""
    newer: Post | None
    """The "Next post"."""


@dataclass(frozen=True, slots=True)
class Excerpt:
    """A post's excerpt, portable to any page (see `render.markers`)."""

    html: str
    has_more: bool
    """The post goes on after the excerpt, so lists show a "Read more" link."""


@dataclass(frozen=True, slots=True)
class ImageCandidate:
    """One published copy: a site-relative URL (or an https:// URL) and its size."""

    url: str
    width: int | None
    height: int | None
    local: bool


@dataclass(frozen=True, slots=True)
class FeaturedImage:
    """Everything pages, share previews and feeds need to show a post's featured image."""

    alt: str
    caption_html: str | None
    """Trusted HTML: inline Markdown with the author's raw HTML escaped."""
    main: ImageCandidate
    srcset: tuple[ImageCandidate, ...]
    thumb: ImageCandidate
    thumb_srcset: tuple[ImageCandidate, ...]
    share: ImageCandidate | None
    """The 1200x630 crop for `og:image`; None for SVG."""
    mime_type: str | None
    share_mime_type: str | None
    from_content: bool = False
    """Taken from the post's body (`image_from_content`): the post page shows it there already."""


@dataclass(slots=True)
class ListPage:
    """One page of a paginated list of posts (the blog index, a category, an archive)."""

    listing: Listing
    number: int
    """1 for the list's first page."""
    file: File
    posts: list[Post]

    @property
    def total(self) -> int:
        return len(self.listing.pages)

    @property
    def previous(self) -> ListPage | None:
        """The page with newer posts."""
        return self.listing.pages[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> ListPage | None:
        """The page with older posts."""
        return self.listing.pages[self.number] if self.number < self.total else None


@dataclass
class Listing:
    """A list of posts, newest first, cut into pages."""

    kind: str
    """`index`, `category`, `tag` or `archive`."""
    title: str
    base_path: str
    """Where its first page is published, e.g. `blog/category/ai`."""
    category: Category | None = None
    tag: Tag | None = None
    period: ArchivePeriod | None = None
    author: Author | None = None
    """For an author's page (kind `author`)."""
    pages: list[ListPage] = field(default_factory=list)


@dataclass
class Blog:
    """Everything the plugin knows of the blog in one build.

    Posts are indexed by source path; nothing here is ever searched by scanning a list. Fields
    are filled in `on_files` unless their description says otherwise.
    """

    blog_dir: str
    posts_by_src: dict[str, Post] = field(default_factory=dict)
    """Every post that is part of this build (published, or shown as a draft in serve)."""
    published: list[Post] = field(default_factory=list)
    """Posts of this build, newest first."""
    draft_marks: dict[str, str] = field(default_factory=dict)
    """The mark (`draft` or `scheduled`) of each post shown with one, by source path."""
    list_pages_by_src: dict[str, ListPage] = field(default_factory=dict)
    index: Listing | None = None
    index_src_uri: str = ""
    post_urls: dict[str, str] = field(default_factory=dict)
    """Site-relative URL of each post, by source path."""
    excerpts: dict[str, Excerpt] = field(default_factory=dict)
    """Each post's excerpt, rendered once, by source path (`on_page_content`, or the build
    record in a `--dirty` build)."""
    descriptions: dict[str, str] = field(default_factory=dict)
    """Each post's description (front matter, else from its excerpt), by source path
    (`on_page_content`, or the build record)."""
    reading_minutes: dict[str, int] = field(default_factory=dict)
    """Each post's estimated reading time, counted in its rendered text, by source path
    (`on_page_content`, or the build record)."""
    images: dict[str, FeaturedImage] = field(default_factory=dict)
    """Each post's featured image, by source path."""
    categories: CategoryTree = field(default_factory=CategoryTree)
    category_listings: dict[str, Listing] = field(default_factory=dict)
    """Category pages, by the category's full name (`AI/Safety`)."""
    tags: dict[str, Tag] = field(default_factory=dict)
    """Every tag of the published posts, by `tag_key`."""
    tag_listings: dict[str, Listing] = field(default_factory=dict)
    """Tag pages, by `tag_key`."""
    tags_index_src_uri: str = ""
    """The page listing every tag (`blog/tags/`), where the site publishes tag pages."""
    archives: list[ArchivePeriod] = field(default_factory=list)
    """Years with published posts, newest first."""
    archive_listings: dict[str, Listing] = field(default_factory=dict)
    """Archive pages, by period key (`2024`, `2024/05`)."""
    neighbours: dict[str, Neighbours] = field(default_factory=dict)
    """Each post's previous (older) and next (newer) post, by source path."""
    related: dict[str, list[Post]] = field(default_factory=dict)
    """Each post's related posts, by source path."""
    authors: dict[str, Author] = field(default_factory=dict)
    """The authors file's authors, by id; empty without an authors file (names shown as written)."""
    avatars: dict[str, dict[int, str]] = field(default_factory=dict)
    """Square copies of each author's local avatar: author id -> size -> site-relative URL."""
    share_cards: dict[str, ImageCandidate] = field(default_factory=dict)
    """Each post's share card (a 1200x630 PNG, its `og:image`), by source path."""
    author_listings: dict[str, Listing] = field(default_factory=dict)
    """Author pages (`authors_profiles`), by author id."""

    def post_for(self, src_uri: str) -> Post | None:
        return self.posts_by_src.get(src_uri)
