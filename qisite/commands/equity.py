"""``qisite equity DATA.csv``: each group's value with its 95% interval, its gap to
the reference group, the people behind the gap and, for ordered groups, the SII
and RII — period by period, as a table or JSON (contract in docs/equity.md).

Counts may be fractional (modelled counts, as public-health data sets carry them).
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

from qisite.equity import analyse_equity, interval_charts
from qisite.load.tables import read_table
from qisite.load.values import parse_number
from qisite.model import combined_group
from qisite.numbers import ValueFormat
from qisite.problems import CellError, InputError, Location, Problems, did_you_mean
from qisite.spc.chart_types import PROPORTION, chart_type


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "equity", help="equity statistics of a stratified measure from a CSV file (table or --json)",
        description="Per period: each group's value with its 95%% confidence interval (Wilson; exact or Byar's "
                    "for rates), its gap to the reference group and the people behind it, and with --order the "
                    "Slope and Relative Index of Inequality, as PHEindicatormethods computes them.")
    p.add_argument("data", type=Path, metavar="DATA.csv", help="CSV file with a header row")
    p.add_argument("--x", required=True, metavar="COL", help="period column")
    p.add_argument("--y", required=True, metavar="COL", help="count column (fractional modelled counts allowed)")
    p.add_argument("--n", required=True, metavar="COL", help="denominator column")
    p.add_argument("--group", required=True, metavar="COL[,COL]",
                   help="group column, or two columns (COL1,COL2) to compare each combination of two factors")
    p.add_argument("--reference", required=True, metavar="G[,G]",
                   help="the reference group (with two group columns, one value of each: G1,G2)")
    p.add_argument("--order", metavar="G1,G2,…", type=_names,
                   help="groups in order, most deprived first (5 to 100 groups): adds the SII and RII")
    p.add_argument("--chart", choices=interval_charts(), default=chart_type_default(), metavar="TYPE",
                   help=f"{' or '.join(interval_charts())}: proportions (Wilson) or rates (exact/Byar)")
    p.add_argument("--multiply", type=float, default=1.0, metavar="M",
                   help="multiply values, e.g. 100 for percent, 1000 per thousand")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument("--svg", type=Path, metavar="OUT", help="with --order, also draw the SII over time as SVG into OUT")
    p.set_defaults(func=run)


def chart_type_default() -> str:
    return next(name for name in interval_charts() if chart_type(name).family == PROPORTION)


def _names(text: str) -> list[str]:
    names = [part.strip() for part in text.split(",")]
    if any(not name for name in names):
        raise argparse.ArgumentTypeError("--order is a comma-separated list of group names")
    return names


def _groups(args: argparse.Namespace) -> tuple[tuple[str, ...], str]:
    """The group column(s) and the reference group's name (two factors: a combination, named as on the site)."""
    columns = tuple(part.strip() for part in args.group.split(","))
    if len(columns) == 1:
        return columns, args.reference
    if len(columns) != 2 or not all(columns):
        raise InputError(args.data, f"--group names {len(columns)} columns: one column, or two (COL1,COL2)")
    if args.order is not None:
        raise InputError(args.data, "--order (the SII) needs one ordered factor, not two group columns")
    values = [part.strip() for part in args.reference.split(",")]
    if len(values) != 2:
        raise InputError(args.data, "with two group columns, --reference is one value of each: G1,G2",
                         f"e.g. --reference 'White British,English' for --group {args.group}")
    return columns, combined_group(values)


