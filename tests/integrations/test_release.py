"""Release builds: what the sdist and wheel hold, and where the version comes from.

Builds run without isolation (``--no-isolation``), with this environment's setuptools and
setuptools-scm, so they need no index.
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from importlib import metadata
from pathlib import Path

import pytest
from integration_helpers import commit_all, copy_project, git

import perfaudit

DATA_DIRS = ("rules/go", "rules/python", "data", "render/templates", "reviewers/llm/prompts")
"""Folders of the package whose every file must ship, code or not."""


def _build(project: Path, *kinds: str) -> list[Path]:
    out = project / "dist"
    done = subprocess.run([sys.executable, "-m", "build", "--no-isolation", *kinds, "--outdir",
                           str(out), str(project)], capture_output=True, text=True, check=False,
                          timeout=300)
    # the build backend comes from this environment: setuptools before 70.1 needs `wheel` too
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return sorted(out.iterdir())


def _shipped(project: Path) -> set[str]:
    package = project / "src" / "perfaudit"
    return {path.relative_to(package.parent).as_posix()
            for folder in DATA_DIRS for path in (package / folder).rglob("*")
            if path.is_file() and "__pycache__" not in path.parts}


@pytest.fixture(scope="module")
def tagged(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    """A copy of the project in git, tagged v9.8.7, and the sdist and wheel built from it
    (the wheel built from the sdist, as ``python -m build`` does)."""
    project = copy_project(tmp_path_factory.mktemp("tagged") / "perfaudit")
    commit_all(project, "release")
    git(project, "tag", "v9.8.7")
    return project, _build(project)


def test_sdist_and_wheel_take_the_tag_version(tagged: tuple[Path, list[Path]]) -> None:
    _project, built = tagged

    assert [p.name for p in built] == ["perfaudit-9.8.7-py3-none-any.whl", "perfaudit-9.8.7.tar.gz"]
    with zipfile.ZipFile(built[0]) as wheel:
        version_file = wheel.read("perfaudit/_version.py").decode()
    assert "__version__ = version = '9.8.7'" in version_file


def test_wheel_ships_rules_templates_schema_and_prompts(tagged: tuple[Path, list[Path]]) -> None:
    project, built = tagged
    with zipfile.ZipFile(built[0]) as wheel:
        members = set(wheel.namelist())
    expected = _shipped(project)

    assert {"perfaudit/rules/go/defer_in_loop/rule.yml", "perfaudit/rules/python/pandas_iterrows/bad.py",
            "perfaudit/data/findings.schema.json", "perfaudit/render/templates/report.html.j2",
            "perfaudit/reviewers/llm/prompts/system.md.j2"} <= expected
    assert sorted(expected - members) == []
    assert "perfaudit/py.typed" in members
    assert not [m for m in members if "__pycache__" in m]


def test_sdist_holds_the_sources_and_the_version(tagged: tuple[Path, list[Path]]) -> None:
    project, built = tagged
    with tarfile.open(built[1]) as sdist:
        names = {n.split("/", 1)[1] for n in sdist.getnames() if "/" in n}
        info = sdist.extractfile("perfaudit-9.8.7/PKG-INFO")
        assert info is not None
        pkg_info = info.read().decode()

    assert "Version: 9.8.7" in pkg_info.splitlines()
    assert {"pyproject.toml", "README.md"} <= names
    assert sorted(_shipped(project) - {n.removeprefix("src/") for n in names}) == []


def test_a_tree_without_git_builds_with_the_fallback_version(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "perfaudit")  # an unpacked source tarball: no .git

    built = _build(project, "--wheel")

    assert [p.name for p in built] == ["perfaudit-0.1.dev0-py3-none-any.whl"]
    with zipfile.ZipFile(built[0]) as wheel:
        assert sorted(_shipped(project) - set(wheel.namelist())) == []


def test_version_is_the_installed_one_and_costs_no_metadata_read() -> None:
    code = ("import sys\nfrom perfaudit.cli import main\ntry:\n    main(['--version'])\n"
            "except SystemExit:\n    pass\nprint('importlib.metadata' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=60)

    assert done.stdout.splitlines() == [f"perfaudit, version {perfaudit.__version__}", "False"]
    assert perfaudit.__version__ == metadata.version("perfaudit")


def test_source_tree_never_installed_has_a_fallback_version(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "perfaudit")  # copied without _version.py
    done = subprocess.run([sys.executable, "-c", "import perfaudit; print(perfaudit.__version__)"],
                          env={"PYTHONPATH": str(project / "src")}, capture_output=True,
                          text=True, check=True, timeout=60)

    assert done.stdout.strip() == "0.1.dev0+unknown"
