"""Positions survive the build cache's pickling: every field's place, item places, the fallback."""

import pickle
from pathlib import Path

from qisite.load.kinds import Positions
from qisite.problems import Location

FILE = Path("/network/projects/a/measures.yaml")


def _round_trip(value):
    return pickle.loads(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def test_every_place_is_kept():
    at = Positions(Location(FILE, 12, 3), (("data", Location(FILE, 14, 9)), ("order[1]", Location(FILE, 17, 7)),
                                           ("order", Location(FILE, 15, 3))))
    back = _round_trip(at)
    assert isinstance(back, Positions)
    assert back.where == Location(FILE, 12, 3)
    assert back.fields == at.fields
    assert back.of("data") == Location(FILE, 14, 9)
    assert back.of("order", 1) == Location(FILE, 17, 7)
    assert back.of("order", 0) == Location(FILE, 15, 3)   # no place of its own: the list's
    assert back.of("title") == Location(FILE, 12, 3)      # not written: the object's
    assert _round_trip(back).fields == at.fields           # and again, from the packed form
    assert hash(back) == hash(at)


def test_no_fields_and_a_field_in_another_file():
    assert _round_trip(Positions(Location(FILE, 1))).fields == ()
    other = Location(FILE.with_name("project.yaml"), 4, 1)
    mixed = Positions(Location(FILE, 2, 1), (("aim", other),))
    assert _round_trip(mixed).of("aim") == other


def test_a_large_line_number():
    far = Positions(Location(FILE, 2_000_000, 400), (("value", Location(FILE, 2_000_001, 12)),))
    assert _round_trip(far).of("value") == Location(FILE, 2_000_001, 12)
