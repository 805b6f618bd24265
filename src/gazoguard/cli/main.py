"""``gazoguard`` entry point: discovers one module per command in this package.

A command module defines ``register(subparsers) -> None`` which adds its
parser and sets ``func`` (``args -> int`` exit code) with ``set_defaults``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys

from gazoguard.cli._errors import EXIT_ERROR, print_error
from gazoguard.core.errors import GazoError

os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")

EXIT_OK = 0
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    import gazoguard.cli as cli_pkg

    parser = argparse.ArgumentParser(
        prog="gazoguard",
        description="画像ガード: 送る前に写真の危険を確認します / check pictures before you send them (offline).",
    )
    parser.add_argument("--version", action="version", version=_version())
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(cli_pkg.__path__), key=lambda m: m.name):
        if info.name in ("main",) or info.name.startswith("_"):
            continue
        module = importlib.import_module(f"gazoguard.cli.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(sub)
    return parser


def _version() -> str:
    from gazoguard.core.version import __version__

    return f"gazoguard {__version__}"


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(func(args) or 0)
    except GazoError as err:  # an expected failure: a clear JA/EN message, never a traceback
        print_error(err, getattr(args, "lang", "ja"))
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("中断しました / interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
