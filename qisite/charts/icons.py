"""Making Data Count icons (NHS England) as small inline SVGs for summary tables.

Variation: ``common_cause``, ``improvement_high|low``, ``concern_high|low``,
``neutral_high|low`` (the codes ``qisite.spc`` gives, NHSRplotthedots names).
Assurance: ``consistent_pass``, ``consistent_fail``, ``inconsistent`` (also
accepted: ``pass``, ``fail``, ``hit_and_miss``).

As in Making Data Count, improvement is blue, concern orange, neither purple
and common cause grey, with H/L (high/low) and P/F/? letters; meaning does
not rest on colour alone — the highlighted points use the chart's marker
shapes (circle improvement, square concern, diamond neither) and every icon
carries its words in ``<title>`` and ``aria-label``.
"""
from __future__ import annotations

from functools import lru_cache
from html import escape

from . import style

VARIATION = {
    "common_cause": ("Common cause variation: no significant change", style.NEUTRAL, "", None),
    "improvement_high": ("Special cause variation: improvement (high values)", style.IMPROVEMENT, "H", "improvement"),
    "improvement_low": ("Special cause variation: improvement (low values)", style.IMPROVEMENT, "L", "improvement"),
    "concern_high": ("Special cause variation: concern (high values)", style.CONCERN, "H", "concern"),
    "concern_low": ("Special cause variation: concern (low values)", style.CONCERN, "L", "concern"),
    "neutral_high": ("Special cause variation: high values, neither improvement nor concern", style.PURPLE, "H", "neutral"),
    "neutral_low": ("Special cause variation: low values, neither improvement nor concern", style.PURPLE, "L", "neutral"),
}
ASSURANCE = {
    "consistent_pass": ("Assurance: the target will consistently be met", style.IMPROVEMENT, "P"),
    "consistent_fail": ("Assurance: the target will consistently be missed", style.CONCERN, "F"),
    "inconsistent": ("Assurance: hit and miss — the target will be met only some of the time", style.NEUTRAL, "?"),
}
ALIASES = {"pass": "consistent_pass", "fail": "consistent_fail", "hit_and_miss": "inconsistent",
           "hit-and-miss": "inconsistent", "common": "common_cause",
           "neither_high": "neutral_high", "neither_low": "neutral_low"}  # names before 2026-12

_OPEN = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40" width="{size}" height="{size}" '
         'role="img" aria-label="{label}" class="qisite-icon qisite-icon-{family} qisite-icon-{code}">'
         '<title>{label}</title>')
_RING = '<circle cx="20" cy="20" r="18" fill="#ffffff" stroke="{c}" stroke-width="2.5"/>'
_LETTER = ('<text x="20" y="15.5" text-anchor="middle" font-size="11" font-weight="700" fill="{c}" '
           'font-family="system-ui, -apple-system, \'Segoe UI\', Roboto, Arial, sans-serif">{t}</text>')


def _marker(kind: str | None, x: float, y: float, c: str) -> str:
    if kind == "concern":
        return f'<rect x="{x - 2.6:.1f}" y="{y - 2.6:.1f}" width="5.2" height="5.2" fill="{c}"/>'
    if kind == "neutral":
        return f'<path d="M{x:.1f} {y - 3.2:.1f}L{x + 3.2:.1f} {y:.1f}L{x:.1f} {y + 3.2:.1f}L{x - 3.2:.1f} {y:.1f}Z" fill="{c}"/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.7" fill="{c}"/>'


def _variation(code: str) -> tuple[str, str]:
    label, colour, letter, kind = VARIATION[code]
    xs = [9, 13.5, 18, 22.5, 27, 31.5]
    if code == "common_cause":
        ys = [25, 22, 26, 23, 25, 22]
    elif code.endswith("_high"):
        ys = [28, 29, 27, 23, 21, 19]
    else:
        ys = [20, 19, 21, 25, 27, 29]
    line = " ".join(f"{x},{y}" for x, y in zip(xs, ys))
    body = [_RING.format(c=colour),
            f'<polyline points="{line}" fill="none" stroke="{style.MUTED}" stroke-width="1.4"/>']
    for i, (x, y) in enumerate(zip(xs, ys)):
        special = kind is not None and i >= 3
        body.append(_marker(kind, x, y, colour) if special else
                    f'<circle cx="{x}" cy="{y}" r="1.6" fill="{style.MUTED}"/>')
    if letter:
        body.append(_LETTER.format(c=colour, t=letter))
    return "".join(body), label


def _assurance(code: str) -> tuple[str, str]:
    label, colour, letter = ASSURANCE[code]
    # the process band (limits) and the target: below it (met), above it (missed), inside (hit and miss)
    target_y = {"consistent_pass": 32.5, "consistent_fail": 18, "inconsistent": 25.5}[code]
    band = (f'<line x1="9" y1="21.5" x2="31" y2="21.5" stroke="{style.MUTED}" stroke-width="1.2"/>'
            f'<line x1="9" y1="29.5" x2="31" y2="29.5" stroke="{style.MUTED}" stroke-width="1.2"/>')
    target = (f'<line x1="7" y1="{target_y}" x2="33" y2="{target_y}" stroke="{colour}" stroke-width="1.8" '
              f'stroke-dasharray="3 1.6"/>')
    return _RING.format(c=colour) + band + target + _LETTER.format(c=colour, t=letter), label


@lru_cache(maxsize=64)
def icon_svg(family: str, code: str | None, size: str = "2.5em") -> str:
    """A small inline SVG icon: ``family`` "variation" or "assurance"; ``code``
    as produced by :mod:`qisite.spc` (None or an unknown code → "")."""
    if code is None:
        return ""
    code = ALIASES.get(code, code)
    if family == "variation" and code in VARIATION:
        body, label = _variation(code)
    elif family == "assurance" and code in ASSURANCE:
        body, label = _assurance(code)
    elif family not in ("variation", "assurance"):
        raise ValueError(f"unknown icon family {family!r}: choose variation or assurance")
    else:
        return ""
    return _OPEN.format(size=escape(size), label=escape(label), family=family, code=code) + body + "</svg>"
