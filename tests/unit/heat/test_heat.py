"""The heat model: entry points, propagation along calls, cold places and loops, and tiers."""

from __future__ import annotations

from pathlib import Path

from perfaudit.heat import HeatModel, Level, summarize_tree
from perfaudit.heat.paths import path_kind
from perfaudit.heat.summary import FileSummary
from perfaudit.heat.tiers import tier_of, weigh
from perfaudit.langversion import GoModule, NearestGoModule
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

func (s *Server) fetchAll(c *http.Client) {
	for {
		resp, _ := c.Get("x")
		page(resp)
		select {
		case <-s.stopc:
			return
		default:
		}
	}
}

func page(resp *http.Response) {}

func (it *chunkIterator) Next() bool {
	return decode(it)
}

func decode(it *chunkIterator) bool { return false }

func (s *Server) config() {
	s.once.Do(func() {
		normalise("x")
	})
}
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


def test_an_endless_loop_that_waits_runs_per_event_and_a_sleeping_one_is_periodic() -> None:
    model = _model(("api/server.go", SERVER))
    assert model.at("api/server.go", _line(SERVER, "consume(v)")).level is Level.HOT
    assert model.at("api/server.go", _line(SERVER, "func consume")).level is Level.HOT
    tick = model.at("api/server.go", _line(SERVER, "periodic()"))
    assert (tick.level, tick.reason) == (Level.WARM, "runs once per interval of a periodic loop")
    assert model.at("api/server.go", _line(SERVER, "func periodic")).level is Level.WARM


def test_a_loop_that_waits_for_nothing_but_a_stop_signal_says_nothing_of_heat() -> None:
    model = _model(("api/server.go", SERVER))  # pagination, retries: one pass per page
    assert model.at("api/server.go", _line(SERVER, "page(resp)")).level is Level.UNKNOWN
    assert model.at("api/server.go", _line(SERVER, "func page")).level is Level.UNKNOWN


def test_an_iterator_step_is_hot_and_a_once_body_is_cold_under_any_caller() -> None:
    model = _model(("api/server.go", SERVER))
    step = model.at("api/server.go", _line(SERVER, "func decode"))
    assert step.describe() == ("iterator step (`Next`): runs per element: "
                               "`(*chunkIterator).Next` → `decode`")
    once = model.at("api/server.go", _line(SERVER, 'normalise("x")'))
    assert (once.level, once.reason) == (Level.COLD, "runs once (`s.once.Do`)")


def test_a_method_defined_by_many_types_is_not_followed_from_an_unknown_receiver() -> None:
    methods = "".join(f"func (x *T{i}) Err() error {{ return nil }}\n" for i in range(5))
    source = ("package it\n\nimport \"net/http\"\n\n"
              "func h(w http.ResponseWriter, r *http.Request) {\n\tvar x any\n\tx.Err()\n"
              "\tone.Only()\n}\n\nfunc (o *O) Only() {}\n" + methods)
    model = _model(("it/it.go", source))
    assert model.at("it/it.go", _line(source, "func (x *T0) Err")).level is Level.UNKNOWN
    assert model.at("it/it.go", _line(source, "func (o *O) Only")).level is Level.HOT


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


@app.route("/fields")
def fields():
    for name in FORM_FIELDS:
        print(name)
    return [choices(name) for name in load()]


@functools.cache
def choices(name):
    return render(name)


def consume(jobs, stop):
    while not stop.is_set():
        job = jobs.get(timeout=1)
        handle(job)


def handle(job):
    return job


def paginate(client):
    while True:
        page = client.list()
        store(page)
        if not page:
            break


def store(page):
    return page


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
    table = at("print(name)")
    assert (table.level, table.reason) == (Level.COLD, "loop over the constant table `FORM_FIELDS`")
    memo = at("return render(name)")
    assert (memo.level, memo.reason) == (
        Level.COLD, "memoised (`@functools.cache`): runs once per distinct argument")
    assert at("return job").describe() == "runs per event of an endless loop: `consume` → `handle`"
    assert at("return page").level is Level.UNKNOWN


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
    assert tiers == [Tier.FINDING, Tier.UNPROVEN, Tier.COLD, Tier.LEAD, Tier.COLD]
    unknown_network = weigh([_finding("api/server.go", unknown, Category.NETWORK)], model)
    assert unknown_network[0].tier is Tier.LEAD  # only per-run costs need evidence of heat
    periodic = _line(SERVER, "periodic()")
    warm = weigh([_finding("api/server.go", periodic),
                  _finding("api/server.go", periodic, Category.CONCURRENCY)], model)
    assert [f.tier for f in warm] == [Tier.UNPROVEN, Tier.LEAD]  # a fan-out per refresh matters
    assert warm[0].heat.startswith("runs once per interval")
    [weighed] = weigh([_finding("api/server.go", hot)], model)
    assert weighed.heat.startswith("HTTP handler") and weighed.evidence[-1].kind == "heat"
    assert tier_of(_finding("x.go", 1), model.at("nowhere.go", 1), "")[0] is Tier.UNPROVEN


