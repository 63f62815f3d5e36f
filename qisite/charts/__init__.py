"""Charts of qisite: every chart the site needs, drawn with matplotlib as SVG
from the SPC engine's results.

Public API (details in README.md beside this file)::

    chart_requests(project, analyses, cycle_href=lambda cid: f"#pdsa-{cid}", *, groups=True)
        -> list[ChartRequest]   # kinds: spc, pareto; stratified: equity, gap, groups
    draw_charts(requests, cache_dir=Path(".qisite-cache/charts"), workers=None) -> dict[key, svg]
    render(request) -> svg      # one chart, in this process, no cache
    icon_svg("variation" | "assurance", code) -> str
    small_multiple_request(stratified_analysis) or
    small_multiple_request([(label, SpcResult), ...], measure=m, title=...) -> ChartRequest
    measure_tables(requests) -> dict[measure_id, ChartTable]   # the data under each measure's chart
"""
from .icons import icon_svg
from .plan import chart_requests, measure_cycles, measure_requests, small_multiple_request
from .pool import ChartError, draw_charts, render
from .request import KINDS, ChartRequest
from .style import STYLE_VERSION
from .tables import ChartTable, measure_tables

__all__ = [
           "KINDS",
           "STYLE_VERSION",
           "ChartError",
           "ChartRequest",
           "ChartTable",
           "chart_requests",
           "draw_charts",
           "icon_svg",
           "measure_cycles",
           "measure_requests",
           "measure_tables",
           "render",
           "small_multiple_request",
]
