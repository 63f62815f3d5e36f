"""``qisite spc DATA.csv``: SPC on one CSV column, as a table or JSON.

Rows with the same x are aggregated (counts and denominators summed; for
xbar/s the rows are the raw observations of each subgroup). Point indices
(--freeze, --part, --exclude) are 1-based positions of the plotted points,
after aggregation, as in qicharts2.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import math
import sys
from pathlib import Path

from qisite.load.tables import plain_columns, read_table
from qisite.load.values import parse_date, parse_number, plain_numbers
from qisite.problems import CellError, InputError, Location, Problems, did_you_mean
from qisite.spc import DIRECTIONS, RULES, aggregate, analyse, pareto, summarise
from qisite.spc.bchart import DEFAULT_LIMIT, DEFAULT_ODDS_RATIO, LOWER, UPPER, bchart
from qisite.spc.chart_types import NAMES, chart_type
from qisite.spc.choices import SAME_DATE


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "spc", help="run and control charts from a CSV file (table or --json)",
        description="Compute centre line, control limits, runs analysis and special-cause "
                    "signals for one measure in a CSV file.")
    p.add_argument("data", type=Path, metavar="DATA.csv", help="CSV file with a header row")
    p.add_argument("--chart", required=True, choices=NAMES, metavar="TYPE",
                   help=f"chart type: {', '.join(NAMES)} (pareto: --x is the category column, --y the counts)")
    p.add_argument("--y", required=True, metavar="COL", help="value or numerator column")
    p.add_argument("--n", metavar="COL", help="denominator column (p, u, pp, up; optional for run/i)")
    p.add_argument("--x", metavar="COL", help="subgroup / date column; rows sharing x are aggregated")
    p.add_argument("--same-date", choices=SAME_DATE, default="sum",
                   help="rows sharing an x: sum them (default) or average them")
    p.add_argument("--freeze", type=int, metavar="K", help="points 1..K are the baseline")
    p.add_argument("--part", type=int, nargs="+", action="extend", default=[], metavar="K",
                   help="a part (phase) ends at point K; repeatable")
    p.add_argument("--exclude", type=int, nargs="+", action="extend", default=[], metavar="I",
                   help="point I is drawn but not used for limits; repeatable")
    p.add_argument("--multiply", type=float, default=1.0, metavar="M",
                   help="multiply y and lines, e.g. 100 for percent, 1000 per thousand")
    p.add_argument("--no-screen-mr", dest="screen_mr", action="store_false",
                   help="do not screen out large moving ranges (Nelson 1982)")
    p.add_argument("--rules", choices=RULES, default="anhoej", help="special-cause rule profile")
    p.add_argument("--direction", choices=DIRECTIONS, default="neutral",
                   help="direction of improvement")
    p.add_argument("--target", type=float, metavar="V",
                   help="target value (in multiplied units); b chart: the baseline risk P (0-1), "
                        "or a number of baseline cases (> 1) to estimate it from, as qicharts2")
    p.add_argument("--odds-ratio", type=float, metavar="R",
                   help=f"b chart: the change in odds the sums look for (default {DEFAULT_ODDS_RATIO:g})")
    p.add_argument("--limit", type=float, metavar="H",
                   help=f"b chart: the control limit of both sums, drawn at ±H (default {DEFAULT_LIMIT:g})")
    p.add_argument("--cl", type=float, metavar="V",
                   help="centre line given (e.g. a national baseline), in multiplied units, instead of estimated")
    p.add_argument("--limits", type=float, nargs=2, metavar=("LOWER", "UPPER"),
                   help="control limits given, in multiplied units, instead of estimated")
    p.add_argument("--rebase", choices=("auto",),
                   help="run charts: re-base the median after each sustained run (runcharter's rule)")
    p.add_argument("--shift", type=int, metavar="K",
                   help="points in a row on one side that signal a shift (ihi, nhs rules)")
    p.add_argument("--trend", type=int, metavar="K",
                   help="points in a row rising or falling that signal a trend (ihi, nhs rules)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument("--svg", type=Path, metavar="OUT", help="also draw the chart as SVG into OUT")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if chart_type(args.chart).cusum:
        return run_bchart(args)
    if args.odds_ratio is not None or args.limit is not None:
        raise InputError(args.data, "--odds-ratio and --limit are options of the b chart (--chart b)",
                         "for given control limits of other charts use --limits LOWER UPPER")
    if not chart_type(args.chart).spc:
        return run_pareto(args)
    x, y, n = read_columns(args.data, args.x, args.y, args.n)
    if chart_type(args.chart).subgroups and args.x is None:
        raise InputError(args.data, "xbar and s charts need --x to group the rows (raw observations) into subgroups")
    try:
        x, y, n = aggregate(x, y, n, chart=args.chart, same_date=args.same_date)
        result = analyse(y, n, chart=args.chart, x=x if args.x else None, freeze=args.freeze,
                         parts=args.part, exclude=args.exclude, multiply=args.multiply,
                         screen_mr=args.screen_mr, rules=args.rules,
                         direction=args.direction, target=args.target, shift=args.shift,
                         trend=args.trend, centre=args.cl, limits=tuple(args.limits) if args.limits else None,
                         rebase=args.rebase)
    except ValueError as exc:  # the spc package checks its arguments with ValueError; here they came from the user
        raise InputError(args.data, str(exc)) from None
    summary = summarise(result, y, n)
    if args.svg is not None:
        write_svg(args, result, summary)
    if args.json:
        # the C-speed writer: json.dump would take the pure-Python encoder (~6 s for 100,000 points)
        sys.stdout.write(result.to_json({"summary": summary.to_dict()}) + "\n")
    else:
        print_table(result, summary, sys.stdout)
    return 0


def run_pareto(args: argparse.Namespace) -> int:
    """Counts per category, largest first, with the cumulative percentage
    (the same computation as the site's Pareto charts)."""
    if args.x is None:
        raise InputError(args.data, "a Pareto chart needs --x, the category column (and --y, the counts)")
    if args.svg is not None:
        raise InputError(args.data, "--svg draws SPC charts only; the site draws Pareto charts")
    x, y, _ = read_columns(args.data, args.x, args.y, None)
    try:
        result = pareto(x, [None if v != v else v for v in y])
    except ValueError as exc:
        raise InputError(args.data, str(exc)) from None
    doc = {"chart": "pareto", **result.to_dict()}
    if args.json:
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, allow_nan=False) + "\n")
        return 0
    width = max([len(str(c)) for c in result.categories] + [8])
    print(f"pareto chart, {len(result.categories)} categories", file=sys.stdout)
    print(f"{'category'.ljust(width)}  {'count':>8}  {'%':>6}  {'cum. %':>6}", file=sys.stdout)
    for cat, count, pct, cum in zip(result.categories, result.counts, result.percent, result.cumulative_percent):
        print(f"{str(cat).ljust(width)}  {_fmt(float(count)):>8}  {pct:6.1f}  {cum:6.1f}", file=sys.stdout)
    return 0


