"""The names a measure (or site.yaml) chooses among for its analysis, declared once here.

Kept apart from the engine so that reading them (qisite.model's schema does, for
every build) loads no numpy and no SPC code: ``qisite build`` with nothing to do
never needs either.
"""

RULE_PROFILES = ("anhoej", "ihi", "nhs")
"""The special-cause rule profiles (qisite.spc.rules)."""

SAME_DATE = ("sum", "mean")
"""How rows that share an x are combined (measure key ``same_date``; qisite.spc.aggregation)."""
