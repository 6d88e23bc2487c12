"""The report's JSON: written by walking its dataclasses, exactly as pydantic writes it."""

from __future__ import annotations

import dataclasses
import json
import math
from pathlib import Path

import pytest

from perfaudit import codec
from perfaudit.cli import main
from perfaudit.model import Report

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> list[Report]:
    """Whole reports of both examples, every tier shown, with heat, votes and diagnostics."""
    found = []
    for example in ("go-service", "py-service"):
        out = tmp_path_factory.mktemp(example)
        with pytest.raises(SystemExit):
            main(["audit", str(EXAMPLES / example), "-o", str(out), "--no-history", "--all",
                  "--no-cache", "-f", "json"])
        found.append(codec.decode((out / "findings.json").read_text(encoding="utf-8")))
    return found


@pytest.mark.parametrize("indent", [None, 2])
def test_the_walk_writes_what_pydantic_writes(reports: list[Report], indent: int | None) -> None:
    for report in reports:
        assert report.findings
        expected = codec.adapter(Report).dump_json(report, indent=indent).decode("utf-8")
        assert codec.encode(report, indent) == expected


def test_text_that_is_not_ascii_and_numbers_that_are_not_finite_match_too(
        reports: list[Report]) -> None:
    report = reports[0]
    first = dataclasses.replace(report.findings[0], title="quadratic «join» — 漢字 \"quoted\"\n")
    run = dataclasses.replace(report.audit.reviewers[0], duration_s=math.inf)
    odd = dataclasses.replace(report, findings=(first, *report.findings[1:]),
                              audit=dataclasses.replace(report.audit, reviewers=(run,)))
    assert codec.encode(odd) == codec.adapter(Report).dump_json(odd).decode("utf-8")
    titled = dataclasses.replace(report, findings=(first, *report.findings[1:]))
    assert codec.decode(codec.encode(titled)) == titled


def test_a_report_revives_from_its_json_as_pydantic_reads_it(reports: list[Report]) -> None:
    for report in reports:
        assert codec.revive(Report, json.loads(codec.encode(report))) == report


@pytest.mark.parametrize("damaged", [None, [], {"audit": 1}, {"findings": "x"}])
def test_a_damaged_stored_report_is_a_value_error(damaged: object) -> None:
    with pytest.raises(ValueError, match="not a stored Report"):
        codec.revive(Report, damaged)


@pytest.mark.parametrize(("kind", "value"), [(float, None), (float, "1.5"), (float, True),
                                              (int, 1.0), (str, 3), (bool, 1)])
def test_a_scalar_of_the_wrong_type_does_not_revive(kind: type, value: object) -> None:
    with pytest.raises(ValueError, match="not a stored"):
        codec.revive(kind, value)
