"""A panel of three imported reviewers, shaped like a two-model audit plus a linter."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from perfaudit.cli import main

# every line the reviewers point at is inside a request handler: heat says it runs per request
GO = ("package a\n\nimport \"net/http\"\n\nfunc f(w http.ResponseWriter, r *http.Request) {\n"
      + "".join(f"\t_ = r // line {n}\n" for n in range(6, 60)) + "}\n")
GRADERS = "Cache the graders per spec instead of rebuilding them for every request."


def _result(rule: str, path: str, line: int, severity: str, category: str, title: str,
            fix: str = "") -> dict[str, object]:
    properties: dict[str, object] = {"severity": severity, "category": category}
    if fix:
        properties |= {"fix": fix, "effort": "S", "risk": "low"}
    return {"ruleId": rule, "message": {"text": title}, "properties": properties,
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": path},
                                                "region": {"startLine": line}},
                           "logicalLocations": [{"name": "f"}]}]}


def _log(tool: str, *results: dict[str, object]) -> str:
    return json.dumps({"version": "2.1.0", "runs": [{
        "tool": {"driver": {"name": tool}}, "results": list(results),
        "artifacts": [{"location": {"uri": p}} for p in ("a.go", "b.go", "c.go")]}]})


@pytest.fixture
def panel(make_repo: Callable[[dict[str, str | bytes]], Path], tmp_path: Path) -> list[str]:
    make_repo({"go.mod": "module a\n\ngo 1.22\n", "a.go": GO, "b.go": GO, "c.go": GO})
    logs = {
        "model-a": _log("model-a",
                        _result("A1", "a.go", 10, "P1", "caching", "graders rebuilt", GRADERS),
                        _result("A2", "b.go", 20, "P1", "caching", "graders rebuilt again",
                                GRADERS),
                        _result("A3", "a.go", 30, "P0", "algorithmic", "scan per item"),
                        _result("A4", "c.go", 5, "P2", "allocation", "buffer per call")),
        "model-b": _log("model-b",
                        _result("B1", "a.go", 11, "P1", "caching", "graders rebuilt", GRADERS),
                        _result("B3", "a.go", 31, "P1", "algorithmic", "lookup per item")),
        "lint": _log("lint",
                     _result("L3", "a.go", 30, "P2", "algorithmic", "linear scan per item"),
                     _result("L9", "c.go", 40, "P2", "allocation", "slice grows in loop")),
    }
    for name, text in logs.items():
        (tmp_path / f"{name}.sarif").write_text(text)
    return [arg for name in logs for arg in ("--reviewer", f"sarif:{tmp_path / name}.sarif")]


def test_counts_agreement_severity_actions_and_no_wrong_merge(
        panel: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["audit", str(tmp_path / "repo"), *panel, "--no-history", "--all", "-f", "json,md",
              "-o", str(tmp_path / "out")])
    assert done.value.code == 0, capsys.readouterr()
    report = json.loads((tmp_path / "out" / "findings.json").read_text())
    by_line = {(f["location"]["path"], f["location"]["start_line"]): f
               for f in report["findings"]}
    assert len(report["findings"]) == 5

    graders = by_line[("a.go", 10)]
    assert sorted(graders["reviewers"]) == ["model-a", "model-b"]
    assert graders["agreement"] == "majority"
    scan = by_line[("a.go", 30)]
    assert sorted(scan["reviewers"]) == ["lint", "model-a", "model-b"]
    assert scan["agreement"] == "all"
    assert scan["severity"] == "P1" and "two levels apart" in scan["resolution"]

    # two problems in one function of c.go with one category stay two findings
    assert {("c.go", 5), ("c.go", 40)} <= by_line.keys()
    # the same fix, in the models' own words, at two call sites in two files: one action
    linked = [a for a in report["actions"] if len(a["findings"]) > 1]
    assert [sorted(a["findings"]) for a in linked] == [
        sorted([by_line[("a.go", 10)]["number"], by_line[("b.go", 20)]["number"]])]
    header = (tmp_path / "out" / "report.md").read_text().splitlines()[2]
    assert "model-a: 4" in header and "model-b: 2" in header and "lint: 2" in header
