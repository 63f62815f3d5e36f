"""A project's path over time: the IHI progress score, its stages, and whether it moved.

The IHI assessment scale (0.5 to 5 in steps of 0.5) is the self-assessment that
collaboratives and trusts use in Life QI; its words are declared here once. Pure:
no I/O. Sources: IHI's Assessment Scale for Collaboratives, as Life QI words it
("IHI Self Assessment Progress Scores", Life QI blog, 2019).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# score → (its name, what it means), IHI's scale as Life QI shows it
SCALE: dict[float, tuple[str, str]] = {
    0.5: ("Intent to participate", "the project is identified; no charter or team yet"),
    1.0: ("Charter and team established", "a charter is agreed and a team assigned; no work yet"),
    1.5: ("Planning for the project has begun", "resources, focus, tools and meetings are being organised"),
    2.0: ("Activity, but no changes", "learning cycles: baseline data, process study, surveys"),
    2.5: ("Changes tested, but no improvement", "PDSA cycles testing changes; measures charted with targets"),
    3.0: ("Modest improvement", "some changes tested successfully; small-scale implementation"),
    3.5: ("Improvement", "testing and implementation go on; the measures improve towards the goals"),
    4.0: ("Significant improvement", "expected results achieved for major parts; implementation has begun"),
    4.5: ("Sustainable improvement", "data on key measures show the changes are sustained"),
    5.0: ("Outstanding sustainable results", "all goals met; the organisation has changed to keep the improvement"),
}

MOVEMENT_MONTHS = 6
"""The window of the projects' "movement" filter: the last six months up to the site's build date."""

MOVEMENTS = {
    "up": "moved up",
    "same": "no change",
    "down": "moved down",
    "none": "no progress history",
}
"""Each movement's id (the filter's value) and its words."""


def movement_words(move: str, months: int = MOVEMENT_MONTHS) -> str:
    """'Progress: moved up in the last 6 months' (a card, the case study); '' without a history."""
    if move == "none":
        return ""
    return f"Progress: {MOVEMENTS[move]} in the last {months} months"


def on_scale(value: float) -> bool:
    return value in SCALE


def score_name(value: float) -> str:
    return SCALE[value][0] if value in SCALE else ""


def score_text(value: float) -> str:
    """'3.5' for 3.5, '3.0' for 3 — as Life QI and IHI write the scale."""
    return f"{value:.1f}"


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months earlier (the last day of a shorter month)."""
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


@dataclass(frozen=True)
class Position:
    """Where a project stood on a day: its score and/or its stage's place in site.yaml's order."""

    date: dt.date
    score: float | None
    stage: int | None


def movement(path: list[Position], today: dt.date, months: int = MOVEMENT_MONTHS) -> str:
    """'up', 'same', 'down' (or 'none' without a history) over the ``months`` before ``today``.

    The rule: the latest entry on or before ``today`` is compared with the entry in force
    ``months`` earlier (the last one dated on or before that day; when the history starts
    inside the window, its first entry). Scores are compared when both entries have one,
    else stages (by their order in site.yaml); entries with neither in common: no change."""
    known = [p for p in path if p.date <= today]
    if not known:
        return "none"
    start = months_before(today, months)
    before = [p for p in known if p.date <= start]
    then, now = (before[-1] if before else known[0]), known[-1]
    if then.score is not None and now.score is not None:
        a, b = then.score, now.score
    elif then.stage is not None and now.stage is not None:
        a, b = float(then.stage), float(now.stage)
    else:
        return "same"
    return "up" if b > a else "down" if b < a else "same"


def positions(entries, stage_ids: tuple[str, ...]) -> list[Position]:
    """Each progress entry as a Position, a score or stage left out carried on from the entry before."""
    out, score, stage = [], None, None
    for entry in entries:
        score = entry.score if entry.score is not None else score
        if entry.stage is not None and entry.stage in stage_ids:
            stage = stage_ids.index(entry.stage)
        out.append(Position(entry.date, score, stage))
    return out
