"""The fixed vocabularies of the folder format: the values a choice may take.

The records that use them are declared in :mod:`qisite.model`; the record of
each file is in :mod:`qisite.load.records`.
"""

from __future__ import annotations

PERIODS = ("day", "week", "fortnight", "month", "quarter", "year")
DATE_FORMATS = ("iso", "dayfirst", "monthfirst")
MEASURE_TYPES = ("outcome", "process", "balancing")
DIRECTIONS = ("increase", "decrease", "neutral")
DECISIONS = ("adopt", "adapt", "abandon")
COUNTS = ("people", "events")
SPREAD_HOW = ("adopted", "adapted")
