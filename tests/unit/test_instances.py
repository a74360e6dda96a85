"""Several blogs in one site: which blog a page is, and each blog's own folder."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

from mkdocs_llmblog.layout.instances import check_blog_dirs, page_owner, record_folder_name
from mkdocs_llmblog.model import Blog


def test_a_page_is_the_blog_of_the_deepest_folder_holding_it() -> None:
    blogs = [Blog("blog"), Blog("blog/news"), Blog(".")]
    assert page_owner("blog/about.md", blogs) == 0
    assert page_owner("blog/news/index.md", blogs) == 1
    assert page_owner("blog/newsletter.md", blogs) == 0
    assert page_owner("index.md", blogs) is None  # a blog at the root holds only its own pages
    assert page_owner("docs/setup.md", blogs) is None


def test_two_blogs_need_two_folders() -> None:
    check_blog_dirs(["blog", "news", "blog/news"])
    with pytest.raises(PluginError, match="blog_dir 'blog/'"):
        check_blog_dirs(["blog", "blog/"])


@pytest.mark.parametrize(
    ("blog_dir", "name"),
    [("blog", "blog-blog"), ("community/blog", "blog-community-blog"), (".", "blog-root")],
)
def test_record_folders_are_named_after_the_blog(blog_dir: str, name: str) -> None:
    assert record_folder_name(blog_dir) == name
