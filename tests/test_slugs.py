"""Slugs: readable in any script, bounded, and never shared by two names."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from qisite.slugs import MAX_LENGTH, SlugRegistry, allocate, slug

from support import run_qisite

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@pytest.mark.parametrize("name, expected", [
    ("East London NHS Foundation Trust", "east-london-nhs-foundation-trust"),
    ("Νοσοκομείο Αθηνών", "nosokomeio-athinon"),
    ("北京协和医院", "bei-jing-xie-he-yi-yuan"),
    ("مستشفى الملك فهد", "mstshfa-lmlk-fhd"),
    ("Bwrdd Iechyd Prifysgol Betsi Cadwaladr", "bwrdd-iechyd-prifysgol-betsi-cadwaladr"),
    ("Ysbyty Gŵyr, Môn", "ysbyty-gwyr-mon"),
    ("Москва", "moskva"),
    ("My Clinic", "my-clinic"),
])
def test_names_in_any_script_read_as_words(name, expected):
    assert slug(name) == expected


def test_the_same_characters_in_any_normal_form_give_one_slug():
    composed, decomposed = "Ysbyty Gŵyr", "Ysbyty Gw\u0302yr"
    assert slug(composed) == slug(decomposed) == "ysbyty-gwyr"


@pytest.mark.parametrize("name", ["", "---", "&&&", "\u200b"])
def test_a_name_with_nothing_to_read_still_gets_a_stable_slug(name):
    assert SLUG.match(slug(name)) and slug(name) == slug(name)


def test_slugs_are_bounded_and_long_names_stay_apart():
    first, second = "The " + "very " * 30 + "long trust", "The " + "very " * 30 + "long hospital"
    assert len(slug(first)) <= MAX_LENGTH and len(slug(second)) <= MAX_LENGTH
    assert slug(first) != slug(second) and SLUG.match(slug(first)) and not slug(first).startswith("-")
    assert slug("x" * 500) == slug("x" * 500) and len(slug("x" * 500)) == MAX_LENGTH


def test_names_that_slug_alike_each_get_their_own_and_the_clash_is_reported():
    registry = SlugRegistry().add_all("teams", ["A&B Trust", "A B Trust", "Other Trust"])
    first, second = registry.slug("teams", "A&B Trust"), registry.slug("teams", "A B Trust")
    assert first != second and first.startswith("a-b-trust-") and second.startswith("a-b-trust-")
    assert registry.slug("teams", "Other Trust") == "other-trust"
    [clash] = registry.clashes
    assert clash.slug == "a-b-trust" and {name for name, _ in clash.given} == {"A&B Trust", "A B Trust"}
    assert "would share the address teams/a-b-trust/" in clash.message()


def test_allocation_depends_on_the_names_not_their_order():
    names = ["A&B Trust", "A B Trust", "a b trust", "Νοσοκομείο", "Nosokomeio", "solo"]
    slugs, _ = allocate(names)
    assert allocate(reversed(names))[0] == slugs
    assert len(set(slugs.values())) == len(names)
    assert slugs["solo"] == "solo"


def test_a_suffixed_slug_never_takes_a_name_that_is_already_someone_elses():
    base = "A&B Trust"
    taken_by_name = f"a-b-trust-{allocate([base, 'A B Trust'])[0][base].rsplit('-', 1)[1]}"
    slugs, _ = allocate([base, "A B Trust", taken_by_name])
    assert slugs[taken_by_name] == taken_by_name
    assert len(set(slugs.values())) == 3


def test_namespaces_are_separate_and_unknown_names_are_refused():
    registry = SlugRegistry().add_all("teams", ["Alpha"]).add_all("areas", ["alpha"])
    assert registry.slug("teams", "Alpha") == registry.slug("areas", "alpha") == "alpha"
    assert registry.clashes == ()
    with pytest.raises(KeyError):
        registry.slug("teams", "Beta")
    with pytest.raises(RuntimeError):
        registry.add("teams", "Beta")


# -- a whole build ------------------------------------------------------------------

ORGANISATIONS = {
    "athens": "Νοσοκομείο Αθηνών",
    "beijing": "北京协和医院",
    "riyadh": "مستشفى الملك فهد",
    "bangor": "Bwrdd Iechyd Prifysgol Betsi Cadwaladr",
    "ampersand": "A&B Trust",
    "spaced": "A B Trust",
}


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs, self.h1, self._in_h1 = [], "", False

    def handle_starttag(self, tag, attrs):
        self._in_h1 = self._in_h1 or tag == "h1"
        if tag == "a" and dict(attrs).get("href"):
            self.hrefs.append(dict(attrs)["href"])

    def handle_endtag(self, tag):
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data):
        if self._in_h1:
            self.h1 += data


def parsed(path: Path) -> Links:
    links = Links()
    links.feed(path.read_text(encoding="utf-8"))
    return links


@pytest.fixture(scope="module")
def world_network(tmp_path_factory):
    root = tmp_path_factory.mktemp("world")
    (root / "site.yaml").write_text("title: Around the world\n", encoding="utf-8")
    for folder, organisation in ORGANISATIONS.items():
        project = root / "projects" / folder
        assert run_qisite("new", project).returncode == 0
        yaml = project / "project.yaml"
        yaml.write_text(yaml.read_text(encoding="utf-8").replace(
            "organisation: Your organisation", f'organisation: "{organisation}"'), encoding="utf-8")
    result = run_qisite("build", root, cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root, result


def test_every_page_is_written_and_the_count_says_so(world_network):
    root, result = world_network
    reported = int(re.search(r"built (\d+) pages", result.stdout).group(1))
    written = [p for p in (root / "_site").rglob("*.html")]
    assert reported == len(written)
    teams = sorted(p.parent.name for p in (root / "_site" / "teams").glob("*/index.html"))
    assert len(teams) == len(ORGANISATIONS)
    assert {"nosokomeio-athinon", "bei-jing-xie-he-yi-yuan", "mstshfa-lmlk-fhd",
            "bwrdd-iechyd-prifysgol-betsi-cadwaladr"} <= set(teams)
    assert all(len(name) <= MAX_LENGTH for name in teams)


def test_each_project_links_to_its_own_organisations_page(world_network):
    root, _ = world_network
    site = root / "_site"
    for folder, organisation in ORGANISATIONS.items():
        page = site / "projects" / folder / "index.html"
        [team_link] = {h for h in parsed(page).hrefs if h.startswith("../../teams/") and h != "../../teams/index.html"}
        target = (page.parent / team_link).resolve()
        assert target.is_file(), team_link
        assert parsed(target).h1.strip() == organisation
    for href in parsed(site / "teams" / "index.html").hrefs:
        assert (site / "teams" / href).resolve().is_file() or href.startswith(("#", "http")), href


def test_the_build_says_which_names_it_told_apart(world_network):
    _, result = world_network
    warnings = [line for line in result.stdout.splitlines() if "would share the address teams/a-b-trust/" in line]
    assert len(warnings) == 2  # one at each project.yaml naming one of the two
    assert {re.match(r"projects/(ampersand|spaced)/project\.yaml:[\d:]+ warning: ", w).group(1) for w in warnings} == {
        "ampersand", "spaced"}
    assert "spell its name the same way" in result.stdout


def test_check_reports_the_clash_and_strict_refuses_it(world_network):
    root, _ = world_network
    check = run_qisite("check", cwd=root)
    assert check.returncode == 0 and "would share the address teams/a-b-trust/" in check.stdout
    strict = run_qisite("check", "--strict", cwd=root)
    assert strict.returncode == 1


def test_a_look_alike_organisation_name_is_named_as_such():
    """A Cyrillic 'Т' in 'NHS Тrust' (a homoglyph) makes a second organisation that reads as the first."""
    registry = SlugRegistry()
    registry.add_all("teams", ["NHS Trust", "NHS Тrust", "A&B Trust", "A B Trust"])
    messages = {clash.slug: clash.message() for clash in registry.clashes}
    assert "look alike, but 'NHS Тrust' uses letters of another script (Cyrillic Capital Letter Te 'Т')" in messages["nhs-trust"]
    assert "look alike" not in messages["a-b-trust"]  # a different spelling, not a disguise
