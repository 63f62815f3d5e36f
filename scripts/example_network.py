#!/usr/bin/env python3
"""Write the illustrative CSV data of the example network under projects/*/data/.

The data is ILLUSTRATIVE: it is invented, then adjusted so that the summary
figures published in Aurelio et al., Br J Healthc Manag 2024
(doi:10.12968/bjhc.2023.0142) come out exactly at their stated precision.
Where the paper names only an aim, the figures are plausible inventions.

Deterministic: a fixed seed per project, no clock, no network.  Run from
anywhere:  python3 scripts/example_network.py  [--out DIR]
The YAML files next to the data are written by hand; the dates they name
(freeze, parts, exclude, PDSA cycles) must stay consistent with this script,
and tests/test_example_network.py checks the published figures.

Quirks on purpose (they exercise the loader):
  * cervical-screening-bedford/data/uptake.csv uses day-first UK dates
    (its measure sets `date_format: dayfirst`);
  * newham-referrals-by-ethnicity/data/referrals-by-ethnicity.csv is written
    as UTF-8 with a byte-order mark, as Excel's "CSV UTF-8" does.
"""
from __future__ import annotations

import csv
import datetime as dt
import math
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECTS = ROOT / "projects"


# ---------------------------------------------------------------- helpers
def months(start: str, count: int) -> list[dt.date]:
    y, m = map(int, start.split("-")[:2])
    out = []
    for _ in range(count):
        out.append(dt.date(y, m, 1))
        m += 1
        if m > 12:
            y, m = y + 1, 1
    return out


def steps(start: str, count: int, days: int) -> list[dt.date]:
    d0 = dt.date.fromisoformat(start)
    return [d0 + dt.timedelta(days=days * i) for i in range(count)]


def quarters(start: str, count: int) -> list[dt.date]:
    return months(start, count * 3)[::3]


def binom(rng: random.Random, n: int, p: float) -> int:
    """Binomial draw (normal approximation for large n)."""
    p = min(max(p, 0.0), 1.0)
    if n <= 200:
        return sum(rng.random() < p for _ in range(n))
    x = round(rng.gauss(n * p, math.sqrt(n * p * (1 - p))))
    return min(max(x, 0), n)


def poisson(rng: random.Random, lam: float) -> int:
    if lam > 50:
        return max(0, round(rng.gauss(lam, math.sqrt(lam))))
    limit, k, prod = math.exp(-lam), 0, rng.random()
    while prod > limit:
        k += 1
        prod *= rng.random()
    return k


def fix_sum(rng: random.Random, vals: list[int], target: int,
            lo: list[int] | int = 0, hi: list[int] | int | None = None) -> list[int]:
    """Nudge integer values by ±1 at random positions until they sum to target."""
    vals = list(vals)
    n = len(vals)
    lo = [lo] * n if isinstance(lo, int) else list(lo)
    hi = [hi] * n if (hi is None or isinstance(hi, int)) else list(hi)
    guard = 0
    while sum(vals) != target:
        i = rng.randrange(n)
        if sum(vals) < target and (hi[i] is None or vals[i] < hi[i]):
            vals[i] += 1
        elif sum(vals) > target and vals[i] > lo[i]:
            vals[i] -= 1
        guard += 1
        if guard > 1_000_000:
            raise RuntimeError("fix_sum cannot reach target")
    return vals


def proportion_series(rng, count, n_lo, n_hi, n_total, p_path, x_total):
    """count periods; denominators in [n_lo, n_hi] summing to n_total;
    numerators drawn around p_path[i] then nudged to sum to x_total."""
    ns = fix_sum(rng, [rng.randint(n_lo, n_hi) for _ in range(count)], n_total,
                 lo=n_lo, hi=n_hi)
    xs = [binom(rng, n, p_path[i]) for i, n in enumerate(ns)]
    xs = fix_sum(rng, xs, x_total, lo=0, hi=ns)
    return ns, xs


def write_csv(path: Path, header: list[str], rows: list[list], *, bom: bool = False) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8-sig" if bom else "utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def iso(d: dt.date) -> str:
    return d.isoformat()


def uk(d: dt.date) -> str:
    return d.strftime("%d/%m/%Y")


