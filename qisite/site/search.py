"""The client-side search index: a .js file that sets a global, so search works
from file:// (no fetch, no modules, no workers) and loads only when used."""

from __future__ import annotations

import json

from qisite.site import urls
from qisite.site.context import SiteData

GLOBAL = "QISITE_SEARCH_INDEX"


def search_entries(site: SiteData) -> list[dict]:
    """One entry per project, change idea and equity area: title, url, kind, summary, text."""
    entries = []
    for data in site.projects:
        p = data.project
        text = [p.team, p.organisation, p.place, p.population, p.equity_gap, p.affected_group, p.aim.statement,
                " ".join(p.equity_areas), p.stage, *(i.title for i in p.drivers.change_ideas),
                *(m.title for m in p.measures), *(c.title for c in p.cycles)]
        summary = f"{data.headline_text}. {p.summary}" if data.headline_text else p.summary  # the equity headline leads
        entries.append(_entry(p.title, urls.project(p.id), "project", summary, text))
    for entry in site.library.values():
        text = [u.project.title for u in entry.uses] + list(entry.teams) + [u.idea.description for u in entry.uses]
        entries.append(_entry(entry.title, urls.idea(entry.id), "change idea", f"Tested by {len(entry.teams)} team{'' if len(entry.teams) == 1 else 's'}", text))
    for area in site.network.config.equity_areas:
        if area.id in site.by_area:
            entries.append(_entry(area.title, urls.area(area.id), "equity area", area.description, [area.id]))
    return entries


def _entry(title: str, url: str, kind: str, summary: str, text: list[str]) -> dict:
    return {"t": title, "u": url, "k": kind, "s": summary, "x": " ".join(t for t in text if t).lower()}


def search_script(site: SiteData) -> str:
    payload = json.dumps(search_entries(site), ensure_ascii=False, separators=(",", ":"))
    payload = payload.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.{GLOBAL}={payload};\n"
