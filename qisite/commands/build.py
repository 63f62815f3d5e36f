"""``qisite build``: render the network into a static site."""

from __future__ import annotations

from pathlib import Path

from qisite.build import build
from qisite.load.network import require_network_root
from qisite.terminal import for_terminal


def register(subparsers) -> None:
    parser = subparsers.add_parser("build", help="render the network into a static site",
                                   description="Check every project, then render the site into the output folder "
                                               "(site.yaml 'output', default _site). Projects with errors are "
                                               "reported and left out; --strict fails instead.")
    parser.add_argument("root", nargs="?", type=Path, default=Path("."), help="the network folder (default: .)")
    parser.add_argument("--output", "-o", type=Path, help="where to write (overrides site.yaml)")
    parser.add_argument("--strict", action="store_true", help="fail on any error or warning instead of skipping")
    parser.add_argument("--workers", type=int, help="chart-drawing processes (default: one per core)")
    parser.set_defaults(func=run)


def run(args) -> int:
    require_network_root(args.root)
    report = build(args.root, args.output, args.workers, strict=args.strict)
    cwd = Path.cwd()
    for problem in report.problems:
        print(for_terminal(problem.format(cwd)))
    if not report.written:
        print(f"not built: --strict and {len(report.problems)} problem(s) above; nothing was written")
        return 1
    errors = len(report.problems.errors)
    left_out = f" ({errors} error{'s' if errors != 1 else ''}: projects with errors were left out)" if errors else ""
    print(f"built {report.pages} pages and {report.charts} charts into {report.output} in {report.seconds:.1f} s{left_out}")
    return 0