def run_bchart(args: argparse.Namespace) -> int:
    """The Bernoulli CUSUM chart of a 0/1 column, one row per case in the file's order
    (qisite.spc.bchart, the same computation as the site's b charts)."""
    unused = [flag for flag, given in (("--n", args.n), ("--part", args.part), ("--exclude", args.exclude),
                                       ("--cl", args.cl), ("--limits", args.limits), ("--svg", args.svg),
                                       ("--multiply", args.multiply != 1.0)) if given]
    if unused:
        raise InputError(args.data, f"a b chart does not use {', '.join(unused)}",
                         "its options are --x, --target, --freeze, --odds-ratio and --limit")
    x, y, _ = read_columns(args.data, args.x, args.y, None)
    target: float | None = args.target
    baseline: int | None = args.freeze
    if target is not None and target > 1:                 # qicharts2: a target above 1 counts baseline cases
        if not float(target).is_integer() or baseline is not None:
            raise InputError(args.data, f"--target {target:g}: above 1 it is a number of baseline cases (a whole number), "
                             "and --freeze must not be given too", "give the baseline risk as 0-1, e.g. --target 0.02")
        baseline, target = int(target), None
    try:
        result = bchart(y, x=x if args.x else None, target=target, baseline=baseline,
                        odds_ratio=DEFAULT_ODDS_RATIO if args.odds_ratio is None else args.odds_ratio,
                        limit=DEFAULT_LIMIT if args.limit is None else args.limit)
    except ValueError as exc:
        raise InputError(_bad_case(args.data, y), str(exc), _B_HINT if str(exc).startswith("case ") else "") from None
    if args.json:
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, allow_nan=False) + "\n")
        return 0
    print(f"b chart, {len(result)} cases, {result.events} events; target {result.target:.4g}"
          + (f" (from the first {result.baseline} cases)" if result.baseline else "")
          + f", odds ratio {result.odds_ratio:g}, limit ±{result.limit:g}", file=sys.stdout)
    print(f"{'case':>6}  {'x':<12}  y  {'upper':>7}  {'lower':>7}  signals", file=sys.stdout)
    for point in result.to_dict()["points"]:
        print(f"{point['case']:>6}  {point['x']!s:<12}  {point['y']}  {point['cusum_upper']:7.3f}  "
              f"{point['cusum_lower']:7.3f}  {', '.join(point['signals'])}".rstrip(), file=sys.stdout)
    for name, word in ((UPPER, "upper (a rise)"), (LOWER, "lower (a fall)")):
        cases = result.signal_cases(name)
        print(f"{word}: " + (f"signals at case {', '.join(map(str, cases))}" if cases else "no signal"), file=sys.stdout)
    return 0


