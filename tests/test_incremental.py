"""Incremental builds: whatever was reused, the site is byte for byte a clean build's.

The property test applies seeded random sequences of edits, additions, renames
and deletions (and breakages and fixes) to a copy of the golden fixture network;
after each step it builds incrementally (the same output, the build cache of
the builds before it) and cleanly (a new output, no build cache; the chart
cache is shared, as charts are keyed by their content), and compares every
file of the two sites.
"""

from __future__ import annotations

import os
import random
import re
import shutil
from pathlib import Path

import pytest

from qisite.build import Builder, build
from qisite.buildcache import load_sealed, seal
from qisite.site.output import MARKER

from support import copy_example_network

GOLDEN_NETWORK = Path(__file__).parent / "golden" / "network"
EXAMPLE_NETWORK = Path(__file__).parent.parent
STEPS = 6
SEQUENCES = 3


@pytest.fixture(autouse=True)
def fixed_date(monkeypatch, tmp_path):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    monkeypatch.setenv("QISITE_CACHE_KEY_DIR", str(tmp_path / "user-cache"))


def site_files(output: Path) -> dict[str, bytes]:
    return {p.relative_to(output).as_posix(): p.read_bytes() for p in sorted(output.rglob("*"))
            if p.is_file() and p.name != MARKER}


def clean_build(root: Path, output: Path):
    """A build that reuses nothing but drawn charts: the build cache moved aside, a fresh Builder."""
    cache = root / ".qisite-cache" / "build"
    aside = root / ".qisite-cache" / "build-aside"
    if cache.exists():
        cache.rename(aside)
    try:
        report = build(root, output, workers=1)
    finally:
        shutil.rmtree(cache, ignore_errors=True)
        if aside.exists():
            aside.rename(cache)
    return report


def site_folders(output: Path) -> set[str]:
    return {p.relative_to(output).as_posix() for p in output.rglob("*") if p.is_dir()}


def assert_same_site(incremental: Path, clean: Path, what: str) -> None:
    built, expected = site_files(incremental), site_files(clean)
    assert sorted(built) == sorted(expected), f"{what}: files differ: {sorted(set(built) ^ set(expected))}"
    folders = site_folders(incremental) ^ site_folders(clean)   # a recycled staging folder leaves no empty one
    assert not folders, f"{what}: folders differ: {sorted(folders)}"
    different = [path for path in expected if built[path] != expected[path]]
    assert not different, f"{what}: contents differ: {different}"


# -- the edits ------------------------------------------------------------------------------------------


def projects(root: Path) -> list[Path]:
    return sorted(p for p in (root / "projects").iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))


def edit_value(root: Path, rng: random.Random) -> str:
    csv = rng.choice(sorted(rng.choice(projects(root)).glob("data/*.csv")))
    lines = csv.read_text(encoding="utf-8").splitlines()
    row = rng.randrange(1, len(lines))
    cells = lines[row].split(",")
    column = rng.randrange(1, len(cells))
    if re.fullmatch(r"\d+", cells[column]):
        cells[column] = str(int(cells[column]) + rng.choice((-1, 1, 2)))
        if csv.read_text(encoding="utf-8").startswith("date,numerator,denominator") and column == 1:
            cells[column] = str(max(0, min(int(cells[column]), int(cells[2]))))
    lines[row] = ",".join(cells)
    csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return f"edit a value in {csv.parent.parent.name}/{csv.name}"


def edit_title(root: Path, rng: random.Random) -> str:
    project = rng.choice(projects(root)) / "project.yaml"
    text = project.read_text(encoding="utf-8")
    project.write_text(re.sub(r"(?m)^title: (.*)$", lambda m: f"title: {m.group(1)} {rng.randrange(100)}", text, count=1),
                       encoding="utf-8")
    return f"retitle {project.parent.name}"


def edit_organisation(root: Path, rng: random.Random) -> str:
    project = rng.choice(projects(root)) / "project.yaml"
    text = project.read_text(encoding="utf-8")
    project.write_text(re.sub(r"(?m)^organisation: .*$", f"organisation: {rng.choice(['Alder Trust', 'Birch Health'])}",
                              text, count=1), encoding="utf-8")
    return f"move {project.parent.name} to another organisation"


