"""A project's path for its case study: the step chart's figures and its words (pure)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from qisite.headway import SCALE, positions, score_name, score_text
from qisite.model import Project, Term
from qisite.site.render import format_day


@dataclass(frozen=True)
class PathFigure:
    """What the progress chart draws: one step per entry, on the IHI score's axis or the stages'."""

    title: str
    axis: str                               # "score" or "stage"
    dates: tuple[dt.date, ...]
    values: tuple[float, ...]
    levels: tuple[tuple[float, str], ...]   # the y axis: (value, label)
    description: str
    until: dt.date | None = None            # the last level is held to here (the project's last activity)


def path_figure(project: Project, stages: tuple[Term, ...], until: dt.date | None = None) -> PathFigure | None:
    """The figure of a project's ``progress:`` (None without one); ``until``: the day to which
    its last level is drawn (the project's last activity), when later than its last entry."""
    if not project.progress:
        return None
    ids = tuple(s.id for s in stages)
    found = positions(project.progress, ids)
    if any(p.score is not None for p in found):
        steps = [(p.date, p.score) for p in found if p.score is not None]
        levels = tuple((v, score_text(v)) for v in SCALE)
        words = [f"{score_text(v)} ({score_name(v)}) on {format_day(d)}" for d, v in steps]
        what, axis = "IHI progress score", "score"
    else:
        steps = [(p.date, float(p.stage)) for p in found if p.stage is not None]
        levels = tuple((float(i), s.title) for i, s in enumerate(stages))
        words = [f"{stages[int(v)].title} from {format_day(d)}" for d, v in steps]
        what, axis = "stage", "stage"
    if not steps:
        return None
    description = (f"The project's {what} over time, {len(steps)} assessment{'s' if len(steps) != 1 else ''}: "
                   + "; ".join(words) + ".")
    last = steps[-1][0]
    return PathFigure(f"{project.title}: progress over time", axis, tuple(d for d, _ in steps),
                      tuple(float(v) for _, v in steps if v is not None), levels, description,
                      until if until is not None and until > last else None)
