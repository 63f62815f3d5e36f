"""The whole site, compared file by file with a reviewed copy (Pelican-style).

``tests/golden/network`` is a small fictional network (three projects: a
stratified measure with a reference group, charts annotated by PDSA cycles, a
Pareto chart, driver diagrams, a fishbone, stories, change ideas shared across
projects). It is built with ``python -m qisite build --strict`` and the build
date fixed, normalised by ``tests/golden/snapshot.py`` (charts reduced to their
title, description and links; see that module), and compared with
``tests/golden/expected/``: the same files, with the same text, numbers and
links.

When a change to the pages is intended, regenerate the expected tree with one
command from the repository root and review what changed before committing:

    python -m tests.golden.update
    git diff tests/golden/expected

The build must also be reproducible: two builds of the same input, with
different hash seeds and no chart cache, write identical bytes.
"""

from __future__ import annotations

import pytest

from golden.snapshot import EXPECTED, UPDATE_COMMAND, build_site, copy_network, read_expected, report, snapshot


@pytest.fixture(scope="module")
def built_site(tmp_path_factory):
    scratch = tmp_path_factory.mktemp("golden")
    build_site(copy_network(scratch / "network"), scratch / "site", hash_seed="1")
    return scratch / "site"


def test_the_built_site_matches_the_expected_tree(built_site):
    expected = read_expected()
    assert expected, f"no {EXPECTED}: run `{UPDATE_COMMAND}` from the repository root"
    differences = report(expected, snapshot(built_site))
    if differences:
        pytest.fail(differences, pytrace=False)


def test_two_builds_of_the_same_network_are_identical(built_site, tmp_path):
    build_site(copy_network(tmp_path / "network"), tmp_path / "site", hash_seed="2")
    first = {p.relative_to(built_site).as_posix(): p.read_bytes() for p in built_site.rglob("*") if p.is_file()}
    second = {p.relative_to(tmp_path / "site").as_posix(): p.read_bytes()
              for p in (tmp_path / "site").rglob("*") if p.is_file()}
    assert sorted(first) == sorted(second)
    different = sorted(path for path in first if first[path] != second[path])
    assert not different, f"two builds of tests/golden/network wrote different bytes in: {', '.join(different)}"
