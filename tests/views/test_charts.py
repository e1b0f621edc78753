"""The SVG builders: timeline, world map and partner network, as plain functions."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from newsarchive.countries import all_countries
from newsarchive.views import (
    MapEntry,
    Node,
    build_network,
    class_breaks,
    co_occurrence,
    legend,
    map_svg,
    network_svg,
    timeline_svg,
    year_counts,
)
from newsarchive.views.network import accessible_name, short_label
from newsarchive.views.worldmap import colour_of

NS = {"svg": "http://www.w3.org/2000/svg"}


def parse(svg: str) -> ET.Element:
    """The SVG as XML (fails when not well-formed)."""
    return ET.fromstring(svg)


def assert_accessible(root: ET.Element, role: str) -> None:
    """role, and aria-labelledby/-describedby pointing at the SVG's own title and desc."""
    assert root.get("role") == role
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    assert len(ids) == len(set(ids))
    title = root.find("svg:title", NS)
    desc = root.find("svg:desc", NS)
    assert root.get("aria-labelledby") == title.get("id") and title.text
    assert root.get("aria-describedby") == desc.get("id") and desc.text


def test_year_counts_include_empty_years_and_count_undated_apart():
    dates = [dt.date(2019, 5, 1), dt.date(2019, 6, 1), dt.date(2022, 1, 1), None, None]
    counts = year_counts(dates)
    assert counts.years == ((2019, 2), (2020, 0), (2021, 0), (2022, 1))
    assert (counts.undated, counts.dated, counts.total) == (2, 3, 5)
    assert year_counts([None]).years == ()


def test_timeline_has_one_titled_bar_group_per_year():
    counts = year_counts([dt.date(2019, 5, 1), dt.date(2021, 1, 1), None])
    root = parse(timeline_svg(counts, "t1", "UNODC"))
    assert_accessible(root, "img")
    groups = root.findall(".//svg:g[@data-year]", NS)
    assert [(g.get("data-year"), g.get("data-count")) for g in groups] == [
        ("2019", "1"),
        ("2020", "0"),
        ("2021", "1"),
    ]
    assert [g.find("svg:title", NS).text for g in groups][1] == "2020: 0 releases"
    assert "UNODC" in root.find("svg:title", NS).text
    assert "1 release without a date" in root.find("svg:desc", NS).text
    assert timeline_svg(year_counts([None])) == ""


def test_timeline_is_the_same_bytes_for_the_same_counts():
    dates = [dt.date(2000 + i % 25, 1, 1) for i in range(300)]
    assert timeline_svg(year_counts(dates)) == timeline_svg(year_counts(list(reversed(dates))))


def test_class_breaks_and_colours_grow_with_counts():
    assert class_breaks(3) == [1, 2, 3]
    assert class_breaks(100) == [1, 3, 6, 16, 40]
    bounds = class_breaks(100)
    colours = [colour_of(n, bounds) for n in (1, 3, 6, 16, 40, 100)]
    assert colours[:5] == sorted(set(colours), key=colours.index) and colours[4] == colours[5]


def test_map_links_each_country_with_releases_and_stays_small():
    entries = [
        MapEntry(c.code, c.name, c.region, 1 + i % 40, f"../countries/{c.slug}/")
        for i, c in enumerate(all_countries())
    ]
    svg = map_svg(entries, "m")
    root = parse(svg)
    assert_accessible(root, "group")
    links = root.findall(".//svg:a", NS)
    linked = {a.get("data-country") for a in links}
    assert {"PK", "EG", "MT", "SG"} <= linked  # shapes and dots for small countries
    for a in links:
        assert a.get("href").startswith("../countries/")
        assert a.get("aria-label") == a.find("svg:title", NS).text
    assert len(svg.encode()) < 150_000


def test_map_without_a_country_has_no_links():
    root = parse(map_svg([MapEntry("PK", "Pakistan", "Asia", 2, "p/")], "m"))
    assert [a.get("data-country") for a in root.findall(".//svg:a", NS)] == ["PK"]


def _nodes(n: int) -> list[Node]:
    types = ["un-agency", "government", "ngo"]
    return [
        Node(f"org-{i}", f"ORG{i}", f"Org {i}", types[i % 3], types[i % 3], 100 - i, f"p/org-{i}/")
        for i in range(n)
    ]


