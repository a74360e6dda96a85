"""Turning the posts of a WordPress export into posts of this plugin."""

from __future__ import annotations

import datetime as dt
import posixpath
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol, TypeVar, cast
from urllib.parse import parse_qs, unquote, urlsplit
from zoneinfo import ZoneInfo

from mkdocs_llmblog.config import option_default
from mkdocs_llmblog.layout.urls import post_path
from mkdocs_llmblog.sources.legacy_ids import wordpress_item_id
from mkdocs_llmblog.sources.slugs import make_slug
from mkdocs_llmblog.wordpress.archives import (
    ArchiveFormats,
    category_page_source,
    date_redirects,
    feed_file,
    feed_redirect,
    old_category_path,
    tag_page_source,
    term_feed_redirect,
)
from mkdocs_llmblog.wordpress.author_archives import author_redirects
from mkdocs_llmblog.wordpress.authors import authors_file_source, authors_file_target
from mkdocs_llmblog.wordpress.comments import CommentTally, archived_comments
from mkdocs_llmblog.wordpress.convert import convert_body, html_to_inline_markdown, html_to_text
from mkdocs_llmblog.wordpress.fields import (
    DateOutOfRange,
    category_path,
    modified_moment,
    post_moment,
    post_title,
    shorten,
    slug_source,
    unique_slug,
)
from mkdocs_llmblog.wordpress.files import ImportFiles, UnsafePath, remove_leftovers
from mkdocs_llmblog.wordpress.markup import unconverted_lines
from mkdocs_llmblog.wordpress.media import MediaTally, PostMedia, Uploads, site_host
from mkdocs_llmblog.wordpress.pages import PagePlan, PlannedPage, nav_snippet, plan_pages
from mkdocs_llmblog.wordpress.redirects import (
    has_control_characters,
    old_page_path,
    old_page_url,
    redirect_segment,
    redirects_over_pages,
)
from mkdocs_llmblog.wordpress.shortcodes import GalleryImage
from mkdocs_llmblog.wordpress.terms import MAX_NAMES, TermSpellings
from mkdocs_llmblog.wordpress.writer import render_post
from mkdocs_llmblog.wordpress.wxr import Export, Item

DraftPolicy = Literal["skip", "import"]
DRAFT_STATUSES = {
    "draft": "draft",
    "pending": "pending review",
    "private": "private",
    "future": "scheduled",
}
"""Statuses of posts that are not public, and how the summary names them."""
SKIPPED_STATUSES = {"trash": "in the trash", "auto-draft": "automatic draft"}
DEFAULT_CATEGORY = "uncategorized"
"""WordPress's default category, given to every post without one: left out."""
_IMAGE_SUFFIXES = frozenset(
    {".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg", ".bmp", ".tif", ".tiff"}
)

_T = TypeVar("_T")


class Progress(Protocol):
    """Wraps the posts being imported, e.g. in a progress bar."""

    def __call__(self, items: Sequence[_T], /) -> Iterable[_T]: ...


def no_progress(items: Sequence[_T], /) -> Iterable[_T]:
    """Shows nothing."""
    return items


