"""Centre line and control limits, one function per chart type.

Each function receives the data of ONE part and a boolean mask ``use`` of the
points that may be used for the centre line and limits (baseline and not
excluded; missing values are skipped inside). It returns a :class:`Lines`
holding per-point arrays. ``z`` is each point's distance from the centre line
in sigma units (on the transformed scale for t charts), which the zone rules
(2 of 3 beyond 2σ, 15 within 1σ) read. ``lcl95``/``ucl95`` are the 2σ
("warning", roughly 95%) limits, computed like the 3σ ones with 2 for 3 and
clamped the same way (qicharts2's ``lcl.95``/``ucl.95``).

Formulas follow DOMAIN.md §3, Montgomery (Introduction to Statistical Quality
Control) and qicharts2.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import constants


@dataclass(frozen=True)
class PartData:
    y: np.ndarray               # plotted statistic (rate for p/u, mean for xbar …)
    n: np.ndarray               # denominator / subgroup size (NaN if none)
    num: np.ndarray             # numerator (count) for p/u/c, else y
    sd: np.ndarray | None = None  # subgroup standard deviations (xbar/s)


@dataclass(frozen=True)
class Lines:
    y: np.ndarray
    cl: np.ndarray
    lcl: np.ndarray
    ucl: np.ndarray
    z: np.ndarray
    lcl95: np.ndarray
    ucl95: np.ndarray
    sigma_z: float = float("nan")  # Laney's between-subgroup factor (p/u only)


def _nan(size: int) -> np.ndarray:
    return np.full(size, np.nan)


def _full(size: int, value: float) -> np.ndarray:
    return np.full(size, float(value))


def _nanmean(v: np.ndarray) -> float:
    v = v[np.isfinite(v)]
    return float(v.mean()) if v.size else float("nan")


def _nanmedian(v: np.ndarray) -> float:
    v = v[np.isfinite(v)]
    return float(np.median(v)) if v.size else float("nan")


def average_moving_range(v: np.ndarray, screen: bool) -> float:
    """Mean |v_i − v_{i−1}| over consecutive finite pairs of ``v``.

    With ``screen`` (Nelson 1982) moving ranges ≥ 3.267 × the mean are dropped
    and the mean recomputed once.
    """
    mr = np.abs(np.diff(v))
    mr = mr[np.isfinite(mr)]
    if not mr.size:
        return float("nan")
    amr = float(mr.mean())
    if screen:
        kept = mr[mr < constants.D4 * amr]
        amr = float(kept.mean()) if kept.size else amr
    return amr


def _clamp(v, lower, upper):
    if lower is not None:
        v = np.where(v < lower, lower, v)
    if upper is not None:
        v = np.where(v > upper, upper, v)
    return v


def _lines(y, cl, sigma, lower=None, upper=None) -> Lines:
    cl_arr = np.broadcast_to(np.asarray(cl, dtype=float), y.shape).copy()
    sigma = np.broadcast_to(np.asarray(sigma, dtype=float), y.shape)
    with np.errstate(invalid="ignore", divide="ignore"):
        lcl, ucl = cl_arr - 3 * sigma, cl_arr + 3 * sigma
        lcl95, ucl95 = cl_arr - 2 * sigma, cl_arr + 2 * sigma
        z = (y - cl_arr) / sigma
    return Lines(y, cl_arr, _clamp(lcl, lower, upper), _clamp(ucl, lower, upper), z,
                 _clamp(lcl95, lower, upper), _clamp(ucl95, lower, upper))


def run(d: PartData, use, *, cl=None, **_) -> Lines:
    size = d.y.size
    return Lines(d.y, _full(size, _nanmedian(d.y[use]) if cl is None else cl), _nan(size), _nan(size), _nan(size),
                 _nan(size), _nan(size))


def i(d: PartData, use, *, screen_mr=True, nhs=False, cl=None, **_) -> Lines:
    cl = _nanmean(d.y[use]) if cl is None else cl
    amr = average_moving_range(d.y[use], screen_mr)
    sigma = amr * constants.NHS_XMR / 3 if nhs else amr / constants.D2
    return _lines(d.y, cl, sigma)


SQRT_PI_OVER_2 = float(np.sqrt(np.pi / 2))
SCREEN_S = 3.2665  # qicharts2 qic.ip: drop moving s_i ≥ 3.2665 × mean (Nelson's screening)


def ip(d: PartData, use, *, screen_mr=True, cl=None, **_) -> Lines:
    """I′ (I prime) chart (Taylor 2018; Anhøj & Mohammed, *Mastering SPC
    Charts in Healthcare*, ch. "I prime charts"; qicharts2 ``chart = "ip"``):
    an I chart whose σ allows for each point's subgroup size n_i.

    CL = Σ y_i n_i / Σ n_i; s_i = √(π/2) |y_i − y_{i−1}| / √(1/n_i + 1/n_{i−1})
    over consecutive baseline points (screened at 3.2665 × mean); limits
    CL ± 3 s̄/√n_i. Without n every n_i is 1 and the chart is the I chart with
    √π/2 = 0.88623 in place of 1/1.128 = 0.88652. Not clamped."""
    n = np.where(np.isfinite(d.n) & (d.n > 0), d.n, np.nan) if np.isfinite(d.n).any() else np.ones(d.y.size)
    ok = use & np.isfinite(d.y) & np.isfinite(n)
    if cl is None:
        cl = float((d.y[ok] * n[ok]).sum() / n[ok].sum()) if ok.any() else float("nan")
    yb, nb = d.y[use], n[use]
    with np.errstate(invalid="ignore", divide="ignore"):
        moving = SQRT_PI_OVER_2 * np.abs(np.diff(yb)) / np.sqrt(1 / nb[1:] + 1 / nb[:-1])
    moving = moving[np.isfinite(moving)]
    s_bar = float(moving.mean()) if moving.size else float("nan")
    if screen_mr and moving.size:
        kept = moving[moving < SCREEN_S * s_bar]
        s_bar = float(kept.mean()) if kept.size else s_bar
    with np.errstate(invalid="ignore", divide="ignore"):
        sigma = s_bar / np.sqrt(n)
    return _lines(d.y, cl, sigma)


def mr(d: PartData, use, **_) -> Lines:
    y = np.concatenate(([np.nan], np.abs(np.diff(d.y)))) if d.y.size else d.y
    cl = _nanmean(y[use])
    size = y.size
    with np.errstate(invalid="ignore", divide="ignore"):
        sigma = (constants.D4 - 1) * cl / 3
        z = (y - cl) / sigma
    return Lines(y, _full(size, cl), _full(size, 0.0), _full(size, constants.D4 * cl), z,
                 _full(size, max(cl - 2 * sigma, 0.0)), _full(size, cl + 2 * sigma))


def c(d: PartData, use, *, cl=None, **_) -> Lines:
    cl = _nanmean(d.num[use]) if cl is None else cl
    return _lines(d.num, cl, np.sqrt(cl) if cl >= 0 else np.nan, lower=0.0)


def _ratio_cl(d: PartData, use) -> float:
    ok = use & np.isfinite(d.num) & np.isfinite(d.n) & (d.n > 0)
    den = d.n[ok].sum()
    return float(d.num[ok].sum() / den) if den > 0 else float("nan")


def sigma_p(cl, n):
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.sqrt(cl * (1 - cl) / np.where(n > 0, n, np.nan))


def sigma_u(cl, n):
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.sqrt(cl / np.where(n > 0, n, np.nan))


def laney_sigma_z(y, cl, sigma, use, screen_mr=True) -> float:
    """Laney's σz: mean moving range of z_i = (y_i − CL)/σ_i over the baseline, / 1.128."""
    with np.errstate(invalid="ignore", divide="ignore"):
        z = (y[use] - cl) / sigma[use]
    z[~np.isfinite(z)] = np.nan
    return average_moving_range(z, screen_mr) / constants.D2


