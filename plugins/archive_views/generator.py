"""The views generator: SVG figures for the templates, and /data/ with its JSON and CSV files."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace

from markupsafe import Markup
from pelican.generators import Generator

from newsarchive import opendata
from newsarchive.collection import collation_key
from newsarchive.output import write_bytes
from newsarchive.pages import absolute_url, term_url_makers
from newsarchive.registry import ORG_TYPES
from newsarchive.sdgs import all_goals
from newsarchive.taxonomy import org_type_name
from newsarchive.views import (
    MapEntry,
    Network,
    Node,
    YearCounts,
    build_network,
    legend,
    map_svg,
    network_svg,
    timeline_svg,
    year_counts,
)

logger = logging.getLogger(__name__)

DATA_FILES = (  # (file, format, what), in the order the /data/ page lists them
    ("releases.json", "JSON", "Every published release's metadata"),
    ("releases.csv", "CSV", "The same, one row per release"),
    ("partners.json", "JSON", "Organizations named in releases, with their number of releases"),
    (
        "countries.json",
        "JSON",
        "Countries releases are about, and the funders' and partners' countries, with counts",
    ),
    ("sdgs.json", "JSON", "The 17 goals with their number of releases"),
)


@dataclass
class Figure:
    """An SVG figure (empty when there is nothing to draw) and the data behind it for tables."""

    svg: Markup
    data: object = None
    rows: list = field(default_factory=list)


class ArchiveViews:
    """The build's views for templates; each figure is drawn once per page depth and cached."""

    def __init__(self, settings: dict, releases: list, indexes: dict, registry=None):
        self.settings = settings
        self.releases = releases
        self.indexes = indexes
        self.registry = registry  # the partner registry, for the publisher's entry
        self.max_nodes = settings.get("VIEWS_NETWORK_MAX_NODES", 60)
        self._cache: dict[tuple, Figure] = {}

    def _cached(self, key: tuple, make) -> Figure:
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]

    def home_timeline(self, siteurl: str = "") -> Figure:
        """Releases per year of the whole archive; each year links to its page."""
        return self._cached(
            ("home", siteurl), lambda: self._timeline(self.releases, "home-timeline", "", siteurl)
        )

    def term_timeline(self, term, siteurl: str = "") -> Figure:
        """Releases per year naming one partner, country or goal; years link to their pages."""
        return self._cached(
            ("term", term.kind, term.slug, siteurl),
            lambda: self._timeline(term.releases, "term-timeline", term.name, siteurl),
        )

    def _timeline(self, releases, id_prefix: str, subject: str, siteurl: str) -> Figure:
        counts: YearCounts = year_counts(r.record.date for r in releases)
        pattern = self.settings["YEAR_URL"]
        svg = timeline_svg(
            counts,
            id_prefix,
            subject,
            year_href=lambda year: f"{siteurl}/{pattern.format(year=year)}",
        )
        return Figure(Markup(svg), counts)

    def country_map(self, siteurl: str = "") -> Figure:
        """The world map; `siteurl` is the page's SITEURL, prefixed to the links."""
        return self._cached(("map", siteurl), lambda: self._map(siteurl))

    def _map(self, siteurl: str) -> Figure:
        """Countries shaded by the releases about them (where the work happens); funders' and
        partners' own countries are listed apart, never shaded."""
        index = self.indexes.get("country")
        entries = [
            MapEntry(t.obj.code, t.name, t.obj.region, t.count, f"{siteurl}/{t.url}")
            for t in (index.terms if index else [])
            if t.count
        ]
        entries.sort(key=lambda e: (-e.count, collation_key(e.name), e.code))
        svg = Markup(map_svg(entries)) if entries else Markup("")
        return Figure(svg, legend(entries), entries)

    def partner_network(self, siteurl: str = "") -> Figure:
        """The partner network; `siteurl` is the page's SITEURL, prefixed to the links."""
        return self._cached(("network", siteurl), lambda: self._network(siteurl))

    def _network(self, siteurl: str) -> Figure:
        index = self.indexes.get("partner")
        nodes = [
            Node(
                t.slug,
                t.obj.short,
                t.obj.label,
                t.obj.type,
                org_type_name(t.obj.type),
                t.count,
                f"{siteurl}/{t.url}",
            )
            for t in (index.terms if index else [])
            if t.count
        ]
        groups = [[o.slug for o in r.record.partners + r.record.funders] for r in self.releases]
        network: Network = build_network(
            nodes, groups, list(ORG_TYPES), self.max_nodes, hub=self._publisher(nodes)
        )
        rows = [
            (node, network.partners_of(node.key))
            for node in sorted(
                network.nodes, key=lambda n: (-n.count, collation_key(n.label), n.key)
            )
        ]
        return Figure(Markup(network_svg(network)), network, rows)

    def _publisher(self, nodes: list[Node]) -> Node | None:
        """The publisher (PUBLISHER_SLUG) as the network's hub: its node, linked to its page, when
        releases name it; else from the registry, or from AUTHOR, without a link."""
        slug = self.settings.get("PUBLISHER_SLUG")
        author = self.settings.get("AUTHOR") or ""
        count = len(self.releases)
        for node in nodes:
            if node.key == slug:
                return replace(node, count=count)
        org = self.registry.get(slug) if (self.registry is not None and slug) else None
        if org is not None:
            kind = org_type_name(org.type)
            return Node(org.slug, org.short, org.label, org.type, kind, count, "")
        if not author:
            return None
        acronym = re.search(r"\(([^()]+)\)\s*$", author)
        label = acronym.group(1) if acronym else author
        return Node(slug or "publisher", label, author, "", "Publisher", count, "")


