"""One generator for every taxonomy in `newsarchive.taxonomy.TAXONOMIES`."""

from __future__ import annotations

import logging
import os
from itertools import groupby

from pelican.generators import Generator
from pelican.urlwrappers import URLWrapper

from archive_releases.generator import (
    REGISTRY_KEY,
    collection_jsonld,
    stamp,
    write_feed,
    write_page,
)
from newsarchive.collection import group_by
from newsarchive.countries import get_country
from newsarchive.incremental import fingerprint
from newsarchive.registry import load_registry
from newsarchive.taxonomy import TAXONOMIES, Taxonomy, term_name, term_sort_key

logger = logging.getLogger(__name__)


class Term(URLWrapper):
    """A term page (an organization, a country, a goal); URLs from `<KIND>_URL` settings."""

    def __init__(self, taxonomy: Taxonomy, obj, entries, settings: dict):
        super().__init__(term_name(obj), settings)
        self.slug = obj.slug
        self.kind = taxonomy.kind
        self.taxonomy = taxonomy
        self.obj = obj
        self.entries = entries  # [(release, role)], newest first
        self.releases = [release for release, _ in entries]
        self.roles = {id(release): role for release, role in entries}

    @property
    def count(self) -> int:
        """Number of releases naming this term."""
        return len(self.entries)

    @property
    def feed_url(self) -> str:
        """URL of the term's Atom feed."""
        return self._from_settings("FEED_ATOM")

    def role_of(self, release) -> str:
        """ "partner" or "funder" for organizations, "" otherwise."""
        return self.roles.get(id(release), "")


class Partner(Term):
    """An organization's page."""

    home_country = None  # its registry country: the country's Term when it has a page, else Country


class Country(Term):
    """A country's page."""


class Sdg(Term):
    """A goal's page."""


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
        by_group = sorted(terms, key=lambda t: taxonomy.group_order(taxonomy.group_of(t.obj)))
        self.groups = [
            (label, sorted(items, key=lambda t: term_sort_key(t.obj)))
            for label, items in groupby(by_group, key=lambda t: taxonomy.group_of(t.obj))
        ]


class TaxonomyGenerator(Generator):
    """Builds every taxonomy's index page, term pages and term feeds in one pass over releases."""

    def generate_context(self) -> None:
        """Group the published releases by each taxonomy's terms."""
        releases = self.context.get("releases", [])
        registry = self.context.get(REGISTRY_KEY)
        if registry is None:
            registry = load_registry(
                os.path.join(
                    self.settings["PATH"], self.settings.get("ARCHIVE_REGISTRY", "partners.yaml")
                )
            )
        self.indexes: list[TaxonomyIndex] = []
        for taxonomy in TAXONOMIES:
            groups = group_by(
                releases,
                lambda r, t=taxonomy: [(obj.slug, role) for obj, role in t.terms_of(r.record)],
            )
            objects = {obj.slug: obj for r in releases for obj, _ in taxonomy.terms_of(r.record)}
            if taxonomy.show_unused:
                for obj in taxonomy.catalogue(registry):
                    objects.setdefault(obj.slug, obj)
            cls = TERM_CLASSES[taxonomy.kind]
            terms = [
                cls(taxonomy, obj, groups.get(slug, []), self.settings)
                for slug, obj in objects.items()
            ]
            terms.sort(key=lambda t: term_sort_key(t.obj))
            index = TaxonomyIndex(taxonomy, terms, self.settings)
            self.indexes.append(index)
            self.context[f"{taxonomy.plural}_index"] = index
        self.context["taxonomy_indexes"] = self.indexes
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

    def generate_output(self, writer) -> None:
        """Write index pages, term pages and term feeds."""
        for index in self.indexes:
            self.write_index(writer, index)
            for term in index.terms:
                self.write_term(writer, term)
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
        print_ = fingerprint("index", index.kind, counts, together)
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

    def write_term(self, writer, term: Term) -> None:
        """One term's page with its releases, paginated."""
        home = getattr(term, "home_country", None)
        print_ = fingerprint(
            term.kind,
            term.slug,
            [(stamp(r), role) for r, role in term.entries],
            getattr(home, "url", None),
        )
        write_page(
            self,
            writer,
            f"{term.kind}:{term.slug}",
            print_,
            term.save_as,
            self.get_template("term"),
            term=term,
            lazy=lambda: {
                "jsonld": collection_jsonld(self.settings, term.name, term.url, "", term.releases)
            },
            paginated={"releases": term.releases},
            template_name="term",
            page_name=term.page_name,
            url=term.url,
            relative_urls=self.settings["RELATIVE_URLS"],
        )

    def write_term_feed(self, writer, term: Term) -> None:
        """The term's Atom feed of dated releases (summaries; the site feed has full text)."""
        if not self.settings.get("ARCHIVE_FEED_ATOM") or not term.count:
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


def get_generators(pelican):
    """The taxonomy generator."""
    return TaxonomyGenerator
