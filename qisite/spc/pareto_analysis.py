"""Pareto analysis: categories sorted by count with a cumulative percentage."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, eq=False)
class ParetoResult:
    categories: tuple[str, ...]   # largest count first; ties keep first appearance
    counts: np.ndarray
    percent: np.ndarray           # share of the total, 0–100
    cumulative_percent: np.ndarray

    def to_dict(self) -> dict:
        return {"categories": list(self.categories), "counts": self.counts.tolist(),
                "percent": self.percent.tolist(),
                "cumulative_percent": self.cumulative_percent.tolist()}


def pareto(categories: Sequence, counts: Sequence | None = None) -> ParetoResult:
    """Sum counts per category (each row counts 1 when ``counts`` is None) and
    sort them, largest first. Missing counts are skipped."""
    if counts is not None and len(counts) != len(categories):
        raise ValueError("categories and counts must have the same length")
    totals: dict = {}
    for i, cat in enumerate(categories):
        v = 1.0 if counts is None else counts[i]
        if v is None or v != v:
            continue
        if v < 0:
            raise ValueError(f"Pareto counts cannot be negative ({cat!r}: {v})")
        totals[cat] = totals.get(cat, 0.0) + float(v)
    order = sorted(totals, key=lambda c: -totals[c])  # stable: ties keep first appearance
    c = np.array([totals[k] for k in order], dtype=float)
    total = c.sum()
    pct = c / total * 100 if total > 0 else np.zeros_like(c)
    return ParetoResult(tuple(order), c, pct, np.cumsum(pct))
