"""A compact builder for raw findings."""

from __future__ import annotations

from typing import Any

from perfaudit.model import Category, Finding, Location, Severity


def make_finding(reviewer: str = "rules", *, path: str = "a.go", start: int = 10,
                 end: int | None = None, function: str | None = "f", rule: str | None = None,
                 category: Category = Category.ALLOCATION, severity: Severity = Severity.P2,
                 title: str = "string concatenation in a loop", **extra: Any) -> Finding:
    """A finding with sensible defaults; keywords override any field."""
    return Finding(reviewer=reviewer, rule=rule, category=category, severity=severity,
                   title=title, problem=extra.pop("problem", "p"), fix=extra.pop("fix", "x"),
                   location=Location(path=path, start_line=start, end_line=end or start,
                                     function=function), **extra)
