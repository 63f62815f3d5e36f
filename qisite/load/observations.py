"""A measure's CSV file → its observations, with every data rule checked.

The rules (docs/format.md, "Rules the check applies"): columns exist, dates
parse and are unique per group, numbers are numbers, numerators do not exceed
denominators, and the freeze, part and exclusion dates are in the data.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from qisite.equity.intervals import interval_charts
from qisite.equity.sii import MAX_QUANTILES, MIN_QUANTILES
from qisite.load.files import is_inside
from qisite.load.limits import check_groups
from qisite.load.tables import Row, Table, read_table
from qisite.load.values import CellError, parse_date, parse_number
from qisite.model import GROUP_JOIN, Measure, Observation, combined_group
from qisite.privacy.identifiers import identifier_column, in_category
from qisite.problems import Location, Problems, did_you_mean, one_of
from qisite.seasons import advice, coverage
from qisite.spc.chart_types import PROPORTION, RATE, ChartType, chart_type
from qisite.spc.warnings import MIN_POINTS as MIN_POINTS_FOR_LIMITS
from qisite.spc.warnings import date_gaps_between

MAX_CELL_ERRORS = 5  # per file; the rest are summarised in one line
_ADJECTIVE = {"day": "daily", "year": "yearly"}


def load_observations(measure: Measure, folder: Path, date_format: str, problems: Problems) -> Measure:
    """The measure with its observations; problems for every faulty cell."""
    before = len(problems.errors)
    _check_columns_declared(measure, problems)
    path = _data_path(measure, folder, problems)
    table = read_table(path, problems, inside=folder) if path else None
    if table is not None:
        _check_identifier_columns(table, problems)
    if table is None or not _check_columns_exist(measure, table, problems):
        return measure
    if len(problems.errors) > before:
        return measure
    observations = _read_rows(measure, table, measure.date_format or date_format, problems)
    measure = dataclasses.replace(measure, observations=tuple(observations))
    _check_published_values(measure, table.path, problems)
    _check_data_rules(measure, table, complete=len(observations) == len(table.rows), problems=problems)
    return measure


def _check_columns_declared(measure: Measure, problems: Problems) -> None:
    at = measure.at
    if chart_type(measure.chart).needs_denominator and not measure.n:
        problems.error(at.of("chart"), f"a {measure.chart} chart needs a denominator: measure '{measure.id}' has no 'n' column",
                       "add 'n: COLUMN' naming the column of denominators (e.g. patients seen)")
    kind = chart_type(measure.chart)
    if measure.centre is not None and not kind.given_centre:
        problems.error(at.of("centre"), f"a {measure.chart} chart's centre line cannot be given: its limits rest on its own estimate",
                       "remove 'centre', or choose a chart whose centre line can be given (i, p, u, c …)")
    if (measure.lower_limit is None) != (measure.upper_limit is None):
        problems.error(at.of("lower_limit" if measure.lower_limit is not None else "upper_limit"),
                       f"measure '{measure.id}' gives one control limit but not the other",
                       "give both lower_limit and upper_limit, or neither")
    elif measure.lower_limit is not None and measure.upper_limit is not None:
        centre_outside = measure.centre is not None and not measure.lower_limit <= measure.centre <= measure.upper_limit
        if not kind.has_limits:
            problems.error(at.of("lower_limit"), f"a {measure.chart} chart has no control limits to give", "remove lower_limit and upper_limit")
        elif measure.lower_limit >= measure.upper_limit or centre_outside:
            problems.error(at.of("lower_limit"), "lower_limit must be below upper_limit, with the centre line between them",
                           "check the two limits (in the measure's units, after the multiplier)")
    if measure.rebase and kind.has_limits:
        problems.error(at.of("rebase"), f"rebase: auto re-bases a run chart's median; a {measure.chart} chart uses parts",
                       "remove 'rebase', or add parts where the process changed")
    elif measure.rebase and measure.parts:
        problems.error(at.of("rebase"), "rebase: auto finds the parts itself: give parts or rebase, not both",
                       "remove 'rebase' or the parts")
    if measure.group is not None and not isinstance(measure.group, str):
        _check_factors_declared(measure, problems)
    elif isinstance(measure.reference_group, tuple):
        problems.error(at.of("reference_group"), f"measure '{measure.id}' has one group column, so its reference_group is one group",
                       f"write 'reference_group: NAME' (a list of two values is for two group columns, e.g. group: [{measure.group or 'ethnicity'}, language])")
    if measure.group and not measure.reference_group:
        problems.error(at.of("group"), f"measure '{measure.id}' is stratified by '{measure.group_label}' but names no reference_group",
                       "add 'reference_group: NAME', the group the others are compared with"
                       + (" (with two group columns, a list of two values, e.g. [White British, English])" if measure.two_factor else ""))
    if measure.reference_group and not measure.group:
        problems.error(at.of("reference_group"), f"measure '{measure.id}' has a reference_group but no 'group' column",
                       "add 'group: COLUMN' naming the column of groups, or remove reference_group")
    if measure.order and not measure.two_factor:
        _check_order_declared(measure, problems)
    if kind.cusum:
        _check_bchart_declared(measure, problems)
    else:
        for name in B_CHART_KEYS:
            if getattr(measure, name) is not None:
                problems.error(at.of(name), f"'{name}' is a key of b charts; measure '{measure.id}' is a {measure.chart} chart",
                               f"remove '{name}', or use 'chart: b' for one 0/1 outcome per case")


def _check_factors_declared(measure: Measure, problems: Problems) -> None:
    """``group: [a, b]``: two different columns, a reference of two values, no ``order:`` (docs/format.md, "Two factors")."""
    at, columns = measure.at, measure.group_columns
    if len(columns) != 2:
        problems.error(at.of("group"), f"measure '{measure.id}' lists {len(columns)} group column{'s' if len(columns) != 1 else ''}: "
                       "a measure is stratified by one column or by two",
                       "write 'group: COLUMN', or 'group: [COLUMN, COLUMN]' for the combinations of two factors "
                       "(e.g. [ethnicity, language])")
        return
    if columns[0] == columns[1]:
        problems.error(at.of("group", 1), f"the group columns of '{measure.id}' name '{columns[0]}' twice",
                       "name two different columns, e.g. [ethnicity, language]")
    reference = measure.reference_group
    if isinstance(reference, str):
        problems.error(at.of("reference_group"), f"measure '{measure.id}' has two group columns, so its reference is a "
                       f"combination: one value of '{columns[0]}' and one of '{columns[1]}'",
                       f"write it as a list in the order of the columns, e.g. reference_group: [{reference}, VALUE]")
    elif reference is not None and len(reference) != 2:
        problems.error(at.of("reference_group"), f"the reference combination of '{measure.id}' lists {len(reference)} "
                       f"value{'s' if len(reference) != 1 else ''}, not 2",
                       f"give one value of '{columns[0]}' and one of '{columns[1]}', in that order")
    if measure.order:
        problems.error(at.of("order"), f"measure '{measure.id}' has two group columns: the Slope Index of Inequality "
                       "needs a single ordered factor",
                       "remove 'order', or chart the ordered factor (e.g. deprivation) on a measure of its own")


B_CHART_KEYS = ("odds_ratio", "cusum_limit")
NOT_FOR_B_CHARTS = ("n", "group", "reference_group", "order", "parts", "exclude", "shift", "trend", "centre",
                    "lower_limit", "upper_limit", "trajectory", "rebase", "same_date", "warning_limits", "rules", "counts")
"""Keys that mean nothing on a B chart: it has no denominator, groups, parts, runs rules or
given lines, and one row per case (never combined by date)."""


def _check_bchart_declared(measure: Measure, problems: Problems) -> None:
    """A B chart's parameters (qisite.spc.bchart): the target risk, the odds ratio and the limit."""
    at = measure.at
    defaults = {f.name: f.default for f in dataclasses.fields(Measure)}
    for name in NOT_FOR_B_CHARTS:
        if getattr(measure, name) != defaults[name]:
            problems.error(at.of(name), f"a b chart does not use '{name}'",
                           "remove it: a b chart takes one 0/1 outcome per case, in time order "
                           "(its keys are target, freeze, odds_ratio and cusum_limit)")
    if measure.multiply != 1.0:
        problems.error(at.of("multiply"), "a b chart charts cumulative sums, which have no multiplier",
                       "remove 'multiply' (give target as a risk between 0 and 1, e.g. 0.02 for 2%)")
    if measure.target is not None and not 0 < measure.target < 1:
        percent = f" ({measure.target:g}% is {measure.target / 100:g})" if 1 <= measure.target < 100 else ""
        problems.error(at.of("target"), f"a b chart's target is a risk between 0 and 1, not {measure.target:g}",
                       f"write the baseline risk as a fraction{percent}; or leave target out and give 'freeze', "
                       "the baseline cases to estimate it from")
    if measure.target is not None and measure.freeze is not None:
        problems.error(at.of("freeze"), "give a b chart's target risk or its baseline (freeze), not both",
                       "with target the sums test against that risk; with freeze the risk is estimated from the baseline cases")
    if measure.odds_ratio is not None and measure.odds_ratio <= 1:
        problems.error(at.of("odds_ratio"), f"odds_ratio must be above 1, not {measure.odds_ratio:g}",
                       "2 (the default) looks for a doubling of the odds with the upper sum and a halving with the lower")
    if measure.cusum_limit is not None and measure.cusum_limit <= 0:
        problems.error(at.of("cusum_limit"), f"cusum_limit must be above 0, not {measure.cusum_limit:g}",
                       "3.5 is qicharts2's default; a smaller limit signals sooner and falsely more often")


