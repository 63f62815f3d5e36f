"""Golden structure of the SVG charts: limits, parts, signals, PDSA links,
text alternatives — read back from the SVG itself."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from qisite.analysis import analyse_measure
from qisite.charts import chart_requests, render
from qisite.charts.layout import lanes, spread

import chartfixtures as fixtures
import chartsvg as svgtext


@pytest.fixture(scope="module")
def montgomery():
    m = fixtures.measure()
    p = fixtures.project([m], [fixtures.cycle("pdsa-1", fixtures.weeks(26)[25], "New solder mask")])
    (req,) = chart_requests(p, {m.id: analyse_measure(m)})
    return req, render(req)


def test_request_fields(montgomery):
    req, _ = montgomery
    assert req.kind == "spc" and req.filename == "nonconformities.svg" and req.measure_id == "nonconformities"
    assert len(req.key) == 32 and req.headline == ""
    assert req.cycles == ((1, "pdsa-1", fixtures.weeks(26)[25], "New solder mask"),)


def test_svg_root_is_inline_ready(montgomery):
    req, svg = montgomery
    assert svg.startswith("<svg ") and "<?xml" not in svg and "DOCTYPE" not in svg and "<metadata" not in svg
    root = svgtext.parse(svg)
    assert root.get("role") == "group"  # it holds a PDSA link, which an image may not
    assert root.get("width") == "100%" and root.get("viewBox") == "0 0 760 340"
    title_id, desc_id = root.get("aria-labelledby").split()
    assert root.find(f"svg:title[@id='{title_id}']", svgtext.NS).text == req.alt
    assert root.find(f"svg:desc[@id='{desc_id}']", svgtext.NS).text == req.description
    assert "target=" not in svg and "DejaVu" not in svg          # in-page links; page font stack


def test_montgomery_limits_drawn_where_the_book_puts_them(montgomery):
    """Montgomery Ex. 7.3: c̄ 19.85, UCL 33.22, LCL 6.48 over part 1 (26 samples)."""
    _, svg = montgomery
    root = svgtext.parse(svg)
    to_y = svgtext.y_scale(root)
    cl = [svgtext.path_points(e) for e in svgtext.by_class(root, "qisite-cl")]
    ucl = [svgtext.path_points(e) for e in svgtext.by_class(root, "qisite-ucl")]
    lcl = [svgtext.path_points(e) for e in svgtext.by_class(root, "qisite-lcl")]
    assert len(cl) == len(ucl) == len(lcl) == 2                  # one per part
    assert cl[0][0][1] == pytest.approx(to_y(19.846), abs=0.3)
    assert ucl[0][0][1] == pytest.approx(to_y(33.21), abs=0.3)
    assert lcl[0][0][1] == pytest.approx(to_y(6.48), abs=0.3)
    assert cl[1][0][1] == pytest.approx(to_y(11.4), abs=0.3)     # part 2 has its own centre line


def test_two_signal_points_with_their_meaning(montgomery):
    _, svg = montgomery
    root = svgtext.parse(svg)
    signals = svgtext.by_class(root, "qisite-point-signal")
    points = [p for g in signals for p in svgtext.uses(g)]
    assert len(points) == 2
    classes = sorted(c for g in signals for c in g.get("class").split() if c in ("qisite-improvement", "qisite-concern"))
    # direction "decrease": sample 6 (5, below the LCL) improves, sample 20 (39, above the UCL) is a concern
    assert classes == ["qisite-concern", "qisite-improvement"]


def test_part_break_labelled_and_pdsa_linked(montgomery):
    _, svg = montgomery
    root = svgtext.parse(svg)
    assert len(svgtext.by_class(root, "qisite-part-break")) == 1
    assert [t for t in svgtext.texts(root) if t[0] == "After the new solder mask"]
    links = [a for a in root.iter(svgtext.SVG + "a") if a.get("href") == "#pdsa-pdsa-1"]
    assert links and all(a.get(svgtext.XLINK + "href") == "#pdsa-pdsa-1" for a in links)
    assert links[0].get("aria-label") == "PDSA 1: New solder mask"
    number = svgtext.by_class(root, "qisite-pdsa-number")[0]
    assert "".join(number.itertext()).strip().endswith("1")


def test_description_from_the_analysis(montgomery):
    req, _ = montgomery
    assert req.description.startswith("c chart · Anhøj rules · limits recalculated in 2 parts, from 26 and 10 points (trial). "
                                      "Nonconformities fell from a mean of 19.8 to 11.4 per week after PDSA 1")
    assert "1 point above the upper limit (concern)" in req.description
    assert "1 point below the lower limit (improvement)" in req.description
    assert req.alt == "Control chart (c): Nonconformities per 100 boards, 3 Jan 2022 to 5 Sep 2022"


def test_excluded_points_greyed_and_frozen_baseline_marked():
    m = fixtures.measure(parts=(), freeze=12, exclude=(__import__("qisite.model", fromlist=["Exclusion"]).Exclusion(fixtures.weeks(36)[5], "audit"),))
    (req,) = chart_requests(fixtures.project([m]), {m.id: analyse_measure(m)})
    root = svgtext.parse(render(req))
    assert len(svgtext.uses(svgtext.by_class(root, "qisite-point-excluded")[0])) == 1
    assert svgtext.by_class(root, "qisite-baseline") and svgtext.by_class(root, "qisite-baseline-label")
    assert any("qisite-extended" in (e.get("class") or "") for e in svgtext.by_class(root, "qisite-ucl"))
    assert "1 point excluded from the limits (audit)" in req.description


def test_percent_axis_and_target_on_p_chart():
    obs = tuple(fixtures.Observation(x, float(v), 50.0) for x, v in zip(fixtures.weeks(30), [12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22, 8, 10, 5, 13, 11, 20, 18, 24, 15, 9, 12, 7, 13, 9, 6]))
    m = fixtures.measure(chart="p", n="n", multiply=100, unit="% defective", target=20, parts=(), observations=obs)
    (req,) = chart_requests(fixtures.project([m]), {m.id: analyse_measure(m)})
    root = svgtext.parse(render(req))
    labels = [s for s, x, _ in svgtext.texts(root) if 0 < x < 58]
    assert labels and all(s.endswith("%") for s in labels if s[0].isdigit())
    assert svgtext.by_class(root, "qisite-target")
    # Montgomery Ex. 7.1: p̄ 0.2313, samples 15 and 23 above the UCL 0.4102
    assert len([p for g in svgtext.by_class(root, "qisite-point-signal") for p in svgtext.uses(g)]) == 2
    assert any(s == "UCL 41%" for s, *_ in svgtext.texts(root))


def test_hostile_text_is_escaped():
    evil = '<script>alert("x")</script> & <b>'
    m = fixtures.measure(title=evil, unit=evil)
    p = fixtures.project([m], [fixtures.cycle("pdsa-1", fixtures.weeks(26)[25], evil)])
    (req,) = chart_requests(p, {m.id: analyse_measure(m)})
    svg = render(req)
    assert "<script" not in svg and "<b>" not in svg
    root = svgtext.parse(svg)                                         # still well-formed
    assert root.find("svg:title", svgtext.NS).text.startswith("Control chart (c): " + evil)
    assert any(a.get("aria-label") == f"PDSA 1: {evil}" for a in root.iter(svgtext.SVG + "a"))


def test_same_request_same_svg(montgomery):
    req, svg = montgomery
    assert render(req) == svg


def test_pdsa_markers_on_same_and_adjacent_dates_never_overlap():
    d = fixtures.weeks(36)
    cycles = [fixtures.cycle("a", d[10]), fixtures.cycle("b", d[10]), fixtures.cycle("c", d[10] + dt.timedelta(days=1)),
              fixtures.cycle("d", d[11]), fixtures.cycle("e", d[30])]
    m = fixtures.measure()
    (req,) = chart_requests(fixtures.project([m], cycles), {m.id: analyse_measure(m)})
    root = svgtext.parse(render(req))
    marks = {g.get("class").split()[-1]: svgtext.uses(g)[0] for g in svgtext.by_class(root, "qisite-pdsa")}
    assert set(marks) == {f"qisite-pdsa-{c}" for c in "abcde"}
    pts = list(marks.values())
    for i in range(len(pts)):
        for j in range(i + 1, len(pts)):
            (x1, y1), (x2, y2) = pts[i], pts[j]
            assert ((x1 - x2) ** 2 + (y1 - y2) ** 2) ** 0.5 >= 16 - 1e-6   # diameter 16 px
    numbers = sorted("".join(t.itertext()).split()[-1] for t in svgtext.by_class(root, "qisite-pdsa-number"))
    assert numbers == ["1", "2", "3", "4", "5"]


def test_each_pdsa_cycle_has_its_dotted_line_and_leader():
    """The cycles' dotted lines are one path (and their leaders another), a stroke a cycle: each line
    at its cycle's date, each leader from that date up to its marker."""
    d = fixtures.weeks(36)
    cycles = [fixtures.cycle("a", d[5]), fixtures.cycle("b", d[12]), fixtures.cycle("c", d[12]), fixtures.cycle("d", d[30])]
    m = fixtures.measure()
    (req,) = chart_requests(fixtures.project([m], cycles), {m.id: analyse_measure(m)})
    root = svgtext.parse(render(req))
    data_x = [x for x, _ in svgtext.uses(svgtext.by_class(root, "qisite-data")[0])]   # a marker a week, from week 0

    def strokes(name: str) -> list[list[tuple[float, float]]]:
        (group,) = svgtext.by_class(root, name)
        (path,) = group.iter(svgtext.SVG + "path")
        found = re.findall(r"([ML]) (-?[\d.]+) (-?[\d.]+)", path.get("d"))
        out: list[list[tuple[float, float]]] = []
        for command, x, y in found:
            if command == "M":
                out.append([])
            out[-1].append((float(x), float(y)))
        return out

    lines = strokes("qisite-pdsa-line")
    assert [round(stroke[0][0], 1) for stroke in lines] == [round(data_x[i], 1) for i in (5, 12, 12, 30)]
    assert all(len(stroke) == 2 and stroke[0][0] == stroke[1][0] for stroke in lines)
    leaders = strokes("qisite-pdsa-leader")
    marks = [svgtext.uses(g)[0] for g in svgtext.by_class(root, "qisite-pdsa")]
    assert len(leaders) == len(marks) == 4
    for leader, line, (mark_x, _) in zip(leaders, lines, marks):
        assert len(leader) == 3 and leader[0][0] == pytest.approx(line[0][0], abs=0.01)
        assert leader[-1][0] == pytest.approx(mark_x, abs=0.01)


