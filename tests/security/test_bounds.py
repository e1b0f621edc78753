"""A release naming hundreds of organizations and countries: each of their pages and feeds lists
it with a bounded number of names (the release's own page names them all), so the output grows
with the number of organizations, not with its square."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from newsarchive.countries import all_countries
from newsarchive.structured import MAX_NAMED
from tests.conftest import release

ORGS, COUNTRIES, CAP = 300, 40, 10


@pytest.fixture(scope="module")
def crowded(tmp_path_factory):
    from tests.conftest import build, write_content

    base = tmp_path_factory.mktemp("crowded")
    registry = "".join(
        f"- slug: org-{i}\n  name: Organization {i}\n  type: ngo\n" for i in range(ORGS)
    )
    codes = [c.code for c in all_countries()][:COUNTRIES]
    releases = {
        "2024/everyone.md": release(
            "Everyone together",
            date="2024-07-02",
            partners=[f"org-{i}" for i in range(ORGS)],
            countries=codes,
            sdgs=[16, 17],
        ),
        "2024/small.md": release("A small one", date="2024-07-01", partners=["org-7"]),
    }
    content = write_content(base, releases, registry)
    return build(content, base / "output")


def test_list_items_name_a_bounded_number_then_link_to_the_release(crowded):
    page = crowded.page("partners/org-150/")
    item = page.select_one('[data-release="everyone"]')
    tags = item.select_one(".tags")
    links = tags.select("a:not(.more-names)")
    assert len(links) == 2 * CAP
    more = tags.select("a.more-names")
    assert [a.get_text() for a in more] == [
        f"and {ORGS - CAP} more organizations",
        f"and {COUNTRIES - CAP} more countries",
    ]
    assert all(a["href"].endswith("releases/2024/everyone/") for a in more)
    small = crowded.page("partners/org-7/").select_one('[data-release="small"] .tags')
    assert not small.select("a.more-names")


def test_the_release_page_names_them_all(crowded):
    page = crowded.page("releases/2024/everyone/")
    assert len(page.select("[data-field=partners] a")) == ORGS
    assert len(page.select("[data-field=countries] a")) == COUNTRIES
    (block,) = page.select('script[type="application/ld+json"]')
    data = json.loads(block.string)
    assert len(data["mentions"]) == min(ORGS, MAX_NAMED)


def test_feeds_carry_a_bounded_number_of_categories(crowded):
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(crowded.output / "partners/org-150/feed.atom")
    (entry,) = feed.getroot().iter(f"{atom}entry")
    assert len(entry.findall(f"{atom}category")) == CAP + CAP + 2


def test_term_pages_do_not_grow_with_the_number_of_names(crowded):
    sizes = [p.stat().st_size for p in (crowded.output / "partners").glob("org-*/index.html")]
    assert len(sizes) == ORGS
    assert max(sizes) < 15_000  # about 8 kB; naming all 300 and 40 would add about 17 kB
