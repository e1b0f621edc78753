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
from newsarchive.collection import neighbours, related_items, sort_releases, years_of
from newsarchive.csp import site_policy
from newsarchive.incremental import (
    MANIFEST_KEY,
    PageManifest,
    build_salt,
    code_salt,
    fingerprint,
    registry_digest,
)
from newsarchive.pages import (
    MACROS_KEY,
    REGISTRY_KEY,
    RenderedMacros,
    absolute_url,
    collection_jsonld,
    list_names,
    record_of,
    stamp,
    term_url_makers,
    write_atom,
    write_listing,
    write_page,
)
from newsarchive.registry import Registry, load_registry, registry_path
from newsarchive.share_image import DEFAULT_IMAGE
from newsarchive.structured import news_article, to_script_json

from .lifecycle import record_pelican_caches
from .parallel import content_metadata, read_releases
from .reader import shown_path
from .signals import release_generator_finalized, release_generator_read

logger = logging.getLogger(__name__)

CONTENT_KEY = "archive_content"  # what the content check needs from the releases read
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
    every page carries, and with the content cache on, compiled templates kept in the cache
    folder (each generator compiles its own otherwise: a third of a small rebuild). Jinja checks
    each template's source against what it compiled."""
    settings = pelican.settings
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
        self.context[MACROS_KEY] = RenderedMacros()  # list items rendered once in this build
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
        self.releases = sort_releases(releases, record_of)
        self.drafts = sort_releases(drafts, record_of)
        for newer, release, older in neighbours(self.releases):
            release.newer_release, release.older_release = newer, older
        self.years = [
            YearArchive(y, items, self.settings) for y, items in years_of(self.releases, record_of)
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
            self.releases, related_items(self.releases, record_of), strict=True
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
            write_listing(
                self,
                writer,
                f"year:{year.key}",
                fingerprint([stamp(r) for r in year.releases], keys),
                year,
                template,
                "year",
                titles=len(year.releases) > 1 and year.key != "undated",  # undated: by title
                year=year,
            )

    def write_feed(self, writer) -> None:
        """The site's Atom feed of dated releases (undated ones cannot be placed in time)."""
        path = self.context.get("ARCHIVE_FEED_ATOM")
        if path:
            write_atom(self.settings, path, self.settings["SITENAME"], "", self.releases)
