"""Each record of the folder format is declared once, on its dataclass in
qisite/model.py; these tests hold everything derived from it to that one
declaration: the model objects, the validation, and docs/format.md."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest

from qisite import model
from qisite.load import reference
from qisite.load.kinds import (
    Boolean,
    Choice,
    Context,
    Count,
    Date,
    Either,
    Email,
    Field,
    ListOf,
    Number,
    Record,
    Slug,
    Text,
    Url,
    WebPage,
    key,
    record,
    record_of,
)
from qisite.load.records import FILES
from qisite.load.yamlfile import YList, YMap, read_yaml
from qisite.problems import Location, Problems

VOCABULARY = {"equity_areas": ("ethnicity", "age"), "stages": ("identify", "test")}
HERE = Location(Path("sample.yaml"), 1)

# Model fields that are not keys of their file: the loader supplies them.
SUPPLIED_BY_LOADER = {
    model.SiteConfig: {"root"},
    model.Project: {"id", "folder", "drivers", "measures", "cycles", "fishbone", "story", "provenance", "at"},
    model.Measure: {"observations", "at"},
}


def all_records() -> list[tuple[str, Record]]:
    return [(f"{name}:{path}", rec) for name, top in FILES.items() for path, rec in reference.nested_records(top)]


def sample(kind, default=None):
    """A YAML value of this kind that differs from the default, and what it checks to."""
    if isinstance(kind, Record):
        raw, expected = {}, {}
        for name, spec in kind.fields.items():
            raw[name], expected[name] = sample(spec.kind, spec.default)
        return raw, expected
    if isinstance(kind, ListOf):
        raw, expected = sample(kind.item)
        return [raw], (expected,)
    if isinstance(kind, Either):
        return sample(kind.kinds[0], default)
    if isinstance(kind, Choice):
        value = next(v for v in kind.allowed(VOCABULARY) if v != default)
        return value, value
    if isinstance(kind, Boolean):   # the other value than the default (a switch may default to on)
        return default is not True, default is not True
    samples = {Slug: "sample-id", Url: "https://example.org/sample", Text: "sample text", Date: dt.date(2021, 3, 31),
               Number: 7.5, Count: 3, Boolean: True, Email: "qi-team@example.org", WebPage: "https://example.org/contact"}
    value = samples[type(kind)]
    return value, value


def assert_reached(built, expected, path: str) -> None:
    if isinstance(expected, dict):
        for name, value in expected.items():
            got = built[name] if isinstance(built, dict) else getattr(built, name, "<missing>")
            assert_reached(got, value, f"{path}.{name}")
    elif isinstance(expected, tuple):
        assert isinstance(built, tuple) and len(built) == len(expected), path
        for index, (got, value) in enumerate(zip(built, expected)):
            assert_reached(got, value, f"{path}[{index}]")
    else:
        assert built == expected, f"{path}: the model holds {built!r}, the file said {expected!r}"


@pytest.mark.parametrize("name, record_", all_records(), ids=[n for n, _ in all_records()])
def test_every_declared_key_reaches_the_model(name, record_):
    raw, expected = sample(record_)
    for field_name, spec in record_.fields.items():
        assert expected[field_name] != spec.default, f"{name}.{field_name}: the sample must differ from the default"
    problems = Problems()
    built = record_.check(raw, HERE, Context(problems, VOCABULARY))
    assert not list(problems), [p.message for p in problems]
    assert_reached(built, expected, name)
    if record_.complete and record_.build is not None:
        assert isinstance(built, record_.build)


@pytest.mark.parametrize("name, record_", all_records(), ids=[n for n, _ in all_records()])
def test_every_model_field_is_a_key_or_supplied_by_its_loader(name, record_):
    if record_.build is None:
        return  # measures.yaml and pdsa.yaml: a list under one key, read by the project loader
    fields = {f.name for f in dataclasses.fields(record_.build)}
    undeclared = fields - set(record_.fields) - SUPPLIED_BY_LOADER.get(record_.build, {"at"})
    assert not undeclared, f"{record_.build.__name__} fields {undeclared} are neither YAML keys nor supplied by a loader"
    assert record_.complete == (record_.build not in SUPPLIED_BY_LOADER or SUPPLIED_BY_LOADER[record_.build] <= {"at", "observations"})


def test_site_config_is_built_from_the_declaration(tmp_path):
    (tmp_path / "site.yaml").write_text("title: Net\nprojects: teams\noutput: public\ndate_format: dayfirst\n"
                                        "equity_areas:\n  - id: neurodiversity\n    title: Neurodiversity\n"
                                        "stages: []\n", encoding="utf-8")
    from qisite.config import load_config
    problems = Problems()
    config = load_config(tmp_path, problems)
    assert not list(problems)
    assert (config.title, config.projects_dir, config.output_dir, config.date_format) == (
        "Net", tmp_path / "teams", tmp_path / "public", "dayfirst")
    assert config.vocabulary()["equity_areas"] == ("neurodiversity",)
    assert config.stages == model.DEFAULT_STAGES  # an empty list keeps the defaults


def test_a_declared_key_the_model_lacks_fails_when_the_record_is_made():
    @dataclasses.dataclass(frozen=True)
    class Small:
        name: str = dataclasses.field(metadata=key(Text(), "a name"))

    with pytest.raises(TypeError, match="no field for the declared key.*colour"):
        Record("a small thing", [Field("name", Text(), True), Field("colour", Text())], build=Small)


def test_a_key_with_a_default_factory_fails_at_definition():
    with pytest.raises(TypeError, match="plain default"):
        @record("a thing with a list")
        @dataclasses.dataclass(frozen=True)
        class Listing:
            items: list = dataclasses.field(default_factory=list, metadata=key(ListOf(Text()), "items"))


def test_required_follows_the_default_unless_declared():
    drivers = record_of(model.DriverDiagram)
    assert drivers.fields["primary"].required and drivers.fields["primary"].default == ()
    measure = record_of(model.Measure)
    assert measure.fields["chart"].required and not measure.fields["unit"].required
    assert measure.fields["multiply"].default == 1.0


# --- docs/format.md ----------------------------------------------------------

def test_reference_tables_in_format_md_are_up_to_date():
    text = reference.DOCUMENT.read_text(encoding="utf-8")
    assert text == reference.render(text), f"docs/format.md is out of date: run {reference.COMMAND}"
    for name in FILES:
        assert f"<!-- reference: {name} " in text


def test_reference_check_fails_on_a_stale_table_and_the_command_rewrites_it(tmp_path, capsys):
    stale = tmp_path / "format.md"
    text = reference.DOCUMENT.read_text(encoding="utf-8")
    stale.write_text(text.replace("| the project's name |", "| the name |"), encoding="utf-8")
    assert reference.main(["--check", str(stale)]) == 1
    assert reference.main([str(stale)]) == 0
    assert stale.read_text(encoding="utf-8") == text


def test_reference_rows_follow_the_declaration():
    table = reference.file_reference("measures.yaml")
    assert "| `chart` | yes | one of run, i, mr" in table
    assert "| `direction` | no | one of increase, decrease, neutral | `neutral` | which way is better |" in table
    assert "`measures[].parts[]`: a part (phase)" in table


def example_blocks() -> list[tuple[str, str]]:
    """(file name, YAML example) for each file's section of docs/format.md."""
    text = reference.DOCUMENT.read_text(encoding="utf-8")
    return re.findall(r"^## `([a-z]+\.yaml)`\n.*?```yaml\n(.*?)```", text, re.MULTILINE | re.DOTALL)


