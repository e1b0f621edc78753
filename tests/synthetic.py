"""A realistic synthetic archive for quality gates and benchmarks (deterministic for a seed).

`write_archive(folder, releases=N)` writes `content/partners.yaml` and N release files with varied
text, 1-4 organizations from a registry of a few hundred (long, accented and non-Latin names
included), 1-3 countries, 0-3 SDGs, dates over 25 years and some undated releases.
"""

from __future__ import annotations

import random
from pathlib import Path

import yaml

from newsarchive.countries import all_countries
from newsarchive.release import dump_release
from newsarchive.text import slugify

WORDS = (
    "migration partnership trafficking smuggling protection victims border management training "
    "capacity government civil society awareness campaign labour exploitation recruitment fair "
    "rights children women referral mechanism shelter return reintegration data research "
    "cooperation agreement memorandum understanding national commission workshop prosecutors "
    "judges police investigation identification screening community resilience livelihood "
    "displacement crisis humanitarian assistance funding donors regional dialogue policy law "
    "framework strategy coordination stakeholders evidence survey online digital safe regular "
    "pathways forced labour debt bondage domestic workers fishing construction agriculture"
).split()
SPECIAL_NAMES = [
    ("Ministère de la Justice et des Libertés", "MJL", "government"),
    ("Fundación Esperanza para la Niñez y la Adolescencia", "FENA", "ngo"),
    ("Организация по безопасности и сотрудничеству в Европе", "ОБСЕ", "intergovernmental"),
    ("国际移民合作中心", "", "ngo"),
    ("جمعية حماية المهاجرين", "", "ngo"),
    (
        "International Federation of Red Cross and Red Crescent Societies Regional Delegation "
        "for Southern, Eastern and Central Africa and the Indian Ocean Islands",
        "IFRC-SECA",
        "intergovernmental",
    ),
]
TYPES = [
    "un-agency",
    "intergovernmental",
    "government",
    "national-institution",
    "ngo",
    "private-sector",
    "donor",
]


def registry_entries(count: int, rng: random.Random) -> list[dict]:
    """`count` organizations: the special names above, then generated ones."""
    entries = []
    for name, acronym, kind in SPECIAL_NAMES:
        entries.append(
            {
                "slug": slugify(acronym or name) if acronym else f"org-{len(entries)}",
                "name": name,
                "acronym": acronym,
                "type": kind,
            }
        )
    while len(entries) < count:
        i = len(entries)
        words = rng.sample(WORDS, 3)
        name = f"{' '.join(w.capitalize() for w in words)} Organization {i}"
        acronym = "".join(w[0] for w in words).upper() + str(i)
        entries.append(
            {
                "slug": slugify(acronym),
                "name": name,
                "acronym": acronym,
                "type": TYPES[i % len(TYPES)],
                "description": f"Synthetic organization {i}.",
            }
        )
    for e in entries:
        if not e["acronym"]:
            del e["acronym"]
    return entries


def paragraph(rng: random.Random, sentences: int) -> str:
    """Some sentences of plausible words."""
    out = []
    for _ in range(sentences):
        words = [rng.choice(WORDS) for _ in range(rng.randint(12, 24))]
        out.append(" ".join(words).capitalize() + ".")
    return " ".join(out)


def write_archive(folder: Path, releases: int, organizations: int = 300, seed: int = 7) -> Path:
    """Write a content folder with `releases` releases; returns the content path."""
    rng = random.Random(seed)
    content = Path(folder) / "content"
    (content / "releases").mkdir(parents=True, exist_ok=True)
    orgs = registry_entries(organizations, rng)
    (content / "partners.yaml").write_text(
        yaml.safe_dump(orgs, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    countries = [c.code for c in all_countries()]
    for i in range(releases):
        undated = i % 17 == 5
        year = 2000 + (i * 7) % 25
        date = None if undated else f"{year}-{(i % 12) + 1:02d}-{(i % 28) + 1:02d}"
        partners = rng.sample(orgs, rng.randint(1, 3))
        funders = rng.sample(orgs, rng.randint(0, 1))
        title = f"{paragraph(rng, 1)[:70].rstrip('.').strip()} {i}"
        body = "\n\n".join(paragraph(rng, rng.randint(3, 6)) for _ in range(rng.randint(4, 7)))
        meta = {
            "title": title,
            "date": date,
            "dateline": rng.choice(["Geneva", "Islamabad", "Cairo", "Kyiv", "Bogotá", "Dakar"]),
            "summary": paragraph(rng, 1),
            "partners": [o.get("acronym") or o["name"] for o in partners],
            "funders": [o.get("acronym") or o["name"] for o in funders if o not in partners],
            "countries": rng.sample(countries, rng.randint(1, 3)),
            "sdgs": sorted(rng.sample(range(1, 18), rng.randint(0, 3))),
            "source": f"synthetic-{i:05d}.txt",
        }
        folder_name = date[:4] if date else "undated"
        path = content / "releases" / folder_name / f"{slugify(title)}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dump_release(meta, body), encoding="utf-8")
    return content
