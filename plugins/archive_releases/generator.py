"""The releases generator: release pages, home page, year archives and the site feed."""

from __future__ import annotations

import functools
import gc
import logging
import os
from pathlib import Path

from pelican.contents import Content
from pelican.generators import Generator

from newsarchive import cachefile
from newsarchive.checks.tree import is_blocked, scan_tree
from newsarchive.collection import by_title, neighbours, related_items, sort_releases, years_of
from newsarchive.csp import site_policy
from newsarchive.feeds import Feed, FeedEntry, render_atom
from newsarchive.incremental import (
    MANIFEST_KEY,
    WRITTEN_PAGES_KEY,
    PageManifest,
    build_salt,
    code_salt,
    fingerprint,
    registry_digest,
)
from newsarchive.output import write_bytes
from newsarchive.registry import Registry, load_registry
from newsarchive.share_image import DEFAULT_IMAGE
from newsarchive.structured import collection_page, news_article, to_script_json

from .lifecycle import record_pelican_caches
from .parallel import content_metadata, read_releases
from .reader import registry_path, shown_path
from .signals import release_generator_finalized, release_generator_read

logger = logging.getLogger(__name__)

CONTENT_KEY = "archive_content"  # what the content check needs from the releases read
REGISTRY_KEY = "archive_registry"  # the partner registry, read once per build
CACHE_FILE = "releases.cache"  # in CACHE_PATH: releases read by earlier builds


class Release(Content):
    """A press release; unlike Pelican's Article, its date is optional."""

    mandatory_properties = ("title",)
    allowed_statuses = ("published", "draft")
    default_status = "published"
    default_template = "release"

    @functools.cached_property
    def url(self) -> str:
        """The release's URL, formatted once (lists use it many times)."""
        return self.get_url_setting("url")

    @functools.cached_property
    def save_as(self) -> str:
        """The release's output path, formatted once."""
        return self.get_url_setting("save_as")

    def format_urls(self) -> None:
        """Format the URL and output path now, so that the content cache keeps them."""
        for name in ("url", "save_as"):
            getattr(self, name)

    def __getstate__(self) -> dict:
        """What the content cache keeps: not this build's context nor its neighbours."""
        state = self.__dict__.copy()
        for name in ("_context", "newer_release", "older_release"):
            state.pop(name, None)
        return state


def _record(release: Release):
    return release.record


def absolute_url(settings: dict, path: str) -> str:
    """Absolute URL of a site path, from SITE_ABSOLUTE_URL (feeds, canonical links, sitemap)."""
    return f"{settings['SITE_ABSOLUTE_URL'].rstrip('/')}/{path.lstrip('/')}"


def term_url_makers(settings: dict) -> dict:
    """kind -> function(slug) giving the absolute URL of that term's page."""

    def maker(pattern: str):
        return lambda slug: absolute_url(settings, pattern.format(slug=slug))

    return {kind: maker(settings[f"{kind.upper()}_URL"]) for kind in ("partner", "country", "sdg")}


def collection_jsonld(settings: dict, name: str, path: str, description: str, items) -> str:
    """CollectionPage JSON-LD for a page listing releases or terms (`.title` or `.name`, `.url`)."""
    items = [(getattr(i, "title", None) or i.name, absolute_url(settings, i.url)) for i in items]
    return to_script_json(collection_page(name, absolute_url(settings, path), description, items))


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


def write_feed(generator, key: str, print_: str, path: str, *args, **kwargs) -> None:
    """write_atom, skipped when the feed's fingerprint is unchanged since the last build."""
    if unchanged(generator, key, print_):
        return
    write_atom(generator.settings, path, *args, **kwargs)
    manifest = generator.context.get(MANIFEST_KEY)
    if manifest is not None:
        manifest.record(key, print_, [os.path.join(generator.settings["OUTPUT_PATH"], path)])


def stamp(release) -> tuple:
    """What identifies a release's source version: path, modification time and size."""
    return release.source_stamp


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


