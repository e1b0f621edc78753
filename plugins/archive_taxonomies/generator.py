"""One generator for every taxonomy in `newsarchive.taxonomy.TAXONOMIES`."""

from __future__ import annotations

import functools
import logging
from itertools import groupby

from pelican.generators import Generator
from pelican.urlwrappers import URLWrapper
from pelican.writers import Writer

from newsarchive.collection import collation_key, group_by
from newsarchive.countries import get_country
from newsarchive.forked import ForkedPages, parallel
from newsarchive.incremental import fingerprint
from newsarchive.pages import (
    REGISTRY_KEY,
    collection_data,
    collection_jsonld,
    stamp,
    term_url_makers,
    write_feed,
    write_listing,
    write_page,
)
from newsarchive.registry import load_registry, registry_path
from newsarchive.share_image import sdg_image
from newsarchive.structured import to_script_json
from newsarchive.taxonomy import (
    TAXONOMIES,
    Taxonomy,
    linked_groups,
    org_type_name,
    term_name,
    term_sort_key,
)
from newsarchive.views.svg import thousands

logger = logging.getLogger(__name__)


class Term(URLWrapper):
    """A term page (an organization, a country, a goal); URLs from `<KIND>_URL` settings."""

    def __init__(self, taxonomy: Taxonomy, obj, entries, settings: dict, links=()):
        super().__init__(term_name(obj), settings)
        self.slug = obj.slug
        self.kind = taxonomy.kind
        self.taxonomy = taxonomy
        self.obj = obj
        self.entries = entries  # [(release, role)], newest first
        self.releases = [release for release, _ in entries]
        self.roles = {id(release): role for release, role in entries}
        self.links = list(links)  # [(release, role, organization)]: through its organizations

    @property
    def count(self) -> int:
        """Number of releases naming this term."""
        return len(self.entries)

    @property
    def has_feed(self) -> bool:
        """True when a dated release names the term: a feed needs real dates, none invented."""
        return any(r.record.date for r in self.releases)

    @property
    def feed_url(self) -> str:
        """URL of the term's Atom feed."""
        return self._from_settings("FEED_ATOM")

    @property
    def title_url(self) -> str:
        """URL of the term's releases in title order."""
        return f"{self.url}by-title/"

    @property
    def title_save_as(self) -> str:
        """Output path of the term's releases in title order."""
        return f"{self.url}by-title/index.html"

    @property
    def search_facet(self) -> tuple[str, str]:
        """(parameter, value) that filters the search page to this term (as search.js reads)."""
        if self.kind == "country":
            return "country", self.obj.code
        if self.kind == "sdg":
            return "sdg", str(self.obj.number)
        return self.kind, self.slug

    def jsonld(self, path: str, releases) -> str:
        """A page's CollectionPage: the releases on that page, and for a country what it is about
        and its organizations (funders' and partners' countries are not where the work happens).
        """
        data = collection_data(self.settings, self.name, path, "", releases)
        if self.kind == "country":
            data["about"] = {"@type": "Country", "name": self.name, "identifier": self.obj.code}
            if self.organizations:
                make = term_url_makers(self.settings)["partner"]
                data["mentions"] = [
                    {"@type": "Organization", "name": org.name, "url": make(org.slug)}
                    for org, _, _, _ in self.organizations
                ]
        return to_script_json(data)

    def linked_releases(self, role: str) -> list:
        """Distinct releases in which one of the term's organizations has this role."""
        seen, out = set(), []
        for release, r, _ in self.links:
            if r == role and id(release) not in seen:
                seen.add(id(release))
                out.append(release)
        return out

    @functools.cached_property
    def organizations(self) -> list[tuple]:
        """[(organization, releases as partner, releases as funder, its releases)], most named
        first; its releases newest first, each once."""
        rows: dict[str, list] = {}
        for release, role, org in self.links:
            row = rows.setdefault(org.slug, [org, set(), set(), []])
            row[1 if role == "partner" else 2].add(id(release))
            if release not in row[3]:
                row[3].append(release)
        out = [(org, len(p), len(f), releases) for org, p, f, releases in rows.values()]
        out.sort(key=lambda r: (-len(r[3]), collation_key(r[0].name), r[0].slug))
        return out

    def role_of(self, release) -> str:
        """ "partner" or "funder" for organizations, "" otherwise."""
        return self.roles.get(id(release), "")


