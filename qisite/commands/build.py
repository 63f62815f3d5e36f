"""``qisite build``: render the network into a static site."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from qisite.build import BuildReport, build, build_date
from qisite.commands.root import Target, build_target
from qisite.load.lone import refuse_output_around
from qisite.progress import Progress
from qisite.site.archive import check_archive_path, write_archive
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
    parser.add_argument("--zip", type=Path, metavar="FILE.zip", help="also write the whole site as one zip archive "
                                                                     "that works unzipped anywhere")
    parser.add_argument("--workers", type=int, help="worker processes for loading, charts and pages (default: one per core; "
                                                    "1: everything in this process)")
    parser.set_defaults(func=run)


def run(args) -> int:
    target = build_target(args.root)
    if target.project is not None:
        announce_lone(target, args.output)
    log.debug(f"building the network in {target.root}")
    if args.zip:  # refuse a bad archive name before any work
        check_archive_path(args.zip, args.output or target.root / "_site")
    report = build(target.root, args.output, args.workers, strict=args.strict, drafts=args.drafts,
                   progress=Progress(sys.stderr), project=target.project)
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
    log.info(summary(report))
    log.debug("time by phase: " + ", ".join(f"{name} {seconds:.2f} s" for name, seconds in report.phases.items()))
    if args.zip:
        count = write_archive(report.output, args.zip, build_date())
        log.info(f"wrote {args.zip} ({count} files)")
    return 0


def announce_lone(target: Target, output: Path | None) -> None:
    """Say that a project is being built on its own, and refuse an output in or around it."""
    assert target.project is not None
    if output is not None:
        refuse_output_around(output, target.project)
    log.info(f"no site.yaml at or above {target.project}: building the project on its own, with the default "
             f"equity areas and stages (its preview and cache are kept in {target.root})")


def summary(report: BuildReport) -> str:
    """One line: what the build did and what it reused."""
    def plural(n: int, word: str) -> str:
        return f"{n:,} {word}{'' if n == 1 else 's'}"

    return (f"{plural(report.projects, 'project')} · {plural(report.pages, 'page')}: {report.pages_written:,} written, "
            f"{report.pages_unchanged:,} unchanged · {plural(report.charts, 'chart')}: "
            f"{report.charts_drawn:,} drawn, {report.charts_reused:,} reused · "
            f"{plural(len(report.problems), 'problem')} · {report.seconds:.2f} s")
