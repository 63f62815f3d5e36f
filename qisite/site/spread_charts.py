"""The spread timeline of each family of a change idea (qisite.spread) as a chart:
its spec from the family, its title and long description, drawn through the
chart cache like every other chart (qisite.charts.spread)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from qisite.charts.keys import spread_key
from qisite.charts.spread import SpreadRow, SpreadSpec, describe_spread, spread_svg
from qisite.links import STATUS_WORDS
from qisite.spread import Spread


def spread_spec(family: Spread) -> SpreadSpec:
    index = {(s.project.id, s.use.idea.id): n for n, s in enumerate(family.steps)}
    rows = []
    for step in family.steps:
        cycles = step.cycles
        last = max((c.end or c.start for c in cycles), default=None)
        source = index.get((step.source.project.id, step.source.idea.id)) if step.source else None
        rows.append(SpreadRow(step.project.team, step.project.organisation, step.first_tested, last, step.status,
                              source, step.how))
    return SpreadSpec(family.started.use.idea.title, tuple(rows))


def spread_title(family: Spread) -> str:
    return f"Where '{family.started.use.idea.title}' started and where it spread"


def spread_chart(family: Spread, cache_dir: Path | None, counts: dict | None = None) -> tuple[str, str, str]:
    """(cache key, SVG, long description) of a family's timeline."""
    from qisite.charts.pool import draw_cached

    spec = spread_spec(family)
    texts = {"title": spread_title(family), "description": describe_spread(spec, STATUS_WORDS)}
    key = spread_key(spec, **texts)
    svg = draw_cached(key, partial(spread_svg, spec, prefix=f"q{key[:10]}", **texts), cache_dir, counts)
    return key, svg, texts["description"]


def spread_charts(families, cache_dir: Path | None) -> dict[str, tuple[str, str, str]]:
    """Family id → its timeline's (cache key, SVG, long description)."""
    return {family.id: spread_chart(family, cache_dir) for family in families}
