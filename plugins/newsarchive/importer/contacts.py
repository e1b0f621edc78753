"""Media contacts: names, emails and phones from a release's contact block, HTML debris removed."""

from __future__ import annotations

import re

from .lines import CONTACT_HEADER, EMAIL, URL

DEBRIS = re.compile(
    r"""["']?mailto:[^"'\s>]*["']?|\b(?:target|title|href|rel|class|style)\s*=\s*(?:"[^"]*"?|'[^']*'?)?"""
    r"""|<[^>]*>|^["'>\s]+|["'>]+(?=[\w+(])|\s*["']+\s*>\s*"""
)
PHONE_LABEL = re.compile(
    r"^(?:tel|telephone|phone|mobile|mob|cell|whatsapp|office|ph|t|m)\b\.?\s*[:.]?\s*", re.I
)
PHONE = re.compile(r"\+?\(?\+?\d[\d\s().\-/]{6,}\d")
EMAIL_LABEL = re.compile(r"\b(?:e-?mail|email address)\s*[:.]?\s*", re.I)
HONORIFIC = re.compile(r"^(?:Ms|Mr|Mrs|Dr|Prof)\.?\s+")
SKIP = re.compile(r"^(?:or|and|/|-|–|please contact:?|contact:?|media contacts?:?)$", re.I)


def clean_debris(line: str) -> str:
    """A contact line without HTML left-overs such as '"mailto:x@y" target="_blank"'."""
    text = DEBRIS.sub(" ", line)
    text = re.sub(r"\s+", " ", text)
    return text.strip(" \"'=>")


def normalize_phone(text: str) -> str:
    """A phone number with one space between groups ("+92.300.856.0341" -> "+92 300 856 0341")."""
    text = re.sub(r"[().\-/]", " ", text.strip())
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"^\+\s+", "+", text)


def _name_part(line: str) -> str:
    """What a contact line says besides its emails, phones, links and labels."""
    text = EMAIL.sub(" ", line)
    text = URL.sub(" ", text)
    text = PHONE.sub(" ", text)
    text = EMAIL_LABEL.sub(" ", text)
    text = PHONE_LABEL.sub(" ", text)
    text = re.sub(r"\b(?:tel|telephone|phone|mobile|mob|cell|fax)\b\.?\s*:?", " ", text, flags=re.I)
    text = re.sub(r"(?:\s*,)+\s*", ", ", text)
    text = re.sub(r"\s+(?:at|on|via|or)$", "", text.strip(" ,;:|-–"))
    text = re.sub(r"\s+", " ", text).strip(" ,;:|-–")
    return HONORIFIC.sub("", text)


def _is_name_text(text: str) -> bool:
    ws = text.split()
    return 1 <= len(ws) <= 14 and not re.search(r"\b(?:visit|please|click)\b", text, re.I)


def parse_contacts(lines: list[str]) -> list[dict]:
    """Contacts from the lines of a contact block: one per name, with email and phone."""
    contacts: list[dict] = []
    current: dict | None = None
    for raw in lines:
        line = clean_debris(raw)
        header = CONTACT_HEADER.match(line)
        if header:
            line = line[header.end() :].lstrip(" :,-").removeprefix("please contact").strip(" :")
        if not line or SKIP.match(line):
            continue
        if re.search(r"\b(?:visit|website)\b", line, re.I) and not re.search(r"\bcontact\b", line):
            continue
        emails = EMAIL.findall(line)
        phones = [normalize_phone(p) for p in PHONE.findall(EMAIL.sub(" ", line))]
        phones = [p for p in phones if len(re.sub(r"\D", "", p)) >= 7]
        name = _name_part(line)
        if name and _is_name_text(name) and not re.search(r"\bcontact\b", name, re.I):
            if current is None or current.get("email") or current.get("phone") or emails:
                current = {"name": name}
                contacts.append(current)
            else:
                current["name"] = f"{current['name']}, {name}"
        for email in emails:
            if current is None or current.get("email"):
                current = {"name": email.split("@")[0]}
                contacts.append(current)
            current["email"] = email
        for phone in phones:
            if current is None:
                current = {"name": ""}
                contacts.append(current)
            current.setdefault("phone", phone)
    return [_ordered(c) for c in contacts if c.get("email") or c.get("phone")]


def _ordered(contact: dict) -> dict:
    """A contact with fields in the order name, email, phone, empty ones left out."""
    return {k: contact[k] for k in ("name", "email", "phone") if contact.get(k)}
