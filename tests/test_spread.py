"""The spread of change ideas (``adapted_from`` in drivers.yaml) and how teams reach each other
(``contact`` in project.yaml): located problems, the spread table and timeline of the example
network (a chain of three teams in three organisations, across two sources), contacts that are
never phone numbers, and hostile text escaped everywhere they are shown."""

from __future__ import annotations

import datetime as dt
import html
import importlib.util
import re
from pathlib import Path

import pytest
import yaml
from golden.snapshot import copy_network

from qisite.build import build
from qisite.charts.safe_svg import is_safe_chart
from qisite.charts.spread import SpreadRow, SpreadSpec, describe_spread, spread_svg
from qisite.load.kinds import Context, Email, WebPage
from qisite.load.network import load_network
from qisite.privacy.identifiers import looks_like_phone
from qisite.problems import Location, Problems
from qisite.site.context import site_data
from qisite.spread import check_spread

from support import REPO, copy_example_network, run_qisite

CHAIN = ("east-india-ward-racism", "willow-ward-racist-incidents", "harbour-house-home-visits-racism")


def _edit_yaml(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _idea(data: dict, idea_id: str) -> dict:
    return next(i for i in data["change_ideas"] if i["id"] == idea_id)


def _line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


# -- located problems ---------------------------------------------------------------------------

@pytest.fixture
def golden(tmp_path) -> Path:
    return copy_network(tmp_path / "network")


def _problems(root: Path) -> list:
    problems = Problems()
    network = load_network(root, problems)
    problems.extend(check_spread(network))
    return [p for p in problems if p.severity == "error"]


def test_the_fixture_has_no_spread_problem(golden):
    assert _problems(golden) == []


def test_an_unknown_project_is_located_with_a_suggestion(golden):
    drivers = golden / "projects" / "wrenfield-maternity-language" / "drivers.yaml"
    _edit_yaml(drivers, lambda d: _idea(d, "book-interpreter-at-referral")["adapted_from"].update(
        project="wrenfield-interpreter-acess"))
    [problem] = _problems(golden)
    assert problem.where.file == drivers and problem.where.line == _line_of(drivers, "project: wrenfield-interpreter-acess")
    assert "'wrenfield-interpreter-acess', which is not in the network" in problem.message
    assert "wrenfield-interpreter-access" in problem.hint


def test_an_unknown_idea_of_a_known_project_is_located(golden):
    drivers = golden / "projects" / "wrenfield-maternity-language" / "drivers.yaml"
    _edit_yaml(drivers, lambda d: _idea(d, "book-interpreter-at-referral")["adapted_from"].update(idea="book-interpreters"))
    [problem] = _problems(golden)
    assert problem.where.line == _line_of(drivers, "idea: book-interpreters")
    assert "has no change idea 'book-interpreters'" in problem.message and "book-interpreter-at-referral" in problem.hint


def test_a_self_reference_is_located_even_in_a_lone_project(golden):
    project = golden / "projects" / "wrenfield-maternity-language"
    _edit_yaml(project / "drivers.yaml", lambda d: _idea(d, "book-interpreter-at-referral")["adapted_from"].update(
        project="wrenfield-maternity-language"))
    [problem] = _problems(golden)
    assert problem.where.file == project / "drivers.yaml"
    assert problem.where.line == _line_of(project / "drivers.yaml", "project: wrenfield-maternity-language")
    assert "adapted from its own project" in problem.message
    done = run_qisite("check", project)   # a project folder on its own: no network to look in
    assert done.returncode == 1 and "drivers.yaml:" in done.stdout and "its own project" in done.stdout


def test_a_loop_is_reported_once_and_its_links_are_left_out(golden):
    drivers = golden / "projects" / "otterbury-eye-screening" / "drivers.yaml"
    _edit_yaml(drivers, lambda d: _idea(d, "reminders-in-own-language").update(
        adapted_from={"project": "wrenfield-interpreter-access", "how": "adopted"}))
    [problem] = _problems(golden)
    assert "comes back to it" in problem.message and problem.where.line > 0
    assert "otterbury-eye-screening:reminders-in-own-language" in problem.message
    network = load_network(golden, Problems())
    site = site_data(network)
    assert all("reminders-in-own-language" not in f.idea_ids for f in site.spread)   # no start: no family
    done = run_qisite("check", golden)
    assert done.returncode == 1 and "comes back to it" in done.stdout


def test_build_reports_the_problem_and_still_publishes(golden):
    drivers = golden / "projects" / "wrenfield-maternity-language" / "drivers.yaml"
    _edit_yaml(drivers, lambda d: _idea(d, "book-interpreter-at-referral")["adapted_from"].update(project="nowhere"))
    report = build(golden, golden / "_site")
    assert report.written and any("'nowhere'" in p.message for p in report.problems)
    again = build(golden, golden / "_site")   # every project's listing part read back from the cache
    assert again.projects_analysed == 0
    for done in (report, again):   # a build checks listing parts, which keep the positions it points at
        [problem] = [p for p in done.problems if "'nowhere'" in p.message]
        assert problem.where.file == drivers and problem.where.line == _line_of(drivers, "project: nowhere")
    assert build(golden, golden / "_strict", strict=True).written is False


# -- contacts -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["020 7946 0000", "+44 (0)20-7946-0000", "tel:+442079460000", "07700 900123",
                                  "01632.960.001", "sms:07700900123"])
