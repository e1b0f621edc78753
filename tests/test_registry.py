"""The partner registry: resolution by slug, acronym, name, alias; its own problems."""

from newsarchive.registry import parse_registry
from tests.conftest import REGISTRY


def test_resolves_by_slug_acronym_name_and_alias():
    reg = parse_registry(REGISTRY)
    assert reg.resolve("unodc").slug == "unodc"
    assert reg.resolve("UNODC").slug == "unodc"
    assert reg.resolve("United Nations Office on Drugs and Crime").slug == "unodc"
    assert reg.resolve("UN Office on Drugs and Crime").slug == "unodc"


def test_resolution_ignores_case_and_punctuation():
    reg = parse_registry(REGISTRY)
    assert reg.resolve("u.n.o.d.c.").slug == "unodc"
    assert reg.resolve("  japanese   EMBASSY ").slug == "government-of-japan"


def test_unknown_name_gets_suggestions():
    reg = parse_registry(REGISTRY)
    assert reg.resolve("UNDOC") is None
    assert reg.suggest("UNDOC")[0].slug == "unodc"


def test_alias_colliding_between_organizations_is_a_problem():
    text = REGISTRY + "- {slug: other, name: Other Office, aliases: [UNODC], type: ngo}\n"
    reg = parse_registry(text, "content/partners.yaml")
    [problem] = reg.problems
    assert problem.level == "error"
    assert "'UNODC' of 'other' also names 'unodc'" in problem.message
    assert problem.line == text.count("\n")


def test_missing_required_fields_and_unknown_type():
    reg = parse_registry("- {slug: a, name: A}\n- {slug: b, name: B, type: club}\n")
    messages = [p.message for p in reg.problems]
    assert "lacks type" in messages[0]
    assert "unknown type 'club'" in messages[1]
    assert [p.line for p in reg.problems] == [1, 2]


def test_invalid_yaml_reports_line():
    reg = parse_registry("- slug: a\n  name: [unclosed\n")
    [problem] = reg.problems
    assert problem.level == "error" and "invalid YAML" in problem.message
    assert problem.line >= 2


def test_real_registry_is_clean():
    from newsarchive.registry import load_registry
    from tests.conftest import ROOT

    reg = load_registry(ROOT / "content" / "partners.yaml")
    assert reg.problems == []
    assert len(reg) >= 10


def test_a_long_bad_url_is_quoted_cut_to_sixty_characters():
    url = "javascript:" + "x" * 100
    reg = parse_registry(REGISTRY + f"- {{slug: long, name: Long, type: ngo, url: '{url}'}}\n")
    [problem] = reg.problems
    assert f"url {url[:57] + '...'!r} of 'long' is not a web address" in problem.message