class Partner(Term):
    """An organization's page."""

    home_country = None  # its registry country: the country's Term when it has a page, else Country

    @property
    def type_name(self) -> str:
        """The organization's type in the singular ("UN agency")."""
        return org_type_name(self.obj.type)


class Country(Term):
    """A country's page."""


class Sdg(Term):
    """A goal's page."""

    @property
    def share_image(self) -> str:
        """Site path of the goal's share image (og:image), drawn by archive_sitefiles."""
        return sdg_image(self.obj.number)


TERM_CLASSES = {"partner": Partner, "country": Country, "sdg": Sdg}


class TaxonomyIndex:
    """A taxonomy's index page: its terms, grouped."""

    def __init__(self, taxonomy: Taxonomy, terms: list[Term], settings: dict):
        self.taxonomy = taxonomy
        self.kind = taxonomy.kind
        self.title = taxonomy.title
        self.terms = terms
        self.url = settings[f"{taxonomy.kind.upper()}_INDEX_URL"]
        self.save_as = settings[f"{taxonomy.kind.upper()}_INDEX_SAVE_AS"]
        listed = [t for t in terms if t.count or taxonomy.show_unused]
        by_group = sorted(listed, key=lambda t: taxonomy.group_order(taxonomy.group_of(t.obj)))
        self.groups = [
            (label, sorted(items, key=lambda t: term_sort_key(t.obj)))
            for label, items in groupby(by_group, key=lambda t: taxonomy.group_of(t.obj))
        ]
        # Terms reached through organizations, per role: [(term, releases)], most first
        self.linked = {}
        if taxonomy.linked_of is not None:
            for role in ("funder", "partner"):
                rows = [(t, len(t.linked_releases(role))) for t in terms]
                rows = [(t, n) for t, n in rows if n]
                rows.sort(key=lambda tn: (-tn[1], term_sort_key(tn[0].obj)))
                self.linked[role] = rows

    @property
    def listed_count(self) -> int:
        """Number of terms named by releases (countries: where the work happens)."""
        return sum(1 for t in self.terms if t.count)


