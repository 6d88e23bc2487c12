"""Prices per million tokens and what a request costs or may cost (pure)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class Pricing:
    """US dollars per million input and output tokens; None when nobody configured a price."""

    input_per_mtok: float | None
    output_per_mtok: float | None

    @property
    def known(self) -> bool:
        """Whether both prices are configured."""
        return self.input_per_mtok is not None and self.output_per_mtok is not None

    def cost(self, tokens_in: int, tokens_out: int) -> float:
        """What ``tokens_in``/``tokens_out`` cost (0 when the price is unknown)."""
        return (tokens_in * (self.input_per_mtok or 0.0)
                + tokens_out * (self.output_per_mtok or 0.0)) / 1_000_000


FREE = Pricing(input_per_mtok=0.0, output_per_mtok=0.0)
