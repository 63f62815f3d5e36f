"""What a special cause means on a chart whose direction is not the measure's:
the gap chart of a stratified measure. Shared by ``plan`` (the markers) and
``describe`` (the sentences)."""
from __future__ import annotations

import numpy as np

from qisite import spc
from qisite.spc.rules import classify


def gap_meaning(gap: spc.GapResult) -> np.ndarray:
    """Meaning of the gap chart's special causes: towards zero (the gap closing)
    is improvement, away from it concern — judged from the baseline gap's sign."""
    baseline = gap.summary.baseline_cl
    direction = "neutral" if not baseline else ("increase" if baseline < 0 else "decrease")
    return classify(gap.result.side, gap.result.special_cause, direction)
