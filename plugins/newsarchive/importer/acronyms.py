"""Acronyms a text defines: "Federal Investigation Agency (FIA)" gives FIA its full name."""

from __future__ import annotations

import re

from .geo import country_code

CONNECTORS = {
    "of",
    "for",
    "on",
    "de",
    "del",
    "des",
    "du",
    "la",
    "le",
    "the",
    "in",
    "against",
    "and",
    "to",
    "para",
    "pour",
    "las",
    "los",
    "les",
    "et",
    "y",
    "e",
    "da",
    "do",
    "dos",
    "das",
    "contra",
    "contre",
    "sobre",
    "entre",
    "el",
    "en",
    "al",
    "au",
    "aux",
    "à",
    "für",
    "und",
    "o",  # Portuguese articles inside names: "Comissão ... contra o Tráfico"
    "a",
    "os",
    "as",
}
ELISION = re.compile(r"^[dlDL]['’]")
ACRONYM_DEF = re.compile(r"\(\s*([A-Z][A-Za-z.&/-]{1,11}?)\.?\s*\)")
NAME_CONNECTORS = CONNECTORS | {"to", "&", "at", "with"}
ARTICLES = {"the", "a", "an"}
ORG_HEADS = re.compile(
    r"\b(?:Government|Ministry|Ministries|Embassy|Consulate|Agency|Organi[sz]ation|Office|"
    r"Commission|Council|Fund|Foundation|Bank|Union|Association|Society|Institute|University|"
    r"Department|Bureau|Programme|Program|Network|Centre|Center|Committee|Authority|Service|"
    r"Police|Trust|Partnership|International|Initiative|Alliance|Federation|Coalition|Group|"
    r"Company|Corporation|Inc|Ltd|Forum|Secretariat|Mission|Cross|Crescent|Directorate|"
    r"Unit|Board|Court|Parliament|Assembly|Charity|Relief|Aid|Cooperation|Development|Project|"
    r"Service|Services|Strada|Caritas|Guard|Forces|Army|Navy|Presidency|Task Force|Agence|"
    r"Inspectorate|Ombudsman|Ombudsperson|Observatory|Mechanism|Chancellery|Prosecution|"
    r"Tribunal|Gendarmerie|Platform|"
    # French, Spanish and Portuguese heads ("Secretaría contra la Trata", "ministère de la Justice")
    r"Minist[eè]re|Ministerio|Ministério|Secretar[ií]a|Secrétariat|Procuradur[ií]a|Fiscal[ií]a|"
    r"Defensor[ií]a|Direcci[oó]n|Direction|Direção|Divisi[oó]n|Oficina|Instituto|Comisi[oó]n|"
    r"Comité|Consejo|Conseil|Cellule|Unidad|Servicio|Agencia|Organizaci[oó]n|Fundaci[oó]n|"
    r"Fondation|Fondo|Fonds|Asociaci[oó]n|Embajada|Ambassade|Gobierno|Gouvernement|Governo|"
    r"Polic[ií]a|Brigade|Brigada|Centro|Programa|Uni[oó]n|Observatorio|Observatoire|Mecanismo|"
    r"Gesellschaft|Departamento|Département|Comissão|Procuradoria)\b"
)


def acronym_definitions(text: str) -> dict[str, str]:
    """Acronyms defined in the text: "Federal Investigation Agency (FIA)" -> {"FIA": name}."""
    found: dict[str, str] = {}
    for m in ACRONYM_DEF.finditer(text):
        acronym = m.group(1).replace(".", "")
        letters = [c.lower() for c in acronym if c.isupper()]
        offset = max(0, m.start() - 200, text.rfind(")", 0, m.start()) + 1)  # not past "(INM) y"
        spans = list(re.finditer(r"[\w'’.&-]+", text[offset : m.start()]))
        before = [w.group() for w in spans]
        first = _name_by_initials(before, letters)
        first = first if first is not None else _name_by_content_words(before, letters)
        first = first if first is not None else _name_by_syllables(before, acronym)
        first = first if first is not None else _name_by_heads(before)
        if first is not None and acronym not in found:
            found[acronym] = text[offset + spans[first].start() : m.start()].strip()
    return found


def _subsequence(letters: list[str], initials: list[str]) -> bool:
    it = iter(initials)
    return all(letter in it for letter in letters)


