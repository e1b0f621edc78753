"""Accessibility gate: axe-core on every page type, keyboard use, SDG colour contrast."""

from __future__ import annotations

import pytest

from newsarchive.sdgs import all_goals
from tests.quality.conftest import NODE_MODULES, PAGE_TYPES, representative_pages

AXE = NODE_MODULES / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
FOCUSABLE = (
    "a[href], area[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), "
    "select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex='-1'])"
)


def run_axe(tab) -> list[dict]:
    """axe-core's violations on the page loaded in `tab`, at the WCAG 2.x A and AA tags."""
    if not AXE.is_file():
        pytest.skip(f"{AXE} missing: run bash .ci/setup")
    tab.add_script_tag(path=str(AXE))
    result = tab.evaluate(
        """tags => axe.run(document, {runOnly: {type: 'tag', values: tags},
                                       resultTypes: ['violations']})""",
        AXE_TAGS,
    )
    return result["violations"]


def describe(violations: list[dict]) -> str:
    """One line per violation and node: rule, impact, selector, message."""
    lines = []
    for v in violations:
        for node in v["nodes"][:5]:
            lines.append(f"{v['id']} ({v['impact']}): {node['target']}: {node['failureSummary']}")
    return "\n".join(lines)


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_axe_finds_no_violations(site, tab, kind):
    path = representative_pages(site).get(kind)
    if path is None:
        pytest.skip(f"the {site.name} site has no {kind} page")
    tab.goto(site.url(path), wait_until="load")
    if kind == "search":  # check the page with its results and facets drawn
        tab.wait_for_selector("[data-results] li", timeout=10_000)
        tab.wait_for_load_state("networkidle")
    violations = run_axe(tab)
    assert not violations, f"{site.url(path)}\n{describe(violations)}"


def focused(tab) -> dict:
    """What has focus: tag, class, id, DOM index among focusables, and its focus indicator."""
    return tab.evaluate(
        """() => {
          const el = document.activeElement;
          const s = getComputedStyle(el);
          return {tag: el.tagName.toLowerCase(), cls: el.className, id: el.id,
                  index: el.dataset.qaIndex === undefined ? -1 : Number(el.dataset.qaIndex),
                  outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0,
                  shadow: s.boxShadow !== 'none', text: (el.textContent || '').trim().slice(0, 60),
                  top: el.getBoundingClientRect().top};
        }"""
    )


def number_focusables(tab) -> int:
    """Mark each visible focusable element with its DOM order; return how many there are."""
    return tab.evaluate(
        """sel => {
          const els = [...document.querySelectorAll(sel)].filter(
            el => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden');
          els.forEach((el, i) => el.dataset.qaIndex = i);
          return els.length;
        }""",
        FOCUSABLE,
    )


def test_skip_link_is_first_and_moves_focus_to_main(site, tab):
    tab.goto(site.url(""))
    tab.keyboard.press("Tab")
    first = focused(tab)
    assert "skip-link" in first["cls"], f"first focusable is {first}"
    assert first["top"] >= 0, "the skip link stays off screen when focused"
    assert first["outline"] or first["shadow"], "the focused skip link shows no focus indicator"
    tab.keyboard.press("Enter")
    assert focused(tab)["id"] == "main"
    assert tab.evaluate("location.hash") == "#main"


def test_tab_order_follows_dom_order_with_visible_focus(site, tab):
    tab.goto(site.url(""))
    count = number_focusables(tab)
    assert count > 5
    seen = []
    for _ in range(count):
        tab.keyboard.press("Tab")
        now = focused(tab)
        assert now["outline"] or now["shadow"], f"no visible focus indicator on {now}"
        seen.append(now["index"])
    assert seen == list(range(count)), f"Tab order {seen} is not the DOM order"


def contrast(fg: tuple[float, ...], bg: tuple[float, ...]) -> float:
    """WCAG contrast ratio of two sRGB colours (0-255 channels)."""

    def lum(rgb):
        c = [v / 255 for v in rgb[:3]]
        c = [v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4 for v in c]
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]

    hi, lo = sorted((lum(fg), lum(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def hex_rgb(value: str) -> tuple[int, int, int]:
    """(r, g, b) of "#rrggbb"."""
    value = value.lstrip("#")
    return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))


def test_official_sdg_colours_with_their_text_colour_reach_aa():
    goals = all_goals()
    assert len(goals) == 17
    for goal in goals:
        ratio = contrast(hex_rgb(goal.text_colour), hex_rgb(goal.colour))
        assert ratio >= 4.5, (
            f"SDG {goal.number}: {goal.text_colour} on {goal.colour} is {ratio:.2f}"
        )


TILE_COLOURS = """() => [...document.querySelectorAll('.sdg-tile')].map(li => {
  const a = li.querySelector('a');
  const bg = getComputedStyle(a).backgroundColor;
  return {term: li.dataset.term, empty: li.classList.contains('empty'), bg,
          texts: [...a.querySelectorAll('span')].map(s => getComputedStyle(s).color)};
})"""


def rgb(css: str) -> tuple[float, ...]:
    """Channels of a computed "rgb(r, g, b)" or "rgba(r, g, b, a)" colour."""
    inner = css[css.index("(") + 1 : css.index(")")]
    values = [float(v) for v in inner.replace("/", ",").split(",")]
    assert len(values) == 3 or values[3] == 1, f"translucent colour {css}"
    return tuple(values[:3])


def test_sdg_tiles_and_dimmed_tiles_keep_contrast(sites, tab):
    kinds = set()
    for site in sites.values():
        tab.goto(site.url("sdgs/"))
        tiles = tab.evaluate(TILE_COLOURS)
        assert len(tiles) == 17
        for tile in tiles:
            kinds.add(tile["empty"])
            for colour in tile["texts"]:
                ratio = contrast(rgb(colour), rgb(tile["bg"]))
                assert ratio >= 4.5, f"{site.name} {tile['term']}: {colour} on {tile['bg']}"
    assert kinds == {True, False}, "the two sites should show both full and dimmed tiles"
