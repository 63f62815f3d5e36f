"""Rows → subgroups: rows that share an x value become one plotted point.

Counts and denominators are summed (or averaged: ``same_date="mean"``); for xbar/s charts the rows are the raw
observations of each subgroup. Subgroups keep the order in which their x
first appears.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .chart_types import BY_NAME
from .choices import SAME_DATE


def aggregate(x: Sequence, y: Sequence, n: Sequence | None = None, *,
              chart: str = "run", same_date: str = "sum") -> tuple[list, list, list | None]:
    """Group rows by x. Returns (x labels, y, n) ready for :func:`analyse`.

    For xbar/s ``y`` comes back as a list of subgroups (lists of raw values)
    and ``n`` as None. Otherwise y and n are sums per x — or means, with
    ``same_date="mean"`` (missing values skipped; for p/u charts the ratio of
    the means equals the ratio of the sums); a group whose values are all
    missing stays missing.
    """
    if len(x) != len(y) or (n is not None and len(n) != len(y)):
        raise ValueError("x, y and n must have the same length")
    if same_date not in SAME_DATE:
        raise ValueError(f"same_date must be one of {', '.join(SAME_DATE)}, not {same_date!r}")
    yv = np.array(y, dtype=float)          # None becomes NaN
    is_subgroups = chart in BY_NAME and BY_NAME[chart].subgroups
    if not is_subgroups and len(set(x)) == len(x):   # one row per x: nothing to group
        return list(x), yv.tolist(), None if n is None else np.array(n, dtype=float).tolist()
    order: dict = {}
    for i, key in enumerate(x):
        order.setdefault(key, []).append(i)
    labels = list(order)
    if is_subgroups:
        groups = [[v for v in yv[rows].tolist() if v == v] for rows in order.values()]
        return labels, groups, None
    nv = None if n is None else np.array(n, dtype=float)
    combine = np.nanmean if same_date == "mean" else np.nansum
    ys, ns = [], []
    for rows in order.values():
        vals = yv[rows]
        ys.append(float(combine(vals)) if np.isfinite(vals).any() else float("nan"))
        if nv is not None:
            dens = nv[rows]
            ns.append(float(combine(dens)) if np.isfinite(dens).any() else float("nan"))
    return labels, ys, ns if nv is not None else None
