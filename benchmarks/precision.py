"""Precision of perfaudit's findings against labels written by a reviewer (docs/precision.md).

Two steps, both reading perfaudit's ``findings.json``:

    python benchmarks/precision.py sample REPO COMMIT findings.json > labels.tsv
        the matches to label: every match of a rule up to 15 per repository, a seeded
        random 15 beyond that (the labelling guide's sample); columns ``label`` and
        ``reason`` are left empty for the reviewer.

    python benchmarks/precision.py score labels/*.tsv --findings REPO=findings.json ...
        per rule and overall: findings, labelled, worth a note, trivial, wrong, precision
        (worth a note / labelled). With ``--findings`` only the labelled matches that this
        audit still reports count, split by tier (finding / lead); matches it no longer
        reports are counted as dropped.

A label file is tab-separated with a header; one row per match:
``repository commit rule path line severity function label reason``.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

COLUMNS = ("repository", "commit", "rule", "path", "line", "severity", "function", "label",
           "reason")
LABELS = ("worth", "trivial", "wrong")
PER_RULE = 15
SEED = 20261203


@dataclass(frozen=True, slots=True)
class Match:
    """One rule match as a labeller sees it."""

    rule: str
    path: str
    line: int
    severity: str
    function: str
    tier: str


def matches(findings_json: Path) -> list[Match]:
    """Every member match of every finding (reported, lead and, with ``--all``, cold)."""
    data = json.loads(findings_json.read_text(encoding="utf-8"))
    found: dict[tuple[str, str, int], Match] = {}
    for finding in data["findings"]:
        tier = finding.get("tier", "finding")
        for member in finding.get("members") or [finding]:
            location = member["location"]
            match = Match(rule=member.get("rule") or "", path=location["path"],
                          line=int(location["start_line"]), severity=finding["severity"],
                          function=location.get("function") or "", tier=tier)
            found.setdefault((match.rule, match.path, match.line), match)
    return sorted(found.values(), key=lambda m: (m.rule, m.path, m.line))


def sample(found: Sequence[Match]) -> list[Match]:
    """Up to ``PER_RULE`` matches per rule; a seeded random choice where a rule has more."""
    by_rule: dict[str, list[Match]] = defaultdict(list)
    for match in found:
        by_rule[match.rule].append(match)
    chosen: list[Match] = []
    for rule in sorted(by_rule):
        group = by_rule[rule]
        if len(group) > PER_RULE:
            group = sorted(random.Random(f"{SEED}:{rule}").sample(group, PER_RULE),
                           key=lambda m: (m.path, m.line))
        chosen.extend(group)
    return chosen


def _write_sample(repository: str, commit: str, findings_json: Path) -> None:
    writer = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    writer.writerow(COLUMNS)
    for m in sample(matches(findings_json)):
        writer.writerow((repository, commit, m.rule, m.path, m.line, m.severity, m.function,
                         "", ""))


def read_labels(paths: Iterable[Path]) -> dict[tuple[str, str, str, int], tuple[str, str]]:
    """``(repository, rule, path, line) -> (label, reason)`` from label files."""
    labels: dict[tuple[str, str, str, int], tuple[str, str]] = {}
    for path in paths:
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                label = (row.get("label") or "").strip()
                if label not in LABELS:
                    raise SystemExit(f"{path}: {row['rule']} {row['path']}:{row['line']}: "
                                     f"label {label!r} is not one of {', '.join(LABELS)}")
                key = (row["repository"], row["rule"], row["path"], int(row["line"]))
                labels[key] = (label, row.get("reason") or "")
    return labels


def _table(rows: dict[str, Counter[str]], title: str) -> str:
    out = [f"### {title}", "",
           "| rule | labelled | worth a note | trivial | wrong | precision |",
           "|---|---|---|---|---|---|"]
    total: Counter[str] = Counter()
    for rule in sorted(rows, key=lambda r: (-rows[r]["n"], r)):
        counts = rows[rule]
        total.update(counts)
        out.append(_row(f"`{rule}`", counts))
    out.append(_row("**all**", total))
    return "\n".join(out) + "\n"


def _row(name: str, counts: Counter[str]) -> str:
    n = counts["n"]
    share = f"{100 * counts['worth'] / n:.0f} %" if n else "–"
    return (f"| {name} | {n} | {counts['worth']} | {counts['trivial']} | {counts['wrong']} "
            f"| {share} |")


def score(label_files: Sequence[Path], audits: dict[str, Path]) -> str:
    """Markdown tables: all labelled matches, or per tier of the given audits."""
    labels = read_labels(label_files)
    if not audits:
        rows: dict[str, Counter[str]] = defaultdict(Counter)
        for (_repo, rule, _path, _line), (label, _reason) in labels.items():
            rows[rule].update({"n": 1, label: 1})
        return _table(rows, "every labelled match")
    tiers: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    reported: set[tuple[str, str, str, int]] = set()
    for repository, findings_json in audits.items():
        for m in matches(findings_json):
            key = (repository, m.rule, m.path, m.line)
            if key in labels:
                reported.add(key)
                label = labels[key][0]
                tiers[m.tier][m.rule].update({"n": 1, label: 1})
    dropped: dict[str, Counter[str]] = defaultdict(Counter)
    for key, (label, _reason) in labels.items():
        if key[0] in audits and key not in reported:
            dropped[key[1]].update({"n": 1, label: 1})
    parts = [_table(tiers[tier], f"tier: {tier}") for tier in sorted(tiers)]
    parts.append(_table(dropped, "labelled matches no longer reported (cold or removed)"))
    return "\n".join(parts)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``sample`` or ``score``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    sampling = commands.add_parser("sample", help="matches to label, as TSV on stdout")
    sampling.add_argument("repository")
    sampling.add_argument("commit")
    sampling.add_argument("findings", type=Path)
    scoring = commands.add_parser("score", help="precision tables from label files")
    scoring.add_argument("labels", nargs="+", type=Path)
    scoring.add_argument("--findings", action="append", default=[], metavar="REPO=FILE",
                         help="an audit's findings.json per labelled repository")
    args = parser.parse_args(argv)
    if args.command == "sample":
        _write_sample(args.repository, args.commit, args.findings)
        return 0
    audits = {}
    for item in args.findings:
        repository, _, file = item.partition("=")
        audits[repository] = Path(file)
    print(score(args.labels, audits))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
