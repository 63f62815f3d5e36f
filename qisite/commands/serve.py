"""``qisite serve``: a live-reloading preview on this machine."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from qisite.commands.build import announce_lone
from qisite.commands.root import build_target
from qisite.config import load_config
from qisite.problems import Problems, QisiteError
from qisite.serve import serve


def register(subparsers) -> None:
    parser = subparsers.add_parser("serve", help="preview the site, rebuilding and reloading on every change",
                                   description="Build the site, serve it on 127.0.0.1, rebuild when a file changes "
                                               "and reload the browser tab.")
    parser.add_argument("root", nargs="?", type=Path, help="the network folder (default: the nearest folder at or above "
                                                           "this one holding site.yaml), or a project folder: without a "
                                                           "site.yaml at or above it, the project is previewed on its own")
    parser.add_argument("--port", type=port_number, default=8000, help="port on 127.0.0.1 (default 8000; 0 picks a free one)")
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on and host name to answer (default 127.0.0.1; requests naming any other "
                             "host than this, 127.0.0.1 or localhost are refused)")
    parser.add_argument("--output", "-o", type=Path, help="where to write the preview (default: site.yaml's output; "
                                                          "for a project on its own, a folder in qisite's cache)")
    parser.set_defaults(func=run)


def port_number(text: str) -> int:
    """A TCP port, 0 to 65535 (argparse reports anything else as a usage error)."""
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a port number (0 to 65535)") from None
    if not 0 <= number <= 65535:
        raise argparse.ArgumentTypeError(f"{number} is not a port number: use 0 to 65535 (0 picks a free one)")
    return number


def run(args) -> int:
    target = build_target(args.root)
    if target.project is not None:
        announce_lone(target, args.output)
    output = args.output or load_config(target.root, Problems()).output_dir
    try:
        serve(target.root, output, target.watched, host=args.host, port=args.port, report=logging.getLogger("qisite").info,
              project=target.project)
    except OSError as exc:
        raise QisiteError(f"cannot serve on port {args.port}: {exc.strerror} (try --port 0)") from None
    return 0
