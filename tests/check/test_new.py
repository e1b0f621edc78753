"""`archive new`: a valid, correctly named skeleton; bad values and existing files are refused."""

from __future__ import annotations

from newsarchive.registry import parse_registry
from newsarchive.release import parse_release
from tests.conftest import REGISTRY

TITLE = "IOM and UNODC Join Forces: a New MoU"
PATH = "content/releases/2024/iom-and-unodc-join-forces-a-new-mou.md"


def releases(content) -> list[str]:
    return sorted(p.relative_to(content).as_posix() for p in content.rglob("*.md"))


def test_new_writes_a_valid_skeleton_named_by_year_and_slug(project, archive):
    content = project()
    run = archive(
        "new",
        TITLE,
        "--date",
        "2024-07-02",
        "--partner",
        "UN Office on Drugs and Crime",
        "--partner",
        "unodc",
        "--funder",
        "Japan",
        "--country",
        "Egypt",
        "--country",
        "pk",
        "--sdg",
        "17",
        "--sdg",
        "16",
    )
    assert run.status == 0
    assert run.out == PATH + "\n"
    text = (content.parent / PATH).read_text(encoding="utf-8")
    record, problems = parse_release(text, PATH, parse_registry(REGISTRY))
    assert [p for p in problems if p.level == "error"] == []
    assert record.title == TITLE
    assert record.date.isoformat() == "2024-07-02"
    assert [o.slug for o in record.partners] == ["unodc"]
    assert [o.slug for o in record.funders] == ["government-of-japan"]
    assert [c.code for c in record.countries] == ["EG", "PK"]
    assert [g.number for g in record.sdgs] == [16, 17]
    assert record.status == "draft"  # not published until an editor has filled it in
    for field in ("dateline:", "summary:", "contacts:", "source:"):
        assert field in text  # every field is there to fill in


def test_new_skeleton_passes_check_with_only_its_draft_warning(project, archive):
    project()
    assert archive("new", TITLE, "--date", "2024-07-02", "--partner", "FIA").status == 0
    run = archive("check")
    assert run.status == 0
    assert len(run.problems) == 1
    assert run.problems[0].startswith(f"{PATH}:")
    assert ": warning: draft (not published)" in run.problems[0]


def test_new_without_date_goes_to_undated(project, archive):
    project()
    run = archive("new", "Human Trafficking Threat to Quake Survivors")
    assert run.out == "content/releases/undated/human-trafficking-threat-to-quake-survivors.md\n"


def test_new_unknown_partner_typo_is_refused_with_a_suggestion(project, archive):
    content = project()
    run = archive("new", TITLE, "--partner", "UNDOC")
    assert run.status == 1
    assert run.out == ""
    assert "archive new: unknown organization 'UNDOC' (did you mean 'UNODC'?)" in run.err
    assert run.err.endswith("archive new: nothing written\n")
    assert releases(content) == []


def test_new_lists_every_bad_value_and_writes_nothing(project, archive):
    content = project()
    run = archive("new", TITLE, "--date", "2024-02-30", "--country", "Tajikstan", "--sdg", "18")
    assert run.status == 1
    assert run.err.splitlines() == [
        "archive new: --date '2024-02-30' is not a real date: write YYYY-MM-DD",
        "archive new: unknown country 'Tajikstan' (did you mean Tajikistan (TJ)?): use an ISO "
        "code or the name",
        "archive new: SDG '18' does not exist: use numbers 1 to 17",
        "archive new: nothing written",
    ]
    assert releases(content) == []


def test_new_refuses_to_overwrite(project, archive):
    content = project()
    assert archive("new", TITLE, "--date", "2024-07-02").status == 0
    (content.parent / PATH).write_text("edited by hand\n", encoding="utf-8")
    run = archive("new", TITLE, "--date", "2024-07-02", "--partner", "FIA")
    assert run.status == 1
    assert f"archive new: {PATH} already exists: edit that file, or choose another title" in (
        run.err
    )
    assert (content.parent / PATH).read_text(encoding="utf-8") == "edited by hand\n"


def test_new_content_option_and_missing_folder(project, archive, tmp_path):
    project()
    run = archive("new", "Elsewhere", "--content", str(tmp_path / "nope"))
    assert run.status == 1
    assert "no content folder" in run.err and "--content DIR" in run.err
    assert archive("new", "Elsewhere", "--content", "content").status == 0
