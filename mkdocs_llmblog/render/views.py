"""What the templates are given: plain data made for one page, author text still unescaped."""

from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass, field

from mkdocs.structure.files import File

from mkdocs_llmblog.i18n.dates import DateFormatter
from mkdocs_llmblog.layout.categories import sort_categories
from mkdocs_llmblog.layout.page_numbers import page_window
from mkdocs_llmblog.model import (
    ArchivePeriod,
    Blog,
    Category,
    FeaturedImage,
    ImageCandidate,
    Listing,
    ListPage,
    Post,
    PostDate,
    tag_key,
)
from mkdocs_llmblog.render.authors import AuthorView, author_view, post_authors
from mkdocs_llmblog.render.markers import localize, relative_url


@dataclass(frozen=True)
class DateView:
    """A date as `<time datetime="{iso}">{text}</time>`."""

    iso: str
    text: str


@dataclass(frozen=True)
class LinkView:
    """A link to a blog page; `url` is None where that page is not published."""

    title: str
    url: str | None
    current: bool = False
    """The link leads to the page that shows it (`aria-current="page"`)."""


@dataclass(frozen=True)
class TreeItemView:
    """An entry of a widget: a link, its number of posts, and nested entries."""

    link: LinkView
    count: int
    children: list[TreeItemView]


@dataclass(frozen=True)
class TagItemView:
    """A tag in the tags widget or the page of all tags: its link, count and size (1 to 5)."""

    link: LinkView
    count: int
    size: int
    """1 for the least used tags, 5 for the most used (a cloud's steps)."""


@dataclass(frozen=True)
class ImageView:
    """A featured image as one page shows it; URLs relative to that page."""

    alt: str
    caption_html: str | None
    """Trusted HTML (inline Markdown, author HTML escaped)."""
    src: str
    width: int | None
    height: int | None
    srcset: str
    sizes: str
    thumb_src: str
    thumb_width: int | None
    thumb_height: int | None
    thumb_srcset: str
    from_content: bool
    """The image comes from the post's body, which shows it: no figure on the post page."""


@dataclass(frozen=True)
class PostView:
    """A post as one page shows it: its own page, or a card in a list."""

    title: str
    url: str
    """Relative to the page that shows it."""
    card_title: str
    """The title its card shows: `title`, or under Material's rules the post's own heading
    where it has one besides front matter's title, as Material's excerpts show."""
    anchor: str
    """The `id` of the post's card title, for a list's table of contents (Material's
    `blog_toc`)."""
    heading: str
    """The post page's heading: the body's own `# heading` where front matter has a `title`."""
    date: DateView
    updated: DateView | None
    categories: tuple[LinkView, ...]
    tags: tuple[str, ...]
    tag_links: tuple[LinkView, ...]
    """Each tag with its page, as first written; `url` None where tag pages are off."""
    card_tags: tuple[LinkView, ...]
    """The tags a card shows (`tags_on_cards`), else none."""
    authors: tuple[str, ...]
    reading_time: str | None
    draft: bool
    """Shown with the draft mark (a draft, or a scheduled post, in `mkdocs serve`)."""
    draft_label: str
    """"Draft" or "Scheduled"."""
    pinned: bool
    """`pin: true`: marked on cards, where it comes first."""
    excerpt_html: str
    """Trusted HTML (rendered Markdown), links already relative to the page that shows it."""
    has_more: bool
    image: ImageView | None
    author_profiles: tuple[AuthorView, ...] = ()
    """The post's authors of the authors file (empty without one: `authors` shows the names)."""
    card_authors: tuple[AuthorView, ...] = ()
    """The first `post_excerpt_max_authors` of them, for cards."""
    card_categories: tuple[LinkView, ...] | None = None
    """The first `post_excerpt_max_categories` categories, for cards; None for all."""


@dataclass(frozen=True)
class PostLinkView:
    """A post in a short list (recent, related, previous/next): title, date, small image."""

    title: str
    url: str
    date: DateView
    current: bool
    """The post is the page that shows the list (`aria-current="page"`)."""
    image: ImageView | None
    draft: bool
    """Shown with the draft mark (in `mkdocs serve`)."""
    draft_label: str


@dataclass(frozen=True)
class PostNavView:
    """Links to the previous (older) and next (newer) post."""

    older: PostLinkView | None
    newer: PostLinkView | None


@dataclass(frozen=True)
class PageNumberView:
    """One entry of the numbered links between the pages of a list."""

    number: int | None
    """None for a gap of pages not linked (shown as an ellipsis)."""
    url: str | None
    """None for the page being shown, and for a gap."""
    current: bool


