"""No secrets published, nothing written outside the output folder, nothing that reaches a CI log
starts a workflow command: planted into a copy of the seed site, each is refused by `archive
check` and `archive build` with one `path:line:` line, or simply never published."""

from __future__ import annotations

import os

import pytest

from tests.robust.test_hostile_yaml import RELEASE, SHOWN, refused_by_check_and_build
from tests.test_reproducible import files_of

SECRET = "TOP-SECRET-TOKEN-4711"


@pytest.fixture
def site(project, tmp_path):
    """The seed project with images/, a first build, and a secret file beside the site."""
    project.write("images/logo.png", b"\x89PNG\r\n\x1a\nlogo")
    (tmp_path / "secret.txt").write_text(SECRET, encoding="utf-8")
    (tmp_path / "private").mkdir()
    (tmp_path / "private" / "id_rsa").write_text(SECRET, encoding="utf-8")
    assert project.build().status == 0
    return project


def published(project) -> bool:
    """True when the secret is anywhere in the output folder."""
    return any(SECRET.encode() in data for data in files_of(project.output).values())


def outside(tmp_path, project) -> set[str]:
    """Files under tmp_path that are outside the site folder (what a build must never write)."""
    site = project.root
    return {str(p) for p in tmp_path.rglob("*") if p.is_file() and site not in p.parents}


def test_symlink_to_a_file_outside_content(site, tmp_path):
    (site.content / "images" / "passwd.png").symlink_to(tmp_path / "secret.txt")
    refused_by_check_and_build(
        site, "content/images/passwd.png", 1, "outside content/", "would be published"
    )
    assert not published(site)


def test_symlinked_folder_outside_content(site, tmp_path):
    (site.content / "extra").mkdir()
    (site.content / "extra" / "keys").symlink_to(tmp_path / "private")
    refused_by_check_and_build(site, "content/extra/keys", 1, "outside content/")
    assert not published(site)


def test_symlink_to_etc_passwd_in_releases(site):
    (site.content / "releases" / "2024" / "passwd.md").symlink_to("/etc/passwd")
    refused_by_check_and_build(site, "content/releases/2024/passwd.md", 1, "outside content/")


def test_symlink_loop(site):
    (site.content / "images" / "again").symlink_to(site.content / "images")
    refused_by_check_and_build(site, "content/images/again", 1, "a loop")


def test_symlink_inside_content_is_read_like_its_target(site):
    (site.content / "images" / "logo-copy.png").symlink_to(site.content / "images" / "logo.png")
    assert site.check().status == 0
    assert site.build().status == 0
    assert (site.output / "images" / "logo-copy.png").read_bytes().endswith(b"logo")


@pytest.mark.parametrize(
    "link",
    [
        "{static}../../../secret.txt",
        "{attach}../../../../secret.txt",
        "{static}/../../secret.txt",
        "|static|../../../secret.txt",
        "{static}%2e%2e/%2e%2e/%2e%2e/secret.txt",
        "{filename}../../../../../../etc/passwd",
    ],
)
def test_intra_site_link_leading_outside_content_from_a_page(site, tmp_path, link):
    site.edit("pages/about.md", "smuggling: memoranda", f"smuggling: ![x]({link}) memoranda")
    before = outside(tmp_path, site)
    refused_by_check_and_build(site, "content/pages/about.md", 6, "leads outside content/")
    assert not published(site)
    assert outside(tmp_path, site) == before


def test_intra_site_link_leading_outside_content_from_a_release(site):
    path = site.edit(
        RELEASE, "\nCairo, 2 July", "\n[files]({attach}../../../secret.txt) Cairo, 2 July"
    )
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if "secret.txt" in text)
    refused_by_check_and_build(site, SHOWN, line, "{attach} link", "leads outside content/")


@pytest.mark.parametrize(
    ("field", "words"),
    [
        ("save_as: ../../../evil.html", ("'save_as' is not allowed",)),
        ("url: /../../evil/", ("'url' is not allowed",)),
        ("slug: ../../evil", ("not a URL slug", "use 'evil'")),
        ("template: ../../../etc/passwd", ("'template' is not allowed",)),
    ],
)
def test_page_fields_cannot_choose_where_it_is_written(site, tmp_path, field, words):
    site.edit("pages/about.md", "title: About this archive\n", f"title: About\n{field}\n")
    before = outside(tmp_path, site)
    refused_by_check_and_build(site, "content/pages/about.md", 3, *words)
    assert outside(tmp_path, site) == before


