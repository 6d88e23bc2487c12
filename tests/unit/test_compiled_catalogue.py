"""The compiled catalogue: the same rules as the rule files give, found by id, never by path."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from perfaudit import installation
from perfaudit.rules.catalogue import (
    compile_catalogue,
    installed_catalogue,
    load_catalogue,
    load_compiled,
)


def test_the_compiled_catalogue_loads_the_same_rules() -> None:
    catalogue = load_catalogue()
    assert load_compiled(compile_catalogue(catalogue)) == catalogue
    assert any(rule.check is not None for rule in catalogue)


def test_a_compiled_catalogue_names_no_folder_and_runs_nothing_from_elsewhere() -> None:
    items = compile_catalogue(load_catalogue())
    assert all("folder" not in item for item in items)
    items[0]["id"] = "../../elsewhere"
    with pytest.raises(ValueError, match="not a compiled catalogue"):
        load_compiled(items)
    for damaged in (None, "", {}, [1], [{"id": "x"}]):
        with pytest.raises(ValueError):
            load_compiled(damaged)


def test_a_worker_compiles_the_catalogue_once_and_loads_it_after(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    catalogue = load_catalogue()
    load_catalogue.cache_clear()  # as in a worker whose parent never loaded it
    try:
        assert installed_catalogue() == catalogue
        path = installation.compiled_path("catalogue")
        assert path.is_file() and path.parent == tmp_path / "perfaudit"
        load_catalogue.cache_clear()
        assert installed_catalogue() == catalogue
        assert load_catalogue.cache_info().currsize == 0  # read from the compiled form
        path.write_bytes(b"damaged")
        assert installed_catalogue() == catalogue  # a damaged one is only a miss
    finally:
        load_catalogue.cache_clear()


def test_compiled_data_other_installations_left_unused_is_removed(monkeypatch: pytest.MonkeyPatch,
                                                         tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folder = tmp_path / "perfaudit"
    folder.mkdir(parents=True)
    older, recent, left = (folder / "catalogue-0000.json", folder / "catalogue-1111.json",
                           folder / "catalogue-2222.json.99.tmp")
    for path in (older, recent, left):
        path.write_text("[]")
    month_ago = time.time() - 30 * 24 * 3600
    os.utime(older, (month_ago, month_ago))
    os.utime(left, (month_ago, month_ago))
    installation.write_compiled("catalogue", [{"x": 1}])
    assert installation.read_compiled("catalogue") == [{"x": 1}]
    assert not older.exists() and not left.exists()
    assert recent.exists()  # another installation's, in use
