"""Each chart's cache key, worked out without importing matplotlib (a build that draws nothing
never imports it): the content hash of what the chart shows (:func:`qisite.charts.request.content_key`
adds the shared style, qisite's drawing code and matplotlib's version). Same key, same drawing."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from typing import TYPE_CHECKING

from .request import content_key

if TYPE_CHECKING:
    from qisite.equity import EquityResult, FunnelResult
    from qisite.numbers import ValueFormat

    from .spread import SpreadSpec

SLIDES_VERSION = "1"        # bump when the layout of a PNG for slides changes (qisite.charts.slides)


def sii_key(result: EquityResult, value_format: ValueFormat, *, title: str, ylabel: str) -> str:
    """An SII chart's (qisite.charts.sii): its figures and texts."""
    return content_key(json.dumps({"kind": "sii", "result": result.to_dict(), "format": value_format.spec(),
                                   "title": title, "ylabel": ylabel}, sort_keys=True, ensure_ascii=False, allow_nan=False))


def journey_key(figure) -> str:
    """A progress chart's (qisite.charts.journey; ``figure``: qisite.site.journey.PathFigure)."""
    return content_key(json.dumps({"kind": "progress", "title": figure.title, "axis": figure.axis,
                                   "dates": [d.isoformat() for d in figure.dates], "values": list(figure.values),
                                   "levels": [list(level) for level in figure.levels], "description": figure.description,
                                   "until": figure.until.isoformat() if figure.until else None},
                                  sort_keys=True, ensure_ascii=False))


def funnel_key(result: FunnelResult, value_format: ValueFormat, *, title: str, ylabel: str, xlabel: str) -> str:
    """A funnel plot's (qisite.charts.funnel)."""
    return content_key(json.dumps({"kind": "funnel", "result": result.to_dict(), "multiply": result.multiply,
                                   "format": value_format.spec(), "title": title, "ylabel": ylabel, "xlabel": xlabel},
                                  sort_keys=True, ensure_ascii=False, allow_nan=False))


def spread_key(spec: SpreadSpec, *, title: str, description: str) -> str:
    """A spread chart's (qisite.charts.spread): its rows and texts."""
    return content_key(json.dumps({"kind": "spread", "spec": asdict(spec), "title": title, "description": description},
                                  sort_keys=True, ensure_ascii=False, default=str))


def slide_key(chart_key: str, title: str, provenance: list[str]) -> str:
    """A PNG for slides' (qisite.charts.slides): its chart's key (which covers the drawing code and
    style), its texts and the layout. It ends in ``.png`` (the chart cache holds both; qisite.charts.pool)."""
    payload = "\n".join([SLIDES_VERSION, chart_key, title, *provenance])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32] + ".png"