def edit_summary(root: Path, rng: random.Random) -> str:
    """A field every listing page shows (the card's sentence): their cards' keys change."""
    project = rng.choice(projects(root)) / "project.yaml"
    text = project.read_text(encoding="utf-8")
    project.write_text(text.replace("summary: >-\n", f"summary: >-\n  Revised{rng.randrange(100)}\n", 1), encoding="utf-8")
    return f"revise {project.parent.name}'s summary"


def edit_cycle_notes(root: Path, rng: random.Random) -> str:
    """A PDSA cycle's study notes: shown on the project's and the idea's pages, on no listing page."""
    found = [p / "pdsa.yaml" for p in projects(root) if (p / "pdsa.yaml").exists()]
    if not found:
        return edit_story(root, rng)
    pdsa = rng.choice(found)
    text = pdsa.read_text(encoding="utf-8")
    pdsa.write_text(re.sub(r"(?m)^(    study: )(.*)$", lambda m: f"{m.group(1)}{m.group(2)} Noted {rng.randrange(100)}.", text,
                           count=1), encoding="utf-8")
    return f"add to a cycle's study in {pdsa.parent.name}"


def edit_story(root: Path, rng: random.Random) -> str:
    story = rng.choice(projects(root)) / "story.md"
    story.write_text((story.read_text(encoding="utf-8") if story.exists() else "") + f"\nA new line {rng.random()}.\n",
                     encoding="utf-8")
    return f"extend {story.parent.name}'s story"


def add_project(root: Path, rng: random.Random) -> str:
    source = rng.choice(projects(root))
    name = f"copy-{rng.randrange(10_000)}"
    shutil.copytree(source, root / "projects" / name)
    return f"add {name} (a copy of {source.name})"


def rename_project(root: Path, rng: random.Random) -> str:
    source = rng.choice(projects(root))
    target = root / "projects" / f"renamed-{rng.randrange(10_000)}"
    source.rename(target)
    return f"rename {source.name} to {target.name}"


def delete_project(root: Path, rng: random.Random) -> str:
    found = projects(root)
    if len(found) < 2:
        return add_project(root, rng)
    victim = rng.choice(found)
    shutil.rmtree(victim)
    return f"delete {victim.name}"


def break_project(root: Path, rng: random.Random) -> str:
    measures = rng.choice(projects(root)) / "measures.yaml"
    measures.write_text(measures.read_text(encoding="utf-8") + "\n  - id: [unclosed\n", encoding="utf-8")
    return f"break {measures.parent.name}/measures.yaml"


def fix_projects(root: Path, rng: random.Random) -> str:
    for measures in root.glob("projects/*/measures.yaml"):
        text = measures.read_text(encoding="utf-8")
        measures.write_text(text.replace("\n  - id: [unclosed\n", ""), encoding="utf-8")
    return "fix every broken measures.yaml"


def touch_only(root: Path, rng: random.Random) -> str:
    path = rng.choice(sorted(rng.choice(projects(root)).rglob("*.*")))
    os.utime(path)
    return f"touch {path.name} without changing it"


def edit_site(root: Path, rng: random.Random) -> str:
    site = root / "site.yaml"
    text = site.read_text(encoding="utf-8")
    site.write_text(re.sub(r"(?m)^title: (.*)$", lambda m: f"title: {m.group(1)} {rng.randrange(100)}", text, count=1),
                    encoding="utf-8")
    return "retitle the network"


EDITS = (edit_value, edit_value, edit_title, edit_summary, edit_organisation, edit_story, edit_cycle_notes, add_project,
         rename_project, delete_project, break_project, fix_projects, touch_only, edit_site)


@pytest.mark.parametrize("seed", range(SEQUENCES))
def test_an_incremental_build_is_byte_identical_to_a_clean_one(tmp_path, seed):
    rng = random.Random(seed)
    root = tmp_path / "network"
    shutil.copytree(GOLDEN_NETWORK, root)
    output = tmp_path / "site"
    kept = Builder(root, output, workers=1)          # as `qisite serve` keeps it between builds
    try:
        first = kept.build()
        assert first.written and first.pages_written == first.pages
        for step in range(STEPS):
            done = rng.choice(EDITS)(root, rng)
            # alternate a kept Builder (in-memory cache, in this process) with a new one (the cache read back
            # from disk; projects, charts and pages shared among forked workers)
            report = kept.build() if step % 2 else build(root, output, workers=2)
            clean = clean_build(root, tmp_path / f"clean-{step}")
            assert report.written == clean.written, done
            assert [p.format() for p in report.problems] == [p.format() for p in clean.problems], done
            assert (report.pages, report.charts, report.projects) == (clean.pages, clean.charts, clean.projects), done
            assert_same_site(output, tmp_path / f"clean-{step}", f"step {step}: {done}")
    finally:
        kept.close()


