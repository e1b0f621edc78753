"""`archive check` on broken partner registries: every problem names partners.yaml and a line."""

from __future__ import annotations

import pytest

P = "content/partners.yaml"

REGISTRY_CASES = {
    "registry_alias_collision": [
        f"{P}:5: error: 'IOM' of 'unodc' also names 'iom' (line 1); slugs, acronyms and aliases "
        "must each name one organization"
    ],
    "registry_duplicate_slug": [
        f"{P}:4: error: slug 'iom' of 'Institute of Migration' is already used by the "
        "organization on line 1; give each organization its own slug"
    ],
    "registry_missing_fields": [f"{P}:4: error: organization 'fia' lacks name, type"],
    "registry_unknown_type": [
        f"{P}:4: error: organization 'fia' has unknown type 'police' (use one of: un-agency, "
        "intergovernmental, government, national-institution, ngo, private-sector, donor)"
    ],
    "registry_bad_yaml": [
        f"{P}:6: error: invalid YAML: did not find expected ',' or ']'; fix the syntax"
    ],
    "registry_not_a_list": [f"{P}:1: error: the registry must be a YAML list of organizations"],
    "registry_unknown_country": [
        f"{P}:4: error: country 'Pakistan' of 'fia' is not an ISO 3166-1 alpha-2 code "
        "(did you mean PK, Pakistan?)",
        f"{P}:8: error: country 'XX' of 'hci' is not an ISO 3166-1 alpha-2 code",
    ],
    "registry_missing": [
        f"{P}:1: error: partner registry not found: run from the project folder or pass "
        "--registry PATH"
    ],
    "registry_unknown_field": [
        f"{P}:3: warning: unknown field 'acronyn' in 'fia' (did you mean 'acronym'?); it is ignored"
    ],
    "registry_review_flag": [
        f"{P}:4: warning: organization 'fia' is marked 'review: true': check its name, type, "
        "country and url, then remove the flag"
    ],
}


@pytest.mark.parametrize("case", sorted(REGISTRY_CASES))
def test_registry_case(case, project, archive):
    project(case, registry=None)
    run = archive("check")
    assert run.problems == REGISTRY_CASES[case]
    assert run.status == (1 if any(": error: " in p for p in run.problems) else 0)


def test_registry_option_names_another_file(project, archive, tmp_path):
    from tests.check.conftest import CASES

    project("undated_warning")
    other = tmp_path / "elsewhere.yaml"
    other.write_text((CASES / "registry_alias_collision/partners.yaml").read_text())
    run = archive("check", "--registry", str(other))
    assert any(
        p.startswith("elsewhere.yaml:5: error: 'IOM' of 'unodc' also names") for p in run.problems
    )
    assert "unknown organization 'FIA'" in run.out  # resolved against the named registry
