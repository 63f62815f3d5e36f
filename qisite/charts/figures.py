"""Spec type → matplotlib Figure."""
from __future__ import annotations

from .draw import spc_figure


def figure(spec: dict):
    kind = spec["type"]
    if kind == "spc":
        return spc_figure(spec)
    if kind == "equity":
        from .equity import equity_figure
        return equity_figure(spec)
    if kind == "multiples":
        if len(spec["panels"]) == 1:
            return spc_figure({**spec, "type": "spc", "series": spec["panels"][0]["series"]})
        from .multiples import multiples_figure
        return multiples_figure(spec)
    if kind == "pareto":
        from .pareto import pareto_figure
        return pareto_figure(spec)
    raise ValueError(f"unknown chart spec type {kind!r}")