def test_a_rebuild_with_nothing_changed_writes_nothing(tmp_path):
    root = tmp_path / "network"
    shutil.copytree(GOLDEN_NETWORK, root)
    output = tmp_path / "site"
    first = build(root, output, workers=1)
    before = {path: (output / path).stat().st_ino for path in site_files(output)}
    again = build(root, output, workers=1)
    assert again.written and again.pages == first.pages and again.charts == first.charts
    assert (again.pages_written, again.pages_rendered, again.charts_drawn, again.projects_analysed) == (0, 0, 0, 0)
    assert [p.format() for p in again.problems] == [p.format() for p in first.problems]
    assert {path: (output / path).stat().st_ino for path in site_files(output)} == before


def test_one_project_edited_renders_only_the_pages_that_show_it(tmp_path):
    root = tmp_path / "network"
    copy_example_network(root)
    output = tmp_path / "site"
    first = build(root, output, workers=2)   # cold: projects and pages shared among two forked workers
    assert_same_site(output, clean_build(root, tmp_path / "one-worker") and tmp_path / "one-worker", "two workers")
    untouched = output / "projects" / "cervical-screening-bedford" / "index.html"
    inode = untouched.stat().st_ino
    fragments = {p.name: p.stat().st_ino for p in (output / "assets" / "search").glob("*.js")}
    story = root / "projects" / "lgbtq-inpatient-ward-safety" / "story.md"
    story.write_text(story.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    again = build(root, output, workers=1)
    assert again.projects_analysed == 1 and again.charts_drawn == 0
    assert 0 < again.pages_rendered < first.pages / 2 and again.pages_written <= again.pages_rendered
    page = output / "projects" / "lgbtq-inpatient-ward-safety" / "index.html"
    assert "One more sentence." in page.read_text(encoding="utf-8")
    assert untouched.stat().st_ino == inode   # the published file itself, hard-linked into the new site
    after = {p.name: p.stat().st_ino for p in (output / "assets" / "search").glob("*.js")}
    assert after.keys() == fragments.keys()   # search: only the edited project's text is a new file
    assert [name for name in after if after[name] != fragments[name]] == ["lgbtq-inpatient-ward-safety.js"]
    assert "One more sentence ." in (output / "assets" / "search" / "lgbtq-inpatient-ward-safety.js").read_text("utf-8")
    assert_same_site(output, clean_build(root, tmp_path / "clean") and tmp_path / "clean", "one story edited")


_NOTES_EDITS = {   # file, text → edited, and whether the pages of the project's change ideas show it
    "story": ("story.md", None, False),
    "a cycle's plan": ("pdsa.yaml", ("in Polish, Urdu or Romanian when", "in Polish, Urdu or Romanian, One more sentence., when"),
                       False),
    "a cycle's study": ("pdsa.yaml", ("rose from 49% to 63%.", "rose from 49% to 63%. One more sentence."), True),
}


@pytest.mark.parametrize("notes", _NOTES_EDITS)
def test_a_story_or_cycle_notes_edit_renders_no_listing_page_again(tmp_path, notes):
    """The story and a cycle's notes are shown on the project's page, never on a listing page: those keep
    their cards' keys. The pages of the change ideas the project uses show a cycle's study (its listing
    part holds it) but not the story or a cycle's plan: they are rendered again only for the study."""
    from qisite.links import change_idea_library
    from qisite.load.network import load_network
    from qisite.problems import Problems

    name, change, on_idea_pages = _NOTES_EDITS[notes]
    root = tmp_path / "network"
    shutil.copytree(GOLDEN_NETWORK, root)
    output = tmp_path / "site"
    first = build(root, output, workers=1)
    pid = "otterbury-eye-screening"
    ideas = [e for e in change_idea_library(load_network(root, Problems())).values() if any(u.project.id == pid for u in e.uses)]
    listings = {path: (output / path).stat().st_ino for path in ("index.html", "projects/index.html", "teams/index.html")}
    idea_pages = {e.id: (output / "ideas" / e.id / "index.html").stat().st_ino for e in ideas}
    edited = root / "projects" / pid / name
    text = edited.read_text(encoding="utf-8")
    assert change is None or change[0] in text
    edited.write_text(text + "\nOne more sentence.\n" if change is None else text.replace(*change, 1), encoding="utf-8")
    again = build(root, output, workers=1)
    assert "One more sentence." in (output / "projects" / pid / "index.html").read_text(encoding="utf-8")
    assert ideas and again.pages == first.pages and again.pages_rendered == 1 + (len(ideas) if on_idea_pages else 0)
    assert {path: (output / path).stat().st_ino for path in listings} == listings   # linked from the published site
    kept = {e: (output / "ideas" / e / "index.html").stat().st_ino == inode for e, inode in idea_pages.items()}
    assert not all(kept.values()) if on_idea_pages else all(kept.values())   # (the cycle's idea's page shows it)
    assert_same_site(output, clean_build(root, tmp_path / "clean") and tmp_path / "clean", f"{notes} edited")


def test_a_value_that_moves_the_outcome_headline_renders_the_listing_pages_again(tmp_path):
    """The outcome's headline (baseline → latest centre line) is on the home page's results table and
    every card: a month's value that moves it changes the project's card."""
    root = tmp_path / "network"
    shutil.copytree(GOLDEN_NETWORK, root)
    output = tmp_path / "site"
    build(root, output, workers=1)
    home = (output / "index.html").read_bytes()
    data = root / "projects" / "otterbury-eye-screening" / "data" / "attendance.csv"
    data.write_text(data.read_text(encoding="utf-8").replace("2024-08-01,151,210", "2024-08-01,140,210"), encoding="utf-8")
    again = build(root, output, workers=1)
    assert again.projects_analysed == 1 and (output / "index.html").read_bytes() != home
    assert_same_site(output, clean_build(root, tmp_path / "clean") and tmp_path / "clean", "the outcome's latest value")


def test_a_summary_edit_renders_the_listing_pages_again(tmp_path):
    root = tmp_path / "network"
    shutil.copytree(GOLDEN_NETWORK, root)
    output = tmp_path / "site"
    first = build(root, output, workers=1)
    project = root / "projects" / "otterbury-eye-screening" / "project.yaml"
    project.write_text(project.read_text(encoding="utf-8").replace("summary: >-\n", "summary: >-\n  Revised77\n", 1),
                       encoding="utf-8")
    again = build(root, output, workers=1)
    for listing in ("projects/index.html", "projects/otterbury-eye-screening/index.html"):
        assert "Revised77" in (output / listing).read_text(encoding="utf-8"), listing
    assert first.pages_rendered > again.pages_rendered > 2
    assert_same_site(output, clean_build(root, tmp_path / "clean") and tmp_path / "clean", "a summary edited")


def test_a_page_edited_by_hand_in_the_output_is_rendered_again(tmp_path):
    root = tmp_path / "network"
    shutil.copytree(GOLDEN_NETWORK, root)
    output = tmp_path / "site"
    build(root, output, workers=1)
    page = output / "projects" / "otterbury-eye-screening" / "index.html"
    original = page.read_bytes()
    page.write_bytes(original.replace(b"Otterbury", b"Elsewhere"))
    again = build(root, output, workers=1)
    assert again.pages_rendered == 1 and page.read_bytes() == original


@pytest.mark.parametrize("change", ["file added", "link to a folder added", "file deleted", "file made a link"])
def test_an_output_changed_by_hand_is_not_taken_for_the_site_it_was(tmp_path, change):
    root = tmp_path / "network"
    shutil.copytree(GOLDEN_NETWORK, root)
    output = tmp_path / "site"
    build(root, output, workers=1)
    published = site_files(output)
    folder = output / "projects" / "otterbury-eye-screening"
    if change == "file added":
        (folder / "notes.txt").write_text("left here by hand")
    elif change == "link to a folder added":
        (folder / "elsewhere").symlink_to(tmp_path)
    elif change == "file deleted":
        (folder / "index.html").unlink()
    else:
        (folder / "index.html").unlink()
        (folder / "index.html").symlink_to(tmp_path / "network" / "site.yaml")
    again = build(root, output, workers=1)
    assert again.written and site_files(output) == published
    assert not (folder / "notes.txt").exists() and not (folder / "elsewhere").is_symlink()
    assert not (folder / "index.html").is_symlink()


def test_a_tampered_cache_entry_is_never_unpickled(tmp_path):
    root = tmp_path / "network"
    shutil.copytree(GOLDEN_NETWORK, root)
    output = tmp_path / "site"
    build(root, output, workers=1)
    entries = sorted((root / ".qisite-cache" / "build" / "projects").glob("*/*.pickle"))
    assert entries
    marker = tmp_path / "pwned"

    class Exploit:
        def __reduce__(self):
            return (Path.touch, (marker,))

    import pickle

    for entry in entries:  # a committed cache: a valid pickle, sealed with some other key
        entry.write_bytes(b"\0" * 32 + pickle.dumps(Exploit()))
    (root / "projects" / "otterbury-eye-screening" / "story.md").write_text("Changed.\n", encoding="utf-8")
    report = build(root, output, workers=1)
    assert not marker.exists() and report.written and report.projects_analysed == 3
    assert load_sealed(entries[0]) is None or not marker.exists()
    assert seal(b"x") != b"\0" * 32 + b"x"


def test_a_file_the_incremental_build_links_is_never_written_through(tmp_path):
    """A re-rendered file replaces the link in staging; the published file is never modified in place."""
    root = tmp_path / "network"
    shutil.copytree(GOLDEN_NETWORK, root)
    output = tmp_path / "site"
    build(root, output, workers=1)
    home = output / "index.html"
    held = os.open(home, os.O_RDONLY)   # the published file as a reader holds it during the swap
    try:
        before = os.read(held, 10_000_000)
        edit_title(root, random.Random(1))
        build(root, output, workers=1)
        os.lseek(held, 0, os.SEEK_SET)
        assert os.read(held, 10_000_000) == before
    finally:
        os.close(held)
    assert home.read_bytes() != before


def test_a_kept_builder_with_its_own_workers_rebuilds_while_threads_run(tmp_path):
    """As `qisite serve` uses it: the pool is kept between builds, and builds run while a server thread does."""
    import threading

    root = tmp_path / "network"
    shutil.copytree(GOLDEN_NETWORK, root)
    shutil.rmtree(root / ".qisite-cache", ignore_errors=True)
    output = tmp_path / "site"
    stop = threading.Event()
    server = threading.Thread(target=stop.wait)   # another thread: no forking from here on
    server.start()
    try:
        with Builder(root, output, workers=2, keep_pool=True) as builder:
            first = builder.build()
            pool = builder.pool
            assert first.written and first.charts_drawn == first.charts > 0
            edit_story(root, random.Random(3))
            add_project(root, random.Random(4))
            again = builder.build()
            assert builder.pool is pool and again.projects_analysed == 2
    finally:
        stop.set()
        server.join()
    assert_same_site(output, clean_build(root, tmp_path / "clean") and tmp_path / "clean", "kept pool")


def test_listing_pages_reuse_every_card_but_the_edited_projects(tmp_path, monkeypatch):
    """A value that moves one project's headline renders every listing page again, but each other
    project's card is taken as it was rendered by the build before (in another process: from the
    sealed cards file), and only the edited project's cards are rendered (qisite/site/cards.py)."""
    import qisite.site.cards as cards

    rendered: list[str] = []
    original = cards.CardCache.card

    def counting(self, page, project_id, heading, render):
        return original(self, page, project_id, heading, lambda: rendered.append(project_id) or render())

    monkeypatch.setattr(cards.CardCache, "card", counting)
    root = tmp_path / "network"
    shutil.copytree(GOLDEN_NETWORK, root)
    output = tmp_path / "site"
    build(root, output, workers=1)
    everyone = set(rendered)
    assert len(everyone) > 2 and len(rendered) < 2 * sum(1 for _ in (output / "projects").glob("*/index.html")) * 4
    rendered.clear()
    data = root / "projects" / "otterbury-eye-screening" / "data" / "attendance.csv"
    data.write_text(data.read_text(encoding="utf-8").replace("2024-08-01,151,210", "2024-08-01,140,210"), encoding="utf-8")
    again = build(root, output, workers=1)   # a new Builder: the cards come from .qisite-cache/build/cards.pickle
    assert again.pages_rendered > 2 and set(rendered) == {"otterbury-eye-screening"}
    assert_same_site(output, clean_build(root, tmp_path / "clean") and tmp_path / "clean", "cards reused")


def test_a_sealed_cards_file_that_is_not_ours_is_not_used(tmp_path):
    root = tmp_path / "network"
    shutil.copytree(GOLDEN_NETWORK, root)
    output = tmp_path / "site"
    build(root, output, workers=1)
    stored = root / ".qisite-cache" / "build" / "cards.pickle"
    assert stored.is_file()
    import pickle

    forged = {key: "<p>forged card</p>" for key in load_sealed(stored)}
    stored.write_bytes(b"\0" * 32 + pickle.dumps(forged))   # not sealed with this user's key
    data = root / "projects" / "otterbury-eye-screening" / "data" / "attendance.csv"
    data.write_text(data.read_text(encoding="utf-8").replace("2024-08-01,151,210", "2024-08-01,140,210"), encoding="utf-8")
    again = build(root, output, workers=1)   # every listing page rendered again, every card with it
    assert again.pages_rendered > 2
    assert not any(b"forged card" in p.read_bytes() for p in output.rglob("*.html"))
    assert_same_site(output, clean_build(root, tmp_path / "clean") and tmp_path / "clean", "cards file refused")


def cached(root: Path) -> set[str]:
    """Every cached chart, slide and project entry, by its path in the cache folder."""
    cache = root / ".qisite-cache"
    return {p.relative_to(cache).as_posix() for p in [*(cache / "charts").glob("??/*"),
                                                      *(cache / "build" / "projects").glob("??/*.pickle")]}


def test_an_edit_prunes_what_it_stopped_using_unless_another_output_uses_it(tmp_path):
    root = tmp_path / "network"
    shutil.copytree(GOLDEN_NETWORK, root)
    build(root, tmp_path / "a", workers=1)
    build(root, tmp_path / "b", workers=1)
    before = cached(root)
    csv = root / "projects" / "otterbury-eye-screening" / "data" / "attendance.csv"
    lines = csv.read_text(encoding="utf-8").splitlines()
    cells = lines[3].split(",")
    cells[-1] = str(int(cells[-1]) + 7)
    csv.write_text("\n".join([*lines[:3], ",".join(cells), *lines[4:]]) + "\n", encoding="utf-8")
    first = build(root, tmp_path / "a", workers=1)
    assert first.cache_pruned == 0 and before <= cached(root)   # output b's last build still uses them
    second = build(root, tmp_path / "b", workers=1)
    gone = before - cached(root)
    assert second.cache_pruned == len(gone) > 2   # the project's two old entries and its redrawn charts
    assert sum(path.startswith("build/projects/") for path in gone) == 2
    assert all(path.startswith(("charts/", "build/projects/")) for path in gone)
    left = cached(root)
    clean = build(root, tmp_path / "c", workers=1)   # a new output: the whole cache listed, nothing unused
    assert clean.cache_pruned == 0, left - cached(root)
    (root / ".qisite-cache" / "charts" / "ab").mkdir(exist_ok=True)
    (root / ".qisite-cache" / "charts" / "ab" / ("ab" + "0" * 30 + ".svg")).write_text("<svg/>")
    assert build(root, tmp_path / "d", workers=1).cache_pruned == 1


def test_the_fingerprint_moves_on_exactly_when_a_published_files_bytes_change(tmp_path):
    """What tells `qisite serve`'s browser to reload: read from the manifest, never by walking the site."""
    root = tmp_path / "network"
    shutil.copytree(GOLDEN_NETWORK, root)
    output = tmp_path / "site"
    first = build(root, output, workers=1)
    assert first.fingerprint and build(root, output, workers=1).fingerprint == first.fingerprint   # nothing to do
    touch_only(root, random.Random(0))
    project = root / "projects" / "otterbury-eye-screening" / "project.yaml"
    project.write_text(project.read_text(encoding="utf-8") + "\n# a comment changes no page\n", encoding="utf-8")
    again = build(root, output, workers=1)
    assert again.projects_analysed == 1 and again.files_written == 0 and again.fingerprint == first.fingerprint
    edit_title(root, random.Random(1))
    edited = build(root, output, workers=1)
    assert edited.files_written > 0 and edited.fingerprint != first.fingerprint
    (output / "index.html").write_bytes(b"by hand")   # a page edited in the output is made again: a new file
    mended = build(root, output, workers=1)
    assert mended.fingerprint not in (first.fingerprint, edited.fingerprint) and mended.files_written == 1


def test_a_kept_builder_told_what_the_watcher_saw_reads_only_those_folders(tmp_path):
    """`qisite serve` tells its Builder what changed: a watched folder with no reported change is not read
    again; one holding a link, or outside what is watched, always is; and with no report, everything is."""
    from qisite.buildcache import WatchedChanges

    root = tmp_path / "network"
    shutil.copytree(GOLDEN_NETWORK, root)
    output = tmp_path / "site"
    first, second = projects(root)[:2]
    watched = (root / "projects",)
    with Builder(root, output, workers=1) as kept:
        kept.build()
        for folder in (first, second):
            (folder / "story.md").write_text(f"Edited {folder.name}.\n", encoding="utf-8")
        told = kept.build(WatchedChanges([first / "story.md"], watched))
        assert told.projects_analysed == 1   # the second folder's edit was not reported: not read
        assert f"Edited {first.name}." in (output / "projects" / first.name / "index.html").read_text(encoding="utf-8")
        assert kept.build(WatchedChanges([], watched)).projects_analysed == 0
        assert kept.build(WatchedChanges([], ())).projects_analysed == 1   # nothing watched: every folder read
        (second / "story.md").write_text("Again.\n", encoding="utf-8")
        assert kept.build(None).projects_analysed == 1   # no report: every folder read
        (second / "linked.md").symlink_to(tmp_path / "elsewhere.md")
        (tmp_path / "elsewhere.md").write_text("one\n", encoding="utf-8")
        kept.build(None)
        (tmp_path / "elsewhere.md").write_text("two\n", encoding="utf-8")   # outside: no watcher would see it
        assert kept.build(WatchedChanges([], watched)).projects_analysed == 1   # a folder with a link: read again
        renamed = first.with_name("renamed-" + first.name)
        first.rename(renamed)
        report = kept.build(WatchedChanges([first, renamed], watched))
        assert report.written and (output / "projects" / renamed.name / "index.html").is_file()
    assert_same_site(output, clean_build(root, tmp_path / "clean") and tmp_path / "clean", "after the watched builds")


_CARD_KEYS = """
import sys
from pathlib import Path
from qisite.site.making import load_and_analyse
from qisite.config import load_config
from qisite.problems import Problems
root = Path(sys.argv[1])
config = load_config(root, Problems())
for folder in sorted(p for p in (root / "projects").iterdir() if p.is_dir()):
    entry = load_and_analyse(folder, None, config)
    print(folder.name, entry.card, entry.listing().listed)
"""


def test_card_keys_are_the_same_in_every_process():
    """A card key and a listing part's key (and so whether a listing page, a change idea's page or a
    network measure's page is rendered again) digest records' canonical bytes:
    the same whatever Python's string hashing is seeded with (two processes, two seeds)."""
    import subprocess
    import sys

    runs = [subprocess.run([sys.executable, "-c", _CARD_KEYS, str(GOLDEN_NETWORK)], capture_output=True, text=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}, check=True, timeout=300).stdout
            for seed in ("1", "2")]
    assert runs[0] == runs[1] and len(runs[0].splitlines()) >= 3


