"""What a line of a raw source is: prose, a headline, a caption, page chrome, a contact header."""

from __future__ import annotations

import re

from ..countries import resolve_country
from .dates import is_date_line

SMALL_WORDS = {
    "a",
    "an",
    "and",
    "as",
    "at",
    "by",
    "for",
    "from",
    "in",
    "into",
    "of",
    "on",
    "or",
    "the",
    "to",
    "with",
    "against",
    "amid",
    "over",
    "through",
    "via",
    "vs",
}
TERMINAL = (".", "!", "?", '"', "”", "’", "'", "…")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL = re.compile(r"https?://\S+|www\.\S+", re.I)
CAPTION = re.compile(
    r"\b(?:photo|picture|image)\s*(?:credit|by|courtesy)?\s*[:©]|\bphoto credit\b|©|"
    r"\bcredit\s*:|^\s*\(?photo\b|\bphoto:|\(photo\b",
    re.I,
)
CONTACT_HEADER = re.compile(
    r"^(?:#+\s*)?(?:for (?:more|further|additional) information|for more info\b|media contacts?\b|"
    r"press contacts?\b|contacts?(?:\s*(?:information|details))?\s*(?::|$)|"
    r"for media (?:inquiries|enquiries)|"
    r"media (?:inquiries|enquiries)|notes? to (?:editors|the editor))",
    re.I,
)
FOOTER = re.compile(
    r"^(?:#+\s*)?(?:share (?:this|on|via)\b|share$|related$|related (?:sdgs?|content|news|stories|"
    r"articles|links|press releases|posts|items|resources|publications)\b|see also$|"
    r"(?:actualités|articles|nouvelles) (?:liées|connexes)|(?:à )?lire aussi|voir aussi|"
    r"(?:noticias|notícias|artículos) relacionad[oa]s|ver también|leia também|partager\b|"
    r"compartir\b|compartilhar\b|sustainable development goals?$|follow us\b|subscribe\b|"
    r"sign up\b|tags?\s*:|"
    r"topics?\s*:|more news\b|latest news\b|read more\b|back to top\b|copyright\b|©|"
    r"cookies?\b|privacy policy\b|terms of use\b|print this\b|download (?:the )?pdf\b)",
    re.I,
)
END_MARK = re.compile(r"^(?:#{3}|-+\s*ends?\s*-+|\*{3}|end of (?:press )?release|-30-)$", re.I)
BOILERPLATE = re.compile(
    r"^(?:#+\s*)?(?:skip to (?:main )?content|press release|news release|media update|"
    r"(?:press|news|media) (?:release|note|statement)s?\s+(?:no\.?\s*|n[º°]\s*|#\s*)?"
    r"[A-Z]{0,4}[-–]?\d[\w/.-]*|"  # a release's reference number ("Press Release E-045/23")
    r"news|news\s*-.*|for immediate release|embargoed.*|iom|un migration|home|menu|search|"
    r"print|close|english|français|español|en|fr|es|back|next|previous|-|–|—|•|\|)\s*:?$",
    re.I,
)
BYLINE = re.compile(
    r"^(?:[Bb]y\s+[A-Z][a-z]|(?i:posted|published|written)\s+(?i:by|on)\b|(?i:source|author)\s*:|"
    r"(?i:by)\s+[A-ZÀ-Ý][\w'’.-]+(?:\s+[A-ZÀ-Ý][\w'’.-]+){0,3}(?:\s*(?:,|and|&|/)\s*.*)?$)"
)
# A metadata field of a page or an email's header ("Format: News and Press Release",
# "Origin: View original", "From: Public Safety Canada", "Subject: ..."): never a headline.
FIELD = re.compile(
    r"^(?:format|origin|posted|published|originally published|first published|country|"
    r"countries|themes?|topics?|type|content type|language|authors?|from|to|cc|sent|subject|"
    r"date|updated|last updated|modified|categor(?:y|ies)|section|regions?|disaster types?|"
    r"location|organi[sz]ations?|reading time|read time|reference|ref|no|editors?|reporters?|"
    r"writers?|photographers?|publisher)\.?\s*:\s*\S",
    re.I,
)
YEARS = re.compile(r"\b(?:19|20)\d\d\s*[-–/]\s*(?:19|20)\d\d\b")
BULLET = re.compile(r"^(?:[-*•·–▪◦]|\d{1,2}[.)])\s+")
NUMBERED = re.compile(r"^(\d{1,2})[.)]\s+(?=\S)")
MENU_SPLIT = re.compile(r"\s*(?:[·|»›•>]|\s/\s|\s-\s)\s*")
BREADCRUMB = re.compile(r"^(?:Home|Start|Accueil|Inicio|Main)\s*(?:[·|»›>/:]|\s-\s)", re.I)
TAXONOMY = re.compile(
    r"^\|?\s*(?:topics?|tags?|tagged|categor(?:y|ies)|filed under|related (?:topics?|"
    r"countr(?:y|ies)|themes?|content|organi[sz]ations?)|content type|type|keywords?|themes?|"
    r"subjects?|regions?|countries|sectors?)\s*:|^(?:tagged|posted in|filed under)\s",
    re.I,
)
SHARE = re.compile(
    r"^(?:share(?: this| on| via| the| article| page)?\b.*|(?:facebook|twitter|x|linkedin|whatsapp|"
    r"telegram|email|e-mail|print|copy link|youtube|instagram)(?:\s*[·|,]?\s*(?:share on\s+)?"
    r"(?:facebook|twitter|x|linkedin|whatsapp|telegram|email|e-mail|print|copy link|youtube|"
    r"instagram))+)$",
    re.I,
)
SOURCE_LINE = re.compile(
    r"^(?:source|sources|issued by|published by|publisher|distributed by|credit)\s*:\s*"
    r"(?P<name>.+)$",
    re.I,
)
# A wire's distribution credit and sign-off ("Distributed by APO on behalf of ...", "(Lusa)",
# "JSD // PJA"), after which nothing belongs to the release.
WIRE_CREDIT = (
    r"distributed by .{0,80}? on behalf of\b|"
    r"\(?(?:lusa|apo|afp|reuters|ap|xinhua|ips|ani|pti|efe|ana|dpa)\)?(?:/end)?$|"
    r"[A-Z]{2,4}\s*//\s*[A-Z]{2,4}$"
)
# Lines after which nothing belongs to the release: a wire's credit, a listing's "Read more",
# comment forms, post navigation, related links, a digest's subscription footer, "About UNICEF".
ITEM_END = re.compile(
    rf"^(?:#+\s*)?(?:{WIRE_CREDIT}|read more$|read the full (?:story|article|release)\b|"
    r"(?:leave|post) a comment\b|[«‹]?\s*(?:previous|next)(?: (?:post|article|story))?\s*:|"
    r"you are receiving this\b|media files$|related (?:news|stories|articles|posts)\b|"
    r"more from\b|recent news from\b|about (?:the )?(?-i:[A-Z][\w.&'’-]*)(?: [\w.&'’-]+){0,4}$)",
    re.I,
)
WIRE_BOILERPLATE = re.compile(
    rf"^(?:{WIRE_CREDIT}|media files$|download logo$|source$|read more$|"
    r"read the full (?:story|article|release)\b|(?:leave|post) a comment\b|"
    r"your email address will not be published|(?:previous|next) (?:post|article|story)\s*:|"
    r"you are receiving this\b|unsubscribe\.?$|for information only\b|print$|permalink\s*:)",
    re.I,
)


