"""One project's case study as a single self-contained HTML file (``qisite export``).

The project's page as the site shows it, with the stylesheet inline, every chart
inline (SVG), every data table, the data as ``data:`` downloads and where the
project came from, in a layout with no navigation, no script and a Content
Security Policy that forbids any request, so it reads the same opened from an
email attachment. Links to the site's other pages point at the published site
when ``site_url`` is set, and are plain text otherwise.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote, urljoin

import jinja2
from markupsafe import Markup

from qisite.site import urls
from qisite.site.context import SiteData
from qisite.site.render import environment, inline, template_dirs
from qisite.site.theme import read_theme_file

LAYOUT = "export.html"
UNLINKED = "#qisite-unlinked"
_UNLINKED_ANCHOR = re.compile(r'<a\b[^>]*\bhref="' + re.escape(UNLINKED) + r'(?:#[^"]*)?"[^>]*>(.*?)</a>', re.S)  # a fragment may follow
_CHART_FILE_ANCHOR = re.compile(r'<a\b[^>]*\bhref="[a-z0-9][a-z0-9-]*\.(?:svg|png)"[^>]*>.*?</a>', re.S)  # SVG and slide PNG


def stylesheet(root: Path) -> Markup:
    """The site's stylesheet (the network's own if it has one), safe inside <style>."""
    for folder in template_dirs(root):
        path = folder / "static" / "site.css"
        if path.is_file():
            css = read_theme_file(path, folder / "static").decode("utf-8", errors="replace")
            return Markup(css.replace("</", "<\\/"))  # CSS text; "</" escaped so it cannot close <style>
    return Markup("")


def export_html(site: SiteData, project_id: str, root: Path, charts: list, tables: dict,
                sii: dict | None = None, path: str | None = None) -> str:
    """The case study of ``project_id`` as one HTML document (``sii``: measure id → its SII chart's SVG;
    ``path``: its progress chart's SVG)."""
    data = site.data(project_id)
    page = urls.project(project_id)
    site_url = site.network.config.site_url

    @jinja2.pass_context
    def url(context, target: str) -> str:
        return urljoin(site_url if site_url.endswith("/") else site_url + "/", target) if site_url else UNLINKED

    env = environment(root)
    env.globals["url"] = url
    html = env.get_template("project.html").render(
        page=page, root=urls.root_of(page), site=site, urls=site.urls, config=site.network.config, inline=inline,
        data=data, charts=charts, sii_charts=sii or {}, path_chart=path or "", tables=tables, layout=LAYOUT, stylesheet=stylesheet(root))
    for measure_id, table in tables.items():
        download = "data:text/csv;charset=utf-8," + quote(table.csv(), safe="")
        html = html.replace(f'href="{measure_id}.csv"', f'href="{download}"')
    html = _CHART_FILE_ANCHOR.sub("", html)  # the chart is inline, right above
    return _UNLINKED_ANCHOR.sub(r"\1", html)
