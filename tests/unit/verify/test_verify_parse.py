"""Parsers of saved benchmark output."""

from __future__ import annotations

import json

import pytest

from perfaudit.errors import UsageError
from perfaudit.verify.parse import parse_any, parse_go

GO = """goos: linux
goarch: amd64
pkg: example.com/a
cpu: Some CPU
BenchmarkParse-8         	  120000	      9876 ns/op	    512 B/op	       7 allocs/op
BenchmarkParse/small-8   	  500000	      2000 ns/op	  12.5 MB/s	  3 widgets/op
BenchmarkNoSuffix        	     100	  1.5e+06 ns/op
PASS
ok  	example.com/a	3.1s
pkg: example.com/b
BenchmarkParse-8         	  100000	      1000 ns/op
"""


def test_go_output_with_cpu_suffixes_custom_metrics_and_packages() -> None:
    samples = parse_go(GO)
    assert samples[("example.com/a.Parse-8", "sec/op")] == [pytest.approx(9.876e-6)]
    assert samples[("example.com/a.Parse-8", "B/op")] == [512]
    assert samples[("example.com/a.Parse-8", "allocs/op")] == [7]
    assert samples[("example.com/a.Parse/small-8", "MB/s")] == [12.5]
    assert samples[("example.com/a.Parse/small-8", "widgets/op")] == [3]
    assert samples[("example.com/a.NoSuffix", "sec/op")] == [pytest.approx(1.5e-3)]
    assert samples[("example.com/b.Parse-8", "sec/op")] == [pytest.approx(1e-6)]


def test_go_repeated_runs_collect_samples_in_order() -> None:
    text = "BenchmarkX-4  10  100 ns/op\nBenchmarkX-4  10  200 ns/op\nBenchmarkX-4  10  150 ns/op\n"
    assert parse_go(text) == {("X-4", "sec/op"): [pytest.approx(1e-7), pytest.approx(2e-7),
                                                  pytest.approx(1.5e-7)]}


def test_pytest_benchmark_raw_data_else_median() -> None:
    doc = {"machine_info": {}, "benchmarks": [
        {"name": "test_sort[10]", "fullname": "tests/test_b.py::test_sort[10]",
         "stats": {"median": 0.002, "data": [0.001, 0.002, 0.003]}},
        {"name": "test_scan", "fullname": "tests/test_b.py::test_scan",
         "stats": {"median": 0.5, "min": 0.4, "max": 0.6, "rounds": 5}}]}
    samples = parse_any(json.dumps(doc))
    assert samples == {("test_sort[10]", "sec/op"): [0.001, 0.002, 0.003],
                       ("test_scan", "sec/op"): [0.5]}


def test_pyperf_suite_values_without_warmups() -> None:
    doc = {"version": "1.0", "metadata": {"unit": "second"}, "benchmarks": [
        {"metadata": {"name": "json_dumps"}, "runs": [
            {"metadata": {}, "warmups": [[1, 9.0]]},
            {"warmups": [[1, 8.0]], "values": [0.1, 0.2]},
            {"values": [0.3]}]},
        {"metadata": {"name": "mem", "unit": "byte"}, "runs": [{"values": [1024]}]}]}
    assert parse_any(json.dumps(doc)) == {("json_dumps", "sec/op"): [0.1, 0.2, 0.3],
                                          ("mem", "B/op"): [1024.0]}


@pytest.mark.parametrize("text", ["", "hello\n", "{\"benchmarks\": []}", "{not json"])
def test_unusable_input_is_one_clear_error(text: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse_any(text, "old.txt")
    assert str(caught.value).startswith("old.txt: ")
    assert "\n" not in str(caught.value)
