"""``ChartRequest``: everything needed to draw one chart, as plain picklable data.

A request carries a *spec* (a frozen dataclass of :mod:`qisite.charts.specs`:
numbers, labels, options — no numpy, no model objects) so a pool worker can
draw it without the analysis, a *table* (:mod:`qisite.charts.tables`: the data
behind the chart, for the page and the CSV download) and a *key*: the content
hash of the spec, the texts and ``STYLE_VERSION``. Same key, same SVG.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

from qisite.buildcache import canonical_bytes

from .specs import ChartSpec
from .style import STYLE_VERSION
from .tables import ChartTable


def _code_version() -> str:
    """A hash of this package's source: any change to the drawing code retires
    every cached chart, even if STYLE_VERSION was not bumped."""
    h = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


CODE_VERSION = _code_version()
MATPLOTLIB_VERSION = version("matplotlib")   # read without importing it


def content_key(payload: str | bytes) -> str:
    """A chart's cache key: the content hash of ``payload`` (what it shows), the shared style,
    qisite's drawing code and matplotlib's version."""
    data = payload.encode() if isinstance(payload, str) else payload
    return hashlib.sha256(f"{STYLE_VERSION}|{CODE_VERSION}|{MATPLOTLIB_VERSION}|".encode() + data).hexdigest()[:32]


KINDS = ("spc", "equity", "gap", "pareto", "groups", "multiples", "bchart")


@dataclass(frozen=True)
class ChartRequest:
    key: str                     # content hash of data + options + STYLE_VERSION
    measure_id: str
    kind: str                    # one of KINDS
    filename: str                # e.g. "racist-incidents.svg"
    title: str
    alt: str                     # short text alternative
    description: str             # long description generated from the analysis
    spec: ChartSpec = field(compare=False, repr=False)    # what to draw
    table: ChartTable = field(compare=False, repr=False)  # the data behind the chart (page table and CSV)
    headline: str = ""           # e.g. "gap 8 → 3 points"
    cycles: tuple = ()           # (number, cycle_id, date, title) of each PDSA marker

    @property
    def csv_filename(self) -> str:
        return self.filename.rsplit(".", 1)[0] + ".csv"

    def csv(self) -> str:
        """The chart's data as CSV text (header row first), for a download link."""
        return self.table.csv()


def make_request(*, measure_id: str, kind: str, filename: str, title: str, alt: str,
                 description: str, spec: ChartSpec, table: ChartTable, headline: str = "",
                 cycles: tuple = ()) -> ChartRequest:
    if kind not in KINDS:
        raise ValueError(f"unknown chart kind {kind!r}: choose one of {', '.join(KINDS)}")
    payload = canonical_bytes((kind, title, alt, description, spec, headline))
    return ChartRequest(content_key(payload), measure_id, kind, filename, title, alt, description, spec, table,
                        headline, tuple(cycles))
