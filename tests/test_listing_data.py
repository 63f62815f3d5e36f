"""A build holds every project's listing part (qisite.site.context.listing_data) and reads a
project's whole data only to make its own page and downloads (issue #9: memory and edit time at
1,000 projects). These tests hold the listing part to that promise: every other page, feed and data
file made from listing parts is byte for byte the one made from whole data, on the example network
and the golden networks (stratified, two-factor, seasonal, SII, spread, network-measure projects)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import pickle

import pytest

from qisite.build import ProjectEntry
from qisite.config import load_config
from qisite.load.network import project_folders
from qisite.model import Network
from qisite.problems import Problems
from qisite.site.context import PAGE_ONLY, PAGE_ONLY_CYCLE, listing_data, site_data
from qisite.site.feeds import atom_feed
from qisite.site.making import load_and_analyse, render_page
from qisite.site.pages import all_pages
from qisite.site.render import environment
from qisite.site.search import search_files
from qisite.site.summary import summary_csv, summary_json, summary_rows

from support import REPO

BUILT = dt.date(2026, 12, 1)
NETWORKS = [REPO, REPO / "tests" / "golden" / "network"]


def _entries(root) -> list[ProjectEntry]:
    problems = Problems()
    config = load_config(root, problems)
    entries = [load_and_analyse(folder, provenance, config) for folder, provenance in project_folders(config, problems).items()]
    return [e for e in entries if e.project is not None]


def _site(root, entries: list[ProjectEntry]):
    config = load_config(root, Problems())
    by_id = {e.project.id: e.data for e in entries}
    network = Network(config, tuple(e.project for e in entries))
    return site_data(network, generated=BUILT, analysed=lambda p: by_id[p.id])


@pytest.fixture(scope="module", params=NETWORKS, ids=["example", "golden"])
def both(request):
    root = request.param
    whole = _entries(root)
    listed = [pickle.loads(pickle.dumps(e.listing())) for e in whole]   # as a build reads it back
    return root, _site(root, whole), _site(root, listed)


def test_every_page_but_a_projects_own_is_the_same_from_listing_parts(both, tmp_path):
    root, whole, listed = both
    env = environment(root)
    pages = [p for p in all_pages(whole) if "data" not in p.context]
    assert len(pages) > 20 and {p.path for p in pages} == {p.path for p in all_pages(listed) if "data" not in p.context}
    by_path = {p.path: p for p in all_pages(listed)}
    for page in pages:
        made = render_page(env, whole, page, {}, chart_cache=tmp_path)
        assert render_page(env, listed, by_path[page.path], {}, chart_cache=tmp_path) == made, page.path


def test_the_feeds_search_and_summary_are_the_same_from_listing_parts(both):
    _, whole, listed = both
    assert atom_feed(listed) == atom_feed(whole)
    assert summary_csv(listed) == summary_csv(whole) and summary_json(listed) == summary_json(whole)
    assert search_files(listed) == search_files(whole)


def _from_scratch(site):
    """The site with every piece its listing parts keep for the site-wide files dropped: those files are
    then worked out from the projects' records, rows and words."""
    def bare(data):
        return dataclasses.replace(data, summary_text=None, equity_headline=None, search=dataclasses.replace(
            data.search, title=None, summary=None, summary_tokens="", counted=("", ()), ideas=()))
    return dataclasses.replace(site, projects=tuple(bare(d) for d in site.projects))


def test_the_site_files_joined_from_the_listing_parts_pieces_are_those_worked_out_from_scratch(both):
    """A build joins the search index, the summary files and the feed from pieces each listing part
    keeps (what the index counts of it, its summary's and its ideas' tokens, its rows' text, its equity headline)
    and works none of them out again: the joined files are those worked out from scratch."""
    _, _, listed = both
    assert all(d.summary_text is not None and d.summary_text.rows is d.summary and d.equity_headline is not None
               and d.search.summary == d.summary_sentence and d.search.counted[0] for d in listed.projects)
    assert any(d.search.ideas for d in listed.projects)
    scratch = _from_scratch(listed)
    assert search_files(listed) == search_files(scratch)
    assert summary_csv(listed) == summary_csv(scratch) == summary_csv(listed, summary_rows(listed))
    assert summary_json(listed) == summary_json(scratch) == summary_json(listed, summary_rows(listed))
    assert atom_feed(listed) == atom_feed(scratch)


