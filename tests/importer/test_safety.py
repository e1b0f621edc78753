"""Imports as an attacker or a busy editor would test them: text stays text, a bad date breaks
nothing, files are readable, replaced files are kept, re-imports are caught."""

from __future__ import annotations

import stat

import markdown

from newsarchive.importer.build import import_source
from newsarchive.release import parse_release, split_front_matter
from tests.importer.conftest import FIXTURES

MULTI_WITH_IMPOSSIBLE_DATE = """\
Media Update

IOM and UNODC Sign Agreement on Border Management

Cairo, 2 July 2024 - The International Organization for Migration (IOM) and the United Nations \
Office on Drugs and Crime (UNODC) signed an agreement on border management today in Cairo.

For more information: media@iom.int

Border Guards Trained to Spot Trafficking at Airports

Amman, 31 February 2024 - Forty border guards completed a week-long course on identifying \
victims of trafficking among travellers at Queen Alia International Airport.

Shelter for Survivors Opens in Beirut

Beirut, 14 March 2024 - IOM and the Ministry of Social Affairs of Lebanon opened a shelter \
for women who have survived trafficking for domestic work.
"""


def _written(run_import, site, *files):
    code, out, err = run_import(*files)
    assert code == 0, err
    return sorted((site / "releases").rglob("*.md"))


def test_markup_in_a_saved_page_stays_visible_text(registry):
    (draft,) = import_source(FIXTURES / "script_injection.html", registry)
    html = markdown.markdown(draft.body)
    for live in ("<script", "<img", "<svg", "<iframe", "<a ", "javascript:alert(5)", "onerror="):
        assert live not in html.replace("&lt;img src=x onerror", "")
    assert "&lt;script&gt;alert(&quot;body&quot;)&lt;/script&gt;" in html or (
        '&lt;script&gt;alert("body")&lt;/script&gt;' in html
    )
    assert "[a link](javascript:alert(3))" in html  # shown as typed, not a link
    assert "&amp;lt;b&amp;gt;" in html
    assert draft.title == "Partners Open Shelter <script>alert(1)</script> in Tbilisi"


def test_front_matter_keeps_markup_as_a_string(run_import, site, fixture_path, registry):
    (path,) = _written(run_import, site, fixture_path("script_injection.html"))
    text = path.read_text(encoding="utf-8")
    release, problems = parse_release(text, str(path), registry)
    assert release.title == "Partners Open Shelter <script>alert(1)</script> in Tbilisi"
    assert "<script>" not in split_front_matter(text)[1]


def test_impossible_date_does_not_glue_releases(tmp_path, registry):
    source = tmp_path / "media_update.txt"
    source.write_text(MULTI_WITH_IMPOSSIBLE_DATE, encoding="utf-8")
    drafts = import_source(source, registry)
    assert [d.meta["date"] for d in drafts] == ["2024-07-02", None, "2024-03-14"]
    assert "does not exist" in " ".join(drafts[1].meta["review"])
    assert "Beirut" not in drafts[1].body


def test_imported_files_are_readable_by_all(run_import, site, fixture_path):
    for path in _written(run_import, site, fixture_path("multi_release.txt")):
        assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_force_keeps_the_editors_file_and_says_so(run_import, site, fixture_path):
    source = fixture_path("no_headline.txt")
    (path,) = _written(run_import, site, source)
    edited = path.read_text(encoding="utf-8").replace("\n---\n", "\n---\n\nEditor's note.\n", 1)
    path.write_text(edited, encoding="utf-8")
    code, out, _ = run_import(source, "--force")
    backup = path.with_name(path.name + ".bak")
    assert code == 0 and backup.read_text(encoding="utf-8") == edited
    assert f"the previous version is kept as {backup}" in out
    assert stat.S_IMODE(backup.stat().st_mode) == 0o644


def test_reimport_after_retitle_is_caught(run_import, site, fixture_path, capsys):
    from newsarchive.cli import main

    source = fixture_path("us_date_format.txt")
    (path,) = _written(run_import, site, source)
    text = path.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    path.write_text(text.replace(title, "title: A Headline the Editor Wrote"), encoding="utf-8")
    code, out, _ = run_import(source)
    assert code == 0 and "already imported" in out
    copy = path.with_name("imported-again.md")  # as an older importer would have written it
    copy.write_text(text, encoding="utf-8")
    main(["check", str(site)])
    report = capsys.readouterr().out
    assert f"{copy}:" in report or "imported-again.md" in report
    assert "duplicate release: same source and text" in report


def test_an_alias_bomb_among_existing_releases_is_skipped_at_once(tmp_path):
    from newsarchive.importer.store import scan_existing

    bomb = "".join(f"l{i}: &l{i} [*l{i - 1}, *l{i - 1}, *l{i - 1}]\n" for i in range(1, 12))
    (tmp_path / "2024").mkdir()
    (tmp_path / "2024" / "bomb.md").write_text(
        f"---\ntitle: Bomb\nl0: &l0 [x]\n{bomb}---\nBody.\n", encoding="utf-8"
    )
    (tmp_path / "2024" / "fine.md").write_text("---\ntitle: Fine\n---\nBody.\n", encoding="utf-8")
    assert [e.path.name for e in scan_existing(tmp_path)] == ["fine.md"]