def test_spread_is_least_squares_and_keeps_order():
    assert spread([10, 10], 20, 0, 100) == [0, 20]
    assert spread([50, 50], 20, 0, 100) == [40, 60]
    assert spread([5, 90, 5], 10, 0, 100) == [0, 90, 10]
    placed = spread([30, 31, 32, 33], 10)
    assert [b - a for a, b in zip(placed, placed[1:])] == pytest.approx([10, 10, 10])
    assert sum(placed) / 4 == pytest.approx(31.5)


def test_lanes_when_one_row_is_too_short():
    placed = lanes([5] * 6, 20, 0, 60)
    assert {lane for _, lane in placed} == {0, 1}
    for lane in (0, 1):
        xs = sorted(p for p, l in placed if l == lane)
        assert all(b - a >= 20 - 1e-9 for a, b in zip(xs, xs[1:]))


def test_table_and_csv(montgomery):
    req, _ = montgomery
    assert [c.name for c in req.table.columns][:3] == ["x", "value", "n"] and len(req.table.rows) == 36
    csv = req.csv()
    assert csv.splitlines()[0].startswith("x,value,n,cl,lcl,ucl") and req.csv_filename == "nonconformities.csv"


def test_gap_headline_signed_when_the_gap_reverses():
    from qisite.charts.describe import gap_phrase
    from qisite.model import Observation
    xs = fixtures.weeks(24)
    rows = []
    for i, x in enumerate(xs):
        young = 40 if i < 12 else 60            # 10 points below the reference, then 10 above
        rows += [Observation(x, young, 100.0, "young"), Observation(x, 50, 100.0, "old")]
    m = fixtures.measure(chart="p", n="n", multiply=100, unit="% screened", group="g", reference_group="old",
                  parts=(fixtures.PartStart(xs[12], "Change"),), observations=tuple(rows))
    a = analyse_measure(m)
    assert gap_phrase(a, a.gaps["young"]) == "gap −10 → +10 points"
    reqs = {r.kind: r for r in chart_requests(fixtures.project([m]), {m.id: a})}
    assert reqs["gap"].headline == "Gap −10 → +10 points" and reqs["equity"].headline == ""
    assert "reversed from −10 to +10 points" in reqs["equity"].description


