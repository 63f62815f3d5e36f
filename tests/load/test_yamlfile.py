import datetime as dt

from qisite.load.yamlfile import YList, YMap, read_yaml
from qisite.problems import Problems


def load(tmp_path, text):
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    problems = Problems()
    return read_yaml(path, problems), problems


def test_positions_of_keys_values_and_items(tmp_path):
    data, problems = load(tmp_path, "title: A\nlist:\n  - id: one\n    when: 2020-01-02\n  - id: two\n")
    assert not problems.items
    assert isinstance(data, YMap) and isinstance(data["list"], YList)
    assert data.key_location("list").line == 2
    assert data["list"].item_location(1).line == 5
    item = data["list"][0]
    assert (item.value_location("when").line, item.value_location("when").column) == (4, 11)
    assert item["when"] == dt.date(2020, 1, 2)


def test_duplicate_key_is_an_error_at_the_second(tmp_path):
    _, problems = load(tmp_path, "a: 1\nb: 2\na: 3\n")
    [problem] = problems.errors
    assert problem.where.line == 3 and "appears twice" in problem.message and "line 1" in problem.message


def test_python_tags_are_refused(tmp_path):
    data, problems = load(tmp_path, "a: !!python/object/apply:os.system ['echo hacked']\n")
    assert data is None
    [problem] = problems.errors
    assert problem.where.line == 1 and "!!python" in problem.hint


def test_syntax_error_is_located(tmp_path):
    data, problems = load(tmp_path, "title: A\naim:\n  statement: Aim: do better\n")
    assert data is None
    [problem] = problems.errors
    assert problem.where.line == 3 and "quoted" in problem.hint


def test_not_utf8(tmp_path):
    path = tmp_path / "f.yaml"
    path.write_bytes("title: ok\nplace: Sainte-Anne\u2019s\n".encode("cp1252"))
    problems = Problems()
    assert read_yaml(path, problems) is None
    assert problems.errors[0].where.line == 2 and "UTF-8" in problems.errors[0].message