class YearArchive:
    """One year's page (or the undated releases' page)."""

    def __init__(self, key: str, releases: list[Release], settings: dict):
        self.settings = settings
        self.key = key
        self.name = "Date unknown" if key == "undated" else key
        self.releases = releases
        self.url = settings["YEAR_URL"].format(year=key)
        self.save_as = settings["YEAR_SAVE_AS"].format(year=key)
        self.title_url = f"{self.url}by-title/"  # the same releases in title order
        self.title_save_as = f"{self.url}by-title/index.html"

    def jsonld(self, path: str, releases) -> str:
        """A page's CollectionPage: the releases on that page (not the whole year's on each)."""
        return collection_jsonld(self.settings, self.name, path, "", releases)


_RENDERED: dict[tuple, str] = {}


def cached_macro(macro, siteurl: str, *args):
    """A Jinja macro's output for these arguments, rendered once per build.

    A release is listed on its year page and on the pages of each of its partners, countries
    and goals; its list item is the same on every page at the same depth (`siteurl`), so it is
    rendered once. Objects are keyed by identity: the cache is emptied when a build starts.
    """
    key = (macro.name, siteurl, *(a if isinstance(a, str | int) else id(a) for a in args))
    html = _RENDERED.get(key)
    if html is None:
        html = _RENDERED[key] = macro(*args)
    return html


def keep_existing_static_paths(pelican) -> None:
    """STATIC_PATHS without the folders the content folder lacks (Pelican's --autoreload warns
    that it cannot watch them, and --strict makes that fatal)."""
    settings = pelican.settings
    settings["STATIC_PATHS"] = [
        name
        for name in settings.get("STATIC_PATHS", [])
        if os.path.exists(os.path.join(settings["PATH"], name))
    ]


def add_jinja_globals(pelican) -> None:
    """Configure every template environment: autoescape always on (content is untrusted text;
    only HTML the build sanitised or drew itself is marked safe), the Content-Security-Policy
    every page carries, `cached_macro` available, and
    with the content cache on, compiled templates kept in the cache folder (each generator
    compiles its own otherwise: a third of a small rebuild). Jinja checks each template's source
    against what it compiled."""
    settings = pelican.settings
    settings.setdefault("JINJA_GLOBALS", {})["cached_macro"] = cached_macro
    settings["ARCHIVE_CSP"] = site_policy(settings)  # base.html writes it on every page
    settings["ARCHIVE_LIST_NAMES"] = list_names(settings)
    environment = dict(settings.get("JINJA_ENVIRONMENT") or {})  # a copy: not shared
    environment["autoescape"] = True  # whatever a settings file says
    if settings.get("CACHE_CONTENT") and settings.get("CACHE_PATH"):
        folder = os.path.join(settings["CACHE_PATH"], "templates")
        os.makedirs(folder, exist_ok=True)
        environment.setdefault("bytecode_cache", cachefile.TemplateCache(folder))
    settings["JINJA_ENVIRONMENT"] = environment