class TaxonomyGenerator(Generator):
    """Builds every taxonomy's index page, term pages and term feeds in one pass over releases."""

    def generate_context(self) -> None:
        """Group the published releases by each taxonomy's terms."""
        releases = self.context.get("releases", [])
        registry = self.context.get(REGISTRY_KEY)
        if registry is None:
            registry = load_registry(registry_path(self.settings))
        self.indexes: list[TaxonomyIndex] = []
        for taxonomy in TAXONOMIES:
            groups = group_by(
                releases,
                lambda r, t=taxonomy: [(obj.slug, role) for obj, role in t.terms_of(r.record)],
            )
            objects = {obj.slug: obj for r in releases for obj, _ in taxonomy.terms_of(r.record)}
            links = {}
            if taxonomy.linked_of is not None:
                links = linked_groups(releases, lambda r, t=taxonomy: t.linked_of(r.record))
                for r in releases:
                    for obj, _, _ in taxonomy.linked_of(r.record):
                        objects.setdefault(obj.slug, obj)
            if taxonomy.show_unused:
                for obj in taxonomy.catalogue(registry):
                    objects.setdefault(obj.slug, obj)
            cls = TERM_CLASSES[taxonomy.kind]
            terms = [
                cls(taxonomy, obj, groups.get(slug, []), self.settings, links.get(slug, ()))
                for slug, obj in objects.items()
            ]
            terms.sort(key=lambda t: term_sort_key(t.obj))
            index = TaxonomyIndex(taxonomy, terms, self.settings)
            self.indexes.append(index)
            self.context[f"{taxonomy.plural}_index"] = index
        self.context["taxonomy_indexes"] = self.indexes
        self.context["partner_registry"] = registry
        self.link_home_countries()

    def link_home_countries(self) -> None:
        """Each organization's registry country, as the country's page when it has one."""
        by_kind = {index.taxonomy.kind: index for index in self.indexes}
        if "partner" not in by_kind:
            return
        pages = {t.obj.code: t for t in by_kind["country"].terms} if "country" in by_kind else {}
        for term in by_kind["partner"].terms:
            code = getattr(term.obj, "country", None)
            if code:
                term.home_country = pages.get(code) or get_country(code)

    def start_writing(self) -> None:
        """With many releases, write this generator's pages in a forked process from now on,
        while the build writes the release and year pages (newsarchive/forked.py)."""
        self.forked = None
        if parallel(self.settings, len(self.context.get("releases", []))):
            self.forked = ForkedPages(self.context, self.settings, self.write_pages, Writer)

    def generate_output(self, writer) -> None:
        """Write index pages, term pages and term feeds (or wait for the process writing them)."""
        forked, self.forked = getattr(self, "forked", None), None
        if forked is not None:
            forked.finish()
        else:
            self.write_pages(writer)

    def write_pages(self, writer) -> None:
        """Index pages, term pages and term feeds, in this order."""
        for index in self.indexes:
            self.write_index(writer, index)
            for term in index.terms:
                self.write_term(writer, term, index)
                self.write_term_feed(writer, term)

    def write_index(self, writer, index: TaxonomyIndex) -> None:
        """/partners/, /countries/, /sdgs/ (not rendered again when what they show is unchanged:
        each term and its count, and for partners the organizations each release names together,
        which the partner network is drawn from; names come from the registry, in the salt)."""
        together = None
        if index.kind == "partner":
            together = [
                [o.slug for o in r.record.partners + r.record.funders]
                for r in self.context.get("releases", [])
            ]
        counts = [(t.slug, t.count) for t in index.terms]
        linked = [(role, [(t.slug, n) for t, n in rows]) for role, rows in index.linked.items()]
        print_ = fingerprint("index", index.kind, counts, together, linked)
        write_page(
            self,
            writer,
            f"index:{index.kind}",
            print_,
            index.save_as,
            self.get_template("terms"),
            index=index,
            lazy=lambda: {
                "jsonld": collection_jsonld(
                    self.settings, index.title, index.url, index.taxonomy.intro, index.terms
                )
            },
            page_name=index.url,
            url=index.url,
            relative_urls=self.settings["RELATIVE_URLS"],
        )

    def write_term(self, writer, term: Term, index: TaxonomyIndex) -> None:
        """One term's page with its releases, paginated, newest first and in title order."""
        home = getattr(term, "home_country", None)
        # a goal without releases points to the other goals, with their counts
        others = [(t.slug, t.count) for t in index.terms] if term.kind == "sdg" else None
        print_ = fingerprint(
            term.kind,
            term.slug,
            [(stamp(r), role) for r, role in term.entries],
            [(stamp(r), role, org.slug) for r, role, org in term.links],
            getattr(home, "url", None),
            others if not term.count else None,
        )
        write_listing(
            self,
            writer,
            f"{term.kind}:{term.slug}",
            print_,
            term,
            self.get_template("term"),
            "term",
            titles=term.count > 1,
            term=term,
        )

    def write_term_feed(self, writer, term: Term) -> None:
        """The term's Atom feed of dated releases (summaries; the site feed has full text).

        A term without a dated release has no feed: its `updated` date would be invented."""
        if not self.settings.get("ARCHIVE_FEED_ATOM") or not term.has_feed:
            return
        title = f"{term.name} | {self.settings['SITENAME']}"
        print_ = fingerprint("feed", term.slug, [stamp(r) for r in term.releases])
        write_feed(
            self,
            f"feed:{term.kind}:{term.slug}",
            print_,
            term.feed_url,
            title,
            term.url,
            term.releases,
            full_content=False,
        )


def add_filters(pelican) -> None:
    """Template filters of the theme's lists: `thousands` (2,000 releases)."""
    filters = dict(pelican.settings.get("JINJA_FILTERS") or {})  # a copy: not shared
    filters["thousands"] = thousands
    pelican.settings["JINJA_FILTERS"] = filters


def get_generators(pelican):
    """The taxonomy generator."""
    return TaxonomyGenerator


def start_writing(generators) -> None:
    """Receiver of `all_generators_finalized`: every context is ready and the content check has
    passed, so the taxonomy pages may be written from now on."""
    for generator in generators:
        if isinstance(generator, TaxonomyGenerator):
            generator.start_writing()
