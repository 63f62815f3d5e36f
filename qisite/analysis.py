"""A loaded measure → its SPC analysis (pure computation, no I/O).

Bridges the project folder format (dates for freeze, part starts and
exclusions; one CSV row per period and group) and the SPC engine (1-based point
positions, as in qicharts2).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from qisite import spc
from qisite.model import Measure, Observation
from qisite.numbers import GapWords, gap_words
from qisite.spc import rules as rule_sets
from qisite.spc.bchart import DEFAULT_LIMIT, DEFAULT_ODDS_RATIO, BChartResult, bchart
from qisite.spc.chart_types import chart_type

NARROWING, WIDENING, NO_SIGNIFICANT_CHANGE = "narrowing", "widening", "no significant change"
VERDICTS = (NARROWING, WIDENING, NO_SIGNIFICANT_CHANGE)


@dataclass(frozen=True)
class Series:
    """One line of a measure's chart: the points of one group (or of all rows)."""

    group: str | None
    x: tuple
    y: tuple
    n: tuple | None
    freeze: int | None
    parts: tuple[int, ...]
    exclude: tuple[int, ...]


@dataclass(frozen=True)
class MeasureAnalysis:
    measure: Measure
    series: tuple[Series, ...]
    results: dict            # group (None when unstratified) → spc.SpcResult
    summaries: dict          # group → spc.Summary
    gaps: dict               # group → spc.GapResult (stratified measures only)
    icons: dict | None = None  # group → (variation, assurance): Making Data Count icons from the last point
    rules: str = "anhoej"      # the rule profile of every chart of the measure: signals, icons and gaps
    suppressed: dict | None = None  # group → per point, what a table shows instead of a withheld value ("" when shown)
    cusum: BChartResult | None = None  # a b chart's two sums (its results, summaries and gaps are empty)

    def withheld(self, group, index: int) -> str:
        """"<5" or "suppressed" when disclosure control withholds this point's figures (qisite.privacy), else ""."""
        labels = (self.suppressed or {}).get(group, ())
        return labels[index] if index < len(labels) else ""


def series_of(measure: Measure) -> tuple[Series, ...]:
    """The measure's points, one series per group, in date order."""
    groups = measure.groups() or (None,)
    return tuple(_series(measure, [o for o in measure.observations if o.group == g], g) for g in groups)


def _series(measure: Measure, rows: list[Observation], group: str | None) -> Series:
    if measure.chart != "pareto":
        rows = sorted(rows, key=lambda o: o.x)
    if chart_type(measure.chart).one_row_per_event:  # one point per event, never summed
        x, y = [o.x for o in rows], [o.y for o in rows]
        return Series(group, tuple(x), tuple(y), None, _freeze_points(measure, x), _part_ends(measure, x),
                      _excluded(measure, x))
    x, y, n = spc.aggregate([o.x for o in rows], [o.y for o in rows],
                            [o.n for o in rows] if measure.n else None, chart=measure.chart,
                            same_date=measure.same_date or "sum")
    return Series(group, tuple(x), tuple(y), None if n is None else tuple(n),
                  _freeze_points(measure, x), _part_ends(measure, x), _excluded(measure, x))


def _freeze_points(measure: Measure, x: list) -> int | None:
    if isinstance(measure.freeze, int):
        return min(measure.freeze, len(x)) or None
    if isinstance(measure.freeze, dt.date):
        return sum(1 for d in x if d <= measure.freeze) or None
    return None


def _part_ends(measure: Measure, x: list) -> tuple[int, ...]:
    """qicharts2 parts: the 1-based position where each part ends."""
    ends = (sum(1 for d in x if d < part.start) for part in measure.parts)
    return tuple(sorted({e for e in ends if 0 < e < len(x)}))


def _excluded(measure: Measure, x: list) -> tuple[int, ...]:
    wanted = {e.date for e in measure.exclude}
    return tuple(i for i, d in enumerate(x, start=1) if d in wanted)


def analyse_measure(measure: Measure, rules: str = "anhoej") -> MeasureAnalysis:
    """SPC for every series of a measure, with summaries and equity gaps, under
    the measure's own ``rules:`` or else ``rules`` (the network's profile)."""
    rules = measure.rules or rules
    series = series_of(measure)
    if measure.chart == "pareto":
        return MeasureAnalysis(measure, series, {}, {}, {}, {}, rules=rules)
    if chart_type(measure.chart).cusum:
        return MeasureAnalysis(measure, series, {}, {}, {}, {}, rules=rules, cusum=cusum_of(measure, series[0]))
    results, summaries, icons = {}, {}, {}
    for s in series:
        result = _analyse(s, measure, rules)
        results[s.group] = result
        summaries[s.group] = spc.summarise(result, _values(s, measure), s.n)
        icons[s.group] = mdc_icons(result)
    return MeasureAnalysis(measure, series, results, summaries, _gaps(measure, series, rules), icons, rules=rules)


def cusum_of(measure: Measure, s: Series) -> BChartResult:
    """A b chart's sums: the cases in date order (rows of one date in file order), tested against
    the measure's target risk, or the risk of its first ``freeze`` cases (all cases without either)."""
    return bchart(list(s.y), x=list(s.x), target=measure.target,
                  baseline=s.freeze if measure.target is None else None,
                  odds_ratio=measure.odds_ratio or DEFAULT_ODDS_RATIO, limit=measure.cusum_limit or DEFAULT_LIMIT)


