"""Runs analysis: Anhøj's rules (longest run, crossings) and the IHI run-chart
rules (shift, trend, number of runs), vectorised with numpy.

Inputs are the values of one part with excluded and missing points already
removed, in time order.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np


def run_lengths(labels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Lengths of runs of equal consecutive labels, and each element's run id."""
    if not labels.size:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    change = np.empty(labels.size, dtype=bool)
    change[0] = True
    np.not_equal(labels[1:], labels[:-1], out=change[1:])
    run_id = np.cumsum(change) - 1
    return np.bincount(run_id), run_id


def longest_run_max(n_useful: int) -> int:
    """Anhøj: upper limit of the longest run, round(log2(n)) + 3 (Schilling 2012)."""
    return int(np.round(np.log2(n_useful))) + 3


@lru_cache(maxsize=512)
def crossings_min(n_useful: int, alpha: float = 0.05) -> int:
    """Anhøj: lower limit of crossings, qbinom(alpha, n − 1, 0.5) (Chen 2010)."""
    m = n_useful - 1
    if m <= 0:
        return 0
    k = np.arange(1, m + 1, dtype=float)
    logpmf = np.concatenate(([0.0], np.cumsum(np.log((m - k + 1) / k)))) + m * np.log(0.5)
    cdf = np.cumsum(np.exp(logpmf))
    # R's qbinom: smallest x with P(X <= x) >= p, with a tiny fuzz.
    return int(np.searchsorted(cdf, alpha * (1 - 64 * np.finfo(float).eps), side="left"))


@dataclass(frozen=True)
class Runs:
    n_useful: int
    longest_run: int | None
    longest_run_max: int | None
    crossings: int | None
    crossings_min: int | None
    runs_signal: bool
    long_run_mask: np.ndarray  # over the input points: in a run longer than the limit
    n_runs: int | None = None


def anhoej(y: np.ndarray, cl: np.ndarray) -> Runs:
    """Anhøj runs analysis against the centre line; points on it are ignored."""
    side = np.sign(y - cl)
    useful = np.flatnonzero(side != 0)
    mask = np.zeros(y.size, dtype=bool)
    if not useful.size:
        return Runs(0, None, None, None, None, False, mask)
    lengths, run_id = run_lengths(side[useful])
    n = int(useful.size)
    longest, lmax = int(lengths.max()), longest_run_max(n)
    crossings, cmin = int(lengths.size - 1), crossings_min(n)
    mask[useful] = lengths[run_id] > lmax
    return Runs(n, longest, lmax, crossings, cmin,
                bool(longest > lmax or crossings < cmin), mask, int(lengths.size))


def shift_mask(y: np.ndarray, cl: np.ndarray, min_len: int, on_cl: str) -> np.ndarray:
    """Points in a run of ≥ ``min_len`` on one side of the centre line.

    ``on_cl="skip"``: points on the line neither add to nor break a run (IHI run
    charts, Anhøj); ``"break"``: a point on the line ends the run (control-chart
    rule sets, DOMAIN §3).
    """
    side = np.sign(y - cl)
    mask = np.zeros(y.size, dtype=bool)
    if on_cl == "skip":
        idx = np.flatnonzero(side != 0)
        lengths, run_id = run_lengths(side[idx])
        if idx.size:
            mask[idx] = lengths[run_id] >= min_len
        return mask
    lengths, run_id = run_lengths(side)
    if y.size:
        mask = (lengths[run_id] >= min_len) & (side != 0)
    return mask


def trend_mask(y: np.ndarray, min_len: int, ties: str) -> np.ndarray:
    """Points in ≥ ``min_len`` consecutive strictly rising or falling values.

    ``ties="break"``: an equal neighbour ends the trend (control charts);
    ``"skip"``: repeated values are ignored when counting (IHI run charts).
    """
    mask = np.zeros(y.size, dtype=bool)
    idx = np.arange(y.size)
    if ties == "skip" and y.size:
        keep = np.concatenate(([True], np.diff(y) != 0))
        idx, y = idx[keep], y[keep]
    if y.size < 2:
        return mask
    step = np.sign(np.diff(y))
    lengths, run_id = run_lengths(step)
    hit = (lengths[run_id] >= min_len - 1) & (step != 0)  # per step i -> points i, i+1
    sel = np.flatnonzero(hit)
    mask[idx[sel]] = True
    mask[idx[sel + 1]] = True
    return mask


def trend_direction(y: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """+1 for points in a rising trend, −1 falling (given the trend mask)."""
    out = np.zeros(y.size, dtype=np.int8)
    if y.size < 2:
        return out
    step = np.sign(np.diff(y))
    fwd = np.concatenate((step, [0]))
    back = np.concatenate(([0], step))
    d = np.where(fwd != 0, fwd, back)
    out[mask] = d[mask]
    return out


def _runs_pmf(n1: int, n2: int) -> np.ndarray:
    """Exact distribution of the number of runs for n1, n2 elements (Swed & Eisenhart 1943)."""
    from math import comb
    top = n1 + n2
    total = comb(top, n1)
    pmf = np.zeros(top + 1)
    for r in range(2, top + 1):
        k = r // 2
        if r % 2 == 0:
            ways = 2 * comb(n1 - 1, k - 1) * comb(n2 - 1, k - 1)
        else:
            ways = (comb(n1 - 1, k - 1) * comb(n2 - 1, k) +
                    comb(n1 - 1, k) * comb(n2 - 1, k - 1))
        pmf[r] = ways / total
    return pmf


@lru_cache(maxsize=256)
def runs_limits(n_useful: int, alpha: float = 0.05) -> tuple[int, int]:
    """Limits for 'too few or too many runs' (IHI / Perla, Provost & Murray 2011).

    Signal if the number of runs is < lower or > upper. Computed from the exact
    Swed–Eisenhart distribution with the useful points split in half, alpha/2 in
    each tail; normal approximation above 200 points.
    """
    if n_useful < 2:
        return 0, n_useful
    n1 = n_useful // 2
    n2 = n_useful - n1
    if n_useful <= 200:
        pmf = _runs_pmf(n1, n2)
        cdf = np.cumsum(pmf)
        lower = int(np.searchsorted(cdf, alpha / 2, side="right"))  # P(R < lower) <= a/2
        sf = np.cumsum(pmf[::-1])[::-1]  # P(R >= r)
        upper_candidates = np.flatnonzero(sf <= alpha / 2)
        upper = int(upper_candidates[0] - 1) if upper_candidates.size else n_useful
        return lower, upper
    mu = 2 * n1 * n2 / n_useful + 1
    var = 2 * n1 * n2 * (2 * n1 * n2 - n_useful) / (n_useful ** 2 * (n_useful - 1))
    half = 1.959964 * np.sqrt(var)
    return int(np.ceil(mu - half)), int(np.floor(mu + half))
