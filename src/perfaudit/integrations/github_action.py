"""The GitHub Action's audit step: ``python -m perfaudit.integrations.github_action``.

It reads the Action's inputs (``INPUT_*``, set by action.yml) and the workflow's environment
(``GITHUB_*``), runs ``perfaudit audit`` (on a pull request, only what is new against its base),
then writes the step outputs and the job summary and exits with perfaudit's exit code.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from perfaudit.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError
from perfaudit.integrations import github_event, github_outputs
from perfaudit.model import Report

KEY_INPUTS = {"INPUT_OPENAI_API_KEY": "OPENAI_API_KEY",
              "INPUT_ANTHROPIC_API_KEY": "ANTHROPIC_API_KEY"}
"""Action inputs holding API keys, and the variable perfaudit reads each from."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ActionInputs:
    """The Action's inputs; an empty string is an input left unset."""

    path: str = "."
    reviewers: str = ""
    fail_on: str = ""
    config: str = ""
    select: str = ""
    ignore: str = ""

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> ActionInputs:
        """Inputs as action.yml passes them: ``INPUT_<NAME>`` with dashes as underscores."""
        def read(name: str) -> str:
            return environ.get(f"INPUT_{name.upper()}", "").strip()

        return cls(path=read("path") or ".", reviewers=read("reviewers"),
                   fail_on=read("fail_on"), config=read("config"), select=read("select"),
                   ignore=read("ignore"))


def audit_arguments(inputs: ActionInputs, *, out_dir: Path, base: str | None) -> list[str]:
    """The ``perfaudit audit`` arguments for these inputs: every report format (the summary,
    the outputs and code scanning each read one), and no history (a runner is thrown away)."""
    args = ["audit", "--output", str(out_dir), "--format", "md,json,sarif", "--no-history"]
    if inputs.fail_on and inputs.fail_on.lower() != "none":
        args += ["--fail-on", inputs.fail_on.upper()]
    for flag, value in (("--reviewer", inputs.reviewers), ("--config", inputs.config),
                        ("--select", inputs.select), ("--ignore", inputs.ignore)):
        if value:
            args += [flag, value]
    if base:
        args += ["--new-from-rev", base]
    return [*args, "--", inputs.path]  # a path that starts with "-" is still a path


def audit_environment(environ: Mapping[str, str]) -> dict[str, str]:
    """perfaudit's environment: the step's own, with the API keys given as inputs (an input
    left empty keeps a key the workflow set itself)."""
    env = {k: v for k, v in environ.items() if k not in KEY_INPUTS}
    env.update({name: environ[key] for key, name in KEY_INPUTS.items() if environ.get(key)})
    return env


def _escaped(message: str) -> str:
    """``message`` as the data of a workflow command (one line)."""
    return message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _base(environ: Mapping[str, str], workspace: Path) -> str | None:
    event_path = environ.get("GITHUB_EVENT_PATH")
    if not event_path:
        return None
    event = github_event.read_event(Path(event_path))
    base = github_event.base_revision(environ.get("GITHUB_EVENT_NAME", ""), event)
    if base:
        for command in github_event.fetch_base(workspace, base):
            print(f"perfaudit: {command}", flush=True)
    return base


def _read_report(path: Path | None) -> Report | None:
    if path is None:
        return None
    from perfaudit.render.json import load

    try:
        return load(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _publish(environ: Mapping[str, str], out_dir: Path, *, exit_code: int,
             base: str | None) -> None:
    reports = github_outputs.find_reports(out_dir)
    outputs = github_outputs.outputs_for(_read_report(reports.json), reports,
                                         exit_code=exit_code, base=base)
    if environ.get("GITHUB_OUTPUT"):
        github_outputs.append(Path(environ["GITHUB_OUTPUT"]), github_outputs.output_lines(outputs))
    if environ.get("GITHUB_STEP_SUMMARY"):
        markdown = (reports.markdown.read_text(encoding="utf-8")
                    if reports.markdown else None)
        github_outputs.append(Path(environ["GITHUB_STEP_SUMMARY"]), github_outputs.summary_text(
            markdown, exit_code=exit_code, report_path=reports.markdown))


def run(environ: Mapping[str, str]) -> int:
    """Audit the workspace as the Action's inputs ask, publish the results, and return
    perfaudit's exit code (2 when the base of a pull request cannot be had)."""
    workspace = Path(environ.get("GITHUB_WORKSPACE") or os.getcwd())
    out_dir = Path(environ.get("RUNNER_TEMP") or workspace / ".perfaudit") / "perfaudit-action"
    shutil.rmtree(out_dir, ignore_errors=True)  # reports of an earlier run must not pass as this one's
    inputs = ActionInputs.from_environ(environ)
    base: str | None = None
    try:
        base = _base(environ, workspace)
    except UsageError as exc:
        print(f"::error title=perfaudit::{_escaped(str(exc))}", flush=True)
        _publish(environ, out_dir, exit_code=EXIT_USAGE, base=base)
        return EXIT_USAGE
    args = audit_arguments(inputs, out_dir=out_dir, base=base)
    print("perfaudit: running perfaudit " + shlex.join(args), flush=True)
    exit_code = subprocess.run([sys.executable, "-m", "perfaudit", *args], cwd=workspace,
                               env=audit_environment(environ), check=False).returncode
    if exit_code == EXIT_FINDINGS and inputs.fail_on.lower() == "none":
        exit_code = EXIT_OK  # the repository's own `fail-on` setting is not the job's gate
    _publish(environ, out_dir, exit_code=exit_code, base=base)
    return exit_code


def main() -> None:
    """Entry point of the Action's audit step."""
    sys.exit(run(os.environ))


if __name__ == "__main__":
    main()
