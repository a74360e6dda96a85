"""What an import prints at its end: the details to look at, then the summary."""

from __future__ import annotations

from mkdocs_llmblog.wordpress.fields import shorten
from mkdocs_llmblog.wordpress.importer import ImportReport

__all__ = ["format_details", "format_summary", "plural", "shorten"]


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """`1 post`, `2 posts`."""
    return f"{count} {singular if count == 1 else plural_form or singular + 's'}"


def format_details(report: ImportReport) -> str:
    """Post by post: images not found, shortcodes and blocks left marked, other problems."""
    lines: list[str] = []
    if report.refused:
        lines += ["Not written:"]
        lines += [f"  {message}" for message in dict.fromkeys(report.refused)]
    kept = list(dict.fromkeys(report.files.kept))
    if kept:
        lines += ["Kept, as the importer did not write them or they changed since:"]
        lines += [f"  {path}" for path in kept]
    if report.unsafe:
        lines += ["Links and images with unsafe addresses, left as plain text:"]
        lines += [f"  {post}: {shorten(url)}" for post, url in report.unsafe]
    if report.media.missing:
        lines += ["Images not found locally (the posts keep their original URL):"]
        lines += [f"  {post}: {shorten(url)}" for post, url in report.media.missing]
    if report.unconverted:
        lines += ["Shortcodes and blocks left in the text, marked 'not converted':"]
        lines += [f"  {where}: {shorten(code)}" for where, code in report.unconverted]
    if report.pages.skipped:
        lines += ["Pages not imported:"]
        lines += [f"  {shorten(title)}: {reason}" for title, reason in report.pages.skipped]
    if report.notes or report.files.warnings:
        lines += ["To look at:"]
        lines += [f"  {warning}" for warning in report.files.warnings]
        lines += [f"  {post}: {note}" for post, note in report.notes]
    return "".join(f"{line}\n" for line in lines)


def format_summary(report: ImportReport, *, uploads_given: bool) -> str:
    """Counts of posts, drafts, skipped posts, images copied and missing."""
    skipped = sum(report.skipped.values())
    reasons = ", ".join(f"{count} {reason}" for reason, count in report.skipped.most_common())
    missing = len(report.media.missing)
    if missing:
        missing_note = " (no --uploads given)" if not uploads_given else " (listed above)"
    else:
        missing_note = ""
    rows = [
        ("Posts imported", f"{len(report.written)} into {report.posts_dir}"),
        ("Drafts imported", f"{report.drafts}" + (" (draft: true)" if report.drafts else "")),
        ("Skipped", f"{skipped}" + (f" ({reasons})" if reasons else "")),
        ("Images copied", f"{report.media.copied}"),
        ("Images missing", f"{missing}{missing_note}"),
    ]
    tally = report.comments
    if tally.written or tally.left_out:
        left_out = ", ".join(f"{count} {reason}" for reason, count in tally.left_out.most_common())
        rows.append(
            (
                "Comments imported",
                f"{tally.written}" + (f" (left out: {left_out})" if left_out else ""),
            )
        )
    if report.pinned:
        rows.append(("Sticky posts", f"{report.pinned} (pin: true)"))
    if report.authors_file is not None:
        rows.append(("Authors file", str(report.authors_file)))
    if report.category_pages:
        rows.append(("Category pages", f"{len(report.category_pages)} (their descriptions)"))
    if +report.redirect_kinds:
        counts = sorted((+report.redirect_kinds).items(), key=lambda item: _kind_order(item[0]))
        kinds = ", ".join(f"{count} {kind}" for kind, count in counts)
        rows.append(("Redirects", f"{sum(report.redirect_kinds.values())} ({kinds})"))
    pages_skipped = len(report.pages.skipped)
    if report.pages_written or pages_skipped:
        rows.append(
            (
                "Pages imported",
                f"{len(report.pages_written)}"
                + (f" ({pages_skipped} skipped, listed above)" if pages_skipped else ""),
            )
        )
    width = max(len(name) for name, _ in rows) + 1
    return "Summary\n" + "".join(f"  {name + ':':<{width}} {value}\n" for name, value in rows)


REDIRECT_KINDS = ("posts", "pages", "categories", "tags", "dates", "authors", "feeds")
"""The order the summary counts redirects in."""


def _kind_order(kind: str) -> int:
    return REDIRECT_KINDS.index(kind) if kind in REDIRECT_KINDS else len(REDIRECT_KINDS)
