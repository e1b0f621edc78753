"""Whose support is money: a donor, a fund, an embassy, a development agency or another
country's government funds; anyone else who supports the work is a partner."""

from __future__ import annotations

import re

from .geo import country_code, nationality_code
from .orgs import OrgRef
from .phrases import DEVELOPMENT_AGENCY, DONOR_NAME, STATE_BODY

PARTY_TYPES = ("un-agency", "ngo", "national-institution")
UN_AGENCY = re.compile(
    r"(?:the\s+)?(?:United Nations|UN)\b(?!.*\b(?:Trust Fund|Peacebuilding|Fund for)\b)"
)


def donor_like(ref: OrgRef, country: str | None = None) -> bool:
    """True for an organization whose support is money: a donor, fund, embassy or development
    agency, or the government of a country other than the release's own."""
    org = ref.org
    if org and (org.type == "donor" or (org.type == "government" and org.country != country)):
        return True
    if org and org.type in PARTY_TYPES:
        return False
    name = org.name if org else ref.name
    code = country_code(name) or country_code(re.sub(r"^Government of (?:the )?", "", name))
    if code:
        return code != country
    if UN_AGENCY.match(name):  # "United Nations Children's Fund" is an agency, not a donor
        return False
    donor = DONOR_NAME.search(name) or DEVELOPMENT_AGENCY.search(name)
    return bool(donor) and not (country and names_country(name, country))


def names_country(name: str, code: str) -> bool:
    """True when a body's name says it is this country's ("Ministry of Finance of Ghana")."""
    words = re.findall(r"[A-Z][\w'’-]+", name)
    return any(country_code(w) == code or nationality_code(w) == code for w in words)


def home_country(ref: OrgRef) -> str | None:
    """The country a funder is the government or a body of ("DFAT", "Government of Japan",
    "U.S. Department of Labor", "Embassy of Canada")."""
    if ref.org and ref.org.country:
        return ref.org.country
    name = re.sub(r"^(?:the\s+)?", "", ref.name)
    code = country_code(re.sub(r"^Government of (?:the )?", "", name))
    first = re.match(r"([A-Z][\w.'’-]*)(?:\s+([A-Z][\w.'’-]*))?", name)
    if not code and first and STATE_BODY.search(name):  # a state's body, by its qualifier
        code = country_code(" ".join(filter(None, first.groups()))) or country_code(first[1])
        code = code or nationality_code(first[1])
        of = re.search(r"\bof\s+(?:the\s+)?([A-Z][\w' -]+)$", name)
        code = code or (country_code(of[1]) if of else None)
    return code