def ramp(a: float, b: float, k: int) -> list[float]:
    return [a + (b - a) * (i + 1) / (k + 1) for i in range(k)]


# ---------------------------------------------------------------- projects
def east_india(base: Path) -> None:
    """c-chart of racist incidents per fortnight.
    Published: baseline 10 Aug - 21 Sep 2020 mean 2.0 per fortnight (4
    fortnights, 8 incidents); by Jan 2021 mean 0.3 (10 fortnights from 5 Oct
    2020, 3 incidents).  The series runs on to 28 Jun 2021 with the after-change
    part keeping its mean of exactly 0.3 (20 fortnights, 6 incidents)."""
    rng = random.Random(1001)
    fns = steps("2020-08-10", 24, 14)
    baseline = [2, 3, 1, 2]                      # sum 8 -> mean 2.0
    first10 = [1, 0, 0, 1, 0, 0, 0, 1, 0, 0]     # 5 Oct 2020 - 8 Feb 2021: sum 3 -> 0.3
    next10 = [0, 0, 1, 0, 0, 1, 0, 0, 1, 0]      # 22 Feb - 28 Jun 2021: sum 3 -> 0.3
    counts = baseline + first10 + next10
    write_csv(base / "data/incidents.csv", ["fortnight", "incidents"],
              [[iso(d), c] for d, c in zip(fns, counts)])

    # incident log for the t-chart: each incident on a distinct day of its fortnight
    events: list[dt.date] = []
    for d, c in zip(fns, counts):
        for off in sorted(rng.sample(range(14), c)):
            events.append(d + dt.timedelta(days=off))
    prev = dt.date(2020, 7, 27)   # last racist incident before the data starts
    rows = []
    for e in events:
        rows.append([iso(e), (e - prev).days])
        prev = e
    write_csv(base / "data/incident-log.csv", ["date", "days_since_previous"], rows)

    # restrictive interventions per fortnight (balancing, c-chart)
    ri = [poisson(rng, 3.2 if i < 4 else 2.8) for i in range(24)]
    write_csv(base / "data/restrictive.csv", ["fortnight", "restrictive_interventions"],
              [[iso(d), c] for d, c in zip(fns, ri)])

    # weekly: safety huddles (7 a week) at which the safety cross was reviewed
    wks = steps("2020-09-28", 40, 7)
    path = ramp(0.55, 0.95, 12) + [0.93] * 28
    rows = []
    for d, p in zip(wks, path):
        n = 7 if rng.random() > 0.1 else 6     # the odd cancelled huddle
        rows.append([iso(d), binom(rng, n, p), n])
    write_csv(base / "data/huddles.csv", ["week", "huddles_reviewed", "huddles"], rows)

    # monthly: ward staff who completed the co-designed training (cumulative)
    ms = months("2020-10", 9)
    trained = [0, 6, 13, 19, 24, 29, 33, 36, 38]
    staff = [42, 42, 41, 41, 42, 43, 43, 42, 42]
    write_csv(base / "data/training.csv", ["month", "staff_trained", "staff"],
              [[iso(d), t, s] for d, t, s in zip(ms, trained, staff)])


