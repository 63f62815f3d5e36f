"""The structure of every page of the example site, pinned in golden/pages.json:
title, h1, landmarks, the heading outline, and how many project cards, PDSA
cycles, measures and charts each page shows.

A change to the templates, the example network or the charts that changes any
of these shows here as a readable diff. When the change is intended,
regenerate the snapshot and review it with ``git diff``:

    QISITE_UPDATE_GOLDEN=1 python -m pytest tests/site/test_site_golden.py

Independently of the snapshot, every page must have one h1, first, and a
heading outline that never skips a level going down.
"""

from __future__ import annotations

import difflib
import json
import os
from pathlib import Path

import pytest

from sitehtml import html_pages, parse

GOLDEN = Path(__file__).parent / "golden" / "pages.json"
COUNTED = {  # what a person counts on a page → the CSS class that marks one
    "project cards": "project-card",
    "PDSA cycles": "cycle",
    "measures": "measure",
    "charts": "chart",
    "change ideas in driver diagram": "dd-idea-node",  # drawn once each (the columns of wide screens)
    "headline results": "result",
}


def summary(site: Path, path: str) -> dict:
    page = parse(site, path)
    counts = {name: page.count(css) for name, css in COUNTED.items() if page.count(css)}
    return {
        "title": page.title,
        "h1": page.h1[0] if len(page.h1) == 1 else page.h1,
        "lang": page.lang,
        "landmarks": page.landmarks,
        "outline": ["  " * (level - 2) + f"h{level} {text}" for level, text in page.headings if level > 1],
        "counts": counts,
    }


def snapshot(site: Path) -> dict:
    return {path: summary(site, path) for path in html_pages(site)}


def _dump(value) -> str:
    return json.dumps(value, indent=1, ensure_ascii=False, sort_keys=False) + "\n"


def test_pages_match_the_golden_snapshot(site):
    now = snapshot(site)
    if os.environ.get("QISITE_UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(_dump(now), encoding="utf-8")
        pytest.skip(f"wrote {GOLDEN}; review it with git diff")
    assert GOLDEN.exists(), f"no {GOLDEN}: run QISITE_UPDATE_GOLDEN=1 python -m pytest {Path(__file__).name}"
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    diffs = []
    for path in sorted(set(golden) | set(now)):
        if golden.get(path) != now.get(path):
            diffs += difflib.unified_diff(_dump(golden.get(path)).splitlines(), _dump(now.get(path)).splitlines(),
                                          f"golden {path}", f"built {path}", lineterm="", n=2)
    assert not diffs, ("the built pages differ from tests/site/golden/pages.json "
                       "(if intended: QISITE_UPDATE_GOLDEN=1 python -m pytest tests/site/test_site_golden.py):\n"
                       + "\n".join(diffs[:200]))


def test_every_page_has_one_h1_and_no_skipped_heading_levels(site):
    problems = []
    for path in html_pages(site):
        page = parse(site, path)
        levels = [level for level, _ in page.headings]
        if levels[:1] != [1] or levels.count(1) != 1:
            problems.append(f"{path}: headings start {levels[:3]}, with {levels.count(1)} h1")
        for (before, _), (level, text) in zip(page.headings, page.headings[1:]):
            if level > before + 1:
                problems.append(f"{path}: h{before} → h{level} {text!r} skips a level")
        if not page.title or not page.title.split(" · ")[0]:
            problems.append(f"{path}: empty <title>")
        if page.lang != "en-GB":
            problems.append(f"{path}: lang={page.lang!r}")
    assert not problems, "\n".join(problems)


def test_every_page_has_the_same_landmarks(site):
    """Banner, main navigation, search, main and footer on every page, each once."""
    for path in html_pages(site):
        landmarks = parse(site, path).landmarks
        for needed in ("banner", "navigation: Main", "main", "contentinfo"):
            assert landmarks.count(needed) == 1, f"{path}: {landmarks}"
        assert "search" in landmarks, path


def test_every_id_is_unique_on_its_page(site):
    problems = []
    for path in html_pages(site):
        ids = parse(site, path).ids
        problems += [f"{path}: id {i!r} ×{ids.count(i)}" for i in sorted(set(ids)) if ids.count(i) > 1]
    assert not problems, "\n".join(problems[:40])
