"""The `archive import` command end to end: files written, reported, never overwritten."""

from __future__ import annotations

from pathlib import Path

import yaml

from newsarchive.registry import load_registry
from newsarchive.release import parse_release


def _front(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])


def _written(site: Path) -> list[Path]:
    return sorted((site / "releases").rglob("*.md"))


def test_imports_and_writes_valid_releases(site, run_import, fixture_path):
    code, out, err = run_import(
        fixture_path("multi_release.txt"), fixture_path("html_time_tag.html")
    )
    assert code == 0 and err == ""
    files = _written(site)
    assert [f.relative_to(site / "releases").as_posix() for f in files] == [
        "2021/students-learn-about-safe-migration.md",
        "2022/kyiv-hosts-regional-dialogue-on-migrant-smuggling.md",
        "2022/partners-launch-helpline-for-trafficking-survivors-in-moldova.md",
        "2023/new-shelter-opens-for-survivors-of-trafficking-in-ghana.md",
    ]
    registry = load_registry(site / "partners.yaml")
    for path in files:
        release, problems = parse_release(path.read_text(encoding="utf-8"), str(path), registry)
        assert release is not None and not [p for p in problems if p.level == "error"], problems
    helpline = _front(files[2])
    assert helpline["source"] == "html_time_tag.html"
    assert helpline["funders"] == ["SDC"]
    # "shelters run with the Ministry ..." names it as a party without a phrase: inferred, flagged
    ministry = "Ministry of Labour and Social Protection of Moldova"
    assert helpline["partners"] == ["La Strada Moldova", ministry]
    assert any(ministry in note and "inferred" in note for note in helpline["review"])
    assert "written" in out and "new org SDC" in out


def test_new_organizations_added_for_review(site, run_import, fixture_path):
    run_import(fixture_path("no_date.txt"))
    norway = load_registry(site / "partners.yaml").resolve("Government of Norway")
    assert norway is not None and norway.review and norway.type == "government"
    assert (site / "partners.yaml").read_text().startswith("# test registry")


def test_registry_untouched_when_output_elsewhere(site, run_import, fixture_path, tmp_path):
    before = (site / "partners.yaml").read_bytes()
    code, out, _ = run_import(fixture_path("no_date.txt"), output=tmp_path / "elsewhere")
    assert code == 0 and (site / "partners.yaml").read_bytes() == before
    (path,) = (tmp_path / "elsewhere").rglob("*.md")
    assert _front(path)["funders"] == ["Government of Norway"]
    assert "Government of Norway" in out


def test_dry_run_writes_nothing(site, run_import, fixture_path):
    before = (site / "partners.yaml").read_bytes()
    code, out, _ = run_import("--dry-run", fixture_path("no_date.txt"))
    assert code == 0 and "would write" in out
    assert _written(site) == [] and (site / "partners.yaml").read_bytes() == before


def test_idempotent_reimport(site, run_import, fixture_path):
    source = fixture_path("us_date_format.txt")
    run_import(source)
    (path,) = _written(site)
    first = path.read_bytes()
    code, out, _ = run_import(source)
    assert code == 0 and "already imported" in out and _written(site) == [path]
    code, out, _ = run_import("--force", source)
    assert code == 0 and path.read_bytes() == first and "unchanged" in out


def test_no_overwrite(site, run_import, fixture_path):
    source = fixture_path("mailto_debris.txt")
    run_import(source)
    (path,) = _written(site)
    path.write_text(path.read_text().replace("Each returnee", "EDITED: each returnee"))
    edited = path.read_bytes()
    run_import(source)
    assert path.read_bytes() == edited
    run_import("--force", source)
    assert b"EDITED" not in path.read_bytes()


def test_same_slug_different_release_gets_new_name(site, run_import, fixture_path):
    target = site / "releases" / "undated" / "fishermen-trained-to-spot-trafficking-at-sea.md"
    target.parent.mkdir(parents=True)
    target.write_text("hand-written notes, no front matter\n")
    run_import(fixture_path("no_date.txt"))
    assert target.read_text() == "hand-written notes, no front matter\n"
    assert (target.parent / "fishermen-trained-to-spot-trafficking-at-sea-2.md").exists()


def test_bad_files_reported_and_rest_imported(site, run_import, fixture_path, tmp_path):
    empty = tmp_path / "empty_file.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary_file.txt"
    binary.write_bytes(bytes(range(256)) * 20)
    invalid = tmp_path / "invalid_utf8.txt"
    invalid.write_bytes(
        b"Headline For A Broken File\n\nGeneva \xe2\x80\x93 Text \xff with a bad byte, "
        b"and more words to make a long enough paragraph here.\n"
    )
    huge = tmp_path / "huge_file.txt"
    huge.write_bytes(b"x " * (10 * 1024 * 1024 + 1))
    code, out, err = run_import(
        empty, binary, huge, fixture_path("no_date.txt"), tmp_path / "missing.txt", invalid
    )
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 4 and all(line.startswith("archive import: ") for line in lines)
    assert (
        "empty" in lines[0]
        and "binary" in lines[1]
        and "MB" in lines[2]
        and "cannot read" in lines[3]
    )
    assert "Traceback" not in err
    assert len(_written(site)) == 2 and "invalid UTF-8 byte 0xff" in out


def test_no_headline_written_as_draft(site, run_import, fixture_path):
    run_import(fixture_path("no_headline.txt"))
    (path,) = _written(site)
    front = _front(path)
    assert front["status"] == "draft" and "date" not in front
    assert path.parent.name == "undated"
