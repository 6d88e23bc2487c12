"""End to end: `rules` plus two stand-in reviewers on a small Go repository, every count checked."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from perfaudit.cli import cli, main
from perfaudit.config import Config
from perfaudit.errors import EXIT_USAGE
from perfaudit.model import Category, Finding, Location, ReviewerRun, Severity, SourceFile
from perfaudit.reviewers import BUILTIN_REVIEWERS
from perfaudit.reviewers.base import ReviewContext, ReviewResult

RULE_EXAMPLE = (Path(__file__).parents[2] / "src" / "perfaudit" / "rules" / "go"
                / "time_after_in_loop" / "bad.go")
# every line the stand-ins report sits in a request handler: the heat model calls it hot
CACHE = ("package worker\n\nimport \"net/http\"\n\n"
         "func Serve(w http.ResponseWriter, r *http.Request) {\n"
         + "".join(f"\t// line {n}\n" for n in range(6, 30)) + "}\n")
HANDLER = ("\n// Handle runs per request.\nfunc Handle(w http.ResponseWriter, r *http.Request) {\n"
           "\tconsume(nil, nil)\n\tpoll(nil, nil)\n}\n")
SARIF_SCHEMA = Path(__file__).parents[1] / "schemas" / "sarif-schema-2.1.0.json"


def _raw(reviewer: str, path: str, line: int, title: str, severity: Severity,
         category: Category = Category.ALLOCATION) -> Finding:
    return Finding(reviewer=reviewer, rule=None, category=category, severity=severity,
                   title=title, problem=f"{title}.", fix=f"Change {path}:{line}.",
                   location=Location(path=path, start_line=line, end_line=line))


class StandIn:
    """A reviewer that reports fixed findings and claims to have read ``sees``."""

    def __init__(self, name: str, findings: list[Finding], sees: set[str]) -> None:
        self.name = name
        self._findings = findings
        self._sees = sees

    def review(self, files: Sequence[SourceFile], ctx: ReviewContext) -> ReviewResult:
        reviewed = frozenset(f.path for f in files if f.path in self._sees)
        run = ReviewerRun(name=self.name, model=f"{self.name}-model", files_reviewed=len(reviewed),
                          findings=len(self._findings), tokens_in=1000, tokens_out=100,
                          cost_usd=0.01)
        return ReviewResult(run=run, findings=tuple(self._findings), reviewed=reviewed)


ALPHA = [_raw("alpha", "worker.go", 13, "time.After allocates a timer each time", Severity.P1),
         _raw("alpha", "cache.go", 20, "cache map is never pruned", Severity.P1, Category.LEAK)]
BETA = [_raw("beta", "worker.go", 12, "new timer on every select", Severity.P2),
        _raw("beta", "worker.go", 25, "timer allocated per poll", Severity.P1),
        _raw("beta", "cache.go", 5, "global lock around the whole cache", Severity.P0,
             Category.CONCURRENCY)]


@pytest.fixture
def audited(make_repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:  # type: ignore[no-untyped-def]
    repo = make_repo({"go.mod": "module example.com/worker\n\ngo 1.22\n",
                      "worker.go": RULE_EXAMPLE.read_text() + HANDLER, "cache.go": CACHE,
                      "extra.go": "package worker\n"})

    def alpha(_name: str, _config: Config) -> StandIn:
        return StandIn("alpha", ALPHA, {"worker.go", "cache.go"})

    def beta(_name: str, _config: Config) -> StandIn:
        return StandIn("beta", BETA, {"worker.go", "cache.go", "extra.go"})

    monkeypatch.setitem(BUILTIN_REVIEWERS, "alpha", alpha)
    monkeypatch.setitem(BUILTIN_REVIEWERS, "beta", beta)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, [
        "audit", str(repo), "-o", str(out), "--reviewer", "rules,alpha,beta", "-j", "1",
        "--select", "time-after-in-loop", "-f", "md,json,sarif,html"])
    assert result.exit_code == 0, result.output
    return out


def test_report_summary_agreement_and_disagreement_counts(audited: Path) -> None:
    text = (audited / "report.md").read_text()
    assert ("4 unique findings across 3 categories; 1 found by all reviewers, "
            "1 by some reviewers, 0 only by rules, 1 only by alpha, 1 only by beta; "
            "1 severity disagreement.") in text
    assert "By severity: P0: 1 · P1: 3 · P2: 0." in text
    all_section = text.split("## Found by all reviewers")[1].split("\n## ")[0]
    assert all_section.count("| P1 | `worker.go:13` |") == 1
    some_section = text.split("## Found by some reviewers")[1].split("\n## ")[0]
    assert "`worker.go:25` | time.After in a loop" in some_section and "| beta, rules |" in some_section
    assert "## Only rules" not in text
    assert "cache map is never pruned" in text.split("## Only alpha")[1].split("\n## ")[0]
    assert "global lock" in text.split("## Only beta")[1].split("\n## ")[0]
    split = text.split("## Severity disagreements (resolved)")[1].split("\n## ")[0]
    assert split.count("\n| ") == 2
    assert "| alpha: P1, beta: P2, rules: P1 | P1 | 2 of 3 votes (policy: evidence, ties go up) |" \
        in split
    method = text.split("## How this audit was made")[1]
    assert "| alpha | alpha-model | 2 | 1 | 2 |" in method
    assert "| beta | beta-model | 3 | 0 | 3 |" in method
    assert "| rules | — | 3 | 0 | 2 |" in method


def test_findings_json_counts(audited: Path) -> None:
    data = json.loads((audited / "findings.json").read_text())
    findings = data["findings"]
    assert len(findings) == 4
    by_line = {(f["location"]["path"], f["location"]["start_line"]): f for f in findings}
    agreed = by_line[("worker.go", 13)]
    assert agreed["reviewers"] == ["alpha", "beta", "rules"]
    assert agreed["agreement"] == "all" and agreed["rule"] == "time-after-in-loop"
    assert [(v["reviewer"], v["severity"]) for v in agreed["severity_votes"]] == [
        ("alpha", "P1"), ("beta", "P2"), ("rules", "P1")]
    assert agreed["severity"] == "P1" and agreed["resolution"].startswith("2 of 3 votes")
    assert len(agreed["members"]) == 3
    poll = by_line[("worker.go", 25)]
    assert poll["reviewers"] == ["beta", "rules"] and poll["agreement"] == "majority"
    assert by_line[("cache.go", 5)]["agreement"] == "single"
    assert by_line[("cache.go", 5)]["severity"] == "P0"
    assert [r["name"] for r in data["audit"]["reviewers"]] == ["rules", "alpha", "beta"]
    covered = sorted(n for a in data["actions"] for n in a["findings"])
    assert covered == [1, 2, 3, 4]
    assert data["actions"][0]["severity"] == "P0"


def test_sarif_and_html_written(audited: Path) -> None:
    sarif = json.loads((audited / "findings.sarif").read_text())
    jsonschema.validate(sarif, json.loads(SARIF_SCHEMA.read_text()))
    assert len(sarif["runs"][0]["results"]) == 4
    html = (audited / "report.html").read_text()
    assert "4 unique findings across 3 categories" in html


def test_severity_policy_option_and_config_key(make_repo, tmp_path: Path,  # type: ignore[no-untyped-def]
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    repo = make_repo({"go.mod": "module m\n\ngo 1.22\n", "worker.go": RULE_EXAMPLE.read_text() + HANDLER,
                      "perfaudit.toml": 'severity-policy = "majority"\n'})
    monkeypatch.setitem(BUILTIN_REVIEWERS, "beta",
                        lambda _n, _c: StandIn("beta", BETA[:1], {"worker.go"}))
    args = ["audit", str(repo), "--reviewer", "rules,beta", "-j", "1", "--select",
            "time-after-in-loop", "-f", "json"]
    for extra, reason in (([], "1 of 2 votes (policy: majority, ties go up)"),
                          (["--severity-policy", "max"], "most urgent of 2 votes (policy: max)")):
        out = tmp_path / f"out{len(extra)}"
        result = CliRunner().invoke(cli, [*args, "-o", str(out), *extra])
        assert result.exit_code == 0, result.output
        data = json.loads((out / "findings.json").read_text())
        [split] = [f for f in data["findings"] if len(f["severity_votes"]) == 2]
        assert (split["severity"], split["resolution"]) == ("P1", reason)


def test_bad_severity_policy_in_config_is_a_usage_error(make_repo,  # type: ignore[no-untyped-def]
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_repo({"a.go": "package a\n", "perfaudit.toml": 'severity-policy = "loudest"\n'})
    with pytest.raises(SystemExit) as exited:
        main(["audit", str(repo), "-o", str(repo / "out")])
    assert exited.value.code == EXIT_USAGE
    assert capsys.readouterr().err == (
        f"perfaudit: {repo / 'perfaudit.toml'}: severity-policy: "
        "must be 'max', 'majority' or 'evidence' (got \"loudest\")\n")
    assert not (repo / "out").exists()
