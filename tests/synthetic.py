"""A realistic synthetic archive for quality gates and benchmarks (deterministic for a seed).

`write_archive(folder, releases=N)` writes `content/partners.yaml` and N release files, 1-4
organizations each from a registry of a few hundred (long, accented and non-Latin names included),
1-3 countries, 0-3 SDGs, dates over 25 years and some undated releases.

The text has a vocabulary that grows with the archive as real text does: English words drawn by
their frequency in the `wordfreq` package (a test dependency: Zipf-like, so common words repeat
and rare ones keep coming), the field's own words (trafficking, shelter, prosecutors...), people's
names (accented and non-Latin ones included), places, numbers and dates, and the names of the
release's own organizations and countries, as a press release names them. About 76,000 distinct
words at 10,000 releases, as Pagefind counts them.
"""

from __future__ import annotations

import bisect
import functools
import itertools
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
KINDS = {
    "un-agency": ["United Nations {} Office", "UN {} Programme"],
    "intergovernmental": ["{} Regional Organization", "Council for {}"],
    "government": ["Ministry of {}", "National Agency for {}", "Department of {}"],
    "national-institution": ["National Commission on {}", "{} Ombudsperson"],
    "ngo": ["{} Foundation", "Association for {}", "{} Initiative", "{} Network"],
    "private-sector": ["{} Group", "{} Holdings"],
    "donor": ["{} Fund", "{} Trust"],
}
FIRST_NAMES = (
    "Maria José Ahmed Fatima Olena Dmytro Aisha Mohammed Chen Wei Priya Rahul Ngozi Chinedu "
    "Sofía Joaquín Amina Youssef Ana Luís Kateryna Ibrahim Leila Tomás Zeynep Mehmet Nadia "
    "Sipho Thandiwe Nguyễn Linh Hiroshi Yuki Ayesha Imran Olga Sergei Élodie François Björn "
    "Agnieszka Grzegorz Kwame Abena Mariam Tariq Rosa Javier Ewa Mateus Ines Adebayo Chiamaka"
).split()
SURNAMES = (
    "García Fernández Müller Nowak Kowalski Okafor Adeyemi Mensah Haddad Khan Qureshi Sharma "
    "Patel Nguyen Tran Kim Park Tanaka Suzuki Ivanova Petrenko Shevchenko Yılmaz Demir Öztürk "
    "Rodríguez López Silva Santos Pereira Dubois Lefèvre Rossi Bianchi Jensen Andersson Nilsson "
    "Mwangi Ochieng Abdullahi Hussein Rahman Chowdhury Bakr Mahmoud Alvarez Núñez Gonçalves"
).split()
NON_LATIN_NAMES = (
    "Алексей Смирнов|Ольга Коваленко|محمد الأمين|فاطمة الزهراء|王芳|李伟|ნინო ბერიძე|"
    "Ελένη Παπαδοπούλου|אברהם כהן|अनीता शर्मा|সুমাইয়া আক্তার|ສົມພອນ|Зоран Јовановић"
).split("|")
CITIES = (
    "Geneva|Islamabad|Cairo|Kyiv|Bogotá|Dakar|Niamey|Agadez|Tripoli|Tunis|Amman|Beirut|Erbil|"
    "Kabul|Dhaka|Colombo|Kathmandu|Bangkok|Manila|Jakarta|Nairobi|Addis Ababa|Kampala|Lagos|"
    "Abuja|Accra|Abidjan|Bamako|Ouagadougou|Lima|Quito|Caracas|Cúcuta|Tapachula|Tegucigalpa|"
    "Managua|Panamá|Chișinău|Tbilisi|Yerevan|Baku|Almaty|Bishkek|Dushanbe|Tashkent|Ankara|"
    "İstanbul|Gaziantep|Athens|Lesbos|Valletta|Rome|Lampedusa|Madrid|Ceuta|Melilla|Rabat|Oujda|"
    "São Paulo|Brasília|Asunción|Montevideo|Santiago|Medellín|Ciudad Juárez|Mexicali"
).split("|")
VERBS = (
    "sign train launch strengthen support discuss expand renew open host equip assist review "
    "train protect fund"
).split()
VOCABULARY = 200_000  # English words drawn from, most frequent first
DOMAIN_SHARE = 0.12  # of words drawn from WORDS (the field's own vocabulary)


@functools.lru_cache(maxsize=1)
def english() -> tuple[list[str], list[float]]:
    """The VOCABULARY most frequent English words (letters only) and their cumulative frequency."""
    from wordfreq import get_frequency_dict

    frequencies = get_frequency_dict("en", wordlist="large")
    ranked = sorted(
        ((w, f) for w, f in frequencies.items() if w.isalpha()), key=lambda wf: (-wf[1], wf[0])
    )[:VOCABULARY]
    return [w for w, _ in ranked], list(itertools.accumulate(f for _, f in ranked))


