"""A fixed three-reviewer report for the renderer tests."""

from __future__ import annotations

from perfaudit.consolidate import consolidate, plan_actions
from perfaudit.model import (
    AuditInfo,
    Category,
    Evidence,
    Finding,
    Location,
    Report,
    ReviewerRun,
    Severity,
)

ALPHA, BETA = "openai:gpt-test", "anthropic:claude-test"


def raw(reviewer: str, path: str, line: int, title: str, severity: Severity,
        category: Category = Category.ALLOCATION, **extra: object) -> Finding:
    """A raw finding in function ``f`` of ``path``."""
    return Finding(reviewer=reviewer, rule=extra.pop("rule", None), category=category,  # type: ignore[arg-type]
                   severity=severity, title=title, problem=f"{title}: problem",
                   fix=str(extra.pop("fix", f"Fix {title}.")),
                   location=Location(path=path, start_line=line, end_line=line,
                                     function=str(extra.pop("function", "f")),
                                     snippet=str(extra.pop("snippet", ""))), **extra)  # type: ignore[arg-type]


def panel_report(title: str = "regexp compiled in a loop", snippet: str = "") -> Report:
    """3 reviewers: 1 found by all, 1 by two, 1 only by each; one split vote."""
    findings = [
        raw("rules", "svc/a.go", 10, title, Severity.P1, rule="regexp-in-loop", snippet=snippet,
            effort="S", evidence=(Evidence(kind="benchmark", summary="1200 ns/op, 3 allocs/op"),)),
        raw(ALPHA, "svc/a.go", 11, title, Severity.P1),
        raw(BETA, "svc/a.go", 10, title, Severity.P2),
        raw(ALPHA, "svc/b.go", 20, "map never pruned", Severity.P1, Category.LEAK, function="g"),
        raw(BETA, "svc/b.go", 21, "map grows without bound", Severity.P1, Category.LEAK,
            function="g"),
        raw("rules", "svc/c.go", 5, "time.After in a loop", Severity.P2, rule="time-after-in-loop"),
        raw(ALPHA, "svc/d.go", 7, "JSON re-encoded per request", Severity.P1,
            Category.SERIALIZATION),
        raw(BETA, "svc/e.go", 3, "lock held during I/O", Severity.P0, Category.CONCURRENCY),
    ]
    everything = frozenset({"svc/a.go", "svc/b.go", "svc/c.go", "svc/d.go", "svc/e.go"})
    coverage = {"rules": everything, ALPHA: everything, BETA: everything}
    consolidated = consolidate(findings, coverage)
    runs = (ReviewerRun(name="rules", files_reviewed=5, findings=2, duration_s=0.5),
            ReviewerRun(name=ALPHA, model="gpt-test", files_reviewed=5, findings=3,
                        tokens_in=12000, tokens_out=900, cost_usd=0.42, duration_s=30.0),
            ReviewerRun(name=BETA, model="claude-test", files_reviewed=4, findings=3,
                        tokens_in=11000, tokens_out=1000, cost_usd=0.61, duration_s=41.0),
            ReviewerRun(name="staticcheck", available=False))
    audit = AuditInfo(id="20261123T120000Z-test", target="/src/shop", commit="0123456789abcdef",
                      started="2026-11-23T12:00:00+00:00", finished="2026-11-23T12:01:00+00:00",
                      tool_version="0.1.0", reviewers=runs, files_scanned=6, lines_scanned=600,
                      repository_url="https://github.com/example/shop")
    return Report(schema_version="1.0", audit=audit, findings=consolidated,
                  actions=plan_actions(consolidated))
