"""The fixed vocabularies of the folder format: the values a choice may take.

The records that use them are declared in :mod:`qisite.model`; the record of
each file is in :mod:`qisite.load.records`.
"""

from __future__ import annotations

CHART_TYPES = ("run", "i", "mr", "c", "u", "p", "pp", "up", "g", "t", "xbar", "s", "pareto")
CHARTS_WITH_DENOMINATOR = ("u", "p", "pp", "up")
PROPORTION_CHARTS = ("p", "pp")
COUNT_CHARTS = ("c", "u", "up", "g")
SUBGROUP_CHARTS = ("xbar", "s")
EVENT_CHARTS = ("g", "t")  # one row per event: two events may share a date
PERIODS = ("day", "week", "fortnight", "month", "quarter", "year")
DATE_FORMATS = ("iso", "dayfirst", "monthfirst")
MEASURE_TYPES = ("outcome", "process", "balancing")
DIRECTIONS = ("increase", "decrease", "neutral")
DECISIONS = ("adopt", "adapt", "abandon")
