"""The ruff reviewer: parse() on captured output, the command line, a real run, and absent ruff."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from perfaudit.config import Config
from perfaudit.model import Category, Language, Severity, SourceFile
from perfaudit.pipeline import Hooks, run_audit
from perfaudit.reviewers import BUILTIN_REVIEWERS, build_panel
from perfaudit.reviewers.base import ReviewContext
from perfaudit.reviewers.linters import ruff
from perfaudit.reviewers.linters._proc import Completed

HERE = Path(__file__).parent
CAPTURED_ROOT = Path("/tmp/perfaudit-ruff-sample")  # where the captured run took place
SOURCE = (HERE / "report_py.txt").read_text(encoding="utf-8")
HAVE_RUFF = ruff.find_executable("ruff") is not None


def _ctx(root: Path, versions: dict[str, str] | None = None) -> ReviewContext:
    return ReviewContext(root=root, config=Config(), versions=versions or {})


def test_parse_captured_output() -> None:
    output = (HERE / "report_ruff_0.17.6.json").read_text(encoding="utf-8")
    findings = ruff.parse(output, CAPTURED_ROOT)
    got = [(f.rule, f.location.path, f.location.start_line, f.category) for f in findings]
    assert got == [
        ("ruff:PERF401", "app/report.py", 8, Category.ALLOCATION),
        ("ruff:PERF203", "app/report.py", 17, Category.LOOP_INVARIANT_WORK),
        ("ruff:FURB129", "app/report.py", 24, Category.IO),
        ("ruff:FURB167", "app/report.py", 33, Category.CORRECTNESS),
    ]
    first = findings[0]
    assert first.reviewer == "ruff" and first.severity is Severity.P2
    assert first.title.startswith("PERF401") and first.problem
    assert first.references == ("https://docs.astral.sh/ruff/rules/manual-list-comprehension",)
    assert findings[2].fix == "Remove `readlines()`"


@pytest.mark.parametrize(("select", "ignore", "kept"), [
    ((), (), ["ruff:PERF401", "ruff:PERF203", "ruff:FURB129", "ruff:FURB167"]),
    ((), ("ruff:FURB167", "io"), ["ruff:PERF401", "ruff:PERF203"]),
    ((), ("PERF203",), ["ruff:PERF401", "ruff:FURB129", "ruff:FURB167"]),
    (("python", "ruff:PERF401"), (), ["ruff:PERF401"]),
    (("python",), ("ruff",), []),
])
def test_select_and_ignore(select: tuple[str, ...], ignore: tuple[str, ...], kept: list[str]) -> None:
    output = (HERE / "report_ruff_0.17.6.json").read_text(encoding="utf-8")
    config = Config(select=select, ignore=ignore)
    assert [f.rule for f in ruff.parse(output, CAPTURED_ROOT) if ruff.wanted(f, config)] == kept


@pytest.mark.parametrize("text", ["", "not json", "{}", '[{"no": "code"}]', "[1, 2]"])
def test_parse_tolerates_odd_output(text: str) -> None:
    assert ruff.parse(text, CAPTURED_ROOT) == []


def test_command_carries_target_version_and_files(tmp_path: Path) -> None:
    argv = ruff.command(["a.py", "b/c.py"], _ctx(tmp_path, {"python": "3.10"}), "/bin/ruff")
    assert argv[:3] == ["/bin/ruff", "check", "--select"]
    assert argv[argv.index("--target-version") + 1] == "py310"
    assert {"--isolated", "--no-cache"} <= set(argv)
    assert argv[-3:] == ["--", "a.py", "b/c.py"]
    assert "--target-version" not in ruff.command(["a.py"], _ctx(tmp_path))
    old = ruff.command(["a.py"], _ctx(tmp_path, {"python": "3.6"}))
    assert old[old.index("--target-version") + 1] == "py37"


def _files(root: Path) -> list[SourceFile]:
    return [SourceFile(path=p.relative_to(root).as_posix(), language=Language.PYTHON, lines=1, size=1)
            for p in sorted(root.rglob("*.py"))]


def test_absent_ruff_is_unavailable_not_an_error(make_repo: Callable[..., Path]) -> None:
    root = make_repo({"app/report.py": SOURCE})
    reviewer = ruff.RuffReviewer(Config(), which=lambda _name: None)
    result = reviewer.review(_files(root), _ctx(root))
    assert result.run.available is False and result.findings == ()
    assert [d.message for d in result.diagnostics] == ["ruff not installed"]
    assert result.reviewed == frozenset()


def test_failed_run_becomes_a_diagnostic(make_repo: Callable[..., Path]) -> None:
    root = make_repo({"app/report.py": SOURCE})
    reviewer = ruff.RuffReviewer(Config(), which=lambda _name: "/bin/ruff",
                                 runner=lambda _argv, _cwd: Completed(returncode=2, stdout="",
                                                                            stderr="boom"))
    result = reviewer.review(_files(root), _ctx(root))
    assert result.run.errors == 1 and result.findings == ()
    assert "ruff exited 2: boom" in result.diagnostics[0].message


def test_registered_in_panel() -> None:
    assert [r.name for r in build_panel(("rules", "ruff"), Config())] == ["rules", "ruff"]


@pytest.mark.skipif(not HAVE_RUFF, reason="ruff is not installed")
def test_real_ruff_beside_rules(make_repo: Callable[..., Path], hooks: Hooks) -> None:
    root = make_repo({
        "pyproject.toml": '[project]\nname = "x"\nrequires-python = ">=3.10"\n',
        "app/report.py": SOURCE,
        "app/build.py": ("def render(rows):\n    html = b''\n    for row in rows:\n"
                         "        html += f'<li>{row}</li>'.encode()\n    return html\n"),
        "app/views.py": ("from app.build import render\nfrom app.report import doubled, lines,"
                         " parse_all\n\n\n@app.route('/report')\ndef report(request):\n"
                         "    return render(doubled(parse_all(lines(request.path))))\n"),
    })
    # regex-literal-per-call (preview) would sit on FURB167's line: kept out of this pairing
    config = Config(reviewers=("rules", "ruff"), jobs=1, preview=True,
                    ignore=("regex-literal-per-call",))
    report = run_audit(root, config, hooks)
    by_rule = {f.rule: f for f in report.findings}
    assert {"ruff:PERF401", "ruff:FURB129", "string-concat-in-loop"} <= set(by_rule)
    # PERF203 and try-except-in-loop describe the same loop: one finding, both reviewers
    both = [f for f in report.findings if {"rules", "ruff"} <= set(f.reviewers)]
    assert [(f.location.path, sorted(m.rule or "" for m in f.members)) for f in both] == [
        ("app/report.py", ["ruff:PERF203", "try-except-in-loop"])]
    assert [r.name for r in report.audit.reviewers if r.available] == ["rules", "ruff"]


def test_unavailable_ruff_in_a_whole_audit(make_repo: Callable[..., Path], hooks: Hooks,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_repo({"app/report.py": SOURCE})
    monkeypatch.setitem(BUILTIN_REVIEWERS, "ruff",
                        lambda _n, c: ruff.RuffReviewer(c, which=lambda _name: None))
    report = run_audit(root, Config(reviewers=("rules", "ruff"), jobs=1), hooks)
    runs = {r.name: r.available for r in report.audit.reviewers}
    assert runs == {"rules": True, "ruff": False}
    assert any(d.message == "ruff not installed" for d in report.audit.diagnostics)
