"""The gap between a group and the reference group, three ways.

- absolute: group value − reference value, in the measure's units (the sign of
  qisite's gap charts: negative when the group is below the reference);
- relative: group value / reference value (a ratio; None when the reference is 0);
- people behind the gap: (reference rate − group rate) × group denominator — how
  many more people (or events) the group would have had at the reference group's
  rate; positive when the group is below the reference, zero for the reference.
"""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Gap", "gap", "people_behind_gap"]


@dataclass(frozen=True)
class Gap:
    group: str
    absolute: float | None
    relative: float | None
    people: float | None

    def to_dict(self) -> dict:
        return {"group": self.group, "absolute": self.absolute, "relative": self.relative, "people": self.people}


def people_behind_gap(reference_rate: float, rate: float, denominator: float) -> float:
    """(reference rate − group rate) × group denominator, rates on the natural scale."""
    return (reference_rate - rate) * denominator


def gap(group: str, reference_rate: float | None, rate: float | None, denominator: float | None,
        multiply: float = 1.0) -> Gap:
    """The gap of one group in one period; rates on the natural scale (count / denominator)."""
    if reference_rate is None or rate is None:
        return Gap(group, None, None, None)
    relative = rate / reference_rate if reference_rate != 0 else None
    people = people_behind_gap(reference_rate, rate, denominator) if denominator is not None else None
    return Gap(group, (rate - reference_rate) * multiply, relative, people)
