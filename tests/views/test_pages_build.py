"""Build tests of the pages a reader expects, on small sites: lists (pagination, title order,
adjacent years, search within), release pages (breadcrumbs, related, source, neighbours), names and
order, empty goals, sharing tags and images, feeds without invented dates."""

from __future__ import annotations

import json
import struct
from urllib.parse import urlparse

import pytest

from tests.conftest import build, release, write_content

MANY = {  # 45 releases naming UNODC over three years, one title accented
    f"{2019 + (i % 3) * 2}/r{i:02d}.md": release(
        ("Éducation " if i == 7 else "Release ") + f"{i:02d}",
        date=f"{2019 + (i % 3) * 2}-01-{i % 28 + 1:02d}",
        partners=["UNODC"],
        countries=["EG"],
        sdgs=[16],
    )
    for i in range(45)
}
LONG_TITLE = (
    "IOM, UNODC and the Federal Investigation Agency Launch a Nationwide Campaign Against Human "
    "Trafficking and Migrant Smuggling in Every Province of Pakistan"
)
RELEASES = {
    "2024/main.md": release(
        LONG_TITLE,
        date="2024-07-02",
        partners=["UNODC", "FIA"],
        countries=["PK"],
        sdgs=[16],
        source="https://www.example.org/news/main",
    ),
    "2024/same-partners.md": release(
        "Same partners", date="2024-01-05", partners=["UNODC", "FIA"], source="raw_0042.txt"
    ),
    "2023/same-country.md": release("Same country", date="2023-01-05", countries=["PK"]),
    "2022/same-goal.md": release("Same goal", date="2022-01-05", sdgs=[16]),
    "undated/b.md": release("B undated", partners=["IOM"], countries=["Réunion"]),
    "undated/a.md": release("A undated", partners=["IOM"], countries=["Türkiye"]),
    "undated/c.md": release("C undated", partners=["IOM"], countries=["Turkmenistan", "CD"]),
}
ABOUT = "---\ntitle: About this archive\n---\n\nWhat this archive is.\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Seven releases: a long title, related ones, undated ones in accented countries."""
    base = tmp_path_factory.mktemp("pages")
    content = write_content(base, RELEASES)
    (content / "pages").mkdir()
    (content / "pages" / "about.md").write_text(ABOUT, encoding="utf-8")
    return build(content, base / "output")


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    """45 releases of one partner over 2019, 2021 and 2023."""
    base = tmp_path_factory.mktemp("many")
    return build(write_content(base, MANY), base / "output")


def titles(soup) -> list[str]:
    return [a.get_text(strip=True) for a in soup.select("[data-release] :is(h2, h3) a")]


def index_titles(soup) -> list[str]:
    """Titles of a compact list in title order."""
    return [a.get_text(strip=True) for a in soup.select("[data-title-list] [data-release] > a")]


def test_pages_say_which_page_they_are_and_number_the_others(many):
    second = many.page("partners/unodc/page/2/")
    assert "page 2 of 3" in second.title.get_text() and "page 2 of 3" in second.h1.get_text()
    assert "page" not in many.page("partners/unodc/").title.get_text()
    nav = second.select_one("nav.pagination")
    assert [a.get_text() for a in nav.select("ol a")] == ["Page 1", "Page 2", "Page 3"]
    assert nav.select_one("[aria-current=page]").get_text() == "Page 2"
    assert nav.select_one("a[rel=next]")["href"].endswith("partners/unodc/page/3/")


def test_lists_in_title_order_are_static_pages(many):
    by_date = many.page("partners/unodc/")
    link = by_date.select_one(".list-order a")
    assert link.get_text() == "titles A to Z" and link["href"].endswith("unodc/by-title/")
    by_title = many.page("partners/unodc/by-title/")
    listed = index_titles(by_title)
    assert len(listed) == 45  # a compact index: 100 titles to a page
    assert listed[:2] == ["Éducation 07", "Release 00"]  # É with the E's, not after Z
    assert listed == sorted(listed, key=lambda t: t.replace("É", "E").casefold())
    assert by_title.select_one("[data-order]")["data-order"] == "title"
    assert "titles A to Z" in by_title.title.get_text()
    assert by_title.select_one('[data-view-figure="term-timeline"]') is None
    year = index_titles(many.page("years/2021/by-title/"))
    assert year == sorted(year, key=lambda t: t.replace("É", "E").casefold()) and len(year) == 15


def test_year_pages_link_the_adjacent_years(many):
    links = many.page("years/2021/").select("[data-adjacent-years] a")
    assert [a["data-year"] for a in links] == ["2019", "2023"]  # the years with releases
    assert [a["data-year"] for a in many.page("years/2023/").select("[data-adjacent-years] a")] == [
        "2021"
    ]


@pytest.mark.parametrize(
    "path, facet",
    [
        ("partners/unodc/", ("partner", "unodc")),
        ("countries/egypt/", ("country", "EG")),
        ("sdgs/16-peace-justice-and-strong-institutions/", ("sdg", "16")),
        ("years/2019/", ("year", "2019")),
    ],
)
def test_term_and_year_pages_search_within_their_releases(many, path, facet):
    form = many.page(path).select_one("form[data-search-within]")
    assert urlparse(form["action"]).path.endswith("search/") and form["method"] == "get"
    hidden = form.select_one("input[type=hidden]")
    assert (hidden["name"], hidden["value"]) == facet
    assert form.select_one("input[name=q]")


