"""Rule engine: suppressions, version gating, contextual severity, enclosing functions."""

from __future__ import annotations

import pytest

from perfaudit.model import Language, Severity
from perfaudit.rules.catalogue import load_catalogue, select_rules, unknown_rule_names
from perfaudit.rules.engine.scan import scan_source
from perfaudit.rules.engine.suppress import find_suppressions

RULES = [r for r in load_catalogue() if r.id == "time-after-in-loop"]

LOOP = """package a

import "time"

func {name}(c chan int) {{
\tfor {{
\t\tselect {{
\t\tcase <-c:
\t\tcase <-time.After(time.Second):{comment}
\t\t}}
\t}}
}}
"""


def scan(source: str, version: str | None = "1.22"):
    """Scan as Go 1.22 unless told: the rule applies only before Go 1.23's timer change."""
    return scan_source("a.go", source, Language.GO, RULES, version)


def test_suppression_with_reason_silences() -> None:
    src = LOOP.format(name="F", comment=" // perfaudit:ignore time-after-in-loop -- cold path")
    result = scan(src)
    assert result.findings == ()
    assert result.diagnostics == ()


def test_suppression_on_line_above_and_without_reason_is_reported() -> None:
    src = LOOP.format(name="F", comment="").replace(
        "\t\tcase <-time.After", "\t\t// perfaudit:ignore time-after-in-loop\n\t\tcase <-time.After")
    result = scan(src)
    assert result.findings == ()
    assert [d.kind for d in result.diagnostics] == ["suppression-without-reason"]


def test_unused_suppression_is_reported() -> None:
    src = "package a\n\n// perfaudit:ignore time-after-in-loop -- old\nfunc F() { _ = time.After }\n"
    assert [d.kind for d in scan(src).diagnostics] == ["unused-suppression"]


@pytest.mark.parametrize("version", ["1.22", "1.21"])
def test_rule_applies_before_go_1_23(version) -> None:
    (finding,) = scan(LOOP.format(name="F", comment=""), version).findings
    assert finding.severity is Severity.P1
    assert "leaks" in finding.title


@pytest.mark.parametrize("version", ["1.23", "1.24", None])
def test_rule_bounded_above_skips_go_1_23_and_unknown(version) -> None:
    assert scan(LOOP.format(name="F", comment=""), version).findings == ()


def test_start_up_code_is_lowered_with_reason() -> None:
    (finding,) = scan(LOOP.format(name="main", comment=""), "1.21").findings
    assert finding.severity is Severity.P2
    assert finding.severity_reason == "runs once at start-up"


def test_nested_loops_raise_with_reason() -> None:
    src = LOOP.format(name="F", comment="").replace("\tfor {", "\tfor range 3 {\n\tfor {", 1) + "}\n"
    (finding,) = scan(src).findings
    assert finding.severity is Severity.P0
    assert "nested loops" in finding.severity_reason


def test_method_names_follow_pprof_style() -> None:
    src = LOOP.format(name="F", comment="").replace("func F(", "func (r *Runner[T]) run(")
    (finding,) = scan(src).findings
    assert finding.location.function == "(*Runner).run"


def test_find_suppressions_parses_lists() -> None:
    (item,) = find_suppressions("x = 1  # perfaudit:ignore a-b, c-d -- measured: cold\n")
    assert item.rules == {"a-b", "c-d"} and item.reason == "measured: cold" and item.line == 1


def test_select_and_ignore() -> None:
    catalogue = load_catalogue()
    chosen = select_rules(catalogue, select=["allocation"])
    assert chosen and all(r.meta.category.value == "allocation" for r in chosen)
    assert select_rules(catalogue, ignore=["time-after-in-loop"]) == tuple(
        r for r in catalogue if r.id != "time-after-in-loop" and not r.is_preview)
    assert unknown_rule_names(["go", "nope"], catalogue) == ["nope"]


def test_handler_closure_registered_in_main_is_not_start_up() -> None:
    src = LOOP.format(name="main", comment="").replace(
        "func main(c chan int) {", "func main() {\n\thttp.HandleFunc(\"/\", func(w http.ResponseWriter, "
        "r *http.Request) {\n\tc := make(chan int)").replace("\t}\n}\n", "\t}\n\t})\n}\n")
    (finding,) = scan(src, "1.21").findings
    assert finding.severity_reason != "runs once at start-up"
    assert finding.severity is Severity.P0 and "per-request" in finding.severity_reason


def test_prefilter_sees_overlapping_literals() -> None:
    from dataclasses import replace

    from perfaudit.rules.engine.scan import prefilter

    base = RULES[0]
    rules = [replace(base, id=name, meta=replace(base.meta, literals=lits))
             for name, lits in [("a", ("xab",)), ("b", ("bc",)), ("c", ("xa",)), ("d", ("zz",)),
                                ("e", ())]]
    assert [r.id for r in prefilter(rules, "..xabc..")] == ["a", "b", "c", "e"]


def test_nested_modules_keep_their_own_go_version(make_repo, hooks) -> None:
    from perfaudit.config import Config
    from perfaudit.pipeline import run_audit

    body = LOOP.format(name="F", comment="")
    root = make_repo({"go.mod": "module a\n\ngo 1.21\n", "a/a.go": body,
                      "tools/go.mod": "module t\n\ngo 1.24\n", "tools/x/t.go": body})
    # --all: a timer per interval of a periodic loop is left out of a report as unproven
    report = run_audit(root, Config(jobs=1, show_all=True), hooks)
    titles = {f.location.path: f.title for f in report.findings}
    assert "leaks" in titles["a/a.go"]
    assert "tools/x/t.go" not in titles  # Go 1.24: unfired timers are collected
