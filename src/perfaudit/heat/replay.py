"""Heat answers recorded on one run and replayed on the next over the same files (pure).

Building the heat model joins every file's summary: on a large repository that is most of a
warm re-audit's time. When no file changed, the model would give the same answers to the
same questions, so the answers weighing asked for are kept (in the result cache, under a key
that digests every input of the model) and replayed.
"""

from __future__ import annotations

import json

from perfaudit.heat.model import Heat, Level
from perfaudit.heat.tiers import HeatSource


class Recording:
    """A heat source that remembers every answer it gives."""

    def __init__(self, source: HeatSource) -> None:
        self._source = source
        self.heat: dict[tuple[str, int], Heat] = {}
        self.places: dict[str, str] = {}

    def at(self, path: str, line: int) -> Heat:
        """The source's answer, recorded."""
        heat = self.heat[(path, line)] = self._source.at(path, line)
        return heat

    def cold_place(self, path: str) -> str:
        """The source's answer, recorded."""
        place = self.places[path] = self._source.cold_place(path)
        return place

    def encode(self) -> bytes:
        """The answers as JSON."""
        return json.dumps({
            "heat": [[path, line, h.level.value, h.reason, list(h.chain)]
                     for (path, line), h in self.heat.items()],
            "places": self.places,
        }, separators=(",", ":")).encode()


class Replay:
    """Answers recorded earlier; a question not asked then raises ``KeyError``."""

    def __init__(self, data: bytes) -> None:
        """Decode recorded answers; ``ValueError`` when ``data`` is not a recording."""
        try:
            payload = json.loads(data)
            self._heat = {(str(path), int(line)): Heat(Level(level), str(reason),
                                                       tuple(str(n) for n in chain))
                          for path, line, level, reason, chain in payload["heat"]}
            self._places = {str(k): str(v) for k, v in payload["places"].items()}
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ValueError(f"not recorded heat answers: {exc}") from exc

    def at(self, path: str, line: int) -> Heat:
        """The recorded answer."""
        return self._heat[(path, line)]

    def cold_place(self, path: str) -> str:
        """The recorded answer."""
        return self._places[path]
