"""``qisite build``: render the network into a static site."""

from __future__ import annotations

import logging
from pathlib import Path

from qisite.build import build
from qisite.commands.root import Target, build_target
from qisite.load.lone import refuse_output_around
from qisite.terminal import for_terminal

log = logging.getLogger("qisite")


def register(subparsers) -> None:
    parser = subparsers.add_parser("build", help="render the network into a static site",
                                   description="Check every project, then render the site into the output folder "
                                               "(site.yaml 'output', default _site). Projects with errors are "
                                               "reported and left out; --strict fails instead.")
    parser.add_argument("root", nargs="?", type=Path, help="the network folder (default: the nearest folder at or above "
                                                           "this one holding site.yaml), or a project folder: without a "
                                                           "site.yaml at or above it, the project is built on its own")
    parser.add_argument("--output", "-o", type=Path, help="where to write (overrides site.yaml)")
    parser.add_argument("--strict", action="store_true", help="fail on any error or warning instead of skipping")
    parser.add_argument("--drafts", action="store_true", help="include projects marked 'draft: true', with a draft banner")
    parser.add_argument("--workers", type=int, help="chart-drawing processes (default: one per core)")
    parser.set_defaults(func=run)


def run(args) -> int:
    target = build_target(args.root)
    if target.project is not None:
        announce_lone(target, args.output)
    log.debug(f"building the network in {target.root}")
    report = build(target.root, args.output, args.workers, strict=args.strict, drafts=args.drafts, project=target.project)
    cwd = Path.cwd()
    for problem in report.problems:
        print(for_terminal(problem.format(cwd)))
    if not report.written:
        print(f"not built: --strict and {len(report.problems)} problem(s) above; nothing was written")
        return 1
    errors = len(report.problems.errors)
    left_out = f" ({errors} error{'s' if errors != 1 else ''}: projects with errors were left out)" if errors else ""
    drafts = (f"; {report.drafts_left_out} draft project{'s' if report.drafts_left_out != 1 else ''} not published"
              " (--drafts shows them)" if report.drafts_left_out else "")
    log.info(f"built {report.pages} pages and {report.charts} charts into {report.output} in {report.seconds:.1f} s{left_out}{drafts}")
    log.debug(f"{report.files} files written")
    return 0


def announce_lone(target: Target, output: Path | None) -> None:
    """Say that a project is being built on its own, and refuse an output in or around it."""
    assert target.project is not None
    if output is not None:
        refuse_output_around(output, target.project)
    log.info(f"no site.yaml at or above {target.project}: building the project on its own, with the default "
             f"equity areas and stages (its preview and cache are kept in {target.root})")