class ReleasesGenerator(Generator):
    """Reads every release under RELEASE_PATHS and writes the pages that list them by date."""

    def __init__(self, *args, **kwargs):
        self.releases: list[Release] = []
        self.drafts: list[Release] = []
        self.years: list[YearArchive] = []
        self.release_files = 0
        self.tree: tuple[list, set[str]] = ([], set())
        self.registry = Registry()
        super().__init__(*args, **kwargs)
        self.salt = build_salt(self.settings)  # of pages
        self.code_salt = code_salt(self.settings)  # of the content cache

    def generate_context(self) -> None:
        """Read releases, order them, link neighbours and publish them to the shared context."""
        _RENDERED.clear()
        if gc.get_freeze_count():  # an earlier build in this process (--autoreload) froze its
            gc.unfreeze()  # objects, and they may be garbage now
            gc.collect()
        record_pelican_caches(self.settings)
        self.tree = scan_tree(self.path, lambda p: shown_path(self.settings, p))
        self.registry = self.read_registry()
        found, problems, records = self.read_all()  # the content cache is saved by then
        # The releases, registry and settings live as long as the build: the collector need not
        # scan them again each time pages' garbage triggers a full collection (1.5 s at 10,000
        # releases). The next build in this process, if any, unfreezes and collects them.
        gc.freeze()
        releases, drafts = [], []
        for release in found:
            self.add_source_path(release)
            release_generator_read.send(self, release=release)
            (drafts if release.status == "draft" else releases).append(release)
        self.releases = sort_releases(releases, _record)
        self.drafts = sort_releases(drafts, _record)
        for newer, release, older in neighbours(self.releases):
            release.newer_release, release.older_release = newer, older
        self.years = [
            YearArchive(y, items, self.settings) for y, items in years_of(self.releases, _record)
        ]
        if self.settings.get("ARCHIVE_INCREMENTAL"):
            self.context[MANIFEST_KEY] = self.page_manifest()
        self.context["releases"] = self.releases
        self.context["release_years"] = self.years
        if not any(r.record.date for r in self.releases):  # a feed's dates are never invented
            self.context["ARCHIVE_FEED_ATOM"] = None
        self.context[REGISTRY_KEY] = self.registry
        self.context[CONTENT_KEY] = {
            "tree": self.tree,
            "problems": problems,
            "records": records,
            "files": self.release_files,
        }
        release_generator_finalized.send(self)

    def page_manifest(self) -> PageManifest:
        """The manifest of pages written into this output folder, salted with everything every
        page depends on."""
        output = self.settings["OUTPUT_PATH"]
        name = f"pages-{fingerprint(os.path.realpath(output))}.cache"
        path = Path(self.settings.get("CACHE_PATH", "cache")) / name
        return PageManifest(path, self.salt, output)

    def cache_path(self) -> str:
        """The file of the releases read by earlier builds."""
        return os.path.join(self.settings.get("CACHE_PATH", "cache"), CACHE_FILE)

    def load_cache(self) -> tuple[str, dict]:
        """The registry digest and {path: (stamp, release)} of earlier builds (made by the same
        code and settings)."""
        if not (self.settings.get("CACHE_CONTENT") and self.settings.get("LOAD_CONTENT_CACHE")):
            return "", {}
        cached = cachefile.load(self.cache_path(), self.code_salt, "content cache")
        if not (isinstance(cached, tuple) and len(cached) == 2 and isinstance(cached[1], dict)):
            return "", {}
        return cached

    def read_registry(self) -> Registry:
        """The partner registry, read once for the build (not at all when it is a link leading
        outside content/: the tree scan reports that)."""
        path = registry_path(self.settings)
        shown = shown_path(self.settings, path)
        if is_blocked(path, self.tree[1]):
            return Registry([], shown, broken=True)
        return load_registry(path, shown)

    def read_all(self) -> tuple[list[Release], list, list]:
        """Every usable release under RELEASE_PATHS (from the content cache, or read on every
        core), the problems found in all of them, and (path, record) of each one parsed (for the
        duplicate check). A release with an error is neither kept nor cached."""
        digest, cache = self.load_cache()
        same_registry = digest == registry_digest(self.settings)
        stamps, releases, todo, known = {}, {}, [], {}
        for path in self.get_files(self.settings["RELEASE_PATHS"]):
            if is_blocked(os.path.join(self.path, path), self.tree[1]):
                continue  # a link leading outside content/: reported, never read
            try:
                st = os.stat(os.path.join(self.path, path))
                stamps[path] = (st.st_mtime_ns, st.st_ctime_ns, st.st_size)  # ctime: chmod too
            except OSError:  # a dangling link: reported when read
                stamps[path] = None
            entry = cache.get(path)
            if stamps[path] is None or entry is None or entry[0] != stamps[path]:
                todo.append(path)
            elif same_registry:
                releases[path] = entry[1]
                releases[path]._context = self.context  # not the context it was cached with
            else:  # the registry changed: fields checked again, the body's HTML kept
                known[path] = entry[1]._content
                todo.append(path)
        problems, records = [], []
        read = read_releases(self.settings, todo, self.registry, known)
        for path, content, metadata, found in read:
            problems += found
            if metadata is not None:
                records.append((Path(self.path, path), metadata["record"]))
            if content is None or any(p.level == "error" for p in found):
                self._add_failed_source_path(path)
                continue
            release = Release(
                content=content,
                metadata=content_metadata(self.settings, self.path, path, metadata),
                settings=self.settings,
                source_path=os.path.join(self.path, path),
                context=self.context,
            )
            release.problems = found
            release.format_urls()
            releases[path] = release
        self.release_files = len(stamps)
        fresh = set(todo)
        for path, release in releases.items():
            release.source_stamp = (path, *stamps[path])
            if path not in fresh:
                problems += release.problems
                records.append((Path(self.path, path), release.record))
        if self.settings.get("CACHE_CONTENT"):
            kept = {path: (stamps[path], release) for path, release in releases.items()}
            cachefile.dump(
                self.cache_path(), (registry_digest(self.settings), kept), self.code_salt
            )
        return [releases[path] for path in sorted(releases)], problems, records

    def generate_output(self, writer) -> None:
        """Write release pages, the home page, year archives and the site feed."""
        self.write_releases(writer)
        self.write_home(writer)
        self.write_years(writer)
        self.write_feed(writer)

    def write_releases(self, writer) -> None:
        """One page per published release.

        Related releases are found here, not with the context: only release pages show them,
        and by now the search index is being built on the other core."""
        for release, related in zip(
            self.releases, related_items(self.releases, _record), strict=True
        ):
            release.related = related
        template = self.get_template("release")
        publisher = (self.settings["AUTHOR"], self.settings.get("PUBLISHER_URL", ""))
        makers = term_url_makers(self.settings)
        image = absolute_url(self.settings, DEFAULT_IMAGE)
        for release in self.releases:
            url = absolute_url(self.settings, release.url)
            newer, older = release.newer_release, release.older_release
            print_ = fingerprint(
                stamp(release),
                [(r.title, r.url) if r else None for r in (newer, older)],
                [stamp(r) for r in release.related],
            )
            write_page(
                self,
                writer,
                f"release:{release.save_as}",
                print_,
                release.save_as,
                template,
                lazy=lambda r=release, u=url: {
                    "jsonld": to_script_json(news_article(r.record, u, publisher, makers, image))
                },
                release=release,
                page_name=release.url,
                url=release.url,
                relative_urls=self.settings["RELATIVE_URLS"],
            )

    def write_home(self, writer) -> None:
        """The home page: latest releases and the ways into the archive."""
        writer.write_file(
            "index.html",
            self.get_template("index"),
            self.context,
            latest=self.releases[: self.settings.get("HOME_LATEST", 10)],
            page_name="index",
            url="",
            relative_urls=self.settings["RELATIVE_URLS"],
        )

    def write_years(self, writer) -> None:
        """The archive overview and one page per year."""
        writer.write_file(
            self.settings["YEARS_SAVE_AS"],
            self.get_template("years"),
            self.context,
            jsonld=collection_jsonld(
                self.settings, "Releases by year", self.settings["YEARS_URL"], "", self.years
            ),
            page_name="years",
            url=self.settings["YEARS_URL"],
            relative_urls=self.settings["RELATIVE_URLS"],
        )
        template = self.get_template("year")
        keys = [y.key for y in self.years]  # the neighbouring years are linked
        for year in self.years:
            print_ = fingerprint([stamp(r) for r in year.releases], keys)
            orders = [("date", year.save_as, year.url, year.releases)]
            if len(year.releases) > 1 and year.key != "undated":  # undated: already by title
                orders.append(
                    ("title", year.title_save_as, year.title_url, by_title(year.releases, _record))
                )
            for order, save_as, url, releases in orders:
                write_page(
                    self,
                    writer,
                    f"year:{year.key}:{order}",
                    print_,
                    save_as,
                    template,
                    year=year,
                    order=order,
                    paginated={"releases": releases},
                    template_name="year" if order == "date" else "titles",
                    page_name=url,
                    url=url,
                    relative_urls=self.settings["RELATIVE_URLS"],
                )

    def write_feed(self, writer) -> None:
        """The site's Atom feed of dated releases (undated ones cannot be placed in time)."""
        path = self.context.get("ARCHIVE_FEED_ATOM")
        if path:
            write_atom(self.settings, path, self.settings["SITENAME"], "", self.releases)
