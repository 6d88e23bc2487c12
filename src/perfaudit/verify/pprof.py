"""Read Go pprof profiles (gzipped ``profile.proto``) with the protobuf runtime.

The message classes are built at import time from a descriptor of the fields perfaudit reads
(field numbers from pprof's profile.proto, Apache-2.0); unknown fields are skipped.
"""

from __future__ import annotations

import gzip
from typing import Any

from perfaudit.errors import UsageError, install_hint
from perfaudit.verify.profile import Frame, Profile, from_stacks

_FIELDS: dict[str, list[tuple[str, int, str, bool]]] = {
    # message: (field, number, type (scalar name or message), repeated)
    "ValueType": [("type", 1, "int64", False), ("unit", 2, "int64", False)],
    "Sample": [("location_id", 1, "uint64", True), ("value", 2, "int64", True)],
    "Line": [("function_id", 1, "uint64", False), ("line", 2, "int64", False)],
    "Location": [("id", 1, "uint64", False), ("line", 4, ".perfaudit.pprof.Line", True)],
    "Function": [("id", 1, "uint64", False), ("name", 2, "int64", False),
                 ("system_name", 3, "int64", False), ("filename", 4, "int64", False),
                 ("start_line", 5, "int64", False)],
    "Profile": [("sample_type", 1, ".perfaudit.pprof.ValueType", True),
                ("sample", 2, ".perfaudit.pprof.Sample", True),
                ("location", 4, ".perfaudit.pprof.Location", True),
                ("function", 5, ".perfaudit.pprof.Function", True),
                ("string_table", 6, "string", True),
                ("default_sample_type", 14, "int64", False)],
}


def _profile_class() -> Any:
    from google.protobuf import descriptor_pb2, descriptor_pool, message_factory

    fdp = descriptor_pb2.FileDescriptorProto(name="perfaudit_pprof.proto",
                                             package="perfaudit.pprof", syntax="proto3")
    types = descriptor_pb2.FieldDescriptorProto
    for message, fields in _FIELDS.items():
        proto = fdp.message_type.add(name=message)
        for name, number, kind, repeated in fields:
            field = proto.field.add(name=name, number=number,
                                    label=types.LABEL_REPEATED if repeated else types.LABEL_OPTIONAL)
            if kind.startswith("."):
                field.type, field.type_name = types.TYPE_MESSAGE, kind
            else:
                field.type = getattr(types, f"TYPE_{kind.upper()}")
    pool = descriptor_pool.DescriptorPool()
    pool.Add(fdp)
    return message_factory.GetMessageClass(pool.FindMessageTypeByName("perfaudit.pprof.Profile"))


def _decode(data: bytes, source: str) -> Any:
    try:
        from google.protobuf.message import DecodeError
    except ImportError as exc:
        raise UsageError(f"reading pprof needs protobuf: {install_hint('stats')}") from exc
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise UsageError(f"{source}: corrupt gzip data") from exc
    message = _profile_class()()
    try:
        message.ParseFromString(data)
    except DecodeError as exc:
        raise UsageError(f"{source}: not a pprof profile") from exc
    if not message.sample_type or not message.string_table:
        raise UsageError(f"{source}: not a pprof profile (no sample types)")
    return message


def _choose(names: list[str], wanted: str | None, source: str) -> int:
    if wanted is None:
        return len(names) - 1
    if wanted in names:
        return names.index(wanted)
    raise UsageError(f"{source}: no sample type {wanted!r} (has {', '.join(names)})")


def read_pprof(data: bytes, source: str = "profile", sample_type: str | None = None) -> Profile:
    """Decode a pprof profile; ``sample_type`` picks cpu/samples/alloc_space/… (default: last)."""
    message = _decode(data, source)
    strings = list(message.string_table)
    names = [strings[v.type] for v in message.sample_type]
    index = _choose(names, sample_type, source)
    functions = {f.id: Frame(name=strings[f.name], file=strings[f.filename], line=f.start_line)
                 for f in message.function}
    locations = {loc.id: [functions[ln.function_id] for ln in loc.line
                          if ln.function_id in functions] for loc in message.location}
    stacks = [([frame for lid in s.location_id for frame in locations.get(lid, [])],
               float(s.value[index])) for s in message.sample if len(s.value) > index]
    unit = strings[message.sample_type[index].unit]
    return Profile(source=source, sample_type=names[index], unit=unit,
                   total=sum(v for _, v in stacks), functions=from_stacks(stacks))