@dataclass(frozen=True)
class ImportOptions:
    """Where and how to import; the command line fills it from its options and `mkdocs.yml`."""

    docs_dir: Path
    blog_dir: str = str(option_default("blog_dir"))
    zone: ZoneInfo = field(default_factory=lambda: ZoneInfo(str(option_default("timezone"))))
    drafts: DraftPolicy = "skip"
    uploads: Path | None = None
    force: bool = False
    comments: bool = False
    """Write each post's approved comments into its front matter (`comments_archive`)."""
    excerpt_separator: str = str(option_default("excerpt_separator"))
    post_url_format: str = str(option_default("post_url_format"))
    slug_max_length: int = int(str(option_default("post_slug_max_length")))
    site_url: str | None = None
    category_url_format: str = str(option_default("category_url_format"))
    archive_url_format: str = str(option_default("archive_url_format"))
    archive_month_url_format: str = str(option_default("archive_month_url_format"))
    categories: bool = bool(option_default("categories"))
    archive: bool = bool(option_default("archive"))
    archive_months: bool = bool(option_default("archive_months"))
    tag_url_format: str = str(option_default("tag_url_format"))
    tags: bool = bool(option_default("tags"))
    author_url_format: str = str(option_default("author_url_format"))
    authors_profiles: bool = bool(option_default("authors_profiles"))
    author_feeds: bool = bool(option_default("author_feeds"))
    feeds: bool = bool(option_default("feeds"))
    feed_formats: tuple[str, ...] = tuple(cast("list[str]", option_default("feed_formats")))
    category_feeds: bool = bool(option_default("category_feeds"))
    tag_feeds: bool = bool(option_default("tag_feeds"))
    term_feed_formats: tuple[str, ...] = tuple(
        cast("list[str]", option_default("term_feed_formats"))
    )

    @property
    def formats(self) -> ArchiveFormats:
        return ArchiveFormats(
            blog_dir=self.blog_dir,
            category_url_format=self.category_url_format,
            archive_url_format=self.archive_url_format,
            archive_month_url_format=self.archive_month_url_format,
            categories=self.categories,
            archive=self.archive,
            archive_months=self.archive_months,
            tag_url_format=self.tag_url_format,
            tags=self.tags,
            feeds=self.feeds,
            feed_formats=self.feed_formats,
            category_feeds=self.category_feeds,
            tag_feeds=self.tag_feeds,
            term_feed_formats=self.term_feed_formats,
        )

    @property
    def posts_dir(self) -> Path:
        return self.docs_dir.joinpath(*self.blog_dir.split("/"), "posts")


@dataclass
class ImportReport:
    """What an import did, for the summary."""

    posts_dir: Path
    files: ImportFiles
    """Where the files went, which were kept, and the manifest."""
    written: list[Path] = field(default_factory=list)
    drafts: int = 0
    """Of the written posts, those marked `draft: true`."""
    skipped: Counter[str] = field(default_factory=Counter)
    """Posts not written, by reason."""
    media: MediaTally = field(default_factory=MediaTally)
    unconverted: list[tuple[str, str]] = field(default_factory=list)
    """(`file:line`, the shortcode or block left marked there)."""
    notes: list[tuple[str, str]] = field(default_factory=list)
    """(post, problem) for what the author should look at."""
    redirects: dict[str, str] = field(default_factory=dict)
    """Old page path -> new post source, relative to `docs_dir`."""
    pages: PagePlan = field(default_factory=PagePlan)
    pages_written: list[Path] = field(default_factory=list)
    category_pages: list[Path] = field(default_factory=list)
    """Intro pages written for categories with a description."""
    authors_file: Path | None = None
    """The authors file written (`<blog_dir>/.authors.yml`), if any."""
    comments: CommentTally = field(default_factory=CommentTally)
    pinned: int = 0
    """Of the written posts, WordPress's sticky ones, now `pin: true`."""
    redirect_kinds: Counter[str] = field(default_factory=Counter)
    """Old addresses redirected, by kind (posts, pages, categories, dates, feed)."""
    page_nav: str = ""
    """The `nav:` snippet for `mkdocs.yml` that orders the pages as WordPress's menu did."""
    unsafe: list[tuple[str, str]] = field(default_factory=list)
    """(post, address) of links and images left as text: their scheme could run a script."""
    refused: list[str] = field(default_factory=list)
    """Paths not written, as symbolic links or not folders, each a message naming it."""


@dataclass
class _PlannedPost:
    item: Item
    slug: str
    title: str
    date: dt.datetime
    draft: bool

    @property
    def file_name(self) -> str:
        return f"{self.slug}.md"


def import_export(
    export: Export, options: ImportOptions, progress: Progress = no_progress
) -> ImportReport:
    """Write the posts of `export` into `options.posts_dir`, with their uploads and redirects."""
    files = ImportFiles(options.docs_dir, options.posts_dir, options.force)
    report = ImportReport(options.posts_dir, files)
    try:
        files.check_folder(options.posts_dir)
    except UnsafePath:
        pass  # Refused post by post.
    else:
        remove_leftovers(options.posts_dir)
    planned = _plan(export, options, report)
    report.pages = plan_pages(
        export.items,
        {"index": "the site's home page", options.blog_dir: "the blog's index"},
    )
    importer = _Importer(export, options, report, planned)
    try:
        for post in progress(planned):
            importer.import_post(post)
        for page in report.pages.all_pages():
            importer.import_page(page)
        importer.write_category_pages()
        importer.write_authors_file()
        importer.add_archive_redirects()
        importer.drop_redirects_over_pages()
        if report.pages_written:
            report.page_nav = nav_snippet(report.pages, options.blog_dir)
    finally:
        files.save_manifest()
    return report


