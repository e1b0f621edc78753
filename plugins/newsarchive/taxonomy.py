"""The table of taxonomies (partners, countries, SDGs): what differs between them is data."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from .countries import Country
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


def _orgs(release: Release):
    return [(o, "partner") for o in release.partners] + [(o, "funder") for o in release.funders]


def _countries(release: Release):
    return [(c, "") for c in release.countries]


def _goals(release: Release):
    return [(g, "") for g in release.sdgs]


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
        intro="Countries and territories named in the releases, by UN M49 region.",
        terms_of=_countries,
        group_of=lambda country: country.region,
        group_order=lambda label: label,
        catalogue=lambda registry: [],
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
    if isinstance(obj, Goal):
        return obj.label
    if isinstance(obj, Country):
        return obj.name
    return obj.name


def term_sort_key(obj: Any) -> tuple:
    """Order of terms inside a group: SDGs by number, others by name."""
    if isinstance(obj, Goal):
        return (obj.number, "")
    return (0, term_name(obj).casefold())
