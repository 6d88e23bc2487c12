"""The heat model: entry points, propagation along calls, cold places and loops, and tiers."""

from __future__ import annotations

from perfaudit.heat import HeatModel, Level, summarize_tree
from perfaudit.heat.paths import path_kind
from perfaudit.heat.summary import FileSummary
from perfaudit.heat.tiers import tier_of, weigh
from perfaudit.model import Category, Finding, Language, Location, Severity, Tier
from perfaudit.syntax.grammars import parse

SERVER = """package api

import (
\t"net/http"
\t"time"
)

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
\ts.lookup(r.URL.Path)
\tif err := check(r); err != nil {
\t\tdescribe(err)
\t}
\tfor _, h := range []string{"a", "b"} {
\t\tw.Header().Set(h, "")
\t}
}

func (s *Server) lookup(key string) string {
\treturn normalise(key)
}

func normalise(key string) string { return key }

func describe(err error) string { return err.Error() }

func check(r *http.Request) error { return nil }

func (s *Server) String() string { return "server" }

func (s *Server) Close() error {
\treturn tidy()
}

func tidy() error { return nil }

func orphan() {}

func (s *Server) run(in chan int) {
\tfor {
\t\tv := <-in
\t\tconsume(v)
\t}
}

func consume(v int) {}

func (s *Server) tick() {
\tfor {
\t\ttime.Sleep(time.Second)
\t\tperiodic()
\t}
}

func periodic() {}
"""

MAIN = """package main

func main() {
\tstart()
\tgo loop()
}

func start() {}

func loop() {}
"""


def _summary(path: str, source: str, language: Language) -> FileSummary:
    return summarize_tree(path, parse(source.encode(), language).root_node, language)


def _line(source: str, text: str) -> int:
    return next(n for n, line in enumerate(source.splitlines(), 1) if text in line)


def _model(*files: tuple[str, str]) -> HeatModel:
    return HeatModel(_summary(path, source, Language.GO if path.endswith(".go")
                              else Language.PYTHON) for path, source in files)


def test_a_handler_is_hot_and_so_is_what_it_calls_with_the_chain_as_evidence() -> None:
    model = _model(("api/server.go", SERVER))
    heat = model.at("api/server.go", _line(SERVER, "return normalise(key)"))
    assert heat.level is Level.HOT
    assert heat.describe() == ("HTTP handler (`ServeHTTP`): runs per request: "
                               "`(*Server).ServeHTTP` → `(*Server).lookup`")
    assert model.at("api/server.go", _line(SERVER, "func normalise")).level is Level.HOT


def test_error_paths_debug_text_and_tiny_loops_stay_cold_under_a_hot_caller() -> None:
    model = _model(("api/server.go", SERVER))
    assert model.at("api/server.go", _line(SERVER, "describe(err)")).reason == "on an error path"
    assert model.at("api/server.go", _line(SERVER, "func describe")).level is not Level.HOT
    assert model.at("api/server.go", _line(SERVER, 'return "server"')).level is Level.COLD
    small = model.at("api/server.go", _line(SERVER, "w.Header().Set"))
    assert (small.level, small.reason) == (Level.COLD, "loop over 2 literal items")


def test_set_up_and_tear_down_are_cold_and_so_is_what_only_they_call() -> None:
    model = _model(("api/server.go", SERVER))
    assert model.at("api/server.go", _line(SERVER, "return tidy()")).level is Level.COLD
    tidy = model.at("api/server.go", _line(SERVER, "func tidy"))
    assert (tidy.level, tidy.reason) == (Level.COLD, "reached only from cold code (`(*Server).Close`)")
    assert model.at("api/server.go", _line(SERVER, "func orphan")).level is Level.UNKNOWN


def test_an_endless_loop_runs_per_event_but_a_sleeping_one_is_periodic() -> None:
    model = _model(("api/server.go", SERVER))
    assert model.at("api/server.go", _line(SERVER, "consume(v)")).level is Level.HOT
    assert model.at("api/server.go", _line(SERVER, "func consume")).level is Level.HOT
    assert model.at("api/server.go", _line(SERVER, "periodic()")).level is Level.UNKNOWN