def _data_path(measure: Measure, folder: Path, problems: Problems) -> Path | None:
    path = (folder / measure.data).resolve()
    if not is_inside(path, folder):
        problems.error(measure.at.of("data"), f"the data file '{measure.data}' is outside the project folder",
                       "keep data inside the project, e.g. data/measure.csv")
        return None
    if path.is_dir():
        inside = sorted(p.relative_to(folder.resolve()).as_posix() for p in path.rglob("*.csv"))
        problems.error(measure.at.of("data"), f"'{measure.data}' is a folder, not a data file",
                       f"name the CSV file, e.g. '{inside[0]}'" if inside else "name the CSV file, e.g. data/measure.csv")
        return None
    if not path.exists():
        candidates = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.csv"))
        hint = did_you_mean(measure.data, candidates) or (f"CSV files in this project: {one_of(candidates)}" if candidates
                                                          else "put the CSV under data/ in the project folder")
        problems.error(measure.at.of("data"), f"data file '{measure.data}' not found", hint)
        return None
    return path


def _check_identifier_columns(table: Table, problems: Problems) -> None:
    """A data file never holds names, dates of birth or patient numbers, used or not."""
    for column in table.columns:
        finding = identifier_column(column)
        if finding:
            problems.error(Location(table.path, table.header_line), finding.message(f"the column '{column}'"), finding.hint)


