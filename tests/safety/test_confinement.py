"""Every file qisite reads stays inside its folder, is a regular file, and is bounded in size."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from qisite.load.files import FileRefusedError, read_inside
from qisite.load.tables import read_table
from qisite.load.yamlfile import read_yaml
from qisite.problems import Problems, QisiteError
from qisite.site.theme import read_theme_file


def messages(problems: Problems) -> list[str]:
    return [f"{p.where.file.name}: {p.message} | {p.hint}" for p in problems]


def test_a_link_out_of_the_folder_is_refused_and_named(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOKEN=abc")
    folder = tmp_path / "project"
    folder.mkdir()
    (folder / "story.md").symlink_to(secret)
    with pytest.raises(FileRefusedError, match="'story.md' links to a file outside its folder 'project'"):
        read_inside(folder / "story.md", folder)


def test_a_link_inside_the_folder_is_read(tmp_path):
    (tmp_path / "real.md").write_text("hello")
    (tmp_path / "story.md").symlink_to("real.md")
    assert read_inside(tmp_path / "story.md", tmp_path) == b"hello"


def test_pipes_and_devices_are_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "pipe.yaml")
    problems = Problems()
    assert read_yaml(tmp_path / "pipe.yaml", problems) is None
    assert messages(problems) == [("pipe.yaml: 'pipe.yaml' is not a regular file (it is a pipe), so it is not read"
                                   " | replace it with an ordinary file")]
    with pytest.raises(FileRefusedError, match="it is a device"):
        read_inside(Path("/dev/zero"), Path("/dev"))


def test_the_size_limit_names_itself_and_how_to_raise_it(tmp_path, monkeypatch):
    monkeypatch.setenv("QISITE_MAX_FILE_MB", "1")
    big = tmp_path / "data.csv"
    big.write_text("date,value\n" + "2024-01-01,1\n" * 100_000)
    problems = Problems()
    assert read_table(big, problems) is None
    assert "larger than the limit of 1 MB" in messages(problems)[0]
    assert "QISITE_MAX_FILE_MB=2" in messages(problems)[0]


def test_the_row_limit_is_a_located_error(tmp_path, monkeypatch):
    monkeypatch.setenv("QISITE_MAX_ROWS", "3")
    data = tmp_path / "data.csv"
    data.write_text("date,value\n2024-01-01,1\n2024-02-01,2\n2024-03-01,3\n2024-04-01,4\n")
    problems = Problems()
    assert read_table(data, problems) is None
    (problem,) = problems
    assert (problem.where.line, problem.message) == (5, "the data file has more than 3 rows, the limit")
    assert "QISITE_MAX_ROWS" in problem.hint


def test_yaml_nesting_and_alias_expansion_are_bounded(tmp_path):
    deep = tmp_path / "deep.yaml"
    deep.write_text("a: " + "[" * 300 + "]" * 300 + "\n")
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    laughs = tmp_path / "laughs.yaml"
    laughs.write_text("\n".join(lines) + "\n")
    problems = Problems()
    assert read_yaml(deep, problems) is None and read_yaml(laughs, problems) is None
    depth, aliases = problems
    assert (depth.where.line, depth.message) == (1, "the file nests lists and mappings more than 50 levels deep")
    assert "QISITE_MAX_YAML_DEPTH" in depth.hint
    assert "more than the limit of 100,000" in aliases.message and "QISITE_MAX_YAML_ALIAS_NODES" in aliases.hint


def test_ordinary_aliases_and_nesting_still_load(tmp_path):
    path = tmp_path / "ok.yaml"
    path.write_text("base: &base {a: 1, b: [1, 2]}\nfirst: {<<: *base, c: 3}\nsecond: *base\n")
    problems = Problems()
    assert read_yaml(path, problems) == {"base": {"a": 1, "b": [1, 2]}, "first": {"a": 1, "b": [1, 2], "c": 3},
                                         "second": {"a": 1, "b": [1, 2]}}
    assert not problems.items


def test_a_theme_file_linking_out_stops_the_build_with_its_name(tmp_path):
    static = tmp_path / "templates" / "static"
    static.mkdir(parents=True)
    (static / "site.css").symlink_to("/etc/passwd")
    with pytest.raises(QisiteError, match="site.css: 'site.css' links to a file outside"):
        read_theme_file(static / "site.css", static)


@pytest.mark.parametrize("variable, limit, make, message", [
    ("QISITE_MAX_GROUPS", 3, "groups", "measure 'by-group' has more than 3 groups in column 'group', the limit"),
    ("QISITE_MAX_PDSA_CYCLES", 2, "cycles", "pdsa.yaml has 3 PDSA cycles, more than the limit of 2"),
    ("QISITE_MAX_MARKDOWN_KB", 1, "story", "this Markdown text is longer than the limit of 1 KB for one text"),
])
def test_groups_cycles_and_markdown_limits_name_themselves_and_can_be_raised(tmp_path, monkeypatch, variable, limit,
                                                                             make, message):
    """Each limit is a located error naming its variable with a doubled value to try; raising it lifts the error."""
    from qisite.commands.new import write_scaffold
    from qisite.load.network import load_network

    (tmp_path / "site.yaml").write_text("title: Limits\n", encoding="utf-8")
    project = tmp_path / "projects" / "p"
    write_scaffold(project)
    if make == "groups":
        measures = project / "measures.yaml"
        measures.write_text(measures.read_text(encoding="utf-8").replace(
            "    target: 70\n", "    target: 70\n  - id: by-group\n    title: By group\n    type: process\n"
            "    definition: Seen by group.\n    data: data/by-group.csv\n    x: month\n    y: seen\n    n: referred\n"
            "    group: group\n    reference_group: G0\n    chart: p\n    period: month\n", 1), encoding="utf-8")
        (project / "data" / "by-group.csv").write_text("month,group,seen,referred\n" + "".join(
            f"2024-{m:02d}-01,G{g},20,40\n" for m in range(1, 13) for g in range(4)), encoding="utf-8")
    elif make == "cycles":
        pdsa = project / "pdsa.yaml"
        text = pdsa.read_text(encoding="utf-8")
        cycle = text[text.index("  - id: pdsa-1"):]
        pdsa.write_text(text + cycle.replace("pdsa-1", "pdsa-2") + cycle.replace("pdsa-1", "pdsa-3"), encoding="utf-8")
    else:
        (project / "story.md").write_text("# Story\n\n" + "A sentence of the story. " * 60, encoding="utf-8")
    monkeypatch.setenv(variable, str(limit))
    problems = Problems()
    load_network(tmp_path, problems)
    found = [p for p in problems.errors if p.message == message]
    assert found, [p.message for p in problems]
    assert f"{variable}={limit * 2}" in found[0].hint
    assert found[0].where.line
    monkeypatch.setenv(variable, str(limit * 2))
    problems = Problems()
    network = load_network(tmp_path, problems)
    assert not problems.errors, [p.message for p in problems.errors]
    assert [p.id for p in network.projects] == ["p"]
