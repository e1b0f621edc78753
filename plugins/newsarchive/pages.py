"""What the plugins' generators share to write the site: absolute URLs, pages and feeds skipped
when unchanged since the last build, Atom feeds of releases, CollectionPage JSON-LD, and list
items rendered once per build.

Generators and writers are Pelican's, used only through `generator.context`,
`generator.settings` and `writer.write_file`: nothing here imports Pelican.
"""

from __future__ import annotations

import os

from .collection import by_title
from .feeds import Feed, FeedEntry, render_atom
from .incremental import MANIFEST_KEY, WRITTEN_PAGES_KEY
from .output import write_bytes
from .structured import collection_page, to_script_json

REGISTRY_KEY = "archive_registry"  # in the build's context: the partner registry, read once
MACROS_KEY = "cached_macro"  # in the build's context: the templates' `cached_macro`


def record_of(release):
    """The validated `newsarchive.release.Release` behind a release's page."""
    return release.record


def stamp(release) -> tuple:
    """What identifies a release's source version: path, modification time and size."""
    return release.source_stamp


def absolute_url(settings: dict, path: str) -> str:
    """Absolute URL of a site path, from SITE_ABSOLUTE_URL (feeds, canonical links, sitemap)."""
    return f"{settings['SITE_ABSOLUTE_URL'].rstrip('/')}/{path.lstrip('/')}"


def term_url_makers(settings: dict) -> dict:
    """kind -> function(slug) giving the absolute URL of that term's page."""

    def maker(pattern: str):
        return lambda slug: absolute_url(settings, pattern.format(slug=slug))

    return {kind: maker(settings[f"{kind.upper()}_URL"]) for kind in ("partner", "country", "sdg")}


def collection_data(settings: dict, name: str, path: str, description: str, items) -> dict:
    """CollectionPage of a page listing releases or terms (`.title` or `.name`, `.url`)."""
    items = [(getattr(i, "title", None) or i.name, absolute_url(settings, i.url)) for i in items]
    return collection_page(name, absolute_url(settings, path), description, items)


def collection_jsonld(settings: dict, name: str, path: str, description: str, items) -> str:
    """`collection_data` as the page's JSON-LD script."""
    return to_script_json(collection_data(settings, name, path, description, items))


def unchanged(generator, key: str, print_: str) -> bool:
    """True when the page `key` is as the last build left it (and notes it as written)."""
    manifest = generator.context.get(MANIFEST_KEY)
    files = manifest.fresh(key, print_) if manifest is not None else None
    if files is None:
        return False
    written = generator.context.get(WRITTEN_PAGES_KEY)
    if written is not None:
        written.extend(f for f in files if f.endswith(".html"))
    manifest.record(key, print_, files)
    return True


def write_page(
    generator, writer, key: str, print_: str, name: str, template, lazy=None, **kwargs
) -> None:
    """writer.write_file, skipped when the page's fingerprint is unchanged since the last build.

    `lazy()`, when given, returns more template variables; it is called only for a page written.
    """
    if unchanged(generator, key, print_):
        return
    if lazy is not None:
        kwargs.update(lazy())
    written = generator.context.get(WRITTEN_PAGES_KEY)
    before = len(written) if written is not None else 0
    writer.write_file(name, template, generator.context, **kwargs)
    manifest = generator.context.get(MANIFEST_KEY)
    if manifest is not None:
        output = generator.settings["OUTPUT_PATH"]
        files = written[before:] if written is not None else [os.path.join(output, name)]
        manifest.record(key, print_, files)


def write_listing(
    generator, writer, key: str, print_: str, listing, template, name: str, titles: bool, **kwargs
) -> None:
    """A listing's paginated pages (a year's, a term's): its releases newest first at its URL,
    and with `titles` in title order under by-title/ (the paginated template `titles`).
    `name` is the paginated template of the first order."""
    orders = [("date", listing.save_as, listing.url, listing.releases)]
    if titles:
        orders.append(
            (
                "title",
                listing.title_save_as,
                listing.title_url,
                by_title(listing.releases, record_of),
            )
        )
    for order, save_as, url, releases in orders:
        write_page(
            generator,
            writer,
            f"{key}:{order}",
            print_,
            save_as,
            template,
            order=order,
            paginated={"releases": releases},
            template_name=name if order == "date" else "titles",
            page_name=url,
            url=url,
            relative_urls=generator.settings["RELATIVE_URLS"],
            **kwargs,
        )


def write_feed(generator, key: str, print_: str, path: str, *args, **kwargs) -> None:
    """write_atom, skipped when the feed's fingerprint is unchanged since the last build."""
    if unchanged(generator, key, print_):
        return
    write_atom(generator.settings, path, *args, **kwargs)
    manifest = generator.context.get(MANIFEST_KEY)
    if manifest is not None:
        manifest.record(key, print_, [os.path.join(generator.settings["OUTPUT_PATH"], path)])


def list_names(settings: dict) -> int:
    """ARCHIVE_LIST_NAMES: organizations (and countries) named per release in lists and feeds.
    A release is an entry of each of its terms' feeds: all its names there would grow the
    output with the square of their number."""
    value = settings.get("ARCHIVE_LIST_NAMES", 10)
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 10


def write_atom(
    settings: dict, path: str, title: str, page_path: str, releases, full_content: bool = True
) -> None:
    """Write an Atom feed of the dated releases (undated ones have no place in time)."""
    base = settings["SITE_ABSOLUTE_URL"].rstrip("/")
    dated = [r for r in releases if r.record.date][: settings.get("FEED_MAX_ITEMS") or None]
    cap = list_names(settings)
    entries = [
        FeedEntry(
            title=r.title,
            url=absolute_url(settings, r.url),
            date=r.record.date,
            summary=r.record.summary,
            content_html=r.get_content(base) if full_content else "",
            categories=tuple(
                [o.short for o in (r.record.partners + r.record.funders)[:cap]]
                + [c.name for c in r.record.countries[:cap]]
                + [g.label for g in r.record.sdgs]
            ),
        )
        for r in dated
    ]
    feed = Feed(
        title=title,
        site_url=base,
        self_url=absolute_url(settings, path),
        page_url=absolute_url(settings, page_path),
        author=settings["AUTHOR"],
        entries=entries,
        subtitle=settings.get("SITE_DESCRIPTION", ""),
    )
    write_bytes(settings["OUTPUT_PATH"], path, render_atom(feed))


class RenderedMacros:
    """The templates' `cached_macro`: a Jinja macro's output for these arguments, rendered once.

    A release is listed on its year page and on the pages of each of its partners, countries
    and goals; its list item is the same on every page at the same depth (`siteurl`), so it is
    rendered once. Objects are keyed by identity: a build puts a new one into its context.
    """

    def __init__(self) -> None:
        self._rendered: dict[tuple, str] = {}

    def __call__(self, macro, siteurl: str, *args) -> str:
        """The macro's output for `args` on a page at `siteurl`."""
        key = (macro.name, siteurl, *(a if isinstance(a, str | int) else id(a) for a in args))
        html = self._rendered.get(key)
        if html is None:
            html = self._rendered[key] = macro(*args)
        return html
