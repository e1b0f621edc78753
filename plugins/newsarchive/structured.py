"""schema.org JSON-LD for release pages (NewsArticle) and term pages (CollectionPage)."""

from __future__ import annotations

import json
from collections.abc import Callable

from markupsafe import Markup

from .release import Release

# Organizations and countries named in a release's JSON-LD: the main parties, not thousands
# (the page lists them all).
MAX_NAMED = 100

# Inside <script>, the HTML parser ends the block at "</script" and treats "<!--" specially;
# JSON allows these characters as escapes, so no field can break out of the block.
_SCRIPT_SAFE = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def to_script_json(data: dict) -> Markup:
    """JSON for a <script type="application/ld+json"> block: sorted keys; `<`, `>`, `&` and the
    line separators written as \\u escapes, so the text is safe to place in the page as it is."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.translate(_SCRIPT_SAFE))


def _org(name: str, url: str) -> dict:
    return {"@type": "Organization", "name": name, "url": url}


def _named_org(org, page_url: Callable[[str], str]) -> dict:
    """An organization a release names: its website (else its page here), acronym and country."""
    data = {
        **_org(org.name, org.url or page_url(org.slug)),
        "sameAs": page_url(org.slug),
    }
    if org.acronym:
        data["alternateName"] = org.acronym
    if org.country:  # where it is based, which is not where the work happens
        data["address"] = {"@type": "PostalAddress", "addressCountry": org.country}
    return data


def news_article(
    record: Release,
    url: str,
    publisher: tuple[str, str],
    page_urls: dict[str, Callable[[str], str]],
    image: str = "",
) -> dict:
    """NewsArticle for a release; `page_urls[kind](slug)` gives absolute URLs of term pages.

    The headline is the whole title; partners are `mentions`, funders `funder`; the countries the
    release is about are its `contentLocation` (organizations' own countries are their address).
    A release is not known to have changed since publication: `dateModified` is its date.
    """
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": record.title,
        "name": record.title,
        "url": url,
        "mainEntityOfPage": url,
        "publisher": _org(*publisher),
        "author": _org(*publisher),
        "isAccessibleForFree": True,
        "inLanguage": "en",
    }
    if image:
        data["image"] = image
    if record.date:
        data["datePublished"] = data["dateModified"] = record.date.isoformat()
    if record.summary:
        data["description"] = record.summary
    if record.dateline:
        data["locationCreated"] = {"@type": "Place", "name": record.dateline}
    if record.sdgs:
        data["about"] = [
            {"@type": "Thing", "name": g.label, "url": page_urls["sdg"](g.slug)}
            for g in record.sdgs
        ]
    if record.partners:
        data["mentions"] = [
            _named_org(o, page_urls["partner"]) for o in record.partners[:MAX_NAMED]
        ]
    if record.funders:
        data["funder"] = [_named_org(o, page_urls["partner"]) for o in record.funders[:MAX_NAMED]]
    if record.countries:
        data["contentLocation"] = [
            {
                "@type": "Country",
                "name": c.name,
                "identifier": c.code,
                "url": page_urls["country"](c.slug),
            }
            for c in record.countries[:MAX_NAMED]
        ]
    return data


def collection_page(name: str, url: str, description: str, items: list[tuple[str, str]]) -> dict:
    """CollectionPage listing (title, absolute URL) items."""
    data = {
        "@context": "https://schema.org",
        "@type": "CollectionPage",
        "name": name,
        "url": url,
        "mainEntity": {
            "@type": "ItemList",
            "numberOfItems": len(items),
            "itemListElement": [
                {"@type": "ListItem", "position": i, "name": title, "url": item_url}
                for i, (title, item_url) in enumerate(items, start=1)
            ],
        },
    }
    if description:
        data["description"] = description
    return data
