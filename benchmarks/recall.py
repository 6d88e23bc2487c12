"""Recall of real performance fixes: how many a corpus of fixes perfaudit finds, and how.

    python benchmarks/recall.py CORPUS_DIR [--lang go|python|both] [--out DIR] [--preview]
                                [--whole-tree [--mirrors DIR]]

CORPUS_DIR holds ``go.yaml`` / ``python.yaml`` (one entry per slow construct a project later
fixed: its file and lines at the slow commit, category, ``detectable`` class) and the
corpus's own ``checkout-<lang>.sh``, which writes each entry's files into a tree of its own
(../shared/recall is such a corpus). Every tree is audited as a user would, with ``--all``, so
each entry gets its best tier: found as a *finding*, as a *lead*, matched but left out
(*unproven* or *cold*), or *missed*. An item counts when it lies in the entry's file and
overlaps its lines (±3) or an extra location.

With ``--whole-tree`` each entry's repository is audited whole at the entry's commit (from a
bare mirror, ``MIRRORS/<owner>+<name>/repo``, as the corpus's README lays out), as a user
would audit it: the heat model then sees the callers of the slow code, which a tree of the
affected files alone hides.

Every third entry (the 3rd, 6th, … of each corpus file) is **held back**: rules are never
written while looking at it, its misses are not listed, and its recall is printed apart,
as the honest number.
"""

from __future__ import annotations

import argparse
import json
import os
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


def audit_whole_trees(corpus_dir: Path, lang: str, out: Path, mirrors: Path,
                      flags: Sequence[str] = ()) -> list[Row]:
    """Audit each entry's whole repository at its commit (one audit per repository and commit)."""
    from perfaudit.discover import is_test_path

    listed = entries(corpus_dir / f"{lang}.yaml")
    groups: dict[tuple[str, str], list[dict[str, object]]] = defaultdict(list)
    for entry in listed:
        groups[(str(entry["repo"]), str(entry["commit"]))].append(entry)
    reports: dict[tuple[str, str], list[dict[str, object]] | None] = {}
    for (repo, commit), members in groups.items():
        tree = out / lang / "whole" / f"{repo.replace('/', '+')}-{commit[:12]}"
        result = out / lang / "whole-results" / tree.name
        tests = ["--include-tests"] if any(is_test_path(str(m["file"])) for m in members) else []
        reports[(repo, commit)] = _whole_audit(mirrors / repo.replace("/", "+") / "repo", commit,
                                               tree, result, [*flags, *tests])
    rows = []
    for position, entry in enumerate(listed):
        findings = reports[(str(entry["repo"]), str(entry["commit"]))]
        rows.append(Row(id=str(entry["id"]), category=str(entry["category"]),
                        detectable=str(entry["detectable"]), held_back=held_back(position),
                        status="no-result" if findings is None else status(entry, findings),
                        where=f"{entry['file']}:{entry['line_start']}",
                        pattern=str(entry.get("pattern", ""))))
    return rows


def _whole_audit(mirror: Path, commit: str, tree: Path, result: Path,
                 flags: Sequence[str]) -> list[dict[str, object]] | None:
    """The findings of ``mirror`` audited whole at ``commit``; None when it cannot be had."""
    report = result / "findings.json"
    if not report.is_file():
        if not mirror.is_dir():
            return None
        if not _materialise(mirror, commit, tree):
            return None
        subprocess.run([sys.executable, "-m", "perfaudit", "audit", str(tree), "--all",
                        "--no-history", "--no-cache", "--allow-incomplete", "--format", "json",
                        "--output", str(result), *flags], capture_output=True, check=False)
        subprocess.run(["rm", "-rf", str(tree)], check=False)
    if not report.is_file():
        return None
    findings = json.loads(report.read_text(encoding="utf-8"))["findings"]
    assert isinstance(findings, list)
    return findings


_KEPT_NAMES = frozenset({"go.mod", "pyproject.toml", "setup.cfg", "setup.py", ".gitignore"})


def _materialise(mirror: Path, commit: str, tree: Path) -> bool:
    """Write the Go and Python files (and what declares their versions) of ``commit`` into
    ``tree``; a mirror may lack its largest blobs, which are data, never such files."""
    listing = subprocess.run(["git", "--git-dir", str(mirror), "ls-tree", "-r", "-z", commit],
                             capture_output=True, check=False)
    if listing.returncode != 0:
        return False
    wanted: list[tuple[str, str]] = []
    for record in listing.stdout.decode("utf-8", "surrogateescape").split("\0"):
        meta, _, path = record.partition("\t")
        parts = meta.split()
        if len(parts) == 3 and parts[1] == "blob" and (
                path.endswith((".go", ".py")) or path.rsplit("/", 1)[-1] in _KEPT_NAMES):
            wanted.append((parts[2], path))
    blobs = subprocess.run(["git", "--git-dir", str(mirror), "cat-file", "--batch"],
                           input="".join(f"{sha}\n" for sha, _path in wanted).encode(),
                           capture_output=True, check=False).stdout
    at = 0
    for _sha, path in wanted:
        header_end = blobs.index(b"\n", at)
        header = blobs[at:header_end].split()
        at = header_end + 1
        if len(header) < 3 or header[1] != b"blob":  # "<sha> missing"
            continue
        size = int(header[2])
        target = tree / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(blobs[at:at + size])
        at += size + 1
    return True


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
    parser.add_argument("--whole-tree", action="store_true",
                        help="audit each entry's whole repository at its commit, from mirrors")
    parser.add_argument("--mirrors", type=Path, default=None,
                        help="bare mirrors as <owner>+<name>/repo (default: $PERFAUDIT_MIRROR_ROOT, "
                             "else .mirror beside the corpus's parent folder)")
    args = parser.parse_args(argv)
    if not (args.corpus / "go.yaml").is_file() and not (args.corpus / "python.yaml").is_file():
        print(f"recall.py: no corpus in {args.corpus}", file=sys.stderr)
        return 2
    for lang in ("go", "python") if args.lang == "both" else (args.lang,):
        flags = ("--preview",) if args.preview else ()
        if args.whole_tree:
            mirrors = args.mirrors or Path(os.environ.get(
                "PERFAUDIT_MIRROR_ROOT", args.corpus.resolve().parent.parent / ".mirror"))
            rows = audit_whole_trees(args.corpus, lang, args.out, mirrors, flags)
        else:
            rows = audit_corpus(args.corpus, lang, args.out, flags)
        print(table(lang, rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