class Writer:
    """Sentences for one archive: words by frequency, names, places and numbers."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.words, self.cumulative = english()
        self.total = self.cumulative[-1]

    def word(self) -> str:
        """One word: an English word by frequency, or the field's own vocabulary."""
        rng = self.rng
        if rng.random() < DOMAIN_SHARE:
            return rng.choice(WORDS)
        return self.words[bisect.bisect(self.cumulative, rng.random() * self.total)]

    def person(self) -> str:
        """A person's name: Latin (accents included) or another script."""
        rng = self.rng
        if rng.random() < 0.1:
            return rng.choice(NON_LATIN_NAMES)
        return f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"

    def number(self) -> str:
        """A figure as releases write them: a count, an amount, a share or a year."""
        rng = self.rng
        kind = rng.random()
        if kind < 0.3:
            return str(rng.randint(2, 99))
        if kind < 0.55:
            return f"{rng.randint(1, 999)},{rng.randint(0, 999):03d}"
        if kind < 0.7:
            return f"{rng.randint(1, 99)} per cent"
        if kind < 0.85:
            return f"USD {rng.randint(1, 40)} million"
        return str(rng.randint(1990, 2025))

    def sentence(self, mentions: list[str]) -> str:
        """12-24 words, with now and then a name, a place, a number or one of `mentions`."""
        rng = self.rng
        parts = [self.word() for _ in range(rng.randint(12, 24))]
        roll = rng.random()
        at = rng.randrange(1, len(parts))
        if roll < 0.15:
            parts.insert(at, f"said {self.person()}")
        elif roll < 0.3:
            parts.insert(at, f"in {rng.choice(CITIES)}")
        elif roll < 0.5:
            parts.insert(at, self.number())
        elif roll < 0.65 and mentions:
            parts.insert(at, rng.choice(mentions))
        text = " ".join(parts)
        return text[0].upper() + text[1:] + "."

    def paragraph(self, sentences: int, mentions: list[str] | None = None) -> str:
        """Some sentences."""
        return " ".join(self.sentence(mentions or []) for _ in range(sentences))

    def title(self, orgs: list[str], places: list[str], number: int) -> str:
        """A headline naming the release's organizations and a place, cut at a word."""
        rng = self.rng
        words = [self.word() for _ in range(rng.randint(2, 5))]
        head = f"{' and '.join(orgs[:2])} {rng.choice(VERBS)} {' '.join(words)}"
        if places and rng.random() < 0.7:
            head += f" in {places[0]}"
        if len(head) > 90:
            head = head[:90].rsplit(" ", 1)[0]
        return f"{head[0].upper()}{head[1:]} ({number})"


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
        kind = TYPES[i % len(TYPES)]
        words = rng.sample(WORDS, 2)
        topic = " ".join(w.capitalize() for w in words)
        name = f"{rng.choice(KINDS[kind]).format(topic)} {i}"
        acronym = "".join(w[0] for w in name.split() if w[0].isalpha()).upper() + str(i)
        entries.append(
            {
                "slug": slugify(acronym),
                "name": name,
                "acronym": acronym,
                "type": kind,
                "description": f"Synthetic organization {i}.",
            }
        )
    for e in entries:
        if not e["acronym"]:
            del e["acronym"]
    return entries


def paragraph(rng: random.Random, sentences: int) -> str:
    """Some sentences of realistic text."""
    return Writer(rng).paragraph(sentences)


def write_archive(folder: Path, releases: int, organizations: int = 300, seed: int = 7) -> Path:
    """Write a content folder with `releases` releases; returns the content path."""
    rng = random.Random(seed)
    writer = Writer(rng)
    content = Path(folder) / "content"
    (content / "releases").mkdir(parents=True, exist_ok=True)
    orgs = registry_entries(organizations, rng)
    (content / "partners.yaml").write_text(
        yaml.safe_dump(orgs, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    countries = {c.code: c.name for c in all_countries()}
    codes = sorted(countries)
    for i in range(releases):
        undated = i % 17 == 5
        year = 2000 + (i * 7) % 25
        date = None if undated else f"{year}-{(i % 12) + 1:02d}-{(i % 28) + 1:02d}"
        partners = rng.sample(orgs, rng.randint(1, 3))
        funders = rng.sample(orgs, rng.randint(0, 1))
        chosen = rng.sample(codes, rng.randint(1, 3))
        names = [o.get("acronym") or o["name"] for o in partners]
        places = [countries[c] for c in chosen]
        mentions = names + places + [rng.choice(list(countries.values()))]  # and one elsewhere
        body = "\n\n".join(
            writer.paragraph(rng.randint(3, 6), mentions) for _ in range(rng.randint(4, 7))
        )
        title = writer.title(names, places, i)
        meta = {
            "title": title,
            "date": date,
            "dateline": rng.choice(CITIES),
            "summary": writer.paragraph(1, mentions),
            "partners": names,
            "funders": [o.get("acronym") or o["name"] for o in funders if o not in partners],
            "countries": chosen,
            "sdgs": sorted(rng.sample(range(1, 18), rng.randint(0, 3))),
            "source": f"synthetic-{i:05d}.txt",
        }
        folder_name = date[:4] if date else "undated"
        path = content / "releases" / folder_name / f"{slugify(title)}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dump_release(meta, body), encoding="utf-8")
    return content
