"""The blog's domain objects for one build: posts in publication order and the lists of them."""

from __future__ import annotations

from dataclasses import dataclass, field

from mkdocs.structure.files import File

from mkdocs_llmblog.adjacency import Neighbours
from mkdocs_llmblog.archives import ArchivePeriod
from mkdocs_llmblog.categories import Category, CategoryTree
from mkdocs_llmblog.excerpts import Excerpt
from mkdocs_llmblog.featured_images import FeaturedImage
from mkdocs_llmblog.posts import Post


@dataclass(slots=True)
class ListPage:
    """One page of a paginated list of posts (the blog index, later categories and archives)."""

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
    """`index`, `category` or `archive`."""
    title: str
    base_path: str
    """Where its first page is published, e.g. `blog/category/ai`."""
    category: Category | None = None
    period: ArchivePeriod | None = None
    pages: list[ListPage] = field(default_factory=list)


@dataclass
class Blog:
    """Everything the plugin knows of the blog in one build.

    Posts are indexed by source path; nothing here is ever searched by scanning a list.
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
    """Each post's excerpt, rendered once, by source path."""
    descriptions: dict[str, str] = field(default_factory=dict)
    """Each post's description (front matter, else from its excerpt), by source path."""
    images: dict[str, FeaturedImage] = field(default_factory=dict)
    """Each post's featured image, by source path."""
    categories: CategoryTree = field(default_factory=CategoryTree)
    category_listings: dict[str, Listing] = field(default_factory=dict)
    """Category pages, by the category's full name (`AI/Safety`)."""
    archives: list[ArchivePeriod] = field(default_factory=list)
    """Years with published posts, newest first."""
    archive_listings: dict[str, Listing] = field(default_factory=dict)
    """Archive pages, by period key (`2024`, `2024/05`)."""
    neighbours: dict[str, Neighbours] = field(default_factory=dict)
    """Each post's previous (older) and next (newer) post, by source path."""
    related: dict[str, list[Post]] = field(default_factory=dict)
    """Each post's related posts, by source path."""

    def post_for(self, src_uri: str) -> Post | None:
        return self.posts_by_src.get(src_uri)
