"""Incremental rebuilds: pages whose inputs did not change are not rendered again, and a rebuild
after edits writes exactly what a cold build of the edited content writes."""

from __future__ import annotations

from pathlib import Path

import frontmatter

from tests.conftest import build
from tests.synthetic import write_archive
from tests.test_reproducible import differences, files_of


def _mtimes(output: Path) -> dict[str, int]:
    return {p.relative_to(output).as_posix(): p.stat().st_mtime_ns for p in output.rglob("*.html")}


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _move_a_partner(files: list[Path]) -> None:
    """Move one organization from a release naming two or more to one not naming it: every
    count stays the same, but the partner network changes."""
    posts = [(f, frontmatter.load(f)) for f in files]
    source, post = next((f, p) for f, p in posts if len(p.get("partners") or []) >= 2)
    moved = post["partners"].pop()
    target, other = next(
        (f, p)
        for f, p in posts
        if f != source and moved not in (p.get("partners") or []) + (p.get("funders") or [])
    )
    other["partners"] = [*(other.get("partners") or []), moved]
    for path, changed in ((source, post), (target, other)):
        path.write_text(frontmatter.dumps(changed) + "\n", encoding="utf-8")


def test_unchanged_pages_are_not_rendered_again(tmp_path):
    content = write_archive(tmp_path / "site", releases=40, organizations=20)
    output = tmp_path / "site" / "output"
    assert build(content, output).errors == []
    before = _mtimes(output)
    again = build(content, output)
    assert again.errors == []
    rewritten = sorted(p for p, t in _mtimes(output).items() if before.get(p) != t)
    # the index pages (with the map and the network) and every release and term page are kept
    for page in ("partners/index.html", "countries/index.html", "sdgs/index.html"):
        assert page not in rewritten
    assert not [p for p in rewritten if p.startswith(("releases/", "partners/", "countries/"))]


def test_rebuild_after_edits_writes_what_a_cold_build_writes(tmp_path):
    content = write_archive(tmp_path / "site", releases=40, organizations=20)
    output = tmp_path / "site" / "output"
    assert build(content, output).errors == []
    files = sorted((content / "releases").rglob("*.md"))
    _edit(files[2], "\n---\n", "\n---\nA sentence added to the body.\n")
    _edit(files[7], "title: ", "title: Retitled ")
    # another partner for one release: counts, the partner index and its network change
    registry = (content / "partners.yaml").read_text(encoding="utf-8")
    acronym = registry.split("acronym: ", 1)[1].split("\n", 1)[0].strip()
    _edit(files[11], "partners:\n", f"partners:\n- {acronym}\n")
    _move_a_partner(files[12:])  # same counts, other organizations named together
    files[20].unlink()  # a release removed
    warm = build(content, output)
    cold = build(content, tmp_path / "cold" / "output", CACHE_CONTENT=False)
    assert warm.errors == [] and cold.errors == []
    assert differences(files_of(warm.output), files_of(cold.output)) == []
