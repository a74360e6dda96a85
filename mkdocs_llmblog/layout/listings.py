"""Laying out the lists of posts: the blog index, category pages and archives, paginated."""

from __future__ import annotations

import datetime as dt
import posixpath

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from mkdocs_llmblog.config import LlmBlogConfig, option_default
from mkdocs_llmblog.config.material_formats import date_granularity
from mkdocs_llmblog.i18n.dates import DateFormatter
from mkdocs_llmblog.layout.archives import build_archives
from mkdocs_llmblog.layout.categories import (
    CategoryError,
    CategorySlugify,
    build_category_tree,
)
from mkdocs_llmblog.layout.neighbours import find_neighbours
from mkdocs_llmblog.layout.related import find_related
from mkdocs_llmblog.layout.tags import TagError, build_tags
from mkdocs_llmblog.layout.urls import move_file, page_location
from mkdocs_llmblog.model import (
    ArchivePeriod,
    Author,
    Blog,
    Category,
    Listing,
    ListPage,
    Post,
    Tag,
    tag_key,
)
from mkdocs_llmblog.sources.frontmatter import FrontMatterError, split_front_matter
from mkdocs_llmblog.sources.markdown import find_first_heading

log = get_plugin_logger(__name__)


def lay_out_listings(
    blog: Blog,
    files: Files,
    config: MkDocsConfig,
    options: LlmBlogConfig,
    blog_title: str,
    dates: DateFormatter,
    tags_title: str = "Tags",
    category_slugify: CategorySlugify | None = None,
) -> None:
    """Make the index, category, tag and archive listings, each page a file MkDocs will render.

    Raises:
        PluginError: a category outside the allowlist or two categories sharing a page.
    """
    layout = _Layout(blog, files, config, options, dates)
    layout.index(blog_title)
    try:
        blog.categories = build_category_tree(
            blog.published, options.categories_allowed, category_slugify
        )
    except CategoryError as error:
        raise PluginError(str(error)) from None
    if options.categories:
        for category in blog.categories.by_name.values():
            layout.category(category)
    if options.tags:
        try:
            tags = build_tags(blog.published, options.tags_allowed)
        except TagError as error:
            raise PluginError(str(error)) from None
        for warning in tags.warnings:
            log.warning(warning)
        blog.tags = tags.by_key
        for tag in blog.tags.values():
            layout.tag(tag)
        if blog.tags:  # A page of all tags with none would only say "No posts yet".
            layout.tags_index(tags_title)
    blog.neighbours = find_neighbours(blog.published, options.post_nav_scope)
    blog.related = find_related(blog.published, options.related_posts)
    blog.archives = build_archives(blog.published, options.archive_months)
    if options.archive:
        for year in blog.archives:
            layout.period(year)
            for month in year.months:
                layout.period(month)
    if options.authors_profiles:
        for author in blog.authors.values():
            layout.author(author)