def strip_heading(line: str) -> str:
    """A line without a Markdown heading prefix or item number ("# Title", "2. Title")."""
    return NUMBERED.sub("", re.sub(r"^#{1,6}\s+", "", line)).strip()


# A page-type label before a headline ("Press release: UN Women and IOM open ...").
HEADLINE_LABEL = re.compile(
    r"^(?:press|news|media)\s+(?:release|update|advisory|statement)\s*[:|–—-]\s+(?=\S)", re.I
)


def headline(line: str) -> str:
    """A headline line as the release's title: no heading prefix, number or page-type label."""
    return HEADLINE_LABEL.sub("", strip_heading(line))


def is_menu_line(line: str) -> bool:
    """A navigation or breadcrumb line ("Home · News · Economy", "Home » News » Mozambique")."""
    text = strip_heading(line)
    if BREADCRUMB.match(text):
        return True
    parts = [p for p in MENU_SPLIT.split(text) if p]
    return len(parts) >= 3 and all(len(p.split()) <= 4 for p in parts)


def is_tag_list(line: str) -> bool:
    """A list of topics or sections ("Human Smuggling, Labour Migration", "News, Economy")."""
    text = strip_heading(line).strip("| ")
    parts = [p.strip() for p in re.split(r"\s*[,;]\s*", text) if p.strip()]
    if not 2 <= len(parts) <= 8 or any(len(p.split()) > 3 for p in parts):
        return False
    return all(
        w[:1].isupper() or w.lower() in ("and", "of", "&", "in") for p in parts for w in p.split()
    )


def is_taxonomy(line: str) -> bool:
    """A labelled list of topics, tags or categories ("|Topics : Fair recruitment")."""
    return bool(TAXONOMY.match(strip_heading(line)))


# A link to another story inside an article ("ALSO READ: ...", "Le recomendamos: ...") and a
# postal address line ("ECOWAS Commission | 101 Yakubu Gowon Crescent, Abuja, Nigeria").
RELATED_INLINE = re.compile(
    r"^(?:also read|read also|see also|related|le recomendamos|lea también|te puede interesar|"
    r"(?:à )?lire aussi|voir aussi|leia também)\s*:\s*\S",
    re.I,
)
ADDRESS = re.compile(
    r"\b\d{1,5}[A-Za-z]?(?:/\d+)?,?\s+(?:[A-Z][\w'’.-]*\s+){0,4}(?:Street|St\.|Road|Rd\.|"
    r"Avenue|Ave\.|Crescent|Boulevard|Blvd\.|Lane|Drive|Square|Sadak|Marg|Calle|Avenida|Rue|"
    r"Straße|Strasse)\b|\b(?:P\.?\s?O\.?\s+Box|B\.P\.)\s*\d"
)


