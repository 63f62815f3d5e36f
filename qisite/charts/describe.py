"""Text alternatives generated from the analysis — never typed: the short alt,
the long description and the equity headline ("gap 8 → 3 points"). The data
table behind each chart is in ``tables``."""
from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from qisite import spc
from qisite.analysis import MeasureAnalysis, changed, gap_wording
from qisite.model import Measure
from qisite.numbers import ValueFormat, count, decimals_for, number
from qisite.spc.bchart import LOWER, UPPER, BChartResult
from qisite.spc.chart_types import COUNT, chart_type, is_percent_unit
from qisite.spc.rules import LONG_RUN, OUTSIDE, SHIFT, TREND, TWO_OF_THREE, WITHIN_1SIGMA, signal_names
from qisite.spc.warnings import MIN_POINTS

from .meaning import gap_meaning
from .text import centre_word, chart_label, date_label, plural, rule_label, sentence, span

if TYPE_CHECKING:
    from typing_extensions import TypeIs


def _finite(v: float | None) -> TypeIs[float]:
    return v is not None and math.isfinite(v)


def _counted(m: Measure) -> bool:
    """Plain counts per period (incidents, appointments): the unit can be the subject."""
    unit = m.unit.strip()
    kind = chart_type(m.chart)
    counts_or_run = kind.family == COUNT or (kind.spc and not kind.has_limits)   # c charts, run charts
    return (counts_or_run and m.n is None and bool(unit) and not is_percent_unit(unit)
            and "per" not in unit.lower())


def _subject(m: Measure) -> str:
    return m.unit.strip() if _counted(m) else m.title


def _per(m: Measure) -> str:
    return f" per {m.period}" if _counted(m) and m.period else ""


def _unit_suffix(m: Measure, fmt: ValueFormat) -> str:
    """" days" after the values when the subject is the title and the unit is not a percent."""
    unit = m.unit.strip()
    if _counted(m) or fmt.percent or not unit or is_percent_unit(unit):
        return ""
    return f" {unit}"


def _change_point(result: spc.SpcResult):
    """The x where the latest centre line starts: the last part's first point,
    or the first point after the baseline."""
    if len(result.parts) > 1:
        return result.x[result.parts[-1].start - 1]
    after = np.flatnonzero(~result.baseline)
    return result.x[after[0]] if after.size and result.baseline.any() else None


def _after_cycle(result: spc.SpcResult, cycles: tuple) -> str:
    point = _change_point(result)
    if point is None or not hasattr(point, "toordinal"):
        return ""
    before = [c for c in cycles if c[2] <= point]
    if not before:
        return ""
    number_, _, _, _ = max(before, key=lambda c: (c[2], c[0]))
    return f" after PDSA {number_}"


def level_sentence(m: Measure, summary: spc.Summary, fmt: ValueFormat, result: spc.SpcResult,
                   cycles: tuple = (), subject: str | None = None) -> str:
    """"Incidents fell from a mean of 2.0 to 0.3 per fortnight after PDSA 2"."""
    subject = subject or _subject(m)
    word = centre_word(m.chart)
    base, latest = summary.baseline_cl, summary.latest_cl
    a, b = fmt.pair(base, latest)
    per = _per(m) + _unit_suffix(m, fmt) if subject is None or subject == _subject(m) else _unit_suffix(m, fmt)
    if not _finite(base):
        return f"{subject}: no centre line could be computed"
    if not (_finite(latest) and _changed(result, summary)):
        n = len(result)
        return f"{subject}: {word} {a}{per} over {plural(n, 'point')}"
    article = "an" if word[0] in "aeiou" else "a"
    if a == b:
        return f"{subject} stayed at {article} {word} of {a}{per}"
    verb = "rose" if latest > base else "fell"
    return f"{subject} {verb} from {article} {word} of {a} to {b}{per}{_after_cycle(result, cycles)}"


