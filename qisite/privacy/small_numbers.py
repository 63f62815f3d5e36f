"""Disclosure control for counts of people (pure: plain rows in, publishable rows out).

The rule (docs/privacy.md, after NHS England's anonymisation standard ISB1523
and NHS Digital's small-numbers guidance): a count of people from 1 to
``threshold − 1`` is never published exactly, and no published figure lets a
reader work it out.

*Primary suppression* hides a point when the people it counts are few: its
numerator; for a proportion, also its denominator or the people not counted
(denominator − numerator: "all but 2 of 40" names those 2 as surely as "2 of 40").

*Secondary suppression* hides more points where an aggregate that is published
would give a hidden count back by subtraction. The aggregates are the
**blocks** a point belongs to: the groups of one period (a total may be known
from elsewhere), and within one group each part's baseline, each part's later
points and each whole part (their centre lines are totals in disguise). In a
block of two or more points, as long as exactly one point is hidden, or the
hidden points together count fewer than ``threshold`` people, the next
smallest published point is hidden too.

A hidden point keeps its place in tables (with "<5" or "suppressed" instead of
its figures) but none of its figures is published: not the count, not the
denominator, and not the rate either, since a published centre line is a total
from which one exact rate and the other points solve for the hidden count.
For a proportion, the hidden points of a block must also together hold at least
``threshold`` people in their denominators and in their remainders.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass

DEFAULT_THRESHOLD = 5

PROPORTION = "proportion"  # numerator and denominator are both people (p, pp charts)
RATE = "rate"              # numerator people, denominator an exposure (u charts: per bed-day, per 1,000 …)
COUNT = "count"            # the value is itself the count of people (c, run and I charts without a denominator)
KINDS = (PROPORTION, RATE, COUNT)

PRIMARY = "small"
SECONDARY = "secondary"


@dataclass(frozen=True)
class CountRow:
    """One point of a measure before disclosure control."""

    group: str | None
    x: Hashable                # the period (a date), or a category
    numerator: float | None    # the people counted (for COUNT, the value itself)
    denominator: float | None
    value: float | None        # the plotted value (a rate, a proportion × multiplier, or the count)
    part: int = 1
    baseline: bool = False     # one of the points the part's centre line rests on


@dataclass(frozen=True)
class PublishedRow:
    """One point as it may be published: ``None`` wherever a figure is withheld."""

    group: str | None
    x: Hashable
    numerator: float | None
    denominator: float | None
    value: float | None        # for tables, downloads and charts (None when hidden)
    suppressed: str | None = None   # None, PRIMARY or SECONDARY
    label: str = ""            # what a table shows instead of the value: "<5" or "suppressed"

    @property
    def hidden(self) -> bool:
        return self.suppressed is not None


def is_small(count: float | None, threshold: int) -> bool:
    """1 … threshold − 1 people: too few to publish. Zero is published."""
    return count is not None and 0 < count < threshold


def primary(row: CountRow, kind: str, threshold: int) -> bool:
    if is_small(row.numerator, threshold):
        return True
    if kind != PROPORTION or row.denominator is None:
        return False
    rest = None if row.numerator is None else row.denominator - row.numerator
    return is_small(row.denominator, threshold) or is_small(rest, threshold)


def suppress(rows: Iterable[CountRow], kind: str, threshold: int = DEFAULT_THRESHOLD) -> tuple[PublishedRow, ...]:
    """The rows as they may be published, in the order given."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
    rows = tuple(rows)
    if threshold <= 1:
        return tuple(_published(row, None, threshold) for row in rows)
    hidden = {i: PRIMARY for i, row in enumerate(rows) if row.value is not None and primary(row, kind, threshold)}
    for index in _secondary(rows, set(hidden), kind, threshold):
        hidden.setdefault(index, SECONDARY)
    return tuple(_published(row, hidden.get(i), threshold) for i, row in enumerate(rows))


def blocks(rows: tuple[CountRow, ...]) -> list[list[int]]:
    """The sets of points whose aggregate is (or may be) published: see the module's docstring."""
    keyed: dict[tuple, list[int]] = {}
    for i, row in enumerate(rows):
        if row.value is None or row.numerator is None:
            continue  # a missing point adds nothing to any total
        keyed.setdefault(("period", row.x), []).append(i)
        keyed.setdefault(("part", row.group, row.part), []).append(i)
        keyed.setdefault(("part", row.group, row.part, row.baseline), []).append(i)
    return [members for members in keyed.values() if len(members) > 1]


def _secondary(rows: tuple[CountRow, ...], hidden: set[int], kind: str, threshold: int) -> set[int]:
    """Hide the next smallest point of every block that would give a hidden count back."""
    hidden = set(hidden)
    groups = blocks(rows)
    changed = True
    while changed:
        changed = False
        for members in groups:
            while _recoverable(rows, members, hidden, kind, threshold):
                shown = [i for i in members if i not in hidden]
                if not shown:
                    break
                hidden.add(min(shown, key=lambda i: (rows[i].numerator or 0, rows[i].denominator or 0, i)))
                changed = True
    return hidden


def _recoverable(rows: tuple[CountRow, ...], members: list[int], hidden: set[int], kind: str, threshold: int) -> bool:
    """One hidden point, or hidden points that together count too few, can be worked out from the block's total."""
    inside = [i for i in members if i in hidden]
    if not inside:
        return False
    if len(inside) == 1:
        return True
    numerators = sum(rows[i].numerator or 0 for i in inside)
    if kind != PROPORTION:
        return is_small(numerators, threshold)
    denominators = sum(rows[i].denominator or 0 for i in inside)
    return any(is_small(total, threshold) for total in (numerators, denominators, denominators - numerators))


def _published(row: CountRow, reason: str | None, threshold: int) -> PublishedRow:
    if reason is None:
        return PublishedRow(row.group, row.x, row.numerator, row.denominator, row.value)
    label = f"<{threshold}" if is_small(row.numerator, threshold) else "suppressed"
    return PublishedRow(row.group, row.x, None, None, None, reason, label)


def merge_small_categories(categories: Iterable[Hashable], counts: Iterable[float],
                           threshold: int = DEFAULT_THRESHOLD,
                           other: str = "Other categories combined") -> tuple[tuple, tuple]:
    """A Pareto chart of people: categories of 1 … threshold − 1 people are combined into one
    'other' bar, with the next smallest categories added until it counts at least ``threshold``.
    When even all categories together are too few, nothing is published."""
    pairs = list(zip(categories, counts))
    if threshold <= 1 or not any(is_small(count, threshold) for _, count in pairs):
        return tuple(c for c, _ in pairs), tuple(n for _, n in pairs)
    order = sorted(range(len(pairs)), key=lambda i: (pairs[i][1], i))
    merged = {i for i in order if is_small(pairs[i][1], threshold)}
    for i in order:
        if sum(pairs[j][1] for j in merged) >= threshold and len(merged) > 1:
            break
        merged.add(i)
    total = sum(pairs[j][1] for j in merged)
    kept = [(c, n) for i, (c, n) in enumerate(pairs) if i not in merged]
    if total >= threshold:
        kept.append((other, total))
    return tuple(c for c, _ in kept), tuple(n for _, n in kept)
