"""Every chart type qisite knows, declared once.

Each :class:`ChartType` says what the chart is for (its family), what its
data file holds (a denominator? counts? one row per event or per subgroup
observation?), how its values read (natural unit, default multiplier, shown as
a percentage), what its centre line is called, and which rules apply. Every
other module asks this registry (``CHART_TYPES``, :func:`chart_type`, or the
tuples derived at the bottom) instead of keeping its own list of names.
"""
from __future__ import annotations

from dataclasses import dataclass

COUNT = "count"
PROPORTION = "proportion"
RATE = "rate"
MEASUREMENT = "measurement"
TIME_BETWEEN_EVENTS = "time between events"
SUBGROUP = "subgroup"
CATEGORIES = "categories"
CASES = "cases"                 # one row per case with a 0/1 outcome, in time order (the B chart)
FAMILIES = (COUNT, PROPORTION, RATE, MEASUREMENT, TIME_BETWEEN_EVENTS, SUBGROUP, CATEGORIES, CASES)


@dataclass(frozen=True)
class ChartType:
    """One chart type: the facts every module needs about it."""

    name: str                   # the value of ``chart:`` in measures.yaml
    label: str                  # "Control chart (p)": the chart's name for people
    help: str                   # "proportions": what it charts, in a word or two
    family: str                 # one of FAMILIES
    needs_denominator: bool     # the data has an ``n`` column (p, u …)
    counts: str                 # what ``y`` counts: "people", "events", "opportunities" or ""
    unit: str                   # natural unit of the plotted values ("%" for proportions)
    multiply: float             # default multiplier
    percent: bool               # always shown as a percentage
    centre_word: str            # "median", "mean", "centre line", "mean standard deviation"
    median: bool                # the centre line is a median
    has_limits: bool            # control limits are computed (not for run charts)
    runs_rules: bool            # the runs rules apply (not to moving ranges)
    accepts_denominator: bool   # an optional ``n`` turns the values into ratios
    one_row_per_event: bool     # rows are events, never summed by date
    laney_version: str = ""     # the over-dispersion-adjusted chart to suggest ("pp" for p)
    spc: bool = True            # False where the SPC engine (``analyse``) does not compute the chart:
                                # Pareto (spc/pareto_analysis.py) and the B chart (spc/bchart.py); no runs rules
    given_centre: bool = True   # a centre line given by the team (measure key centre) can replace the estimate

    @property
    def rule_profiles(self) -> tuple[str, ...]:
        """The rule profiles (spc/rules.py) that can be applied to this chart."""
        from .rules import PROFILES  # rules reads this registry: import on use
        return PROFILES if self.spc else ()

    @property
    def subgroups(self) -> bool:
        """Rows are raw observations, grouped into one subgroup per date (xbar, s)."""
        return self.family == SUBGROUP

    @property
    def y_is_count(self) -> bool:
        """The y column holds counts, which cannot be negative."""
        return bool(self.counts)

    @property
    def whole_counts(self) -> bool:
        """y counts people, events or opportunities on an SPC chart (p, pp, c, u, up, g):
        whole numbers only, so a fraction there is a percentage or a rate typed as a count."""
        return bool(self.counts) and self.spc

    @property
    def cusum(self) -> bool:
        """One 0/1 outcome per case, charted as cumulative sums (spc/bchart.py), not per period."""
        return self.family == CASES

    @property
    def proportion(self) -> bool:
        """y counts people out of n: y can never exceed n."""
        return self.family == PROPORTION


def _type(name: str, label: str, help: str, family: str, *, centre: str = "mean",
          denominator: bool = False, counts: str = "", unit: str = "", percent: bool = False,
          limits: bool = True, runs_rules: bool = True, optional_n: bool = False,
          events: bool = False, laney: str = "", spc: bool = True, given_centre: bool = True) -> ChartType:
    return ChartType(name=name, label=label, help=help, family=family, needs_denominator=denominator,
                     counts=counts, unit=unit, multiply=1.0, percent=percent, centre_word=centre,
                     median=centre == "median", has_limits=limits, runs_rules=runs_rules,
                     accepts_denominator=denominator or optional_n, one_row_per_event=events,
                     laney_version=laney, spc=spc, given_centre=given_centre and spc)