def test_a_piece_that_no_longer_matches_its_project_is_not_joined(both):
    """A listing part whose title, summary or rows were replaced after its pieces were made: the
    files are worked out from what it holds now, not from the stale pieces."""
    _, _, listed = both
    first = listed.projects[0]
    rows = tuple({**row, "project_title": "Zyxwvut"} for row in first.summary)
    changed = dataclasses.replace(first, summary=rows, project=dataclasses.replace(
        first.project, title="Zyxwvut qwertyuiop", summary="Quux frobnicated."))
    edited = dataclasses.replace(listed, projects=(changed, *listed.projects[1:]))
    assert search_files(edited) == search_files(_from_scratch(edited)) != search_files(listed)
    assert "Zyxwvut" in summary_csv(edited) and summary_csv(edited) == summary_csv(_from_scratch(edited))
    assert summary_json(edited) == summary_json(_from_scratch(edited))


def test_the_listing_part_leaves_out_the_data_points_and_what_only_the_page_shows():
    whole = _entries(REPO)
    data = next(e.data for e in whole if e.data and e.data.project.story and e.data.project.cycles)
    listed = listing_data(data)
    assert not listed.complete and data.complete
    assert all(not m.observations for m in listed.project.measures if not m.network_measure)
    assert all(getattr(listed.project, name) == "" for name in PAGE_ONLY)
    assert all(getattr(c, name) == "" for c in listed.project.cycles for name in PAGE_ONLY_CYCLE)
    assert [c.study for c in listed.project.cycles] == [c.study for c in data.project.cycles]  # an idea's page quotes it
    assert not listed.analyses.keys() - {m.id for m in data.project.measures if m.network_measure}
    assert listed.headlines.keys() == data.headlines.keys() and listed.summary == data.summary
    assert len(pickle.dumps(listed)) * 3 < len(pickle.dumps(data))


def test_the_listing_part_needs_its_summary_rows_and_whole_data_for_the_rest():
    from qisite.site.context import project_data
    from qisite.site.search import search_fragment
    from qisite.site.summary import project_summary_rows

    entry = _entries(REPO)[0]
    with pytest.raises(ValueError, match="summary rows"):
        listing_data(project_data(entry.project, load_config(REPO, Problems())))
    listed = listing_data(entry.data)
    with pytest.raises(ValueError, match="whole data"):
        project_summary_rows(listed)
    with pytest.raises(ValueError, match="whole data"):
        search_fragment(listed)


def test_a_projects_positions_survive_the_cache_and_read_as_they_were():
    entry = _entries(REPO)[0]
    back = pickle.loads(pickle.dumps(entry.project))
    assert back.at == entry.project.at and back.at.of("title") == entry.project.at.of("title")
    cycle, read = entry.project.cycles[0], back.cycles[0]
    assert read.at.of("plan") == cycle.at.of("plan") and read.at.of("plan").line > 0
    assert repr(read.at) == repr(cycle.at) and hash(read.at) == hash(cycle.at)


def test_a_listing_part_keeps_only_the_positions_the_networks_checks_point_at():
    """A project's and its change ideas' ``adapted_from`` positions (qisite.site.unplaced); no other
    record of a listing part carries any, and records shared by two holders are still shared."""
    from qisite.site.unplaced import PLACED_IN_LISTINGS

    root = REPO / "tests" / "golden" / "network"
    whole = [e for e in _entries(root) if e.data is not None]
    listed = [pickle.loads(pickle.dumps(e.listing())) for e in whole]
    taken = [(i, j) for w, b in zip(whole, listed) for i, j in zip(w.project.drivers.change_ideas, b.project.drivers.change_ideas)
             if i.adapted_from is not None]
    assert taken and all(j.adapted_from.at.of("project") == i.adapted_from.at.of("project") for i, j in taken)
    assert all(b.project.at.of("organisation") == w.project.at.of("organisation") for w, b in zip(whole, listed))

    placed = []

    def walk(value):
        if isinstance(value, (tuple, list)):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            names = [f.name for f in dataclasses.fields(value)]
            if "at" in names and value.at is not None and not isinstance(value, PLACED_IN_LISTINGS):
                placed.append(value)
            for name in names:
                if name != "at":
                    walk(getattr(value, name))

    for entry in listed:
        walk(entry.data)
    assert placed == []
    assert all(any(c.at is not None for c in e.project.cycles) for e in whole if e.project.cycles)   # (whole: all kept)
    for entry in listed:   # one light measure, held by the project and by its headlines
        by_id = {m.id: m for m in entry.data.project.measures}
        assert all(h.measure is by_id[h.measure.id] for found in entry.data.headlines.values() for h in found)
