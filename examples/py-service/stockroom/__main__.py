"""Entry point: load settings, build the catalogue and serve the API."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from aiohttp import web

from stockroom.api import make_app
from stockroom.config import load_settings


def main() -> None:
    parser = argparse.ArgumentParser(prog="stockroom")
    parser.add_argument("--config", type=Path, default=Path("stockroom.toml"))
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)
    settings = load_settings(args.config)
    app = make_app(settings, products=[], stock_table={}, suppliers={})
    web.run_app(app, port=args.port)


if __name__ == "__main__":
    main()
