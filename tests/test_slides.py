"""Charts ready for slides (issue #14, PowerBI-SPC #377): a PNG beside each chart's SVG
download, 1920 px wide, with the chart's title and the downloads' source line inside the
image; the same bytes for the same inputs; left out with ``slides: false``."""

import io
import re
import struct

import numpy as np
import pytest
from matplotlib.image import imread

from qisite.build import build
from qisite.charts import kit
from qisite.charts.keys import slide_key
from qisite.charts.slides import GAP, PAD, TITLE_PX, WIDTH, slide_png, slide_text

from support import copy_example_network

PNG = b"\x89PNG\r\n\x1a\n"
LINES = ["Project: Falls on Ward 7 (Ward 7 team, Riverside NHS Trust)",
         "Source: Riverside QI network, https://example.org/qi/projects/falls/index.html",
         "Built: 2024-09-01", "Illustrative data: Made up for training."]


def size(data: bytes) -> tuple[int, int]:
    assert data.startswith(PNG)
    return struct.unpack(">II", data[16:24])


def chart():
    """A small chart drawn with the kit, as every qisite chart is."""
    frame = kit.Frame()
    panel = frame.axes(58, 40, 640, 260)
    panel.set_xlim(0, 10)
    panel.set_ylim(0, 10)
    from matplotlib.lines import Line2D
    panel.add_line(Line2D([0, 5, 10], [2, 8, 4], color="#0072B2", linewidth=2))
    return frame.fig


def ink(image: np.ndarray, top: int, bottom: int) -> int:
    """Pixels in rows top..bottom that are not white."""
    return int((image[top:bottom, :, :3] < 0.9).any(axis=2).sum())


def test_the_slide_text_is_the_title_wrapped_and_every_line_of_the_source():
    text = slide_text("Falls per 1,000 bed days on Ward 7 and Ward 8 of Riverside General, before and after "
                      "the intentional rounding bundle", LINES)
    assert len(text.title) == 2 and " ".join(text.title).startswith("Falls per 1,000 bed days")
    assert text.source == tuple(LINES)
    assert slide_text("  ", []).title == ("Chart",)
    assert slide_text("a\nb", ["x " * 200]).title == ("a b",) and len(slide_text("t", ["x " * 200]).source) == 3


def test_each_slide_gets_its_charts_title_and_the_readmes_source_lines(tmp_path, monkeypatch):
    """What the build hands the composition: the chart's title, and the provenance lines README.txt
    and the SVG's <metadata> carry (qisite.site.provenance), in the same order."""
    import shutil

    from golden.snapshot import NETWORK

    from qisite.charts import slides

    shutil.copytree(NETWORK, tmp_path / "network", ignore=shutil.ignore_patterns(".qisite-cache"))
    calls = []

    def record(make_figure, title, provenance):
        calls.append((title, list(provenance)))
        return PNG + b"\0\0\0\rIHDR" + struct.pack(">II", 1920, 1080)

    monkeypatch.setattr(slides, "slide_png", record)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1725148800")
    report = build(tmp_path / "network", tmp_path / "_site", workers=1)
    assert report.written
    readme = (tmp_path / "_site/projects/otterbury-eye-screening/README.txt").read_text(encoding="utf-8")
    lines = readme.split("\n\n")[1].splitlines()
    assert lines[0].startswith("Project: ") and lines[2] == "Built: 2024-09-01"
    undated = lines[:2] + lines[3:]   # a slide leaves the build date out: it is not drawn again every day
    titles = {title for title, provenance in calls if provenance == undated}
    assert "Diabetic eye screening in Otterbury's most deprived neighbourhoods: progress over time" in titles
    assert len(titles) == 4   # its three charts and its progress chart
    assert len(calls) == len(list((tmp_path / "_site").glob("projects/*/*.svg")))