def mdc_icons(result: spc.SpcResult) -> tuple[str | None, str | None]:
    """Making Data Count variation and assurance icons read from ``result`` itself:
    its special causes (under its own rule profile) and its latest limits, so an
    icon never contradicts the chart's signals."""
    variation = rule_sets.variation_icon(result.y, result.special_cause, result.side, result.direction)
    ok = np.flatnonzero(np.isfinite(result.lcl) & np.isfinite(result.ucl))
    assurance = (rule_sets.assurance_icon(result.target, result.lcl[ok[-1]], result.ucl[ok[-1]], result.direction)
                 if ok.size else None)
    return variation, assurance


def changed(result: spc.SpcResult) -> bool:
    """The chart has a later centre line to compare with its baseline: several
    parts, or points after a frozen baseline."""
    return len(result.parts) > 1 or bool(result.baseline.any() and not result.baseline.all())


def gap_direction(gap: spc.GapResult) -> str:
    """Which way on the gap chart is better: towards no gap, judged from the
    baseline gap's sign ("increase" when the group starts below the reference)."""
    baseline = gap.summary.baseline_cl
    return "neutral" if not baseline else ("increase" if baseline < 0 else "decrease")


def gap_verdict(gap: spc.GapResult) -> str:
    """"narrowing", "widening" or "no significant change": never more than the gap's
    own SPC chart shows. Narrowing (widening) needs both the centre line moving
    towards (away from) no gap and the chart's most recent special cause on that
    side of its centre line; anything else is no significant change."""
    s = gap.summary
    if not changed(gap.result) or s.baseline_cl is None or s.latest_cl is None or not s.baseline_cl:
        return NO_SIGNIFICANT_CHANGE
    meaning = rule_sets.classify(gap.result.side, gap.result.special_cause, gap_direction(gap))
    signals = [m for m in meaning.tolist() if m]
    if not signals:
        return NO_SIGNIFICANT_CHANGE
    closer = abs(s.latest_cl) < abs(s.baseline_cl) and s.latest_cl * s.baseline_cl >= 0
    if signals[-1] == "improvement" and closer:
        return NARROWING
    if signals[-1] == "concern" and abs(s.latest_cl) > abs(s.baseline_cl):
        return WIDENING
    return NO_SIGNIFICANT_CHANGE


def _analyse(s: Series, measure: Measure, rules: str):
    return spc.analyse(_values(s, measure), s.n, chart=measure.chart, x=s.x, freeze=s.freeze,
                       parts=s.parts or None, exclude=s.exclude, multiply=measure.multiply,
                       rules=rules, direction=measure.direction, target=measure.target,
                       shift=measure.shift, trend=measure.trend, centre=measure.centre,
                       limits=given_limits(measure), trajectory=trajectory_values(measure, s.x),
                       rebase=measure.rebase)


def trajectory_values(measure: Measure, x: tuple) -> list[float] | None:
    """The trajectory's value at each point: the latest step dated on or
    before the point (NaN before the first step); None without a trajectory."""
    if not measure.trajectory:
        return None
    steps = sorted(measure.trajectory, key=lambda step: step.date)
    values = []
    for d in x:
        known = [step.value for step in steps if isinstance(d, dt.date) and step.date <= d]
        values.append(known[-1] if known else float("nan"))
    return values


def given_limits(measure: Measure) -> tuple[float, float] | None:
    """The control limits the team gave, when it gave both."""
    if measure.lower_limit is None or measure.upper_limit is None:
        return None
    return measure.lower_limit, measure.upper_limit


def _values(s: Series, measure: Measure):
    return [list(v) for v in s.y] if chart_type(measure.chart).subgroups else list(s.y)


def _gaps(measure: Measure, series: tuple[Series, ...], rules: str) -> dict:
    """Each group's gap to the reference group, over the periods both have."""
    if not measure.stratified or chart_type(measure.chart).subgroups:
        return {}
    reference = next(s for s in series if s.group == measure.reference)
    assert reference.group is not None, "a stratified measure's series all name their group"
    gaps = {}
    for s in series:
        if s is reference:
            continue
        assert s.group is not None, "a stratified measure's series all name their group"
        shared = [d for d in reference.x if d in set(s.x)]
        if not shared:
            continue
        gaps.update(spc.gap_analysis({reference.group: (reference.x, reference.y, reference.n), s.group: (s.x, s.y, s.n)},
                                     reference.group, chart="i", multiply=measure.multiply, rules=rules,
                                     freeze=_freeze_points(measure, shared), parts=_part_ends(measure, shared) or None))
    return gaps


def gap_ratios(analysis: MeasureAnalysis, group) -> tuple[float | None, float | None]:
    """The relative gap, baseline and latest: the group's centre line ÷ the
    reference group's (as the chart of the groups draws them); None where undefined."""
    mine, ref = analysis.summaries.get(group), analysis.summaries.get(analysis.measure.reference)
    if mine is None or ref is None:
        return None, None

    def ratio(a, b):
        return a / b if a is not None and b and np.isfinite(a) and np.isfinite(b) else None
    return ratio(mine.baseline_cl, ref.baseline_cl), ratio(mine.latest_cl, ref.latest_cl)


def gap_wording(analysis: MeasureAnalysis, group) -> GapWords | None:
    """The words of one group's gap to the reference group (qisite.numbers.GapWords):
    absolute from the gap chart's centre lines, relative from the groups' centre
    lines, and the verdict of the gap chart. Every page, card, feed entry and chart
    text words a gap from this."""
    gap = analysis.gaps.get(group)
    if gap is None:
        return None
    m = analysis.measure
    before, after = gap_ratios(analysis, group)
    return gap_words(m.chart, m.multiply, m.unit, gap.summary.baseline_cl, gap.summary.latest_cl,
                     changed=changed(gap.result), ratio_before=before, ratio_after=after,
                     verdict=gap_verdict(gap))