def _changed(result: spc.SpcResult, summary: spc.Summary | None = None) -> bool:
    """The chart has a later centre line to compare with its baseline (qisite.analysis.changed)."""
    return changed(result)


SIDE_WORDS = {1: "above", -1: "below"}


def signal_clauses(result: spc.SpcResult, meaning=None) -> list[str]:
    """"3 points below the lower limit (improvement)", "a run of 8 points above the centre line" …"""
    out = []
    bits, side = result.bits, result.side
    meaning = result.classification if meaning is None else meaning
    for s in (1, -1):
        mask = ((bits & OUTSIDE) != 0) & (side == s)
        if mask.any():
            where = "upper" if s == 1 else "lower"
            out.append(f"{plural(int(mask.sum()), 'point')} {SIDE_WORDS[s]} the {where} limit{_meaning(meaning[mask])}")
    for bit, what in ((LONG_RUN, "in a long run"), (SHIFT, "in a shift")):
        for s in (1, -1):
            mask = ((bits & bit) != 0) & (side == s)
            if mask.any():
                out.append(f"{plural(int(mask.sum()), 'point')} {what} {SIDE_WORDS[s]} the centre line{_meaning(meaning[mask])}")
    for bit, what in ((TREND, "in a trend"), (TWO_OF_THREE, "in 2 of 3 beyond 2 sigma"),
                      (WITHIN_1SIGMA, "hugging the centre line (15 within 1 sigma)")):
        mask = (bits & bit) != 0
        if mask.any():
            out.append(f"{plural(int(mask.sum()), 'point')} {what}{_meaning(meaning[mask])}")
    runs = [p for p in result.parts if p.runs_signal and not any("long run" in c for c in out)]
    for p in runs:
        if p.crossings is not None and p.crossings_min is not None and p.crossings < p.crossings_min:
            label = f" in part {p.part}" if len(result.parts) > 1 else ""
            out.append(f"too few crossings of the centre line{label} ({p.crossings}, fewer than {p.crossings_min})")
    return out


def _meaning(kinds) -> str:
    kinds = [k for k in kinds.tolist() if k]
    if not kinds:
        return ""
    top = max(kinds, key=kinds.count)
    return "" if top == "neutral" else f" ({top})"


def spc_alt(m: Measure, result: spc.SpcResult, summary: spc.Summary, fmt: ValueFormat, period) -> str:
    when = span(list(result.x), period) if result.x and hasattr(result.x[0], "year") else f"{len(result)} points"
    return f"{chart_label(m.chart)}: {m.title}, {when}"


def short_chart_name(chart: str) -> str:
    """"p chart", "I chart", "run chart": the registry's label, short."""
    label = chart_type(chart).label
    if label.startswith("Control chart (") and label.endswith(")"):
        inner = label[len("Control chart ("):-1]
        return f"{inner.upper() if inner == 'i' else inner.removeprefix('Laney ')} chart"
    return label[0].lower() + label[1:]


def method_statement(chart: str, result: spc.SpcResult) -> str:
    """What a reader needs to trust the chart, stated on it: "p chart · Anhøj rules ·
    limits from 6 baseline points (trial)" (trial below spc.warnings.MIN_POINTS)."""
    kind = chart_type(chart)
    counts = [p.n_baseline for p in result.parts]
    what = "limits" if kind.has_limits else kind.centre_word
    if not counts:
        basis = ""
    elif len(counts) == 1:
        basis = f"{what} from {plural(counts[0], 'baseline point')}"
    else:
        basis = f"{what} recalculated in {len(counts)} parts, from {', '.join(map(str, counts[:-1]))} and {counts[-1]} points"
    if basis and kind.has_limits and min(counts) < MIN_POINTS:
        basis += " (trial)"
    return " · ".join(t for t in (short_chart_name(chart), rule_label(result.rules), basis) if t)


