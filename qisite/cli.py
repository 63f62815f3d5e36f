"""The ``qisite`` command: one module per subcommand in :mod:`qisite.commands`."""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from qisite import __version__
from qisite.problems import QisiteError

COMMANDS = ("build", "check", "new", "schema", "serve", "spc")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="qisite", description="Static sites for quality-improvement projects and their spread.")
    parser.add_argument("--version", action="version", version=f"qisite {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"qisite.commands.{name}").register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except QisiteError as exc:
        print(f"qisite: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug in qisite, not in the user's files
        if os.environ.get("QISITE_DEBUG"):
            raise
        print(f"qisite: internal error: {type(exc).__name__}: {exc}\n"
              "This is a bug in qisite; please report it. Set QISITE_DEBUG=1 to see the traceback.", file=sys.stderr)
        return 3
