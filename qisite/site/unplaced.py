"""A project's listing part without the positions no page and no network check reads.

Every record loaded from a YAML file carries its positions (``at``: the line and
column of it and of each of its keys), so that a problem found while the
project is loaded points at its place. A listing part (qisite.site.context.listing_data)
is read back by every build from the cache, for every project of the network: at
1,000 projects its records hold some 53,000 positions, a quarter of its bytes
and a fifth of the time to read it back, and none of them is ever asked for but
those the network's own checks point at: a project's (qisite.site.urls.clash_warnings)
and a change idea's ``adapted_from`` (qisite.spread.check_spread).
"""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

from qisite.model import AdaptedFrom, Project

# The records whose positions a listing part keeps (what the network's checks point at).
PLACED_IN_LISTINGS: tuple[type, ...] = (Project, AdaptedFrom)

_RECORD_FIELDS: dict[type, tuple[str, ...]] = {}


def without_positions(value: Any) -> Any:
    """``value`` with every record's positions dropped but PLACED_IN_LISTINGS' (records copied where
    they change; one record shared by two holders stays one record)."""
    return _unplaced(value, {})


def _unplaced(value: Any, memo: dict[int, tuple[Any, Any]]) -> Any:
    if isinstance(value, (str, int, float, type(None))):
        return value
    found = memo.get(id(value))
    if found is not None:
        return found[1]
    made = value
    if type(value) is tuple:
        items = tuple(_unplaced(item, memo) for item in value)
        if any(new is not old for new, old in zip(items, value)):
            made = items
    elif type(value) is dict:
        entries = {k: _unplaced(v, memo) for k, v in value.items()}
        if any(entries[k] is not v for k, v in value.items()):
            made = entries
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        placed = isinstance(value, PLACED_IN_LISTINGS)
        for name in _fields(type(value)):
            old = getattr(value, name)
            if name == "at":
                new = old if placed else None
            else:
                new = _unplaced(old, memo)
            if new is not old:
                changes[name] = new
        if changes:
            made = copy.copy(value)
            for name, new in changes.items():
                object.__setattr__(made, name, new)   # (frozen records: a copy, set as __init__ would)
    memo[id(value)] = (value, made)   # (the original kept alive: its id is not reused while walking)
    return made


def _fields(kind: type) -> tuple[str, ...]:
    found = _RECORD_FIELDS.get(kind)
    if found is None:
        found = _RECORD_FIELDS[kind] = tuple(f.name for f in dataclasses.fields(kind))
    return found
