"""The Slope Index of Inequality of a measure with ``order:`` (pure: no I/O, no drawing).

Computed from the *published* analysis (after :func:`qisite.privacy.disclosure.publishable`):
a point whose count or denominator is withheld is left out, so that period has no
SII (an ordered group is missing) and no figure is ever worked out from a
suppressed count. The statistics are :func:`qisite.equity.analyse_equity`'s, the
same as ``qisite equity --order``; the chart is :mod:`qisite.charts.sii`'s.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from qisite.analysis import MeasureAnalysis
from qisite.charts.text import date_label
from qisite.equity import EquityResult, analyse_equity, interval_charts
from qisite.equity.sii import SiiResult
from qisite.numbers import ValueFormat
from qisite.spc.chart_types import chart_type, shown_as_percent


@dataclass(frozen=True)
class SiiFigure:
    """A measure's SII over time, how its values read and its sentence for the page."""

    measure_id: str
    title: str
    result: EquityResult
    format: ValueFormat          # the SII's values (a difference: no % sign)
    unit_words: str              # " percentage points" for a measure shown as a percentage, else " " + its unit

    @property
    def latest(self) -> tuple[str, SiiResult] | None:
        """The last period with an SII: (its label, the SII and RII with their intervals)."""
        found = [(p.x, p.sii) for p in self.result.periods if p.sii is not None]
        return found[-1] if found else None

    @property
    def sentence(self) -> str:
        """"SII 12.3 percentage points in the latest period (Mar 2024), 95% CI 8.1 to 16.4; RII 1.25 (95% CI …)"."""
        latest = self.latest
        if latest is None:
            return ("No Slope Index of Inequality: no period has a published value for every group "
                    f"({', '.join(self.result.ordered or ())}).")
        x, s = latest
        v = self.format.value
        rii = (f"RII {_ratio(s.rii)} (95% CI {_ratio(s.rii_lower)} to {_ratio(s.rii_upper)})"
               if math.isfinite(s.rii) else "RII not defined (the line is at 0 at the most deprived end)")
        return (f"SII {v(s.sii)}{self.unit_words} in the latest period ({x}), 95% CI {v(s.sii_lower)} to "
                f"{v(s.sii_upper)}; {rii}.")


def _ratio(value: float) -> str:
    return f"{value:.2f}" if math.isfinite(value) else "–"


def equity_chart(chart: str) -> str:
    """The interval chart (proportion or rate) of a measure's chart type's family: p for p and pp, u for u and up."""
    family = chart_type(chart).family
    return next(name for name in interval_charts() if chart_type(name).family == family)


def measure_sii(analysis: MeasureAnalysis, fmt: ValueFormat) -> SiiFigure | None:
    """The SII figure of a measure with ``order:``, from its publishable analysis (None without ``order:``)."""
    measure = analysis.measure
    if not measure.order or not measure.stratified:
        return None
    period = measure.period
    xs: list[str] = []
    groups: list[str] = []
    ys: list[float] = []
    ns: list[float] = []
    for series in analysis.series:
        if series.n is None:
            return None
        for x, count, denominator in zip(series.x, series.y, series.n):
            if count is None or denominator is None:
                continue
            y, n = float(count), float(denominator)
            if not (math.isfinite(y) and math.isfinite(n) and n > 0):
                continue   # withheld (or no denominator): never computed from
            xs.append(date_label(x, period))
            groups.append(str(series.group))
            ys.append(y)
            ns.append(n)
    position = {label: i for i, label in enumerate(sorted(set(xs), key=_first_date(analysis, period)))}
    rows = sorted(zip(xs, groups, ys, ns), key=lambda row: position[row[0]])
    try:
        result = analyse_equity([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows], [r[3] for r in rows],
                                chart=equity_chart(measure.chart), reference=str(measure.reference),
                                order=measure.order, multiply=measure.multiply)
    except ValueError:   # every point of the reference or of an ordered group withheld: nothing to publish
        return None
    percent = shown_as_percent(measure.chart, measure.unit)
    return SiiFigure(measure.id, f"{measure.title}: Slope Index of Inequality", result,
                     ValueFormat(scale=fmt.scale, decimals=max(1, fmt.decimals)), " percentage points" if percent else (f" {measure.unit}" if measure.unit else ""))


def _first_date(analysis: MeasureAnalysis, period: str | None):
    """Periods in date order (labels of the same date sort together)."""
    first: dict[str, object] = {}
    for series in analysis.series:
        for x in series.x:
            first.setdefault(date_label(x, period), x)
    return lambda label: first[label]
