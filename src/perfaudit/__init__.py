"""perfaudit: performance audits of Go and Python repositories by a panel of reviewers."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
