"""action.yml run step by step as a runner would, with a simulated GitHub environment.

The harness reads action.yml, substitutes the ``${{ }}`` expressions it knows (inputs, step
outputs) and runs each ``run:`` step with bash the way GitHub does. ``uses:`` steps are not run,
only checked. The install step is not run either: this environment already holds perfaudit
(installed from this working tree), so the harness checks its command and puts this
environment's ``python`` first on PATH, as actions/setup-python would put its own.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from integration_helpers import CLEAN_GO, CONCAT_GO, HOT_REGEXP_GO, PROJECT, commit_all, git

INSTALL = 'python -m pip install --disable-pip-version-check --quiet "$GITHUB_ACTION_PATH"'
USES = ["actions/setup-python@v5", "github/codeql-action/upload-sarif@v3"]
_EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


@dataclass
class ActionRun:
    """What a simulated run of the Action left behind."""

    exit_codes: dict[str, int] = field(default_factory=dict)
    outputs: dict[str, str] = field(default_factory=dict)
    logs: str = ""
    summary: str = ""
    uses: list[dict[str, Any]] = field(default_factory=list)


def _read_outputs(path: Path) -> dict[str, str]:
    """A GITHUB_OUTPUT file: ``name=value`` lines and ``name<<DELIMITER`` blocks."""
    outputs: dict[str, str] = {}
    lines = iter(path.read_text(encoding="utf-8").splitlines())
    for line in lines:
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            block = []
            for inner in lines:
                if inner == delimiter:
                    break
                block.append(inner)
            outputs[name] = "\n".join(block)
        else:
            name, value = line.split("=", 1)
            outputs[name] = value
    return outputs


def _substitute(text: str, inputs: dict[str, str], steps: dict[str, dict[str, str]]) -> str:
    def value(match: re.Match[str]) -> str:
        expression = match[1]
        if expression.startswith("inputs."):
            return inputs[expression.removeprefix("inputs.")]
        step = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expression)
        if step:
            return steps.get(step[1], {}).get(step[2], "")
        raise AssertionError(f"an expression this harness does not evaluate: {expression}")

    return _EXPRESSION.sub(value, text)


def run_action(workspace: Path, tmp: Path, *, event_name: str, event: dict[str, Any],
               inputs: dict[str, str] | None = None) -> ActionRun:
    """Run action.yml's steps in ``workspace`` for an event, as a runner would."""
    action = yaml.safe_load((PROJECT / "action.yml").read_text(encoding="utf-8"))
    given = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    given.update(inputs or {})
    (tmp / "runner").mkdir()
    event_path = tmp / "event.json"
    event_path.write_text(json.dumps(event), encoding="utf-8")
    summary = tmp / "summary.md"
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "INPUT_"))}
    env = {**keep, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
           "CI": "true", "GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": event_name,
           "GITHUB_EVENT_PATH": str(event_path), "GITHUB_WORKSPACE": str(workspace),
           "GITHUB_ACTION_PATH": str(PROJECT), "GITHUB_STEP_SUMMARY": str(summary),
           "RUNNER_TEMP": str(tmp / "runner")}
    result = ActionRun()
    steps: dict[str, dict[str, str]] = {}
    failed = False
    for number, step in enumerate(action["runs"]["steps"]):
        if "uses" in step:
            result.uses.append({"uses": step["uses"], "if": step.get("if", ""), "with": {
                k: _substitute(str(v), given, steps) for k, v in step.get("with", {}).items()}})
            continue
        assert step["shell"] == "bash"
        if failed and not step.get("if", "").startswith("always()"):
            continue
        if step["name"] == "Install perfaudit":
            assert step["run"].strip() == INSTALL
            continue
        output = tmp / f"output-{number}"
        output.touch()
        script = tmp / f"step-{number}.sh"
        script.write_text(_substitute(step["run"], given, steps), encoding="utf-8")
        step_env = {k: _substitute(str(v), given, steps) for k, v in step.get("env", {}).items()}
        done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
                              cwd=workspace, env={**env, **step_env, "GITHUB_OUTPUT": str(output)},
                              capture_output=True, text=True, timeout=300, check=False)
        name = step.get("id", step["name"])
        result.exit_codes[name] = done.returncode
        result.logs += done.stdout + done.stderr
        steps[name] = _read_outputs(output)
        failed = failed or done.returncode != 0
    result.outputs = steps.get("audit", {})
    result.summary = summary.read_text(encoding="utf-8") if summary.exists() else ""
    return result


@pytest.fixture
def pull_request(tmp_path: Path) -> tuple[Path, str, str]:
    """An origin repository whose base commit already has a finding and whose pull request
    commit adds a second one; returns it with the two commits."""
    origin = tmp_path / "origin"
    origin.mkdir()
    (origin / "search.go").write_text(HOT_REGEXP_GO, encoding="utf-8")
    (origin / "clean.go").write_text(CLEAN_GO, encoding="utf-8")
    base = commit_all(origin, "base")
    (origin / "export.go").write_text(CONCAT_GO, encoding="utf-8")
    head = commit_all(origin, "pull request")
    return origin, base, head