def _name_by_initials(before: list[str], letters: list[str]) -> int | None:
    """Where the shortest run of capitalized words ending the list whose initials spell the
    letters starts, else None."""
    if len(letters) < 2:
        return None
    initials: list[str] = []
    capitals = 0
    for i in range(len(before) - 1, max(-1, len(before) - 16), -1):
        word = ELISION.sub("", before[i]) or before[i]  # "d'Accueil"
        if word.lower() in NAME_CONNECTORS or not word[:1].isalnum():
            initials[:0] = [word[:1].lower()]  # "in" may give NAPTIP its I, never its first letter
            continue
        if not word[:1].isupper():
            return None
        parts = (
            [c.lower() for c in word]
            if word.isupper() and len(word) <= 4
            else [p[0].lower() for p in re.split(r"[-’']", word) if p[:1].isupper()]
        )
        initials[:0] = parts
        capitals += len(parts)
        if initials[0] == letters[0] and _subsequence(letters, initials):
            return i
        if capitals > len(letters) + 2:
            return None
    return None


def _name_by_content_words(before: list[str], letters: list[str]) -> int | None:
    """Where a name written in sentence case starts, as French and Spanish write them, when its
    words' initials spell the letters from a body's head word ("Office des Nations unies
    contre la drogue et le crime (ONUDC)", "ministère de la Justice")."""
    if len(letters) < 2:
        return None
    initials: list[str] = []
    for i in range(len(before) - 1, max(-1, len(before) - 16), -1):
        word = ELISION.sub("", before[i]) or before[i]
        if word.lower() in NAME_CONNECTORS:
            continue
        initials[:0] = [word[:1].lower()]
        if len(initials) > len(letters) + 2 or not word[:1].isalpha():
            return None
        if ORG_HEADS.match(word.capitalize()) and _subsequence(letters, initials):
            return i if initials[0] == letters[0] else None
    return None


def _name_by_syllables(before: list[str], acronym: str) -> int | None:
    """Where the name ending the list starts when a short form is made of its words' first
    syllables ("Ministerio del Interior (Mininter)", "European Police Office (Europol)")."""
    if not re.fullmatch(r"[A-Z][a-z]{3,11}", acronym):
        return None
    for i in range(len(before) - 1, max(-1, len(before) - 6), -1):
        words = [w.lower() for w in before[i:] if w.lower() not in NAME_CONNECTORS]
        if before[i][:1].isupper() and len(words) >= 2 and _prefixes(acronym.lower(), words):
            return i
    return None


def _prefixes(short: str, words: list[str]) -> bool:
    """True when a short form is the words' beginnings in order, each word giving one."""
    if not words:
        return not short
    return any(
        short.startswith(words[0][:n]) and _prefixes(short[n:], words[1:])
        for n in range(min(len(words[0]), len(short)), 0, -1)
    )


def _name_by_heads(before: list[str]) -> int | None:
    """Where the capitalized name ending the list starts when it names a body ("UN Refugee
    Agency"), else None."""
    start = None
    for i in range(len(before) - 1, max(-1, len(before) - 16), -1):
        word = before[i]
        if word.lower() in ARTICLES:
            if i == 0 or before[i - 1].lower() not in NAME_CONNECTORS - {"and", "&"}:
                break
            continue
        if re.search(r"['’]s$", word) and country_code(word[:-2]):
            break  # "Morocco's General Directorate ... (DGSN)" starts after its country
        if word[:1].isupper():
            start = i
        elif word.lower() not in NAME_CONNECTORS:
            break
    if start is None:
        return None
    name = " ".join(before[start:])
    capitals = sum(1 for w in before[start:] if w[:1].isupper())
    return start if capitals >= 2 and ORG_HEADS.search(name) else None


def spells(acronym: str, name: str) -> bool:
    """True when an acronym's letters are the initials of a name's words, in order ("MoWSA" for
    "Ministry of Women and Social Affairs", not "PNA" for "Department of Migrant Workers")."""
    initials = iter(w[0].lower() for w in re.findall(r"\w+", name))
    letters = [c.lower() for c in acronym if c.isalpha()]
    return bool(letters) and letters[0] == name[:1].lower() and all(c in initials for c in letters)