CHART_TYPES: tuple[ChartType, ...] = (
    _type("run", "Run chart", "run chart (median)", MEASUREMENT, centre="median", limits=False,
          optional_n=True),
    _type("i", "Control chart (I)", "individuals (XmR)", MEASUREMENT, optional_n=True),
    _type("mr", "Moving-range chart", "moving range", MEASUREMENT, runs_rules=False, optional_n=True,
          given_centre=False),
    _type("c", "Control chart (c)", "counts", COUNT, counts="events"),
    _type("u", "Control chart (u)", "rates (counts / exposure)", RATE, denominator=True, counts="events",
          laney="up"),
    _type("p", "Control chart (p)", "proportions", PROPORTION, denominator=True, counts="people",
          unit="%", percent=True, laney="pp"),
    _type("pp", "Control chart (Laney p′)", "Laney p′", PROPORTION, denominator=True, counts="people",
          unit="%", percent=True),
    _type("up", "Control chart (Laney u′)", "Laney u′", RATE, denominator=True, counts="events"),
    _type("ip", "Control chart (I′)", "I prime: rates or values with varying n", MEASUREMENT, optional_n=True),
    _type("g", "Control chart (g)", "opportunities between events", TIME_BETWEEN_EVENTS, centre="median",
          counts="opportunities", events=True, given_centre=False),
    _type("t", "Control chart (t)", "time between events", TIME_BETWEEN_EVENTS, centre="centre line",
          unit="days", events=True, given_centre=False),
    _type("xbar", "Control chart (x̄)", "subgroup means", SUBGROUP),
    _type("s", "Control chart (s)", "subgroup SDs", SUBGROUP, centre="mean standard deviation", given_centre=False),
    _type("b", "B chart (Bernoulli CUSUM)", "rare events, a 0/1 outcome per case", CASES, centre="",
          runs_rules=False, events=True, spc=False, given_centre=False),
    _type("pareto", "Pareto chart", "counts by category, largest first", CATEGORIES, centre="",
          counts="events", limits=False, runs_rules=False, spc=False),
)

BY_NAME: dict[str, ChartType] = {t.name: t for t in CHART_TYPES}

NAMES: tuple[str, ...] = tuple(BY_NAME)
"""Every value ``chart:`` accepts, Pareto included."""

SPC_NAMES: tuple[str, ...] = tuple(t.name for t in CHART_TYPES if t.spc)
"""The chart types the SPC engine computes (``spc.analyse``)."""


def chart_type(name: str) -> ChartType:
    """The registered chart type called ``name`` (KeyError if there is none)."""
    return BY_NAME[name]


def base_chart(name: str) -> str:
    """The chart a Laney-adjusted chart adjusts (``pp`` → ``p``, ``up`` → ``u``), else ``name``:
    two measures whose charts have the same base chart their values the same way."""
    return next((t.name for t in CHART_TYPES if t.laney_version and t.laney_version == name), name)


def names_where(**facts) -> tuple[str, ...]:
    """Names of the chart types whose attributes equal ``facts``, e.g.
    ``names_where(needs_denominator=True)``."""
    return tuple(t.name for t in CHART_TYPES if all(getattr(t, k) == v for k, v in facts.items()))


def is_percent_unit(unit: str | None) -> bool:
    """A unit that says the values are percentages ("%", "% of patients")."""
    return (unit or "").strip().startswith("%")


def shown_as_percent(chart: str, unit: str | None) -> bool:
    """Whether a measure's values read as percentages: decided here, once, for
    pages, charts, tables and descriptions. Proportions always are (whatever the
    multiplier); other charts when their unit says so."""
    known = BY_NAME.get(chart)
    return bool(known and known.percent) or is_percent_unit(unit)


def percent_scale(chart: str, multiply: float) -> float:
    """The factor from a measure's (multiplied) values to the percentages shown:
    proportions are fractions × ``multiply``; other percent measures are
    percentages already."""
    known = BY_NAME.get(chart)
    return 100.0 / multiply if known and known.percent else 1.0