def _check_published_values(measure: Measure, path: Path, problems: Problems) -> None:
    """Groups and Pareto categories are published (pages, charts, downloads): no identifiers."""
    columns = ([measure.x] if measure.chart == "pareto" else []) + list(measure.group_columns)
    reported = 0
    for obs in measure.observations:
        values = ([str(obs.x)] if measure.chart == "pareto" else []) + list(obs.factors or ([obs.group] if obs.group else []))
        for column, value in zip(columns, values):
            for finding in in_category(value):
                reported += 1
                if reported <= MAX_CELL_ERRORS:
                    problems.error(Location(path, obs.line), finding.message(f"column '{column}'"), finding.hint)
    if reported > MAX_CELL_ERRORS:
        problems.error(Location(path, measure.observations[0].line if measure.observations else 0),
                       f"{reported - MAX_CELL_ERRORS} more cells hold patient identifiers",
                       "remove every identifier from the file, not only those listed")


def _check_columns_exist(measure: Measure, table: Table, problems: Problems) -> bool:
    ok = True
    named: list[tuple[str, str | None, int | None]] = [(role, getattr(measure, role), None) for role in ("x", "y", "n")]
    named += [("group", column, index if measure.two_factor else None) for index, column in enumerate(measure.group_columns)]
    for role, column, index in named:
        if column and column not in table.columns:
            hint = did_you_mean(column, table.columns) or f"the columns are {one_of(table.columns)}"
            problems.error(measure.at.of(role, index), f"column '{column}' ({role}) is not in {measure.data}", hint)
            ok = False
    return ok