@dataclass(frozen=True)
class PaginationView:
    """Links between the pages of a list."""

    number: int
    total: int
    newer_url: str | None
    older_url: str | None
    status: str
    """E.g. "Page 2 of 5"."""
    numbers: list[PageNumberView] = field(default_factory=list)
    """The first and last page, and those around this one (`1 ... 4 5 6 ... 9`)."""


@dataclass(frozen=True)
class ListView:
    """A page of a post list."""

    kind: str
    """`index`, `category` or `archive`."""
    kind_label: str | None
    """E.g. "Category" above a category's name; None for the blog index."""
    title: str
    trail: list[LinkView]
    """Links to the pages above this list: the blog index, then parent categories."""
    cards: list[str]
    """Each post's card, rendered from `llmblog/partials/post-card.html` (trusted HTML)."""
    pagination: PaginationView | None
    author: AuthorView | None = None
    """On an author's page: the profile shown on top."""


def cloud_size(count: int, low: int, high: int, steps: int = 5) -> int:
    """A tag's size in a cloud, 1 to `steps`, by where its count lies between `low` and `high`
    on a logarithmic scale (a few very common tags do not flatten all others)."""
    if high <= low:
        return (steps + 1) // 2
    position = (math.log(count) - math.log(low)) / (math.log(high) - math.log(low))
    return 1 + min(steps - 1, int(position * steps))


def recent_candidates(blog: Blog, category: str | None, tag: str | None) -> list[Post]:
    """The posts, newest first, of a category and with a tag (either may be None)."""
    posts: list[Post] = blog.published
    if category is not None:
        node = blog.categories.by_name.get(category)
        posts = node.posts if node else []
    if tag is not None:
        found = blog.tags.get(tag_key(tag))
        tagged = {id(post) for post in found.posts} if found else set()
        posts = [post for post in posts if id(post) in tagged]
    return posts