def eip(base: Path) -> None:
    """p-chart monthly, Jan 2020 - Mar 2022.  Baseline Jan-Jun 2020: 67 of 100
    people accepted were from ethnic minority backgrounds (p = 0.67).  Final
    part Apr 2021 - Mar 2022: 204 of 240 (p = 0.85)."""
    rng = random.Random(1002)
    ms = months("2020-01", 27)
    n1, x1 = proportion_series(rng, 6, 13, 21, 100, [0.67] * 6, 67)
    n2, x2 = proportion_series(rng, 9, 14, 22, 162, ramp(0.68, 0.84, 9), 124)
    n3, x3 = proportion_series(rng, 12, 15, 25, 240, [0.85] * 12, 204)
    ns, xs = n1 + n2 + n3, x1 + x2 + x3
    write_csv(base / "data/access.csv", ["month", "ethnic_minority", "accepted"],
              [[iso(d), x, n] for d, x, n in zip(ms, xs, ns)])

    # family therapy offered (NICE CG178) to eligible people with a family,
    # Nov 2019 - Mar 2022: baseline to Oct 2020, testing Nov 2020 - Feb 2021
    fm = months("2019-11", 29)
    rows = []
    for i, d in enumerate(fm):
        n = rng.randint(9, 16)
        p = 0.35 if i < 12 else (0.62 if i < 16 else 0.82)
        rows.append([iso(d), binom(rng, n, p), n])
    write_csv(base / "data/family-therapy.csv", ["month", "offered", "eligible"], rows)

    # balancing: started treatment within 2 weeks of referral (national standard 60%)
    # (August 2021 is missing: the audit was not run that month; the chart shows the gap as missing)
    rows = []
    for d, n in zip(ms, ns):
        rows.append([iso(d), binom(rng, n, 0.74), n])
    rows = [row for row in rows if row[0] != "2021-08-01"]
    write_csv(base / "data/two-week-wait.csv", ["month", "within_two_weeks", "referrals"], rows)

    # buddy pairs active at month end, from Sep 2020
    bm = months("2020-09", 19)
    pairs, p = [], 0
    for i in range(19):
        p = max(0, min(p + rng.choice([0, 1, 1, 2, 1, 0, -1]), 14))
        pairs.append(p)
    write_csv(base / "data/buddies.csv", ["month", "active_buddy_pairs"],
              [[iso(d), v] for d, v in zip(bm, pairs)])


def cervical(base: Path) -> None:
    """Uptake of cervical screening by age band, monthly Jan 2021 - Jun 2023,
    UK day-first dates.  The younger band responds first (personalised letters,
    Jan 2022), so the gap is already near 3 points during the Jan-Jun 2022 ramp.  Baseline Jan-Dec 2021: 24-49 540/1000 = 54%,
    50-64 248/400 = 62% (gap 8 points).  Final part Jul 2022 - Jun 2023:
    24-49 680/1000 = 68%, 50-64 284/400 = 71% (gap 3 points)."""
    for attempt in range(1000):
        rng = random.Random(1003 + attempt * 7919)
        ms = months("2021-01", 30)
        a_n1, a_x1 = proportion_series(rng, 12, 70, 98, 1000, [0.54] * 12, 540)
        a_n2, a_x2 = proportion_series(rng, 6, 72, 100, 520, [0.60, 0.63, 0.65, 0.66, 0.67, 0.67], 336)
        a_n3, a_x3 = proportion_series(rng, 12, 70, 98, 1000, [0.68] * 12, 680)
        b_n1, b_x1 = proportion_series(rng, 12, 26, 41, 400, [0.62] * 12, 248)
        b_n2, b_x2 = proportion_series(rng, 6, 27, 41, 200, [0.64, 0.66, 0.68, 0.69, 0.70, 0.70], 136)
        b_n3, b_x3 = proportion_series(rng, 12, 26, 41, 400, [0.71] * 12, 284)
        a = [x / n for x, n in zip(a_x1 + a_x2 + a_x3, a_n1 + a_n2 + a_n3)]
        b = [x / n for x, n in zip(b_x1 + b_x2 + b_x3, b_n1 + b_n2 + b_n3)]
        # the mean of the monthly percentages and gaps must also round to the
        # published whole numbers, whichever way a reader averages them
        checks = [
            (sum(a[:12]) / 12, 54), (sum(a[18:]) / 12, 68),
            (sum(b[:12]) / 12, 62), (sum(b[18:]) / 12, 71),
            (sum(y - x for x, y in zip(a[:12], b[:12])) / 12, 8),
            (sum(y - x for x, y in zip(a[18:], b[18:])) / 12, 3),
            # the gap after the baseline, ramp months included, also rounds to 3
            (sum(y - x for x, y in zip(a[12:], b[12:])) / 18, 3),
        ]
        if all(round(v * 100) == want for v, want in checks):
            break
    else:
        raise RuntimeError("no cervical attempt matched")
    rows = []
    for i, d in enumerate(ms):
        an, ax = (a_n1 + a_n2 + a_n3)[i], (a_x1 + a_x2 + a_x3)[i]
        bn, bx = (b_n1 + b_n2 + b_n3)[i], (b_x1 + b_x2 + b_x3)[i]
        rows.append([uk(d), "24-49", ax, an])
        rows.append([uk(d), "50-64", bx, bn])
    write_csv(base / "data/uptake.csv", ["month", "age_band", "screened", "invited"], rows)

    # home self-sampling kits returned, from Jul 2022 (pilot)
    km = months("2022-07", 12)
    rows = []
    for d in km:
        n = rng.randint(18, 34)
        rows.append([iso(d), binom(rng, n, 0.63), n])
    write_csv(base / "data/self-sampling.csv", ["month", "kits_returned", "kits_sent"], rows)

    # evening and weekend screening appointments used per month, from Mar 2022
    em = months("2022-03", 16)
    rows = [[iso(d), max(0, round(rng.gauss(8 + 2.2 * min(i, 5), 3)))] for i, d in enumerate(em)]
    write_csv(base / "data/out-of-hours.csv", ["month", "appointments_used"], rows)

    # balancing: mean days to the next routine practice-nurse appointment
    rows = []
    for i, d in enumerate(ms):
        mu = 9.0 if i < 14 else 10.2
        rows.append([iso(d), f"{max(3.0, rng.gauss(mu, 1.1)):.1f}"])
    write_csv(base / "data/nurse-wait.csv", ["month", "mean_wait_days"], rows)