def test_registry_slug_cannot_leave_the_partners_folder(site, tmp_path):
    site.edit("partners.yaml", "- slug: unodc\n", "- slug: ../../../evil\n")
    before = outside(tmp_path, site)
    line = next(
        i
        for i, text in enumerate((site.content / "partners.yaml").read_text().splitlines(), 1)
        if "evil" in text
    )
    refused_by_check_and_build(site, "content/partners.yaml", line, "not a URL slug")
    assert outside(tmp_path, site) == before


def test_hidden_files_are_never_published(site):
    site.write("extra/.env", f"TOKEN={SECRET}\n")
    site.write("extra/.git/config", f"[credential]\n  token = {SECRET}\n")
    site.write("images/.DS_Store", SECRET)
    site.write("extra/robots-note.txt", "public\n")
    assert site.build().status == 0
    assert (site.output / "extra" / "robots-note.txt").is_file()
    assert not published(site)


def test_html_and_rst_pages_are_not_read(site):
    """Only the checked Markdown reader runs: Pelican's HTML reader would take `save_as` from a
    meta tag (and an HTML file in content/ is refused: a browser would run it as a page)."""
    site.write(
        "pages/evil.html",
        '<html><head><title>x</title><meta name="save_as" content="../../evil.html">'
        "</head><body>x</body></html>",
    )
    built = site.build()
    assert built.status == 1
    assert "content/pages/evil.html:1: error: HTML files are not published" in built.err
    assert not (site.root / "evil.html").exists()
    assert not list(site.output.rglob("evil*"))


def test_writing_outside_the_output_folder_is_refused(tmp_path):
    from newsarchive.output import OutputPathError, output_file, write_bytes

    out = tmp_path / "out"
    assert output_file(out, "a/b.html") == out / "a" / "b.html"
    for bad in ("../x.html", "/etc/x", "a/../../x", "a\0b"):
        with pytest.raises(OutputPathError):
            write_bytes(out, bad, b"x")
    assert sorted(os.listdir(tmp_path)) == [] or not (tmp_path / "x.html").exists()


def test_no_workflow_command_from_content_in_ci_logs(site, monkeypatch):
    """A title and review notes that try to inject `::` commands into the GitHub Actions log."""
    site.edit(
        RELEASE,
        "dateline: Cairo\n",
        'dateline: Cairo\nreview:\n- "ok\\n::add-mask::x\\r::error::pwned"\n'
        '- "\\u2028::set-output name=x::y ##[error]legacy"\npartners2: "\\n::warning::z"\n',
    )
    site.edit(RELEASE, "- UNODC\n", '- "UNODC\\n::error file=x::forged"\n')
    outputs = {"text": site.check(), "github": site.check("--format", "github")}
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    outputs["build"] = site.build()
    for kind, outcome in outputs.items():
        assert outcome.status == 1, (kind, outcome.text)
        assert "##[error]" not in outcome.text
        commands = [line for line in outcome.text.splitlines() if line.lstrip().startswith("::")]
        if kind == "text":
            assert commands == []
            continue
        stop, resume, *annotations = commands
        token = stop.removeprefix("::stop-commands::")
        assert resume == f"::{token}::" and len(token) == 32
        for line in annotations:  # one line each, the message escaped (%0A for newlines)
            assert line.startswith(("::error file=content/", "::warning file=content/")), line
        assert len(annotations) == (len(outcome.problems) if kind == "github" else 0)


def test_registry_linked_outside_content_is_never_read(site, tmp_path):
    outside_registry = tmp_path / "stolen.yaml"
    outside_registry.write_text(f"- slug: x\n  {SECRET}: 1\n", encoding="utf-8")
    registry = site.content / "partners.yaml"
    registry.unlink()
    registry.symlink_to(outside_registry)
    checked = site.check()
    assert f"content/partners.yaml:1: error: symbolic link to {outside_registry}" in checked.text
    built = site.build()
    assert built.status == 1
    for outcome in (checked, built):
        assert SECRET not in outcome.text and "Traceback" not in outcome.text