def test_phone_numbers_are_recognised(text):
    assert looks_like_phone(text)


@pytest.mark.parametrize("text", ["qi-team@example.nhs.uk", "https://example.org/contact", "2024", "Ward 7",
                                  "https://example.org/team/0207946000"])
def test_addresses_are_not_phone_numbers(text):
    assert not looks_like_phone(text)


@pytest.mark.parametrize(("kind", "value"), [(Email(), "020 7946 0000"), (Email(), "tel:02079460000"),
                                             (WebPage(), "tel:+44 20 7946 0000"), (WebPage(), "07700 900123")])
def test_a_contact_refuses_a_phone_number_with_a_hint(kind, value):
    ctx = Context(Problems(), {})
    assert kind.check(value, Location(Path("project.yaml"), 3, 10), ctx) is not value
    [problem] = list(ctx.problems)
    assert "phone number" in problem.message and "mailbox" in problem.hint and problem.where.line == 3


@pytest.mark.parametrize(("kind", "value", "expected"), [
    (Email(), "qi-team@example.nhs.uk", "qi-team@example.nhs.uk"), (Email(), "mailto:qi@example.org", "qi@example.org"),
    (WebPage(), "https://example.org/qi/contact", "https://example.org/qi/contact")])
def test_a_contact_accepts_a_mailbox_and_a_page(kind, value, expected):
    ctx = Context(Problems(), {})
    assert kind.check(value, Location(Path("project.yaml")), ctx) == expected and not list(ctx.problems)


@pytest.mark.parametrize(("kind", "value"), [(Email(), "not an address"), (Email(), "a@b"), (Email(), "x@y.org\">"),
                                             (WebPage(), "javascript:alert(1)"), (WebPage(), "example.org/contact"),
                                             (WebPage(), "mailto:qi@example.org")])
def test_a_contact_refuses_what_is_not_an_address(kind, value):
    ctx = Context(Problems(), {})
    kind.check(value, Location(Path("project.yaml")), ctx)
    assert len(list(ctx.problems)) == 1


def test_a_phone_number_in_project_yaml_is_a_located_error(golden):
    project = golden / "projects" / "otterbury-eye-screening"
    _edit_yaml(project / "project.yaml", lambda d: d["contact"].update(email="01632 960001"))
    done = run_qisite("check", project)
    line = _line_of(project / "project.yaml", "01632 960001")
    assert done.returncode == 1
    assert re.search(rf"project\.yaml:{line}:\d+: error: '01632 960001' looks like a phone number", done.stdout)
    assert "hint:" in done.stdout


def test_a_phone_key_is_refused_as_an_unknown_key(golden):
    project = golden / "projects" / "otterbury-eye-screening"
    _edit_yaml(project / "project.yaml", lambda d: d["contact"].update(phone="01632 960001"))
    done = run_qisite("check", project)
    assert done.returncode == 1 and "unknown key 'phone'" in done.stdout


