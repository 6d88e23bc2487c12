"""Recall of real performance fixes: how many a corpus of fixes perfaudit finds, and how.

    python benchmarks/recall.py CORPUS_DIR [--lang go|python|both] [--out DIR] [--preview]

CORPUS_DIR holds ``go.yaml`` / ``python.yaml`` (one entry per slow construct a project later
fixed: its file and lines at the slow commit, category, ``detectable`` class) and the
corpus's own ``checkout-<lang>.sh``, which writes each entry's files into a tree of its own
(../shared/recall is such a corpus). Every tree is audited as a user would, with ``--all``, so
each entry gets its best tier: found as a *finding*, as a *lead*, matched but left out
(*unproven* or *cold*), or *missed*. An item counts when it lies in the entry's file and
overlaps its lines (±3) or an extra location.

Every third entry (the 3rd, 6th, … of each corpus file) is **held back**: rules are never
written while looking at it, its misses are not listed, and its recall is printed apart,
as the honest number.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

SLACK = 3
LOCAL = ("syntactic", "intra-file")
RANKS = ("finding", "lead", "unproven", "cold", "missed", "no-result")
"""Best first: an entry's status is the best tier of the items that overlap it."""


@dataclass(frozen=True, slots=True)
class Row:
    """One corpus entry and how the audit of its tree found it."""

    id: str
    category: str
    detectable: str
    held_back: bool
    status: str
    where: str
    pattern: str


def entries(corpus: Path) -> list[dict[str, object]]:
    """The corpus entries, in file order."""
    loaded = yaml.safe_load(corpus.read_text(encoding="utf-8"))
    return list(loaded["entries"] if isinstance(loaded, dict) else loaded)


def held_back(position: int) -> bool:
    """Whether the entry at 0-based ``position`` is in the held-back part (every third)."""
    return position % 3 == 2


def status(entry: dict[str, object], findings: list[dict[str, object]]) -> str:
    """The best tier of the items that overlap the entry, or ``missed``."""
    spots = [(str(entry["file"]), int(str(entry["line_start"])), int(str(entry["line_end"])))]
    extra = entry.get("extra_locations") or []
    assert isinstance(extra, list)
    spots += [(str(x["file"]), int(x["line"]), int(x["line"])) for x in extra]
    best = "missed"
    for item in findings:
        location = item.get("location")
        assert isinstance(location, dict)
        path, start = str(location["path"]), int(location["start_line"])
        end = int(location.get("end_line") or start)
        tier = str(item.get("tier") or "finding")
        if tier in RANKS and any(path == p and start <= hi + SLACK and end >= lo - SLACK
                                 for p, lo, hi in spots):
            best = min(best, tier, key=RANKS.index)
    return best


def audit_corpus(corpus_dir: Path, lang: str, out: Path, flags: Sequence[str] = ()) -> list[Row]:
    """Materialise and audit every entry of ``lang`` (``flags`` added to each audit)."""
    trees, results = out / lang / "trees", out / lang / "results"
    subprocess.run(["bash", str(corpus_dir / f"checkout-{lang}.sh"), str(trees)],
                   capture_output=True, check=False)
    rows = []
    for position, entry in enumerate(entries(corpus_dir / f"{lang}.yaml")):
        ident, tree = str(entry["id"]), trees / str(entry["id"])
        found = "no-result"
        if tree.is_dir():
            subprocess.run([sys.executable, "-m", "perfaudit", "audit", str(tree), "--all",
                            "--include-tests", "--no-history", "--allow-incomplete",
                            "--format", "json", "--output", str(results / ident), *flags],
                           capture_output=True, check=False)
            report = results / ident / "findings.json"
            if report.is_file():
                found = status(entry, json.loads(report.read_text(encoding="utf-8"))["findings"])
        rows.append(Row(id=ident, category=str(entry["category"]),
                        detectable=str(entry["detectable"]), held_back=held_back(position),
                        status=found, where=f"{entry['file']}:{entry['line_start']}",
                        pattern=str(entry.get("pattern", ""))))
    return rows


def _share(rows: Sequence[Row], wanted: tuple[str, ...]) -> str:
    hits = sum(r.status in wanted for r in rows)
    return f"{hits}/{len(rows)} = {100 * hits / len(rows):.0f} %" if rows else "—"


def table(lang: str, rows: Sequence[Row]) -> str:
    """Markdown: recall of the open and held-back parts, by category and class, and misses."""
    reported, matched = ("finding", "lead"), ("finding", "lead", "unproven", "cold")
    lines = [f"## {lang}", "",
             "| part | entries | findings | findings + leads | matched at all (`--all`) |",
             "|---|---|---|---|---|"]
    local = [r for r in rows if r.detectable in LOCAL]
    for name, part in (("open, syntactic + intra-file", [r for r in local if not r.held_back]),
                       ("held back, syntactic + intra-file", [r for r in local if r.held_back]),
                       ("all entries", list(rows))):
        lines.append(f"| {name} | {len(part)} | {_share(part, ('finding',))} "
                     f"| {_share(part, reported)} | {_share(part, matched)} |")
    for key in ("category", "detectable"):
        groups: dict[str, list[Row]] = defaultdict(list)
        for row in rows:
            groups[getattr(row, key)].append(row)
        lines += ["", f"| {key} | entries | findings + leads | matched at all |", "|---|---|---|---|"]
        lines += [f"| {name} | {len(group)} | {_share(group, reported)} | {_share(group, matched)} |"
                  for name, group in sorted(groups.items())]
    lines += ["", "Open entries not reported (held-back misses are not listed):", ""]
    lines += [f"- `{r.id}` {r.detectable}, {r.category}, {r.status}: `{r.where}` — {r.pattern[:100]}"
              for r in rows if not r.held_back and r.status not in reported]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="folder with go.yaml, python.yaml and checkout-*.sh")
    parser.add_argument("--lang", choices=("go", "python", "both"), default="both")
    parser.add_argument("--out", type=Path, default=Path("/tmp/perfaudit-recall"))
    parser.add_argument("--preview", action="store_true", help="run the preview rules too")
    args = parser.parse_args(argv)
    if not (args.corpus / "go.yaml").is_file() and not (args.corpus / "python.yaml").is_file():
        print(f"recall.py: no corpus in {args.corpus}", file=sys.stderr)
        return 2
    for lang in ("go", "python") if args.lang == "both" else (args.lang,):
        flags = ("--preview",) if args.preview else ()
        print(table(lang, audit_corpus(args.corpus, lang, args.out, flags)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
