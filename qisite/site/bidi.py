"""Bidirectional-text controls in team-written text, kept from spilling over a page.

A team name holding U+202E (RIGHT-TO-LEFT OVERRIDE) would reverse the rest of
its line: the names, numbers and links after it. Every value a template writes
that holds such a control is wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL
ISOLATE (U+2068 … U+2069): the plain-text form of HTML's ``<bdi>``, which also
works inside attributes, and which closes every embedding or override opened
inside it. Values without controls are written unchanged.
"""

from __future__ import annotations

import re

from markupsafe import Markup

BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2068", "\u2069"


def isolate_bidi(value):
    """Jinja's ``finalize``: a written value, isolated if it holds a bidi control."""
    if not isinstance(value, str) or not BIDI_CONTROLS.search(value):
        return value
    if isinstance(value, Markup):
        return Markup(FIRST_STRONG_ISOLATE) + value + Markup(POP_DIRECTIONAL_ISOLATE)
    return FIRST_STRONG_ISOLATE + value + POP_DIRECTIONAL_ISOLATE