def test_an_empty_contact_is_an_error(golden):
    project = golden / "projects" / "otterbury-eye-screening"
    _edit_yaml(project / "project.yaml", lambda d: d.update(contact={"email": None}))
    done = run_qisite("check", project)
    assert done.returncode == 1 and "neither an email nor a page" in done.stdout


# -- the example network: a chain of three teams, across two sources ------------------------------

@pytest.fixture(scope="module")
def example(tmp_path_factory):
    root = copy_example_network(tmp_path_factory.mktemp("spread") / "network")
    report = build(root, root / "_site")
    assert report.written, [p.format() for p in report.problems]
    return root, report.output


def _first_pdsa(root: Path, project_id: str, idea_id: str) -> dt.date:
    folder = next(f for f in (root / "projects" / project_id, root / "partners" / "projects" / project_id) if f.is_dir())
    cycles = yaml.safe_load((folder / "pdsa.yaml").read_text(encoding="utf-8"))["cycles"]
    return min(c["start"] for c in cycles if c["change_idea"] == idea_id)


def test_the_example_network_is_split_across_two_sources():
    site = yaml.safe_load((REPO / "site.yaml").read_text(encoding="utf-8"))
    assert [s["path"] for s in site["sources"]] == ["partners/projects"]
    assert all((REPO / "partners" / "projects" / p / "project.yaml").is_file() for p in CHAIN[1:])
    for project in CHAIN[1:]:
        data = yaml.safe_load((REPO / "partners" / "projects" / project / "project.yaml").read_text(encoding="utf-8"))
        assert data["illustrative"] is True and "fictional" in data["organisation"]
        assert "illustrative" in data["summary"]


def test_the_chain_of_three_spans_three_organisations():
    problems = Problems()
    site = site_data(load_network(REPO, problems))
    assert not [p for p in problems if p.severity == "error"]
    [family] = [f for f in site.spread if "post-incident-flowchart" in f.idea_ids]
    assert family.project_ids == CHAIN
    assert [s.depth for s in family.steps] == [0, 1, 2]
    assert [s.how for s in family.steps] == ["", "adopted", "adapted"]
    assert len(family.organisations) == 3
    assert family.steps[2].use.idea.id == "incident-pocket-card"   # adapted under its own id
    pocket = site.library["incident-pocket-card"]
    assert site.spread_of(pocket) == (family,)


def test_the_spread_table_gives_each_teams_first_pdsa_cycle(example):
    root, site = example
    page = (site / "ideas" / "post-incident-flowchart" / "index.html").read_text(encoding="utf-8")
    table = page[page.index('<table class="spread-table'):]
    table = table[:table.index("</table>")]
    rows = re.findall(r'<tr class="spread-step" data-depth="(\d)">(.*?)</tr>', table, re.S)
    assert [depth for depth, _ in rows] == ["0", "1", "2"]
    ideas = ("post-incident-flowchart", "post-incident-flowchart", "incident-pocket-card")
    for (_, row), project, idea in zip(rows, CHAIN, ideas):
        first = _first_pdsa(root, project, idea)
        assert f"/projects/{project}/index.html" in row
        assert re.search(rf'First tested"><a href="[^"]*{project}/index.html#pdsa-[^"]+">{first.day} {first:%b %Y}</a>', row), row
    assert "started here" in rows[0][1]
    assert "adopted from East India ward team" in rows[1][1] and "adapted from Willow ward team" in rows[2][1]
    assert "decision-adopt" in rows[1][1] and "decision-adapt" in rows[2][1]
    assert "Racist incidents per fortnight" in rows[1][1] and "→" in rows[1][1]   # the measure's change, as elsewhere
    assert 'href="mailto:willow-ward-qi@northmoor.example.nhs.uk"' in rows[1][1]


