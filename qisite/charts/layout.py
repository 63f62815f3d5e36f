"""Label placement without overlap (pure computation, tested on positions).

``spread`` moves labels along one axis as little as possible (least squares)
so that neighbours are at least ``gap`` apart, inside ``[lo, hi]``: isotonic
regression by pool-adjacent-violators on x_i − i·gap. When they cannot fit
in one row, ``lanes`` deals them into several rows, each spread on its own.
"""
from __future__ import annotations

import math


def _isotonic(targets: list[float]) -> list[float]:
    """Non-decreasing sequence closest (least squares) to ``targets`` (PAVA)."""
    blocks: list[list[float]] = []              # [sum, count]
    for t in targets:
        blocks.append([t, 1])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            s, c = blocks.pop()
            blocks[-1][0] += s
            blocks[-1][1] += c
    out: list[float] = []
    for s, c in blocks:
        out.extend([s / c] * int(c))
    return out


def spread(xs: list[float], gap: float, lo: float = -math.inf, hi: float = math.inf) -> list[float]:
    """Positions for labels wanted at ``xs`` (any order), ≥ ``gap`` apart, in [lo, hi].

    Returned in the order of ``xs``. If [lo, hi] is too short for all of them
    the bounds give way (use :func:`lanes` first).
    """
    if not xs:
        return []
    order = sorted(range(len(xs)), key=lambda i: (xs[i], i))
    n = len(order)
    q = _isotonic([xs[i] - k * gap for k, i in enumerate(order)])
    top = hi - (n - 1) * gap
    if top >= lo:
        q = [min(max(v, lo), top) for v in q]
    out = [0.0] * n
    for k, i in enumerate(order):
        out[i] = q[k] + k * gap
    return out


def lanes(xs: list[float], gap: float, lo: float, hi: float, max_lanes: int = 3) -> list[tuple[float, int]]:
    """(position, lane) for each label: as many lanes as needed (up to
    ``max_lanes``) so each lane's labels fit, dealt in x order."""
    if not xs:
        return []
    room = max(hi - lo, gap)
    n = len(xs)
    k = min(max_lanes, max(1, math.ceil((n - 1) * gap / room + 1e-9) if n > 1 else 1))
    # a second lane also helps when a cluster would be pushed far from its dates
    order = sorted(range(n), key=lambda i: (xs[i], i))
    if k == 1:
        first = spread(xs, gap, lo, hi)
        if max(abs(a - b) for a, b in zip(first, xs)) > 2.5 * gap and n > 1 and max_lanes > 1:
            k = 2
        else:
            return [(p, 0) for p in first]
    out: list[tuple[float, int]] = [(0.0, 0)] * n
    for lane in range(k):
        members = [i for rank, i in enumerate(order) if rank % k == lane]
        placed = spread([xs[i] for i in members], gap, lo, hi)
        for i, p in zip(members, placed):
            out[i] = (p, lane)
    return out
