"""What a special cause means on a chart whose direction is not the measure's:
the gap chart of a stratified measure. Shared by ``plan`` (the markers) and
``describe`` (the sentences)."""
from __future__ import annotations

import numpy as np

from qisite import spc
from qisite.analysis import gap_direction
from qisite.spc.rules import classify


def gap_meaning(gap: spc.GapResult) -> np.ndarray:
    """Meaning of the gap chart's special causes: towards zero (the gap closing)
    is improvement, away from it concern — judged from the baseline gap's sign."""
    return classify(gap.result.side, gap.result.special_cause, gap_direction(gap))
