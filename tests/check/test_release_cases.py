"""`archive check` on one broken release per case: the exact line it prints, and the exit status.

Each case is a content folder in cases/<case>/; the shared test registry is added when the case
has no partners.yaml of its own.
"""

from __future__ import annotations

import pytest

R = "content/releases"
UNDATED = "undated (published as \"Date unknown\"): add 'date: YYYY-MM-DD' if a source gives one"
ORG_FIX = "use a slug, acronym, name or alias from content/partners.yaml or add it there"

ERRORS = {
    "bad_yaml": [
        f"{R}/2024/bad-yaml.md:2: error: front matter is not valid YAML: mapping values are not "
        "allowed in this context; quote values that contain ':' or start with a special character"
    ],
    "no_front_matter": [
        f"{R}/2024/no-front-matter.md:1: error: no front matter: start the file with '---', "
        "the YAML fields, '---'"
    ],
    "missing_title": [
        f"{R}/2024/missing-title.md:1: error: missing 'title': add the release's headline"
    ],
    "unknown_partner_typo": [
        f"{R}/2024/unknown-partner-typo.md:6: error: unknown organization 'UNDOC' in partners "
        f"(did you mean 'UNODC'?); {ORG_FIX}"
    ],
    "unknown_funder": [
        f"{R}/2024/unknown-funder.md:5: error: unknown organization 'Ministry of Nowhere' in "
        f"funders; {ORG_FIX}"
    ],
    "impossible_date": [
        f"{R}/2024/impossible-date.md:3: error: date '2024-02-30' is not a real date: write "
        "YYYY-MM-DD, or remove the field when the source gives no date"
    ],
    "date_not_iso": [f"{R}/2024/date-not-iso.md:3: error: date 2024 must be written YYYY-MM-DD"],
    "sdg_18": [f"{R}/2024/sdg-18.md:6: error: SDG 18 does not exist: use numbers 1 to 17"],
    "unknown_country": [
        f"{R}/2024/unknown-country.md:6: error: unknown country 'Tajikstan' (did you mean "
        "Tajikistan (TJ)?); use an ISO 3166-1 alpha-2 code or the country's name"
    ],
    "list_not_list": [
        f"{R}/2024/list-not-list.md:4: error: 'sdgs' must be a list (one '- item' per line)"
    ],
    "bad_status": [
        f"{R}/2024/bad-status.md:4: error: status 'pending' must be one of: published, draft"
    ],
    "wrong_year_folder": [
        f"{R}/2023/wrong-year-folder.md:3: error: wrong folder for date 2024-07-02: releases go "
        f"in releases/2024/; move it to {R}/2024/wrong-year-folder.md"
    ],
    "dated_in_undated_folder": [
        f"{R}/undated/dated-in-undated-folder.md:3: error: wrong folder for date 2024-07-02: "
        f"releases go in releases/2024/; move it to {R}/2024/dated-in-undated-folder.md"
    ],
    "undated_in_year_folder": [
        f"{R}/2024/undated-in-year-folder.md:2: error: wrong folder for a release without a "
        "date: undated releases go in releases/undated/; move it to "
        f"{R}/undated/undated-in-year-folder.md (or add its date)",
    ],
    "page_bad_yaml": [
        "content/pages/about.md:2: error: front matter is not valid YAML: mapping values are "
        "not allowed in this context"
    ],
}

WARNINGS = {
    "undated_warning": [
        f"{R}/undated/undated-warning.md:5: warning: {UNDATED}; review: The source gives no "
        "date; remove the notes under 'review:' once checked"
    ],
    "draft_warning": [
        f"{R}/2022/draft-warning.md:4: warning: draft (not published): set 'status: published' "
        "when it is ready"
    ],
    "review_notes_warning": [
        f"{R}/2022/review-notes-warning.md:6: warning: review: Check the dateline; Is Japan a "
        "funder?; remove the notes under 'review:' once checked"
    ],
    "unknown_field": [
        f"{R}/2024/unknown-field.md:4: warning: unknown field 'partner' (did you mean "
        "'partners'?); it is ignored"
    ],
    "not_a_slug_name": [
        f"{R}/2024/IOM_UNODC_MoU.md:1: warning: file name 'IOM_UNODC_MoU.md' is not a URL slug "
        "(lowercase letters, digits, hyphens): rename it to iom-unodc-mou.md"
    ],
}


@pytest.mark.parametrize("case", sorted(ERRORS))
def test_error_case_is_reported_with_file_line_and_fix(case, project, archive):
    project(case)
    run = archive("check")
    assert run.problems == ERRORS[case]
    assert run.status == 1
    assert run.err == ""


@pytest.mark.parametrize("case", sorted(WARNINGS))
def test_warning_case_passes_unless_strict(case, project, archive):
    project(case)
    run = archive("check")
    assert run.problems == WARNINGS[case]
    assert run.status == 0
    assert run.summary == "2 files checked: 0 errors, 1 warning"
    strict = archive("check", "--strict")
    assert strict.problems == [line.replace(": warning: ", ": error: ") for line in WARNINGS[case]]
    assert strict.summary == "2 files checked: 1 error, 0 warnings"
    assert strict.status == 1


def test_not_utf8_names_the_line_of_the_first_bad_byte(project, archive):
    """Written here, not kept in cases/: tools that read the test tree expect UTF-8."""
    content = project()
    path = content / "releases/2024/not-utf8.md"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"---\ntitle: Caf\xe9 talks\ndate: 2024-07-02\n---\n\nBody.\n")
    run = archive("check")
    assert run.problems == [
        f"{R}/2024/not-utf8.md:2: error: not UTF-8 text: save the file as UTF-8"
    ]
    assert run.status == 1


def test_a_broken_date_is_not_also_reported_as_undated_or_misfiled(project, archive):
    project("impossible_date")
    assert not any("undated" in line or "folder" in line for line in archive("check").problems)


def test_a_broken_status_is_not_also_reported_as_a_draft(project, archive):
    project("bad_status")
    assert not any("draft (not published)" in line for line in archive("check").problems)


def test_every_case_folder_is_covered():
    from tests.check.conftest import CASES
    from tests.check.test_duplicates import DUPLICATES
    from tests.check.test_registry_cases import REGISTRY_CASES

    covered = {*ERRORS, *WARNINGS, *DUPLICATES, *REGISTRY_CASES}
    assert {p.name for p in CASES.iterdir() if p.is_dir()} == covered
