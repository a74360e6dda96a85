"""The `llmblog` plugin: the MkDocs event hooks, and nothing else."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Literal
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_datetime
from mkdocs.utils.templates import TemplateContext

from mkdocs_llmblog.cache.folder import cache_root
from mkdocs_llmblog.cache.record import (
    blog_signature,
    config_file_hash,
    load_record,
    prepare_dirty_build,
    save_record,
    templates_stamp,
)
from mkdocs_llmblog.cards.planner import (
    CardPlan,
    CardPlanner,
    card_template,
    config_folder,
    drop_failed_cards,
)
from mkdocs_llmblog.config import LlmBlogConfig, docs_folder_name
from mkdocs_llmblog.config.material_formats import pagination_window
from mkdocs_llmblog.feeds.selection import posts_in_full_feeds
from mkdocs_llmblog.feeds.writer import FeedSettings, FeedWriter, is_feed_template
from mkdocs_llmblog.i18n.dates import DateFormatter
from mkdocs_llmblog.i18n.labels import labels_for
from mkdocs_llmblog.images.planner import (
    FeaturedImagePlan,
    FeaturedImagePlanner,
    finish_image_work,
    save_index,
    start_image_work,
)
from mkdocs_llmblog.layout import BuildMode, lay_out_blog
from mkdocs_llmblog.layout.instances import check_blog_dirs, page_owner, record_folder_name
from mkdocs_llmblog.layout.navigation import prune_posts
from mkdocs_llmblog.model import Blog, Excerpt, tag_key
from mkdocs_llmblog.render.compiled import keep_compiled_templates
from mkdocs_llmblog.render.embeds import Embed, EmbedError, find_embeds
from mkdocs_llmblog.render.excerpts import (
    describe,
    make_portable,
    reading_minutes,
    shortened_portable,
    split_content,
    text_for_reading,
)
from mkdocs_llmblog.render.markers import Slots, without_marks
from mkdocs_llmblog.render.renderer import PageRenderer, SiteFacts
from mkdocs_llmblog.render.templates import SCRIPT, STYLESHEET, TEMPLATES_DIR
from mkdocs_llmblog.render.titles import theme_text
from mkdocs_llmblog.render.views import ViewMaker
from mkdocs_llmblog.render.wordpress_ids import WordPressIds
from mkdocs_llmblog.sources.authors import authors_file_path, check_post_authors, read_authors
from mkdocs_llmblog.sources.discovery import read_posts
from mkdocs_llmblog.sources.markdown import find_first_heading, remove_line
from mkdocs_llmblog.themes.material import (
    WidgetPlacer,
    material_tags_plugin_on,
    write_feed_folder_sitemaps,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from mkdocs.livereload import LiveReloadServer

    from mkdocs_llmblog.images.pool import ImageWork

log = get_plugin_logger(__name__)

Command = Literal["build", "gh-deploy", "serve"]
LATEST_GZIP_DAY = "2106-02-06"
"""The last day a gzip header's 32-bit time stamp holds."""


