"""The table of taxonomies (partners, countries, SDGs): what differs between them is data."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from .collection import collation_key
from .countries import get_country
from .registry import ORG_TYPES, Registry
from .release import Release
from .sdgs import Goal, all_goals


@dataclass(frozen=True)
class Taxonomy:
    """How one taxonomy finds its terms in a release and groups them on its index page."""

    kind: str
    plural: str
    title: str
    intro: str
    terms_of: Callable[[Release], Iterable[tuple[Any, str]]]
    group_of: Callable[[Any], str]
    group_order: Callable[[str], Any]
    catalogue: Callable[[Registry], Iterable[Any]]
    show_unused: bool = False
    # Terms a release touches through its organizations, not by naming them: (term, role, via)
    linked_of: Callable[[Release], Iterable[tuple[Any, str, Any]]] | None = None


def _orgs(release: Release):
    return [(o, "partner") for o in release.partners] + [(o, "funder") for o in release.funders]


def _countries(release: Release):
    return [(c, "") for c in release.countries]


def _goals(release: Release):
    return [(g, "") for g in release.sdgs]


def _org_countries(release: Release):
    """The registry countries of a release's partners and funders: (country, role, organization).

    A funder's or partner's home country is where money or people come from, not where the work
    happens (that is the release's own `countries`)."""
    out = []
    for role, orgs in (("partner", release.partners), ("funder", release.funders)):
        for org in orgs:
            country = get_country(org.country) if org.country else None
            if country is not None:
                out.append((country, role, org))
    return out


def linked_groups(
    items: Iterable[Any], links_of: Callable[[Any], Iterable[tuple[Any, str, Any]]]
) -> dict[str, list[tuple[Any, str, Any]]]:
    """term slug -> [(item, role, via)], items in their given order, each (role, via) once."""
    groups: dict[str, list[tuple[Any, str, Any]]] = {}
    for item in items:
        seen = set()
        for term, role, via in links_of(item):
            key = (term.slug, role, via.slug)
            if key not in seen:
                seen.add(key)
                groups.setdefault(term.slug, []).append((item, role, via))
    return groups


# An organization type in the singular, as a profile states it ("Type: UN agency").
ORG_TYPE_NAMES = {
    "un-agency": "UN agency",
    "intergovernmental": "Intergovernmental organization",
    "government": "Government",
    "national-institution": "National institution",
    "ngo": "NGO",
    "private-sector": "Private sector",
    "donor": "Donor or fund",
}


def org_type_name(org_type: str) -> str:
    """An organization type in the singular ("un-agency" -> "UN agency")."""
    return ORG_TYPE_NAMES.get(org_type, org_type)


_TYPE_ORDER = list(ORG_TYPES.values())

TAXONOMIES: tuple[Taxonomy, ...] = (
    Taxonomy(
        kind="partner",
        plural="partners",
        title="Partners",
        intro="Organizations party to the partnerships in this archive, as partners or funders.",
        terms_of=_orgs,
        group_of=lambda org: org.type_label,
        group_order=lambda label: (_TYPE_ORDER.index(label) if label in _TYPE_ORDER else 99, label),
        catalogue=lambda registry: list(registry),
    ),
    Taxonomy(
        kind="country",
        plural="countries",
        title="Countries",
        intro=(
            "Where the work happens: the countries and territories releases are about, by UN M49 "
            "region. Funders' and partners' own countries are listed apart."
        ),
        terms_of=_countries,
        group_of=lambda country: country.region,
        group_order=lambda label: label,
        catalogue=lambda registry: [],
        linked_of=_org_countries,
    ),
    Taxonomy(
        kind="sdg",
        plural="sdgs",
        title="Sustainable Development Goals",
        intro="The 17 UN Sustainable Development Goals that releases state they contribute to.",
        terms_of=_goals,
        group_of=lambda goal: "",
        group_order=lambda label: label,
        catalogue=lambda registry: list(all_goals()),
        show_unused=True,
    ),
)


def term_name(obj: Any) -> str:
    """Display name of a term's object."""
    return obj.label if isinstance(obj, Goal) else obj.name


def term_sort_key(obj: Any) -> tuple:
    """Order of terms inside a group: SDGs by number, others by name."""
    if isinstance(obj, Goal):
        return (obj.number, "")
    return (0, collation_key(term_name(obj)))