def _plan(export: Export, options: ImportOptions, report: ImportReport) -> list[_PlannedPost]:
    """The posts to import, in export order, each with a unique slug and a date."""
    planned: list[_PlannedPost] = []
    used_slugs: set[str] = set()
    slug_numbers: dict[str, int] = {}
    for item in export.items:
        if item.post_type != "post":
            continue
        status = "private" if item.status == "publish" and item.password else item.status
        draft = status != "publish"
        if status in SKIPPED_STATUSES or (draft and status not in DRAFT_STATUSES):
            report.skipped[SKIPPED_STATUSES.get(status, f"status '{status}'")] += 1
            continue
        if draft and options.drafts == "skip":
            reason = DRAFT_STATUSES[status]
            report.skipped["password-protected" if item.password else reason] += 1
            continue
        title = post_title(item)
        try:
            date = post_moment(item, options.zone)
        except DateOutOfRange as error:
            report.skipped["date out of range"] += 1
            report.notes.append((shorten(title), f"{error}; not imported"))
            continue
        if date is None:
            report.skipped["no date"] += 1
            report.notes.append((shorten(title), "has no valid date in the export; not imported"))
            continue
        slug = unique_slug(slug_source(item, title), used_slugs, slug_numbers)
        planned.append(_PlannedPost(item, slug, title, date, draft))
    return planned


