"""Words and numbers: value and date formats, axis labels, and the text
alternatives (short alt, long description, headline) generated from the analysis."""
from __future__ import annotations

import datetime as dt
import math

CHART_NAMES = {
    "run": "Run chart", "i": "Control chart (I)", "mr": "Moving-range chart",
    "c": "Control chart (c)", "u": "Control chart (u)", "p": "Control chart (p)",
    "pp": "Control chart (Laney p′)", "up": "Control chart (Laney u′)",
    "g": "Control chart (g)", "t": "Control chart (t)", "xbar": "Control chart (x̄)",
    "s": "Control chart (s)", "pareto": "Pareto chart",
}
MEDIAN_CHARTS = ("run", "g")
COUNT_CHARTS = ("c", "g", "t")
PERCENT_CHARTS = ("p", "pp")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


# --- numbers ----------------------------------------------------------------

def decimals_for(*values: float | None, percent: bool = False) -> int:
    """Decimals that show the values honestly without false precision."""
    big = max((abs(v) for v in values if v is not None and math.isfinite(v)), default=0.0)
    if big >= 100 or (percent and big >= 10):
        return 0
    if big >= 1:
        return 1
    return 2 if big >= 0.01 or big == 0 else 3


def number(v: float | None, decimals: int, thousands: bool = True) -> str:
    if v is None or not math.isfinite(v):
        return "–"
    if round(v, decimals) == 0:
        v = 0.0                                        # no "−0.0"
    text = f"{v:,.{decimals}f}" if thousands else f"{v:.{decimals}f}"
    return text.replace("-", "−")


class ValueFormat:
    """How a measure's plotted values read: percent, per 1,000, or plain units."""

    def __init__(self, *, percent: bool = False, scale: float = 1.0, unit: str = "", decimals: int = 1):
        self.percent, self.scale, self.unit, self.decimals = percent, scale, unit, decimals

    @classmethod
    def from_spec(cls, f: dict) -> "ValueFormat":
        return cls(percent=f["percent"], scale=f["scale"], unit=f["unit"], decimals=f["decimals"])

    def spec(self) -> dict:
        return {"percent": self.percent, "scale": self.scale, "unit": self.unit, "decimals": self.decimals}

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

    def points(self, v: float, decimals: int) -> str:
        """A difference of two values: percentage points, or the unit."""
        return number(v * self.scale, decimals)


def value_format(chart: str, multiply: float, unit: str, values) -> ValueFormat:
    """Percent for p charts (whatever the multiplier) and for % units at ×100."""
    percent = chart in PERCENT_CHARTS or (unit.strip().startswith("%") and multiply == 100)
    scale = (100.0 / multiply) if percent else 1.0
    finite = [v * scale for v in values if v is not None and math.isfinite(v)]
    return ValueFormat(percent=percent, scale=scale, unit=unit,
                       decimals=decimals_for(*finite, percent=percent))


def axis_label(chart: str, multiply: float, unit: str) -> str:
    """The y-axis label: the unit, with "per 1,000" where the values were multiplied."""
    label = unit.strip()
    if multiply not in (1, 100) and "per" not in label.lower():
        label = f"{label} per {multiply:,.0f}".strip()
    if chart in PERCENT_CHARTS and not label:
        label = "%"
    return label


# --- dates ------------------------------------------------------------------

def date_label(d, period: str | None) -> str:
    if not isinstance(d, dt.date):
        return str(d)
    if period == "year":
        return f"{d.year}"
    if period == "quarter":
        return f"Q{(d.month - 1) // 3 + 1} {d.year}"
    if period == "month":
        return f"{MONTHS[d.month - 1]} {d.year}"
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def span(xs, period: str | None) -> str:
    if not xs:
        return ""
    first, last = date_label(xs[0], period), date_label(xs[-1], period)
    return first if first == last else f"{first} to {last}"


# --- the text alternatives ------------------------------------------------------

def centre_word(chart: str) -> str:
    if chart in MEDIAN_CHARTS:
        return "median"
    if chart == "t":
        return "centre line"
    if chart == "s":
        return "mean standard deviation"
    return "mean"


def plural(k: int, word: str) -> str:
    if k == 1:
        return f"{k} {word}"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return f"{k} {word[:-1]}ies"
    return f"{k} {word}s"


def sentence(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".")
