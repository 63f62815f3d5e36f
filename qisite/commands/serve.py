"""``qisite serve``: a live-reloading preview on this machine."""

from __future__ import annotations

from pathlib import Path

from qisite.config import load_config
from qisite.load.network import require_network_root
from qisite.problems import Problems, QisiteError
from qisite.serve import serve


def register(subparsers) -> None:
    parser = subparsers.add_parser("serve", help="preview the site, rebuilding and reloading on every change",
                                   description="Build the site, serve it on 127.0.0.1, rebuild when a file changes "
                                               "and reload the browser tab.")
    parser.add_argument("root", nargs="?", type=Path, default=Path("."), help="the network folder (default: .)")
    parser.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default 8000; 0 picks a free one)")
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on and host name to answer (default 127.0.0.1; requests naming any other "
                             "host than this, 127.0.0.1 or localhost are refused)")
    parser.add_argument("--output", "-o", type=Path, help="where to write the preview (default: site.yaml's output)")
    parser.set_defaults(func=run)


def run(args) -> int:
    require_network_root(args.root)
    output = args.output or load_config(args.root, Problems()).output_dir
    try:
        serve(args.root, output, host=args.host, port=args.port, report=lambda text: print(text, flush=True))
    except OSError as exc:
        raise QisiteError(f"cannot serve on port {args.port}: {exc.strerror} (try --port 0)") from None
    return 0
