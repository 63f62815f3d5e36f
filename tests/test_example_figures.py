"""The example network, loaded and analysed by qisite, reproduces the published
summary figures (Aurelio et al., Br J Healthc Manag 2024, doi:10.12968/bjhc.2023.0142;
the case-study table of ../shared/DOMAIN.md)."""


import pytest

from qisite.analysis import analyse_measure
from qisite.load.network import load_network
from qisite.problems import Problems

from support import REPO


@pytest.fixture(scope="module")
def network():
    problems = Problems()
    net = load_network(REPO, problems)
    assert not problems.errors, [p.format() for p in problems.errors]
    return {p.id: p for p in net.projects}


def summary(network, project, measure, group=None):
    return analyse_measure(network[project].measure(measure)).summaries[group]


def test_every_example_project_loads(network):
    folders = [p for source in (REPO / "projects", REPO / "partners" / "projects")   # site.yaml's two sources
               for p in source.iterdir() if (p / "project.yaml").exists()]
    assert len(network) == len(folders) >= 10


def test_east_india_racist_incidents_2_0_to_0_3_per_fortnight(network):
    s = summary(network, "east-india-ward-racism", "racist-incidents")
    assert s.chart == "c" and s.baseline_cl == pytest.approx(2.0) and s.latest_cl == pytest.approx(0.3)
    assert s.relative_change == pytest.approx(-0.85)


def test_eip_access_67_to_85_percent(network):
    s = summary(network, "eip-access-tower-hamlets", "ethnic-minority-access")
    assert s.chart == "p" and round(s.baseline_cl) == 67 and round(s.latest_cl) == 85


def test_bedford_screening_by_age_and_the_gap_8_to_3_points(network):
    measure = network["cervical-screening-bedford"].measure("screening-uptake-by-age")
    analysis = analyse_measure(measure)
    young, old = analysis.summaries["24-49"], analysis.summaries["50-64"]
    assert (round(young.baseline_cl), round(young.latest_cl)) == (54, 68)
    assert (round(old.baseline_cl), round(old.latest_cl)) == (62, 71)
    gap = analysis.gaps["24-49"].summary
    assert (round(-gap.baseline_cl), round(-gap.latest_cl)) == (8, 3)