def newham_black_men(base: Path) -> None:
    """p-chart monthly Jan 2022 - Dec 2023 of referrals to Newham Talking
    Therapies that are Black men aged 18-25.  Baseline Jan-Dec 2022:
    195/13000 = 1.5%.  Final part Apr-Dec 2023: 180/10000 = 1.8%."""
    rng = random.Random(1004)
    ms = months("2022-01", 24)
    n1, x1 = proportion_series(rng, 12, 960, 1220, 13000, [0.015] * 12, 195)
    n2, x2 = proportion_series(rng, 3, 1000, 1180, 3300, [0.016] * 3, 53)
    n3, x3 = proportion_series(rng, 9, 1000, 1230, 10000, [0.018] * 9, 180)
    write_csv(base / "data/referrals.csv", ["month", "black_men_18_25", "referrals"],
              [[iso(d), x, n] for d, x, n in zip(ms, x1 + x2 + x3, n1 + n2 + n3)])

    # conversations held in barbershops and community spaces, from Jan 2023
    cm = months("2023-01", 12)
    rows = [[iso(d), v] for d, v in zip(cm, [4, 6, 9, 11, 10, 14, 12, 9, 15, 16, 13, 17])]
    write_csv(base / "data/community-conversations.csv", ["month", "conversations"], rows)

    # balancing: mean days referral to assessment, all referrals
    rows = [[iso(d), f"{max(5.0, rng.gauss(21 if i < 15 else 22.5, 2.0)):.1f}"]
            for i, d in enumerate(ms)]
    write_csv(base / "data/assessment-wait.csv", ["month", "mean_days_to_assessment"], rows)

    # process: Black men 18-25 who attended their first appointment (small n)
    rows = []
    for i, (d, x) in enumerate(zip(ms, x1 + x2 + x3)):
        rows.append([iso(d), binom(rng, x, 0.58 if i < 15 else 0.68), x])
    write_csv(base / "data/first-attendance.csv", ["month", "attended_first", "referred"], rows)


NEWHAM_GROUPS = {            # adults (thousands not used; head count), referral rate / 1,000 / quarter
    "White British": (41800, 11.2),
    "Black African": (27400, 5.9),
    "Black Caribbean": (11300, 7.4),
    "Bangladeshi": (31900, 6.1),
    "Indian": (35600, 4.8),
    "Pakistani": (27100, 5.6),
}