def test_co_occurrence_counts_each_pair_once_per_release():
    pairs = co_occurrence([["a", "b", "c"], ["b", "a"], ["a", "a"]])
    assert pairs == {("a", "b"): 2, ("a", "c"): 1, ("b", "c"): 1}


def test_network_keeps_the_most_named_and_orders_them_by_type():
    groups = [[f"org-{i}", f"org-{(i * 7) % 90}"] for i in range(90)]
    net = build_network(_nodes(90), groups, ["un-agency", "government", "ngo"], max_nodes=60)
    assert len(net.nodes) == 60 and net.total_nodes == 90
    assert {n.key for n in net.nodes} == {f"org-{i}" for i in range(60)}
    assert [n.type for n in net.nodes] == sorted(
        (n.type for n in net.nodes), key=["un-agency", "government", "ngo"].index
    )
    assert all(a < b for a, b, _ in net.edges)
    again = build_network(_nodes(90), list(reversed(groups)), ["un-agency", "government", "ngo"])
    assert network_svg(net) == network_svg(again)


def test_network_svg_links_every_node():
    groups = [["org-0", "org-1"], ["org-0", "org-1"], ["org-1", "org-2"]]
    net = build_network(_nodes(3), groups, ["un-agency", "government", "ngo"])
    root = parse(network_svg(net, "n"))
    assert_accessible(root, "group")
    links = root.findall(".//svg:a", NS)
    assert [a.get("data-partner") for a in links] == ["org-0", "org-1", "org-2"]
    assert net.edges == (("org-0", "org-1", 2), ("org-1", "org-2", 1))
    assert [(n.key, w) for n, w in net.partners_of("org-1")] == [("org-0", 2), ("org-2", 1)]
    assert network_svg(build_network([], [], [])) == ""


def test_timeline_bars_link_to_their_years():
    counts = year_counts([dt.date(2019, 5, 1), dt.date(2021, 1, 1)])
    root = parse(timeline_svg(counts, "t", year_href=lambda y: f"../years/{y}/"))
    assert_accessible(root, "group")  # links inside: not an img
    links = root.findall(".//svg:a", NS)
    assert [a.get("href") for a in links] == ["../years/2019/", "../years/2021/"]  # not 2020: 0
    assert [a.get("aria-label") for a in links] == ["2019: 1 release", "2021: 1 release"]


def test_the_publisher_is_the_hub_joined_to_every_organization():
    hub = Node(
        "iom",
        "IOM",
        "International Organization for Migration (IOM)",
        "un-agency",
        "UN agency",
        9,
        "p/iom/",
    )
    nodes = [*_nodes(5), hub]
    net = build_network(
        nodes, [["org-0"], ["org-1", "org-2"], ["iom", "org-3"]], ["un-agency"], hub=hub
    )
    assert net.hub == hub and "iom" not in {n.key for n in net.nodes}
    assert all("iom" not in (a, b) for a, b, _ in net.edges)
    root = parse(network_svg(net, "n"))
    spokes = root.findall(".//svg:line", NS)
    assert len(spokes) == len(net.nodes) == 5  # no organization is an isolated dot
    centre = root.find('.//svg:a[@data-hub=""]', NS)
    assert centre.get("href") == "p/iom/" and "publisher" in centre.get("aria-label")
    assert ("un-agency", "UN agency", "#1f5f99") in net.types


def test_network_labels_are_cut_at_a_word_and_named_by_what_they_show():
    long = Node(
        "x",
        "Fundación Esperanza para la Niñez",
        "Fundación Esperanza para la Niñez",
        "ngo",
        "NGO",
        2,
        "p/",
    )
    assert short_label(long.label) == "Fundación Esperanza…"
    assert accessible_name(long) == "Fundación Esperanza para la Niñez: 2 releases"
    eu = Node("eu", "EU", "European Union (EU)", "intergovernmental", "", 1, "p/")
    # what is shown comes first, outside brackets (axe: label-content-name-mismatch)
    assert accessible_name(eu) == "EU, European Union (EU): 1 release"


def test_map_legend_lists_the_classes_with_separators():
    entries = [
        MapEntry("PK", "Pakistan", "Asia", 2500, "p/"),
        MapEntry("EG", "Egypt", "Africa", 1, "e/"),
    ]
    items = legend(entries)
    assert items[0] == ("#e8e8e8", "No releases")
    assert items[-1][1].endswith("2,500")
    assert legend([]) == []