def cycles_sentence(cycles: tuple) -> str:
    """"PDSA cycles marked: 2 Co-working … (1 Jun 2023).": the cycles a chart marks."""
    return sentence("PDSA cycles marked: " + "; ".join(
        f"{k} {title} ({date_label(d, 'day')})" for k, _, d, title in sorted(cycles, key=lambda c: c[0])))


def spc_description(m: Measure, result: spc.SpcResult, summary: spc.Summary, fmt: ValueFormat,
                    period, cycles: tuple) -> str:
    parts = [method_statement(m.chart, result) + ".", sentence(level_sentence(m, summary, fmt, result, cycles) + _signals_tail(result))]
    if m.target is not None:
        parts.append(sentence(f"{m.target_label} {fmt.value(m.target)}{_assurance(result)}"))
    parts += other_targets_sentences(m, fmt)
    excluded = int((~result.included).sum())
    if excluded:
        reasons = "; ".join(e.reason for e in m.exclude if e.reason)
        parts.append(sentence(f"{plural(excluded, 'point')} excluded from the limits" + (f" ({reasons})" if reasons else "")))
    if cycles:
        parts.append(cycles_sentence(cycles))
    if len(result.parts) > 1:
        labels = [p.label for p in m.parts if p.label]
        parts.append(sentence(f"Limits recalculated in {len(result.parts)} parts" + (": " + "; ".join(labels) if labels else "")))
    return " ".join(parts)


def other_targets_sentences(m: Measure, fmt: ValueFormat) -> list[str]:
    """"National standard 95%, drawn for comparison; assurance is judged against Local target 85%."."""
    judged = f"; assurance is judged against {m.target_label} {fmt.value(m.target)}" if m.target is not None else ""
    return [sentence(f"{t.label} {fmt.value(t.value)}, drawn for comparison{judged}") for t in m.other_targets]


def _signals_tail(result: spc.SpcResult) -> str:
    clauses = signal_clauses(result)
    if clauses:
        return "; " + "; ".join(clauses)
    has_limits = bool(np.isfinite(result.ucl).any())
    return "; no special causes" if has_limits else "; no non-random patterns"


def _assurance(result: spc.SpcResult) -> str:
    last = np.flatnonzero(np.isfinite(result.lcl) & np.isfinite(result.ucl))
    if not last.size or result.target is None:
        return ""
    lo, hi = result.lcl[last[-1]], result.ucl[last[-1]]
    t = result.target
    if lo <= t <= hi:
        return ", inside the latest limits: it will be met only some of the time"
    good = {"increase": 1, "decrease": -1}.get(result.direction, 0)
    meets = (t <= lo and good == 1) or (t >= hi and good == -1)
    if good == 0:
        return ", outside the latest limits"
    return ", outside the latest limits: consistently met" if meets else ", outside the latest limits: consistently missed"


# --- equity ----------------------------------------------------------------------

def gap_phrase(analysis: MeasureAnalysis, g: spc.GapResult) -> str:
    """"gap 8 → 3 points": the centre line of the gap series at baseline and latest."""
    words = gap_wording(analysis, g.group)
    return words.headline if words else ""


def gap_headline(analysis: MeasureAnalysis, fmt: ValueFormat | None = None) -> str:
    """The gap chart's headline, computed: "Gap 8 → 3 points", or with several
    groups each one named: "Q1: gap 22 per 10,000; Q2: gap 16 per 10,000"."""
    phrases = [(g.group, gap_phrase(analysis, g)) for g in analysis.gaps.values()]
    phrases = [(group, phrase) for group, phrase in phrases if phrase]
    if len(phrases) == 1:
        return phrases[0][1][:1].upper() + phrases[0][1][1:]
    return "; ".join(f"{group}: {phrase}" for group, phrase in phrases)


def _gap_sentence(analysis: MeasureAnalysis, g: spc.GapResult) -> str:
    words = gap_wording(analysis, g.group)
    return words.sentence(str(g.group), str(g.reference)) if words else ""