def test_per_row_methods_of_database_values_and_framework_hooks_are_hot() -> None:
    go = ("package db\n\nimport \"database/sql/driver\"\n\n"
          "func (t *Tags) Scan(src any) error {\n\treturn parse(src)\n}\n\n"
          "func (t Tags) Value() (driver.Value, error) {\n\treturn nil, nil\n}\n\n"
          "func parse(src any) error { return nil }\n")
    py = ("class TagsField(Field):\n    def from_db_value(self, value, expression, connection):\n"
          "        return value.split(',')\n\n\nclass Audit(Handler):\n"
          "    def emit(self, record):\n        return record\n\n"
          "    def filter(self, *args):\n        return args\n")
    model = _model(("db/tags.go", go), ("app/fields.py", py))
    assert model.at("db/tags.go", _line(go, "func parse")).describe() == (
        "`Scan` of a database value (`sql.Scanner`/`driver.Valuer`): runs per row: "
        "`(*Tags).Scan` → `parse`")
    assert model.at("db/tags.go", _line(go, "return nil, nil")).level is Level.HOT
    assert model.at("app/fields.py", _line(py, "value.split")).reason == (
        "`from_db_value`: runs per value (called by its framework)")
    assert model.at("app/fields.py", _line(py, "return record")).level is Level.HOT
    assert model.at("app/fields.py", _line(py, "return args")).level is Level.UNKNOWN


IMPORTS = """package api

import (
\t"net/http"
\tstrs "strings"
\tyaml "gopkg.in/yaml.v3"
\t"github.com/acme/kit/v2"
\t"example.com/shop/internal/store"
)

func Register(mux *http.ServeMux) {
\tmux.HandleFunc("/items", serve)
\thttp.HandleFunc("/other", serve)
}

func serve(w http.ResponseWriter, r *http.Request) {
\t_ = strs.Split(r.URL.Path, "/")
\t_, _ = yaml.Marshal(nil)
\tkit.Do()
\tstore.Lookup()
\tlocal()
}

func local() {}
"""


def test_calls_into_other_modules_are_left_out_of_a_go_summary_when_the_module_is_known() -> None:
    tree = parse(IMPORTS.encode(), Language.GO).root_node
    unknown = summarize_tree("api/a.go", tree, Language.GO)
    known = summarize_tree("api/a.go", tree, Language.GO, "example.com/shop")

    def calls(summary: FileSummary) -> set[str]:
        return {f"{c.qualifier}.{c.name}" for fn in summary.functions
                if fn.short == "serve" for c in fn.calls}

    assert calls(unknown) == {"strs.Split", "yaml.Marshal", "kit.Do", "store.Lookup", ".local"}
    assert calls(known) == {"store.Lookup", ".local"}
    # a handler registered through the standard library still makes its target hot
    assert known.hot_refs == unknown.hot_refs and ("serve" in {n for n, _ in known.hot_refs})


def test_a_go_module_owns_its_own_packages_only() -> None:
    module = GoModule("1.22", "example.com/shop")
    assert module.owns("example.com/shop") and module.owns("example.com/shop/internal/store")
    assert not module.owns("example.com/shopping") and not module.owns("strings")
    assert not GoModule(None).owns("strings")


def test_each_file_follows_its_nearest_go_mod(tmp_path: Path) -> None:
    (tmp_path / "go.mod").write_text("module example.com/shop\n\ngo 1.22\n")
    (tmp_path / "tools").mkdir()
    (tmp_path / "tools" / "go.mod").write_text('module "example.com/shop/tools"\n\ngo 1.24\n')
    modules = NearestGoModule(tmp_path, "1.21")
    assert modules.for_file("api/a.go") == GoModule("1.22", "example.com/shop",
                                                    ("example.com/shop",))
    assert modules.for_file("tools/x/t.go") == GoModule(
        "1.24", "example.com/shop/tools", ("example.com/shop/tools", "example.com/shop"))
    assert NearestGoModule(tmp_path / "tools" / "x", "1.21").for_file("t.go") == GoModule("1.21")


SHADOW = """package api

import (
\t"log"
\t"example.com/shop/util"
)

func run(log Logger) {
\tlog.Flush()
\tutil.Work()
}

func other() {
\tlog.Println("x")
}
"""


def test_a_variable_named_like_an_import_and_sibling_modules_keep_their_calls(tmp_path: Path) -> None:
    (tmp_path / "go.mod").write_text("module example.com/shop\n\ngo 1.22\n")
    (tmp_path / "tools").mkdir()
    (tmp_path / "tools" / "go.mod").write_text(
        "module example.com/shop/tools\n\ngo 1.22\n\nreplace example.com/lib => ../lib\n")
    module = NearestGoModule(tmp_path, None).for_file("tools/api/a.go")
    assert module.owns("example.com/shop/util") and module.owns("example.com/lib/x")
    assert not module.owns("log")
    summary = summarize_tree("tools/api/a.go", parse(SHADOW.encode(), Language.GO).root_node,
                             Language.GO, module.scope)
    calls = {fn.short: {f"{c.qualifier}.{c.name}" for c in fn.calls} for fn in summary.functions}
    assert calls["run"] == {"log.Flush", "util.Work"} and calls["other"] == set()


def test_a_go_work_names_the_modules_of_the_tree(tmp_path: Path) -> None:
    (tmp_path / "go.work").write_text("go 1.22\n\nuse (\n\t./a\n\t./b\n)\n")
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "go.mod").write_text(f"module example.com/{name}\n\ngo 1.22\n")
    module = NearestGoModule(tmp_path, None).for_file("a/x/x.go")
    assert module.path == "example.com/a" and module.owns("example.com/b/y")
