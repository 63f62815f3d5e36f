"""SPC engine of qisite: pure computation (numpy), no I/O, no plotting.

Public API::

    analyse(y, n=None, *, chart="run", x=None, freeze=None, parts=None,
            exclude=(), multiply=1.0, screen_mr=True, rules="anhoej",
            direction="neutral", target=None) -> SpcResult
    summarise(result, y=None, n=None) -> Summary
    gap_analysis(series_by_group, reference, *, chart="i", **options)
        -> dict[str, GapResult]
    aggregate(x, y, n=None, *, chart="run") -> (x, y, n)
    pareto(categories, counts=None) -> ParetoResult

The chart types and what qisite knows of each (family, denominator, unit,
percent, centre line, rules) are declared once in :mod:`qisite.spc.chart_types`.

See docs/spc.md for formulas, rule profiles and the JSON contract.
"""
from .aggregate import aggregate
from .chart_types import CHART_TYPES, ChartType, chart_type
from .engine import CHARTS, DIRECTIONS, analyse, check_chart
from .pareto import ParetoResult, pareto
from .result import SpcPart, SpcPoint, SpcResult
from .rules import PROFILES as RULES
from .summary import GapResult, Summary, gap_analysis, summarise

__all__ = [
    "CHARTS",
    "CHART_TYPES",
    "DIRECTIONS",
    "RULES",
    "ChartType",
    "GapResult",
    "ParetoResult",
    "SpcPart",
    "SpcPoint",
    "SpcResult",
    "Summary",
    "aggregate",
    "analyse",
    "chart_type",
    "check_chart",
    "gap_analysis",
    "pareto",
    "summarise",
]
