"""Match findings to profiled functions and re-rank them by how hot their code is (pure).

Names are compared in a canonical form: pprof's ``github.com/x/y/pkg.(*Runner).runTest`` and a
finding's ``(*Runner).runTest`` both become ``Runner.runTest``; Go closures (``.func1``) count
for their enclosing function. When the profile knows a function's file, the finding's
repository-relative path must be a suffix of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from perfaudit.model import ConsolidatedFinding
from perfaudit.verify.profile import FunctionCost, Profile

_CLOSURE = re.compile(r"(\.(func|gowrap)\d+)+(\.\d+)*$")


@dataclass(frozen=True, slots=True, kw_only=True)
class Heat:
    """A finding's share of the profile through the functions it matched."""

    flat: float
    cumulative: float
    functions: tuple[FunctionCost, ...]
    path: str = ""


def short_name(name: str) -> str:
    """Drop a Go import path and package: ``github.com/x/pkg.(*T).m`` → ``(*T).m``."""
    if "/" in name or (re.match(r"^[a-z_][\w]*\.[\w(]", name) and ".go" not in name):
        tail = name.rsplit("/", 1)[-1]
        return tail.split(".", 1)[1] if "." in tail else tail
    return name


def display_name(name: str) -> str:
    """Import path dropped, package kept: ``github.com/x/pkg.(*T).m`` → ``pkg.(*T).m``."""
    return name.rsplit("/", 1)[-1] if "/" in name and not name.startswith("<") else name


def canonical(name: str) -> str:
    """``(*Runner).runTest`` → ``Runner.runTest``; generic brackets and closures removed."""
    text = re.sub(r"\[[^\]]*\]", "", name).replace("(*", "").replace("(", "").replace(")", "")
    return _CLOSURE.sub("", text.strip())


def _path_matches(profile_file: str, path: str) -> bool:
    if not profile_file:
        return True
    file = profile_file.replace("\\", "/")
    return file == path or file.endswith("/" + path.lstrip("./"))


def _name_matches(profiled: str, wanted: str, has_file: bool) -> bool:
    if profiled == wanted or profiled.endswith("." + wanted):
        return True
    return has_file and wanted.endswith("." + profiled)


def _nearest(candidates: list[FunctionCost], line: int) -> list[FunctionCost]:
    """Same-named functions in one file (two classes' ``run``): keep the nearest def above."""
    names = {c.name for c in candidates}
    if len(candidates) < 2 or len(names) > 1 or not all(c.line for c in candidates):
        return candidates
    above = [c for c in candidates if c.line <= line] or candidates
    best = max(c.line for c in above)
    return [c for c in above if c.line == best]


def matches(finding: ConsolidatedFinding, profile: Profile) -> list[FunctionCost]:
    """The profiled functions that are the finding's enclosing function."""
    function = finding.location.function
    if not function:
        return []
    wanted = canonical(function)
    found = [fc for fc in profile.functions
             if _path_matches(fc.file, finding.location.path)
             and _name_matches(canonical(short_name(fc.name)), wanted, bool(fc.file))]
    return _nearest(found, finding.location.start_line)


def heat(finding: ConsolidatedFinding, profile: Profile) -> Heat | None:
    """The finding's share of the profile, or None when the profile never saw its function."""
    found = matches(finding, profile)
    if not found:
        return None
    return Heat(flat=profile.share(sum(f.flat for f in found)),
                cumulative=profile.share(max(f.cumulative for f in found)),
                functions=tuple(found), path=finding.location.path)
