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


def summary_json(site: SiteData, rows: list[dict[str, Any]] | None = None) -> str:
    """One row a line (the C encoder: an indented dump is the pure-Python one, a second at 1,000 projects)."""
    head = json.dumps({"version": SCHEMA_VERSION, "site": site.network.config.title,
                       "built": site.generated.isoformat(), "fields": list(FIELDS)}, ensure_ascii=False)
    found = summary_rows(site) if rows is None else rows
    body = ",\n".join(json.dumps(row, ensure_ascii=False) for row in found)
    return f'{head[:-1]}, "rows": [\n{body}\n]}}\n' if found else f'{head[:-1]}, "rows": []}}\n'


def summary_csv(site: SiteData, rows: list[dict[str, Any]] | None = None) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(FIELDS)
    for row in summary_rows(site) if rows is None else rows:
        writer.writerow([formula_safe(_cell(row[name])) for name in FIELDS])
    return buffer.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)