def test_release_page_has_breadcrumbs_related_releases_and_a_source_link(site):
    page = site.page("releases/2024/main/")
    crumbs = [a.get_text() for a in page.select("[data-breadcrumbs] a")]
    assert crumbs == ["Home", "2024", LONG_TITLE]
    related = [li.a.get_text() for li in page.select("[data-related] li")]
    assert related[:3] == ["Same partners", "Same country", "Same goal"]  # 2 partners first
    source = page.select_one('a[data-field="source"]')
    assert source["href"] == "https://www.example.org/news/main" and "nofollow" in source["rel"]
    other = site.page("releases/2024/same-partners/")
    assert other.select_one('[data-field="source"]') is None
    assert "raw_0042" not in str(other)  # an internal file name is never shown


def test_undated_releases_are_labelled_as_such(site):
    oldest = site.page("releases/2022/same-goal/")
    assert oldest.select_one("a[rel=next]") is None  # no undated release as "older"
    middle = site.page("releases/undated/b/")
    labels = [a.span.get_text() for a in middle.select(".prev-next a")]
    assert labels == ["Previous undated release:", "Next undated release:"]
    crumbs = [a.get_text() for a in middle.select("[data-breadcrumbs] a")]
    assert crumbs == ["Home", "Date unknown", "B undated"]


def test_whole_headline_in_json_ld_with_image_and_dates(site):
    block = site.page("releases/2024/main/").select_one('script[type="application/ld+json"]')
    article = json.loads(block.string)
    assert article["headline"] == LONG_TITLE and len(LONG_TITLE) > 110
    assert article["image"].endswith("/share/archive.png")
    assert article["datePublished"] == article["dateModified"] == "2024-07-02"


def test_countries_have_common_names_and_sort_without_accents_or_case(site):
    congo = site.page("countries/democratic-republic-of-the-congo/")
    assert congo.h1.get_text(strip=True) == "Democratic Republic of the Congo"
    names = [li.a.get_text() for li in site.page("countries/").select("[data-terms] li")]
    assert names.index("Réunion") < names.index("Türkiye") < names.index("Turkmenistan")
    africa = site.page("countries/").select('[data-terms="country"]')[0]
    assert [a.get_text() for a in africa.select("a")] == [
        "Democratic Republic of the Congo",
        "Réunion",
    ]


def test_profiles_state_the_organization_type_in_the_singular(site):
    assert site.page("partners/unodc/").select_one('[data-field="type"]').get_text() == "UN agency"
    assert site.page("partners/fia/").select_one('[data-field="type"]').get_text() == "Government"


def test_an_empty_goal_explains_itself_and_points_to_related_goals(site):
    page = site.page("sdgs/1-no-poverty/")
    assert (
        page.select_one(".goal-statement").get_text() == "End poverty in all its forms everywhere."
    )
    related = page.select("[data-related-goals] li")
    links = [li.a["href"].rstrip("/").rsplit("/", 1)[1] for li in related]
    assert links[0] == "16-peace-justice-and-strong-institutions"  # the goal with releases first
    assert {"8-decent-work-and-economic-growth", "5-gender-equality"} <= set(links)
    assert "Target 8.7" in page.get_text()


def test_footer_names_the_publisher_and_links_the_about_page(site):
    for url in ("/", "releases/2024/main/", "countries/"):
        footer = site.page(url).select_one("footer [data-published-by]")
        assert footer.get_text(" ", strip=True).startswith("Published by International")
        assert footer.select_one("a[data-about]")["href"].endswith("about/")


def test_every_page_has_a_share_image_and_goals_their_own(site):
    for path in sorted(site.output.rglob("*.html")):
        rel = path.relative_to(site.output).as_posix()
        soup = site.page(rel)
        image = soup.select_one('meta[property="og:image"]')
        assert image and image["content"].startswith("http"), rel
        local = site.output / urlparse(image["content"]).path.lstrip("/")
        assert local.is_file(), rel
        assert soup.select_one('meta[name="twitter:card"]')["content"] == "summary_large_image"
    goal = site.page("sdgs/16-peace-justice-and-strong-institutions/")
    assert goal.select_one('meta[property="og:image"]')["content"].endswith("/share/sdg-16.png")


def test_share_images_are_png_of_the_size_announced(site):
    for name in ("archive.png", "sdg-1.png", "sdg-17.png"):
        data = (site.output / "share" / name).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
        assert struct.unpack(">II", data[16:24]) == (1200, 630)


def test_no_feed_carries_an_invented_date(site):
    assert not (site.output / "partners/iom/feed.atom").exists()  # only undated releases
    iom = site.page("partners/iom/")
    assert not iom.select('link[type="application/atom+xml"][title^="International"]')
    assert "Atom feed" not in iom.select_one(".term-header").get_text()
    assert (site.output / "partners/unodc/feed.atom").is_file()


def test_an_archive_without_a_dated_release_has_no_site_feed(tmp_path):
    site = build(
        write_content(tmp_path, {"undated/x.md": release("X", partners=["UNODC"])}),
        tmp_path / "output",
    )
    assert site.errors == []
    assert not (site.output / "feeds/all.atom").exists()
    assert not site.page("/").select('link[type="application/atom+xml"]')
