"""A network whose data has "1 of 3 patients" cells, for the disclosure-control tests."""

from __future__ import annotations

from pathlib import Path

from privacynetwork import add_measure, make_network

MONTHS = [f"2024-{m:02d}-01" for m in range(1, 13)]

# main-outcome (the scaffold's p chart): March is "1 of 3 patients"
OVERALL = [(21, 40), (19, 38), (1, 3), (22, 41), (24, 44), (20, 39), (23, 40), (25, 42), (26, 43), (24, 40), (27, 44), (26, 41)]

# by-group: the Black group has 2 of 9 in May and 3 of 11 in October
BY_GROUP = {
    "White": [(30, 50), (31, 52), (29, 49), (33, 51), (32, 50), (30, 48), (34, 52), (33, 50), (35, 53), (34, 51), (36, 52), (35, 50)],
    "Black": [(9, 20), (8, 19), (10, 21), (9, 18), (2, 9), (10, 20), (11, 21), (12, 22), (12, 21), (3, 11), (13, 22), (14, 23)],
    "Asian": [(12, 25), (13, 26), (12, 24), (14, 25), (13, 25), (15, 26), (14, 25), (16, 27), (15, 26), (16, 25), (17, 27), (16, 26)],
}

GROUP_MEASURE = """
  - id: by-group
    title: Seen by ethnic group (%)
    type: outcome
    definition: Of people referred, those seen, by ethnic group.
    data: data/by-group.csv
    x: month
    y: seen
    n: referred
    group: ethnicity
    reference_group: White
    chart: p
    period: month
    unit: "%"
    multiply: 100
"""

EVENTS_MEASURE = """
  - id: incidents
    title: Incidents per month
    type: balancing
    definition: Incidents recorded on the ward each month.
    data: data/incidents.csv
    x: month
    y: incidents
    chart: c
    period: month
"""

SMALL = {1, 2, 3, 4}
INCIDENTS = [2, 1, 3, 0, 2, 4, 1, 2, 3, 1, 0, 2]


def small_number_network(root: Path, site_extra: str = "") -> Path:
    folder = make_network(root, site_extra)
    rows = "".join(f"{m},{y},{n}\n" for m, (y, n) in zip(MONTHS, OVERALL))
    (folder / "data" / "main-outcome.csv").write_text("month,seen,referred\n" + rows, encoding="utf-8")
    grouped = "".join(f"{m},{g},{y},{n}\n" for g, values in BY_GROUP.items() for m, (y, n) in zip(MONTHS, values))
    add_measure(folder, GROUP_MEASURE, "by-group.csv", "month,ethnicity,seen,referred\n" + grouped)
    add_measure(folder, EVENTS_MEASURE, "incidents.csv",
                "month,incidents\n" + "".join(f"{m},{c}\n" for m, c in zip(MONTHS, INCIDENTS)))
    return folder
