"""perfaudit: performance audits of Go and Python repositories by a panel of reviewers."""

from __future__ import annotations

try:
    # written by setuptools-scm when the package is built or installed; reading installed
    # metadata instead would cost every start-up tens of milliseconds
    from perfaudit._version import __version__  # type: ignore[import-not-found, unused-ignore]
except ImportError:  # a source tree that was never installed
    __version__ = "0.1.dev0+unknown"

__all__ = ["__version__"]
