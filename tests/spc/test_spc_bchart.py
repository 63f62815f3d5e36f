"""The Bernoulli CUSUM chart (B chart), qicharts2's ``bchart()``.

Sources:
- qicharts2 0.8 ``R/bchart.R`` (github.com/anhoej/qicharts2): the weights
  s = x·log(p1/p0) + (1−x)·log((1−p1)/(1−p0)) with p1 at odds ratio OR and p2
  at 1/OR, the reset rule, defaults OR = 2 and limit = 3.5. qicharts2 ships no
  test of ``bchart()``, so the values below come from its published output:
- J. Anhøj & M. A. Mohammed, *Mastering SPC Charts in Healthcare*, §12.4 "The
  Bernoulli CUSUM chart for binary data" (anhoej.github.io/spc4hc; source
  github.com/anhoej/spc4hc, ``42_rare_events.Rmd``): ``bchart(births$asphyxia,
  target = …)`` on the book's Robson group 1 births data set
  (``data/robson1_births.csv``, 2193 births in time order, 16 with asphyxia).
  Figures rare-fig6 (target 0.007), rare-fig8 (0.02), rare-fig9 (0.001) and
  rare-fig10 (0.007, limit 2.5), as rendered by qicharts2 into the book's SVG
  files: the signal markers (case numbers, labelled on the figure) and the
  extremes of the two traces, read from the SVG paths against the ±limit and
  zero lines (to ±0.001).
- Steiner, Cook, Farewell & Treasure, *Biostatistics* 2000;1(4):441–452: the
  Bernoulli CUSUM weights log(OR) − log(1 + p0(OR − 1)) for an event and
  −log(1 + p0(OR − 1)) for a case without.
"""
from __future__ import annotations

import json
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qisite import cli
from qisite.spc import chart_type
from qisite.spc.bchart import DEFAULT_LIMIT, DEFAULT_ODDS_RATIO, LOWER, UPPER, bchart, risk_at

from spc_published_data import BIRTHS, births

# --- against the book's figures (qicharts2's output) ---------------------------------

@pytest.mark.parametrize("target,limit,upper,lower,top,bottom", [
    (0.007, 3.5, [], [], 1.5729, -1.4620),                  # rare-fig6: no signal
    (0.02, 3.5, [], [556, 1319, 1840], 0.8912, -3.4995),    # rare-fig8: "performing better than that target"
    (0.001, 3.5, [872, 1529], [], 3.0570, -0.2085),         # rare-fig9: "performing worse than the target"
    (0.007, 2.5, [], [], 1.5729, -1.4620),                  # rare-fig10: tighter limits, still no signal
])
def test_births_asphyxia_as_in_the_book(target, limit, upper, lower, top, bottom):
    result = bchart(births(), target=target, limit=limit)
    assert result.signal_cases(UPPER) == upper
    assert result.signal_cases(LOWER) == lower
    assert result.upper.max() == pytest.approx(top, abs=1e-3)
    assert result.lower.min() == pytest.approx(bottom, abs=1e-3)
    assert result.events == 16 and len(result) == BIRTHS


def test_defaults_are_qicharts2s():
    assert (DEFAULT_ODDS_RATIO, DEFAULT_LIMIT) == (2.0, 3.5)
    result = bchart(births(), target=0.007)
    assert (result.odds_ratio, result.limit) == (2.0, 3.5)


# --- the weights and the reset rule ----------------------------------------------------

def test_weights_are_steiners():
    p0, ratio = 0.05, 2.0
    result = bchart([1, 0], target=p0, odds_ratio=ratio, limit=100)
    event = math.log(ratio) - math.log(1 + p0 * (ratio - 1))
    none = -math.log(1 + p0 * (ratio - 1))
    assert result.upper[0] == pytest.approx(event)
    assert result.upper[1] == pytest.approx(event + none)
    p2 = risk_at(p0, 1 / ratio)
    assert p2 == pytest.approx((p0 / (1 - p0) / 2) / (1 + p0 / (1 - p0) / 2))
    assert result.lower[0] == 0.0                               # an event pushes the lower sum up: held at 0
    assert result.lower[1] == pytest.approx(-math.log((1 - p2) / (1 - p0)))
    assert result.p_upper == pytest.approx(ratio * p0 / (1 - p0 + ratio * p0))


