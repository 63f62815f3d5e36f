"""SII and RII against PHEindicatormethods' published expectations (testdata_SII.xlsx,
commit 093fd288, used by tests/testthat/testSII.R)."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from phe_data import rows

from qisite.equity.sii import midpoint_ranks, sii

TOLERANCE = 0.05  # testSII.R: expect_equal(..., tolerance = 0.05) on the simulated limits (testthat 3e / waldo)


def _blocks(transform=False):
    """The phe_sii calculation tests, without or with transform (phe_sii's default is none)."""
    blocks: dict = {}
    for r in rows("phe_sii.csv"):
        if r["sii"] == "" and not any(r["TestDescription"] == k[0] for k in blocks):
            continue
        key = (r["TestDescription"], r["Area"], r["Grouping1"], r["Grouping2"])
        blocks.setdefault(key, []).append(r)
    out = []
    for key, block in blocks.items():
        description = key[0]
        if any(word in description for word in ("error", "warning", "multiple")) or not block[0]["sii"]:
            continue
        if ("transform" in description) != transform:
            continue
        block.sort(key=lambda r: int(r["Quantile"]))
        out.append(pytest.param(block, id=f"{block[0]['RecordNo']}-{description[:40]}"))
    return out


def _run(block, repetitions=None):
    col = lambda name: [float(r[name]) for r in block]
    description = block[0]["TestDescription"]
    multiplier = (-100 if "x -100" in description else 100 if "x 100" in description
                  else -1 if "negative multiplier" in description else 1)
    transform = "transform" in description
    confidence = 0.98 if transform and "98%" in description else float(block[0]["Confidence"]) / 100
    return sii(col("Population"), col("Value"), lower=col("LowerCL"), upper=col("UpperCL"),
               value_type=int(block[0]["ValueType"]), multiplier=multiplier, confidence=confidence,
               repetitions=repetitions or int(block[0]["Repetitions"]), transform=transform)


BLOCKS = _blocks()
TRANSFORMED = _blocks(transform=True)


@pytest.mark.parametrize("block", BLOCKS + TRANSFORMED)
def test_sii_and_rii_match_phe_exactly(block):
    """The point estimates are a regression: no simulation, so they agree to rounding."""
    result = _run(block, repetitions=1000)
    assert result.sii == pytest.approx(float(block[0]["sii"]), rel=1e-9)
    if block[0]["rii"]:
        assert result.rii == pytest.approx(float(block[0]["rii"]), rel=1e-9)
    if block[0]["Intercept"]:
        assert result.intercept == pytest.approx(float(block[0]["Intercept"]), rel=1e-9)


def test_simulated_limits_match_phe_within_its_own_tolerance():
    """waldo's rule for expect_equal(tolerance = 0.05): per column, mean |difference| / mean |expected|.
    PHE's areas are paired as testSII.R pairs them (two areas per test)."""
    columns = ("sii_lowercl_1", "sii_uppercl_1", "rii_lowercl_1", "rii_uppercl_1")
    by_test: dict = {}
    for param in BLOCKS + TRANSFORMED:
        block = param.values[0]
        by_test.setdefault(block[0]["TestDescription"], []).append(block)
    checked = 0
    for blocks in by_test.values():
        results = [_run(b) for b in blocks]
        got = {c: [] for c in columns}
        for r in results:
            for c, v in zip(columns, (r.sii_lower, r.sii_upper, r.rii_lower, r.rii_upper)):
                got[c].append(v)
        for c in columns:
            expected = [float(b[0][c]) for b in blocks if b[0][c]]
            if not expected:
                continue
            diff = sum(abs(g - e) for g, e in zip(got[c], expected)) / len(expected)
            assert diff / (sum(abs(e) for e in expected) / len(expected)) < TOLERANCE, (blocks[0][0]["TestDescription"], c)
            checked += 1
    assert checked >= 60


def test_limits_are_identical_across_runs():
    block = BLOCKS[0].values[0]
    assert _run(block) == _run(block)


def test_midpoint_ranks_follow_find_x_values():
    """FindXValues: each group's share halved plus the cumulative share before it."""
    assert list(midpoint_ranks([1, 1, 2])) == pytest.approx([0.125, 0.375, 0.75])


groups = st.lists(st.tuples(st.floats(10, 1e5), st.floats(0.01, 0.99), st.floats(0.001, 0.05)), min_size=5, max_size=12)


@settings(max_examples=40, deadline=None)
@given(groups)
def test_reversing_the_order_flips_the_sii_and_inverts_the_rii(data):
    pop, value, se = (list(c) for c in zip(*data))
    forward = sii(pop, value, se=se, repetitions=1000)
    backward = sii(pop[::-1], value[::-1], se=se[::-1], repetitions=1000)
    assert backward.sii == pytest.approx(-forward.sii, rel=1e-9, abs=1e-12)
    assert backward.rii == pytest.approx(1 / forward.rii, rel=1e-9)


@settings(max_examples=40, deadline=None)
@given(groups, st.floats(0.01, 0.99))
def test_equal_groups_have_no_inequality(data, value):
    pop, _, se = (list(c) for c in zip(*data))
    result = sii(pop, [value] * len(pop), se=se, repetitions=1000)
    assert result.sii == pytest.approx(0, abs=1e-9)
    assert result.rii == pytest.approx(1, abs=1e-9)
    assert result.sii_lower <= 0 <= result.sii_upper


@pytest.mark.parametrize("k", [4, 101])
def test_phe_sii_bounds_on_the_number_of_groups(k):
    with pytest.raises(ValueError, match="between 5 and 100"):
        sii([1.0] * k, [0.5] * k, se=[0.1] * k)


def test_transform_needs_a_rate_or_proportion_and_limits():
    with pytest.raises(ValueError, match="transform"):
        sii([1.0] * 5, [0.5] * 5, lower=[0.4] * 5, upper=[0.6] * 5, transform=True)
    with pytest.raises(ValueError, match="transform"):
        sii([1.0] * 5, [0.5] * 5, se=[0.1] * 5, value_type=2, transform=True)