def _event(base: str, head: str) -> dict[str, Any]:
    return {"action": "synchronize", "number": 7,
            "pull_request": {"number": 7, "base": {"ref": "main", "sha": base},
                             "head": {"ref": "feature", "sha": head}}}


def _clone(origin: Path, dest: Path, *, shallow: bool) -> Path:
    depth = ["--depth", "1"] if shallow else []
    git(origin.parent, "clone", "-q", *depth, origin.as_uri(), str(dest))
    return dest


def _locations(findings_json: str) -> list[str]:
    report = json.loads(Path(findings_json).read_text(encoding="utf-8"))
    return sorted(f["location"]["path"] for f in report["findings"])


@pytest.mark.parametrize("shallow", [False, True], ids=["full-clone", "shallow-clone"])
def test_pull_request_reports_only_the_new_finding(pull_request: tuple[Path, str, str],
                                                   tmp_path: Path, shallow: bool) -> None:
    origin, base, head = pull_request
    workspace = _clone(origin, tmp_path / "workspace", shallow=shallow)

    run = run_action(workspace, tmp_path, event_name="pull_request", event=_event(base, head))

    assert run.exit_codes == {"audit": 1}, run.logs  # a new P0 at the default fail-on P1
    assert [u["uses"] for u in run.uses] == USES
    assert _locations(run.outputs["findings-json"]) == ["export.go"]
    assert {k: run.outputs[k] for k in ("findings", "p0", "p1", "p2", "exit-code", "incomplete",
                                        "base")} == {
        "findings": "1", "p0": "1", "p1": "0", "p2": "0", "exit-code": "1",
        "incomplete": "false", "base": base}
    assert "| 1 | P0 | `export.go:9` |" in run.summary
    assert "search.go" not in run.summary
    assert "1 finding hidden by the baseline" in run.summary
    sarif = json.loads(Path(run.outputs["sarif"]).read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    assert [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in sarif["runs"][0]["results"]] == ["export.go"]
    if shallow:
        assert f"git fetch --no-tags --quiet --unshallow origin {base}" in run.logs
        assert git(workspace, "rev-parse", "--is-shallow-repository") == "false"


def test_push_audits_everything_and_uploads_sarif_when_asked(pull_request: tuple[Path, str, str],
                                                             tmp_path: Path) -> None:
    origin, _base, _head = pull_request
    workspace = _clone(origin, tmp_path / "workspace", shallow=True)

    run = run_action(workspace, tmp_path, event_name="push", event={"ref": "refs/heads/main"},
                     inputs={"fail-on": "none", "upload-sarif": "true"})

    assert run.exit_codes == {"audit": 0}, run.logs
    assert _locations(run.outputs["findings-json"]) == ["export.go", "search.go"]
    assert (run.outputs["findings"], run.outputs["p0"], run.outputs["base"]) == ("2", "2", "")
    upload = run.uses[-1]
    assert upload["with"] == {"sarif_file": run.outputs["sarif"], "category": "perfaudit"}
    assert upload["if"].startswith("always() && inputs.upload-sarif == 'true'")
    assert git(workspace, "rev-parse", "--is-shallow-repository") == "true"  # nothing fetched


def test_fail_on_none_passes_even_when_the_repository_sets_its_own_gate(
        pull_request: tuple[Path, str, str], tmp_path: Path) -> None:
    origin, _base, _head = pull_request
    workspace = _clone(origin, tmp_path / "workspace", shallow=False)
    (workspace / "perfaudit.toml").write_text('fail-on = "P2"\n', encoding="utf-8")

    run = run_action(workspace, tmp_path, event_name="push", event={"ref": "refs/heads/main"},
                     inputs={"fail-on": "none"})

    assert run.exit_codes == {"audit": 0}, run.logs
    assert run.outputs["p0"] == "2"


def test_inputs_reach_the_audit(pull_request: tuple[Path, str, str], tmp_path: Path) -> None:
    origin, base, head = pull_request
    workspace = _clone(origin, tmp_path / "workspace", shallow=False)

    run = run_action(workspace, tmp_path, event_name="pull_request", event=_event(base, head),
                     inputs={"ignore": "string-concat-in-loop", "fail-on": "p0"})

    assert run.exit_codes == {"audit": 0}, run.logs
    assert "--fail-on P0 --reviewer rules --ignore string-concat-in-loop" in run.logs
    assert run.outputs["findings"] == "0"
    assert "| 1 | P0 |" not in run.summary


def test_unreachable_base_fails_with_a_summary(pull_request: tuple[Path, str, str],
                                               tmp_path: Path) -> None:
    origin, _base, head = pull_request
    workspace = _clone(origin, tmp_path / "workspace", shallow=False)
    missing = "0123456789abcdef0123456789abcdef01234567"

    run = run_action(workspace, tmp_path, event_name="pull_request", event=_event(missing, head))

    assert run.exit_codes == {"audit": 2}, run.logs
    assert f"::error title=perfaudit::cannot fetch the base commit {missing}" in run.logs
    assert run.outputs["exit-code"] == "2"
    assert run.outputs["sarif"] == ""
    assert "wrote no report (exit 2)" in run.summary
