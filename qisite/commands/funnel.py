"""``qisite funnel DATA.csv``: units (teams, practices, wards) on one measure against
the pooled target, with 95% and 99.8% funnel limits at each unit's denominator, as
PHEindicatormethods computes them (Spiegelhalter 2005; contract in docs/equity.md).

Rows sharing a unit are summed. Counts may be fractional (modelled counts).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from qisite.commands.equity import fmt, print_rows, read_columns, value_format
from qisite.equity import funnel, interval_charts
from qisite.problems import InputError
from qisite.spc.chart_types import PROPORTION, chart_type


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "funnel", help="funnel plot limits comparing units from a CSV file (table or --json)",
        description="Compare units on one measure with the pooled target: funnel limits at 95%% and 99.8%% "
                    "(Wilson-based for proportions, exact/Byar Poisson for rates), as PHEindicatormethods.")
    p.add_argument("data", type=Path, metavar="DATA.csv", help="CSV file with a header row")
    p.add_argument("--unit", required=True, metavar="COL", help="unit column (team, practice, ward)")
    p.add_argument("--y", required=True, metavar="COL", help="count column (fractional modelled counts allowed)")
    p.add_argument("--n", required=True, metavar="COL", help="denominator column")
    p.add_argument("--chart", required=True, choices=interval_charts(), metavar="TYPE",
                   help=f"{' or '.join(interval_charts())}: proportions or rates")
    p.add_argument("--multiply", type=float, default=1.0, metavar="M",
                   help="multiply values and limits, e.g. 100 for percent")
    p.add_argument("--overdispersion", action="store_true",
                   help="widen the limits by Laney's sigma-z (as qicharts2's p' and u' charts) when every unit looks special")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument("--svg", type=Path, metavar="OUT", help="also draw the funnel plot as SVG into OUT")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    text, numbers = read_columns(args.data, (args.unit,), (args.y, args.n),
                                 proportion=chart_type(args.chart).family == PROPORTION)
    sums: dict[str, list[float]] = {}
    for unit, y, n in zip(text[args.unit], numbers[args.y], numbers[args.n]):
        cell = sums.setdefault(unit, [0.0, 0.0])
        cell[0] += y
        cell[1] += n
    try:
        result = funnel(list(sums), [c[0] for c in sums.values()], [c[1] for c in sums.values()],
                        chart=args.chart, multiply=args.multiply, overdispersion=args.overdispersion)
    except ValueError as exc:
        raise InputError(args.data, str(exc)) from None
    if args.svg is not None:
        from qisite.charts.funnel import funnel_svg
        svg = funnel_svg(result, value_format(args.chart, args.multiply), title=f"{args.y} per {args.n} by {args.unit}",
                         ylabel=args.y, prefix="qisite-funnel", xlabel=args.n)
        args.svg.write_text('<?xml version="1.0" encoding="utf-8"?>\n' + svg, encoding="utf-8")
    if args.json:
        json.dump(result.to_dict(), sys.stdout, allow_nan=False, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    adjusted = "" if result.sigma_z is None else f", Laney-adjusted (sigma-z {result.sigma_z:.3g})"
    print(f"{result.chart}: target {fmt(result.target)}, {len(result.units)} units{adjusted}", file=sys.stdout)
    rows = [[u.unit, fmt(u.y, 6), fmt(u.n, 6), fmt(u.value), f"{fmt(u.lower95)} to {fmt(u.upper95)}",
             f"{fmt(u.lower998)} to {fmt(u.upper998)}",
             _outside(u)] for u in result.units]
    print_rows(["unit", "y", "n", "value", "95% limits", "99.8% limits", ""], rows, sys.stdout)
    return 0


def _outside(u) -> str:
    side = "above" if u.value > u.upper95 else "below"
    return f"{side} 99.8%" if u.outside998 else f"{side} 95%" if u.outside95 else ""