def test_the_timeline_is_a_described_chart(example):
    root, site = example
    for path in ("ideas/post-incident-flowchart/index.html", "ideas/incident-pocket-card/index.html", "ideas/index.html"):
        page = (site / path).read_text(encoding="utf-8")
        svg = page[page.index('<svg xmlns="http://www.w3.org/2000/svg"', page.index('class="chart chart-spread"')):]
        svg = svg[:svg.index("</svg>") + 6]
        assert 'role="img"' in svg and "qisite-chart-spread" in svg and is_safe_chart(svg)
        assert svg.count("qisite-spread-first") == 3 and svg.count("qisite-spread-link") == 2
        desc = html.unescape(re.search(r"<desc [^>]*>(.*?)</desc>", svg, re.S).group(1))
        assert "spread between 3 teams" in desc
        for project, idea in zip(CHAIN, ("post-incident-flowchart", "post-incident-flowchart", "incident-pocket-card")):
            first = _first_pdsa(root, project, idea)
            assert f"first tested it on {first.day} {first:%b %Y}" in desc
        assert "The timeline in words" in page
        assert "http" not in re.sub(r'xmlns(:xlink)?="http[^"]+"', "", svg)   # nothing fetched: offline


def test_the_library_shows_spread_across_organisations(example):
    _, site = example
    page = (site / "ideas" / "index.html").read_text(encoding="utf-8")
    assert 'id="spread"' in page and "across 3 organisations" in page
    assert "Teams to talk to about Post-incident action plan flow chart" in page


def test_area_and_idea_pages_list_teams_to_talk_to(example):
    _, site = example
    area = (site / "areas" / "ethnicity" / "index.html").read_text(encoding="utf-8")
    talk = area[area.index('id="talk-to"'):]
    assert "Harbour House community team" in talk and "https://estuary-health.example.org/qi/harbour-house" in talk
    assert "17 Jan 2022" in talk   # what they tested, and when
    idea = (site / "ideas" / "debrief-person-harmed" / "index.html").read_text(encoding="utf-8")
    assert "Teams to talk to" in idea and "willow-ward-qi@northmoor.example.nhs.uk" in idea


def test_no_published_page_carries_a_phone_number_link(example):
    _, site = example
    assert not [p for p in site.rglob("*.html") if "tel:" in p.read_text(encoding="utf-8")]


