"""The network's measure catalogue across its projects (pure: no I/O, no drawing).

Each entry of site.yaml's ``measures:`` gathers the projects' measures that name it
(``network_measure:``). For each, the team's series: its measure's rows with the
groups of a stratified measure added up per period, under the catalogue's multiplier.
A period the team's own page withholds (qisite.privacy) is left out, so no total here
gives a withheld count back by subtraction, and disclosure control is applied again to
the totals.

The funnel plot compares each team's totals over a **common period rule**
(:data:`PERIOD_RULE`): the 12 months up to and including the team's latest period. A
team is left out of the funnel when a period in its 12 months is withheld, or when
its totals are small numbers themselves. The statistics are
:func:`qisite.equity.funnel`'s, the same as ``qisite funnel`` on the page's CSV.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import math
from dataclasses import dataclass
from functools import cached_property

from qisite.analysis import MeasureAnalysis, analyse_measure
from qisite.charts.text import date_label
from qisite.equity import FunnelResult, funnel
from qisite.model import Measure, NetworkMeasure, Project
from qisite.numbers import ValueFormat, axis_label, value_format
from qisite.privacy.disclosure import kind_of, protected, publishable
from qisite.privacy.small_numbers import CountRow, primary
from qisite.spc.chart_types import COUNT, PROPORTION, RATE, chart_type

MONTHS = 12
PERIOD_RULE = (f"the {MONTHS} months up to and including each team's latest period, counts and denominators added "
               "up (teams' data end at different dates, so each team's latest year is compared)")
FUNNEL_CSV_COLUMNS = ("team", "project", "from", "to", "count", "denominator")


@dataclass(frozen=True)
class Reporter:
    """One project's measure reporting a network measure, as the network's page shows it."""

    project: Project
    measure: Measure
    label: str                          # the team: the funnel's unit and the small multiple's title
    analysis: MeasureAnalysis | None    # the team's series under the catalogue's multiplier (published)
    start: dt.date | None = None        # the funnel's period for this team
    end: dt.date | None = None
    y: float | None = None              # totals over the period (None when left out)
    n: float | None = None
    left_out: str = ""                  # why the team is not in the funnel ("" when it is)

    @property
    def period_text(self) -> str:
        if self.start is None or self.end is None:
            return ""
        period = self.measure.period
        first, last = date_label(self.start, period), date_label(self.end, period)
        return first if first == last else f"{first} to {last}"


@dataclass(frozen=True)
class SharedMeasure:
    """A catalogue entry, the projects that report it and the funnel comparing them."""

    entry: NetworkMeasure
    reporters: tuple[Reporter, ...]
    funnel: FunnelResult | None
    funnel_chart: str | None            # p or u: the funnel's chart (None: the entry's chart is not one)
    format: ValueFormat

    @property
    def in_funnel(self) -> tuple[Reporter, ...]:
        return tuple(r for r in self.reporters if not r.left_out)

    @property
    def panels(self) -> tuple[Reporter, ...]:
        return tuple(r for r in self.reporters if r.analysis is not None and r.analysis.results)

    @cached_property
    def measure(self) -> Measure:
        """The entry as a measure (units, chart, period) for the side-by-side charts."""
        periods = {r.measure.period for r in self.reporters}
        e = self.entry
        return Measure(id=e.id, title=e.title, type="outcome", definition=e.definition, data="", x="", y="",
                       chart=e.chart, unit=e.unit, multiply=e.multiply, direction=e.direction,
                       period=periods.pop() if len(periods) == 1 else None)

    @property
    def measure_axis(self) -> str:
        """The y axis's label, as on every chart of the measure."""
        return axis_label(self.entry.chart, self.entry.multiply, self.entry.unit)

    def unit(self, reporter: Reporter):
        """The funnel's unit of a reporter (None when it is left out)."""
        if self.funnel is None or reporter.left_out:
            return None
        return next((u for u in self.funnel.units if u.unit == reporter.label), None)

    def funnel_csv(self) -> str:
        """The funnel's data: one row per team in it (``qisite funnel --unit team --y count --n denominator``)."""
        import csv
        import io

        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(FUNNEL_CSV_COLUMNS)
        for r in self.in_funnel:
            writer.writerow([r.label, r.project.id, r.start.isoformat() if r.start else "",
                             r.end.isoformat() if r.end else "", _plain(r.y), _plain(r.n)])
        return out.getvalue()


def _plain(v: float | None) -> str:
    if v is None:
        return ""
    return str(int(v)) if float(v).is_integer() else repr(float(v))


def funnel_chart_of(chart: str) -> str | None:
    """The funnel's chart for a catalogue chart: p for p and pp, u for u and up, else None."""
    family = chart_type(chart).family
    if family not in (PROPORTION, RATE):
        return None
    from qisite.site.sii import equity_chart
    return equity_chart(chart)


def shared_measures(projects, entries: tuple[NetworkMeasure, ...], threshold: int) -> tuple[SharedMeasure, ...]:
    """Every catalogue entry with the projects that report it (``projects``: ProjectData in site
    order); each team's chart under the rule profile of its own."""
    out = []
    for entry in entries:
        found = [(d, m) for d in projects for m in d.project.measures if m.network_measure == entry.id]
        labels = _labels([(d.project, m) for d, m in found])
        reporters = [_reporter(d, m, label, entry, threshold) for (d, m), label in zip(found, labels)]
        chart = funnel_chart_of(entry.chart)
        result = None
        inside = [r for r in reporters if not r.left_out]
        if chart is not None and inside:
            result = funnel([r.label for r in inside], [float(r.y or 0) for r in inside], [float(r.n or 0) for r in inside],
                            chart=chart, multiply=entry.multiply)
        values = [u.value for u in result.units] if result else []
        values += [v for r in reporters if r.analysis for res in r.analysis.results.values() for v in res.y]
        fmt = _at_least_one_decimal(value_format(entry.chart, entry.multiply, entry.unit, values))
        out.append(SharedMeasure(entry, tuple(reporters), result, chart, _telling(fmt, result)))
    return tuple(out)