def test_a_command_is_cold_but_a_goroutine_it_starts_is_not() -> None:
    model = _model(("cmd/server/main.go", MAIN))
    assert model.at("cmd/server/main.go", _line(MAIN, "start()")).level is Level.COLD
    assert model.at("cmd/server/main.go", _line(MAIN, "func start")).level is Level.COLD
    assert model.at("cmd/server/main.go", _line(MAIN, "func loop")).level is Level.COLD  # main package
    served = _model(("cmd/server/main.go", MAIN + SERVER.split("\n", 7)[-1]))
    assert served.at("cmd/server/main.go", _line(MAIN, "func loop")).level is Level.UNKNOWN


def test_cold_places() -> None:
    assert path_kind("examples/basic/main.go") is not None
    assert path_kind("internal/testutils/x.go") is not None
    assert path_kind("pkg/grpctest/x.go") is not None
    assert path_kind("myapp/migrations/0001_initial.py") is not None
    assert path_kind("conftest.py") is not None
    kind = path_kind("cmd/server/main.go")
    assert kind is not None and kind.soft
    assert path_kind("internal/transport/http2_server.go") is None
    assert path_kind("latest/x.go") is None


VIEWS = """import re
from flask import Flask

app = Flask(__name__)
PATTERN = re.compile("x")


@app.route("/items")
def items():
    return [render(i) for i in load()]


def render(item):
    return str(item)


def load():
    return []


class Item:
    def __repr__(self):
        return "Item"

    def __init__(self):
        self.parts = setup_parts()


def setup_parts():
    return []


class ItemView(View):
    def get(self, request):
        return helper()


def helper():
    return 1


def main():
    for arg in ("a", "b", "c"):
        print(arg)


if __name__ == "__main__":
    main()
"""


def test_python_routes_views_and_cold_code() -> None:
    model = _model(("shop/views.py", VIEWS))
    at = lambda text: model.at("shop/views.py", _line(VIEWS, text))  # noqa: E731
    assert at("return str(item)").describe() == (
        "web route (`@app.route`): runs per request: `items` → `render`")
    assert at("return helper()").level is Level.HOT
    assert at("return 1").level is Level.HOT
    assert at('return "Item"').level is Level.COLD
    assert at("self.parts = setup_parts()").level is Level.COLD
    assert at("print(arg)").level is Level.COLD
    assert at('PATTERN = re.compile("x")').level is Level.COLD


def _finding(path: str, line: int, category: Category = Category.ALLOCATION) -> Finding:
    return Finding(reviewer="rules", rule="r", category=category, severity=Severity.P0,
                   title="t", problem="p", fix="f",
                   location=Location(path=path, start_line=line, end_line=line))


def test_tiers_follow_heat_and_lifetime_claims_are_cold_only_in_cold_places() -> None:
    model = _model(("api/server.go", SERVER), ("examples/demo/main.go", MAIN))
    hot, unknown, cold = (_line(SERVER, "return normalise(key)"), _line(SERVER, "func orphan"),
                          _line(SERVER, "return tidy()"))
    tiers = [f.tier for f in weigh([_finding("api/server.go", hot),
                                    _finding("api/server.go", unknown),
                                    _finding("api/server.go", cold),
                                    _finding("api/server.go", cold, Category.LEAK),
                                    _finding("examples/demo/main.go", 3, Category.LEAK)], model)]
    assert tiers == [Tier.FINDING, Tier.LEAD, Tier.COLD, Tier.LEAD, Tier.COLD]
    [weighed] = weigh([_finding("api/server.go", hot)], model)
    assert weighed.heat.startswith("HTTP handler") and weighed.evidence[-1].kind == "heat"
    assert tier_of(_finding("x.go", 1), model.at("nowhere.go", 1), "")[0] is Tier.LEAD
