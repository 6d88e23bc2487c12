"""One file's trouble stays in that file, and one rule's trouble stays in that rule."""

from __future__ import annotations

import dataclasses

from perfaudit.model import Language
from perfaudit.rules.catalogue import load_catalogue
from perfaudit.rules.engine.match import Match
from perfaudit.rules.engine.scan import scan_source

PY_LOOP = 'import re\n\n\ndef f(xs):\n    for x in xs:\n        re.compile("a")\n'
GO_LOOP = ('package p\n\nimport "regexp"\n\nfunc f(xs []string) {\n\tfor range xs {\n'
           '\t\tregexp.MustCompile("a")\n\t}\n}\n')


def _rules(language: Language) -> tuple:
    return tuple(r for r in load_catalogue() if r.language is language)


def _scan(source: str, language: Language, rules: tuple | None = None, **kwargs):
    path = "a.go" if language is Language.GO else "a.py"
    return scan_source(path, source, language, rules or _rules(language), **kwargs)


def test_unterminated_string_at_the_top_of_a_file_is_a_parse_error_not_a_crash() -> None:
    # this file once crashed the process inside tree-sitter's first_child_for_byte
    source = 'import re\n"""\n\nID = re.compile(r"id=(\\d+)")\n\n\ndef f(lines):\n' \
             '    return [m.group(1) for line in lines if (m := ID.search(line))]\n'
    result = _scan(source, Language.PYTHON)
    assert [(d.kind, d.line) for d in result.diagnostics] == [("parse-error", 2)]


def test_a_raising_predicate_costs_that_rule_alone() -> None:
    def boom(_match: Match) -> bool:
        raise KeyError("no such field")

    rules = tuple(dataclasses.replace(r, check=boom) if r.id == "regex-compile-in-loop" else r
                  for r in _rules(Language.PYTHON))
    source = ("import copy\n" + PY_LOOP + "        y = copy.deepcopy(x)\n"
              "\n\ndef g(xs):\n    for x in xs:\n        re.compile('b')\n")
    result = _scan(source, Language.PYTHON, rules)
    errors = [d for d in result.diagnostics if d.kind == "rule-error"]
    assert len(errors) == 1
    assert errors[0].line == 7 and errors[0].path == "a.py"
    assert errors[0].message == ("rule regex-compile-in-loop failed: KeyError: 'no such field' "
                                 "(and 1 more candidates)")
    assert "regex-compile-in-loop" not in {f.rule for f in result.findings}
    assert {f.rule for f in result.findings} == {"deepcopy-in-loop"}


def test_long_concatenation_chains_walk_without_recursion_limits() -> None:
    terms = " + ".join(['"a"'] * 30_000)
    source = ('package p\n\nfunc f(xs []string) string {\n\ts := ""\n\tfor range xs {\n'
              f'\t\ts += {terms}\n\t}}\n\treturn s\n}}\n')
    result = _scan(source, Language.GO)
    assert [d.kind for d in result.diagnostics] == []
    assert [(f.rule, f.location.start_line) for f in result.findings] == [("string-concat-in-loop", 6)]


def test_go_syntax_errors_are_reported_like_python_ones() -> None:
    result = _scan("package p\n\nfunc f() {\n\tx := 1\n\tif x {\n}\n", Language.GO)
    assert [d.kind for d in result.diagnostics] == ["parse-error"]
    assert result.diagnostics[0].path == "a.go"


def test_a_file_no_rule_applies_to_still_reports_its_syntax_errors() -> None:
    result = _scan("package p\n\nfunc f( {\n", Language.GO, _rules(Language.GO)[:1])
    assert [d.kind for d in result.diagnostics] == ["parse-error"]


def test_a_mistyped_rule_id_in_a_suppression_is_reported() -> None:
    source = GO_LOOP.replace('regexp.MustCompile("a")',
                             'regexp.MustCompile("a") // perfaudit:ignore regexp-compile-in-lop -- ok')
    known = frozenset(r.id for r in load_catalogue())
    result = _scan(source, Language.GO, known_rules=known)
    unknown = [d for d in result.diagnostics if d.kind == "unknown-suppression"]
    assert [(d.line, d.message) for d in unknown] == [(
        7, "perfaudit:ignore names no rule 'regexp-compile-in-lop' (did you mean "
           "regexp-compile-in-loop?); it silences nothing")]
    assert [f.rule for f in result.findings] == ["regexp-compile-in-loop"]  # not silenced


def test_a_known_rule_id_in_a_suppression_is_not_reported() -> None:
    source = GO_LOOP.replace('regexp.MustCompile("a")',
                             'regexp.MustCompile("a") // perfaudit:ignore regexp-compile-in-loop -- ok')
    known = frozenset(r.id for r in load_catalogue())
    result = _scan(source, Language.GO, known_rules=known)
    assert result.findings == () and result.diagnostics == ()
