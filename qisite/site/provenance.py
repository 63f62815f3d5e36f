"""Where a download comes from, carried inside it (pure: text in, text out).

A chart or a data file saved from a page travels without the page: a
standalone SVG carries its project, source, build date and the
illustrative-data notice in ``<metadata>`` and at the end of its ``<desc>``;
each project folder's README.txt says the same for its CSV files (a CSV keeps
no comment lines, so spreadsheets and ``read.csv`` open it as a plain table).
"""

from __future__ import annotations

import datetime as dt
import re
from html import escape

from qisite.model import Project, SiteConfig
from qisite.site import urls

_ROOT = re.compile(r"<svg\b[^>]*>")
_DESC_END = "</desc>"


def page_address(config: SiteConfig, project: Project) -> str:
    """The project page's address: absolute with site_url, else its path in the site."""
    path = urls.project(project.id)
    return config.site_url.rstrip("/") + "/" + path if config.site_url else path


def provenance_lines(project: Project, config: SiteConfig, built: dt.date | None) -> list[str]:
    """Project, source, build date and whether the data is the team's own, one fact a line
    (``built`` None: no build date, for an image that would otherwise be drawn again every day)."""
    note = project.illustrative_notice(config)
    return [
        f"Project: {project.title} ({project.team}, {project.organisation})",
        f"Source: {config.title}, {page_address(config, project)}",
        *([f"Built: {built.isoformat()}"] if built is not None else []),
        f"Illustrative data: {note}" if note else "Data: the team's own",
    ]


def svg_with_provenance(svg: str, lines: list[str]) -> str:
    """A standalone chart with its provenance in <metadata> and at the end of its <desc>."""
    text = "; ".join(lines)
    metadata = f"<metadata>{escape(text)}</metadata>"
    svg = _ROOT.sub(lambda m: m.group(0) + metadata, svg, count=1)
    at = svg.find(_DESC_END)
    return svg if at < 0 else svg[:at] + " " + escape(text) + svg[at:]


def readme_text(project: Project, config: SiteConfig, built: dt.date, files: list[str]) -> str:
    """README.txt beside a project's downloads."""
    body = [f"Downloads of {project.title}", "", *provenance_lines(project, config, built), "",
            "Files (each CSV is the data table under its chart on the page; each SVG is the chart"
            + ("; each PNG is the chart for slides, with its title and these lines inside it):"
               if any(name.endswith(".png") for name in files) else "):"),
            *(f"  {name}" for name in sorted(files))]
    return "\n".join(body) + "\n"