def test_a_slide_is_1920_px_wide_with_its_title_above_and_its_source_below():
    data = slide_png(chart, "Falls per 1,000 bed days", LINES)
    width, height = size(data)
    assert width == WIDTH >= 1600 and height > 700
    image = imread(io.BytesIO(data))
    title_bottom = PAD + round(TITLE_PX * 1.3)
    assert ink(image, 0, PAD) == 0                                # a white margin
    assert ink(image, PAD, title_bottom) > 1000                   # the title is drawn
    assert ink(image, height - PAD - 4 * 32, height - PAD) > 1000  # the four source lines
    assert ink(image, title_bottom, title_bottom + GAP) == 0
    assert ink(image, height - PAD, height) == 0
    # the title's words and the source's are what make those rows: other words, other pixels
    other = imread(io.BytesIO(slide_png(chart, "Pressure ulcers, category 2 and above", LINES[:1])))
    assert not np.array_equal(other[PAD:title_bottom], image[PAD:title_bottom])
    assert other.shape[0] < image.shape[0]


def test_the_same_chart_gives_the_same_bytes_without_a_software_stamp():
    first = slide_png(chart, "Falls", LINES)
    assert slide_png(chart, "Falls", LINES) == first
    assert b"Software" not in first and b"tEXt" not in first and b"tIME" not in first
    key = slide_key("0123abcd" * 4, "Falls", LINES)
    assert key.endswith(".png") and key == slide_key("0123abcd" * 4, "Falls", LINES)
    assert key != slide_key("0123abcd" * 4, "Falls", [*LINES[:2], "Built: 2024-09-02", LINES[3]])


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    """The example network built once (its site.yaml turns slides on)."""
    root = copy_example_network(tmp_path_factory.mktemp("slides"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1725148800")
        report = build(root, root / "_site")
    assert report.written, [p.format() for p in report.problems]
    return root


def test_every_chart_download_of_the_example_has_its_slide_linked_and_listed(example):
    site = example / "_site"
    svgs = sorted(site.glob("projects/*/*.svg"))
    assert len(svgs) > 20
    for svg in svgs:
        png = svg.with_suffix(".png")
        assert png.is_file(), png
        width, height = size(png.read_bytes())
        assert width >= 1600 and height > 600
        page = (svg.parent / "index.html").read_text(encoding="utf-8")
        assert (f'<a href="{svg.name}" download>Download chart (SVG)</a> '
                f'<a href="{png.name}" download>PNG for slides</a>') in page
        assert f"  {png.name}\n" in (svg.parent / "README.txt").read_text(encoding="utf-8")
    cached = sorted((example / ".qisite-cache" / "charts").glob("??/*.png"))
    assert len(cached) == len(svgs)


def test_slides_are_kept_in_the_cache_and_an_unchanged_rebuild_writes_nothing(example, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1725148800")
    before = {p: p.read_bytes() for p in (example / "_site").glob("projects/*/*.png")}
    again = build(example, example / "_site")
    assert again.cache_pruned == 0 and again.charts_drawn == 0 and again.files_written == 0
    assert {p: p.read_bytes() for p in (example / "_site").glob("projects/*/*.png")} == before


def test_slides_false_leaves_out_the_pngs_and_their_links(example, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1725148800")
    site_yaml = example / "site.yaml"
    site_yaml.write_text(site_yaml.read_text(encoding="utf-8") + "\nslides: false\n", encoding="utf-8")
    report = build(example, example / "_site")
    assert report.written
    site = example / "_site"
    assert not list(site.rglob("*.png")) and list(site.glob("projects/*/*.svg"))
    for page in site.glob("projects/*/index.html"):
        text = page.read_text(encoding="utf-8")
        assert "PNG for slides" not in text and not re.search(r'href="[^"]*\.png"', text)
        assert ".png" not in (page.parent / "README.txt").read_text(encoding="utf-8")
    assert not list((example / ".qisite-cache" / "charts").glob("??/*.png"))   # pruned: no build uses them


def test_the_export_carries_no_slide_links(tmp_path):
    """``qisite export`` is one self-contained file with the charts inline: no PNG beside it to link."""
    import shutil

    from golden.snapshot import NETWORK

    from support import run_qisite

    shutil.copytree(NETWORK, tmp_path / "network", ignore=shutil.ignore_patterns(".qisite-cache"))
    out = tmp_path / "case.html"
    result = run_qisite("export", "--root", tmp_path / "network", "--out", out, "otterbury-eye-screening")
    assert result.returncode == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert "<svg" in html and "PNG for slides" not in html and not re.search(r'href="[^"]*\.png"', html)