def equity_alt(analysis: MeasureAnalysis, fmt: ValueFormat, period) -> str:
    m = analysis.measure
    ref = analysis.results[m.reference]
    return (f"Line chart: {m.title}, one line per group ({len(analysis.results)} groups, reference "
            f"{m.reference}), {span(list(ref.x), period)}")


def equity_description(analysis: MeasureAnalysis, fmt: ValueFormat, period) -> str:
    m = analysis.measure
    out = [method_statement(m.chart, analysis.results[m.reference]) + ", for each group."]
    for group, s in analysis.summaries.items():
        r = analysis.results[group]
        name = f"{group} (reference)" if group == m.reference else str(group)
        out.append(sentence(level_sentence(m, s, fmt, r, subject=name)))
    for g in analysis.gaps.values():
        text = _gap_sentence(analysis, g)
        if text:
            out.append(sentence(text + _gap_signals(g)))
    if m.target is not None:
        out.append(sentence(f"{m.target_label} {fmt.value(m.target)}"))
    out += other_targets_sentences(m, fmt)
    return " ".join(out)


def _gap_signals(g: spc.GapResult) -> str:
    clauses = signal_clauses(g.result, gap_meaning(g))
    return "; gap chart: " + "; ".join(clauses) if clauses else ""


def gap_alt(analysis: MeasureAnalysis, period) -> str:
    m = analysis.measure
    groups = ", ".join(str(g) for g in analysis.gaps)
    return f"Control chart (I) of the gap to {m.reference} ({groups}): {m.title}"


def gap_description(analysis: MeasureAnalysis, fmt: ValueFormat, period) -> str:
    first = next(iter(analysis.gaps.values()), None)
    out = [method_statement("i", first.result) + ", for each gap."] if first else []
    for g in analysis.gaps.values():
        text = _gap_sentence(analysis, g)
        clauses = signal_clauses(g.result, gap_meaning(g))
        out.append(sentence((text or f"Gap between {g.group} and {g.reference}") +
                            ("; " + "; ".join(clauses) if clauses else "; no special causes")))
    out.append("Each gap is the group's value minus the reference group's, charted with its own centre line "
               "and limits; a signal towards no gap is marked as improvement.")
    return " ".join(out)


# --- small multiples ----------------------------------------------------------------

def multiples_alt(title: str, items, m: Measure, period) -> str:
    return f"{plural(len(items), 'small control chart')}, shared axes: {m.title} ({', '.join(label for label, _ in items)})"


def multiples_description(items, m: Measure, fmt: ValueFormat, period, summaries=None) -> str:
    out = [method_statement(m.chart, items[0][1]) + ", for each panel."] if items else []
    for k, (label, r) in enumerate(items):
        s = summaries[k] if summaries else spc.summarise(r)
        out.append(sentence(level_sentence(m, s, fmt, r, subject=label) + _signals_tail(r)))
    return " ".join(out)


# --- Pareto -------------------------------------------------------------------

def pareto_alt(m: Measure, result: spc.ParetoResult) -> str:
    return f"Pareto chart: {m.title}, {plural(len(result.categories), 'category')}, largest first"


def pareto_description(m: Measure, result: spc.ParetoResult) -> str:
    if not len(result.categories):
        return "No data."
    total = float(result.counts.sum())
    unit = m.unit or "count"
    k80 = int(np.searchsorted(result.cumulative_percent, 80 - 1e-9) + 1)
    top = "; ".join(f"{c} {number(float(v), 0)} ({number(float(p), 0)}%)"
                    for c, v, p in zip(result.categories[:3], result.counts[:3], result.percent[:3]))
    return " ".join([
        sentence(f"{number(total, 0)} {unit} in {plural(len(result.categories), 'category')}"),
        sentence(f"Largest: {top}"),
        sentence(f"The top {plural(min(k80, len(result.categories)), 'category')} account for "
                 f"{number(float(result.cumulative_percent[min(k80, len(result.categories)) - 1]), 0)}% of the total"),
    ])


# --- a point's details, events ----------------------------------------------------

