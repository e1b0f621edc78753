"""`archive check` across files: the same release twice, and two files with one URL."""

from __future__ import annotations

import pytest

R = "content/releases"
FIX = "delete one file or merge the two"

DUPLICATES = {
    "duplicate_title_date": [
        f"{R}/2024/iom-unodc-mou.md:2: error: duplicate release: same title and date as "
        f"{R}/2024/iom-and-unodc-sign.md; {FIX}"
    ],
    "duplicate_source_title": [
        f"{R}/undated/iom-and-unodc-sign.md:2: error: duplicate release: same source and title "
        f"as {R}/2024/iom-and-unodc-sign.md; {FIX}"
    ],
    "duplicate_source_title_date": [
        f"{R}/2024/b.md:2: error: duplicate release: same source, title and date as "
        f"{R}/2024/a.md; {FIX}"
    ],
    "same_url": [
        f"{R}/2024/fia-training.md:1: error: publishes to the same URL /releases/2024/"
        f"fia-training/ as {R}/2024/fia-training.markdown; rename one of the files"
    ],
}


@pytest.mark.parametrize("case", sorted(DUPLICATES))
def test_duplicate_is_reported_on_the_second_file_naming_the_first(case, project, archive):
    project(case)
    run = archive("check")
    errors = [line for line in run.problems if ": error: " in line]
    assert errors == DUPLICATES[case]
    assert run.status == 1


def test_same_title_on_other_dates_is_not_a_duplicate(project, archive):
    from tests.conftest import release

    content = project()
    for year in ("2023", "2024"):
        path = content / "releases" / year / f"training-{year}.md"
        path.parent.mkdir(parents=True)
        path.write_text(release("FIA training", date=f"{year}-03-01", source=f"{year}.txt"))
    assert archive("check").problems == []


def test_files_publishing_to_one_url_from_different_folders(project, archive):
    from tests.conftest import release

    content = project()
    text = release("FIA training", date="2024-03-01")
    for folder in ("2024", "2023"):
        (content / "releases" / folder).mkdir(parents=True)
    (content / "releases/2024/fia.md").write_text(text)
    (content / "releases/2023/fia.md").write_text(text.replace("FIA training", "Other"))
    problems = archive("check").problems
    assert f"{R}/2024/fia.md:1: error: publishes to the same URL /releases/2024/fia/ as " in (
        "".join(problems)
    )