def is_chrome(line: str) -> bool:
    """A line of page chrome: menu, share bar, taxonomy, wire boilerplate, source credit, a link
    to another story or an address."""
    text = strip_heading(line)
    return bool(
        RELATED_INLINE.match(text)
        or (ADDRESS.search(text) and not ends_sentence(text) and len(words(text)) <= 25)
        or is_menu_line(text)
        or is_taxonomy(text)
        or SHARE.match(text)
        or WIRE_BOILERPLATE.match(text)
        or SOURCE_LINE.match(text)
        or (FIELD.match(text) and len(words(text)) <= 14)
    )


def words(line: str) -> list[str]:
    """The words of a line."""
    return line.split()


def ends_sentence(line: str) -> bool:
    """True when a line ends like a sentence (. ! ? or a closing quote)."""
    return line.rstrip().endswith(TERMINAL)


def is_prose(line: str, min_words: int = 15) -> bool:
    """A paragraph of running text: enough words and sentence punctuation."""
    return len(words(line)) >= min_words and bool(re.search(r"[.!?][\"”’)]?(?:\s|$)", line))


def is_caption(line: str) -> bool:
    """A photo caption or credit line."""
    return len(words(line)) <= 60 and bool(CAPTION.search(line))


def is_boilerplate(line: str) -> bool:
    """Page chrome such as 'PRESS RELEASE', 'Media Update' or 'Skip to main content'."""
    return bool(BOILERPLATE.match(line.strip()))


def is_byline(line: str) -> bool:
    """A byline or posting line ("Posted by Press Office · 25/11/2021", "By Jane Doe")."""
    return bool(BYLINE.match(line))


def is_title_like(line: str) -> bool:
    """A short line in Title Case without closing punctuation."""
    text = strip_heading(line)
    ws = words(text)
    if not 2 <= len(ws) <= 30 or text.endswith((".", ",", ";", ":")):
        return False
    if EMAIL.search(text) or URL.search(text):
        return False
    significant = [w for w in ws if w.lower().strip("'\"‘“") not in SMALL_WORDS]
    if not significant:
        return False
    capital = [w for w in significant if w.lstrip("'\"‘“(")[:1].isupper() or w[:1].isdigit()]
    return len(capital) / len(significant) >= 0.6


def is_headline_candidate(line: str) -> bool:
    """A line that could be a release headline: short, no closing period, not page chrome."""
    text = strip_heading(line)
    ws = words(text)
    if not 3 <= len(ws) <= 40 or not 12 <= len(text) <= 300:
        return False
    if text.endswith((".", ",", ";", ":")) or line.startswith(("- ", "> ")):
        return False
    phone = re.search(r"\d{4,}[\s.-]?\d{3,}", YEARS.sub("", text))  # not "2023-2027"
    if EMAIL.search(text) or URL.search(text) or phone:
        return False
    if is_boilerplate(text) or is_caption(text) or is_date_line(text) or is_byline(text):
        return False
    if is_chrome(text) or is_tag_list(text):
        return False
    return bool(FOOTER.match(text) or CONTACT_HEADER.match(text)) is False


def is_country_line(line: str) -> bool:
    """A short line that is only a country's name (as in a page's country menu)."""
    return len(words(line)) <= 8 and resolve_country(line) is not None


def drop_country_lists(lines: list[str], min_run: int = 5) -> list[str]:
    """Lines without long runs of one-name-per-line lists that are mostly countries."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        j = i
        while (
            j < len(lines)
            and lines[j]
            and len(words(lines[j])) <= 8
            and not ends_sentence(lines[j])
        ):
            j += 1
        run = lines[i:j]
        if len(run) >= min_run and sum(map(is_country_line, run)) >= 0.5 * len(run):
            i = j
            continue
        out.extend(run or lines[i : i + 1])
        i = max(j, i + 1)
    return out


def drop_menus(lines: list[str]) -> list[str]:
    """Lines without menu pairs: a label repeated, or a label glued to its description."""
    out: list[str] = []
    skip = set()
    for i, line in enumerate(lines):
        if i in skip:
            continue
        nxt = next((k for k in range(i + 1, min(i + 3, len(lines))) if lines[k]), None)
        label = re.sub(r"^[-•]\s*", "", line).strip().lower()
        if nxt is not None and label and len(words(label)) <= 6:
            follow = lines[nxt].strip().lower()
            if follow == label or (
                follow.startswith(label)
                and len(follow) > len(label)
                and follow[len(label)].isalpha()
            ):
                skip.add(nxt)
                continue
        out.append(line)
    return out