_B_HINT = "write 1 when the case had the event and 0 when it did not, one row per case in time order"


def _bad_case(path: Path, y) -> Location | Path:
    """The line of the first value that is not 0 or 1 (the file, when all are)."""
    bad = next((i for i, v in enumerate(y) if v not in (0, 1)), None)
    if bad is None:
        return path
    table = read_table(path, Problems())
    return Location(path, table.rows[bad].line) if table is not None and bad < len(table.rows) else path


def write_svg(args: argparse.Namespace, result, summary) -> None:
    """Draw the chart as the site would, from the analysis just printed."""
    from qisite.analysis import MeasureAnalysis
    from qisite.charts import render
    from qisite.charts.plan import spc_request
    from qisite.model import Measure

    x = _dates_if_all_parse(result.x)
    if x is not result.x:
        result = dataclasses.replace(result, x=x)
    measure = Measure(id="spc", title=f"{args.y} ({args.chart} chart)", type="outcome", definition="", data=str(args.data),
                      x=args.x or "", y=args.y, chart=args.chart, n=args.n, multiply=args.multiply,
                      direction=args.direction, target=args.target)
    analysis = MeasureAnalysis(measure, (), {None: result}, {None: summary}, {}, {})
    args.svg.write_text('<?xml version="1.0" encoding="utf-8"?>\n' + render(spc_request(analysis)), encoding="utf-8")


def _dates_if_all_parse(labels):
    """x labels as dates when every one is an ISO date (so the axis reads as time)."""
    try:
        return tuple(parse_date(str(label)) for label in labels) if labels else labels
    except CellError:
        return labels


# -- reading ------------------------------------------------------------------

