"""Run-chart median re-basing (``rebase="auto"``) against runcharter's own
test expectations: J. Mackintosh, runcharter, tests/testthat/test_outputs.R
(commit 207551f) on its ``signals`` data (data-raw/signals.R, commit
117453a): four wards, 55 months from January 2014, ``med_rows = 9``,
``runlength = 9``.
"""
import datetime as dt

import numpy as np
import pytest

from qisite.spc import analyse
from qisite.spc.rebase import sustained_runs

SIGNALS = [
    9, 22, 19, 18, 8, 7, 11, 11, 11, 12, 2, 8, 9, 6, 7, 11, 11, 11, 21, 12,
    21, 12, 21, 13, 5, 6, 4, 15, 12, 7, 14, 7, 9, 13, 13, 7, 5, 4, 10, 4,
    9, 4, 8, 6, 9, 9, 4, 5, 2, 6, 16, 8, 7, 6, 4, 11, 18, 5, 14, 12,
    14, 23, 9, 9, 13, 4, 16, 19, 18, 20, 19, 19, 18, 11, 8, 18, 15, 3, 12, 17,
    11, 15, 21, 15, 9, 6, 9, 6, 17, 12, 15, 9, 20, 9, 17, 15, 10, 12, 14, 16,
    7, 3, 8, 11, 7, 9, 8, 8, 7, 8, 2, 6, 3, 4, 5, 9, 4, 4, 3, 6,
    3, 4, 5, 6, 9, 11, 7, 9, 4, 4, 3, 5, 12, 4, 4, 3, 4, 3, 7, 4,
    5, 4, 5, 6, 1, 3, 9, 7, 10, 3, 4, 6, 10, 9, 12, 9, 4, 7, 6, 5,
    9, 10, 5, 8, 16, 5, 3, 3, 12, 1, 7, 13, 10, 19, 13, 14, 1, 6, 13, 17,
    15, 15, 15, 10, 5, 18, 11, 13, 2, 12, 2, 7, 9, 14, 3, 18, 4, 5, 6, 10,
    18, 15, 5, 9, 10, 11, 15, 4, 4, 11, 11, 13, 4, 15, 17, 15, 7, 20, 18, 6,
]
WARDS = {name: SIGNALS[55 * k:55 * k + 55] for k, name in enumerate(("WardX", "WardY", "WardZ", "WardV"))}
MONTHS = [dt.date(2014 + k // 12, 1 + k % 12, 1) for k in range(55)]

# test_outputs.R: (baseline median, [(start, end, median) of each sustained run])
BOTH = {"WardV": (7, []), "WardX": (11, [("2016-12-01", "2017-08-01", 6)]),
        "WardY": (12, [("2017-10-01", "2018-06-01", 8)]), "WardZ": (4, [("2017-06-01", "2018-03-01", 9)])}
ABOVE = {"WardX": [], "WardY": [], "WardZ": [("2017-06-01", "2018-03-01", 9)], "WardV": []}
BELOW = {"WardX": BOTH["WardX"][1], "WardY": BOTH["WardY"][1], "WardZ": [], "WardV": []}


def _runs(ward, side):
    y = np.array(WARDS[ward], dtype=float)
    return [(MONTHS[r[0]].isoformat(), MONTHS[r[-1]].isoformat(), float(np.median(y[r])))
            for r in sustained_runs(y, 9, 9, side)]


@pytest.mark.parametrize("ward", sorted(WARDS))
def test_runcharter_expectations(ward):
    assert float(np.median(WARDS[ward][:9])) == BOTH[ward][0]
    assert _runs(ward, 0) == BOTH[ward][1]
    assert _runs(ward, 1) == ABOVE[ward]
    assert _runs(ward, -1) == BELOW[ward]


def test_rebased_run_chart_parts_and_medians():
    r = analyse(WARDS["WardZ"], chart="run", x=MONTHS, freeze=9, shift=9, rebase="auto", direction="increase")
    assert [(p.start, p.end, p.cl) for p in r.parts] == [(1, 41, 4.0), (42, 55, 9.0)]
    assert r.parts[1].n_baseline == 9          # the run's own points (one on the old median set aside)
    assert r.baseline[:9].all() and not r.baseline[9:41].any()


def test_without_freeze_and_shift_runcharters_defaults():
    r = analyse(WARDS["WardX"], chart="run", rebase="auto", direction="decrease")   # 13 and 9
    assert r.parts[0].n_baseline == 13 and len(r.parts) == 2 and r.parts[1].cl == 6.0


@pytest.mark.parametrize("kwargs,message", [
    ({"chart": "i"}, "control charts use parts"),
    ({"chart": "run", "parts": [20]}, "not both"),
    ({"chart": "run", "rebase": "yes"}, "must be 'auto'"),
])
def test_rebase_is_checked(kwargs, message):
    kwargs = {"rebase": "auto", **kwargs}
    with pytest.raises(ValueError, match=message):
        analyse(WARDS["WardX"], **kwargs)