def test_a_signal_starts_the_sum_again_from_zero():
    # p0 = 0.1, OR = 2: each event adds log(2) − log(1.1) ≈ 0.598; four reach 2.39 ≥ limit 2
    result = bchart([1, 1, 1, 1, 1], target=0.1, limit=2.0)
    step = math.log(2) - math.log(1.1)
    assert result.upper[:3] == pytest.approx([step, 2 * step, 3 * step])
    assert result.upper_signal.tolist() == [False, False, False, True, False]
    assert result.upper[3] == 0.0 and result.upper[4] == pytest.approx(step)


def test_target_from_the_baseline_cases():
    y = [0] * 19 + [1] + [0] * 30
    result = bchart(y, baseline=20)
    assert result.target == pytest.approx(0.05) and result.baseline == 20
    assert bchart(y).target == pytest.approx(1 / 50)             # no target, no baseline: every case


@pytest.mark.parametrize("y,options,message", [
    ([0, 1, 2], {"target": 0.1}, "case 3: a b chart needs 0 or 1"),
    ([0, None], {"target": 0.1}, "found missing"),
    ([0, 0, 0, 1], {"baseline": 3}, "no case had the event"),
    ([0, 1], {"target": 1.5}, "between 0 and 1"),
    ([0, 1], {"target": 0.1, "odds_ratio": 1.0}, "odds_ratio must be a number above 1"),
    ([0, 1], {"target": 0.1, "limit": 0}, "limit must be a number above 0"),
    ([0, 1], {"target": 0.1, "baseline": 1}, "not both"),
])
def test_bad_input_is_a_value_error(y, options, message):
    with pytest.raises(ValueError, match=message):
        bchart(y, **options)


def test_registered_once():
    kind = chart_type("b")
    assert kind.cusum and kind.one_row_per_event and not kind.spc and not kind.runs_rules
    assert not kind.needs_denominator and not kind.whole_counts


# --- invariants ----------------------------------------------------------------------

outcomes = st.lists(st.integers(0, 1), min_size=1, max_size=300)
risks = st.floats(0.001, 0.5)
ratios = st.floats(1.05, 6.0)
limits = st.floats(0.5, 8.0)


@settings(max_examples=150, deadline=None)
@given(outcomes, risks, ratios, limits)
def test_sums_stay_on_their_side_of_zero_and_inside_the_limits(y, p0, ratio, limit):
    result = bchart(y, target=p0, odds_ratio=ratio, limit=limit)
    assert (result.upper >= 0).all() and (result.upper <= limit).all()
    assert (result.lower <= 0).all() and (result.lower >= -limit).all()
    assert not (result.upper_signal & (result.upper > 0)).any()          # a signal starts again from 0
    assert not (result.lower_signal & (result.lower < 0)).any()


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 2000), risks, ratios, limits)
def test_no_events_never_signal_a_rise_and_all_events_never_a_fall(k, p0, ratio, limit):
    none = bchart([0] * k, target=p0, odds_ratio=ratio, limit=limit)
    assert not none.upper_signal.any() and (none.upper == 0).all()
    every = bchart([1] * k, target=p0, odds_ratio=ratio, limit=limit)
    assert not every.lower_signal.any() and (every.lower == 0).all()


@settings(max_examples=100, deadline=None)
@given(outcomes, risks, ratios)
def test_more_events_never_lower_the_upper_sum_at_the_first_case(y, p0, ratio):
    """Turning a case without the event into one with it raises that case's upper weight."""
    first = bchart(y[:1], target=p0, odds_ratio=ratio, limit=1e9)
    flipped = bchart([1], target=p0, odds_ratio=ratio, limit=1e9)
    assert flipped.upper[0] >= first.upper[0]


# --- qisite spc --chart b --------------------------------------------------------------