class _Importer:
    def __init__(
        self,
        export: Export,
        options: ImportOptions,
        report: ImportReport,
        planned: list[_PlannedPost],
    ) -> None:
        self.export = export
        self.options = options
        self.report = report
        site_urls = [export.home_url, export.base_site_url, export.link]
        self.uploads = Uploads(options.uploads, site_urls)
        self.site_hosts = self.uploads.hosts
        self.attachments = {
            item.post_id: item for item in export.items if item.post_type == "attachment"
        }
        self.categories: dict[tuple[str, str], str] = {}
        self.spellings = TermSpellings()
        self.category_nicenames: dict[str, str] = {}
        """The nicenames of the written posts' categories -> their full names (several
        nicenames may be one category here: `news` and `news-2`)."""
        self.used_categories: dict[str, str] = {}
        """Full names of the written posts' categories -> their WordPress nicename."""
        self.published_dates: list[dt.datetime] = []
        self.used_tags: dict[str, str] = {}
        """Tags of the written posts, by their WordPress nicename."""
        self.redirect_kind: dict[str, str] = {}
        """The kind of each redirect (posts, pages, ...), by old address."""
        self.post_addresses: set[str] = set()
        """Where the blog publishes each imported post (`blog/2024/02/01/hello`)."""
        self.used_authors: dict[str, str] = {}
        """The written posts' authors: login -> display name."""
        self.attached: dict[str, list[Item]] = {}
        for attachment in sorted(self.attachments.values(), key=lambda item: item.menu_order):
            self.attached.setdefault(attachment.post_parent, []).append(attachment)
        # Links between posts lead to the new files, where the target is published.
        self.post_files: dict[str, str] = {}
        for post in planned:
            if post.draft:
                continue
            for url in (post.item.link, post.item.guid):
                key = self.link_key(url)
                if key is not None:
                    self.post_files.setdefault(key, post.file_name)

    def import_post(self, post: _PlannedPost) -> None:
        """Write one post; what goes wrong with it is noted and the import goes on."""
        target = self.options.posts_dir / post.file_name
        label = str(target)
        try:
            self._write_post(post, target, label)
        except UnsafePath as error:
            self.report.refused.append(str(error))
            self.report.skipped["not written (see above)"] += 1
            return
        except RecursionError:
            self.report.notes.append((label, "too deeply nested to convert; not imported"))
            self.report.skipped["could not be converted"] += 1
            return
        except OSError as error:
            where = shorten(str(error.filename)) + ": " if error.filename else ""
            problem = error.strerror or str(error)
            self.report.notes.append((label, f"{where}{problem}; not imported"))
            self.report.skipped["could not be written"] += 1
            return
        if not post.draft:
            self._add_redirect(post, label)

    def import_page(self, page: PlannedPage) -> None:
        """Write one page beside the blog; what goes wrong with it is noted, as for posts."""
        target = self.options.docs_dir.joinpath(*page.path.split("/"))
        label = str(target)
        files = self.report.files
        try:
            files.check(target)
            if files.exists(target) and not self.options.force:
                self.report.notes.append((label, "page exists; not imported (--force overwrites)"))
                return
            if files.exists(target) and not files.may_overwrite(target):
                files.kept.append(target)
                return
            media = PostMedia(
                self.uploads,
                target.parent / target.stem,
                label,
                self.report.media,
                force=self.options.force,
                files=files,
            )
            body = convert_body(
                page.item.content,
                links=_PostLinks(self, media, from_blog=False),
                galleries=lambda ids: self._gallery(page.item, ids),
                excerpt_separator=self.options.excerpt_separator,
            )
            self.report.unsafe += [(label, url) for url in body.unsafe]
            self.report.notes += [(label, note) for note in body.notes]
            front_matter: dict[str, Any] = {"title": page.title}
            page_id = wordpress_item_id(page.item.post_id)
            if page_id is not None:
                front_matter["wordpress_id"] = page_id
            description = html_to_text(page.item.excerpt)
            if description:
                front_matter["description"] = description
            text = render_post(front_matter, body.markdown)
            if files.write(target, text.encode("utf-8")) == "written":
                self.report.pages_written.append(target)
                self._note_unconverted(label, body.unconverted, text)
        except UnsafePath as error:
            self.report.refused.append(str(error))
            return
        except RecursionError:
            self.report.notes.append((label, "too deeply nested to convert; not imported"))
            return
        except OSError as error:
            where = shorten(str(error.filename)) + ": " if error.filename else ""
            self.report.notes.append((label, f"{where}{error.strerror or error}; not imported"))
            return
        self._add_page_redirect(page, label)

    def _add_page_redirect(self, page: PlannedPage, label: str) -> None:
        """Redirect the page's old address where MkDocs publishes it elsewhere."""
        if not page.item.link or has_control_characters(page.item.link):
            return
        old_path = old_page_path(page.item.link, self.export.home_url)
        if old_path is None or old_page_url(old_path) == page.stem:
            return  # No address a static site can serve, or the same one as before.
        self._redirect(old_path, page.path, "pages")

    def _redirect(self, old_path: str, target: str, kind: str) -> None:
        if old_path not in self.report.redirects:
            self.report.redirects[old_path] = target
            self.report.redirect_kinds[kind] += 1
            self.redirect_kind[old_path] = kind

    def write_authors_file(self) -> None:
        """`<blog_dir>/.authors.yml` naming the written posts' authors; an edited one is kept."""
        if not self.used_authors:
            return
        target = authors_file_target(self.options.docs_dir, self.options.blog_dir)
        files = self.report.files
        try:
            files.check(target)
            if files.exists(target) and not (self.options.force and files.may_overwrite(target)):
                files.kept.append(target)
                return
            text = authors_file_source(self.used_authors)
            if files.write(target, text.encode("utf-8")) == "written":
                self.report.authors_file = target
        except UnsafePath as error:
            self.report.refused.append(str(error))
        except OSError as error:
            self.report.notes.append((str(target), f"{error.strerror or error}; not written"))

    def write_category_pages(self) -> None:
        """An intro page for each category of the written posts that WordPress describes."""
        definitions = self.export.categories
        formats = self.options.formats
        if not formats.categories:
            return
        for full_name, nicename in sorted(self.used_categories.items()):
            definition = definitions.get(nicename)
            description = html_to_inline_markdown(definition.description) if definition else ""
            if not description.strip():
                continue
            source = category_page_source(formats, full_name)
            target = self.options.docs_dir.joinpath(*source.split("/"))
            files = self.report.files
            label = str(target)
            try:
                files.check(target)
                if files.exists(target) and not (
                    self.options.force and files.may_overwrite(target)
                ):
                    files.kept.append(target)
                    continue
                text = render_post({"title": full_name.split("/")[-1]}, description + "\n")
                if files.write(target, text.encode("utf-8")) == "written":
                    self.report.category_pages.append(target)
            except UnsafePath as error:
                self.report.refused.append(str(error))
            except OSError as error:
                self.report.notes.append((label, f"{error.strerror or error}; not written"))

    def add_archive_redirects(self) -> None:
        """Redirects for WordPress's category, tag, date, author and feed addresses."""
        formats = self.options.formats
        if formats.categories:
            for nicename, full_name in sorted(self.category_nicenames.items()):
                old_path = old_category_path(nicename, self.export.categories)
                if old_path is None:
                    self.report.notes.append(
                        (f"category {shorten(full_name)}", "its old address cannot be a folder "
                         f"({shorten(nicename)}); not redirected")
                    )  # fmt: skip
                    continue
                source = category_page_source(formats, full_name)
                self._redirect(old_path, source, "categories")
                site_url = self.options.site_url
                for old_feed, feed in term_feed_redirect(
                    site_url, formats, old_path, source, "category"
                ).items():
                    self._redirect(old_feed, feed, "feeds")
        if formats.tags:
            for nicename, name in sorted(self.used_tags.items()):
                target = tag_page_source(formats, name)
                segment = redirect_segment(nicename)
                if segment is None:
                    self.report.notes.append(
                        (f"tag {shorten(name)}", "its old address cannot be a folder "
                         f"({shorten(nicename)}); not redirected")
                    )  # fmt: skip
                else:
                    old_path = f"tag/{segment}/index.md"
                    self._redirect(old_path, target, "tags")
                    for old_feed, feed in term_feed_redirect(
                        self.options.site_url, formats, old_path, target, "tag"
                    ).items():
                        self._redirect(old_feed, feed, "feeds")
        for old_path, target in date_redirects(formats, self.published_dates).items():
            self._redirect(old_path, target, "dates")
        for old_path, target in feed_redirect(self.options.site_url, formats).items():
            self._redirect(old_path, target, "feeds")
        if self.options.authors_profiles:
            authors = author_redirects(
                self.used_authors,
                formats.blog_dir,
                self.options.author_url_format,
                self.options.site_url,
                feed_file(formats.term_feed_formats)
                if formats.feeds and self.options.author_feeds
                else None,
            )
            for old_path, target in authors.items():
                self._redirect(old_path, target, "authors")

    def drop_redirects_over_pages(self) -> None:
        """No redirect where a page of the site is now: mkdocs-redirects would write over it.
        The pages are the files of docs_dir, the imported posts at their new addresses, and the
        pages the blog makes that redirects lead to (categories, tags, archives, authors)."""
        docs_dir = self.options.docs_dir
        sources = [
            path.relative_to(docs_dir).as_posix()
            for path in docs_dir.rglob("*.md")
            if not any(part.startswith(".") for part in path.relative_to(docs_dir).parts)
        ]
        posts_dir = f"{self.options.blog_dir}/posts/"
        sources += [
            target
            for target in self.report.redirects.values()
            if target.endswith(".md") and not target.startswith(posts_dir)
        ]
        served = redirects_over_pages(self.report.redirects, sources, self.post_addresses)
        for old_path in served:
            target = self.report.redirects.pop(old_path)
            self.report.redirect_kinds[self.redirect_kind[old_path]] -= 1
            self.report.notes.append(
                (f"/{old_page_url(old_path)}/", f"a page of the site is at this old address "
                 f"now; not redirected to {shorten(target)}")
            )  # fmt: skip

    def _write_post(self, post: _PlannedPost, target: Path, label: str) -> None:
        """Write the post, unless its file is there and not the importer's to overwrite."""
        options = self.options
        files = self.report.files
        files.check(target)
        if files.exists(target):
            if not options.force:
                self.report.skipped["already exists (--force overwrites)"] += 1
                return
            if not files.may_overwrite(target):
                files.kept.append(target)
                self.report.skipped["kept (see above)"] += 1
                return
        media = PostMedia(
            self.uploads,
            options.posts_dir / post.slug,
            label,
            self.report.media,
            force=options.force,
            files=files,
        )
        body = convert_body(
            post.item.content,
            links=_PostLinks(self, media),
            galleries=lambda ids: self._gallery(post.item, ids),
            excerpt_separator=options.excerpt_separator,
        )
        self.report.unsafe += [(label, url) for url in body.unsafe]
        self.report.notes += [(label, note) for note in body.notes]
        front_matter = self._front_matter(post, media, label)
        text = render_post(front_matter, body.markdown)
        if files.write(target, text.encode("utf-8")) != "written":
            return
        self.report.written.append(target)
        self._note_unconverted(label, body.unconverted, text)
        if post.draft:
            self.report.drafts += 1
            return
        self.published_dates.append(post.date)
        if front_matter.get("pin"):
            self.report.pinned += 1
        for term in post.item.terms:
            tag = self.spellings.tag(term.name) if term.domain == "post_tag" else None
            if tag is not None and term.nicename and tag in front_matter.get("tags", ()):
                self.used_tags.setdefault(term.nicename, tag)
            if term.domain == "category" and term.nicename != DEFAULT_CATEGORY and term.name:
                full_name = self._category(term.nicename, term.name)
                self.used_categories.setdefault(full_name, term.nicename)
                self.category_nicenames.setdefault(term.nicename, full_name)

    def _front_matter(self, post: _PlannedPost, media: PostMedia, label: str) -> dict[str, Any]:
        item = post.item
        meta: dict[str, Any] = {"title": post.title, "date": post.date.isoformat()}
        updated = modified_moment(item, self.options.zone)
        if updated is not None and updated > post.date:
            meta["updated"] = updated.isoformat()
        meta["slug"] = post.slug
        description = html_to_text(item.excerpt)
        if description:
            meta["description"] = description
        categories = [
            self._category(term.nicename, term.name)
            for term in item.terms
            if term.domain == "category" and term.nicename != DEFAULT_CATEGORY and term.name
        ]
        if categories:
            meta["categories"] = self._at_most(list(dict.fromkeys(categories)), "categories", label)
        tags = [self.spellings.tag(t.name) for t in item.terms if t.domain == "post_tag"]
        if any(tags):
            names = list(dict.fromkeys(tag for tag in tags if tag))
            meta["tags"] = self._at_most(names, "tags", label)
        if item.creator:
            author = self.export.authors.get(item.creator)
            # The login is the post's author id in the authors file, which has the name.
            self.used_authors[item.creator] = author.display_name if author else item.creator
            meta["authors"] = [item.creator]
        image = self._featured_image(item, media, label)
        if image is not None:
            meta["image"] = image
        if item.is_sticky and not post.draft:
            meta["pin"] = True
        if self.options.comments and item.comments:
            archive = archived_comments(item.comments, self.options.zone, self.report.comments)
            if archive:
                meta["comments_archive"] = archive
        if post.draft:
            meta["draft"] = True
        wordpress_id = wordpress_item_id(item.post_id)
        if wordpress_id is not None:
            meta["wordpress_id"] = wordpress_id  # `?p=<id>` leads here (see docs/wordpress.md)
        return meta

    def _note_unconverted(self, label: str, names: tuple[str, ...], text: str) -> None:
        """Each shortcode and block left marked in a written file, with its line."""
        if not names:
            return
        marks = unconverted_lines(text)
        if marks:
            self.report.unconverted += [(f"{label}:{line}", code) for line, code in marks]
        else:
            self.report.unconverted += [(label, name) for name in dict.fromkeys(names)]

    def _at_most(self, names: list[str], key: str, label: str) -> list[str]:
        """The first `MAX_NAMES` of a post's categories or tags, the most the blog takes."""
        if len(names) > MAX_NAMES:
            self.report.notes.append(
                (label, f"has {len(names):,} {key}; the first {MAX_NAMES} are kept")
            )
        return names[:MAX_NAMES]

    def _category(self, nicename: str, name: str) -> str:
        key = (nicename, name)
        if key not in self.categories:
            path = category_path(nicename, name, self.export.categories)
            self.categories[key] = self.spellings.category(path)
        return self.categories[key]

    def _featured_image(self, item: Item, media: PostMedia, label: str) -> Any:
        thumbnail_id = item.meta.get("_thumbnail_id", "").strip()
        if not thumbnail_id:
            return None
        attachment = self.attachments.get(thumbnail_id)
        if attachment is None or not attachment.attachment_url:
            self.report.notes.append(
                (label, f"featured image (attachment {thumbnail_id}) is not in the export; "
                 "export 'All content' to include media")
            )  # fmt: skip
            return None
        url = attachment.attachment_url
        placed = media.place(url)
        if placed is not None and placed.path is not None:
            location = placed.path
        elif url.startswith("https://"):
            location = url
        else:
            self.report.notes.append(
                (label, f"featured image {shorten(url)} was not found and is not an https:// URL; "
                 "left out")
            )  # fmt: skip
            return None
        alt = " ".join(attachment.meta.get("_wp_attachment_image_alt", "").split())
        caption = html_to_inline_markdown(attachment.excerpt) if attachment.excerpt else ""
        if not alt:
            self.report.notes.append(
                (label, "featured image has no alt text in WordPress; add 'alt' under 'image'")
            )
        if not alt and not caption:
            return location
        image: dict[str, str] = {"path": location}
        if alt:
            image["alt"] = alt
        if caption:
            image["caption"] = caption
        return image

    def _gallery(self, item: Item, ids: list[str] | None) -> list[GalleryImage]:
        if ids is None:
            attachments = self.attached.get(item.post_id, [])
        else:
            attachments = [self.attachments[i] for i in ids if i in self.attachments]
        return [
            GalleryImage(
                url=attachment.attachment_url,
                alt=" ".join(attachment.meta.get("_wp_attachment_image_alt", "").split()),
                caption=attachment.excerpt.strip(),
            )
            for attachment in attachments
            if posixpath.splitext(urlsplit(attachment.attachment_url).path)[1].lower()
            in _IMAGE_SUFFIXES
        ]

    def _add_redirect(self, post: _PlannedPost, label: str) -> None:
        new_address = self._post_address(post)
        if not post.item.link:
            return
        link = shorten(post.item.link)
        if has_control_characters(post.item.link):
            self.report.notes.append(
                (label, f"old address {link} has control characters; not redirected")
            )
            return
        old_path = old_page_path(post.item.link, self.export.home_url)
        if old_path is None:
            self.report.notes.append(
                (label, f"old address {link} cannot be redirected by a static site")
            )
            return
        if new_address is not None and old_page_url(old_path) == new_address:
            return  # Same address as before: a redirect would replace the post itself.
        self._redirect(old_path, f"{self.options.blog_dir}/posts/{post.file_name}", "posts")

    def _post_address(self, post: _PlannedPost) -> str | None:
        """Where the blog publishes the post, noted in `post_addresses`; None for a pattern the
        plugin will refuse when the site builds."""
        options = self.options
        try:
            new_url = post_path(
                options.post_url_format, post.date, make_slug(post.slug, options.slug_max_length)
            )
        except (KeyError, IndexError, ValueError):
            return None
        address = f"{options.blog_dir}/{new_url.strip('/')}"
        self.post_addresses.add(address)
        return address

    def link_key(self, url: str) -> str | None:
        """What identifies a link to a post of the exported site, whatever its scheme."""
        parts = urlsplit(url.strip())
        host = site_host(parts.netloc)
        if parts.scheme not in ("http", "https") or host not in self.site_hosts:
            return None
        post_id = parse_qs(parts.query).get("p")
        if post_id:
            return f"{host}?p={post_id[0]}"
        return f"{host}{unquote(parts.path).rstrip('/')}"


class _PostLinks:
    """The links of one post body: uploads copied beside it, other posts by their file."""

    def __init__(self, importer: _Importer, media: PostMedia, *, from_blog: bool = True) -> None:
        self.importer = importer
        self.media = media
        self.from_blog = from_blog
        """The body is a post's, beside the other posts (a page's links to posts keep the
        old address, which redirects)."""

    def image(self, url: str) -> str:
        return self.media.body_link(url)

    def link(self, url: str) -> str:
        key = self.importer.link_key(url)
        if self.from_blog and key is not None and key in self.importer.post_files:
            fragment = urlsplit(url).fragment
            return self.importer.post_files[key] + (f"#{fragment}" if fragment else "")
        return self.media.body_link(url)