def p(d: PartData, use, *, cl=None, **_) -> Lines:
    cl = _ratio_cl(d, use) if cl is None else cl
    return _lines(d.y, cl, sigma_p(cl, d.n), lower=0.0, upper=1.0)


def u(d: PartData, use, *, cl=None, **_) -> Lines:
    cl = _ratio_cl(d, use) if cl is None else cl
    return _lines(d.y, cl, sigma_u(cl, d.n), lower=0.0)


def _prime(d, use, sigma_fn, upper, screen_mr, cl=None) -> Lines:
    cl = _ratio_cl(d, use) if cl is None else cl
    sigma = sigma_fn(cl, d.n)
    sz = laney_sigma_z(d.y, cl, sigma, use, screen_mr)
    base = _lines(d.y, cl, sigma * sz, lower=0.0, upper=upper)
    return Lines(base.y, base.cl, base.lcl, base.ucl, base.z, base.lcl95, base.ucl95, sz)


def pp(d: PartData, use, *, screen_mr=True, cl=None, **_) -> Lines:
    return _prime(d, use, sigma_p, 1.0, screen_mr, cl)


def up(d: PartData, use, *, screen_mr=True, cl=None, **_) -> Lines:
    return _prime(d, use, sigma_u, None, screen_mr, cl)