_FORKED_SCAN = """
import hashlib, os, sys
from pathlib import Path
import qisite.build as qisite_build
from qisite.build import Builder, build
from qisite.buildcache import FileDigests

root, output = Path(sys.argv[1]), Path(sys.argv[2])
projects = sorted(p for p in (root / "projects").iterdir() if p.is_dir())
build(root, output, workers=1)
first, second = projects[:2]
(first / "story.md").write_text("Edited in the fork's time.\\n", encoding="utf-8")
(root.parent / "elsewhere.md").write_text("outside\\n", encoding="utf-8")
(second / "linked.md").symlink_to(root.parent / "elsewhere.md")
scanned_in = root.parent / "scanned-in"
real = qisite_build.Builder._scanned

def noted(self, *args):
    scanned_in.write_text(str(os.getpid()))
    return real(self, *args)

qisite_build.Builder._scanned = noted
with Builder(root, output, workers=1) as builder:
    report = builder.build()
    assert int(scanned_in.read_text()) != os.getpid(), "the scan was not forked"
    assert report.projects_analysed == 2, report.projects_analysed
    assert "Edited in the fork" in (output / "projects" / first.name / "index.html").read_text(encoding="utf-8")
    here = FileDigests()
    assert builder.trees == {f: here.tree(f) for f in builder.trees}
    assert set(projects) - set(builder.trees) == {second}   # (a folder with a link: read each time)
    assert builder.digests.linked == {str(second)}
    files = [p for p in (root / "projects").rglob("*") if p.is_file()]
    assert all(builder.digests.seen[str(p)][2] == hashlib.sha256(p.read_bytes()).hexdigest() for p in files)
(second / "story.md").write_text("Edited again.\\n", encoding="utf-8")
assert build(root, output, workers=1).projects_analysed == 1
"""


