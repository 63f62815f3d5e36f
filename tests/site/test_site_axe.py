"""axe-core on one page of each type, in the light and the dark colour scheme:
no serious or critical violation (contrast included).

axe-core's own axe.min.js comes from the PyPI package axe-playwright-python
(in the ``test`` extra); it is injected from disk, so nothing is fetched.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from sitehtml import PAGE_TYPES

BLOCKING = ("serious", "critical")

# Violations reported to their owner and awaiting a fix: rule id → (a CSS selector
# every offending element matches, why). Only those elements are excused; the
# last test fails once the violation is gone, so the entry gets removed.
KNOWN: dict = {}  # rule → (selector, why): violations excused for now; each entry must still occur


def axe_script() -> Path:
    return Path(str(resources.files("axe_playwright_python") / "axe.min.js"))


def run_axe(page, known: dict | None = None) -> list[dict]:
    """axe's serious and critical violations, less the nodes ``known`` excuses."""
    page.add_script_tag(path=str(axe_script()))
    excused = {rule: selector for rule, (selector, _) in (KNOWN if known is None else known).items()}
    result = page.evaluate("""async (excused) => {
        // preload: false, or axe fetches the stylesheets by XHR, which file:// refuses
        const r = await axe.run(document, {resultTypes: ["violations"], preload: false});
        const known = (rule, node) => excused[rule] && node.target.length === 1
            && document.querySelector(node.target[0]) && document.querySelector(node.target[0]).matches(excused[rule]);
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.filter(n => !known(v.id, n))
                          .map(n => n.target.join(" ") + (n.failureSummary ? " — " + n.failureSummary.split("\\n").slice(1).join(" ") : ""))}))
          .filter(v => v.nodes.length);
    }""", excused)
    return [v for v in result if v["impact"] in BLOCKING]


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"[{v['impact']}] {v['id']}: {v['help']}")
        lines += [f"    {n}" for n in v["nodes"][:8]]
        if len(v["nodes"]) > 8:
            lines.append(f"    … and {len(v['nodes']) - 8} more")
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_no_serious_accessibility_violations(visit, kind, scheme):
    v = visit(color_scheme=scheme)
    page = v.goto(PAGE_TYPES[kind])
    if kind == "search":
        page.locator("#search-page-input").fill("equity")  # results on the page, as a person sees it
        page.locator("#search-page-results a").first.wait_for()
    if kind == "project":
        page.locator("details.data-table").first.evaluate("d => d.open = true")
    assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") == (scheme == "dark")
    violations = run_axe(page)
    assert not violations, f"{PAGE_TYPES[kind]} ({scheme}):\n{describe(violations)}"


def test_header_search_results_are_accessible(visit):
    """The open search drop-down, in the dark scheme (its own colours)."""
    v = visit(color_scheme="dark")
    page = v.goto("index.html")
    page.locator("#search-input").fill("talking therapies")
    page.locator("#search-results a").first.wait_for()
    violations = run_axe(page)
    assert not violations, describe(violations)


@pytest.mark.parametrize("rule", list(KNOWN))
def test_known_violations_are_still_there(visit, rule):
    """Fails once a KNOWN violation is fixed: then delete its entry, so it is checked again."""
    v = visit()
    page = v.goto(PAGE_TYPES["project"])
    found = [x for x in run_axe(page, known={}) if x["id"] == rule]
    assert found, f"{rule} no longer occurs: remove it from KNOWN in {Path(__file__).name}"
