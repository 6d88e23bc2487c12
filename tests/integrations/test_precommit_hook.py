"""The pre-commit hook, end to end with the real pre-commit (``try-repo`` and ``run``).

pre-commit clones a git repository holding this working tree's hook manifest, builds its own
virtualenv and installs perfaudit into it from that clone, as it would for a team. ``try-repo``
installs into a store of its own each time; ``run`` installs once into PRE_COMMIT_HOME. pip gets
perfaudit's dependencies and build backend from a wheelhouse rebuilt from this environment,
with no index: the test needs no network, and the install takes seconds.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from integration_helpers import (
    CLEAN_GO,
    HOT_REGEXP_GO,
    build_wheelhouse,
    commit_all,
    copy_project,
    git,
)

SLOW_PY = """\
import re


def handler(request, names):
    found = []
    for name in names:
        if re.compile(request.args["q"]).search(name):
            found.append(name)
    return found
"""
"""A Python file whose only finding is a P2: below the hook's bar."""


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A committed copy of perfaudit (hook manifest included) and pre-commit's environment."""
    base = tmp_path_factory.mktemp("precommit")
    repo = copy_project(base / "perfaudit", ".pre-commit-hooks.yaml")
    commit_all(repo, "perfaudit")
    wheels = build_wheelhouse(base / "wheels")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "PRE_COMMIT"))}
    env.update({"PRE_COMMIT_HOME": str(base / "home"), "PIP_NO_INDEX": "1",
                "PIP_FIND_LINKS": str(wheels), "PIP_CONFIG_FILE": os.devnull,
                "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_NO_CACHE_DIR": "1", "PIP_NO_COMPILE": "1",
                "VIRTUALENV_NO_PERIODIC_UPDATE": "1"})
    return repo, env


def _config(repo: Path, *args: str) -> str:
    hook = {"id": "perfaudit", **({"args": list(args)} if args else {})}
    return json.dumps({"repos": [{"repo": str(repo), "rev": git(repo, "rev-parse", "HEAD"),
                                  "hooks": [hook]}]})


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory,
            hook_repo: tuple[Path, dict[str, str]]) -> Path:
    """A repository using the hook: a Go package with one hot finding, clean files, and two
    pre-commit configurations (the hook as shipped, and with ``--fail-on P2`` added)."""
    root = tmp_path_factory.mktemp("project")
    (root / "search.go").write_text(HOT_REGEXP_GO, encoding="utf-8")
    (root / "clean.go").write_text(CLEAN_GO, encoding="utf-8")
    (root / "slow.py").write_text(SLOW_PY, encoding="utf-8")
    (root / "NOTES.md").write_text("# notes\n", encoding="utf-8")
    (root / ".pre-commit-config.yaml").write_text(_config(hook_repo[0]), encoding="utf-8")
    (root / "strict.yaml").write_text(_config(hook_repo[0], "--fail-on", "P2"), encoding="utf-8")
    commit_all(root, "project")
    return root


def _pre_commit(hook_repo: tuple[Path, dict[str, str]], project: Path,
                *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pre_commit", *args, "--color", "never"],
                          cwd=project, env=hook_repo[1], capture_output=True, text=True,
                          timeout=300, check=False)


def test_try_repo_fails_on_a_p0_finding(hook_repo: tuple[Path, dict[str, str]],
                                        project: Path) -> None:
    done = _pre_commit(hook_repo, project, "try-repo", str(hook_repo[0]), "perfaudit",
                       "--files", "search.go")

    assert done.returncode == 1, done.stdout + done.stderr
    assert re.search(r"^perfaudit\.+Failed$", done.stdout, re.M)
    assert re.search(r"P0 +search\.go:12 ", done.stdout)
    assert (project / ".perfaudit" / "pre-commit" / "report.md").is_file()
    assert not (project / ".perfaudit" / "perfaudit.db").exists()  # no history


def test_hook_passes_clean_files_and_findings_below_p0(hook_repo: tuple[Path, dict[str, str]],
                                                       project: Path) -> None:
    done = _pre_commit(hook_repo, project, "run", "--files", "clean.go", "slow.py")

    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"^perfaudit\.+Passed$", done.stdout, re.M)
    report = (project / ".perfaudit" / "pre-commit" / "report.md").read_text(encoding="utf-8")
    assert "`slow.py:7`" in report  # the P2 was found, and reported without blocking


def test_args_raise_the_bar(hook_repo: tuple[Path, dict[str, str]], project: Path) -> None:
    done = _pre_commit(hook_repo, project, "run", "--config", "strict.yaml", "--files", "slow.py")

    assert done.returncode == 1, done.stdout + done.stderr
    assert re.search(r"P2 +slow\.py:7 ", done.stdout)


def test_hook_skips_other_files(hook_repo: tuple[Path, dict[str, str]], project: Path) -> None:
    done = _pre_commit(hook_repo, project, "run", "--files", "NOTES.md")

    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"^perfaudit\.+\(no files to check\)Skipped$", done.stdout, re.M)
