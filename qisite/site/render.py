"""The jinja2 environment: the packaged theme, overridable file by file from a
network's own templates/ folder; autoescaping everywhere."""

from __future__ import annotations

import contextlib
import datetime as dt
from importlib import resources
from itertools import chain
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from qisite import squire
from qisite.buildcache import seal, unseal, write_atomically
from qisite.charts.tables import ChartTable
from qisite.charts.text import date_label, rule_label
from qisite.headway import MOVEMENTS, SCALE, movement_words, score_name, score_text
from qisite.links import cycle_numbers, event_anchor, timeline, timeline_heading
from qisite.numbers import ValueFormat, change_text, count, decimals_for, gap_words, value_format
from qisite.site import urls
from qisite.site.bidi import isolate_bidi
from qisite.site.cards import CardCache, card_global
from qisite.site.images import images_folder
from qisite.site.markdown import render_markdown
from qisite.site.theme import ConfinedLoader

THEME = Path(str(resources.files("qisite") / "templates"))


def template_dirs(network_root: Path) -> list[Path]:
    own = network_root / "templates"
    return [own, THEME] if own.is_dir() else [THEME]


class SealedBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept between builds (compiling them is about half a second of every build
    that renders a page), sealed like every cache blob (qisite.buildcache): a file nobody sealed is
    never loaded. jinja2 compiles a template again when its source changed (the bucket's checksum)."""

    def __init__(self, folder: Path):
        self.folder = folder

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            payload = unseal((self.folder / f"{bucket.key}.bin").read_bytes())
        except OSError:
            return
        if payload is not None:
            bucket.bytecode_from_string(payload)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):   # else the next build compiles it again: slower, never wrong
            write_atomically(self.folder / f"{bucket.key}.bin", seal(bucket.bytecode_to_string()))


def environment(network_root: Path, compiled: Path | None = None) -> jinja2.Environment:
    """``compiled``: a folder to keep compiled templates in between builds."""
    env = jinja2.Environment(
        loader=ConfinedLoader(template_dirs(network_root)),
        bytecode_cache=SealedBytecodeCache(compiled) if compiled is not None else None,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=isolate_bidi,
    )
    env.filters.update(markdown=markdown, value=format_value, count=count, day=format_day)
    env.globals.update(url=url, urls=urls, slide_file=urls.slide_file, zip=zip, icon=icon, change=describe_change, gap=describe_gap,
                       headline_values=headline_values, cycle_numbers=cycle_numbers, timeline=timeline,
                       timeline_heading=timeline_heading, event_anchor=event_anchor, icon_title=icon_title,
                       icon_legend=icon_legend, rule_label=rule_label,
                       squire=squire.coverage, write_ups=write_ups,
                       squire_url=squire.URL, squire_citation=squire.SHORT_CITATION,
                       score_name=score_name, score_text=score_text,
                       movement_words=movement_words, MOVEMENTS=MOVEMENTS, SCALE=SCALE, period_label=date_label, table_rows=table_rows,
                       year_change=year_change,
                       cached_card=card_global(CardCache()))   # off until a build starts one (qisite.build)
    return env


@jinja2.pass_context
def markdown(context, text: str, heading_offset: int = 2, project=None) -> Markup:
    """A team's Markdown, showing images from ``project``'s folder (by default the project
    whose page this is); with no project, images show as their description."""
    project = project or getattr(context.get("data"), "project", None)
    images = urls.relative(context["page"], images_folder(project.id)) if project else None
    return render_markdown(text, heading_offset, images)


@jinja2.pass_context
def url(context, target: str) -> str:
    """A relative link from the page being rendered to ``target`` (a site path)."""
    return urls.relative(context["page"], target)


def _format_of(about) -> ValueFormat:
    """A measure's format from a ValueFormat, a Measure (for sites' own templates) or nothing."""
    if isinstance(about, ValueFormat):
        return about
    if about is not None and hasattr(about, "chart"):
        return value_format(about.chart, about.multiply, about.unit, [])
    return ValueFormat()


