"""One rule profile per network (issue #10, part 2): site.yaml's ``rules:``, overridable
per measure, drives signals and icons alike, and every chart states it."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest

from qisite.analysis import mdc_icons
from qisite.charts import measure_requests
from qisite.charts.text import RULE_LABELS
from qisite.load.network import load_network
from qisite.problems import Problems
from qisite.site.context import site_data
from qisite.spc import RULES

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def network():
    return load_network(REPO, Problems())


def test_every_profile_has_a_name_for_people():
    assert set(RULE_LABELS) == set(RULES)


def test_the_default_is_anhoej_as_before(network):
    assert network.config.rules == "anhoej"
    site = site_data(network)
    assert {r.rules for d in site.projects for a in d.analyses.values() for r in a.results.values()} == {"anhoej"}


def test_site_yaml_rules_drive_signals_and_icons_from_one_result(network):
    nhs = dataclasses.replace(network, config=dataclasses.replace(network.config, rules="nhs"))
    site = site_data(nhs)
    checked = 0
    for d in site.projects:
        for a in d.analyses.values():
            assert a.rules == "nhs"
            for group, result in a.results.items():
                assert result.rules == "nhs"
                # the engine's own Making Data Count icons are the ones the page shows
                assert a.icons[group] == (result.variation, result.assurance) == mdc_icons(result)
                checked += 1
            for gap in a.gaps.values():
                assert gap.result.rules == "nhs"
    assert checked > 20


def test_an_icon_never_contradicts_the_signals_of_its_chart(network):
    site = site_data(network)
    for d in site.projects:
        for a in d.analyses.values():
            for group, result in a.results.items():
                variation, _ = a.icons[group]
                last = np.flatnonzero(np.isfinite(result.y))
                if variation is None or not last.size:
                    continue
                special_last = bool(result.special_cause[last[-1]])
                assert (variation != "common_cause") == (special_last and result.side[last[-1]] != 0), (d.project.id, group)
                if variation != "common_cause":
                    assert d.headlines[a.measure.id][list(a.results).index(group)].signal


def test_a_measure_may_choose_its_own_rules(network):
    project = next(p for p in network.projects if p.id == "east-india-ward-racism")
    measure = dataclasses.replace(project.measure("racist-incidents"), rules="ihi")
    project = dataclasses.replace(project, measures=(measure,))
    site = site_data(dataclasses.replace(network, projects=(project,)))
    analysis = site.data(project.id).analyses["racist-incidents"]
    assert analysis.rules == "ihi" and analysis.results[None].rules == "ihi"
    (request,) = measure_requests(analysis)
    assert request.description.startswith("c chart · IHI rules (Provost & Murray) · limits recalculated in 2 parts, "
                                          "from 4 and 20 points (trial). ")


def test_trial_limits_are_stated_on_the_chart(network):
    site = site_data(network)
    analysis = site.data("eip-access-tower-hamlets").analyses["ethnic-minority-access"]
    (request,) = measure_requests(analysis)
    assert request.description.startswith("p chart · Anhøj rules · limits recalculated in 2 parts, from 6 and 12 points (trial). ")


def test_rules_in_site_yaml_are_read_and_checked(tmp_path):
    from support import run_qisite

    (tmp_path / "site.yaml").write_text("title: T\nrules: nhs\n", encoding="utf-8")
    assert run_qisite("new", tmp_path / "projects" / "clinic-access").returncode == 0
    assert load_network(tmp_path, Problems()).config.rules == "nhs"
    (tmp_path / "site.yaml").write_text("title: T\nrules: western-electric\n", encoding="utf-8")
    result = run_qisite("check", tmp_path)
    assert result.returncode != 0 and "site.yaml:2" in result.stdout + result.stderr
