"""Run-chart median re-basing after a sustained shift (``rebase="auto"``),
runcharter's rule (J. Mackintosh, R package runcharter, R/runcharter.R and
R/utilities.R ``runcharter_facet``):

1. the first median is that of the first ``med_rows`` points (runcharter's
   default 13; qisite uses the measure's freeze when there is one);
2. after them, points equal to the current median are set aside, and the first
   ``runlength`` consecutive remaining points on the chosen side of the median
   (default 9) make a sustained run;
3. the new median is the median of that run's points; the search goes on from
   the point after the run, against the new median.

Pure computation: returns where each new median starts and how many points
it rests on.
"""
from __future__ import annotations

import numpy as np

MED_ROWS = 13   # runcharter: points behind the first median
RUNLENGTH = 9   # runcharter: a sustained run


def sustained_runs(y: np.ndarray, med_rows: int = MED_ROWS, runlength: int = RUNLENGTH,
                   side: int = 0) -> list[list[int]]:
    """The 0-based indices of the points of each sustained run (points on the
    median set aside). ``side``: +1 runs above the median only, −1 below
    only, 0 either."""
    y = np.asarray(y, dtype=float)
    finite = np.flatnonzero(np.isfinite(y[:med_rows]))
    if finite.size == 0:
        return []
    base = float(np.median(y[:med_rows][finite]))
    runs: list[list[int]] = []
    i = med_rows
    while i < y.size:
        idx = np.flatnonzero(np.isfinite(y[i:]) & (y[i:] != base)) + i
        signs = np.sign(y[idx] - base)
        found = None
        count = 0
        for p in range(idx.size):
            count = count + 1 if p and signs[p] == signs[p - 1] else 1
            if count >= runlength and (side == 0 or signs[p] == side):
                found = p
                break
        if found is None:
            break
        run = idx[found - runlength + 1:found + 1]
        runs.append(run.tolist())
        base = float(np.median(y[run]))
        i = int(run[-1]) + 1
    return runs
