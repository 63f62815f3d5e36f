"""Chart spec → matplotlib Figure."""
from __future__ import annotations

from matplotlib.figure import Figure

from .draw import spc_figure
from .specs import BChartSpec, ChartSpec, EquitySpec, MultiplesSpec, ParetoSpec, SpcSpec


def figure(spec: ChartSpec) -> Figure:
    if isinstance(spec, SpcSpec):
        return spc_figure(spec)
    if isinstance(spec, EquitySpec):
        from .equity import equity_figure
        return equity_figure(spec)
    if isinstance(spec, MultiplesSpec):
        if len(spec.panels) == 1:
            return spc_figure(SpcSpec(chart=spec.chart, axis=spec.axis, value_format=spec.value_format,
                                      ylabel=spec.ylabel, target=spec.target, series=spec.panels[0].series,
                                      zero=spec.zero))
        from .multiples import multiples_figure
        return multiples_figure(spec)
    if isinstance(spec, ParetoSpec):
        from .pareto import pareto_figure
        return pareto_figure(spec)
    if isinstance(spec, BChartSpec):
        from .bchart import bchart_figure
        return bchart_figure(spec)
    raise ValueError(f"unknown chart spec {type(spec).__name__}")