def test_partner_csvs_are_what_their_generator_writes(tmp_path):
    spec = importlib.util.spec_from_file_location("example_partners", REPO / "scripts" / "example_partners.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.generate(tmp_path)
    partners = REPO / "partners" / "projects"
    written = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.csv"))
    assert written == sorted(p.relative_to(partners) for p in partners.glob("*/data/*.csv"))
    for rel in written:
        assert (tmp_path / rel).read_bytes() == (partners / rel).read_bytes(), rel


# -- hostile text -------------------------------------------------------------------------------

SCRIPT = "<script>alert(1)</script>"
ATTR = '"><img src=x onerror=alert(1)>'


def test_hostile_team_names_and_notes_are_escaped_everywhere(tmp_path):
    root = copy_network(tmp_path / "network")
    projects = root / "projects"
    _edit_yaml(projects / "otterbury-eye-screening" / "project.yaml",
               lambda d: d.update(team=f"Team {SCRIPT} javascript:alert(1)", organisation=f"Org {ATTR} @import x"))
    _edit_yaml(projects / "wrenfield-interpreter-access" / "drivers.yaml",
               lambda d: _idea(d, "reminders-in-own-language")["adapted_from"].update(note=f"Note {SCRIPT} {ATTR}"))
    report = build(root, root / "_site")
    assert report.written, [p.format() for p in report.problems]
    raw = ["<script>alert", "<img src=x", "onerror=alert(1)>", '"><img']
    found = [f"{f.name}: {r!r}" for f in report.output.rglob("*.html") for r in raw if r in f.read_text(encoding="utf-8")]
    assert not found, found
    page = (report.output / "ideas" / "reminders-in-own-language" / "index.html").read_text(encoding="utf-8")
    assert "Note &lt;script&gt;" in page and "qisite-chart-spread" in page   # the chart is drawn, not refused
    svg = page[page.index("<svg"):page.index("</svg>") + 6]
    assert is_safe_chart(svg)


def test_the_chart_draws_hostile_and_long_names_safely():
    rows = (SpreadRow(f"Team {SCRIPT} ]]> <!-- javascript:x", f"Org {ATTR} @import url(x)", dt.date(2024, 1, 8),
                      dt.date(2024, 3, 1), "adopt", None, ""),
            SpreadRow("A team with a very long name that will not fit in the label column of the chart at all",
                      "", None, None, "untested", 0, "adapted"),
            SpreadRow("Third", "Org", dt.date(2024, 6, 3), None, "testing", 0, "adopted"))
    spec = SpreadSpec(f"Idea {SCRIPT}", rows)
    description = describe_spread(spec, {"adopt": "adopted", "untested": "not yet tested", "testing": "being tested"})
    svg = spread_svg(spec, title=f"Title {SCRIPT}", description=description, prefix="qtest")
    assert is_safe_chart(svg) and "<script" not in svg
    assert "has not yet tested it" in description and "adopted it from Team" in description



# -- the site's shortcuts agree with the plain definitions ---------------------------------------------

def _random_network(seed: int):
    """A seeded network where teams share ideas, areas and (through adapted_from) families, and run
    cycles on an idea out of order, some still running, ideas first tested the same day under the same
    title (ties the tables break by the library's order): what the site's shortcuts must not change."""
    import random

    from test_links import project

    from qisite.config import default_config
    from qisite.model import AdaptedFrom, ChangeIdea, DriverDiagram, Network, PdsaCycle, Project

    rng = random.Random(seed)
    start = dt.date(2021, 1, 1)
    projects = []
    for k in range(60):
        chosen = rng.sample([f"idea-{n}" for n in range(12)], rng.randint(0, 4))
        cycles = tuple(PdsaCycle(f"c{n}", "t", rng.choice(chosen), start + dt.timedelta(days=rng.randint(0, 2)),
                                 end=rng.choice([None, start + dt.timedelta(days=100 + n)]),
                                 decision=rng.choice([None, "adopt", "adapt", "abandon"]), plan="p", prediction="p")
                       for n in range(rng.randint(0, 6))) if chosen else ()
        p = project(f"p{k:02d}", f"Team {k % 9}", rng.sample(["ethnicity", "age", "gender"], rng.randint(0, 2)),
                    chosen, cycles)
        titled = tuple(ChangeIdea(i.id, rng.choice(["Leaflets", "leaflets", "Buddies"])) for i in p.drivers.change_ideas)
        p = Project(**{**p.__dict__, "drivers": DriverDiagram(primary=p.drivers.primary, change_ideas=titled)})
        if k and chosen and rng.random() < 0.4:   # taken from an earlier team, perhaps under its own id
            source = rng.choice(projects[:k])
            if source.drivers.change_ideas:
                taken = rng.choice(source.drivers.change_ideas).id
                ideas = (ChangeIdea(chosen[0], chosen[0].title(), adapted_from=AdaptedFrom(source.id, taken, "adapted")),
                         *p.drivers.change_ideas[1:])
                p = Project(**{**p.__dict__, "drivers": DriverDiagram(primary=p.drivers.primary, change_ideas=ideas)})
        projects.append(p)
    return Network(default_config(Path(".")), tuple(projects))


def test_teams_to_talk_to_and_families_match_their_plain_definitions():
    """SiteData remembers what each use of an idea tested, reads an area's teams from each project's
    uses and indexes families by idea: the tables come out exactly as the plain definitions make them."""
    from qisite.links import change_idea_library
    from qisite.spread import families_of, teams_to_talk_to

    networks = [load_network(REPO, Problems()), *(_random_network(seed) for seed in range(3))]
    for network in networks:
        site = site_data(network)
        library = change_idea_library(network)
        for entry in library.values():   # the library: each use with its project's cycles on the idea, in log order
            for use in entry.uses:
                assert use.cycles == tuple(c for c in use.project.cycles if c.change_idea == use.idea.id)
        for _ in range(2):   # the second time from what SiteData remembers
            for entry in site.library.values():
                assert site.spread_of(entry) == families_of(entry, site.spread)
                uses = [*entry.uses, *(s.use for f in families_of(entry, site.spread) for s in f.steps)]
                assert site.idea_teams(entry) == teams_to_talk_to(uses)
            for area in network.config.equity_areas:
                projects = site.by_area.get(area.id, ())
                wanted = {p.id for p in projects}
                plain = teams_to_talk_to((u for e in site.library.values() for u in e.uses if u.project.id in wanted), projects)
                assert site.area_teams(area.id) == plain
            for family in site.spread:
                assert site.spread_teams(family) == teams_to_talk_to(s.use for s in family.steps)
        assert any(site.spread for site in map(site_data, networks[1:]))
