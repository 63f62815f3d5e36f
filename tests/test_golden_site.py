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
different hash seeds and no chart cache, write identical bytes. And the
fixture must keep exercising what it is for, with the normalisation keeping
that in view (a normaliser that dropped everything would make any site match).
"""

from __future__ import annotations

import pytest
from golden.snapshot import (
    EXPECTED,
    UPDATE_COMMAND,
    build_site,
    copy_network,
    normalise,
    read_expected,
    report,
    snapshot,
)

from qisite.site.render import THEME


@pytest.fixture(scope="module")
def built_site(tmp_path_factory):
    scratch = tmp_path_factory.mktemp("golden")
    build_site(copy_network(scratch / "network"), scratch / "site", hash_seed="1")
    return scratch / "site"


@pytest.fixture(scope="module")
def built(built_site):
    return snapshot(built_site)


def test_the_built_site_matches_the_expected_tree(built):
    expected = read_expected()
    assert expected, f"no {EXPECTED}: run `{UPDATE_COMMAND}` from the repository root"
    differences = report(expected, built)
    if differences:
        pytest.fail(differences, pytrace=False)


def test_two_builds_of_the_same_network_are_identical(built_site, tmp_path):
    build_site(copy_network(tmp_path / "network"), tmp_path / "site", hash_seed="2")
    first = {p.relative_to(built_site).as_posix(): p.read_bytes() for p in built_site.rglob("*") if p.is_file()}
    second = {p.relative_to(tmp_path / "site").as_posix(): p.read_bytes()
              for p in (tmp_path / "site").rglob("*") if p.is_file()}
    assert sorted(first) == sorted(second)
    different = sorted(path for path in first if first[path] != second[path]
                       and path != ".qisite-build")  # the marker's token is random by design
    assert not different, f"two builds of tests/golden/network wrote different bytes in: {', '.join(different)}"


def test_the_fixture_exercises_what_the_golden_test_is_for(built):
    interpreters = built["projects/wrenfield-interpreter-access/index.html"]
    assert '<p class="chart-headline">Gap ' in interpreters  # a stratified measure with a reference group
    assert '<li class="gap-headline' in interpreters      # its equity headline
    for kind in ("equity", "gap", "groups", "spc"):
        assert f"qisite-chart-{kind}" in interpreters, kind
    assert '<a href="#pdsa-pdsa-3" aria-label="PDSA 3: ' in interpreters  # PDSA markers on the charts
    screening = built["projects/otterbury-eye-screening/index.html"]
    for part in ("qisite-chart-pareto", 'class="fishbone"', 'class="driver-diagram"', 'id="story"', "decision-abandon"):
        assert part in screening, part
    for idea, projects in (("reminders-in-own-language", ("otterbury-eye-screening", "wrenfield-interpreter-access")),
                           ("book-interpreter-at-referral", ("wrenfield-interpreter-access", "wrenfield-maternity-language"))):
        for project in projects:
            assert f'href="../../projects/{project}/index.html"' in built[f"ideas/{idea}/index.html"], (idea, project)
    assert "Built with qisite on 1 Sep 2024" in built["index.html"]
    rows = built["projects/wrenfield-interpreter-access/dna-by-interpreter-need.csv"].splitlines()
    assert len(rows) == 1 + 2 * 20  # every point of both groups
    for group in ("Needs an interpreter", "No interpreter needed"):
        assert any(row.startswith(f"{group},2024-08-01,") for row in rows), group
    assert "Book the interpreter at triage" in built["assets/search-index.js"]
    drawn = [path for path, text in built.items() if "<path " in text or "<g " in text]
    assert not drawn, f"chart drawings left in the snapshot: {drawn}"


def test_theme_files_are_pinned_only_while_they_are_unchanged_copies():
    source = (THEME / "static" / "site.css").read_bytes()
    assert normalise("assets/site.css", source) == "(copied unchanged from the theme's static/site.css)\n"
    assert normalise("assets/site.css", source + b"/* changed */") == (source + b"/* changed */").decode()
