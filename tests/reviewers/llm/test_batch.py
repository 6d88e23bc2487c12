"""Chunks, batches, prompts and retry timing (pure parts)."""

from __future__ import annotations

import itertools
import re
from email.utils import formatdate

import jinja2
import pytest

from perfaudit.model import Language
from perfaudit.reviewers.llm import prompt as prompt_module
from perfaudit.reviewers.llm.batch import (
    Chunk,
    FileText,
    plan_batches,
    repo_map,
    split_file,
)
from perfaudit.reviewers.llm.outline import outline
from perfaudit.reviewers.llm.prompt import prompt_version, render_prompt
from perfaudit.reviewers.llm.retry import ProviderError, retry_after, with_retries


def _go_file(functions: int) -> FileText:
    parts = ["package big", "", "import (", '\t"fmt"', '\t"strings"', ")", "",
             "type Thing struct {", "\tName string", "}", ""]
    for i in range(functions):
        parts += [f"// F{i} does work {i}.", f"func F{i}(t Thing) string {{",
                  *[f'\ts := fmt.Sprint(t.Name, {j}) + strings.Repeat("x", {j})' for j in range(8)],
                  "\treturn s", "}", ""]
    text = "\n".join(parts)
    return FileText(path="pkg/big.go", language=Language.GO, text=text,
                    outline=outline(text, Language.GO))


def _numbers(chunk: Chunk) -> list[int]:
    return [int(m) for m in re.findall(r"^\s*(\d+)\| ", chunk.body, re.MULTILINE)]


def test_small_file_is_one_numbered_chunk() -> None:
    file = _go_file(2)
    [chunk] = split_file(file, 10_000)
    assert (chunk.start_line, chunk.end_line) == (1, len(file.text.rstrip("\n").split("\n")))
    assert _numbers(chunk) == list(range(1, chunk.end_line + 1))
    assert "   11| " in chunk.body and "   12| // F0 does work 0." in chunk.body


def test_large_file_is_cut_between_functions_with_context() -> None:
    file = _go_file(30)
    chunks = split_file(file, 600)
    assert len(chunks) > 3
    lines = file.text.split("\n")
    for previous, chunk in itertools.pairwise(chunks):
        assert chunk.start_line == previous.end_line + 1
        assert lines[chunk.start_line - 1].startswith("// F")  # a function and its doc comment
        assert _numbers(chunk)[:8] == [1, 3, 4, 5, 6, 8, 9, 10]  # package, imports, types
        assert "are under review" in chunk.body
    assert chunks[0].start_line == 1
    assert chunks[-1].end_line == len(file.text.rstrip("\n").split("\n"))


def test_oversized_function_is_split_by_lines() -> None:
    body = "\n".join(f"\tx{i} := {i}" for i in range(400))
    text = f"package p\n\nfunc Huge() {{\n{body}\n}}\n"
    file = FileText(path="p.go", language=Language.GO, text=text, outline=outline(text, Language.GO))
    chunks = split_file(file, 500)
    assert len(chunks) > 3
    covered = [n for c in chunks for n in range(c.start_line, c.end_line + 1)]
    assert covered == list(range(1, 405))


def test_python_classes_are_cut_between_methods() -> None:
    methods = "\n".join(f"    def m{i}(self):\n" + "\n".join(
        f"        v{j} = self.data[{j}] * {i}" for j in range(10)) + "\n" for i in range(12))
    text = f"import os\n\n\nclass Big:\n    data = [1]\n\n{methods}"
    file = FileText(path="big.py", language=Language.PYTHON, text=text,
                    outline=outline(text, Language.PYTHON))
    chunks = split_file(file, 500)
    assert len(chunks) > 2
    later = chunks[1]
    assert text.split("\n")[later.start_line - 1].startswith("    def m")
    assert _numbers(later)[:2] == [1, 4]  # the import and the class header as context


def test_batches_keep_directories_together() -> None:
    def chunk(path: str, tokens: int) -> Chunk:
        return Chunk(path=path, language=Language.GO, start_line=1, end_line=1, body=path,
                     tokens=tokens)

    chunks = [chunk("a/1.go", 300), chunk("b/1.go", 300), chunk("a/2.go", 300),
              chunk("b/2.go", 300), chunk("c/1.go", 100)]
    batches = plan_batches(chunks, 700)
    assert [b.paths for b in batches] == [("a/1.go", "a/2.go"), ("b/1.go", "b/2.go", "c/1.go")]
    assert [b.index for b in batches] == [1, 2]
    assert plan_batches(chunks, 700)[0].digest == batches[0].digest


def test_repo_map_is_short() -> None:
    paths = [f"d{i}/f{j}.go" for i in range(50) for j in range(10)]
    text = repo_map(paths, limit=5)
    assert text.splitlines()[0] == "d0/: f0.go, f1.go, f2.go, f3.go, f4.go, f5.go, f6.go, f7.go, … (2 more)"
    assert text.splitlines()[-1] == "… and 45 more directories"


def test_prompt_carries_version_map_and_rubric() -> None:
    file = _go_file(1)
    batch = plan_batches(split_file(file, 10_000), 10_000)[0]
    rendered = render_prompt(batch, {"go": "1.21"}, "pkg/: big.go", schema_in_prompt=False)
    assert "Target: go 1.21." in rendered.user and "pkg/: big.go" in rendered.user
    assert "### pkg/big.go (go, lines 1-" in rendered.user
    for word in ("loop-invariant-work", "P0 (fix now)", "measurable cost", "`quote`"):
        assert word in rendered.system
    assert "JSON Schema" not in rendered.system
    assert re.fullmatch(r"review/[0-9a-f]{12}", prompt_version())


def test_templates_reject_undefined_names() -> None:
    template = prompt_module._environment().from_string("{{ nothing_here }}")
    with pytest.raises(jinja2.UndefinedError, match="'nothing_here' is undefined"):
        template.render()


def test_retry_after_forms() -> None:
    assert retry_after({"Retry-After": "3"}) == 3.0
    assert retry_after({"retry-after-ms": "250"}) == 0.25
    assert retry_after({"retry-after": formatdate(1000.0 + 30, usegmt=True)}, now=1000.0) == 30.0
    assert retry_after({"retry-after": "soon"}) is None and retry_after({}) is None


def test_backoff_grows_and_long_waits_give_up() -> None:
    calls: list[int] = []
    sleeps: list[float] = []

    def flaky() -> str:
        calls.append(1)
        if len(calls) < 3:
            raise ProviderError("busy", retryable=True)
        return "ok"

    assert with_retries(flaky, max_retries=3, backoff_s=0.5, sleep=sleeps.append) == ("ok", 2)
    assert sleeps == [0.5, 1.0]

    def throttled() -> str:
        raise ProviderError("slow down", retryable=True, retry_after=3600)

    with pytest.raises(ProviderError, match="asked to wait 3600 s"):
        with_retries(throttled, max_retries=3, backoff_s=0, sleep=sleeps.append)