def test_cache_key_reads_every_field_of_the_spec_and_not_which_objects_are_shared(montgomery):
    """A chart's key changes with any field of its spec (each one changed in turn), and equal specs
    give equal keys whatever objects they share (the canonical bytes are pickled without a memo)."""
    import copy
    import dataclasses
    import pickle

    from qisite.buildcache import canonical_bytes
    from qisite.charts.request import make_request

    req, _ = montgomery

    def key(spec) -> str:
        return make_request(measure_id=req.measure_id, kind=req.kind, filename=req.filename, title=req.title,
                            alt=req.alt, description=req.description, spec=spec, table=req.table,
                            headline=req.headline, cycles=req.cycles).key

    assert key(req.spec) == req.key
    unshared = pickle.loads(pickle.dumps(req.spec))   # equal, but no object shared with req.spec
    assert key(unshared) == req.key and canonical_bytes(unshared) == canonical_bytes(copy.deepcopy(req.spec))
    label = req.spec.ylabel
    shared = dataclasses.replace(req.spec, target_label=label)   # one string object in two fields…
    apart = dataclasses.replace(req.spec, target_label="".join(list(label)))   # …or two equal strings
    assert len(label) > 1 and shared.target_label is shared.ylabel and apart.target_label is not apart.ylabel
    assert canonical_bytes(shared) == canonical_bytes(apart)
    changed = 0
    for field in dataclasses.fields(req.spec):
        value = getattr(req.spec, field.name)
        other = _another_value(value)
        if other is None:
            continue
        assert key(dataclasses.replace(req.spec, **{field.name: other})) != req.key, field.name
        changed += 1
    assert changed >= 5


def _another_value(value):
    """A different value of the same kind (None when there is no obvious one)."""
    import dataclasses

    if isinstance(value, bool):
        return not value
    if isinstance(value, (int, float)):
        return value + 1
    if isinstance(value, str):
        return value + "x"
    if isinstance(value, tuple):
        return value[:-1] if value else None
    if dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            other = _another_value(getattr(value, field.name))
            if other is not None:
                return dataclasses.replace(value, **{field.name: other})
    return None
