"""How a value reads, everywhere: pages, charts, chart descriptions, data tables.

One :class:`ValueFormat` per measure decides percent or not (asked of the
chart-type registry, once), the scale from stored to shown values and the
decimals; the helpers below word a baseline → latest pair, a change and the
gap between two groups with it, so the page and its chart say the same thing
with the same numbers.
"""
from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from qisite.spc.chart_types import chart_type, percent_scale, shown_as_percent


class MeasureLike(Protocol):
    """What a format needs of a measure (qisite.model.Measure has it)."""

    @property
    def chart(self) -> str: ...
    @property
    def multiply(self) -> float: ...
    @property
    def unit(self) -> str: ...
    @property
    def target(self) -> float | None: ...


def _finite(v: float | None) -> bool:
    return v is not None and math.isfinite(v)


# --- numbers ----------------------------------------------------------------

def decimals_for(*values: float | None, percent: bool = False) -> int:
    """Decimals that show the values honestly without false precision."""
    big = max((abs(v) for v in values if v is not None and math.isfinite(v)), default=0.0)
    if big >= 100 or (percent and big >= 10):
        return 0
    if big >= 1:
        return 1
    return 2 if big >= 0.01 or big == 0 else 3


@functools.lru_cache(maxsize=65536)
def number(v: float | None, decimals: int, thousands: bool = True) -> str:
    """``v`` with ``decimals`` places, a thousands comma and a true minus sign; "–" when missing.
    Remembered: a chart's limits, counts and ticks repeat the same few values down every table."""
    if v is None or not math.isfinite(v):
        return "–"
    if round(v, decimals) == 0:
        v = 0.0                                        # no "−0.0"
    text = f"{v:,.{decimals}f}" if thousands else f"{v:.{decimals}f}"
    return text.replace("-", "−")


def count(v: float | None) -> str:
    """A count or denominator: whole numbers with a thousands comma (1,158), two decimals
    when fractional; "–" when missing."""
    if v is None or not math.isfinite(v):
        return "–"
    return number(v, 0 if float(v).is_integer() else 2)


class ValueFormat:
    """How a measure's plotted values read: percent, per 1,000, or plain units."""

    def __init__(self, *, percent: bool = False, scale: float = 1.0, unit: str = "", decimals: int = 1):
        self.percent, self.scale, self.unit, self.decimals = percent, scale, unit, decimals

    @classmethod
    def from_spec(cls, f: dict) -> ValueFormat:
        return cls(percent=f["percent"], scale=f["scale"], unit=f["unit"], decimals=f["decimals"])

    def spec(self) -> dict:
        return {"percent": self.percent, "scale": self.scale, "unit": self.unit, "decimals": self.decimals}

    def __repr__(self) -> str:   # what it is, not where: a page's key digests it (qisite.site.pagekeys)
        return f"ValueFormat({', '.join(f'{k}={v!r}' for k, v in self.spec().items())})"

    def value(self, v: float | None, decimals: int | None = None) -> str:
        d = self.decimals if decimals is None else decimals
        if v is None or not math.isfinite(v):
            return "–"
        if v == 0:
            d = 0                                        # "LCL 0", not "LCL 0.0"
        return number(v * self.scale, d) + ("%" if self.percent else "")

    def tick(self, v: float, step: float) -> str:
        s = abs(step * self.scale)
        d = 0 if s >= 1 or s == 0 else min(4, max(0, -math.floor(math.log10(s) + 1e-9)))
        if s and abs(round(s * 10 ** d) - s * 10 ** d) > 1e-6:
            d += 1                                     # steps like 2.5
        return number(v * self.scale, d) + ("%" if self.percent else "")

    def pair(self, before: float | None, after: float | None) -> tuple[str, str]:
        """Two values of one sentence ("from 54% to 68%") at the same decimals."""
        shown = [v * self.scale for v in (before, after) if v is not None and math.isfinite(v)]
        d = decimals_for(*shown, percent=self.percent)
        return self.value(before, d), self.value(after, d)


def value_format(chart: str, multiply: float, unit: str, values: Iterable[float | None]) -> ValueFormat:
    """The format of a measure whose shown values include ``values``: percent
    as the registry decides (proportions whatever the multiplier; % units)."""
    percent = shown_as_percent(chart, unit)
    scale = percent_scale(chart, multiply) if percent else 1.0
    finite = [v * scale for v in values if v is not None and math.isfinite(v)]
    return ValueFormat(percent=percent, scale=scale, unit=unit,
                       decimals=decimals_for(*finite, percent=percent))


def series_format(measure: MeasureLike, result) -> ValueFormat:
    """The format of one SPC chart: decimals fit its points, centre line, upper limit and target."""
    values = [*result.y, *result.cl, *result.ucl, measure.target if measure.target is not None else math.nan]
    return value_format(measure.chart, measure.multiply, measure.unit, values)


def groups_format(measure: MeasureLike, results: Iterable) -> ValueFormat:
    """The format of a chart with one line per group: decimals fit the points and target."""
    values = [v for r in results for v in r.y] + [measure.target if measure.target is not None else math.nan]
    return value_format(measure.chart, measure.multiply, measure.unit, values)


def measure_format(measure: MeasureLike, results: Mapping) -> ValueFormat:
    """The format of a measure's main chart (``results``: group → SpcResult), as
    its page shows the measure's values and data table."""
    if not results:
        return value_format(measure.chart, measure.multiply, measure.unit, [measure.target])
    if None in results and len(results) == 1:
        return series_format(measure, results[None])
    return groups_format(measure, results.values())


