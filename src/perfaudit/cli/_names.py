"""Rule names a user typed: an unknown one becomes one usage line naming the closest known ones."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from perfaudit.config import Config, find_config_table
from perfaudit.errors import UsageError

_SELECTIONS = ("select", "ignore")
_SEE = " (see `perfaudit rules`)"


def _guesses(name: str, known: Sequence[str]) -> str:
    from perfaudit.rules.catalogue import closest_names

    close = closest_names(name, known)
    return " or ".join(filter(None, [", ".join(close[:-1]), *close[-1:]]))


def _named(name: str, known: Sequence[str]) -> str:
    guess = _guesses(name, known)
    return f"{name!r} (did you mean {guess}?)" if guess else repr(name)


def unknown_names_error(unknown: Sequence[str], known: Iterable[str], where: str = "",
                        what: str = "rule, category or language") -> UsageError:
    """One line for the ``unknown`` names (given in ``where``: a flag or a settings key), with
    the known names closest to each."""
    candidates = sorted(set(known))
    place = f" in {where}" if where else ""
    if len(unknown) == 1:
        guess = _guesses(unknown[0], candidates)
        hint = f"; did you mean {guess}?" if guess else ""
        return UsageError(f"unknown {what} {unknown[0]!r}{place}{hint}{_SEE}")
    names = ", ".join(_named(name, candidates) for name in unknown)
    return UsageError(f"unknown {what} names{place}: {names}{_SEE}")


def check_selection(config: Config, flags: Mapping[str, object], root: Path,
                    config_file: Path | None) -> None:
    """A usage error for unknown names in ``select`` or ``ignore``, saying where they were
    given: the flag (a key of ``flags`` that is not None) or the settings file."""
    # reviewer-scoped ids such as "ruff:PERF401" belong to that reviewer, not the catalogue
    chosen = {key: [n for n in getattr(config, key) if ":" not in n] for key in _SELECTIONS}
    if not any(chosen.values()):
        return
    from perfaudit.rules.catalogue import installed_catalogue, selectable_names

    known = selectable_names(installed_catalogue())
    for key, names in chosen.items():
        unknown = sorted(set(names) - known)
        if unknown:
            raise unknown_names_error(unknown, known, _where(key, flags, root, config_file))


def _where(key: str, flags: Mapping[str, object], root: Path, config_file: Path | None) -> str:
    if flags.get(key) is not None:
        return f"--{key}"
    _table, path = find_config_table(root, config_file)
    return f"{path}: {key}" if path else key
