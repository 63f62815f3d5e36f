"""``qisite export PROJECT --out FILE.html``: one project's case study as a single file."""

from __future__ import annotations

import logging
import os
import secrets
from pathlib import Path

from qisite.build import build_date
from qisite.commands.root import network_root
from qisite.load.network import load_network
from qisite.problems import Problems, QisiteError
from qisite.site.context import site_data
from qisite.site.making import path_chart, sii_charts
from qisite.site.output import CACHE_DIR
from qisite.terminal import for_terminal

log = logging.getLogger("qisite")


def register(subparsers) -> None:
    parser = subparsers.add_parser("export", help="write one project's case study as a single HTML file",
                                   description="Write one self-contained HTML file of a project's case study "
                                               "(styles, charts, data tables and provenance inline; it loads "
                                               "nothing), for reviewers and email.")
    parser.add_argument("project", help="the project's id (its folder name)")
    parser.add_argument("--out", "-o", type=Path, required=True, metavar="FILE.html", help="the file to write")
    parser.add_argument("--root", type=Path, help="the network folder (default: found as build finds it)")
    parser.set_defaults(func=run)


def run(args) -> int:
    from qisite.charts import chart_requests, draw_charts, measure_tables
    from qisite.site.export import export_html

    root = network_root(args.root)
    problems = Problems()
    network = load_network(root, problems)
    cwd = Path.cwd()
    project = next((p for p in network.projects if p.id == args.project), None)
    if project is None:
        for problem in problems:
            print(for_terminal(problem.format(cwd)))
        known = ", ".join(sorted(p.id for p in network.projects)) or "none"
        raise QisiteError(f"no project '{args.project}' to export" + (" (it has errors, above)" if problems.errors else ""),
                          f"the projects that can be exported: {known}")
    if args.out.suffix.lower() not in (".html", ".htm"):
        raise QisiteError(f"{args.out}: the file's name must end in .html")
    site = site_data(network, generated=build_date())
    data = site.data(project.id)
    requests = chart_requests(project, data.analyses, cycle_href=lambda cid: f"#pdsa-{cid}")
    svgs = draw_charts(requests, cache_dir=root / CACHE_DIR / "charts", workers=1)
    charts = [(r, svgs[r.key]) for r in requests]
    sii = {mid: svg for mid, (_, svg) in sii_charts(data, root / CACHE_DIR / "charts").items()}
    path = path_chart(data, root / CACHE_DIR / "charts")
    html = export_html(site, project.id, root, charts, measure_tables(r for r, _ in charts), sii, path[1] if path else None)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    partial = args.out.with_name(f".{args.out.name}.{secrets.token_hex(4)}.partial")
    try:
        partial.write_text(html, encoding="utf-8")
        os.replace(partial, args.out)
    finally:
        partial.unlink(missing_ok=True)
    log.info(f"wrote {args.out} ({len(html.encode()) // 1024} KB): the case study of '{project.id}' in one file")
    return 0