def axis_label(chart: str, multiply: float, unit: str) -> str:
    """The unit for people: as given, with "per 1,000" where the values were multiplied."""
    label = unit.strip()
    if multiply not in (1, 100) and "per" not in label.lower():
        label = f"{label} per {multiply:,.0f}".strip()
    if chart_type(chart).percent and not label:
        label = "%"
    return label


# --- words about two values ------------------------------------------------------

def change_text(fmt: ValueFormat, before: float | None, after: float | None,
                relative_change: float | None) -> str:
    """Percentage-point change for percentages (54% → 68% is +14 points), relative change otherwise."""
    if fmt.percent:
        if not (_finite(before) and _finite(after)):
            return ""
        points = (after - before) * fmt.scale            # type: ignore[operator]
        return f"{points:+.1f} points" if abs(points) < 10 else f"{points:+.0f} points"
    if relative_change is None:
        return ""
    return f"{relative_change * 100:+.0f}%"


@dataclass(frozen=True)
class GapWords:
    """The gap between a group and the reference group, baseline → latest, in
    words: the ONE sentence builder of the equity headline (aim box, cards, home
    table, area pages, feed, search and the charts' text all word a gap here).

    ``trend`` is arithmetic (the numbers moved); ``verdict`` is statistical (what
    the gap's own SPC chart supports, qisite.analysis.gap_verdict) and is the
    only one a headline states."""

    before: str
    after: str
    unit: str       # "points" for percentages, else the measure's unit
    trend: str      # "narrowed", "widened", "reversed", "stayed", or "" (no later period)
    ratio_before: str = ""   # the group's value ÷ the reference's, "0.85" ("" when undefined)
    ratio_after: str = ""
    verdict: str = ""        # "narrowing", "widening", "no significant change" ("" when not judged)

    @property
    def size(self) -> str:
        """"8 → 3 points", or "3 points" when there is one value to give."""
        nums = self.after if self.trend in ("", "stayed") else f"{self.before} → {self.after}"
        return f"{nums} {self.unit}".rstrip()

    @property
    def ratio(self) -> str:
        """"ratio 0.85 → 0.96" (relative gap: group ÷ reference), or ""."""
        if not self.ratio_after:
            return ""
        if self.trend == "" or self.ratio_before in ("", self.ratio_after):
            return f"ratio {self.ratio_after}"
        return f"ratio {self.ratio_before} → {self.ratio_after}"

    @property
    def headline(self) -> str:
        """The chart's headline: "gap 8 → 3 points"."""
        return f"gap {self.size}"

    @property
    def summary(self) -> str:
        """"8 → 3 points, ratio 0.85 → 0.96 (no significant change)"."""
        text = ", ".join(t for t in (self.size, self.ratio) if t)
        return f"{text} ({self.verdict})" if self.verdict else text

    def line(self, group: str, reference: str) -> str:
        """The headline of one group: "24-49 vs 50-64: gap 8 → 3 points, ratio
        0.85 → 0.96 (no significant change)"."""
        return f"{group} vs {reference}: gap {self.summary}"

    def sentence(self, group: str, reference: str) -> str:
        """"The gap between A and B went from 8 to 3 points (no significant change)"."""
        subject = f"The gap between {group} and {reference}"
        verdict = f" ({self.verdict})" if self.verdict else ""
        if self.trend == "":
            return f"{subject} averaged {self.size}{verdict}"
        if self.trend == "stayed":
            return f"{subject} stayed at {self.size}{verdict}"
        if self.trend == "reversed":
            return f"{subject} reversed from {self.before} to {self.after} {self.unit}".rstrip() + verdict
        return f"{subject} went from {self.before} to {self.after} {self.unit}".rstrip() + verdict


def gap_words(chart: str, multiply: float, unit: str, before: float | None, after: float | None,
              changed: bool = True, ratio_before: float | None = None, ratio_after: float | None = None,
              verdict: str = "") -> GapWords | None:
    """Words for a gap (group − reference, in the measure's stored units) at
    baseline and latest; ``changed`` is False when the chart has no later period
    to compare with its baseline; ``ratio_*`` the relative gap (group ÷
    reference) and ``verdict`` what the gap chart supports. None when either
    value is missing."""
    if not (_finite(before) and _finite(after)):
        return None
    assert before is not None and after is not None
    percent = shown_as_percent(chart, unit)
    scale = percent_scale(chart, multiply) if percent else 1.0
    words = "points" if percent else axis_label(chart, multiply, unit)
    big = max(abs(before), abs(after)) * scale
    d = (0 if big >= 2 else 1 if big >= 0.1 else 2) if percent else decimals_for(big)
    rb, ra = (number(r, 2) if _finite(r) else "" for r in (ratio_before, ratio_after))
    extra = {"ratio_before": rb if changed else ra, "ratio_after": ra, "verdict": verdict}
    if not changed:
        return GapWords(number(abs(before) * scale, d), number(abs(before) * scale, d), words, "", **extra)
    if before * after < 0:
        return GapWords(_signed(before * scale, d), _signed(after * scale, d), words, "reversed", **extra)
    a, b = number(abs(before) * scale, d), number(abs(after) * scale, d)
    trend = "stayed" if a == b else "narrowed" if abs(after) < abs(before) else "widened"
    return GapWords(a, b, words, trend, **extra)


def _signed(v: float, d: int) -> str:
    text = number(v, d)
    return text if text.startswith("−") or text == number(0, d) else "+" + text