def _labels(found: list[tuple[Project, Measure]]) -> list[str]:
    """Each reporter's name: its team; the project's title too when two share a team, its measure's id
    when one project reports the measure twice."""
    teams = [p.team for p, _ in found]
    labels = [t if teams.count(t) == 1 else f"{t} ({p.title})" for t, (p, _) in zip(teams, found)]
    return [label if labels.count(label) == 1 else f"{label}: {m.id}" for label, (_, m) in zip(labels, found)]


def _pooled(measure: Measure, entry: NetworkMeasure, own: MeasureAnalysis | None) -> Measure | None:
    """The team's measure as one series under the catalogue's multiplier: a stratified measure's groups
    added up per period (counts only: means are not added), the periods its own page withholds left out."""
    if measure.stratified and chart_type(measure.chart).family not in (PROPORTION, RATE, COUNT):
        return None
    hidden = {s.x[i] for s in (own.series if own else ()) for i in range(len(s.x)) if own and own.withheld(s.group, i)}
    keep_targets = measure.multiply == entry.multiply
    return dataclasses.replace(
        measure, group=None, reference_group=None, order=(), same_date="sum" if measure.stratified else measure.same_date,
        multiply=entry.multiply, unit=entry.unit,
        target=measure.target if keep_targets else None, trajectory=measure.trajectory if keep_targets else (),
        centre=measure.centre if keep_targets else None, lower_limit=measure.lower_limit if keep_targets else None,
        upper_limit=measure.upper_limit if keep_targets else None,
        observations=tuple(dataclasses.replace(o, group=None) for o in measure.observations if o.x not in hidden))


def _reporter(data, measure: Measure, label: str, entry: NetworkMeasure, threshold: int) -> Reporter:
    own = data.analyses.get(measure.id)
    rules = own.rules if own is not None else "anhoej"
    pooled = _pooled(measure, entry, own)
    if pooled is None:
        return Reporter(data.project, measure, label, None, left_out="a stratified measure of values has no team total")
    analysis = publishable(analyse_measure(pooled, rules), threshold)
    if funnel_chart_of(entry.chart) is None:
        return Reporter(data.project, measure, label, analysis, left_out="not a proportion or a rate")
    series = analysis.series[0] if analysis.series else None
    dates = [x for x in (series.x if series else ()) if isinstance(x, dt.date)]
    if not dates or series is None or series.n is None:
        return Reporter(data.project, measure, label, analysis, left_out="no data")
    end = max(dates)
    start_after = _months_before(end, MONTHS)
    within = [i for i, x in enumerate(series.x) if isinstance(x, dt.date) and x > start_after]
    withheld_dates = {x for s in (own.series if own else ()) for i, x in enumerate(s.x)
                      if own is not None and own.withheld(s.group, i) and isinstance(x, dt.date) and x > start_after}
    start = min(series.x[i] for i in within)
    base = Reporter(data.project, measure, label, analysis, start, end)
    if withheld_dates or any(analysis.withheld(None, i) or not _finite(series.y[i]) or not _finite(series.n[i])
                             for i in within):
        return dataclasses.replace(base, left_out="a period in its 12 months is withheld (small numbers)")
    y = float(sum(float(series.y[i]) for i in within))
    n = float(sum(float(series.n[i]) for i in within))
    if protected(pooled, threshold) and primary(CountRow(None, end, y, n, None, 0, False), kind_of(pooled), threshold):
        return dataclasses.replace(base, left_out=f"its totals are fewer than {threshold} (small numbers)")
    if not n > 0:
        return dataclasses.replace(base, left_out="no denominator in its 12 months")
    return dataclasses.replace(base, y=y, n=n)


def _finite(v) -> bool:
    return v is not None and math.isfinite(float(v))


def _months_before(d: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months earlier (the month's last day when it is shorter)."""
    total = d.year * 12 + d.month - 1 - months
    year, month = divmod(total, 12)
    month += 1
    for day in (d.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(d.day, day))
        except ValueError:
            continue
    return dt.date(year, month, 28)


def _telling(fmt: ValueFormat, result: FunnelResult | None, most: int = 3) -> ValueFormat:
    """Enough decimals (up to ``most``) that no team's value reads the same as a limit it is on either
    side of: "17.0%, 95% limits 15.3% to 17.0%, above the 95% limit" would contradict itself."""
    for decimals in range(fmt.decimals, most + 1):
        shown = ValueFormat(percent=fmt.percent, scale=fmt.scale, unit=fmt.unit, decimals=decimals)
        if result is None or not any(shown.value(u.value) == shown.value(limit) and u.value != limit
                                     for u in result.units
                                     for limit in (u.lower95, u.upper95, u.lower998, u.upper998)):
            return shown
    return shown


def _at_least_one_decimal(fmt: ValueFormat) -> ValueFormat:
    """Teams' totals differ by fractions of a percent: the page shows them to one decimal at least."""
    return ValueFormat(percent=fmt.percent, scale=fmt.scale, unit=fmt.unit, decimals=max(1, fmt.decimals))
