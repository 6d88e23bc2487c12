"""pprof decoding: stacks, inlined frames and the choice of sample type."""

from __future__ import annotations

import gzip

import pytest

from perfaudit.errors import UsageError
from perfaudit.verify.pprof import _profile_class, read_pprof


def _heap_profile() -> bytes:
    strings = ["", "alloc_objects", "count", "alloc_space", "bytes", "inuse_space",
               "example.com/m.(*Cache).fill", "/src/m/cache.go", "example.com/m.main",
               "/src/m/main.go", "example.com/m.helper"]
    message = _profile_class()()
    message.string_table.extend(strings)
    for kind, unit in ((1, 2), (3, 4), (5, 4)):
        message.sample_type.add(type=kind, unit=unit)
    message.function.add(id=1, name=6, filename=7, start_line=10)
    message.function.add(id=2, name=8, filename=9, start_line=3)
    message.function.add(id=3, name=10, filename=7, start_line=30)
    # Location 1 holds helper inlined into fill: the innermost frame comes first.
    message.location.add(id=1).line.add(function_id=3, line=31)
    message.location[0].line.add(function_id=1, line=12)
    message.location.add(id=2).line.add(function_id=2, line=5)
    message.sample.add(location_id=[1, 2], value=[3, 300, 100])
    message.sample.add(location_id=[2], value=[1, 700, 0])
    return gzip.compress(message.SerializeToString())


def test_default_is_the_last_sample_type() -> None:
    profile = read_pprof(_heap_profile(), "heap.pprof")
    assert (profile.sample_type, profile.unit, profile.total) == ("inuse_space", "bytes", 100)
    costs = {f.name: f for f in profile.functions}
    assert costs["example.com/m.helper"].flat == 100
    assert costs["example.com/m.(*Cache).fill"].flat == 0
    assert costs["example.com/m.(*Cache).fill"].cumulative == 100
    assert profile.noun == "of in-use memory"


def test_choose_alloc_space() -> None:
    profile = read_pprof(_heap_profile(), "heap.pprof", "alloc_space")
    costs = {f.name: f for f in profile.functions}
    assert profile.total == 1000
    assert profile.share(costs["example.com/m.main"].cumulative) == 1.0
    assert profile.share(costs["example.com/m.(*Cache).fill"].cumulative) == pytest.approx(0.3)
    with pytest.raises(UsageError, match="no sample type 'cpu'"):
        read_pprof(_heap_profile(), "heap.pprof", "cpu")