def format_value(value, about=None) -> str:
    """A value as the measure's chart shows it (67%, 1.5, 1,234); ``about`` is
    the measure's ValueFormat (ProjectData.formats) or the Measure."""
    fmt = _format_of(about)
    if isinstance(about, ValueFormat):
        return fmt.value(value)
    shown = value * fmt.scale if isinstance(value, (int, float)) else None
    return fmt.value(value, decimals_for(shown, percent=fmt.percent))


def headline_values(headline) -> tuple[str, str]:
    """Baseline and latest centre line at the same decimals, as the chart's description gives them."""
    return headline.format.pair(headline.baseline, headline.latest)


def describe_change(headline) -> str:
    """Percentage-point change for percentages (54% → 68% is +14 points), relative change otherwise."""
    return change_text(headline.format, headline.baseline, headline.latest, headline.relative_change)


def year_change(fmt: ValueFormat, pair) -> str:
    """A period against the same period a year earlier, as a headline words a change (+3 points, −12%)."""
    relative = (pair.value - pair.earlier_value) / pair.earlier_value if pair.earlier_value else None
    return change_text(fmt, pair.earlier_value, pair.value, relative)


def describe_gap(gap, measure) -> str:
    """'8 → 3 points, ratio 0.85 → 0.96 (no significant change)': the size of a gap
    to the reference group, baseline → latest, as every headline words it
    (GapHeadline.words; a bare GapHeadline is worded without ratio or verdict)."""
    words = gap.words or gap_words(measure.chart, measure.multiply, measure.unit, gap.baseline, gap.latest)
    return words.summary if words else "–"


def format_day(value) -> str:
    if isinstance(value, dt.date):
        return f"{value.day} {value:%b %Y}"
    return str(value) if value is not None else ""


def table_rows(table: ChartTable) -> Markup:
    """A chart's data table's rows (partials/data_table.html): a ``<tr>`` a point (greyed when left
    out of the limits, marked when its period has no data), its page cells written as a template
    writes a value (bidi controls isolated, then escaped). Made here rather than looped over in the
    template: a project page has thousands of cells, a third of its time as a Jinja loop."""
    texts = [[cell.text for cell in table.page_cells(row)] for row in table.rows]
    # each distinct text's cell written once (a table repeats its limits down every part)
    cell = {text: f"<td>{escape(isolate_bidi(text))}</td>" for text in set(chain.from_iterable(texts))}.__getitem__
    lines = []
    for row, shown in zip(table.rows, texts):
        css = ' class="excluded"' if row.excluded else ' class="missing"' if row.missing else ""
        lines.append(f"    <tr{css}>{''.join(map(cell, shown))}</tr>\n")
    return Markup("".join(lines))


def icon(kind: str, code: str) -> Markup:
    """A Making Data Count icon (an SVG made by qisite.charts) for inlining."""
    from qisite.charts import icon_svg

    return Markup(icon_svg(kind, code))


def icon_title(kind: str, code: str) -> str:
    """The icon's meaning in words (its tooltip), as qisite.charts.icons declares it."""
    from qisite.charts.icons import ASSURANCE, VARIATION

    table = VARIATION if kind == "variation" else ASSURANCE
    return table[code][0] if code in table else code.replace("_", " ")


def icon_legend() -> list[tuple[str, str, str]]:
    """(family, code, meaning) of every Making Data Count icon, for the icon key."""
    from qisite.charts.icons import ASSURANCE, VARIATION

    return ([("variation", code, row[0]) for code, row in VARIATION.items()]
            + [("assurance", code, row[0]) for code, row in ASSURANCE.items()])


def write_ups(project, *keys: str) -> list:
    """(SQUIRE 2.0 item, text) for each of these project.yaml write-up keys the project has written
    (qisite.squire): a section of the case study, headed by the items' names."""
    return [(squire.BY_KEY[key], getattr(project, key)) for key in keys if getattr(project, key)]


def inline(svg: str) -> Markup:
    """SVG text made by qisite.charts (its own text escaped there) for inlining."""
    return Markup(svg)
