"""The GitHub Actions workflows and Dependabot: triggers, steps, caches, permissions, actionlint."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"


def load(name: str) -> dict:
    """A workflow as data; PyYAML reads the `on:` key as True, so it is renamed back."""
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    if True in data:
        data["on"] = data.pop(True)
    return data


def steps(workflow: dict, job: str) -> list[dict]:
    return workflow["jobs"][job]["steps"]


def uses(step_list: list[dict]) -> list[str]:
    """Actions used, without their versions, in order."""
    return [s["uses"].split("@")[0] for s in step_list if "uses" in s]


def runs(step_list: list[dict]) -> list[str]:
    return [s["run"].strip() for s in step_list if "run" in s]


def step_using(step_list: list[dict], action: str) -> dict:
    return next(s for s in step_list if s.get("uses", "").startswith(action + "@"))


def test_pr_workflow_runs_on_pull_requests_with_read_only_token():
    pr = load("pr.yml")
    assert "pull_request" in pr["on"]
    assert pr["permissions"] == {"contents": "read"}
    assert pr["concurrency"]["cancel-in-progress"] is True


def test_pr_workflow_sets_up_with_caches_then_checks_builds_and_tests():
    pr = load("pr.yml")
    (job,) = pr["jobs"]
    job_steps = steps(pr, job)
    assert uses(job_steps) == [
        "actions/checkout",
        "actions/setup-python",
        "actions/setup-node",
        "actions/upload-artifact",
    ]
    python = step_using(job_steps, "actions/setup-python")["with"]
    assert python == {
        "python-version": "3.11",
        "cache": "pip",
        "cache-dependency-path": "pyproject.toml",
    }
    node = step_using(job_steps, "actions/setup-node")["with"]
    assert node == {
        "node-version": "22",
        "cache": "npm",
        "cache-dependency-path": ".ci/package-lock.json",
    }
    assert (ROOT / node["cache-dependency-path"]).is_file()
    commands = [
        line.strip()
        for r in runs(job_steps)
        for line in r.splitlines()
        if line.strip().startswith(("bash .ci/", ".venv/bin/archive"))
    ]
    assert commands == [
        "bash .ci/setup --test",
        '.venv/bin/archive check --strict 2>&1 | tee "$RUNNER_TEMP/check.log"',
        "bash .ci/build --strict --settings publishconf.py",
        "bash .ci/run -m content",
        "bash .ci/run",
    ]


def test_pr_check_build_tests_and_summary_run_even_when_another_failed():
    job_steps = steps(load("pr.yml"), "check")
    by_id = {s["id"]: s for s in job_steps if "id" in s}
    for name in ("check", "build", "tests"):
        assert by_id[name]["if"] == "${{ !cancelled() && steps.setup.outcome == 'success' }}"
    summary = next(s for s in job_steps if "GITHUB_STEP_SUMMARY" in s.get("run", ""))
    assert summary["if"] == "${{ !cancelled() && steps.setup.outcome == 'success' }}"
    for name in ("check", "build", "tests"):
        assert summary["env"][name.upper()] == f"${{{{ steps.{name}.outcome }}}}"
    assert "set -o pipefail" in by_id["check"]["run"]  # tee keeps archive check's exit status


def test_pr_workflow_uploads_the_preview_the_summary_names():
    job_steps = steps(load("pr.yml"), "check")
    upload = step_using(job_steps, "actions/upload-artifact")
    assert upload["if"] == "${{ !cancelled() && steps.build.outcome == 'success' }}"
    assert upload["with"]["path"].rstrip("/") == "output"
    assert upload["with"]["if-no-files-found"] == "error"
    build = next(s for s in job_steps if s.get("id") == "build")
    assert build["env"]["ARCHIVE_SITEURL"] == "http://127.0.0.1:8000"
    summary = next(s for s in job_steps if "GITHUB_STEP_SUMMARY" in s.get("run", ""))
    assert f"--artifact {upload['with']['name']}" in summary["run"]
    order = [s.get("id") or s.get("uses", "").split("@")[0] for s in job_steps]
    assert order.index("build") < order.index("actions/upload-artifact") < order.index("tests")


def test_content_only_pull_requests_run_the_content_tests():
    job_steps = steps(load("pr.yml"), "check")
    changes = next(s for s in job_steps if s.get("id") == "changes")
    assert ".ci/pr_summary.py scope" in changes["run"]
    tests = next(s for s in job_steps if s.get("id") == "tests")
    assert tests["env"]["SCOPE"] == "${{ steps.changes.outputs.scope }}"
    assert 'if [ "$SCOPE" = content ]; then' in tests["run"]
    listed = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-m", "content"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    ).stdout.splitlines()
    modules = {line.split("::")[0] for line in listed if "::" in line}
    assert {"tests/test_seed_site.py", "tests/test_publish.py"} <= modules
    assert "tests/quality/test_lighthouse.py" not in modules
    assert not any("[synthetic" in line for line in listed)


def test_publish_workflow_runs_on_push_to_main_with_pages_permissions():
    pub = load("publish.yml")
    assert pub["on"]["push"]["branches"] == ["main"]
    assert pub["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert pub["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_publish_workflow_builds_with_the_pages_url_and_deploys_output():
    pub = load("publish.yml")
    build = steps(pub, "build")
    assert uses(build) == [  # no Node.js: the build needs only Python
        "actions/checkout",
        "actions/setup-python",
        "actions/configure-pages",
        "actions/upload-pages-artifact",
    ]
    assert step_using(build, "actions/setup-python")["with"]["cache"] == "pip"
    pages_id = step_using(build, "actions/configure-pages")["id"]
    build_step = next(s for s in build if "publishconf.py" in s.get("run", ""))
    assert build_step["run"].strip() == "bash .ci/build --strict --settings publishconf.py"
    assert build_step["env"]["ARCHIVE_SITEURL"] == (f"${{{{ steps.{pages_id}.outputs.base_url }}}}")
    assert step_using(build, "actions/upload-pages-artifact")["with"]["path"].rstrip("/") == (
        "output"
    )
    order = [s.get("uses", s.get("run", "")).split("@")[0] for s in build]
    assert order.index("actions/configure-pages") < order.index(build_step["run"])
    assert order.index(build_step["run"]) < order.index("actions/upload-pages-artifact")
    deploy = pub["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert uses(deploy["steps"]) == ["actions/deploy-pages"]
    deploy_id = deploy["steps"][0]["id"]
    assert deploy["environment"]["url"] == f"${{{{ steps.{deploy_id}.outputs.page_url }}}}"


# The current major versions (Dependabot keeps them current; older ones run on old Node.js).
CURRENT_MAJORS = {
    "actions/checkout": 7,
    "actions/setup-python": 7,
    "actions/setup-node": 7,
    "actions/upload-artifact": 7,
    "actions/configure-pages": 6,
    "actions/upload-pages-artifact": 5,
    "actions/deploy-pages": 5,
}


@pytest.mark.parametrize("name", ["pr.yml", "publish.yml"])
def test_actions_are_pinned_to_a_current_major_version_and_scripts_exist(name):
    workflow = load(name)
    for job in workflow["jobs"].values():
        assert job.get("timeout-minutes"), "every job has a time limit"
        for step in job["steps"]:
            if "uses" in step:
                action, major = re.fullmatch(r"(actions/[a-z-]+)@v(\d+)", step["uses"]).groups()
                assert int(major) >= CURRENT_MAJORS[action], step["uses"]
            for script in re.findall(r"bash (\.ci/\w+)", step.get("run", "")):
                assert (ROOT / script).is_file(), script
            if "publishconf.py" in step.get("run", ""):
                assert (ROOT / "publishconf.py").is_file()


def test_dependabot_updates_actions_and_python_dependencies_weekly():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert config["version"] == 2
    updates = {u["package-ecosystem"]: u for u in config["updates"]}
    assert set(updates) == {"github-actions", "pip"}
    for update in updates.values():
        assert update["directory"] == "/"
        assert update["schedule"]["interval"] == "weekly"


def test_actionlint_finds_no_problem():
    """actionlint (installed by the test extra) with ShellCheck (by .ci/setup --test) on the
    workflows' scripts."""
    command = shutil.which("actionlint") or str(ROOT / ".venv" / "bin" / "actionlint")
    assert Path(command).exists(), "actionlint is missing: run bash .ci/setup --test"
    assert shutil.which("shellcheck"), "shellcheck is missing: run bash .ci/setup --test"
    result = subprocess.run(
        [command, "-no-color", *sorted(str(p) for p in WORKFLOWS.glob("*.yml"))],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