def newham_ethnicity(base: Path) -> None:
    """Referrals to Newham Talking Therapies by ethnic group: a quarterly
    u-chart per 1,000 adults (2020-2022) and, for 2022, a Pareto of referrals
    by ethnic group (saved with a BOM, as Excel writes) and of the shortfall
    against each group's share of the adult population."""
    rng = random.Random(1005)
    qs = quarters("2020-01", 12)
    rows, totals_2022 = [], {}
    for q in qs:
        for g, (pop, rate) in NEWHAM_GROUPS.items():
            lam = pop * rate / 1000 * (0.82 if q == dt.date(2020, 4, 1) else 1.0)  # first lockdown
            k = poisson(rng, lam)
            rows.append([iso(q), g, k, pop])
            if q.year == 2022:
                totals_2022[g] = totals_2022.get(g, 0) + k
    write_csv(base / "data/referral-rates.csv",
              ["quarter", "ethnic_group", "referrals", "adult_population"], rows)

    others = {"Any other White background": 2210, "Mixed or multiple": 640,
              "Any other Asian background": 830, "Any other ethnic group": 720,
              "Not stated": 910}
    allg = {**totals_2022, **others}
    allg = dict(sorted(allg.items(), key=lambda kv: -kv[1]))
    write_csv(base / "data/referrals-by-ethnicity.csv", ["ethnic_group", "referrals"],
              [[g, v] for g, v in allg.items()], bom=True)

    # shortfall: referrals expected at the White British rate minus those received
    wb_rate = totals_2022["White British"] / NEWHAM_GROUPS["White British"][0]
    short = {g: round(NEWHAM_GROUPS[g][0] * wb_rate) - totals_2022[g]
             for g in NEWHAM_GROUPS if g != "White British"}
    short = dict(sorted(short.items(), key=lambda kv: -kv[1]))
    write_csv(base / "data/referral-shortfall.csv", ["ethnic_group", "missing_referrals"],
              [[g, v] for g, v in short.items()])


def bangladeshi(base: Path) -> None:
    """Recovery rate in Tower Hamlets Talking Therapies, Bangladeshi vs White
    British, monthly Apr 2022 - Mar 2024.  Bangladeshi baseline Apr 2022 -
    Mar 2023 210/500 = 42%; final part Jul 2023 - Mar 2024 180/360 = 50%
    (the aim).  White British around 52% throughout."""
    rng = random.Random(1006)
    ms = months("2022-04", 24)
    b1n, b1x = proportion_series(rng, 12, 33, 50, 500, [0.42] * 12, 210)
    b2n, b2x = proportion_series(rng, 3, 34, 48, 125, [0.45] * 3, 57)
    b3n, b3x = proportion_series(rng, 9, 34, 48, 360, [0.50] * 9, 180)
    w1n, w1x = proportion_series(rng, 12, 70, 100, 1000, [0.52] * 12, 520)
    w2n, w2x = proportion_series(rng, 12, 72, 102, 1040, [0.525] * 12, 546)
    bn, bx, wn, wx = b1n + b2n + b3n, b1x + b2x + b3x, w1n + w2n, w1x + w2x
    rows = []
    for i, d in enumerate(ms):
        rows.append([iso(d), "Bangladeshi", bx[i], bn[i]])
        rows.append([iso(d), "White British", wx[i], wn[i]])
    write_csv(base / "data/recovery.csv", ["month", "ethnic_group", "recovered", "completed"], rows)

    rows = []
    for i, d in enumerate(ms):
        n = rng.randint(38, 58)
        p = 0.52 if i < 12 else (0.7 if i < 15 else 0.84)
        rows.append([iso(d), binom(rng, n, p), n])
    write_csv(base / "data/preferred-language.csv",
              ["month", "in_preferred_language", "bangladeshi_starters"], rows)

    rows = []
    for i, d in enumerate(ms):
        n = rng.randint(38, 58)
        rows.append([iso(d), binom(rng, n, 0.31 if i < 12 else 0.27), n])
    write_csv(base / "data/dropout.csv", ["month", "ended_early", "bangladeshi_starters"], rows)
    deterioration(base, ms, bn)
    recovery_by_language(base, ms)