class _Layout:
    def __init__(
        self,
        blog: Blog,
        files: Files,
        config: MkDocsConfig,
        options: LlmBlogConfig,
        dates: DateFormatter,
    ) -> None:
        self.dates = dates
        self.generated_src_uris: set[str] = set()
        self.blog = blog
        self.files = files
        self.config = config
        self.options = options

    def index(self, blog_title: str) -> None:
        base = self.options.blog_dir
        index_src = posixpath.join(base, "index.md")
        author_file = self._included(self.files.get_file_from_path(index_src))
        if author_file is not None:
            blog_title = page_title(author_file) or blog_title
        listing = Listing(kind="index", title=blog_title, base_path=base)
        self.blog.index = listing
        self.blog.index_src_uri = index_src
        # An index.md: MkDocs' own destination (blog/index.html with either URL style), the same
        # as the author's own blog/index.md would get.
        first = author_file or self._generated(index_src, None, blog_title, InclusionLevel.INCLUDED)
        self._paginate(listing, first, pinned_first(self.blog.published))

    def category(self, category: Category) -> None:
        url_path = self.options.category_url_format.format(slug=category.slug_path)
        base = posixpath.join(self.options.blog_dir, url_path)
        listing = Listing(kind="category", title=category.name, base_path=base, category=category)
        first = self._term_page(listing)
        self.blog.category_listings[category.full_name] = listing
        self._paginate(listing, first, pinned_first(category.posts))

    def tag(self, tag: Tag) -> None:
        base = posixpath.join(
            self.options.blog_dir, self.options.tag_url_format.format(slug=tag.slug)
        )
        listing = Listing(kind="tag", title=tag.name, base_path=base, tag=tag)
        first = self._term_page(listing)
        self.blog.tag_listings[tag_key(tag.name)] = listing
        self._paginate(listing, first, tag.posts)

    def _term_page(self, listing: Listing) -> File:
        """The first page of a category's or tag's listing: the author's intro page (whose
        title the listing takes), else a generated one."""
        base = listing.base_path
        first = self._author_page(base)
        if first is not None:
            listing.title = page_title(first) or listing.title
        else:
            first = self._generated(f"{base}.md", base, listing.title, InclusionLevel.NOT_IN_NAV)
        return first

    def tags_index(self, title: str) -> None:
        """The page of every tag with its number of posts (`blog/tags/`)."""
        base = posixpath.join(self.options.blog_dir, self.options.tags_index_url.strip("/"))
        first = self._author_page(base) or self._generated(
            f"{base}.md", base, title, InclusionLevel.NOT_IN_NAV
        )
        self.blog.tags_index_src_uri = first.src_uri

    def period(self, period: ArchivePeriod) -> None:
        year = f"{period.year:04d}"
        url_date = self.options.archive_url_date_format
        monthly = url_date is not None and date_granularity(url_date) == "month"
        if period.month is None:
            url_path = self.options.archive_url_format.format(year=year, date=year)
        elif monthly and url_date is not None:
            # Material's monthly archive: `{date}` of `archive_url_format` is the month.
            first_day = dt.datetime(period.year, period.month, 1, tzinfo=dt.UTC)
            url_path = self.options.archive_url_format.format(
                year=year, date=self.dates.pattern(first_day, url_date)
            )
        else:
            url_path = self.options.archive_month_url_format.format(
                year=year, month=f"{period.month:02d}"
            )
        base = posixpath.join(self.options.blog_dir, url_path)
        title = self._period_title(period)
        listing = Listing(kind="archive", title=title, base_path=base, period=period)
        first = self._author_page(base) or self._generated(
            f"{base}.md", base, title, InclusionLevel.NOT_IN_NAV
        )
        self.blog.archive_listings[period.key] = listing
        self._paginate(listing, first, period.posts)

    def _period_title(self, period: ArchivePeriod) -> str:
        """An archive's title: in the site's language, or by Material's
        `archive_date_format` where it suits the period (`MMMM yyyy` for a month)."""
        pattern = self.options.archive_date_format
        wanted = "year" if period.month is None else "month"
        if pattern is None or date_granularity(pattern) != wanted:
            return self.dates.period(period.year, period.month)
        first_day = dt.datetime(period.year, period.month or 1, 1, tzinfo=dt.UTC)
        return self.dates.pattern(first_day, pattern)

    def author(self, author: Author) -> None:
        """An author's page: the profile on top, then the author's posts, newest first."""
        url_format = self.options.author_url_format
        if url_format == option_default("author_url_format"):
            url_format = self.options.authors_profiles_url_format or url_format
        url_path = url_format.format(slug=author.slug)
        base = posixpath.join(self.options.blog_dir, url_path)
        listing = Listing(kind="author", title=author.name, base_path=base, author=author)
        first = self._author_page(base) or self._generated(
            f"{base}.md", base, author.name, InclusionLevel.NOT_IN_NAV
        )
        self.blog.author_listings[author.id] = listing
        posts = [post for post in self.blog.published if author.id in post.authors]
        self._paginate(listing, first, posts)

    def _author_page(self, base: str) -> File | None:
        """An author's own intro page for a list, as `<base>.md` or `<base>/index.md`.

        Like the generated list pages, it stays out of the navigation.
        """
        file = self._included(self.files.get_file_from_path(f"{base}.md")) or self._included(
            self.files.get_file_from_path(f"{base}/index.md")
        )
        if file is not None and file.src_uri in self.generated_src_uris:
            raise PluginError(
                f"Two post lists would be published at '{file.url}' (a category and an archive?); "
                "change 'category_url_format' or 'archive_url_format', or rename the category"
            )
        if file is not None and file.inclusion.value > InclusionLevel.NOT_IN_NAV.value:
            file.inclusion = InclusionLevel.NOT_IN_NAV
        return file

    def _included(self, file: File | None) -> File | None:
        """An author's list page, unless `exclude_docs` or `draft_docs` keeps it out of the build:
        then the plugin's own page takes its place (widgets and links lead to it)."""
        if file is None or not file.inclusion.is_excluded():
            return file
        self.files.remove(file)
        return None

    def _generated(
        self, src_uri: str, base: str | None, title: str, inclusion: InclusionLevel
    ) -> File:
        file = File.generated(
            self.config, src_uri, content=_generated_source(title), inclusion=inclusion
        )
        if base is not None:
            move_file(file, page_location(base, self.config.use_directory_urls))
        self.files.append(file)
        self.generated_src_uris.add(src_uri)
        return file

    def _paginate(self, listing: Listing, first_file: File, posts: list[Post]) -> None:
        per_page = list_page_size(self.options, listing.kind, len(posts))
        chunks = [posts[i : i + per_page] for i in range(0, len(posts), per_page)]
        for number, chunk in enumerate(chunks or [[]], start=1):
            if number == 1:
                file = first_file
            else:
                sub_path = self.options.pagination_url_format.format(page=number)
                src_uri = posixpath.join(listing.base_path, f"{sub_path}.md")
                if self.files.get_file_from_path(src_uri) is not None:
                    raise PluginError(
                        f"The page '{src_uri}' is in the way of page {number} of the "
                        f"{listing.title!r} list; rename it or change 'pagination_url_format'"
                    )
                dest_path = posixpath.join(listing.base_path, sub_path)
                if (
                    listing.kind == "index"
                    and self.options.compatibility == "material"
                    and not self.config.use_directory_urls
                ):
                    dest_path += "/index"  # Material: the index's pages are index pages too.
                file = self._generated(
                    src_uri,
                    dest_path,
                    f"{listing.title} ({number})",
                    InclusionLevel.NOT_IN_NAV,
                )
            page = ListPage(listing=listing, number=number, file=file, posts=chunk)
            listing.pages.append(page)
            self.blog.list_pages_by_src[file.src_uri] = page