def _read_rows(measure: Measure, table: Table, date_format: str, problems: Problems) -> list[Observation]:
    observations, failures = [], []
    kind = chart_type(measure.chart)   # (looked up once, not for each row)
    for row in table.rows:
        try:
            observations.append(_observation(measure, kind, row, table, date_format))
        except CellError as exc:
            failures.append((row.line, exc))
    for line, failure in failures[:MAX_CELL_ERRORS]:
        problems.error(Location(table.path, line), failure.message, failure.hint)
    if len(failures) > MAX_CELL_ERRORS:
        more = failures[MAX_CELL_ERRORS:]
        problems.error(Location(table.path, more[0][0]), f"{len(more)} more rows have errors (lines {more[0][0]}–{more[-1][0]})",
                       "fix the rows above first: the rest often share the same cause")
    return observations


def _observation(measure: Measure, kind: ChartType, row: Row, table: Table, date_format: str) -> Observation:
    cells = row.cells
    x_text = cells[measure.x].strip()
    if measure.chart == "pareto":
        if not x_text:
            raise CellError(f"the category in column '{measure.x}' is empty")
        x = x_text
    else:
        x = _cell(measure.x, parse_date, x_text, date_format)
    _check_not_percentage(measure, kind, cells[measure.y])
    y = _cell(measure.y, parse_number, cells[measure.y], table.decimal_comma)
    n = _cell(measure.n, parse_number, cells[measure.n], table.decimal_comma) if measure.n else None
    factors = tuple(cells[column].strip() for column in measure.group_columns) if measure.group_columns else ()
    for column, value in zip(measure.group_columns, factors):
        if not value:
            raise CellError(f"the group in column '{column}' is empty", "every row of a stratified measure names its group")
        if measure.two_factor and GROUP_JOIN.strip() in value:
            raise CellError(f"the group '{value}' in column '{column}' holds '{GROUP_JOIN.strip()}', which joins the "
                            "names of two factors' combinations", f"write it without '{GROUP_JOIN.strip()}' (e.g. 'x' or 'and')")
    group = combined_group(factors) if factors else None
    _check_values(measure, kind, y, n)
    return Observation(x=x, y=y, n=n, group=group, line=row.line, factors=factors if measure.two_factor else ())


def _check_not_percentage(measure: Measure, kind: ChartType, text: str) -> None:
    if kind.needs_denominator and text.strip().endswith("%"):
        raise CellError(f"column '{measure.y}': '{text.strip()}' is a percentage, but a {measure.chart} chart needs the count",
                        f"put the count in '{measure.y}' (e.g. 12) and the total in '{measure.n}' (e.g. 24): qisite works out the percentage")


def _cell(column: str, parse, *given):
    """``parse(*given)``, its failure named with the cell's column."""
    try:
        return parse(*given)
    except CellError as exc:
        raise CellError(f"column '{column}': {exc.message}", exc.hint) from None


def _check_values(measure: Measure, kind: ChartType, y: float | None, n: float | None) -> None:
    if measure.n:
        if y is not None and n is None:
            raise CellError(f"column '{measure.n}': the denominator is missing but '{measure.y}' has a value",
                            "fill in the denominator, or leave both empty for a missing point")
        if n is not None and n <= 0 and y is not None:
            raise CellError(f"column '{measure.n}': the denominator must be more than 0, found {n:g}",
                            "leave both cells empty for a period with no patients")
    if kind.cusum and y not in (0, 1):
        found = "an empty cell" if y is None else f"{y:g}"
        raise CellError(f"column '{measure.y}': a b chart needs 0 or 1 for each case, found {found}",
                        "write 1 when the case had the event (e.g. a complication) and 0 when it did not, "
                        "one row per case; a count per period belongs on a p or c chart")
    if y is None:
        return
    if kind.y_is_count and y < 0:
        raise CellError(f"column '{measure.y}': a count cannot be negative, found {y:g}",
                        "counts are 0 or more: correct the count for the period instead of entering a negative adjustment")
    if kind.whole_counts and not float(y).is_integer():
        raise CellError(f"column '{measure.y}': {y:g} is not a whole number, but a {measure.chart} chart counts "
                        f"{kind.counts} in it", _fraction_hint(measure, y, n))
    if kind.proportion and n is not None and y > n:
        raise CellError(f"column '{measure.y}': the numerator {y:g} is larger than the denominator {n:g}",
                        f"a {measure.chart} chart counts people in '{measure.y}' out of '{measure.n}': check the columns are not swapped")


