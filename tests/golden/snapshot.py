"""Build the golden fixture network and turn the site into a *snapshot*: every
file the build wrote, by path, as reviewable text.

This module is the one declaration of how the golden test builds and
normalises; ``tests/test_golden_site.py`` compares a snapshot with
``tests/golden/expected/`` and ``python -m tests.golden.update`` rewrites that
folder from one. The snapshot keeps everything a reader of the site sees —
page text, numbers, links, CSV downloads, the feed, the sitemap and the search
index — and normalises only what is pinned elsewhere or carries no meaning:

- charts (inline in pages, and the ``.svg`` downloads) are reduced to their
  root's role, classes and ARIA attributes, their ``<title>`` and ``<desc>``,
  and their links (the PDSA markers); the drawing itself is pinned by
  ``tests/charts``. The chart's id (a hash of its inputs and of the drawing
  code) becomes ``chart-1``, ``chart-2``… in order on the page;
- a PNG (the charts for slides) is its size in pixels: its drawing is the chart's
  (pinned by ``tests/charts``) and its texts are checked by ``tests/test_slides.py``;
- the search index is re-printed with one key per line;
- theme files copied unchanged (``assets/site.css``, ``assets/site.js``) are
  one line saying so: they are pinned by their source in ``templates/static``.
  A copy that differs from its source is kept whole, and so shows in the diff.

The build date is fixed with ``SOURCE_DATE_EPOCH``.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
NETWORK = HERE / "network"
EXPECTED = HERE / "expected"
UPDATE_COMMAND = "python -m tests.golden.update"
BUILD_DATE_EPOCH = "1725148800"  # 2024-09-01 UTC: the footer's "Built with qisite on 1 Sep 2024"
CACHE_DIR = ".qisite-cache"      # the build's chart cache inside the network folder: never part of the fixture

_SVG = re.compile(r"<svg\b[^>]*>.*?</svg>", re.S)
_SVG_ROOT = re.compile(r"<svg\b([^>]*)>")
_ATTRIBUTE = re.compile(r'([\w:-]+)="([^"]*)"')
_SVG_PARTS = re.compile(r"<(title|desc)\b([^>]*)>(.*?)</\1>|<a\b([^>]*)>|</a>", re.S)
_KEPT_ROOT_ATTRIBUTES = ("role", "class", "aria-label", "aria-labelledby")
_KEPT_LINK_ATTRIBUTES = ("href", "aria-label")
_CHART_ID = re.compile(r"\bq[0-9a-f]{8,}\b")  # a chart's id: "q" and the start of its content hash


class BuildFailedError(Exception):
    """``qisite build`` did not write the site: its output says why."""


def build_site(network: Path, output: Path, *, hash_seed: str | None = None) -> None:
    """``python -m qisite build --strict`` as a user runs it, with the build date fixed
    (and Python's string hashing seeded with ``hash_seed`` when given)."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_DATE_EPOCH}
    if hash_seed is not None:
        env["PYTHONHASHSEED"] = hash_seed
    result = subprocess.run([sys.executable, "-m", "qisite", "build", "--strict", str(network), "--output", str(output)],
                            cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise BuildFailedError(f"qisite build --strict {network} failed (exit {result.returncode}):\n"
                          f"{result.stdout}{result.stderr}")


def copy_network(target: Path) -> Path:
    """A fresh copy of the fixture network at ``target`` (without a chart cache)."""
    shutil.copytree(NETWORK, target, ignore=shutil.ignore_patterns(CACHE_DIR))
    return target


def build_snapshot(scratch: Path, *, keep_cache: bool = False) -> dict[str, str]:
    """Build a copy of the fixture network in ``scratch`` and return the
    snapshot. With ``keep_cache`` the chart cache in ``tests/golden/network``
    (ignored by git) is used and refreshed, so a second build draws nothing."""
    network = copy_network(scratch / "network")
    cache = NETWORK / CACHE_DIR
    if keep_cache and cache.is_dir():
        shutil.copytree(cache, network / CACHE_DIR)
    build_site(network, scratch / "site")
    if keep_cache and (network / CACHE_DIR).is_dir():
        _drop_unused_charts(network / CACHE_DIR, scratch / "site")
        shutil.rmtree(cache, ignore_errors=True)
        shutil.copytree(network / CACHE_DIR, cache)
    return snapshot(scratch / "site")


def _drop_unused_charts(cache: Path, site: Path) -> None:
    """Keep the cache to the charts this site uses (a chart's id starts with its
    cache key), so it does not grow with every change to the drawing code."""
    used = {chart_id[1:] for svg in site.rglob("*.svg") for chart_id in _CHART_ID.findall(svg.read_text("utf-8"))}
    for cached in cache.rglob("*.svg"):
        if not any(cached.stem.startswith(key) for key in used):
            cached.unlink()


def snapshot(site: Path) -> dict[str, str]:
    """Every file under ``site`` (posix path relative to it) → its normalised text."""
    files = sorted(p for p in site.rglob("*") if p.is_file())
    return {path.relative_to(site).as_posix(): normalise(path.relative_to(site).as_posix(), path.read_bytes())
            for path in files}


def normalise(path: str, data: bytes) -> str:
    """One built file as the text the golden tree holds for it."""
    if path.endswith(".png") and data.startswith(b"\x89PNG\r\n\x1a\n"):
        width, height = struct.unpack(">II", data[16:24])   # the IHDR chunk comes first
        return f"(PNG image: {width} x {height} px)\n"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return f"(binary file: {len(data)} bytes, sha256 {hashlib.sha256(data).hexdigest()})\n"
    if path == ".qisite-build":  # the output's marker: its token is random by design (docs/security.md)
        return "\n".join(line for line in text.splitlines() if not line.startswith("token:")) + "\n"
    if path.endswith((".html", ".svg")):
        return normalise_markup(text)
    if path == "assets/search-index.js":
        return normalise_search_index(text)
    if path.startswith("assets/search/") and path.endswith(".js"):
        return normalise_search_fragment(text)
    theme_copy = _theme_source(path)
    if theme_copy is not None and theme_copy.read_bytes() == data:
        return f"(copied unchanged from the theme's static/{path.removeprefix('assets/')})\n"
    return text


def normalise_markup(text: str) -> str:
    """HTML or a standalone chart: each ``<svg>`` reduced to its text and links,
    chart ids numbered in order."""
    in_roots = (chart_id for root in _SVG_ROOT.finditer(text) for chart_id in _CHART_ID.findall(root.group(0)))
    for number, chart_id in enumerate(dict.fromkeys(in_roots), start=1):
        text = text.replace(chart_id, f"chart-{number}")
    return _SVG.sub(lambda match: svg_outline(match.group(0)), text)


def svg_outline(svg: str) -> str:
    """An ``<svg>`` element as its root's role, classes and ARIA attributes, its
    own ``<title>``/``<desc>`` and its links, one per line."""
    root = _SVG_ROOT.match(svg)
    lines = [f"<svg{_attributes(root.group(1), _KEPT_ROOT_ATTRIBUTES)}>"]
    inside_link = 0
    for part in _SVG_PARTS.finditer(svg, root.end()):
        tag, attributes, content, link = part.groups()
        if part.group(0) == "</a>":
            inside_link = max(0, inside_link - 1)
        elif link is not None:
            inside_link += 1
            lines.append(f"  <a{_attributes(link, _KEPT_LINK_ATTRIBUTES)}></a>")
        elif not inside_link:  # a link's own <title> repeats its aria-label
            lines.append(f"  <{tag}{_attributes(attributes, ('id',))}>{content}</{tag}>")
    return "\n".join(lines) + "\n</svg>"


def _attributes(source: str, kept: tuple[str, ...]) -> str:
    found = dict(_ATTRIBUTE.findall(source))
    return "".join(f' {name}="{found[name]}"' for name in kept if name in found)


def normalise_search_index(text: str) -> str:
    """``window.X=[…];`` with one entry key per line (the same data, readable)."""
    prefix, _, rest = text.partition("=")
    payload = rest.strip().removesuffix(";")
    try:
        entries = json.loads(payload)
    except json.JSONDecodeError:
        return text  # not the expected shape: keep it whole, so the diff shows it
    return f"{prefix}=\n{json.dumps(entries, indent=1, ensure_ascii=False)};\n"


def normalise_search_fragment(text: str) -> str:
    """``window.F("id",[…]);`` with one field per line (the same data, readable)."""
    call, paren, rest = text.partition("(")
    try:
        project_id, fields = json.loads(f"[{rest.strip().removesuffix(';').removesuffix(')')}]")
    except (json.JSONDecodeError, ValueError):
        return text  # not the expected shape: keep it whole, so the diff shows it
    lines = ",\n".join(json.dumps(field, ensure_ascii=False) for field in fields)
    return f"{call}{paren}{json.dumps(project_id, ensure_ascii=False)}, [\n{lines}\n]);\n"


def _theme_source(path: str) -> Path | None:
    from qisite.site.render import THEME

    if not path.startswith("assets/"):
        return None
    source = THEME / "static" / path.removeprefix("assets/")
    return source if source.is_file() else None


# --- the expected tree ------------------------------------------------------------

def read_expected(folder: Path = EXPECTED) -> dict[str, str]:
    if not folder.is_dir():
        return {}
    return {p.relative_to(folder).as_posix(): p.read_bytes().decode("utf-8")
            for p in sorted(folder.rglob("*")) if p.is_file()}


def write_expected(files: dict[str, str], folder: Path = EXPECTED) -> None:
    """Make ``folder`` hold exactly ``files``: stale files and empty folders go."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in read_expected(folder).keys() - files.keys():
        (folder / path).unlink()
    for path, text in files.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        if not target.is_file() or target.read_bytes() != data:
            target.write_bytes(data)
    for directory in sorted((d for d in folder.rglob("*") if d.is_dir()), key=lambda d: len(d.parts), reverse=True):
        if not any(directory.iterdir()):
            directory.rmdir()


# --- comparing ---------------------------------------------------------------------

def differences(expected: dict[str, str], built: dict[str, str]) -> tuple[list[str], list[str], list[str]]:
    """(missing from the build, new in the build, changed), each sorted."""
    missing = sorted(expected.keys() - built.keys())
    new = sorted(built.keys() - expected.keys())
    changed = sorted(p for p in expected.keys() & built.keys() if expected[p] != built[p])
    return missing, new, changed


def report(expected: dict[str, str], built: dict[str, str], *, files: int = 4, lines_per_file: int = 40) -> str:
    """A readable account of how ``built`` differs from ``expected`` ('' when equal):
    the lists of files, then a unified diff of the first few changed files."""
    missing, new, changed = differences(expected, built)
    if not (missing or new or changed):
        return ""
    out = [f"the built site differs from tests/golden/expected/ "
           f"({len(changed)} changed, {len(new)} new, {len(missing)} missing):"]
    for label, paths in (("changed", changed), ("new", new), ("missing", missing)):
        if paths:
            shown = ", ".join(paths[:12]) + (f", … and {len(paths) - 12} more" if len(paths) > 12 else "")
            out.append(f"  {label}: {shown}")
    for path in changed[:files]:
        diff = list(difflib.unified_diff(expected[path].splitlines(), built[path].splitlines(),
                                         f"expected/{path}", f"built/{path}", lineterm="", n=2))
        cut = len(diff) - lines_per_file
        out += ["", *diff[:lines_per_file]] + ([f"… {cut} more diff lines in {path}"] if cut > 0 else [])
    if len(changed) > files:
        out.append(f"\n… diffs of {len(changed) - files} more changed files not shown")
    out.append(f"\nIf the change is intended, run `{UPDATE_COMMAND}` from the repository root "
               "and review `git diff tests/golden/expected`.")
    return "\n".join(out)
