"""The intake commands' shared options: where the gateway's database and data live."""

from __future__ import annotations

import argparse
from pathlib import Path

from gazoguard.intake.gateway import Gateway


def add_store_arguments(parser: argparse.ArgumentParser) -> None:
    """--data-dir / --database-url for CLI commands (defaults: GAZOGUARD_DATA_DIR / GAZOGUARD_DATABASE_URL)."""
    parser.add_argument("--data-dir", type=Path, default=None, help="データの場所 / data directory")
    parser.add_argument("--database-url", default=None, help="SQLAlchemy URL (既定: data-dir の SQLite / default: SQLite in data-dir)")


def gateway_from_args(args: argparse.Namespace, *, purge_on_open: bool = True) -> Gateway:
    """The gateway named by the options, else by the same settings the web app reads.

    Opening it purges what is past retention (``purge_on_open``), so every intake command enforces it.
    """
    from gazoguard.web.settings import Settings

    overrides = {k: v for k, v in (("data_dir", args.data_dir), ("database_url", args.database_url)) if v}
    return Gateway.from_settings(Settings(**overrides), purge_on_open=purge_on_open)
