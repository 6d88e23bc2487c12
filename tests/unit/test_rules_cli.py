"""``perfaudit rules`` and ``perfaudit rule ID`` as a user meets them: ids always whole, JSON,
and a close match for a mistyped id."""

from __future__ import annotations

import io
import json

import pytest
from rich.console import Console

from perfaudit.cli import _console, main
from perfaudit.cli.rules_cmd import table_lines
from perfaudit.rules.catalogue import load_catalogue


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as done:
        main(list(args))
    out, err = capsys.readouterr()
    return int(done.value.code or 0), out, err


def _first_words(text: str) -> list[str]:
    return [line.split()[0] for line in text.splitlines()[1:] if line and not line[0].isspace()]


def test_piped_list_has_every_id_whole_one_rule_a_line(capsys) -> None:
    code, out, _err = run(capsys, "rules")
    assert code == 0
    assert _first_words(out) == [rule.id for rule in load_catalogue()]
    assert "…" not in out


@pytest.mark.parametrize("width", [20, 40, 80, 132, 250])
def test_terminal_list_has_every_id_whole_at_any_width(capsys, monkeypatch, width) -> None:
    terminal = Console(file=io.StringIO(), force_terminal=True, width=width)
    monkeypatch.setattr(_console, "stdout", terminal)
    code, out, _err = run(capsys, "rules")
    assert code == 0
    assert _first_words(out) == [rule.id for rule in load_catalogue()]
    assert "…" not in out


def test_titles_wrap_under_their_column_only_when_there_is_room() -> None:
    rules = load_catalogue()
    longest = max(len(rule.meta.title) for rule in rules)
    wide = table_lines(rules, 200)
    narrow = table_lines(rules, 130)
    assert len(wide) == len(rules) + 1
    assert len(narrow) > len(rules) + 1 and all(len(line) <= 130 for line in narrow)
    piped = table_lines(rules, None)
    assert len(piped) == len(rules) + 1
    assert any(line.endswith(rule.meta.title) for line in piped for rule in rules
               if len(rule.meta.title) == longest)


def test_preview_is_a_column_not_part_of_the_id(capsys) -> None:
    _code, out, _err = run(capsys, "rules")
    preview = next(rule for rule in load_catalogue() if rule.is_preview)
    line = next(line for line in out.splitlines() if line.startswith(preview.id + " "))
    assert line.split()[:5] == [preview.id, preview.language.value,
                                preview.meta.category.value, preview.meta.severity.value,
                                "preview"]


def test_json_lists_every_rule_with_its_catalogue_fields(capsys) -> None:
    code, out, _err = run(capsys, "rules", "--format", "json")
    assert code == 0
    records = json.loads(out)
    rules = load_catalogue()
    assert [r["id"] for r in records] == [rule.id for rule in rules]
    for record, rule in zip(records, rules, strict=True):
        assert record == {"id": rule.id, "language": rule.language.value,
                          "title": rule.meta.title, "severity": rule.meta.severity.value,
                          "category": rule.meta.category.value,
                          "status": rule.meta.status.value, "preview": rule.is_preview}


def test_json_of_one_language(capsys) -> None:
    _code, out, _err = run(capsys, "rules", "--format", "json", "--language", "python")
    records = json.loads(out)
    assert records and {r["language"] for r in records} == {"python"}


def test_markdown_flag_and_format_agree(capsys) -> None:
    _code, flag, _err = run(capsys, "rules", "--markdown")
    _code, chosen, _err = run(capsys, "rules", "--format", "markdown")
    assert flag == chosen and flag.startswith("# perfaudit rules")


def test_unknown_rule_id_names_the_closest_one(capsys) -> None:
    code, out, err = run(capsys, "rule", "defer-in-lop")
    assert code == 2 and out == ""
    assert err == ("perfaudit: unknown rule 'defer-in-lop'; did you mean defer-in-loop? "
                   "(see `perfaudit rules`)\n")


def test_a_prefix_of_a_rule_id_names_the_rules_it_begins(capsys) -> None:
    code, _out, err = run(capsys, "rule", "defer")
    assert code == 2 and err.count("\n") == 1
    assert "did you mean defer-in-loop or deferred-cleanup-with-cancelled-ctx?" in err


def test_an_id_like_nothing_gets_no_guess(capsys) -> None:
    code, _out, err = run(capsys, "rule", "zzzz")
    assert code == 2 and "did you mean" not in err and err.count("\n") == 1
