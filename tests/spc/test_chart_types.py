"""The chart-type registry is the one list of chart types: everything else reads it."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from qisite.spc import chart_types, limits
from qisite.spc.chart_types import (
    BY_NAME,
    CHART_TYPES,
    FAMILIES,
    NAMES,
    SPC_NAMES,
    chart_type,
)

ROOT = Path(__file__).resolve().parents[2]
QUOTED = "|".join(re.escape(name) for name in NAMES)


def test_the_limits_dispatch_table_has_exactly_the_registered_spc_charts():
    assert tuple(limits.CHARTS) == SPC_NAMES


def test_the_schema_accepts_exactly_the_registered_chart_types():
    from qisite.commands.schema import json_schemas
    measure = json_schemas({})["measures.yaml"]["properties"]["measures"]["items"]
    assert tuple(measure["properties"]["chart"]["enum"]) == NAMES


def test_the_spc_command_offers_the_spc_charts():
    from qisite import spc
    assert spc.CHARTS == SPC_NAMES and "pareto" not in SPC_NAMES


@pytest.mark.parametrize("kind", CHART_TYPES, ids=lambda k: k.name)
def test_each_chart_type_is_consistent(kind):
    assert kind.family in FAMILIES
    assert kind.label and kind.help
    assert kind.median == (kind.centre_word == "median")
    assert not kind.needs_denominator or kind.accepts_denominator
    assert kind.percent == (kind.family == chart_types.PROPORTION)
    assert kind.percent == (kind.unit == "%")
    assert kind.counts in ("", "people", "events", "opportunities")
    assert not kind.laney_version or chart_type(kind.laney_version).family == kind.family
    assert bool(kind.rule_profiles) == kind.spc
    assert kind.multiply > 0


def test_labels_are_unique_and_lookups_fail_loudly():
    assert len({k.label for k in CHART_TYPES}) == len(CHART_TYPES)
    assert BY_NAME["p"].label == "Control chart (p)"
    with pytest.raises(KeyError):
        chart_type("xmr")


def test_a_percentage_is_decided_by_the_registry_and_the_unit():
    assert chart_types.shown_as_percent("p", "")
    assert chart_types.shown_as_percent("pp", "patients")
    assert chart_types.shown_as_percent("i", "% of patients")
    assert not chart_types.shown_as_percent("u", "per 100 patients")
    assert not chart_types.shown_as_percent("c", "")
    assert chart_types.percent_scale("p", 1) == 100 and chart_types.percent_scale("p", 100) == 1
    assert chart_types.percent_scale("i", 100) == 1


def _sources():
    for path in sorted((ROOT / "qisite").rglob("*.py")):
        if path.name != "chart_types.py":
            yield path
    yield from sorted((ROOT / "qisite" / "templates").rglob("*.html")) if (ROOT / "qisite" / "templates").is_dir() else ()
    yield from sorted((ROOT / "templates").rglob("*.html"))


def test_no_module_keeps_its_own_list_of_chart_types():
    """Two chart names side by side in a literal, or three on one line, is a list
    of chart types; only the registry may have one (the limits dispatch table maps
    names to functions and is held equal to the registry above)."""
    pair = re.compile(rf'[(\[{{]\s*"({QUOTED})"\s*,\s*"({QUOTED})"')
    named = re.compile(rf'"({QUOTED})"(?!\s*:\s*[A-Za-z_])')   # not a key naming a variable: {"t": title}
    found = []
    for path in _sources():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if pair.search(line) or len(set(named.findall(line))) >= 3:
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not found, "lists of chart types outside spc/chart_types.py:\n" + "\n".join(found)
