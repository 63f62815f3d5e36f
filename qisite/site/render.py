"""The jinja2 environment: the packaged theme, overridable file by file from a
network's own templates/ folder; autoescaping everywhere."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path

import jinja2
from markupsafe import Markup

from qisite.links import cycle_numbers
from qisite.site import urls
from qisite.site.bidi import isolate_bidi
from qisite.site.markdown import render_markdown
from qisite.site.theme import ConfinedLoader

THEME = Path(str(resources.files("qisite") / "templates"))


def template_dirs(network_root: Path) -> list[Path]:
    own = network_root / "templates"
    return [own, THEME] if own.is_dir() else [THEME]


def environment(network_root: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=ConfinedLoader(template_dirs(network_root)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=isolate_bidi,
    )
    env.filters.update(markdown=render_markdown, value=format_value, day=format_day)
    env.globals.update(url=url, urls=urls, zip=zip, icon=icon, change=describe_change, gap=describe_gap, cycle_numbers=cycle_numbers)
    return env


@jinja2.pass_context
def url(context, target: str) -> str:
    """A relative link from the page being rendered to ``target`` (a site path)."""
    return urls.relative(context["page"], target)


def is_percent(measure) -> bool:
    return measure is not None and (measure.multiply == 100 or "%" in (measure.unit or ""))


def format_value(value, measure=None) -> str:
    """A centre line or point for people: 67%, 1.5%, 2.0, 0.3, 1,234."""
    if value is None or value != value:
        return "–"
    if is_percent(measure):
        return f"{value:.0f}%" if abs(value) >= 10 else f"{value:.1f}%"
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    return f"{value:.0f}" if abs(value) >= 100 else f"{value:.1f}"


def describe_change(headline) -> str:
    """Percentage-point change for percentages (54% → 68% is +14 points), relative change otherwise."""
    if is_percent(headline.measure):
        points = headline.latest - headline.baseline
        return f"{points:+.1f} points" if abs(points) < 10 else f"{points:+.0f} points"
    if headline.relative_change is None:
        return ""
    return f"{headline.relative_change * 100:+.0f}%"


def describe_gap(gap, measure) -> str:
    """'8 → 3 points (narrowed)': the size of a gap to the reference group, baseline → latest."""
    if gap.baseline is None or gap.latest is None:
        return "–"
    before, after = abs(gap.baseline), abs(gap.latest)
    if is_percent(measure):
        size = lambda v: f"{v:.0f}" if v >= 1 else f"{v:.1f}"  # as the charts' headline: whole points
        unit = " points"
    else:
        size, unit = format_value, f" {measure.unit}" if measure.unit else ""
    if size(before) == size(after):
        return f"{size(after)}{unit}"
    trend = "narrowed" if after < before else "widened"
    return f"{size(before)} → {size(after)}{unit} ({trend})"


def format_day(value) -> str:
    if isinstance(value, dt.date):
        return f"{value.day} {value:%b %Y}"
    return str(value) if value is not None else ""


def icon(kind: str, code: str) -> Markup:
    """A Making Data Count icon (an SVG made by qisite.charts) for inlining."""
    from qisite.charts import icon_svg

    return Markup(icon_svg(kind, code))


def inline(svg: str) -> Markup:
    """SVG text made by qisite.charts (its own text escaped there) for inlining."""
    return Markup(svg)