def _fraction_hint(measure: Measure, y: float, n: float | None) -> str:
    """A fractional count is most often a percentage (or a rate) typed where the count belongs."""
    if measure.n and n:
        count = y * n / 100
        example = f" (e.g. {y:g}% of {n:g} is about {count:.0f})" if 0 <= y <= 100 else ""
        return (f"if {y:g} is a percentage or a rate, put the count in '{measure.y}' and the total in "
                f"'{measure.n}'{example}: qisite works out the percentage")
    return f"put the whole count of the period in '{measure.y}', not an average or a percentage"


def _check_data_rules(measure: Measure, table: Table, complete: bool, problems: Problems) -> None:
    """Rules over all rows. When some rows were unreadable (already reported), only
    duplicates are checked: the rest would be knock-on noise, such as a 'gap' or a
    freeze date 'not in the data' where the unreadable row stands."""
    path = table.path
    if not table.rows:
        problems.error(Location(path, table.header_line), f"the data file has no rows for measure '{measure.id}'",
                       "add one row per period under the header")
        return
    if measure.group and not check_groups(measure, path, problems):
        return
    kind = chart_type(measure.chart)
    if not (kind.subgroups or kind.one_row_per_event or measure.same_date):  # two events, or two observations, or rows the measure says to combine, may share a date
        _check_unique(measure, path, problems)
    if measure.chart == "pareto" or not complete:
        return
    if kind.cusum:
        _check_bchart_data(measure, problems)
        return
    _check_group_spellings(measure, path, problems)
    _check_reference_group(measure, problems)
    _check_order(measure, problems)
    _check_dates_named(measure, problems)
    _check_enough_points(measure, problems)
    _check_seasonal_baseline(measure, problems)
    _check_gaps(measure, path, problems)
    check_events_in_data(measure.events, _dates(measure), f"the data of '{measure.id}'", problems)


def _check_bchart_data(measure: Measure, problems: Problems) -> None:
    """The baseline of a B chart: inside the data, with events to estimate the risk from
    (qisite.spc.bchart.baseline_risk), unless the target risk is given."""
    cases = sorted(measure.observations, key=lambda o: o.x)
    if isinstance(measure.freeze, dt.date) and measure.freeze not in {o.x for o in cases}:
        problems.error(measure.at.of("freeze"), f"the freeze {measure.freeze.isoformat()} is not a date in {measure.data}",
                       _nearest_dates(measure.freeze, _dates(measure)))
        return
    if isinstance(measure.freeze, dt.date):
        last = measure.freeze
        cases = [o for o in cases if isinstance(o.x, dt.date) and o.x <= last]
    elif isinstance(measure.freeze, int):
        if measure.freeze > len(cases):
            problems.error(measure.at.of("freeze"), f"freeze is {measure.freeze} cases but the data has {len(cases)}",
                           "freeze counts the first cases that form the baseline")
            return
        cases = cases[:measure.freeze]
    if measure.target is not None or not cases:
        return
    events = sum(1 for o in cases if o.y == 1)
    if events in (0, len(cases)):
        where = measure.at.of("freeze") if measure.freeze is not None else measure.at.of("chart")
        problems.error(where, f"{'none' if not events else 'every one'} of the {len(cases)} baseline cases of "
                       f"'{measure.id}' had the event, so the baseline risk cannot be estimated from them",
                       "give 'target', the known baseline risk (e.g. 0.02 for 2%), or a longer baseline ('freeze')")


def _check_unique(measure: Measure, path: Path, problems: Problems) -> None:
    seen: dict[tuple, int] = {}
    for obs in measure.observations:
        key = (obs.x, obs.group)
        if key in seen:
            label = obs.x.isoformat() if isinstance(obs.x, dt.date) else obs.x
            where = f" for group '{obs.group}'" if obs.group else ""
            hint = ("each category has one row: add the counts together" if measure.chart == "pareto"
                    else "each period has one row per group: merge or delete the duplicate")
            problems.error(Location(path, obs.line), f"'{label}' appears twice{where} (first at line {seen[key]})", hint)
        else:
            seen[key] = obs.line