class ViewsGenerator(Generator):
    """Puts `views` and `open_data` into the context, and writes /data/ and its files."""

    def generate_context(self) -> None:
        """Prepare the views (drawn lazily by the templates) and the open data links."""
        releases = self.context.get("releases", [])
        indexes = {i.kind: i for i in self.context.get("taxonomy_indexes", [])}
        self.releases = releases
        self.data_url = self.settings.get("DATA_URL", "data/")
        self.data_save_as = self.settings.get("DATA_SAVE_AS", "data/index.html")
        self.files = [
            {"name": name, "format": fmt, "description": what, "url": f"{self.data_url}{name}"}
            for name, fmt, what in DATA_FILES
        ]
        self.context["views"] = ArchiveViews(
            self.settings, releases, indexes, self.context.get("partner_registry")
        )
        self.context["open_data"] = {"url": self.data_url, "files": self.files}

    def generate_output(self, writer) -> None:
        """Write the export files, then the page documenting them."""
        self.write_exports()
        self.write_data_page(writer)

    def write_exports(self) -> None:
        """releases.json and .csv, partners.json, countries.json and sdgs.json."""
        about = absolute_url(self.settings, self.data_url)
        makers = term_url_makers(self.settings)
        records = [r.record for r in self.releases]
        rows = [
            opendata.release_row(r.record, absolute_url(self.settings, r.url))
            for r in self.releases
        ]
        exports = {
            "releases.json": opendata.to_json(opendata.document("releases", rows, about)),
            "releases.csv": opendata.to_csv(rows),
            "partners.json": opendata.to_json(
                opendata.document(
                    "partners", opendata.partner_rows(records, makers["partner"]), about
                )
            ),
            "countries.json": opendata.to_json(
                opendata.document(
                    "countries", opendata.country_rows(records, makers["country"]), about
                )
            ),
            "sdgs.json": opendata.to_json(
                opendata.document(
                    "sdgs", opendata.sdg_rows(records, all_goals(), makers["sdg"]), about
                )
            ),
        }
        for name, data in exports.items():
            write_bytes(self.settings["OUTPUT_PATH"], f"{self.data_url}{name}", data)
        logger.debug("archive_views: wrote %d open data files", len(exports))

    def write_data_page(self, writer) -> None:
        """/data/: what each file holds, its fields and licence."""
        writer.write_file(
            self.data_save_as,
            self.get_template("data"),
            self.context,
            data_files=self.files,
            page_name=self.data_url,
            url=self.data_url,
            relative_urls=self.settings["RELATIVE_URLS"],
        )


def get_generators(pelican):
    """The views generator (after the taxonomies, whose indexes it reads)."""
    return ViewsGenerator
