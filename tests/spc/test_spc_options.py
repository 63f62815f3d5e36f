"""Options: parts, freeze, exclusions, screening, validation, summaries, gaps."""
import pytest

from qisite.spc import aggregate, analyse, gap_analysis, summarise


def test_parts_follow_qicharts2_semantics():
    y = list(range(1, 31))
    r = analyse(y, chart="i", parts=[10, 20])
    assert [(p.start, p.end) for p in r.parts] == [(1, 10), (11, 20), (21, 30)]
    assert list(r.part[[0, 9, 10, 19, 20, 29]]) == [1, 1, 2, 2, 3, 3]
    assert [p.cl for p in r.parts] == [5.5, 15.5, 25.5]


def test_freeze_marks_baseline_and_later_parts_use_their_own_points():
    y = [1.0, 2.0] * 10 + [5.0, 6.0] * 5
    r = analyse(y, chart="i", freeze=10, parts=[20])
    assert r.baseline[:10].all() and not r.baseline[10:20].any() and r.baseline[20:].all()
    assert r.parts[0].cl == 1.5 and r.parts[0].n_baseline == 10
    assert r.parts[1].cl == 5.5


def test_screening_on_and_off():
    # Hand calculation from DOMAIN §3 (Nelson 1982 screening): y has eight
    # moving ranges of 1 and one of 20: MR̄ = 28/9 = 3.111; 3.267 × 3.111 =
    # 10.16, so screening drops the 20 and MR̄ becomes 1.
    # CL = 124/10 = 12.4; unscreened UCL = 12.4 + 3 × 3.1111/1.128 = 20.674;
    # screened UCL = 12.4 + 3/1.128 = 15.060.
    y = [10, 11, 10, 11, 10, 11, 10, 11, 10, 30]
    assert analyse(y, chart="i", screen_mr=False).ucl[0] == pytest.approx(20.674, abs=1e-3)
    assert analyse(y, chart="i", screen_mr=True).ucl[0] == pytest.approx(15.060, abs=1e-3)


@pytest.mark.parametrize("kwargs, message", [
    ({"chart": "x"}, "unknown chart 'x'"),
    ({"rules": "weco"}, "unknown rules 'weco'"),
    ({"direction": "up"}, "unknown direction 'up'"),
    ({"exclude": [0]}, "exclude: point 0 is outside 1..5"),
    ({"parts": [9]}, "parts: point 9 is outside 1..5"),
    ({"freeze": 0}, "freeze"),
    ({"multiply": 0}, "multiply must be a positive number"),
    ({"chart": "p"}, "needs denominators"),
])
def test_bad_options_raise_value_error_with_a_helpful_message(kwargs, message):
    with pytest.raises(ValueError, match=message):
        analyse([1, 2, 3, 4, 5], **kwargs)


def test_xbar_needs_subgroups():
    with pytest.raises(ValueError, match="list of subgroups"):
        analyse([1.0, 2.0], chart="xbar")


def test_warnings_few_points_gaps_and_overdispersion():
    r = analyse([1, 2, 3, 2, 1], chart="i", x=["2024-01-01", "2024-02-01", "2024-03-01",
                                             "2024-06-01", "2024-07-01"])
    assert any("fewer than 12" in w for w in r.warnings)
    assert any("gap" in w and "2024-03-01 → 2024-06-01" in w for w in r.warnings)
    n = [10000] * 20
    y = [1000, 1400, 800, 1300, 700, 1200, 900, 1500, 600, 1100] * 2
    p = analyse(y, n, chart="p")
    assert any("over-dispersed" in w and "pp" in w for w in p.warnings)
    assert not any("over-dispersed" in w for w in analyse(y, n, chart="pp").warnings)