def _check_group_spellings(measure: Measure, path: Path, problems: Problems) -> None:
    """Groups that differ only in capitals or spacing are one group typed two ways."""
    first: dict[str, str] = {}
    reported = set()
    for obs in measure.observations:
        if obs.group is None:
            continue
        known = first.setdefault(" ".join(obs.group.lower().split()), obs.group)
        if known != obs.group and obs.group not in reported:
            reported.add(obs.group)
            problems.warning(Location(path, obs.line), f"the group '{obs.group}' looks like '{known}' typed differently",
                             "spell every row's group the same way, or they are charted as two groups")


def _check_order_declared(measure: Measure, problems: Problems) -> None:
    """``order:`` asks for the SII: groups in order, of counts over a denominator (a proportion or a rate)."""
    at = measure.at
    if not measure.group:
        problems.error(at.of("order"), f"measure '{measure.id}' orders its groups but has no 'group' column",
                       "add 'group: COLUMN' naming the column of groups, or remove order")
    if chart_type(measure.chart).family not in (PROPORTION, RATE) or not chart_type(measure.chart).needs_denominator:
        problems.error(at.of("order"), f"the Slope Index of Inequality needs a proportion or a rate: a {measure.chart} chart has neither",
                       "remove 'order', or chart the measure as " + " or ".join(interval_charts()))
    if not MIN_QUANTILES <= len(measure.order) <= MAX_QUANTILES:
        problems.error(at.of("order"), f"the Slope Index of Inequality needs {MIN_QUANTILES} to {MAX_QUANTILES} ordered groups, "
                       f"not {len(measure.order)}", "list every group in order, most deprived first (e.g. IMD quintiles 1 to 5)")
    seen: set[str] = set()
    for index, name in enumerate(measure.order):
        if name in seen:
            problems.error(at.of("order", index), f"order names the group '{name}' twice", "list each group once")
        seen.add(name)


def _check_order(measure: Measure, problems: Problems) -> None:
    """Every name in ``order:`` is a group of the data, and every group of the data is in it."""
    if not (measure.order and measure.group):
        return
    groups = measure.groups()
    for index, name in enumerate(measure.order):
        if name not in groups:
            hint = did_you_mean(name, groups) or f"the groups in the data are {one_of(groups)}"
            problems.error(measure.at.of("order", index), f"order names '{name}', which is not in {measure.columns_words()}", hint)
    missing = [g for g in groups if g not in measure.order]
    if missing:
        problems.error(measure.at.of("order"), f"order leaves out {one_of(missing)} of {measure.columns_words()}",
                       "list every group of the data, most deprived first")


def _check_reference_group(measure: Measure, problems: Problems) -> None:
    reference = measure.reference
    if reference and measure.group:
        groups = measure.groups()
        if reference not in groups:
            what = "combinations" if measure.two_factor else "groups"
            hint = did_you_mean(reference, groups) or f"the {what} in the data are {one_of(groups)}"
            where = "among the combinations of " if measure.two_factor else "in "
            problems.error(measure.at.of("reference_group"),
                           f"reference group '{reference}' is not {where}{measure.columns_words()}", hint)


def _dates(measure: Measure) -> list[dt.date]:
    return sorted({o.x for o in measure.observations if isinstance(o.x, dt.date)})


def _check_dates_named(measure: Measure, problems: Problems) -> None:
    dates = set(_dates(measure))
    named: list[tuple[str, object, Location]] = [("freeze", measure.freeze, measure.at.of("freeze"))]
    named += [("part start", p.start, p.at.where if p.at else measure.at.of("parts")) for p in measure.parts]
    named += [("excluded date", e.date, e.at.where if e.at else measure.at.of("exclude")) for e in measure.exclude]
    for label, value, where in named:
        if isinstance(value, dt.date) and value not in dates:
            hint = _nearest_dates(value, sorted(dates))
            problems.error(where, f"the {label} {value.isoformat()} is not a date in {measure.data}", hint)
        elif isinstance(value, str):
            problems.error(where, f"the {label} '{value}' is not a date", "write it as YYYY-MM-DD")
    if isinstance(measure.freeze, int) and measure.freeze > len(dates):
        problems.error(measure.at.of("freeze"), f"freeze is {measure.freeze} points but the data has {len(dates)}",
                       "freeze counts the first points that form the baseline")
    _check_parts_in_order(measure, problems)


