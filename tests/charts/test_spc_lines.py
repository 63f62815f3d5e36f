"""Extra SPC lines on the chart: 2σ warning limits (measure key
``warning_limits``), read back from the SVG."""
from __future__ import annotations

import pytest

from qisite.analysis import analyse_measure
from qisite.charts import chart_requests, render

import chartfixtures as fixtures
import chartsvg as svgtext


def _svg(**over):
    m = fixtures.measure(**over)
    (req,) = chart_requests(fixtures.project([m]), {m.id: analyse_measure(m)})
    return svgtext.parse(render(req))


def test_warning_limits_drawn_at_two_sigma_when_asked():
    """Montgomery Ex. 7.3: c̄ 19.846, σ = √c̄ = 4.455: 2σ limits 10.94 and 28.75."""
    root = _svg(warning_limits=True)
    to_y = svgtext.y_scale(root)
    upper = [svgtext.path_points(e) for e in svgtext.by_class(root, "qisite-ucl95")]
    lower = [svgtext.path_points(e) for e in svgtext.by_class(root, "qisite-lcl95")]
    assert len(upper) == len(lower) == 2                                  # one per part
    assert upper[0][0][1] == pytest.approx(to_y(28.755), abs=0.3)
    assert lower[0][0][1] == pytest.approx(to_y(10.937), abs=0.3)


def test_warning_limits_off_by_default():
    assert svgtext.by_class(_svg(), "qisite-ucl95") == []


def test_trajectory_drawn_as_steps_with_assurance_against_its_latest_value():
    from qisite.model import TrajectoryStep
    weeks = fixtures.weeks(36)
    steps = (TrajectoryStep(weeks[0], 30.0), TrajectoryStep(weeks[30], 8.0))
    m = fixtures.measure(trajectory=steps, target=30.0)
    analysis = analyse_measure(m, "nhs")
    result = analysis.results[None]
    assert result.trajectory[:30].tolist() == [30.0] * 30 and result.trajectory[30:].tolist() == [8.0] * 6
    # part 2 (points 27–36): c̄ 11.4, limits 1.27–21.53; decrease is better. Against the
    # target 30 (above the UCL) it would be consistent_pass; against the trajectory's
    # latest value 8 (inside the limits) it is hit and miss.
    assert result.assurance == "inconsistent"
    assert result.to_dict()["points"][-1]["trajectory"] == 8.0
    (req,) = chart_requests(fixtures.project([m]), {m.id: analysis})
    root = svgtext.parse(render(req))
    (line,) = svgtext.by_class(root, "qisite-trajectory")
    to_y = svgtext.y_scale(root)
    ys = {round(y, 1) for _, y in svgtext.path_points(line)}
    assert ys == {round(to_y(30.0), 1), round(to_y(8.0), 1)}


def test_a_second_target_line_is_drawn_labelled_and_described_but_not_assured_against():
    """A local target and a national standard on one chart (PowerBI-SPC #291): each drawn at its value with
    its own label and dash, both in the key; assurance reads the target (Montgomery Ex. 7.3, part 2
    limits 1.27–21.53, decrease better: a target of 30 above the UCL is consistently met), not the standard."""
    from qisite.model import OtherTarget

    m = fixtures.measure(target=30.0, target_label="Local target", other_targets=(OtherTarget("National standard", 10.0),))
    analysis = analyse_measure(m)
    (req,) = chart_requests(fixtures.project([m]), {m.id: analysis})
    text = render(req)
    root = svgtext.parse(text)
    to_y = svgtext.y_scale(root)
    (target,) = svgtext.by_class(root, "qisite-target")
    (other,) = svgtext.by_class(root, "qisite-other-target")
    assert {round(y, 1) for _, y in svgtext.path_points(target)} == {round(to_y(30.0), 1)}
    assert {round(y, 1) for _, y in svgtext.path_points(other)} == {round(to_y(10.0), 1)}
    def dashes(group):
        path = next(e for e in group.iter() if e.tag.endswith("path"))
        return path.get("stroke-dasharray") or path.get("style", "")
    assert "dasharray" in dashes(other) or dashes(other)
    assert dashes(target) != dashes(other)
    assert "Local target 30" in text and "National standard 10" in text
    assert "National standard 10.0, drawn for comparison; assurance is judged against Local target 30.0" in req.description
    assert analysis.results[None].target == 30.0


def test_other_targets_are_validated_with_their_line(tmp_path):
    import shutil
    from pathlib import Path

    from qisite.config import load_config
    from qisite.load.project import load_project
    from qisite.problems import Problems

    source = Path(__file__).parent.parent.parent / "projects" / "cervical-screening-bedford"
    folder = tmp_path / "cervical-screening-bedford"
    shutil.copytree(source, folder)
    measures = folder / "measures.yaml"
    text = measures.read_text(encoding="utf-8")
    assert "        value: 80\n" in text
    measures.write_text(text.replace("        value: 80\n", "        value: eighty\n"), encoding="utf-8")
    problems = Problems()
    assert load_project(folder, load_config(source.parent.parent, Problems()), problems) is None
    (problem,) = problems.errors
    assert str(problem.where.file).endswith("measures.yaml") and problem.where.line == text[:text.index("        value: 80")].count("\n") + 1
    assert "'eighty'" in problem.message and problem.hint
