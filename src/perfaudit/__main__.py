"""Entry point for ``python -m perfaudit``."""

from __future__ import annotations

from perfaudit.cli import main

if __name__ == "__main__":
    main()