def _check_parts_in_order(measure: Measure, problems: Problems) -> None:
    for before, part in zip(measure.parts, measure.parts[1:]):
        if part.start <= before.start:
            where = part.at.where if part.at else measure.at.of("parts")
            message = (f"two parts start on {part.start.isoformat()}" if part.start == before.start
                       else f"the part starting {part.start.isoformat()} is listed after one starting {before.start.isoformat()}")
            problems.error(where, message, "list the parts in date order, each start date once")
            return


def _nearest_dates(value: dt.date, dates: list[dt.date]) -> str:
    before = [d for d in dates if d < value][-1:]
    after = [d for d in dates if d > value][:1]
    near = [d.isoformat() for d in before + after]
    if len(near) == 2:
        return f"the nearest dates in the data are {near[0]} and {near[1]}"
    return f"the nearest date in the data is {near[0]}" if near else ""


def baseline_size(measure: Measure, dates: list[dt.date]) -> int:
    """How many periods the first limits are computed from."""
    if isinstance(measure.freeze, int):
        return min(measure.freeze, len(dates))
    end = measure.freeze if isinstance(measure.freeze, dt.date) else None
    if measure.parts:
        first_part = measure.parts[0].start
        end = min(end, first_part - dt.timedelta(days=1)) if end else first_part - dt.timedelta(days=1)
    return sum(1 for d in dates if end is None or d <= end)


def baseline_dates(measure: Measure) -> list[dt.date]:
    """The dates the first limits (or median) are computed from."""
    dates = _dates(measure)
    return dates[:baseline_size(measure, dates)]


def _check_seasonal_baseline(measure: Measure, problems: Problems) -> None:
    """A seasonal measure's baseline covers whole years (qisite.seasons)."""
    if not measure.seasonal:
        return
    cover = coverage(baseline_dates(measure), measure.period)
    if cover.points and not cover.whole:
        where = measure.at.of("freeze") if measure.freeze else measure.at.of("seasonal")
        problems.warning(where, f"measure '{measure.id}' is seasonal but its baseline covers {cover.words}, not whole years",
                         advice(cover))


def _check_enough_points(measure: Measure, problems: Problems) -> None:
    if not chart_type(measure.chart).has_limits:
        return
    size = baseline_size(measure, _dates(measure))
    if 0 < size < MIN_POINTS_FOR_LIMITS:
        where = measure.at.of("freeze") if measure.freeze else measure.at.of("parts", 0) if measure.parts else measure.at.where
        problems.warning(where, f"the control limits of '{measure.id}' rest on {size} points",
                         f"limits are unreliable below {MIN_POINTS_FOR_LIMITS} points: treat them as trial limits, or use a run chart until more data comes")


def check_events_in_data(events, dates: list[dt.date], what: str, problems: Problems) -> None:
    """An event dated outside the data is not drawn on the chart (the timeline still lists it): a warning."""
    if not dates:
        return
    for event in events:
        if not dates[0] <= event.date <= dates[-1]:
            where = event.at.of("date") if event.at else Location(Path("measures.yaml"))
            problems.warning(where, f"the event '{event.text}' ({event.date.isoformat()}) is outside {what} "
                                    f"({dates[0].isoformat()} to {dates[-1].isoformat()}): it is not drawn on the chart",
                             "check the date; an event outside the charted dates shows only in the timeline")


def _check_gaps(measure: Measure, path: Path, problems: Problems) -> None:
    if not measure.period:
        return
    dates = _dates(measure)
    gaps = date_gaps_between(dates, measure.period)
    if gaps:
        first, after = gaps[0]
        line = next(o.line for o in measure.observations if o.x == after)
        more = f" ({len(gaps)} gaps in all)" if len(gaps) > 1 else ""
        problems.warning(Location(path, line), f"a gap in the {_ADJECTIVE.get(measure.period, measure.period + 'ly')} dates: nothing between {first.isoformat()} and {after.isoformat()}{more}",
                         "the chart breaks its line at the missing periods and marks them 'no data'; if the data exists, add the rows")

