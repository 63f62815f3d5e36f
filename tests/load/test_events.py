"""Events (not tests of change) in measures.yaml and project.yaml: read, checked, located."""

from __future__ import annotations

from qisite.commands.new import write_scaffold

from support import fill_in, run_qisite


def _network(tmp_path, measure_events: str, project_events: str = ""):
    """The scaffold of `qisite new` (a monthly p chart, 2024), its first measure given ``measure_events``."""
    (tmp_path / "site.yaml").write_text("title: Events test network\n", encoding="utf-8")
    folder = tmp_path / "projects" / "clinic"
    write_scaffold(folder)
    fill_in(folder)
    measures = folder / "measures.yaml"
    text = measures.read_text(encoding="utf-8")
    measures.write_text(text.replace("    target: 70\n", "    target: 70\n" + measure_events, 1), encoding="utf-8")
    if project_events:
        with (folder / "project.yaml").open("a", encoding="utf-8") as out:
            out.write(project_events)
    return folder


def test_events_inside_the_data_pass_the_check(tmp_path):
    _network(tmp_path, "    events:\n      - date: 2024-03-11\n        text: Ward 7 closed\n",
             "events:\n  - date: 2024-05-02\n    text: New record system\n    description: RiO replaced paper notes.\n")
    result = run_qisite("check", tmp_path, "--strict")
    assert result.returncode == 0, result.stdout + result.stderr


def test_an_event_outside_the_data_is_a_located_warning(tmp_path):
    _network(tmp_path, "    events:\n      - date: 2025-06-01\n        text: Ward 7 closed\n",
             "events:\n  - date: 2019-01-01\n    text: Long ago\n")
    result = run_qisite("check", tmp_path)
    out = result.stdout + result.stderr
    assert result.returncode == 0, out
    assert "measures.yaml:" in out and "the event 'Ward 7 closed' (2025-06-01) is outside the data of 'main-outcome'" in out
    assert "project.yaml:" in out and "the event 'Long ago' (2019-01-01) is outside the data of every measure" in out
    assert run_qisite("check", tmp_path, "--strict").returncode != 0


def test_a_bad_event_date_or_a_missing_text_is_an_error(tmp_path):
    _network(tmp_path, "    events:\n      - date: 2024-13-40\n        text: Ward 7 closed\n      - date: 2024-03-01\n")
    result = run_qisite("check", tmp_path)
    out = result.stdout + result.stderr
    assert result.returncode != 0
    assert "measures.yaml:" in out and "2024-13-40" in out
    assert "text" in out
