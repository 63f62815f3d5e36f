"""The network summary: ``summary.csv`` and ``summary.json`` at the site's root.

One row per measure — per group where the measure is stratified — for boards
that feed Power BI or Excel from the site. The field names are a contract
(documented in docs/site.md, "The summary file"); values come from the same
computation as the pages (``SiteData``: disclosure-controlled analyses, the one
value format of each measure, the one gap wording), so a figure reads the same
here as on the case study.
"""

from __future__ import annotations

import csv
import io
import json
import math
from dataclasses import dataclass
from typing import Any

from qisite.charts.describe import signal_clauses
from qisite.charts.tables import formula_safe
from qisite.site.context import ProjectData, SiteData
from qisite.site.urls import project as project_url

FIELDS = (
    "project", "project_title", "organisation", "team", "url", "illustrative",
    "measure", "measure_title", "measure_type", "chart", "rules", "group", "reference_group",
    "unit", "decimals", "points", "last_date", "latest_value", "centre_line", "baseline_centre_line", "latest_centre_line",
    "lower_limit", "upper_limit", "target", "variation", "assurance", "signals",
    "gap", "gap_verdict",
)
"""The columns of summary.csv and the keys of each row of summary.json, in order."""

SCHEMA_VERSION = 1
SUMMARY_CSV, SUMMARY_JSON = "summary.csv", "summary.json"   # at the site's root


@dataclass(frozen=True)
class SummaryText:
    """A project's part of the summary files as text, written once with its listing part
    (qisite.site.context.listing_data), so that a build joins texts and formats no row."""

    rows: tuple[dict[str, Any], ...]   # the rows it was written from (the very ProjectData.summary it goes with)
    csv: str                           # its lines of summary.csv
    json: str                          # its rows of summary.json, ",\n" between them

    @classmethod
    def of(cls, rows: tuple[dict[str, Any], ...]) -> SummaryText:
        return cls(rows, _csv_lines(rows), _json_lines(rows))


def summary_rows(site: SiteData) -> list[dict[str, Any]]:
    """Every project's rows, in site order (a project's as worked out with its analysis, when they were)."""
    return [row for data in site.projects
            for row in (data.summary if data.summary is not None else project_summary_rows(data))]


def project_summary_rows(data: ProjectData) -> tuple[dict[str, Any], ...]:
    """One project's rows: one per measure, per group where the measure is stratified (from its whole data)."""
    if not data.complete:
        raise ValueError(f"{data.project.id}: summary rows are worked out from a project's whole data")
    return tuple(_row(data, measure_id, group, result) for measure_id, analysis in data.analyses.items()
                 for group, result in analysis.results.items())


def _row(data: ProjectData, measure_id: str, group, result) -> dict[str, Any]:
    project, analysis = data.project, data.analyses[measure_id]
    measure, fmt = analysis.measure, data.formats[measure_id]
    summary = analysis.summaries.get(group)
    last = len(result) - 1
    withheld = bool(analysis.withheld(group, last)) if last >= 0 else False
    gap = next((g for g in data.gaps.get(measure_id, ()) if g.group == group), None)
    variation, assurance = (analysis.icons or {}).get(group, (None, None))

    def shown(value) -> float | None:
        """A value as the page shows it: in the measure's units, at its decimals."""
        if value is None or not math.isfinite(float(value)):
            return None
        return round(float(value) * fmt.scale, fmt.decimals)

    return {
        "project": project.id,
        "project_title": project.title,
        "organisation": project.organisation,
        "team": project.team,
        "url": project_url(project.id),
        "illustrative": bool(project.illustrative),
        "measure": measure_id,
        "measure_title": measure.title,
        "measure_type": measure.type,
        "chart": measure.chart,
        "rules": analysis.rules,
        "group": group or "",
        "reference_group": (measure.reference or "") if measure.stratified else "",
        "unit": "%" if fmt.percent else (measure.unit or ""),
        "decimals": fmt.decimals,
        "points": len(result),
        "last_date": result.x[last].isoformat() if last >= 0 and hasattr(result.x[last], "isoformat") else "",
        "latest_value": None if withheld or last < 0 else shown(result.y[last]),
        "centre_line": shown(result.cl[last]) if last >= 0 else None,
        "baseline_centre_line": shown(summary.baseline_cl) if summary else None,
        "latest_centre_line": shown(summary.latest_cl) if summary else None,
        "lower_limit": shown(result.lcl[last]) if last >= 0 else None,
        "upper_limit": shown(result.ucl[last]) if last >= 0 else None,
        "target": shown(measure.target),
        "variation": variation or "",
        "assurance": assurance or "",
        "signals": "; ".join(signal_clauses(result)),
        "gap": gap.text if gap else "",
        "gap_verdict": gap.verdict if gap else "",
    }


def _texts(site: SiteData) -> list[SummaryText]:
    """Every project's part of the summary files, in site order: as written with its listing part, else now."""
    return [text if (text := data.summary_text) is not None and text.rows is data.summary
            else SummaryText.of(data.summary if data.summary is not None else project_summary_rows(data))
            for data in site.projects]


def summary_json(site: SiteData, rows: list[dict[str, Any]] | None = None) -> str:
    """One row a line (the C encoder: an indented dump is the pure-Python one, a second at 1,000 projects);
    the projects' rows as written with their listing parts, unless ``rows`` are given."""
    head = json.dumps({"version": SCHEMA_VERSION, "site": site.network.config.title,
                       "built": site.generated.isoformat(), "fields": list(FIELDS)}, ensure_ascii=False)
    body = ",\n".join(filter(None, (t.json for t in _texts(site)))) if rows is None else _json_lines(rows)
    return f'{head[:-1]}, "rows": [\n{body}\n]}}\n' if body else f'{head[:-1]}, "rows": []}}\n'


def _json_lines(rows) -> str:
    return ",\n".join(json.dumps(row, ensure_ascii=False) for row in rows)


def summary_csv(site: SiteData, rows: list[dict[str, Any]] | None = None) -> str:
    """The header, then the projects' lines as written with their listing parts, unless ``rows`` are given."""
    body = "".join(t.csv for t in _texts(site)) if rows is None else _csv_lines(rows)
    return _csv_text([FIELDS]) + body


def _csv_lines(rows) -> str:
    return _csv_text([formula_safe(_cell(row[name])) for name in FIELDS] for row in rows)


def _csv_text(lines) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(lines)
    return buffer.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)
