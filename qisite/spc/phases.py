"""Parts (phases), baseline freeze and excluded points.

All indices the user gives are 1-based positions of the plotted points, as in
qicharts2: ``parts=[24]`` means points 1–24 form part 1 and 25… part 2;
``freeze=20`` means points 1–20 are the baseline; ``exclude=[15, 23]`` means
those points are drawn but not used for centre line and limits.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Layout:
    part: np.ndarray      # int, 1-based part number of each point
    baseline: np.ndarray  # bool, point lies in its part's baseline period
    included: np.ndarray  # bool, point is not excluded
    starts: np.ndarray    # int, 0-based start index of each part
    ends: np.ndarray      # int, 0-based exclusive end index of each part


def _as_positions(values, name: str, size: int) -> list[int]:
    out = []
    for v in values:
        if isinstance(v, bool) or int(v) != v:
            raise ValueError(f"{name}: {v!r} is not a whole point number (1-based)")
        v = int(v)
        if v < 1 or v > size:
            raise ValueError(f"{name}: point {v} is outside 1..{size} "
                             f"(the chart has {size} points)")
        out.append(v)
    return out


def layout(size: int, freeze: int | None = None,
           parts: Iterable[int] | None = None,
           exclude: Iterable[int] = ()) -> Layout:
    """Work out part, baseline and include flags for ``size`` points.

    A part that lies wholly after the freeze point uses all its points as its
    own baseline (so recalculated phases still get limits).
    """
    ends = sorted(set(_as_positions(parts or (), "parts", size)))
    ends = [e for e in ends if e < size] + [size]
    starts = [0] + ends[:-1]
    part = np.empty(size, dtype=np.int64)
    for k, (a, b) in enumerate(zip(starts, ends), start=1):
        part[a:b] = k
    included = np.ones(size, dtype=bool)
    ex = _as_positions(exclude or (), "exclude", size)
    if ex:
        included[np.asarray(ex) - 1] = False
    if freeze is None:
        baseline = np.ones(size, dtype=bool)
    else:
        if isinstance(freeze, bool) or int(freeze) != freeze or freeze < 1:
            raise ValueError(f"freeze: {freeze!r} must be a whole number of points ≥ 1")
        baseline = np.arange(1, size + 1) <= int(freeze)
        for a, b in zip(starts, ends):
            if not baseline[a:b].any():
                baseline[a:b] = True
    return Layout(part, baseline, included,
                  np.asarray(starts, dtype=np.int64), np.asarray(ends, dtype=np.int64))
