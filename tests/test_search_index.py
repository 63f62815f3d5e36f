"""The search index and its fragments (qisite/site/search.py): the index holds each label's
distinct words, enough to score; a project's fragment holds its text, depends on it alone, and
is safe in a script whatever its id and text hold."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest

from qisite.load.network import load_network
from qisite.problems import Problems
from qisite.site import urls
from qisite.site.context import site_data
from qisite.site.search import (
    FRAGMENT_CALLBACK,
    GLOBAL,
    LABELS,
    decode,
    project_search,
    search_entries,
    search_files,
    search_fragment,
    search_fragment_path,
    search_index,
    search_script,
    tokens,
    undo_gaps,
)

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def site():
    return site_data(load_network(ROOT, Problems()))


def _fields(fragment: str) -> tuple[str, list]:
    match = re.fullmatch(rf"window\.{FRAGMENT_CALLBACK}\((.*)\);\n", fragment, re.S)
    project_id, fields = json.loads(f"[{match.group(1)}]")
    return project_id, fields


def test_each_label_keeps_its_distinct_words_and_the_fragment_its_text(site):
    index = search_index(site)
    words = index["v"].split(" ")
    projects = [e for e in index["e"] if e["k"] == "project"]
    assert len(projects) == len(site.projects)
    files = search_files(site)
    assert set(files) == {urls.SEARCH_INDEX} | {urls.search_fragment(e["g"]) for e in index["e"] if e["k"] != "project"}
    assert {e["g"].partition(".")[0] for e in index["e"] if e["k"] != "project"} == {"idea", "measure", "area"}
    fragments = [(data.project.id, search_fragment(data)) for data in site.projects]
    fragments += [(e["g"], files[urls.search_fragment(e["g"])]) for e in index["e"] if e["k"] != "project"]
    for entry, (key, fragment) in zip(index["e"], fragments, strict=True):
        assert entry["g"] == key
        project_id, fields = _fields(fragment)
        assert project_id == key
        expected: dict[int, set[str]] = {}
        for label, text in fields:
            assert text and text == " ".join(text.split(" ")) and LABELS[label]
            expected.setdefault(label, set()).update(t for t in text.split(" ") if t[0].isalnum())
        got = {label: [words[i] for i in undo_gaps(decode(codes))] for label, codes in entry["w"]}
        assert {label: set(found) for label, found in got.items()} == expected
        assert all(len(found) == len(set(found)) for found in got.values())   # each word once


def test_a_fragment_depends_on_its_project_alone(site):
    """Another project's edit changes the index (its vocabulary), never this project's fragment."""
    first, second = site.projects[0], site.projects[1]
    edited = dataclasses.replace(second, project=dataclasses.replace(second.project, story="Zyxwvut qwertyuiop."),
                                 search=None)
    other = dataclasses.replace(site, projects=(first, edited, *site.projects[2:]))
    assert search_fragment(first) == search_fragment(other.projects[0])
    assert search_fragment(second) != search_fragment(edited)
    assert search_script(site) != search_script(other)
    assert [search_fragment_path(d) for d in site.projects] == [urls.search_fragment(d.project.id) for d in site.projects]
    assert set(search_files(site)) - {urls.SEARCH_INDEX} == {   # the other entries' fragments, written with the index
        urls.search_fragment(e["g"]) for e in search_entries(site) if e["k"] != "project"}
    assert search_fragment_path(first) == f"assets/search/{first.project.id}.js"


def test_a_fragment_is_inert_in_a_script_whatever_its_id_and_text_hold(site):
    hostile = '"</script><script>alert(1)</script>\u2028\u2029'
    project = dataclasses.replace(site.projects[0].project, id=f"odd{hostile}", story=f"A story {hostile} ends.")
    fragment = project_search(project).fragment
    assert "<" not in fragment and "\u2028" not in fragment and "\u2029" not in fragment
    project_id, fields = _fields(fragment)
    assert project_id == project.id
    assert " ".join(tokens(f"A story {hostile} ends.")) in [text for _, text in fields]
    script = search_script(dataclasses.replace(site, projects=(dataclasses.replace(site.projects[0], project=project,
                                                                                   search=None),)))
    assert "<" not in script and script.startswith(f"window.{GLOBAL}=")


def test_the_text_is_in_the_fragments_not_the_index(site):
    """The index holds each label's distinct words once, as codes; the text is in the fragments."""
    size = len(search_script(site).encode())
    fragments = sum(len(search_fragment(d).encode()) for d in site.projects)
    assert size < fragments
