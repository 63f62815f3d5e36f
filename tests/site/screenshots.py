"""Screenshots of one page of each type of the example site, for people to look at.

    python tests/site/screenshots.py OUT_DIR [--site BUILT_SITE]

Builds the example network (unless --site names a built one) and writes
OUT_DIR/<type>-<width>.png for every page type at desktop (1280 px) and phone
(390 px) widths, full page, in the light scheme, plus <type>-1280-dark.png for
the home and project pages, and project-390-chart.png: one phone screen of a
case study at its first chart (the README shows it). Uses Debian's /usr/bin/chromium.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from sitehtml import CHROMIUM, CHROMIUM_ARGS, PAGE_TYPES

REPO = Path(__file__).resolve().parents[2]
WIDTHS = (1280, 390)
DARK = ("home", "project")


def build_example(work: Path) -> Path:
    from qisite.build import build

    root = work / "network"
    shutil.copytree(REPO / "projects", root / "projects")
    shutil.copytree(REPO / "partners", root / "partners")
    shutil.copy(REPO / "site.yaml", root / "site.yaml")
    report = build(root, work / "site")
    if not report.written:
        sys.exit("the example network did not build:\n" + "\n".join(p.format() for p in report.problems))
    return report.output


def shoot(site: Path, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    shots = []
    jobs = [(kind, width, "light") for kind in PAGE_TYPES for width in WIDTHS]
    jobs += [(kind, 1280, "dark") for kind in DARK]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for kind, width, scheme in jobs:
            context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme,
                                          device_scale_factor=1)
            page = context.new_page()
            page.goto((site / PAGE_TYPES[kind]).resolve().as_uri(), wait_until="load")
            if kind == "search":
                page.locator("#search-page-input").fill("talking therapies")
                page.locator("#search-page-results a").first.wait_for()
            name = f"{kind}-{width}{'-dark' if scheme == 'dark' else ''}.png"
            page.screenshot(path=str(out / name), full_page=True)
            shots.append(out / name)
            context.close()
        # one phone screen of a case study at its first chart: what a ward team member sees
        context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1)
        page = context.new_page()
        page.goto((site / PAGE_TYPES["project"]).resolve().as_uri(), wait_until="load")
        page.locator(".measure h3").first.evaluate("h => window.scrollTo(0, h.getBoundingClientRect().top + scrollY - 8)")
        page.screenshot(path=str(out / "project-390-chart.png"))
        shots.append(out / "project-390-chart.png")
        context.close()
        browser.close()
    return shots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder for the PNG files")
    parser.add_argument("--site", type=Path, help="an already built site (default: build the example network)")
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        sys.exit(f"{CHROMIUM} is missing: apt-get install chromium")
    with tempfile.TemporaryDirectory() as work:
        site = args.site or build_example(Path(work))
        for shot in shoot(site, args.out):
            print(shot)
    return 0


if __name__ == "__main__":
    sys.exit(main())