class LlmBlogPlugin(BasePlugin[LlmBlogConfig]):
    """A blog for any MkDocs theme: posts, lists, featured images, widgets, feeds.

    The build map: each hook, its priority, what it does, and why there.

    | hook | priority | does | why there |
    | --- | --- | --- | --- |
    | `on_startup` | 0 | notes the command (`serve` shows drafts) and `--dirty` | the object lives across `mkdocs serve` rebuilds |
    | `on_config` | 0 | resets all build state; adds the template folder and stylesheet; picks labels and date formats | state never leaks between rebuilds |
    | `on_files` | 0 | `sources` reads every post once; `layout` gives posts and lists their URLs and generated files; `images` plans featured images and starts writing copies in other processes; a `--dirty` build reuses recorded excerpts | everything that must know all posts reads front matter here, before any page event |
    | `on_nav` | 0 | takes posts out of the navigation | the nav is rendered into every page |
    | `on_page_markdown` | 0 | titles posts safely for the theme; drops a heading that became the title; turns embed directives into slots | `page.meta` exists from here on |
    | `on_page_content` | -50 | cuts each post's excerpt, description and reading time out of its HTML; titles list pages safely for the theme | after other plugins changed the HTML, so the excerpt is what the post shows; a list's title from its rendered heading is known from here on |
    | `on_env` | 0 | makes the page renderer; sets the sitemap dates; waits for the image copies | static files are copied right after this event |
    | `on_page_context` | -50 | renders posts and lists into `page.content`, fills embeds, adds the widget slot | after the search plugins (priority 0) indexed the page's own text: chrome and excerpts stay out of the index |
    | `on_post_page` | 100 | replaces the widget slot with the widgets (and Material's sidebar copy) | before other plugins (minifiers) rewrite the markup the widgets are placed by |
    | `on_post_page` | -100 | adds head tags the theme lacks; gives the page its own content back | after other plugins (Material's social cards) wrote theirs |
    | `on_post_template` | 0 | puts a search hint and the newest posts on the theme's `404.html` | the 404 page is a theme template, with no page events |
    | `on_serve` | 0 | watches the share card template's file and fonts | they sit beside `mkdocs.yml`, which is all of its folder `mkdocs serve` watches |
    | `on_post_build` | -50 | writes the dirty-build record and the feeds | after other plugins' post_build, so nothing removes the feeds |
    """

    supports_multiple_instances = True
    """Several blogs in one site: see `layout.instances`."""

    def __init__(self) -> None:
        self.command: Command = "build"
        self.dirty = False
        self.reset()

    def reset(self) -> None:
        """Forget the previous build: `mkdocs serve` keeps this object between builds."""
        self.blog: Blog | None = None
        self.views: ViewMaker | None = None
        self.pages: PageRenderer | None = None
        self.labels: dict[str, str] = {}
        self.dates = DateFormatter("en")
        self.docs_name = "docs"
        self.slots = Slots()
        self.image_plan: FeaturedImagePlan | None = None
        self.image_work: ImageWork | None = None
        self.card_plan: CardPlan | None = None
        self.embeds_by_src: dict[str, list[Embed]] = {}
        self.page_widgets: frozenset[str] = frozenset()
        """The widgets of the page being built, from on_page_context to on_post_page."""
        self.env: jinja2.Environment | None = None
        self.language = "en"
        self.feed_src_uris: frozenset[str] = frozenset()
        self.post_bodies: dict[str, str] = {}
        """Rendered bodies of the posts whose full content goes into feeds."""
        self.signature = ""
        self.cache_dir = ""
        self.record_dir = ""
        """Where this blog's dirty-build record is kept (one per blog in a site of several)."""
        self.instances: list[LlmBlogPlugin] = [self]
        """The site's enabled `llmblog` instances, in `plugins:` order; the first is primary."""
        self.wordpress_ids: WordPressIds | None = None
        """Pages by WordPress id (`wordpress_id`), for `?p=<id>` on the home page."""
        self.published_urls: set[str] = set()

    def on_startup(self, *, command: Command, dirty: bool) -> None:
        # Defining on_startup keeps this object across `mkdocs serve` rebuilds: state is reset in
        # on_config, never kept between builds.
        self.command = command
        self.dirty = dirty

    def on_shutdown(self) -> None:
        # The object outlives `mkdocs serve`; a later build in the same process (a test runner,
        # a script calling mkdocs.commands.build) may not announce itself with on_startup.
        self.command = "build"
        self.dirty = False
        self._stop_image_work()

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[[], None]
    ) -> LiveReloadServer | None:
        # A change to the share card template's file or fonts rebuilds the site, as one to
        # mkdocs.yml does (the first build's plan names them; this runs once, after it).
        for path in self.card_plan.source_files if self.card_plan else ():
            if os.path.isfile(path):
                server.watch(path, recursive=False)
        return server

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self._stop_image_work()
        self.reset()
        if not self.config.enabled:
            return config
        self.instances = [
            plugin
            for plugin in config.plugins.values()
            if isinstance(plugin, LlmBlogPlugin) and plugin.config.enabled
        ] or [self]
        check_blog_dirs([instance.config.blog_dir for instance in self.instances])
        reason = self.config.resolve_compatibility(config.theme.name)
        if reason:
            log.info(
                f"Following Material's blog rules (slugs, defaults), as {reason}; set "
                "'compatibility: llmblog' for this plugin's own, 'compatibility: material' to "
                "keep Material's"
            )
        if TEMPLATES_DIR not in config.theme.dirs:
            config.theme.dirs.append(TEMPLATES_DIR)
        if STYLESHEET not in config.extra_css:
            config.extra_css.insert(0, STYLESHEET)
        wants_script = bool(self.config.comments or self.config.share_links)
        if wants_script and SCRIPT not in [str(script) for script in config.extra_javascript]:
            config.extra_javascript.append(SCRIPT)
        self.docs_name = docs_folder_name(config.docs_dir)
        language = self.config.language or str(
            config.theme.get("language") or config.theme.locale or "en"
        )
        self.language = language
        self.labels = labels_for(language, self.config.labels)
        self.dates = DateFormatter(language, self.config.post_date_format or "long")
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return files
        mode = BuildMode(
            serving=self.command == "serve", now_timestamp=get_build_datetime().timestamp()
        )
        blog_title = self.config.blog_title or self.labels["blog"]
        sources = read_posts(files, config, self.config)
        authors_path = authors_file_path(self.config.authors_file, self.config.blog_dir)
        authors = read_authors(
            config.docs_dir,
            self.docs_name,
            authors_path,
            slugs_as_written=self.config.compatibility == "material",
        )
        check_post_authors(
            [source.post for source in sources], authors, f"{self.docs_name}/{authors_path}"
        )
        blog = self.blog = lay_out_blog(
            sources,
            files,
            config,
            self.config,
            mode,
            blog_title,
            self.dates,
            self.labels["tags"],
            authors,
        )
        self._check_recent_posts_category(blog)
        self.cache_dir = cache_root(config, self.config)
        self.record_dir = self.cache_dir
        if len(self.instances) > 1:
            folder = record_folder_name(self.config.blog_dir)
            self.record_dir = os.path.join(self.cache_dir, folder)
        planner = FeaturedImagePlanner(files, config, self.config, self.cache_dir)
        planner.plan_avatars(blog.authors.values(), f"{self.docs_name}/{authors_path}")
        self.image_plan = planner.plan_posts(blog.published)
        blog.images = self.image_plan.images_by_src
        blog.avatars = self.image_plan.avatars
        if self.config.share_cards != "off" and config.site_url:  # og:image needs site_url
            cards = CardPlanner(files, config, self.config, self.cache_dir, planner)
            self.card_plan = cards.plan(blog, self.image_plan, self.dates)
            blog.share_cards = self.card_plan.cards_by_src
            for index in (planner.known_sources, planner.copy_index):
                save_index(index)
        elif self.config.share_cards != "off":
            # No card without site_url, but a mistake in the template is told now, not on the
            # build that has a site_url (the one that deploys).
            card_template(self.config, config_folder(config))
        if not config.site_url and (self.config.feeds or blog.images or self.config.share_links):
            log.warning(
                "site_url is not set, so the blog gets no feeds and no share links, and posts no "
                "og:image or og:url (they need absolute URLs); set site_url in mkdocs.yml, e.g. "
                "https://example.com/blog-site/"
            )
        for file in [f for f in files if is_feed_template(f, config.docs_dir)]:
            files.remove(file)  # Feed templates are found through the theme's folders.
        self.feed_src_uris = posts_in_full_feeds(blog, self.config)
        self.signature = blog_signature(
            blog,
            {
                **self.config,
                "language": self.language,
                "mkdocs.yml": config_file_hash(config.config_file_path),
                "templates": templates_stamp(list(config.theme.dirs)),
            },
        )
        if self.dirty:
            prepare_dirty_build(
                blog,
                files,
                load_record(self.record_dir),
                self.signature,
                self.config.excerpt_separator,
                always_render=self.feed_src_uris,
            )
        # Copies are written in other processes while MkDocs renders the pages.
        self.image_work = start_image_work(
            self.image_plan,
            self.config.image_workers,
            self.card_plan.tasks if self.card_plan else (),
        )
        self.views = ViewMaker(
            blog,
            self.dates,
            self.labels,
            self.config.reading_time,
            self.config.image_sizes,
            tags_on_cards=self.config.tags_on_cards,
            tags_index_file=files.get_file_from_path(blog.tags_index_src_uri)
            if blog.tags_index_src_uri
            else None,
            max_card_authors=self.config.post_excerpt_max_authors,
            max_card_categories=self.config.post_excerpt_max_categories,
            show_authors=self.config.authors is not False,
            author_box=self.config.author_box,
            pages_around=pagination_window(self.config.pagination_format or "~2~") or 2,
            pagination_if_single_page=bool(self.config.pagination_if_single_page),
            heading_on_cards=self.config.compatibility == "material",
        )
        self._collect_wordpress_ids(blog, files, config)
        return files

    def _collect_wordpress_ids(self, blog: Blog, files: Files, config: MkDocsConfig) -> None:
        """Posts' `wordpress_id`s now; other pages' come with their page events. One map for
        the site: the first blog's, which the others' posts join (its on_files ran first)."""
        primary = self.instances[0]
        if primary is not self and primary.wordpress_ids is not None:
            self.wordpress_ids = None
            for post in blog.published:
                if post.wordpress_id is not None:
                    primary.wordpress_ids.add(
                        post.wordpress_id, blog.post_urls[post.src_uri], post.src_uri
                    )
            return
        ids = self.wordpress_ids = WordPressIds(self.docs_name, config.site_dir, self.dirty)
        for post in blog.published:
            if post.wordpress_id is not None:
                ids.add(post.wordpress_id, blog.post_urls[post.src_uri], post.src_uri)
        self.published_urls = {file.url for file in files.documentation_pages()}

    def on_nav(
        self, nav: Navigation, /, *, config: MkDocsConfig, files: Files
    ) -> Navigation | None:
        # A `nav:` the author wrote lists the posts they want in it (MkDocs adds no other page);
        # only a navigation made from the files gets every post, and loses them here.
        if self.blog is not None and config.nav is None:
            prune_posts(nav, self.blog.post_urls.keys(), self.blog.index_src_uri)
        return nav

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        blog = self.blog
        if blog is None:
            return markdown
        post = blog.post_for(page.file.src_uri)
        if post is None and self.wordpress_ids is not None:
            self.wordpress_ids.add_page(page.meta, page.url, page.file.src_uri)
        if post is not None:
            # A post's body goes into feeds, and its excerpt holds text markers.
            markdown = without_marks(markdown)
        if self._handles(page):
            markdown = self._take_embeds(markdown, page, blog)
        if post is None:
            return markdown
        self._title_for_theme(page, post.title)
        if post.title_from_heading or post.page_heading is not None:
            # The post header shows the heading; in the body it would show twice.
            heading = find_first_heading(markdown)
            if heading is not None:
                markdown = remove_line(markdown, heading.line_index)
        return markdown

    def _feed_title(self, config: MkDocsConfig) -> str | None:
        """In a site of several blogs, each blog's feeds are titled with the blog's title."""
        if len(self.instances) == 1 or self.blog is None or self.blog.index is None:
            return None
        return f"{config.site_name} \u2013 {self.blog.index.title}"

    def _owned_elsewhere(self, page: Page) -> bool:
        """Whether `page` is another blog's (its head tags are that blog's to write)."""
        blogs = [i.blog for i in self.instances if i.blog is not None]
        owner = page_owner(page.file.src_uri, blogs)
        return owner is not None and blogs[owner] is not self.blog

    def _handles(self, page: Page) -> bool:
        """Whether this blog renders its parts (widgets, embedded lists) into `page`: its own
        pages; the pages of no blog are the first blog's."""
        if len(self.instances) == 1:
            return True
        blogs = [i.blog for i in self.instances if i.blog is not None]
        owner = page_owner(page.file.src_uri, blogs)
        if owner is None:
            return self.instances[0] is self
        return blogs[owner] is self.blog

    @staticmethod
    def _title_for_theme(page: Page, title: str) -> None:
        page.title = theme_text(title)
        # Material prints `page.meta.title` as it is where set, else `page.title|striptags`,
        # which would decode the entities again.
        page.meta["title"] = page.title

    def _title_list_page(self, page: Page) -> None:
        """Title a list page as the theme may print it, once MkDocs has rendered it."""
        written = page.meta.get("title")
        if isinstance(written, str) and not isinstance(written, Markup):
            # Front matter (an intro's own, or a generated list's): the author's plain text.
            self._title_for_theme(page, written)
        else:
            # The intro's rendered heading: MkDocs gives its text as HTML, tags stripped and
            # entities kept, which is how a theme prints it.
            page.title = Markup(page.title or "")
            page.meta["title"] = page.title

    def _take_embeds(self, markdown: str, page: Page, blog: Blog) -> str:
        if "llmblog:" not in markdown:
            return markdown
        source = page.file.content_string.replace("\r\n", "\n")
        front_matter_lines = max(0, source.count("\n") - markdown.count("\n"))
        try:
            markdown, embeds = find_embeds(
                markdown,
                set(blog.categories.by_name),
                self.config.recent_posts,
                front_matter_lines,
                self.slots,
                set(blog.tags) if self.config.tags else None,
            )
        except EmbedError as error:
            raise PluginError(f"{self.docs_name}/{page.file.src_uri}: {error}") from None
        if embeds:
            self.embeds_by_src[page.file.src_uri] = embeds
        return markdown

    def _check_recent_posts_category(self, blog: Blog) -> None:
        name = self.config.recent_posts_category
        if name is not None and name not in blog.categories.by_name:
            log.warning(
                f"Plugin 'llmblog' option 'recent_posts_category': no published post has the "
                f"category {name!r}, so the Recent posts widget is empty; check the name"
            )
        tag = self.config.recent_posts_tag
        if tag is not None and not self.config.tags:
            log.warning(
                "Plugin 'llmblog' option 'recent_posts_tag': tags are turned off ('tags: "
                "false'), so the Recent posts widget is empty; remove the option or turn tags on"
            )
        elif tag is not None and tag_key(tag) not in blog.tags:
            log.warning(
                f"Plugin 'llmblog' option 'recent_posts_tag': no published post has the tag "
                f"{tag!r}, so the Recent posts widget is empty; check the name"
            )

    # Runs after other plugins changed the HTML, so the excerpt is what the post shows.
    @event_priority(-50)
    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        blog = self.blog
        if blog is None:
            return html
        if page.file.src_uri in blog.list_pages_by_src:
            self._title_list_page(page)
            return html
        post = blog.post_for(page.file.src_uri)
        if post is None:
            return html
        parts = split_content(
            html,
            self.config.excerpt_separator,
            whole_without_mark=self.config.compatibility == "material",
        )
        # An embedded post list belongs on the post's own page, not in its summary.
        excerpt_html = self.slots.replace_embeds(parts.excerpt_html, lambda index: "")
        post_url = blog.post_urls[post.src_uri]
        has_more = parts.has_more
        if self.config.excerpt_max_words is None:
            portable = make_portable(excerpt_html, post_url)
        else:
            portable, cut = shortened_portable(
                excerpt_html, post_url, self.config.excerpt_max_words
            )
            has_more = has_more or cut
        blog.excerpts[post.src_uri] = Excerpt(portable, has_more)
        description = describe(post.description, excerpt_html)
        blog.descriptions[post.src_uri] = description
        blog.reading_minutes[post.src_uri] = post.readtime or reading_minutes(
            text_for_reading(parts.body_html), self.config.words_per_minute
        )
        # Material prints it in its <meta name="description"> as it is: escaped once here.
        page.meta["description"] = theme_text(description)
        if post.src_uri in self.feed_src_uris:
            # Feed readers get the post without its embedded lists (they are site navigation).
            self.post_bodies[post.src_uri] = self.slots.replace_embeds(
                parts.body_html, lambda index: ""
            )
        return parts.body_html

    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment | None:
        if self.blog is None or self.views is None:
            return env
        keep_compiled_templates(env)
        site = SiteFacts(
            url=config.site_url,
            name=config.site_name,
            description=config.site_description,
            docs_name=self.docs_name,
            language=self.language,
            theme_shows_tags=material_tags_plugin_on(dict(config.plugins)),
            feed_title=self._feed_title(config),
        )
        placer = WidgetPlacer.for_theme(config.theme, self.config.widgets_sidebar)
        self.pages = PageRenderer(
            self.blog, self.views, env, files, self.config, self.labels, self.slots, site, placer
        )
        self.pages.check_comments_template()
        self.env = env
        # The sitemap's <lastmod> is rendered before the pages, from each page's update_date;
        # posts a --dirty build does not render get theirs here too.
        for post in self.blog.published:
            file = files.get_file_from_path(post.src_uri)
            if file is not None and file.page is not None:
                day = (post.updated or post.date).moment.date().isoformat()
                # MkDocs stamps sitemap.xml.gz with the latest one, in 32 bits (a post
                # scheduled after 2106, shown by `mkdocs serve`, would stop the build).
                file.page.update_date = min(day, LATEST_GZIP_DAY)
        # Static files are copied right after this event: every image copy must exist by then.
        if self.image_plan is not None and self.image_work is not None:
            work, self.image_work = self.image_work, None
            failed = finish_image_work(self.image_plan, work)
            if self.card_plan is not None:
                problems = [(failure.job.target_path, failure.problem) for failure in failed]
                drop_failed_cards(self.card_plan, problems, self.blog, files)
        return env

    # Runs after the search plugins: lists, neighbours and related posts stay out of the index.
    @event_priority(-50)
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        if self.pages is None:
            return context
        if not self._handles(page):
            self.page_widgets = frozenset()  # Another blog's page (or, for the first, none's).
            return context
        embeds = self.embeds_by_src.pop(page.file.src_uri, [])
        data, self.page_widgets = self.pages.render_content(page, context, embeds)
        if data is not None:
            context["llmblog"] = data  # type: ignore[typeddict-unknown-key]
        return context

    # Runs before other plugins' post_page: a minifier must not rewrite the widget slot and the
    # theme markup the widgets are placed by.
    @event_priority(100)
    def _on_post_page_widgets(
        self, output: str, /, *, page: Page, config: MkDocsConfig
    ) -> str | None:
        if self.pages is None:
            return output
        return self.pages.add_widgets(output, page, self.page_widgets)

    # Runs after other plugins' post_page: the head tags they add (Material's social cards)
    # are seen, and not written twice.
    @event_priority(-100)
    def _on_post_page_head(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if self.pages is None or (not self._handles(page) and self._owned_elsewhere(page)):
            return output
        home_tag = self.wordpress_ids.home_tag(page.url) if self.wordpress_ids else ""
        output = self.pages.add_head_tags(output, page, home_tag if page.is_homepage else "")
        self.pages.release(page)
        return output

    on_post_page = CombinedEvent(_on_post_page_widgets, _on_post_page_head)

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        if template_name != "404.html" or self.pages is None or self.instances[0] is not self:
            return output_content
        base_path = urlsplit(config.site_url or "/").path or "/"
        # Material names its search plugin `material/search`.
        search = any(name.rsplit("/", 1)[-1] == "search" for name in config.plugins)
        return self.pages.add_to_not_found(output_content, base_path, search)

    # Runs after other plugins' post_build, so nothing removes the feeds after they are written.
    @event_priority(-50)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        blog, env = self.blog, self.env
        if blog is None or env is None:
            return
        if self.wordpress_ids is not None:
            self.wordpress_ids.write(self.published_urls)
        try:
            save_record(self.record_dir, blog, self.signature, self.config.excerpt_separator)
        except OSError as error:
            log.warning(
                f"Could not write the build record into the cache folder {self.cache_dir} "
                f"({error.strerror}); --dirty builds will rebuild every page. Check the "
                "'cache_dir' option"
            )
        if not (self.config.feeds and config.site_url):
            return
        settings = FeedSettings(
            formats=list(self.config.feed_formats),
            entries=self.config.feed_entries,
            full_content=self.config.feed_content == "full",
            category_feeds=self.config.category_feeds,
            tag_feeds=self.config.tag_feeds,
            term_formats=list(self.config.term_feed_formats),
            site_url=config.site_url,
            site_name=config.site_name,
            site_description=config.site_description or "",
            site_author=config.site_author,
            language=self.language.replace("_", "-"),
            site_dir=config.site_dir,
            author_feeds=self.config.author_feeds,
            feed_title=self._feed_title(config),
        )
        written = FeedWriter(blog, settings, env).write_all(self.post_bodies)
        write_feed_folder_sitemaps(config.theme, config.site_dir, written)

    def on_build_error(self, *, error: Exception) -> None:
        self._stop_image_work()

    def _stop_image_work(self) -> None:
        if getattr(self, "image_work", None) is not None:
            self.image_work.close()  # type: ignore[union-attr]
            self.image_work = None
