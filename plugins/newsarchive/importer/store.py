"""Writing imports safely: existing releases found, files written whole, new organizations kept."""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from .. import safeyaml
from ..checks.duplicates import lead_key
from ..registry import Organization, Registry, dump_organization
from ..release import split_front_matter
from ..text import match_key, slugify
from .geo import country_mentions, nationality_code
from .orgs import OrgRef

UN_SYSTEM = (
    r"UNICEF|UNHCR|UNODC|UNDP|UNFPA|UNESCO|UNAIDS|UNOPS|UNEP|UNRWA|UNITAR|UNICRI|UNOCHA|OCHA|"
    r"OHCHR|ILO|WHO|WFP|FAO|IFAD|ITU|IMO|ICAO|UPU|UNIDO|UNCTAD|UNIS|UN Women|UN-Habitat|"
    r"UN Habitat|UNU|UNV|ICAT|UNVTF"
)
INTERGOVERNMENTAL = (
    r"European Union|European Commission|European Parliament|Council of Europe|African Union|"
    r"OSCE|OAS|ASEAN|ECOWAS|ECCAS|SADC|IGAD|EAC|COMESA|CARICOM|SICA|MERCOSUR|League of Arab|"
    r"Organi[sz]ation (?:of|for) [A-Z]\w*|Intergovernmental|Commonwealth Secretariat|"
    r"INTERPOL|Interpol|"
    r"Europol|Frontex|ICMPD|Bali Process|World Bank|Development Bank|OECD|Economic Community|"
    r"Development Community|Community of|NATO|GLO\.?ACT|AMIF|Internal Security Fund|"
    r"Trust Fund for Africa"
)
TYPE_RULES = (
    (
        rf"^(?:United Nations|UN)\b|\b(?:{UN_SYSTEM})\b|\bWorld Health\b|\bInternational Labou?r\b|"
        r"\bUnited Nations\b|\bUN Refugee Agency\b",
        "un-agency",
    ),
    (rf"\b(?:{INTERGOVERNMENTAL})\b", "intergovernmental"),
    (
        r"\b(?:National|Human Rights) (?:Commission|Institute|Institution|Council|Authority)\b|"
        r"\bOmbuds",
        "national-institution",
    ),
    (r"\b(?:Foundation|Fund|Trust|Donor)\b", "donor"),
    (r"\b(?:Company|Corporation|Inc|Ltd|LLC|plc|Airlines?|Bank|Group plc)\b", "private-sector"),
    (
        r"\b(?:Government|Ministry|Ministries|Embassy|Consulate|Department|Federal|Police|Bureau|"
        r"Directorate|Agency of|Republic|Kingdom|Gendarmerie|Coast ?Guard|Border Guard|"
        r"Immigration Service|Service of|State Department|Agency for International Development|"
        r"Agency for Development|Cooperation Agency|Development Cooperation|Secretariat of|"
        r"Commissioner|Federal Office|Office for|Presidency|Prosecutor|Judiciary|Court|Council of "
        r"Ministers|Armed Forces|Navy|Army|Municipality|County|Governorate|Province|State|"
        r"National (?:Agency|Committee|Council|Office|Directorate|Institute)|Secretariat|"
        r"Development Agency|Global Affairs|Home Office|Foreign Office|Development Office)\b",
        "government",
    ),
)


FILE_MODE = 0o644


@dataclass(frozen=True)
class Existing:
    """A release file already in the output folder, by source, title, date and opening text."""

    path: Path
    source: str
    title_key: str
    date: str
    lead: str = ""


def scan_existing(folder: Path) -> list[Existing]:
    """The release files under a folder that have readable front matter."""
    found = []
    for path in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
        try:
            parts = split_front_matter(path.read_text(encoding="utf-8"))
            meta = safeyaml.load(parts[0], first_line=2)[0] if parts else None
        except (OSError, UnicodeDecodeError, yaml.YAMLError, safeyaml.YamlRefused):
            continue
        if isinstance(meta, dict) and meta.get("title"):
            found.append(
                Existing(
                    path,
                    str(meta.get("source") or ""),
                    match_key(str(meta["title"])),
                    str(meta.get("date") or "")[:10],
                    lead_key(parts[1]),
                )
            )
    return found


def find_existing(
    existing: list[Existing], source: str, title: str, date: str, lead: str = ""
) -> Existing | None:
    """The release already imported: same source and title, same title and date, or same
    source and opening text (an editor may have retitled it)."""
    key = match_key(title)
    for item in existing:
        if item.title_key == key and (
            (source and item.source == source) or (date and item.date == date)
        ):
            return item
    for item in existing:
        if source and lead and item.source == source and item.lead == lead:
            return item
    return None


def backup_path(path: Path) -> Path:
    """Where the previous version of a replaced file is kept: name.md.bak, name.md.2.bak..."""
    candidate, n = path.with_name(path.name + ".bak"), 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.name}.{n}.bak")
    return candidate


def free_path(path: Path, taken: set[Path]) -> Path:
    """The path, or the same with -2, -3... when a different file already holds it."""
    candidate, n = path, 1
    while candidate.exists() or candidate in taken:
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def write_atomic(path: Path, text: str) -> None:
    """Write a file whole or not at all: a temporary file in the same folder, then a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, FILE_MODE)  # mkstemp makes 0600; content files are read by everyone
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def guess_type(name: str, funder: bool = False) -> str:
    """The likely registry type of an organization from its name (a UN agency, an
    intergovernmental body, a government's, ...); an NGO when nothing says otherwise."""
    for pattern, org_type in TYPE_RULES:
        if re.search(pattern, name):
            return org_type
    first = name.split()[0] if name.split() else ""
    if nationality_code(first) and re.search(r"\b(?:Institute|Agency|Office|Council)\b", name):
        return "government"  # "Colombian Family Welfare Institute"
    return "donor" if funder else "ngo"


def guess_country(name: str) -> str:
    """The country a body's name gives ("Government of Mozambique", "Yemen Red Crescent
    Society", "Danish Ministry of ..."), else ""."""
    found = country_mentions(name)
    return (
        found[0].code
        if found
        else next((code for word in name.split() if (code := nationality_code(word))), "")
    )


def new_organization(ref: OrgRef, registry: Registry, funder: bool = False) -> Organization:
    """A registry entry for an organization the registry lacks, marked for review."""
    base = slugify(ref.acronym or ref.name)
    slug, n = base, 1
    while registry.get(slug):
        n += 1
        slug = f"{base}-{n}"
    name = ref.name if ref.name != ref.acronym else ref.acronym
    org_type = guess_type(f"{name} {ref.acronym}", funder)
    return Organization(
        slug=slug,
        name=name,
        type=org_type,
        acronym=ref.acronym if ref.acronym != name else "",
        country=guess_country(name) if org_type not in ("un-agency", "intergovernmental") else "",
        review=True,
    )


def may_update_registry(registry_path: Path, output: Path) -> bool:
    """True when the output folder lies inside the folder that holds the registry."""
    try:
        output.resolve().relative_to(registry_path.resolve().parent)
    except ValueError:
        return False
    return True


def append_organizations(registry_path: Path, orgs: list[Organization]) -> None:
    """Add entries at the end of the registry file, comments kept, written atomically."""
    if not orgs:
        return
    text = registry_path.read_text(encoding="utf-8") if registry_path.exists() else ""
    if text and not text.endswith("\n"):
        text += "\n"
    entries = [dump_organization(org) for org in orgs]
    text += yaml.safe_dump(entries, sort_keys=False, allow_unicode=True, width=100)
    write_atomic(registry_path, text)