def recovery_by_language(base: Path, ms: list[dt.date], seed: int = 1206) -> None:
    """Recovery by ethnic group and by whether the patient needed an interpreter: the
    two-factor measure (group: [ethnic_group, language]).  Bangladeshi patients who
    needed an interpreter recovered least (about 36%) until therapy in Bengali and
    Sylheti (Jul 2023), then about 48%; Bangladeshi patients speaking English about
    47% then 51%; White British patients speaking English about 52% throughout.  White
    British patients needing an interpreter (mostly BSL users) are 2 to 7 a month: a
    small cell, whose counts under 5 the site withholds."""
    rng = random.Random(seed)
    cells = (("Bangladeshi", "Interpreter needed", 14, 22, 0.36, 0.48),
             ("Bangladeshi", "English", 20, 30, 0.47, 0.51),
             ("White British", "English", 70, 100, 0.52, 0.52),
             ("White British", "Interpreter needed", 2, 7, 0.5, 0.5))
    rows = []
    for d in ms:
        for ethnicity, language, n_lo, n_hi, before, after in cells:
            n = rng.randint(n_lo, n_hi)
            rows.append([iso(d), ethnicity, language, binom(rng, n, before if d < dt.date(2023, 7, 1) else after), n])
    write_csv(base / "data/recovery-by-language.csv", ["month", "ethnic_group", "language", "recovered", "completed"], rows)


