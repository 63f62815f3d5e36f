"""Equity statistics, pure computation (no I/O, no drawing): confidence intervals
for each group, the gap to the reference group and the people behind it, the Slope
and Relative Index of Inequality, and funnel plots — as UKHSA's PHEindicatormethods
computes them (docs/equity.md)."""
from qisite.equity.funnel import FunnelLimits, FunnelResult, FunnelUnit, funnel, funnel_limits
from qisite.equity.gaps import Gap, gap, people_behind_gap
from qisite.equity.intervals import Interval, interval_charts, proportion_interval, rate_interval
from qisite.equity.periods import EquityResult, GroupValue, Period, analyse_equity
from qisite.equity.sii import SiiResult, midpoint_ranks, sii

__all__ = ["EquityResult", "FunnelLimits", "FunnelResult", "FunnelUnit", "Gap", "GroupValue", "Interval", "Period",
           "SiiResult", "analyse_equity", "funnel", "funnel_limits", "gap", "interval_charts",
           "midpoint_ranks", "people_behind_gap", "proportion_interval", "rate_interval", "sii"]
