"""Release front matter: parsing, validation messages with lines and fixes."""

import datetime as dt
import textwrap

from newsarchive.registry import parse_registry
from newsarchive.release import dump_release, parse_release
from tests.conftest import REGISTRY

REG = parse_registry(REGISTRY)


def parse(text: str):
    return parse_release(textwrap.dedent(text), "content/releases/2024/x.md", REG)


def test_full_release_resolves_every_field():
    release, problems = parse(
        """\
        ---
        title: IOM and UNODC sign
        date: 2024-07-02
        dateline: Cairo
        partners: [U.N.O.D.C.]
        funders: [Japanese Embassy]
        countries: [Egypt, JP]
        sdgs: [16, 17]
        contacts:
        - {name: Press, email: media@iom.int}
        source: 001.txt
        ---
        Body.
        """
    )
    assert problems == []
    assert release.date == dt.date(2024, 7, 2) and release.folder == "2024"
    assert [o.slug for o in release.partners] == ["unodc"]
    assert [o.slug for o in release.funders] == ["government-of-japan"]
    assert [c.code for c in release.countries] == ["EG", "JP"]
    assert [g.number for g in release.sdgs] == [16, 17]
    assert release.body.strip() == "Body."


def test_no_date_is_undated_not_invented():
    release, problems = parse("---\ntitle: T\n---\nBody\n")
    assert problems == [] and release.date is None and release.folder == "undated"


def test_bad_yaml_names_the_line():
    release, [problem] = parse("---\ntitle: T\npartners: [unclosed\n---\nBody\n")
    assert release is None
    assert problem.level == "error" and "not valid YAML" in problem.message
    assert problem.line in (3, 4)


def test_impossible_date():
    _, [problem] = parse("---\ntitle: T\ndate: 2023-02-30\n---\n")
    assert problem.line == 3 and "not a real date" in problem.message


def test_sdg_out_of_range():
    _, [problem] = parse("---\ntitle: T\nsdgs: [16, 18]\n---\n")
    assert problem.line == 3 and "SDG 18 does not exist" in problem.message


def test_unknown_partner_with_suggestion():
    _, [problem] = parse("---\ntitle: T\npartners: [UNDOC]\n---\n")
    assert problem.line == 3
    assert "unknown organization 'UNDOC'" in problem.message
    assert "did you mean 'UNODC'?" in problem.message


def test_unknown_country_with_suggestion():
    _, [problem] = parse("---\ntitle: T\ncountries: [Tajikstan]\n---\n")
    assert "did you mean Tajikistan (TJ)?" in problem.message


def test_missing_title_and_missing_front_matter():
    _, [problem] = parse("---\ndate: 2024-01-01\n---\n")
    assert "missing 'title'" in problem.message
    release, [problem] = parse("Just text\n")
    assert release is None and "no front matter" in problem.message


def test_list_field_given_a_mapping():
    _, [problem] = parse("---\ntitle: T\nsdgs: {a: 1}\n---\n")
    assert "'sdgs' must be a list" in problem.message


def test_dump_orders_fields_and_round_trips():
    text = dump_release(
        {"source": "a.txt", "title": "T", "sdgs": [3], "date": "2024-01-02"}, "Body"
    )
    assert text.splitlines()[:4] == ["---", "title: T", "date: 2024-01-02", "sdgs:"]
    assert text.index("title") < text.index("date") < text.index("sdgs") < text.index("source")
    release, problems = parse_release(text, "x.md", REG)
    assert problems == [] and release.date == dt.date(2024, 1, 2)