def read_columns(path: Path, xcol: str | None, ycol: str, ncol: str | None):
    """x labels (or None), y and n (or None) from the CSV, with located errors.

    A plain file (no quotes, no blank rows, every row complete, plain numbers
    or missing markers) is read column by column; anything else, and every
    error, goes through :func:`read_table` row by row, which locates it."""
    wanted = [c for c in (xcol, ycol, ncol) if c is not None]
    fast = plain_columns(path, wanted)
    if fast is not None:
        y = plain_numbers(fast[ycol])
        n = plain_numbers(fast[ncol]) if ncol else None
        x = [label.strip() for label in fast[xcol]] if xcol else list(range(1, len(fast[ycol]) + 1))
        if y is not None and (ncol is None or n is not None) and all(x):
            return x, y, n
    problems = Problems()
    table = read_table(path, problems)
    if table is None:
        raise InputError.from_problem(problems.errors[0])
    for col in (c for c in (xcol, ycol, ncol) if c is not None):
        if col not in table.columns:
            hint = did_you_mean(col, table.columns)
            raise InputError(Location(path, table.header_line), f"no column {col!r} (columns: {', '.join(table.columns)})"
                            + (f"; {hint}" if hint else ""))
    rows = table.rows
    x = [r.cells[xcol].strip() for r in rows] if xcol else list(range(1, len(rows) + 1))
    y = [_number(r, ycol, table) for r in rows]
    n = [_number(r, ncol, table) for r in rows] if ncol else None
    if xcol:
        for row, label in zip(rows, x):
            if not label:
                raise InputError(Location(path, row.line), f"column {xcol!r} is empty")
    return x, y, n


def _number(row, column: str, table) -> float:
    try:
        value = parse_number(row.cells[column], table.decimal_comma)
    except CellError as exc:
        raise InputError(Location(table.path, row.line), f"column {column!r}: {exc.message}", exc.hint) from None
    return math.nan if value is None else value


# -- plain output ---------------------------------------------------------------

def _fmt(v) -> str:
    if v is None or (isinstance(v, float) and not math.isfinite(v)):
        return "-"
    if isinstance(v, float):
        return f"{v:.4g}"
    return str(v)


def print_table(result, summary, out) -> None:
    kind = chart_type(result.chart)
    has_n = kind.needs_denominator or kind.subgroups or any(
        p.n is not None for p in result.points[:1])
    head = ["#", "x", "y"] + (["n"] if has_n else []) + ["cl", "lcl", "ucl", "part", "signals"]
    rows = []
    for i, p in enumerate(result.points, start=1):
        flags = list(p.signals)
        if not p.included:
            flags.insert(0, "excluded")
        if p.variation and p.special_cause:
            flags.append(p.variation)
        row = [str(i), str(p.x), _fmt(p.y)] + ([_fmt(p.n)] if has_n else [])
        row += [_fmt(p.cl), _fmt(p.lcl), _fmt(p.ucl), str(p.part), ", ".join(flags)]
        rows.append(row)
    widths = [max(len(r[k]) for r in rows + [head]) for k in range(len(head))]
    print(f"{result.chart} chart, rules {result.rules}, {len(result)} points", file=out)
    for r in [head] + rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip(), file=out)
    for p in result.parts:
        runs = ("no useful points" if not p.n_useful else
                f"longest run {p.longest_run} (max {p.longest_run_max}), "
                f"crossings {p.crossings} (min {p.crossings_min})")
        verdict = "SIGNAL" if p.signal else "no signal"
        print(f"part {p.part} (points {p.start}-{p.end}): cl {_fmt(p.cl)}, {runs}, "
              f"runs signal: {'yes' if p.runs_signal else 'no'}; {verdict}", file=out)
    if summary.n_parts > 1 or summary.latest_cl != summary.baseline_cl:
        rel = "" if summary.relative_change is None else f" ({summary.relative_change:+.1%})"
        print(f"baseline cl {_fmt(summary.baseline_cl)} -> latest cl {_fmt(summary.latest_cl)}: "
              f"change {_fmt(summary.change)}{rel}", file=out)
    if result.rules == "nhs":
        print(f"variation: {result.variation or '-'}; assurance: {result.assurance or '-'}", file=out)
    for w in result.warnings:
        print(f"warning: {w}", file=out)