def comment_claims(raw, kind, lines: list[str]):
    """(key, the example's comment says required, the declaration says required) for each commented key."""
    if isinstance(kind, ListOf) and isinstance(raw, YList):
        for item in raw:
            yield from comment_claims(item, kind.item, lines)
    if not (isinstance(kind, Record) and isinstance(raw, YMap)):
        return
    for name, value in raw.items():
        comment = re.search(r"\s#\s*(.*)$", lines[raw.key_location(name).line - 1])
        said = comment and (True if re.match(r"required(?! \w)", comment[1]) else
                            False if comment[1].startswith("optional") else None)
        if said is not None:
            yield name, said, kind.fields[name].required
        yield from comment_claims(value, kind.fields[name].kind, lines)


@pytest.mark.parametrize("name, example", example_blocks())
def test_format_md_examples_pass_and_say_required_as_declared(name, example, tmp_path):
    path = tmp_path / name
    path.write_text(example, encoding="utf-8")
    problems = Problems()
    raw = read_yaml(path, problems)
    vocabulary = {"equity_areas": tuple(t.id for t in model.DEFAULT_EQUITY_AREAS),
                  "stages": tuple(t.id for t in model.DEFAULT_STAGES)}
    FILES[name].check(raw, raw.where, Context(problems, vocabulary))
    assert not list(problems), [f"{p.where.line}: {p.message}" for p in problems]
    claims = list(comment_claims(raw, FILES[name], example.splitlines()))
    assert claims, "the example marks no key as required or optional"
    assert [(key_, said) for key_, said, declared in claims if said != declared] == []


def test_every_file_has_an_example():
    assert sorted(name for name, _ in example_blocks()) == sorted(FILES)
