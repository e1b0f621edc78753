"""pyproject.toml declares what the plugins import: the build's imports as dependencies, the
importer's as dependencies or its `import` extra; the licence is an SPDX expression."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions

from tests.conftest import ROOT

PLUGINS = ROOT / "plugins"
OWN = {p.name for p in PLUGINS.iterdir() if (p / "__init__.py").is_file()}


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def normalized(requirement: str) -> str:
    """The distribution name of a requirement, normalized (PEP 503)."""
    name = re.match(r"[A-Za-z0-9._-]+", requirement).group(0)
    return re.sub(r"[-_.]+", "-", name).lower()


def third_party_imports(files) -> dict[str, set[str]]:
    """Top-level modules imported (anywhere in the file) that are neither stdlib nor ours."""
    found: dict[str, set[str]] = {}
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top not in OWN:
                    found.setdefault(top, set()).add(str(path.relative_to(ROOT)))
    return found


def undeclared(modules: dict[str, set[str]], declared: set[str]) -> list[str]:
    distributions = packages_distributions()
    problems = []
    for module, paths in sorted(modules.items()):
        names = {normalized(d) for d in distributions.get(module, [module])}
        if not names & declared:
            problems.append(f"{module} (imported by {', '.join(sorted(paths))})")
    return problems


def test_build_imports_are_declared_dependencies():
    project = pyproject()["project"]
    declared = {normalized(r) for r in project["dependencies"]}
    files = [p for p in PLUGINS.rglob("*.py") if "importer" not in p.relative_to(PLUGINS).parts]
    modules = third_party_imports(files)
    assert {"pelican", "markupsafe", "unidecode", "blinker", "yaml"} <= modules.keys()
    assert undeclared(modules, declared) == []


def test_importer_imports_are_declared_dependencies_or_its_extra():
    project = pyproject()["project"]
    declared = {normalized(r) for r in project["dependencies"]}
    declared |= {normalized(r) for r in project["optional-dependencies"].get("import", [])}
    modules = third_party_imports((PLUGINS / "newsarchive" / "importer").rglob("*.py"))
    assert undeclared(modules, declared) == []


def test_licence_is_an_spdx_expression_with_a_setuptools_that_reads_it():
    data = pyproject()
    assert data["project"]["license"] == "MIT"
    [setuptools] = data["build-system"]["requires"]
    assert re.fullmatch(r"setuptools>=(\d+)", setuptools) and int(setuptools[12:]) >= 77


def test_no_private_pelican_api():
    """Nothing from Pelican whose module path or name starts with an underscore."""
    private = []
    for path in sorted(PLUGINS.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("pelican"):
                names = [*node.module.split("."), *(a.name for a in node.names)]
            elif isinstance(node, ast.Import):
                names = [
                    p for a in node.names if a.name.startswith("pelican") for p in a.name.split(".")
                ]
            else:
                continue
            if any(name.startswith("_") for name in names):
                private.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert private == []