def deterioration(base: Path, ms: list[dt.date], completed: list[int], seed: int = 1106) -> None:
    """One row per Bangladeshi patient finishing treatment (the recovery measure's
    completers), dated by the Monday of the week the course ended: 1 when their
    scores reliably worsened.  About 6% before the culturally adapted materials
    (Jul 2023), 2.5% after: the B chart's lower sum signals a fall."""
    rng = random.Random(seed)
    rows = []
    for month, count in zip(ms, completed):
        days = ((month.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - month).days
        for _ in range(count):
            day = month + dt.timedelta(days=rng.randrange(days))
            risk = 0.06 if day < dt.date(2023, 7, 1) else 0.025
            rows.append((day - dt.timedelta(days=day.weekday()), 1 if rng.random() < risk else 0))
    rows.sort(key=lambda row: row[0])
    write_csv(base / "data/deterioration.csv", ["week", "deteriorated"], [[iso(d), y] for d, y in rows])


def lgbtq_ward(base: Path) -> None:
    """Incidents against LGBTQ+ patients on an 18-bed inpatient ward,
    Jan 2022 - Dec 2023: a u-chart per 1,000 occupied bed days by month, and
    a g-chart of occupied bed days between incidents.  Baseline 2022 is
    48 incidents; from Apr 2023 the rate is about half."""
    rng = random.Random(1007)
    start, end = dt.date(2022, 1, 1), dt.date(2023, 12, 31)
    days = [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]
    occ = [min(18, max(12, round(rng.gauss(16.4, 1.0)))) for _ in days]
    base_days = [i for i, d in enumerate(days) if d.year == 2022]
    mid_days = [i for i, d in enumerate(days) if dt.date(2023, 1, 1) <= d < dt.date(2023, 4, 1)]
    late_days = [i for i, d in enumerate(days) if d >= dt.date(2023, 4, 1)]
    inc_days = set(rng.sample(base_days, 48)) | set(rng.sample(mid_days, 9)) \
        | set(rng.sample(late_days, 17))
    by_month: dict[dt.date, list[int]] = {}
    for i, d in enumerate(days):
        m = d.replace(day=1)
        c = by_month.setdefault(m, [0, 0])
        c[0] += i in inc_days
        c[1] += occ[i]
    write_csv(base / "data/incidents.csv", ["month", "incidents", "occupied_bed_days"],
              [[iso(m), c, b] for m, (c, b) in by_month.items()])
    rows, since = [], 212   # bed days since the last incident before Jan 2022
    for i, d in enumerate(days):
        since += occ[i]
        if i in inc_days:
            rows.append([iso(d), since - occ[i] // 2])
            since = occ[i] - occ[i] // 2
    write_csv(base / "data/incident-log.csv", ["date", "bed_days_between"], rows)

    ms = months("2022-10", 15)
    trained = [0, 4, 9, 14, 18, 22, 25, 27, 29, 30, 31, 32, 33, 33, 34]
    write_csv(base / "data/training.csv", ["month", "staff_trained", "staff"],
              [[iso(d), t, 38] for d, t in zip(ms, trained)])

    allm = months("2022-01", 24)
    write_csv(base / "data/restrictive.csv", ["month", "restrictive_interventions"],
              [[iso(d), poisson(rng, 6.5)] for d in allm])


def tokophobia(base: Path) -> None:
    """Perinatal tokophobia pathway, Apr 2022 - Mar 2024 (baseline for the
    measurement plan): % of referrals that are ethnic minority women (p), fear
    of childbirth score W-DEQ A at first appointment (xbar/s: raw scores,
    several rows per month) and wait to first appointment (i)."""
    rng = random.Random(1008)
    ms = months("2022-04", 24)
    ns, xs = proportion_series(rng, 24, 12, 24, 420, [0.31] * 20 + [0.36] * 4, 136)
    write_csv(base / "data/referrals.csv", ["month", "ethnic_minority_women", "referrals"],
              [[iso(d), x, n] for d, x, n in zip(ms, xs, ns)])
    rows = []
    for d in ms:
        for _ in range(rng.randint(4, 8)):
            rows.append([iso(d), min(165, max(40, round(rng.gauss(96, 14))))])
    write_csv(base / "data/fear-scores.csv", ["month", "wdeq_score"], rows)
    rows = [[iso(d), f"{max(10.0, rng.gauss(34, 5)):.1f}"] for d in ms]
    write_csv(base / "data/waits.csv", ["month", "mean_days_to_first_appointment"], rows)


DECILES = {"Decile 1 (most deprived)": (38.5, 0.19, 70), "Decile 2": (35.0, 0.16, 85),
           "Decile 3": (31.5, 0.13, 60), "Deciles 4-10": (27.0, 0.10, 45)}


def waits_deprivation(base: Path) -> None:
    """Tower Hamlets adult community mental health: mean days from referral to
    first assessment and did-not-attend rate, by IMD decile of home postcode,
    monthly Apr 2022 - Mar 2024."""
    rng = random.Random(1009)
    ms = months("2022-04", 24)
    w_rows, d_rows = [], []
    for d in ms:
        for g, (mu, dna, appts) in DECILES.items():
            w_rows.append([iso(d), g, f"{max(7.0, rng.gauss(mu, 1.8)):.1f}"])
            n = max(10, round(rng.gauss(appts, 8)))
            d_rows.append([iso(d), g, binom(rng, n, dna), n])
    write_csv(base / "data/waits.csv", ["month", "imd_decile", "mean_days_to_assessment"], w_rows)
    write_csv(base / "data/dna.csv", ["month", "imd_decile", "did_not_attend", "appointments"], d_rows)


QUINTILES = {"Q1 (most deprived)": (21400, 37.0), "Q2": (16800, 43.0), "Q3": (12100, 49.0),
             "Q4": (8300, 55.0), "Q5 (least deprived)": (5200, 61.0)}


def camhs_luton(base: Path) -> None:
    """CAMHS in Luton: referrals per 10,000 under-18s by IMD quintile,
    quarterly Apr 2020 - Mar 2023 (u-chart, stratified); surveys of 65 young
    people, 4 parents and 19 staff (Pareto of respondents and of barriers)."""
    rng = random.Random(1010)
    qs = quarters("2020-04", 12)
    rows = []
    for q in qs:
        for g, (pop, rate) in QUINTILES.items():
            rows.append([iso(q), g, poisson(rng, pop * rate / 10000), pop])
    write_csv(base / "data/referral-rates.csv",
              ["quarter", "imd_quintile", "referrals", "population_under_18"], rows)
    write_csv(base / "data/respondents.csv", ["respondent_group", "respondents"],
              [["Young people", 65], ["Staff", 19], ["Parents and carers", 4]])
    barriers = [["Did not know CAMHS existed or how to ask for help", 41],
                ["Worried about being judged or labelled", 33],
                ["Waiting too long after referral", 27],
                ["Appointments only in school hours", 18],
                ["Cost and time of travel to the clinic", 14],
                ["Did not think talking would help", 11],
                ["Family would not approve", 9],
                ["Language or interpreting", 6],
                ["Other", 5]]
    write_csv(base / "data/barriers.csv", ["barrier", "mentions"], barriers)


BOROUGHS = ["Brent", "Ealing", "Hounslow", "Harrow", "Hillingdon",
            "Hammersmith and Fulham", "Westminster", "Kensington and Chelsea"]
VAX_GROUPS = {"White British": (118000, 0.86, 0.94), "Black Caribbean": (17600, 0.48, 0.74),
              "Black African": (24900, 0.55, 0.79), "Bangladeshi": (9800, 0.66, 0.88)}


def vaccine(base: Path) -> None:
    """North-west London COVID-19 vaccine equity huddles, weekly 1 Feb -
    30 Aug 2021: first-dose uptake in people aged 50+ by ethnic group (run
    chart, stratified), doses at community pop-up clinics (i), boroughs
    running pop-ups (run), did-not-attend at vaccination centres (Laney p')."""
    rng = random.Random(1011)
    wks = steps("2021-02-01", 31, 7)
    rows = []
    for i, d in enumerate(wks):
        for g, (pop, a, b) in VAX_GROUPS.items():
            # slow start, faster once pop-ups spread (from week 8), then flattening
            s = 1 / (1 + math.exp(-(i - 11) / 3.5))
            p = a + (b - a) * s + rng.gauss(0, 0.002)
            rows.append([iso(d), g, round(pop * p), pop])
    write_csv(base / "data/uptake.csv", ["week", "ethnic_group", "vaccinated", "eligible"], rows)

    spread = [0, 0, 0, 0, 1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 7, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8]
    write_csv(base / "data/boroughs.csv", ["week", "boroughs_running_popups"],
              [[iso(d), v] for d, v in zip(wks, spread)])
    pw = wks[4:]
    rows = [[iso(d), max(40, round(rng.gauss(210 * spread[4 + i] ** 0.9, 60)))]
            for i, d in enumerate(pw)]
    write_csv(base / "data/popup-doses.csv", ["week", "doses"], rows)
    rows = []
    for i, d in enumerate(wks):
        n = round(rng.gauss(21000, 2500))
        p = 0.078 + rng.gauss(0, 0.008)
        rows.append([iso(d), binom(rng, n, p), n])
    write_csv(base / "data/dna.csv", ["week", "did_not_attend", "booked"], rows)


GENERATORS = {
    "east-india-ward-racism": east_india,
    "eip-access-tower-hamlets": eip,
    "cervical-screening-bedford": cervical,
    "newham-talking-therapies-black-men": newham_black_men,
    "newham-referrals-by-ethnicity": newham_ethnicity,
    "bangladeshi-recovery-talking-therapies": bangladeshi,
    "lgbtq-inpatient-ward-safety": lgbtq_ward,
    "tokophobia-ethnic-minority-women": tokophobia,
    "waits-deprivation-tower-hamlets": waits_deprivation,
    "camhs-luton-deprivation": camhs_luton,
    "nw-london-vaccine-equity-huddles": vaccine,
}


# The network's shared measure (site.yaml's catalogue: first-appointment-dna), added to three
# projects so that four teams report it (the fourth, waits-deprivation, counts it by decile in
# dna.csv): start month, mean and SD of first appointments a month, DNA rate, seed.
SHARED_DNA = {
    "newham-talking-therapies-black-men": ("2022-01", 610, 50, 0.163, 2001),
    "bangladeshi-recovery-talking-therapies": ("2022-04", 130, 15, 0.14, 2002),
    "tokophobia-ethnic-minority-women": ("2022-04", 19, 3, 0.11, 2003),
}


def shared_dna(base: Path, start: str, mean: int, sd: int, rate: float, seed: int) -> None:
    """First appointments not attended without notice, monthly for two years (invented)."""
    rng = random.Random(seed)
    rows = []
    for d in months(start, 24):
        n = max(8, round(rng.gauss(mean, sd)))
        rows.append([iso(d), binom(rng, n, rate), n])
    write_csv(base / "data/first-appointment-dna.csv", ["month", "did_not_attend", "first_appointments"], rows)


def generate(out: Path = PROJECTS) -> None:
    """Write every project's data/*.csv under ``out``/<project id>/."""
    for pid, fn in GENERATORS.items():
        fn(Path(out) / pid)
    for pid, args in SHARED_DNA.items():
        shared_dna(Path(out) / pid, *args)


def main(argv: list[str] | None = None) -> None:
    import argparse
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=PROJECTS,
                        help="folder to write the project data folders into (default: projects/)")
    args = parser.parse_args(argv)
    generate(args.out)
    print(f"wrote data for {len(GENERATORS)} projects under {args.out}")


if __name__ == "__main__":
    main()