def test_laney_p_prime_widens_overdispersed_limits():
    n = [10000] * 20
    y = [1000, 1400, 800, 1300, 700, 1200, 900, 1500, 600, 1100] * 2
    p, pp = analyse(y, n, chart="p"), analyse(y, n, chart="pp")
    assert p.cl[0] == pp.cl[0]
    assert (pp.ucl - pp.cl)[0] > 5 * (p.ucl - p.cl)[0]


def test_aggregate_sums_rows_with_the_same_x():
    x, y, n = aggregate(["a", "b", "a", "c"], [1, 2, 3, None], [10, 20, 30, None], chart="p")
    assert x == ["a", "b", "c"] and y[:2] == [4.0, 2.0] and y[2] != y[2]  # c: missing
    assert n[:2] == [40.0, 20.0]
    x, groups, _ = aggregate(["s1", "s1", "s2", "s2", "s2"], [1, 2, 3, 4, 5], chart="xbar")
    assert groups == [[1.0, 2.0], [3.0, 4.0, 5.0]]


def test_summary_baseline_vs_latest_racist_incidents_example():
    # DOMAIN §2 (Aurelio et al. 2024, East India ward): baseline mean 2.0
    # incidents per fortnight, later mean 0.3 (−85 %). Illustrative series
    # reconstructed to those summary figures.
    y = [2, 3, 1] + [0, 1, 0, 0, 1, 0, 0, 1, 0, 0]
    for kwargs in ({"parts": [3]}, {"freeze": 3}):
        r = analyse(y, chart="c", direction="decrease", **kwargs)
        s = summarise(r, y)
        assert s.baseline_cl == pytest.approx(2.0)
        assert s.latest_cl == pytest.approx(0.3)
        assert s.relative_change == pytest.approx(-0.85)
        assert s.improved is True


def test_gap_analysis_cervical_screening_example():
    # DOMAIN §2 (Bedford practice): 24–49 54 % → 68 %, 50–64 62 % → 71 %,
    # gap 8 → 3 points. Illustrative series reconstructed to those figures.
    x = [f"2023-{m:02d}-01" for m in range(1, 13)]
    young = [54] * 6 + [68] * 6
    older = [62] * 6 + [71] * 6
    gaps = gap_analysis({"24-49": (x, young, [100] * 12), "50-64": (x, older, [100] * 12)},
                        "50-64", chart="i", parts=[6], multiply=100)
    g = gaps["24-49"]
    assert g.gap[0] == pytest.approx(-0.08) and g.gap[-1] == pytest.approx(-0.03)
    assert g.summary.baseline_cl == pytest.approx(-8.0)
    assert g.summary.latest_cl == pytest.approx(-3.0)
    assert g.summary.change == pytest.approx(5.0)
    assert g.to_dict()["spc"]["parts"][1]["cl"] == pytest.approx(-3.0)
    with pytest.raises(ValueError, match="reference group"):
        gap_analysis({"a": (x, young)}, "b")


def test_freeze_may_be_an_x_label():
    x = [f"2020-{m:02d}-01" for m in range(1, 13)]
    r = analyse(list(range(12)), chart="i", x=x, freeze="2020-06-01")
    assert r.baseline.sum() == 6 and r.parts[0].n_baseline == 6
    with pytest.raises(ValueError, match="neither a point number nor one of the x labels"):
        analyse(list(range(12)), chart="i", x=x, freeze="2021-01-01")


def test_pareto_sorts_and_accumulates():
    from qisite.spc import pareto
    r = pareto(["stigma", "access", "stigma", "language", "access", "stigma"])
    assert r.categories == ("stigma", "access", "language")
    assert r.counts.tolist() == [3, 2, 1]
    assert r.cumulative_percent.tolist() == pytest.approx([50.0, 83.333, 100.0], abs=1e-3)
    w = pareto(["a", "b", "c"], [5, None, 5])
    assert w.categories == ("a", "c") and w.percent.tolist() == [50.0, 50.0]
    assert pareto([]).to_dict() == {"categories": [], "counts": [], "percent": [],
                                    "cumulative_percent": []}