LIST_OPTIONS = {"archive": "archive", "category": "categories", "author": "authors_profiles"}
"""The prefix of Material's per-list pagination options of each kind of list."""


def list_page_size(options: LlmBlogConfig, kind: str, count: int) -> int:
    """Posts on each page of a list of `kind`: Material's `<list>_pagination_per_page`, else
    `pagination_per_page`; all of them on one page where (`<list>_`)`pagination` is false."""
    prefix = LIST_OPTIONS.get(kind)
    paginated = options.get(f"{prefix}_pagination") if prefix else None
    if paginated is None:
        paginated = options.pagination
    if paginated is False:
        return max(count, 1)
    per_page = options.get(f"{prefix}_pagination_per_page") if prefix else None
    return int(per_page or options.pagination_per_page)


def pinned_first(posts: list[Post]) -> list[Post]:
    """Pinned posts (`pin: true`) first, newest first among them, then the others as they are."""
    pinned = [post for post in posts if post.pinned]
    if not pinned:
        return posts
    return pinned + [post for post in posts if not post.pinned]


def page_title(file: File) -> str | None:
    """An author page's title as MkDocs will show it: front matter `title`, else its `# heading`."""
    try:
        parts = split_front_matter(file.content_string)
    except (FrontMatterError, UnicodeDecodeError, OSError):
        return None  # MkDocs reports unreadable pages itself.
    title = parts.meta.get("title")
    if isinstance(title, str) and title.strip():
        return title.strip()
    heading = find_first_heading(parts.body)
    return heading.title if heading else None


def check_destinations(blog: Blog, files: Files) -> None:
    """Refuse two pages (posts, list pages, the author's pages) written to one file.

    Raises:
        PluginError: naming both sources and the URL they share.
    """
    owners: dict[str, File] = {}
    clashes: list[str] = []
    for file in files.documentation_pages(inclusion=InclusionLevel.is_included):
        other = owners.setdefault(file.dest_uri, file)
        if other is not file:
            clashes.append(
                f"{_describe_source(blog, other)} and {_describe_source(blog, file)} would both "
                f"be published at '{file.url}'; change a 'slug', a category, 'post_url_format' "
                "or 'pagination_url_format'"
            )
    if clashes:
        raise PluginError("\n".join(clashes))


def _describe_source(blog: Blog, file: File) -> str:
    post = blog.posts_by_src.get(file.src_uri)
    if post is not None:
        return post.path
    list_page = blog.list_pages_by_src.get(file.src_uri)
    if list_page is not None:
        return f"page {list_page.number} of the {list_page.listing.title!r} list"
    return f"the page '{file.src_uri}'"


def _generated_source(title: str) -> str:
    return "---\n" + yaml.safe_dump({"title": title}, allow_unicode=True) + "---\n"
