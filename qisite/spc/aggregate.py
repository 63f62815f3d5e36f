"""Rows → subgroups: rows that share an x value become one plotted point.

Counts and denominators are summed; for xbar/s charts the rows are the raw
observations of each subgroup. Subgroups keep the order in which their x
first appears.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .chart_types import BY_NAME


def _float(v) -> float:
    return float("nan") if v is None else float(v)


def aggregate(x: Sequence, y: Sequence, n: Sequence | None = None, *,
              chart: str = "run") -> tuple[list, list, list | None]:
    """Group rows by x. Returns (x labels, y, n) ready for :func:`analyse`.

    For xbar/s ``y`` comes back as a list of subgroups (lists of raw values)
    and ``n`` as None. Otherwise y and n are sums per x; a group whose values
    are all missing stays missing.
    """
    if len(x) != len(y) or (n is not None and len(n) != len(y)):
        raise ValueError("x, y and n must have the same length")
    order: dict = {}
    for i, key in enumerate(x):
        order.setdefault(key, []).append(i)
    labels = list(order)
    yv = np.array([_float(v) for v in y], dtype=float)
    if chart in BY_NAME and BY_NAME[chart].subgroups:
        groups = [[v for v in yv[rows].tolist() if v == v] for rows in order.values()]
        return labels, groups, None
    nv = None if n is None else np.array([_float(v) for v in n], dtype=float)
    if all(len(rows) == 1 for rows in order.values()):
        return labels, yv.tolist(), None if nv is None else nv.tolist()
    ys, ns = [], []
    for rows in order.values():
        vals = yv[rows]
        ys.append(float(np.nansum(vals)) if np.isfinite(vals).any() else float("nan"))
        if nv is not None:
            dens = nv[rows]
            ns.append(float(np.nansum(dens)) if np.isfinite(dens).any() else float("nan"))
    return labels, ys, ns if nv is not None else None
