"""``qisite serve``: a live-reloading preview on this machine."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from qisite.commands.root import network_root
from qisite.config import load_config
from qisite.problems import Problems, QisiteError
from qisite.serve import serve


def register(subparsers) -> None:
    parser = subparsers.add_parser("serve", help="preview the site, rebuilding and reloading on every change",
                                   description="Build the site, serve it on 127.0.0.1, rebuild when a file changes "
                                               "and reload the browser tab.")
    parser.add_argument("root", nargs="?", type=Path, help="the network folder (default: the nearest folder "
                                                           "at or above this one holding site.yaml)")
    parser.add_argument("--port", type=port_number, default=8000, help="port on 127.0.0.1 (default 8000; 0 picks a free one)")
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on and host name to answer (default 127.0.0.1; requests naming any other "
                             "host than this, 127.0.0.1 or localhost are refused)")
    parser.add_argument("--output", "-o", type=Path, help="where to write the preview (default: site.yaml's output)")
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
    root = network_root(args.root)
    output = args.output or load_config(root, Problems()).output_dir
    try:
        serve(root, output, host=args.host, port=args.port, report=logging.getLogger("qisite").info)
    except OSError as exc:
        raise QisiteError(f"cannot serve on port {args.port}: {exc.strerror} (try --port 0)") from None
    return 0
