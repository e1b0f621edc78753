"""Countries (pycountry names, codes, M49 regions, XK) and the 17 SDGs."""

import pytest

from newsarchive.countries import all_countries, resolve_country, suggest_country
from newsarchive.sdgs import all_goals, contrast_ratio, get_goal


@pytest.mark.parametrize(
    "value, code",
    [
        ("PK", "PK"),
        ("pk", "PK"),
        ("PAK", "PK"),
        ("Pakistan", "PK"),
        ("Islamic Republic of Pakistan", "PK"),
        ("Bolivia (Plurinational State of)", "BO"),
        ("Sudan (the)", "SD"),
        ("Türkiye", "TR"),
        ("Turkey", "TR"),
        ("Viet Nam", "VN"),
        ("Korea, Republic of", "KR"),
        ("UK", "GB"),
        ("Kosovo", "XK"),
        ("XK", "XK"),
        ("Côte d'Ivoire", "CI"),
    ],
)
def test_resolves_codes_official_and_common_names(value, code):
    assert resolve_country(value).code == code


def test_unknown_country_suggests_the_closest():
    assert resolve_country("Tajikstan") is None
    assert suggest_country("Tajikstan")[0].code == "TJ"


def test_every_country_has_a_region():
    missing = [c.code for c in all_countries() if c.region in ("", "Other")]
    assert missing == []
    assert resolve_country("Kosovo").region == "Europe"
    assert resolve_country("Egypt").region == "Africa"


def test_seventeen_goals_with_colours():
    goals = all_goals()
    assert [g.number for g in goals] == list(range(1, 18))
    assert get_goal(16).title == "Peace, Justice and Strong Institutions"
    assert get_goal(16).slug == "16-peace-justice-and-strong-institutions"
    assert get_goal(17).colour == "#19486A"


@pytest.mark.parametrize("value", [0, 18, -1, "x", None])
def test_goal_bounds(value):
    assert get_goal(value) is None


def test_tile_text_colour_has_the_better_contrast():
    for goal in all_goals():
        other = "#ffffff" if goal.text_colour == "#000000" else "#000000"
        assert contrast_ratio(goal.colour, goal.text_colour) >= contrast_ratio(goal.colour, other)
        assert contrast_ratio(goal.colour, goal.text_colour) >= 4.5  # WCAG AA, normal text