def run(args: argparse.Namespace) -> int:
    columns, reference = _groups(args)
    text, numbers = read_columns(args.data, (args.x, *columns), (args.y, args.n),
                                 proportion=chart_type(args.chart).family == PROPORTION)
    groups = [combined_group(values) for values in zip(*(text[c] for c in columns))]
    try:
        result = analyse_equity(text[args.x], groups, numbers[args.y], numbers[args.n], chart=args.chart,
                                reference=reference, order=args.order, multiply=args.multiply)
    except ValueError as exc:  # the equity package checks its arguments with ValueError; here they came from the user
        raise InputError(args.data, str(exc)) from None
    if args.svg is not None:
        if result.ordered is None:
            raise InputError(args.data, "--svg draws the SII over time: give the groups' order with --order")
        from qisite.charts.sii import sii_svg
        svg = sii_svg(result, value_format(args.chart, args.multiply, percent_points=True),
                      title=f"Slope Index of Inequality of {args.y} per {args.n}", ylabel="SII", prefix="qisite-sii")
        args.svg.write_text('<?xml version="1.0" encoding="utf-8"?>\n' + svg, encoding="utf-8")
    if args.json:
        json.dump(result.to_dict(), sys.stdout, allow_nan=False, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print_table(result, sys.stdout)
    return 0


def value_format(chart: str, multiply: float, percent_points: bool = False) -> ValueFormat:
    """How the command's values read on a chart: a percentage for proportions × 100
    (an SII or a gap of percentages is in points, so no % sign), otherwise plain."""
    percent = chart_type(chart).family == PROPORTION and multiply == 100 and not percent_points
    return ValueFormat(percent=percent, decimals=1)


# -- reading ------------------------------------------------------------------

def read_columns(path: Path, text_columns, number_columns, *, proportion: bool):
    """The named columns of the CSV (text, and counts/denominators as floats), with located errors.

    ``number_columns`` is (count, denominator): counts must be >= 0, denominators > 0,
    and for proportions a count may not exceed its denominator."""
    problems = Problems()
    table = read_table(path, problems)
    if table is None:
        raise InputError.from_problem(problems.errors[0])
    for col in (*text_columns, *number_columns):
        if col not in table.columns:
            hint = did_you_mean(col, table.columns)
            raise InputError(Location(path, table.header_line), f"no column {col!r} (columns: {', '.join(table.columns)})"
                             + (f"; {hint}" if hint else ""))
    if not table.rows:
        raise InputError(Location(path, table.header_line), "the file has no data rows")
    text: dict[str, list[str]] = {col: [] for col in text_columns}
    numbers: dict[str, list[float]] = {col: [] for col in number_columns}
    count_col, den_col = number_columns
    for row in table.rows:
        for col in text_columns:
            label = row.cells[col].strip()
            if not label:
                raise InputError(Location(path, row.line), f"column {col!r} is empty")
            text[col].append(label)
        count, den = (_number(row, col, table) for col in number_columns)
        if count < 0:
            raise InputError(Location(path, row.line), f"column {count_col!r}: a count cannot be negative ({count:g})")
        if den <= 0:
            raise InputError(Location(path, row.line), f"column {den_col!r}: a denominator must be greater than zero ({den:g})")
        if proportion and count > den:
            raise InputError(Location(path, row.line), f"column {count_col!r}: {count:g} is more than its denominator {den:g}",
                             "a proportion's count cannot exceed its denominator; for a rate use --chart "
                             + next(n for n in interval_charts() if chart_type(n).family != PROPORTION))
        numbers[count_col].append(count)
        numbers[den_col].append(den)
    return text, numbers


def _number(row, column: str, table) -> float:
    try:
        value = parse_number(row.cells[column], table.decimal_comma)
    except CellError as exc:
        raise InputError(Location(table.path, row.line), f"column {column!r}: {exc.message}", exc.hint) from None
    if value is None:
        raise InputError(Location(table.path, row.line), f"column {column!r} is empty")
    return value


# -- plain output ---------------------------------------------------------------

def fmt(v, digits: int = 4) -> str:
    if v is None or (isinstance(v, float) and not math.isfinite(v)):
        return "-"
    if isinstance(v, float):
        return f"{v:.{digits}g}"
    return str(v)


def print_rows(head: list[str], rows: list[list[str]], out) -> None:
    widths = [max(len(r[k]) for r in [*rows, head]) for k in range(len(head))]
    for r in [head, *rows]:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip(), file=out)


def print_table(result, out) -> None:
    ordered = f", ordered {', '.join(result.ordered)}" if result.ordered else ""
    print(f"{result.chart}: reference group {result.reference}{ordered}, {len(result.periods)} periods", file=out)
    for period in result.periods:
        print(f"\n{period.x}", file=out)
        gaps = {g.group: g for g in period.gaps}
        rows = []
        for g in period.groups:
            gp = gaps.get(g.group)
            rows.append([g.group, fmt(g.y, 6), fmt(g.n, 6), fmt(g.value), f"{fmt(g.lower95)} to {fmt(g.upper95)}",
                         "reference" if g.group == result.reference else fmt(gp and gp.absolute),
                         "" if gp is None else fmt(gp.relative, 3),
                         "" if gp is None or gp.people is None else f"{gp.people:.0f}"])
        print_rows(["group", "y", "n", "value", "95% CI", "gap", "ratio", "people behind gap"], rows, out)
        if period.sii is not None:
            s = period.sii
            print(f"SII {fmt(s.sii)} (95% CI {fmt(s.sii_lower)} to {fmt(s.sii_upper)}); "
                  f"RII {fmt(s.rii)} (95% CI {fmt(s.rii_lower)} to {fmt(s.rii_upper)})", file=out)
        elif result.ordered:
            print("SII: not computed (an ordered group has no value this period)", file=out)