class ViewMaker:
    """Makes template data for the pages of one build."""

    def __init__(
        self,
        blog: Blog,
        dates: DateFormatter,
        labels: dict[str, str],
        reading_time: bool,
        image_sizes: str,
        *,
        tags_on_cards: bool = False,
        tags_index_file: File | None = None,
        max_card_authors: int = 1,
        max_card_categories: int | None = None,
        show_authors: bool = True,
        author_box: bool = True,
        pages_around: int = 2,
        pagination_if_single_page: bool = False,
        heading_on_cards: bool = False,
    ) -> None:
        self.blog = blog
        self.dates = dates
        self.labels = labels
        self.reading_time = reading_time
        self.image_sizes = image_sizes
        self.date_views: dict[PostDate, DateView] = {}
        self.tags_on_cards = tags_on_cards
        self.tags_index_file = tags_index_file
        """The page of all tags, where the blog has one."""
        self.max_card_authors = max_card_authors
        self.max_card_categories = max_card_categories
        """Material's `post_excerpt_max_categories`: None shows every category on cards."""
        self.show_authors = show_authors
        """Material's `authors: false` shows no authors anywhere."""
        """`post_excerpt_max_authors`."""
        self.author_box = author_box
        """`author_box`: "About the author" after each post's body."""
        self.pages_around = pages_around
        self.pagination_if_single_page = pagination_if_single_page
        self.heading_on_cards = heading_on_cards
        """Material's rules: cards titled by the post's own heading."""
        """Material's option: page links on a list of one page too."""
        """Page numbers shown either side of the current page (Material's `~2~`)."""

    def image(self, image: FeaturedImage, page_url: str) -> ImageView:
        """A featured image with its URLs made relative to the page at `page_url`."""

        def url(candidate: ImageCandidate) -> str:
            return relative_url(candidate.url, page_url) if candidate.local else candidate.url

        def srcset(candidates: tuple[ImageCandidate, ...]) -> str:
            return ", ".join(f"{url(c)} {c.width}w" for c in candidates if c.width)

        return ImageView(
            alt=image.alt,
            caption_html=image.caption_html,
            src=url(image.main),
            width=image.main.width,
            height=image.main.height,
            srcset=srcset(image.srcset) if len(image.srcset) > 1 else "",
            sizes=self.image_sizes,
            thumb_src=url(image.thumb),
            thumb_width=image.thumb.width,
            thumb_height=image.thumb.height,
            thumb_srcset=srcset(image.thumb_srcset) if len(image.thumb_srcset) > 1 else "",
            from_content=image.from_content,
        )

    def date(self, date: PostDate) -> DateView:
        view = self.date_views.get(date)
        if view is None:
            view = self.date_views[date] = DateView(date.isoformat(), self.dates.long(date))
        return view

    def post(self, post: Post, page_url: str) -> PostView:
        """A post as the page at `page_url` shows it."""
        excerpt = self.blog.excerpts.get(post.src_uri)
        image = self.blog.images.get(post.src_uri)
        return PostView(
            title=post.title,
            url=relative_url(self.blog.post_urls[post.src_uri], page_url),
            card_title=(post.page_heading if self.heading_on_cards else None) or post.title,
            anchor=card_anchor(post),
            heading=post.page_heading or post.title,
            date=self.date(post.date),
            updated=self.date(post.updated) if post.updated else None,
            categories=(
                categories := tuple(self.category_link(name, page_url) for name in post.categories)
            ),
            card_categories=None
            if self.max_card_categories is None
            else categories[: self.max_card_categories],
            tags=post.tags,
            tag_links=(tag_links := tuple(self.tag_link(name, page_url) for name in post.tags)),
            card_tags=tag_links if self.tags_on_cards else (),
            authors=post.authors if self.show_authors else (),
            reading_time=self._reading_time(post),
            draft=post.src_uri in self.blog.draft_marks,
            draft_label=self.labels[self.blog.draft_marks.get(post.src_uri, "draft")],
            pinned=post.pinned,
            excerpt_html=localize(excerpt.html, page_url) if excerpt else "",
            has_more=excerpt.has_more if excerpt else True,
            image=self.image(image, page_url) if image else None,
            author_profiles=(
                profiles := post_authors(self.blog, post.authors, page_url)
                if self.show_authors
                else ()
            ),
            card_authors=profiles[: self.max_card_authors],
        )

    def _reading_time(self, post: Post) -> str | None:
        if not self.reading_time:
            return None
        minutes = self.blog.reading_minutes.get(post.src_uri, 1)
        return self.labels["minutes_read"].format(minutes=minutes)

    def list_page(self, list_page: ListPage, page_url: str, cards: list[str]) -> ListView:
        """A page of a post list, its cards and its links to the other pages."""
        pagination = None
        if list_page.total > 1 or self.pagination_if_single_page:
            newer, older = list_page.previous, list_page.next
            pagination = PaginationView(
                number=list_page.number,
                total=list_page.total,
                newer_url=relative_url(newer.file.url, page_url) if newer else None,
                older_url=relative_url(older.file.url, page_url) if older else None,
                status=self.labels["page_n_of_m"].format(
                    page=list_page.number, pages=list_page.total
                ),
                numbers=[
                    PageNumberView(
                        number,
                        None
                        if number is None or number == list_page.number
                        else relative_url(list_page.listing.pages[number - 1].file.url, page_url),
                        number == list_page.number,
                    )
                    for number in page_window(list_page.number, list_page.total, self.pages_around)
                ],
            )
        listing = list_page.listing
        index = self.blog.index
        trail = [LinkView(index.title, self._url(index, page_url))] if index else []
        kind_label = None
        title = listing.title
        if listing.category is not None:
            kind_label = self.labels["category"]
            trail += [self.category_link(c.full_name, page_url) for c in listing.category.trail]
        elif listing.tag is not None:
            kind_label = self.labels["tag"]
            tags_index = self.tags_index_link(page_url)
            if tags_index is not None:
                trail.append(tags_index)
        elif listing.period is not None:
            kind_label = self.labels["archive"]
        elif listing.author is not None:
            kind_label = self.labels["author"]
        return ListView(
            kind=listing.kind,
            kind_label=kind_label,
            title=title,
            trail=trail if listing.kind != "index" else [],
            cards=cards,
            pagination=pagination,
            author=(
                author_view(self.blog, listing.author, page_url, with_bio=True, size=128)
                if listing.author is not None and list_page.number == 1
                else None
            ),
        )

    def _url(self, listing: Listing | None, page_url: str) -> str | None:
        if listing is None:
            return None
        return relative_url(listing.pages[0].file.url, page_url)

    def category_link(self, full_name: str, page_url: str) -> LinkView:
        """A link to a category's page (by full name), marked current on that page."""
        category = self.blog.categories.by_name.get(full_name)
        title = category.name if category else full_name
        listing = self.blog.category_listings.get(full_name)
        if listing is None:
            return LinkView(title, None)
        url = listing.pages[0].file.url
        return LinkView(title, relative_url(url, page_url), current=url == page_url)

    def tag_link(self, name: str, page_url: str) -> LinkView:
        """A link to a tag's page (any spelling of it), marked current on that page."""
        key = tag_key(name)
        tag = self.blog.tags.get(key)
        title = tag.name if tag else name
        listing = self.blog.tag_listings.get(key)
        if listing is None:
            return LinkView(title, None)
        url = listing.pages[0].file.url
        return LinkView(title, relative_url(url, page_url), current=url == page_url)

    def blog_trail(self, page_url: str) -> list[LinkView]:
        """The breadcrumb of a page under the blog: the blog index."""
        index = self.blog.index
        return [LinkView(index.title, self._url(index, page_url))] if index else []

    def tags_index_link(self, page_url: str) -> LinkView | None:
        """A link to the page of all tags, where there is one."""
        file = self.tags_index_file
        if file is None:
            return None
        return LinkView(
            self.labels["all_tags"], relative_url(file.url, page_url), file.url == page_url
        )

    def tag_items(self, page_url: str, limit: int | None) -> list[TagItemView]:
        """Tags by name with their counts and cloud sizes: the `limit` most used, or all."""
        tags = list(self.blog.tags.values())
        if limit is not None and len(tags) > limit:
            tags = sorted(tags, key=lambda tag: (-len(tag.posts), tag.name.casefold()))[:limit]
        if not tags:
            return []
        counts = [len(tag.posts) for tag in tags]
        low, high = min(counts), max(counts)
        return [
            TagItemView(
                self.tag_link(tag.name, page_url),
                len(tag.posts),
                cloud_size(len(tag.posts), low, high),
            )
            for tag in sorted(tags, key=lambda tag: tag.name.casefold())
        ]

    def post_link(self, post: Post, page_url: str) -> PostLinkView:
        """A post in a short list on the page at `page_url`."""
        url = self.blog.post_urls[post.src_uri]
        image = self.blog.images.get(post.src_uri)
        return PostLinkView(
            title=post.title,
            url=relative_url(url, page_url),
            date=self.date(post.date),
            current=url == page_url,
            image=self.image(image, page_url) if image else None,
            draft=post.src_uri in self.blog.draft_marks,
            draft_label=self.labels[self.blog.draft_marks.get(post.src_uri, "draft")],
        )

    def recent_posts(
        self,
        page_url: str,
        count: int,
        category: str | None,
        exclude_current: bool,
        tag: str | None = None,
    ) -> list[PostLinkView]:
        """The newest posts (of a category, with a tag), for the page at `page_url`."""
        candidates = recent_candidates(self.blog, category, tag)
        links: list[PostLinkView] = []
        for post in candidates:
            if len(links) == count:
                break
            if exclude_current and self.blog.post_urls[post.src_uri] == page_url:
                continue
            links.append(self.post_link(post, page_url))
        return links

    def post_nav(self, post: Post, page_url: str) -> PostNavView | None:
        neighbours = self.blog.neighbours.get(post.src_uri)
        if neighbours is None or not (neighbours.older or neighbours.newer):
            return None
        return PostNavView(
            older=self.post_link(neighbours.older, page_url) if neighbours.older else None,
            newer=self.post_link(neighbours.newer, page_url) if neighbours.newer else None,
        )

    def related(self, post: Post, page_url: str) -> list[PostLinkView]:
        return [
            self.post_link(other, page_url) for other in self.blog.related.get(post.src_uri, [])
        ]

    def categories_widget(
        self, page_url: str, by_count: bool, reverse: bool = False
    ) -> list[TreeItemView]:
        """The category tree with post counts, for the page at `page_url`."""

        def items(categories: list[Category]) -> list[TreeItemView]:
            return [
                TreeItemView(
                    self.category_link(category.full_name, page_url),
                    len(category.posts),
                    items(sort_categories(category.children, by_count, reverse)),
                )
                for category in sort_categories(categories, by_count, reverse)
            ]

        return items(self.blog.categories.roots)

    def archive_widget(self, page_url: str) -> list[TreeItemView]:
        """Years (and months) with post counts, newest first."""

        def item(period: ArchivePeriod) -> TreeItemView:
            listing = self.blog.archive_listings.get(period.key)
            url = self._url(listing, page_url)
            title = self.dates.period(period.year, period.month)
            current = listing is not None and listing.pages[0].file.url == page_url
            return TreeItemView(
                LinkView(title, url, current),
                len(period.posts),
                [item(month) for month in period.months],
            )

        return [item(year) for year in self.blog.archives]


def card_anchor(post: Post) -> str:
    """The `id` of a post's card title: the same on every list (`llmblog-post-hello-3f2a1b`)."""
    readable = re.sub(r"[^A-Za-z0-9_-]+", "-", post.slug).strip("-")[:40] or "post"
    digest = hashlib.sha1(post.src_uri.encode("utf-8"), usedforsecurity=False).hexdigest()[:6]
    return f"llmblog-post-{readable}-{digest}"