SIGNAL_WORDS = {
    "outside_limits": "a point outside the control limits",
    "long_run": "part of a long run on one side of the centre line",
    "shift": "part of a shift (points in a row on one side of the centre line)",
    "trend": "part of a trend (points in a row rising or falling)",
    "two_of_three": "2 of 3 points beyond 2 sigma on one side",
    "within_1_sigma": "15 points in a row within 1 sigma of the centre line",
}
"""Each signal of qisite.spc.rules.SIGNAL_NAMES in words (a test holds them in step)."""


def point_tips(m: Measure, result: spc.SpcResult, fmt: ValueFormat, period, *, counts=None,
               withheld=lambda index: "", meaning=None, part_labels: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Each point's details in words, for its SVG ``<title>`` (hover, tap, keyboard, screen readers):
    "Mar 2024: 42.0% (21 of 50). Part 2 of 2 (after the huddles). Signal (Anhøj rules): a point
    outside the control limits, improvement." ``counts`` is the measure's published series
    (numerator ``y``, denominator ``n``), shown for a measure with a denominator; a point whose
    figures disclosure control withholds (``withheld``) gets no details ("")."""
    meaning = result.classification if meaning is None else meaning
    show_counts = counts is not None and counts.n is not None and bool(m.n)
    parts = len(result.parts)
    unit = _unit_suffix(m, fmt) or (f" {m.unit.strip()}" if _counted(m) else "")
    # each column read once, as Python values (a tip per point of every chart)
    ys, part, bits = result.y.astype(float).tolist(), result.part.tolist(), result.bits.tolist()
    included, baseline = result.included.tolist(), result.baseline.tolist()
    split_baseline = any(baseline) and not all(baseline)
    numerators = [float(v) for v in counts.y] if show_counts else []
    denominators = [float(v) for v in counts.n] if show_counts else []
    rules = rule_label(result.rules)
    out = []
    for index, x in enumerate(result.x):
        value = ys[index]
        if withheld(index) or not math.isfinite(value):
            out.append("")
            continue
        text = f"{date_label(x, period)}: {fmt.value(value)}{unit}"
        if show_counts:
            numerator, denominator = numerators[index], denominators[index]
            if math.isfinite(numerator) and math.isfinite(denominator):
                text += f" ({number(numerator, 0 if numerator.is_integer() else 2)} of "
                text += f"{number(denominator, 0 if denominator.is_integer() else 2)})"
        tip = [text]
        if parts > 1:
            label = part_labels[part[index] - 1] if part[index] - 1 < len(part_labels) else ""
            tip.append(f"Part {part[index]} of {parts}" + (f" ({label})" if label else ""))
        elif split_baseline:
            tip.append("Baseline" if baseline[index] else "After the baseline")
        if not included[index]:
            tip.append("Excluded from the limits")
        names = signal_names(int(bits[index])) if bits[index] else []
        if names:
            kind = meaning[index] or "neutral"
            tip.append(f"Signal ({rules}): " + "; ".join(SIGNAL_WORDS.get(n, n) for n in names)
                       + ("" if kind == "neutral" else f", {kind}"))
        out.append(". ".join(tip) + ".")
    return tuple(out)


def event_title(event) -> str:
    """"3 Mar 2024: Ward 7 closed (not a test of change)": an event as its marker's title says it."""
    return f"{date_label(event.date, 'day')}: {event.text} (not a test of change)"


def events_sentence(events) -> str:
    """"Events marked (not tests of change): Ward 7 closed (3 Mar 2024: beds moved to ward 9); …" ('' for none)."""
    if not events:
        return ""
    return sentence("Events marked (not tests of change): " + "; ".join(
        f"{e.text} ({date_label(e.date, 'day')}" + (f": {e.description.strip().rstrip('.')})" if e.description else ")")
        for e in events))


# --- B chart (Bernoulli CUSUM) ------------------------------------------------

def risk(p: float) -> str:
    """A risk as a percentage, at decimals that fit it ("0.70%", "2.0%")."""
    return ValueFormat(percent=True, scale=100.0, decimals=decimals_for(p * 100, percent=True)).value(p)


def bchart_alt(m: Measure, result: BChartResult, period: str | None) -> str:
    return (f"Bernoulli CUSUM chart: {m.title}, {_cases(len(result))} "
            f"{span(list(result.x), period)}, {count(result.events)} with the event; two cumulative sums "
            f"tested against a risk of {risk(result.target)}, limits at ±{number(result.limit, 1)}")


_MEANING_WORDS = {"improvement": "an improvement", "concern": "a concern", "neutral": "a special cause"}


def bchart_description(m: Measure, result: BChartResult, period: str | None, meanings: dict[str, str],
                       cycles: tuple = ()) -> str:
    """What a B chart shows, in words: how it was set up, the cases, the target risk and where
    it came from, how the two sums move, where each reached its limit (and what that means here)."""
    if not len(result):
        return "No data."
    n, events = len(result), result.events
    if result.baseline is not None:
        source = f"the share of events among the first {_cases(result.baseline)} (the shaded baseline)"
    elif m.target is not None:
        source = "the target the team set"
    else:
        source = "the share of events among all the cases"
    limit, ratio = number(result.limit, 1), number(result.odds_ratio, 1 if result.odds_ratio % 1 else 0)
    out = [f"{short_chart_name(m.chart)} · odds ratio {ratio} · limits ±{limit}.", sentence(f"{_cases(n)} {span(list(result.x), period)}, {count(events)} with the event "
                    f"({risk(events / n)})"),
           sentence(f"Each case is weighed against a risk of {risk(result.target)}, {source}"),
           sentence(f"The upper sum climbs at each event and drifts down at each case without one: reaching "
                    f"+{limit} is evidence that the odds of the event have grown {ratio}-fold (a risk of about "
                    f"{risk(result.p_upper)}). The lower sum mirrors it: reaching −{limit} is evidence that the odds "
                    f"have fallen to 1/{ratio} (about {risk(result.p_lower)}). After a signal the sum starts again from 0")]
    said = False
    for name, word, move in ((UPPER, "upper", "a rise"), (LOWER, "lower", "a fall")):
        cases = result.signal_cases(name)
        if not cases:
            continue
        said = True
        named = [f"case {c} ({date_label(result.x[c - 1], period)})" for c in cases[:6]]
        more = f" and {len(cases) - 6} more" if len(cases) > 6 else ""
        at = ", ".join(named) if more or len(named) < 2 else ", ".join(named[:-1]) + " and " + named[-1]
        out.append(sentence(f"The {word} sum reached its limit {_times(len(cases))}, at {at}{more}: "
                            f"{move} in the risk, {_MEANING_WORDS[meanings[name]]}"))
    if not said:
        out.append(sentence(f"Neither sum reached its limit: no evidence that the risk has moved from "
                            f"{risk(result.target)}"))
    if cycles:
        out.append(cycles_sentence(cycles))
    return " ".join(out)


def bchart_headline(result: BChartResult, meanings: dict[str, str]) -> str:
    """The line over a B chart: which sum signalled and what it means, or that neither did."""
    said = [f"the {word} sum reached its limit {_times(len(result.signal_cases(name)))} ({move} in the risk, "
            f"{_MEANING_WORDS[meanings[name]]})"
            for name, word, move in ((UPPER, "upper", "a rise"), (LOWER, "lower", "a fall")) if result.signal_cases(name)]
    if not said:
        return sentence(f"No signal: no evidence that the risk has moved from {risk(result.target)}")
    return sentence(f"Against a risk of {risk(result.target)}, " + "; ".join(said))


def _cases(k: int) -> str:
    return f"{count(k)} case{'' if k == 1 else 's'}"


def _times(k: int) -> str:
    return {1: "once", 2: "twice"}.get(k, f"{k} times")