_MADE_AHEAD = """
import os, sys
from pathlib import Path
from qisite.build import build
from qisite.site import making

root, output, loaded_in = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
projects = sorted(p for p in (root / "projects").iterdir() if p.is_dir())
build(root, output, workers=2)
real = making.load_batch

def noted(folders, config):
    with loaded_in.open("a") as log:
        log.writelines(f"{os.getpid()} {folder.name}\\n" for folder, _ in folders)
    return real(folders, config)

making.load_batch = noted
for edited in projects[:2]:
    story = edited / "story.md"
    story.write_text(story.read_text(encoding="utf-8") + "\\nMade ahead in the scan's process.\\n", encoding="utf-8")
report = build(root, output, workers=2)
assert report.projects_analysed == 2, report.projects_analysed
loaded = [line.split() for line in loaded_in.read_text().splitlines()]
assert sorted(name for _, name in loaded) == sorted(p.name for p in projects[:2]), loaded
assert all(int(pid) != os.getpid() for pid, _ in loaded), "loaded here, not in the scan's process"
"""


def test_an_edited_project_is_loaded_in_the_forked_scan_while_the_others_are_read_back(tmp_path):
    """A few projects with no stored entry (an edit) are loaded and analysed by the forked scan once it is
    done, while this process reads the others' listing parts back; the site is a clean build's."""
    import subprocess
    import sys

    root = tmp_path / "network"
    copy_example_network(root)
    output = tmp_path / "site"
    done = subprocess.run([sys.executable, "-c", _MADE_AHEAD, str(root), str(output), str(tmp_path / "loaded")],
                          capture_output=True, text=True, timeout=600, check=False,
                          env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000"})
    assert done.returncode == 0, done.stderr[-3000:]
    assert_same_site(output, clean_build(root, tmp_path / "clean") and tmp_path / "clean", "after projects made ahead")


def test_the_folders_read_in_a_forked_process_are_known_as_if_read_here(tmp_path):
    """With a last build's manifest, a build reads its folders' digests in a forked process while it reads
    back listing entries here. What it learns is what reading them here would: each folder's digest, each
    file's content digest, the folders holding a link; and the next build notices the edit. (In a process
    of its own: a process with threads, as a test session may have, does not fork.)"""
    import subprocess
    import sys

    root = tmp_path / "network"
    copy_example_network(root)   # (enough projects for the scan to be forked)
    output = tmp_path / "site"
    done = subprocess.run([sys.executable, "-c", _FORKED_SCAN, str(root), str(output)], capture_output=True,
                          text=True, timeout=600, check=False, env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000"})
    assert done.returncode == 0, done.stderr[-3000:]
    assert_same_site(output, clean_build(root, tmp_path / "clean") and tmp_path / "clean", "after a forked scan")
