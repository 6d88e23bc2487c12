"""Version-dependent wording of the Go allocation rules (DESIGN §2: Go 1.23 timer changes)."""

from __future__ import annotations

from perfaudit.model import Language, Severity
from perfaudit.rules.catalogue import CATALOGUE_DIR, example_paths, load_rule
from perfaudit.rules.engine.scan import scan_source


def _severities(rule_id: str, version: str | None) -> set[Severity]:
    rule = load_rule(CATALOGUE_DIR / "go" / rule_id.replace("-", "_"))
    bad, _ = example_paths(rule)
    result = scan_source(bad.name, bad.read_text(encoding="utf-8"), Language.GO, [rule], version)
    assert result.findings
    return {f.severity for f in result.findings}


def test_timer_per_iteration_is_a_leak_before_go_1_23() -> None:
    assert _severities("timer-or-ticker-per-iteration", "1.22") == {Severity.P1}
    assert _severities("timer-or-ticker-per-iteration", "1.23") == {Severity.P2}
    assert _severities("timer-or-ticker-per-iteration", None) == {Severity.P2}
