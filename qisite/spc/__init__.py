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
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .aggregation import aggregate
    from .chart_types import CHART_TYPES, ChartType, chart_type
    from .engine import CHARTS, DIRECTIONS, analyse, check_chart
    from .pareto_analysis import ParetoResult, pareto
    from .result import SpcPart, SpcPoint, SpcResult
    from .rules import PROFILES as RULES
    from .summary import GapResult, Summary, gap_analysis, summarise

# Each name of the public API → (its module, its name there): loaded when first asked for (PEP 562), so that
# importing one light module of the package (chart_types, choices) loads neither numpy nor the engine.
_FROM = {
    "aggregate": ("aggregation", "aggregate"),
    "CHART_TYPES": ("chart_types", "CHART_TYPES"), "ChartType": ("chart_types", "ChartType"),
    "chart_type": ("chart_types", "chart_type"),
    "CHARTS": ("engine", "CHARTS"), "DIRECTIONS": ("engine", "DIRECTIONS"), "analyse": ("engine", "analyse"),
    "check_chart": ("engine", "check_chart"),
    "ParetoResult": ("pareto_analysis", "ParetoResult"), "pareto": ("pareto_analysis", "pareto"),
    "SpcPart": ("result", "SpcPart"), "SpcPoint": ("result", "SpcPoint"), "SpcResult": ("result", "SpcResult"),
    "RULES": ("rules", "PROFILES"),
    "GapResult": ("summary", "GapResult"), "Summary": ("summary", "Summary"),
    "gap_analysis": ("summary", "gap_analysis"), "summarise": ("summary", "summarise"),
}


def __getattr__(name: str) -> Any:
    if name not in _FROM:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    loaded = import_module(f".{_FROM[name][0]}", __name__)
    for public, (module, attribute) in _FROM.items():   # every name from that module, asked once
        if loaded.__name__ == f"{__name__}.{module}":
            globals()[public] = getattr(loaded, attribute)
    return globals()[name]


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
