"""The I′ (I prime) chart, qicharts2's ``chart = "ip"``.

Sources: W. A. Taylor, "Normalized Individuals (IN) Control Chart",
variation.com (2018); J. Anhøj & M. A. Mohammed, *Mastering SPC Charts in
Healthcare*, chapter "I Prime Charts for Measurement Data With Variable
Subgroup Sizes (and more)" (anhoej.github.io/spc4hc): "with constant subgroup
sizes, the I′ chart is an exact match for the original I chart" and "for
rates and proportions, the I′ chart produces control limits that match those
of the U′ and P′ charts". qicharts2 0.8.1 ``qic.ip``: CL = Σ y n / Σ n,
s_i = √(π/2) |Δy| / √(1/n_i + 1/n_{i−1}), screened at 3.2665 × s̄, limits
CL ± 3 s̄/√n_i.
"""
import math

import numpy as np
import pytest

from qisite.spc import analyse, chart_type

from spc_published_data import MORTGAGE_COST, OJ_PHASE1

RATIO = math.sqrt(math.pi) / 2 * 1.128   # √π/2 against 1/1.128: 0.99967


def test_registered_once_with_an_optional_denominator():
    kind = chart_type("ip")
    assert kind.accepts_denominator and not kind.needs_denominator and kind.has_limits


def test_without_n_it_is_the_i_chart_montgomery_6_5():
    ip = analyse(MORTGAGE_COST, chart="ip", screen_mr=False)
    i = analyse(MORTGAGE_COST, chart="i", screen_mr=False)
    assert ip.cl[0] == pytest.approx(300.5, abs=0.05)
    assert ip.ucl[0] == pytest.approx(321.22, abs=0.02)              # Montgomery's I-chart UCL
    assert ip.ucl[0] - ip.cl[0] == pytest.approx((i.ucl[0] - i.cl[0]) * RATIO, rel=1e-9)


def test_constant_n_matches_the_i_chart_of_the_rates():
    n = [50] * 30
    ip = analyse(OJ_PHASE1, n, chart="ip")
    i = analyse([y / 50 for y in OJ_PHASE1], chart="i")
    assert ip.cl[0] == pytest.approx(i.cl[0])
    assert ip.ucl[0] - ip.cl[0] == pytest.approx((i.ucl[0] - i.cl[0]) * RATIO, rel=1e-9)


def test_hand_calculation_varying_n():
    # y = 2/10, 6/20, 10/40: CL = 18/70; s = 0.323604, 0.228823; s̄ = 0.276214
    r = analyse([2, 6, 10], [10, 20, 40], chart="ip")
    assert r.cl[0] == pytest.approx(0.2571429, abs=1e-7)
    assert r.ucl.tolist() == pytest.approx([0.5191821, 0.4424325, 0.3881625], abs=1e-7)
    assert r.lcl.tolist() == pytest.approx([-0.0048963, 0.0718532, 0.1261233], abs=1e-7)  # not clamped


def test_close_to_laney_p_prime_for_proportions():
    rng = np.random.default_rng(11)
    n = rng.integers(80, 400, 36)
    y = rng.binomial(n, rng.normal(0.3, 0.03, 36).clip(0.01, 0.99))
    ip, pp = analyse(y, n, chart="ip"), analyse(y, n, chart="pp")
    width = (ip.ucl - ip.cl) / (pp.ucl - pp.cl)
    assert ip.cl[0] == pytest.approx(pp.cl[0])
    assert np.all((width > 0.85) & (width < 1.15))
    assert np.allclose(width, width[0])           # both scale as 1/√n_i
