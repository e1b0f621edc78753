"""`archive check` as a command: paths, grouping, summary, JSON, GitHub annotations, speed."""

from __future__ import annotations

import json
import shutil
import time

from tests.conftest import ROOT, release


def test_problems_are_grouped_by_file_sorted_then_summarized(project, archive):
    content = project("unknown_country")
    shutil.copytree(_case("sdg_18"), content, dirs_exist_ok=True)
    shutil.copytree(_case("draft_warning"), content, dirs_exist_ok=True)
    run = archive("check")
    paths = [line.split(":")[0] for line in run.problems]
    assert paths == sorted(paths)
    assert paths == [
        "content/releases/2022/draft-warning.md",
        "content/releases/2024/sdg-18.md",
        "content/releases/2024/unknown-country.md",
    ]
    assert run.summary == "4 files checked: 2 errors, 1 warning"
    assert run.status == 1


def _case(name: str):
    from tests.check.conftest import CASES

    return CASES / name


def test_clean_content_passes_with_a_summary_only(project, archive):
    content = project()
    (content / "releases/2024").mkdir(parents=True)
    (content / "releases/2024/ok.md").write_text(release("OK", date="2024-01-02", sdgs=[16]))
    run = archive("check")
    assert run.lines == ["2 files checked: 0 errors, 0 warnings"]
    assert run.status == 0


def test_paths_limit_the_releases_checked(project, archive):
    content = project("duplicate_title_date")
    shutil.copytree(_case("sdg_18"), content, dirs_exist_ok=True)
    run = archive("check", "content/releases/2024/sdg-18.md")
    assert [line.split(":")[0] for line in run.problems] == ["content/releases/2024/sdg-18.md"]
    assert run.summary == "2 files checked: 1 error, 0 warnings"  # the file and the registry


def test_missing_path_is_a_usage_error(project, archive):
    project()
    run = archive("check", "content/releases/nope.md")
    assert run.status == 2
    assert run.out == ""
    assert "no such file or folder: content/releases/nope.md" in run.err


def test_json_format_for_tools(project, archive):
    project("sdg_18")
    run = archive("check", "--format", "json")
    doc = json.loads(run.out)
    assert doc == {
        "errors": 1,
        "files_checked": 2,
        "problems": [
            {
                "level": "error",
                "line": 6,
                "message": "SDG 18 does not exist: use numbers 1 to 17",
                "path": "content/releases/2024/sdg-18.md",
            }
        ],
        "warnings": 0,
    }
    assert run.status == 1


def test_json_strict_counts_warnings_as_errors(project, archive):
    project("draft_warning")
    doc = json.loads(archive("check", "--format", "json", "--strict").out)
    assert (doc["errors"], doc["warnings"]) == (1, 0)
    assert doc["problems"][0]["level"] == "error"


def test_github_annotations_when_running_in_actions(project, archive, monkeypatch):
    project("unknown_country")
    shutil.copytree(_case("draft_warning"), "content", dirs_exist_ok=True)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    run = archive("check")
    # the report is printed with workflow commands stopped (a fresh token), then annotations
    stop, resume = run.lines[0], run.lines[-3]
    token = stop.removeprefix("::stop-commands::")
    assert len(token) == 32 and resume == f"::{token}::"
    annotations = [line for line in run.lines[run.lines.index(resume) + 1 :]]
    assert annotations == [
        "::warning file=content/releases/2022/draft-warning.md,line=4,title=archive check::"
        "draft (not published): set 'status: published' when it is ready",
        "::error file=content/releases/2024/unknown-country.md,line=6,title=archive check::"
        "unknown country 'Tajikstan' (did you mean Tajikistan (TJ)?); use an ISO 3166-1 "
        "alpha-2 code or the country's name",
    ]
    assert run.lines[-1].startswith("::")  # annotations come after the summary
    assert "3 files checked: 1 error, 1 warning" in run.lines


def test_annotation_escapes_newlines_and_percent():
    from newsarchive.checks.command import github_annotation
    from newsarchive.problems import Problem

    line = github_annotation(Problem("a,b:c.md", 3, "error", "50% off\nnext"))
    assert line == "::error file=a%2Cb%3Ac.md,line=3,title=archive check::50%25 off%0Anext"


def test_no_annotations_outside_actions(project, archive):
    project("sdg_18")
    assert not any(line.startswith("::") for line in archive("check").lines)


def test_the_real_content_has_no_errors(archive, monkeypatch):
    monkeypatch.chdir(ROOT)
    run = archive("check")
    assert [p for p in run.problems if ": error: " in p] == []
    assert run.status == 0


def generated_archive(content, count: int) -> None:
    """`count` valid releases spread over years, partners, countries and SDGs."""
    partners = ["IOM", "UNODC", "FIA", "Japan"]
    countries = ["PK", "Egypt", "TJ", "Viet Nam", "AF"]
    for i in range(count):
        undated = i % 10 == 0
        year = 2000 + i % 25
        folder = "undated" if undated else str(year)
        fields = {
            "dateline": "Islamabad",
            "summary": f"Summary of release {i}.",
            "partners": [partners[i % 4], partners[(i + 1) % 4]],
            "funders": [partners[(i + 2) % 4]],
            "countries": [countries[i % 5], countries[(i + 3) % 5]],
            "sdgs": [16, 1 + i % 17],
            "contacts": [{"name": "IOM media", "email": "media@iom.int"}],
            "source": f"{i:04d}.txt",
        }
        if not undated:
            fields["date"] = f"{year}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        path = content / "releases" / folder / f"release-{i:04d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(release(f"Release number {i}", "Body. " * 200, **fields))


def test_check_speed_on_1000_files(project):
    """1,000 releases are checked in well under the budget (the figure is in the report)."""
    from newsarchive.checks import run_checks

    content = project()
    generated_archive(content, 1000)
    start = time.perf_counter()
    report = run_checks(["content"])
    elapsed = time.perf_counter() - start
    assert report.files == 1001
    assert [str(p) for p in report.problems if p.level == "error"] == []
    assert report.warnings == 0  # undated releases without review notes are accepted
    assert elapsed < 10, f"checking 1,000 files took {elapsed:.2f} s"