def _csv(tmp_path, y, dated=True):
    path = tmp_path / "cases.csv"
    rows = ["date,event"] + [f"2016-{1 + i // 200:02d}-{1 + (i % 200) // 8:02d},{v}" for i, v in enumerate(y)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def run_cli(argv, capsys):
    code = cli.main(["spc", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_json(tmp_path, capsys):
    path = _csv(tmp_path, births())
    code, out, err = run_cli([path, "--chart", "b", "--y", "event", "--x", "date", "--target", "0.02", "--json"], capsys)
    assert code == 0, err
    doc = json.loads(out)
    assert doc["chart"] == "b" and doc["target"] == 0.02 and doc["baseline_cases"] is None
    assert (doc["odds_ratio"], doc["limit"], doc["cases"], doc["events"]) == (2.0, 3.5, BIRTHS, 16)
    assert doc["signals_lower"] == [556, 1319, 1840] and doc["signals_upper"] == []
    point = doc["points"][555]
    assert set(point) == {"x", "case", "y", "cusum_upper", "cusum_lower", "lcl", "ucl", "baseline",
                          "special_cause", "signals"}
    assert point["case"] == 556 and point["signals"] == ["cusum_lower"] and point["special_cause"] is True
    assert (point["lcl"], point["ucl"]) == (-3.5, 3.5) and point["x"] == "2016-03-20"


def test_cli_target_above_one_counts_baseline_cases_as_qicharts2(tmp_path, capsys):
    path = _csv(tmp_path, births())
    code, out, err = run_cli([path, "--chart", "b", "--y", "event", "--target", "1000", "--json"], capsys)
    assert code == 0, err
    doc = json.loads(out)
    assert doc["baseline_cases"] == 1000 and doc["target"] == pytest.approx(8 / 1000)   # 8 births with asphyxia among the first 1000
    assert doc["points"][999]["baseline"] is True and doc["points"][1000]["baseline"] is False
    code, out, err = run_cli([path, "--chart", "b", "--y", "event", "--freeze", "1000", "--odds-ratio", "3",
                              "--limit", "4", "--json"], capsys)
    doc = json.loads(out)
    assert doc["baseline_cases"] == 1000 and doc["odds_ratio"] == 3.0 and doc["limit"] == 4.0


def test_cli_table(tmp_path, capsys):
    code, out, _ = run_cli([_csv(tmp_path, births()), "--chart", "b", "--y", "event", "--target", "0.001"], capsys)
    assert code == 0
    assert "upper (a rise): signals at case 872, 1529" in out and "lower (a fall): no signal" in out


def test_cli_a_value_that_is_not_0_or_1_is_located(tmp_path, capsys):
    path = tmp_path / "bad.csv"
    path.write_text("date,event\n2020-01-01,0\n2020-01-02,1\n2020-01-03,2\n", encoding="utf-8")
    code, _, err = run_cli([path, "--chart", "b", "--y", "event", "--target", "0.1"], capsys)
    assert code == 2
    assert f"{path}:4: error: case 3: a b chart needs 0 or 1" in err and "hint:" in err


def test_cli_b_options_elsewhere_are_an_error(tmp_path, capsys):
    path = _csv(tmp_path, [0, 1, 0])
    code, _, err = run_cli([path, "--chart", "i", "--y", "event", "--odds-ratio", "3"], capsys)
    assert code == 2 and "options of the b chart" in err
    code, _, err = run_cli([path, "--chart", "b", "--y", "event", "--n", "event", "--target", "0.1"], capsys)
    assert code == 2 and "does not use --n" in err


def test_json_is_unchanged_for_other_charts(tmp_path, capsys):
    """Only added: the b options leave every other chart's JSON as it was."""
    path = tmp_path / "i.csv"
    path.write_text("x,y\n" + "".join(f"{i},{v}\n" for i, v in enumerate([3, 5, 4, 6, 5, 4], start=1)), encoding="utf-8")
    code, out, _ = run_cli([path, "--chart", "i", "--y", "y", "--json"], capsys)
    assert code == 0 and "cusum_upper" not in out and json.loads(out)["chart"] == "i"


def test_the_sums_do_not_depend_on_the_labels():
    y = births()
    assert np.array_equal(bchart(y, target=0.01).upper, bchart(y, target=0.01, x=list(range(BIRTHS))).upper)
