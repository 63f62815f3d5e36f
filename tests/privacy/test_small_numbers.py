"""Disclosure control over plain rows: primary and secondary suppression, Pareto merging."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from qisite.privacy.small_numbers import (
    COUNT,
    PRIMARY,
    PROPORTION,
    RATE,
    SECONDARY,
    CountRow,
    blocks,
    merge_small_categories,
    suppress,
)

JAN, FEB, MAR, APR = (dt.date(2024, m, 1) for m in (1, 2, 3, 4))


def rows(*spec, part=1, baseline=True):
    """(group, x, numerator, denominator) → CountRow with the rate as its value."""
    return [CountRow(g, x, y, n, None if y is None else (y / n if n else y), part, baseline) for g, x, y, n in spec]


def test_counts_of_one_to_four_are_hidden_zero_and_five_are_shown():
    published = suppress(rows((None, JAN, 0, 40), (None, FEB, 1, 40), (None, MAR, 4, 40), (None, APR, 5, 40)),
                         PROPORTION, 5)
    assert [r.suppressed for r in published][:1] == [None]
    assert published[1].suppressed == PRIMARY and published[1].label == "<5"
    assert published[2].suppressed == PRIMARY and published[2].label == "<5"


def test_a_hidden_point_withholds_numerator_denominator_and_value():
    published = suppress(rows((None, JAN, 1, 3), (None, FEB, 20, 40), (None, MAR, 21, 40)), PROPORTION, 5)
    hidden = published[0]
    assert (hidden.numerator, hidden.denominator, hidden.value) == (None, None, None)
    assert published[2].value == pytest.approx(21 / 40)


def test_hidden_proportions_must_together_hold_enough_people_in_denominator_and_remainder():
    published = suppress(rows((None, JAN, 1, 3), (None, FEB, 6, 8), (None, MAR, 20, 40)), PROPORTION, 5)
    # JAN (1 of 3) is small; FEB (6 of 8) leaves 2 not seen; together only 4 not seen, so MAR is hidden too
    assert [r.suppressed for r in published] == [PRIMARY, PRIMARY, SECONDARY]


@pytest.mark.parametrize("numerator, denominator", [(38, 40), (0, 3), (3, 3), (2, 2)])
def test_a_proportion_hides_small_denominators_and_small_remainders(numerator, denominator):
    published = suppress(rows((None, JAN, numerator, denominator), (None, FEB, 20, 40), (None, MAR, 22, 40)), PROPORTION, 5)
    assert published[0].suppressed == PRIMARY
    assert published[0].label == ("<5" if 0 < numerator < 5 else "suppressed")


def test_a_rate_does_not_treat_its_exposure_as_people():
    published = suppress(rows((None, JAN, 12, 3.5), (None, FEB, 20, 2), (None, MAR, 22, 4)), RATE, 5)
    assert not any(r.hidden for r in published)


def test_one_hidden_group_in_a_period_hides_the_next_smallest_group_of_that_period():
    published = suppress(rows(("A", JAN, 2, 30), ("B", JAN, 9, 30), ("C", JAN, 7, 30),
                              ("A", FEB, 10, 30), ("B", FEB, 11, 30), ("C", FEB, 12, 30), baseline=False), PROPORTION, 5)
    by_key = {(r.group, r.x): r for r in published}
    assert by_key["A", JAN].suppressed == PRIMARY
    assert by_key["C", JAN].suppressed == SECONDARY     # 7 < 9: the next smallest in January
    assert by_key["B", JAN].suppressed is None
    # and within group A, January alone hidden among A's points would be recoverable from A's centre line:
    assert by_key["A", FEB].suppressed == SECONDARY


def test_two_hidden_points_that_together_count_too_few_hide_a_third():
    published = suppress([CountRow(None, x, y, None, y) for x, y in zip((JAN, FEB, MAR, APR), (1, 1, 9, 12))], COUNT, 5)
    assert [r.suppressed for r in published] == [PRIMARY, PRIMARY, SECONDARY, None]


def test_no_block_is_left_with_a_single_hidden_point():
    spec = [(g, x, y, 30) for (g, x), y in zip(itertools.product("ABC", (JAN, FEB, MAR, APR)),
                                                   (3, 12, 14, 15, 8, 9, 10, 2, 20, 21, 22, 23))]
    source = tuple(rows(*spec))
    published = suppress(source, PROPORTION, 5)
    for members in blocks(source):
        inside = [i for i in members if published[i].hidden]
        assert len(inside) != 1
        assert not inside or sum(source[i].numerator for i in inside) >= 5


def test_threshold_one_switches_suppression_off():
    assert not any(r.hidden for r in suppress(rows((None, JAN, 1, 3), (None, FEB, 2, 3)), PROPORTION, 1))


def test_missing_points_are_neither_hidden_nor_used_to_hide():
    published = suppress(rows((None, JAN, None, None), (None, FEB, 2, 30), (None, MAR, 20, 30)), PROPORTION, 5)
    assert [r.suppressed for r in published] == [None, PRIMARY, SECONDARY]


def test_pareto_combines_small_categories_until_the_combination_is_not_small():
    categories, counts = merge_small_categories(["Transport", "Forgot", "Work", "Childcare", "Language"], [12, 1, 8, 2, 6], 5)
    assert dict(zip(categories, counts)) == {"Transport": 12, "Work": 8, "Other categories combined": 9}
    assert sum(counts) == 12 + 1 + 8 + 2 + 6


def test_pareto_with_no_small_category_is_unchanged_and_too_few_in_all_publishes_nothing():
    assert merge_small_categories(["a", "b"], [5, 6], 5) == (("a", "b"), (5, 6))
    assert merge_small_categories(["a", "b"], [1, 2], 5) == ((), ())


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError):
        suppress([], "people", 5)