def g(d: PartData, use, **_) -> Lines:
    """g chart (Benneyan): limits from the mean, centre line drawn at the median
    of the baseline (as qicharts2 does), LCL clamped at 0."""
    mean = _nanmean(d.y[use])
    sigma = np.sqrt(mean * (mean + 1)) if mean >= 0 else np.nan
    size = d.y.size
    lcl = max(mean - 3 * sigma, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        z = (d.y - mean) / sigma
    return Lines(d.y, _full(size, _nanmedian(d.y[use])), _full(size, lcl),
                 _full(size, mean + 3 * sigma), z, _full(size, max(mean - 2 * sigma, 0.0)),
                 _full(size, mean + 2 * sigma))


def t(d: PartData, use, *, screen_mr=True, nhs=False, **_) -> Lines:
    """t chart: I chart on y^(1/3.6), back-transformed (Nelson 1994)."""
    with np.errstate(invalid="ignore"):
        yt = np.where(d.y > 0, d.y, np.nan) ** constants.T_EXPONENT
    tl = i(PartData(yt, d.n, yt), use, screen_mr=screen_mr, nhs=nhs)
    back = lambda v: np.where(v > 0, v, 0.0) ** 3.6
    with np.errstate(invalid="ignore"):
        return Lines(d.y, back(tl.cl), back(tl.lcl), back(tl.ucl), tl.z, back(tl.lcl95), back(tl.ucl95))


def _s_bar(d: PartData, use) -> float:
    assert d.sd is not None, "xbar and s charts always carry subgroup standard deviations"
    ok = use & np.isfinite(d.sd) & (d.n > 1)
    if not ok.any():
        return float("nan")
    n = d.n[ok]
    if np.unique(n).size == 1:
        return float(d.sd[ok].mean())
    return float(np.sqrt(((n - 1) * d.sd[ok] ** 2).sum() / (n - 1).sum()))


def xbar(d: PartData, use, *, cl=None, **_) -> Lines:
    ok = use & np.isfinite(d.y) & (d.n > 0)
    if cl is None:
        cl = float((d.n[ok] * d.y[ok]).sum() / d.n[ok].sum()) if ok.any() else float("nan")
    sigma = _s_bar(d, use) * constants.a3(d.n) / 3
    return _lines(d.y, cl, sigma)


def s(d: PartData, use, **_) -> Lines:
    cl = _s_bar(d, use)
    assert d.sd is not None, "s charts always carry subgroup standard deviations"
    size = d.sd.size
    with np.errstate(invalid="ignore", divide="ignore"):
        sigma = cl * constants.c5(d.n) / constants.c4(d.n)
        z = (d.sd - cl) / sigma
    return Lines(d.sd, _full(size, cl), constants.b3(d.n) * cl, constants.b4(d.n) * cl, z,
                 constants.b3(d.n, 2.0) * cl, constants.b4(d.n, 2.0) * cl)


def given(lines: Lines, lower: float, upper: float, centre: float | None) -> Lines:
    """Limits given by the team (e.g. from a national baseline) instead of
    estimated: constant ``lower``/``upper``; the centre line is ``centre``, or
    the one estimated; σ on each side is a third of the distance to the limit,
    so the 2σ lines and the zone rules follow the given limits."""
    y = lines.y
    cl = lines.cl if centre is None else np.full(y.size, centre)
    below, above = (cl - lower) / 3, (upper - cl) / 3
    with np.errstate(invalid="ignore", divide="ignore"):
        z = np.where(y < cl, (y - cl) / below, (y - cl) / above)
    return Lines(y, cl, np.full(y.size, lower), np.full(y.size, upper), z, cl - 2 * below, cl + 2 * above)


CHARTS = {
    "run": run, "i": i, "mr": mr, "c": c, "u": u, "p": p, "pp": pp, "up": up, "ip": ip,
    "g": g, "t": t, "xbar": xbar, "s": s,
}
