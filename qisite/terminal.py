"""Text for a terminal: control characters from team-written data made visible.

A value such as ``\\x1b]0;title\\x07`` or ``\\x1b[2J`` in a CSV cell would
otherwise reach the terminal of whoever runs ``qisite check`` (or a CI log)
and act on it: retitle it, clear it, hide lines. Each control character, and
each bidirectional override that could reverse a line, is shown as an escape
such as ``\\x1b`` instead. Newlines and tabs are kept.
"""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def for_terminal(text: str) -> str:
    return _CONTROL.sub(_visible, text)


def _visible(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
