"""Result types of the SPC engine: frozen dataclasses with ``to_dict()`` giving
the JSON contract of ``qisite spc --json`` (documented in docs/spc.md).

:class:`SpcResult` stores columns as numpy arrays (so 100,000 points stay
cheap); :attr:`SpcResult.points` builds the per-point :class:`SpcPoint`
objects on first use.
"""
from __future__ import annotations

import datetime as _dt
import json
import math
from dataclasses import dataclass, field
from functools import cached_property
from json.encoder import encode_basestring
from typing import ClassVar

import numpy as np

from .rules import signal_names


def json_float(v):
    """Float for JSON: NaN/inf become None; integral counts stay floats."""
    if v is None:
        return None
    v = float(v)
    return v if math.isfinite(v) else None


def _nums(arr: np.ndarray) -> list:
    out = arr.astype(float).tolist()
    if np.isfinite(arr).all():
        return out
    return [v if math.isfinite(v) else None for v in out]


def _whole(arr: np.ndarray) -> bool:
    """Denominators that are all whole numbers (JSON shows 50, not 50.0)."""
    ok = np.isfinite(arr)
    return bool(ok.any() and np.all(arr[ok] == np.round(arr[ok])) and np.abs(arr[ok]).max() < 2 ** 53)


def _counts(arr: np.ndarray) -> list:
    """Denominators as ints when they are whole numbers."""
    vals = _nums(arr)
    if _whole(arr):
        return [None if v is None else int(v) for v in vals]
    return vals


def label(x) -> str | int | float | None:
    """A JSON-friendly x label: dates as ISO strings."""
    if isinstance(x, (_dt.date, _dt.datetime)):
        return x.isoformat()
    if isinstance(x, np.generic):
        return x.item()
    if isinstance(x, float) and not math.isfinite(x):
        return None
    return x


@dataclass(frozen=True)
class SpcPoint:
    x: object
    y: float | None
    n: float | None
    cl: float | None
    lcl: float | None
    ucl: float | None
    part: int
    included: bool
    baseline: bool
    outside_limits: bool
    special_cause: bool
    signals: tuple[str, ...] = ()
    variation: str | None = None  # nhs: "improvement", "concern", "neutral"
    lcl95: float | None = None    # 2σ limits
    ucl95: float | None = None

    def to_dict(self, nhs: bool = False) -> dict:
        d = {
            "x": label(self.x), "y": self.y, "n": self.n, "cl": self.cl,
            "lcl": self.lcl, "ucl": self.ucl, "part": self.part,
            "included": self.included, "baseline": self.baseline,
            "outside_limits": self.outside_limits,
            "special_cause": self.special_cause, "signals": list(self.signals),
            "lcl95": self.lcl95, "ucl95": self.ucl95,
        }
        if nhs:
            d["variation"] = self.variation
        return d


@dataclass(frozen=True)
class SpcPart:
    part: int
    start: int           # 1-based first point
    end: int             # 1-based last point
    cl: float | None     # centre line (after the multiplier)
    n_baseline: int      # points the centre line and limits rest on
    n_useful: int
    longest_run: int | None
    longest_run_max: int | None
    crossings: int | None
    crossings_min: int | None
    runs_signal: bool
    signal: bool         # any special cause in the part under the chosen rules
    extra: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        d = {
            "part": self.part, "cl": json_float(self.cl), "n_useful": self.n_useful,
            "longest_run": self.longest_run, "longest_run_max": self.longest_run_max,
            "crossings": self.crossings, "crossings_min": self.crossings_min,
            "runs_signal": self.runs_signal, "start": self.start, "end": self.end,
            "n_baseline": self.n_baseline, "signal": self.signal,
        }
        d.update(self.extra)
        return d


@dataclass(frozen=True, eq=False)
class SpcResult:
    chart: str
    rules: str
    direction: str
    target: float | None
    multiply: float
    screen_mr: bool
    x: tuple
    y: np.ndarray
    n: np.ndarray
    cl: np.ndarray
    lcl: np.ndarray
    ucl: np.ndarray
    part: np.ndarray
    included: np.ndarray
    baseline: np.ndarray
    bits: np.ndarray
    side: np.ndarray
    classification: np.ndarray
    parts: tuple[SpcPart, ...]
    warnings: tuple[str, ...] = ()
    variation: str | None = None
    assurance: str | None = None
    lcl95: np.ndarray | None = None   # 2σ limits (NaN where the chart has none)
    ucl95: np.ndarray | None = None
    shift: int | None = None          # run lengths the ihi/nhs rules applied
    trend: int | None = None
    trajectory: np.ndarray | None = None  # target value at each point (output units), when given

    def __len__(self) -> int:
        return int(self.y.size)

    @property
    def outside_limits(self) -> np.ndarray:
        from .rules import OUTSIDE
        return (self.bits & OUTSIDE) != 0

    @property
    def special_cause(self) -> np.ndarray:
        return self.bits != 0

    @property
    def signal(self) -> bool:
        """Any special cause or runs signal anywhere on the chart."""
        return bool(self.special_cause.any() or any(p.runs_signal for p in self.parts))

    @cached_property
    def points(self) -> tuple[SpcPoint, ...]:
        cols = self._columns()
        return tuple(SpcPoint(*row) for row in zip(*cols))

    def _columns(self, signals: bool = True) -> list:
        bits = self.bits.tolist()
        nhs = self.rules == "nhs"
        return [
            list(self.x), _nums(self.y), _nums(self.n), _nums(self.cl),
            _nums(self.lcl), _nums(self.ucl), self.part.tolist(),
            self.included.tolist(), self.baseline.tolist(),
            self.outside_limits.tolist(), [b != 0 for b in bits],
            [tuple(signal_names(b)) if b else () for b in bits] if signals else bits,
            [c or None for c in self.classification.tolist()] if nhs
            else [None] * len(bits),
            _nums(self._limit95(self.lcl95)), _nums(self._limit95(self.ucl95)),
        ]

    def _limit95(self, v: np.ndarray | None) -> np.ndarray:
        return np.full(self.y.size, np.nan) if v is None else v

    _POINT_KEYS: ClassVar[tuple[str, ...]] = ("x", "y", "n", "cl", "lcl", "ucl", "part", "included", "baseline",
                   "outside_limits", "special_cause", "signals", "variation", "lcl95", "ucl95")

    def _point_columns(self) -> tuple[tuple[str, ...], list]:
        """The JSON keys of a point and their columns (``variation`` only for
        nhs, ``trajectory`` only when one is given)."""
        cols = self._columns()
        cols[0] = [label(v) for v in cols[0]]
        cols[2] = _counts(self.n)
        cols[11] = [list(s) for s in cols[11]]
        keys: tuple[str, ...] = self._POINT_KEYS
        if self.rules != "nhs":
            keys, cols = keys[:12] + keys[13:], cols[:12] + cols[13:]
        if self.trajectory is not None:
            keys, cols = keys + ("trajectory",), cols + [_nums(self.trajectory)]
        return keys, cols

    def _point_texts(self) -> tuple[tuple[str, ...], list[list[str]]]:
        """As :meth:`_point_columns`, each value already its JSON text, made
        from the numpy columns: a run of equal values is encoded once."""
        plain = set(map(type, self.x)) <= {int, str}
        labels = list(self.x) if plain else [label(v) for v in self.x]
        bits = self.bits
        signals = {b: _dumps(signal_names(b)) for b in dict.fromkeys(bits.tolist())}
        texts = [
            _label_texts(labels), _float_texts(self.y),
            _float_texts(self.n, whole=_whole(self.n)),
            _float_texts(self.cl), _float_texts(self.lcl), _float_texts(self.ucl),
            _run_texts(self.part, str) or list(map(str, self.part.tolist())),
            _bool_texts(self.included), _bool_texts(self.baseline), _bool_texts(self.outside_limits),
            _bool_texts(bits != 0),
            _run_texts(bits, signals.__getitem__) or list(map(signals.__getitem__, bits.tolist())),
            _variation_texts(self.classification) if self.rules == "nhs" else [],
            _float_texts(self._limit95(self.lcl95)), _float_texts(self._limit95(self.ucl95)),
        ]
        keys: tuple[str, ...] = self._POINT_KEYS
        if self.rules != "nhs":
            keys, texts = keys[:12] + keys[13:], texts[:12] + texts[13:]
        if self.trajectory is not None:
            keys, texts = keys + ("trajectory",), texts + [_float_texts(self.trajectory)]
        return keys, texts

    def _head(self) -> dict:
        return {"chart": self.chart, "rules": self.rules, "direction": self.direction,
                "target": json_float(self.target), "multiply": self.multiply,
                "screen_mr": self.screen_mr, "shift": self.shift, "trend": self.trend}

    def _tail(self) -> dict:
        d: dict = {"parts": [p.to_dict() for p in self.parts], "warnings": list(self.warnings)}
        if self.rules == "nhs":
            d["variation"] = self.variation
            d["assurance"] = self.assurance
        return d

    def to_dict(self) -> dict:
        keys, cols = self._point_columns()
        return {**self._head(), "points": [dict(zip(keys, row)) for row in zip(*cols)], **self._tail()}

    def to_json(self, extra: dict | None = None) -> str:
        """``json.dumps({**self.to_dict(), **extra}, ensure_ascii=False,
        allow_nan=False)``, character for character, written column by column
        so that 100,000 points take a fraction of a second (docs/spc.md)."""
        keys, texts = self._point_texts()
        fields = [f"{_dumps(k)}: %s" for k in keys]
        flags = (self.part, self.included, self.baseline, self.outside_limits, self.bits)
        # cl … signals (fields 3–11), or part … signals (6–11) when the limits vary
        # with n, change together at part and signal boundaries: one text per run
        # of them, so each row fills fewer fields
        for first, columns in ((3, (self.cl, self.lcl, self.ucl) + flags), (6, flags)):
            starts = _common_runs(columns)
            if starts is not None and starts.size * 4 <= len(self):
                merged = np.empty(starts.size, dtype=object)
                merged[:] = [", ".join(f % texts[j][i] for j, f in enumerate(fields[first:12], start=first))
                             for i in starts.tolist()]
                texts[first:12] = [np.repeat(merged, np.diff(np.append(starts, len(self)))).tolist()]
                fields[first:12] = ["%s"]
                break
        template = "{" + ", ".join(fields) + "}"
        points = ", ".join([template % row for row in zip(*texts)])
        head, tail = _dumps(self._head()), _dumps({**self._tail(), **(extra or {})})
        return f"{head[:-1]}, \"points\": [{points}], {tail[1:]}"


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def _same_as_previous(a: np.ndarray) -> np.ndarray:
    """Per point after the first: equal to the point before, as JSON would
    print it (NaN equals NaN; 0.0 and -0.0 differ)."""
    same = a[1:] == a[:-1]
    if a.dtype.kind == "f":
        same = ((same & (np.signbit(a[1:]) == np.signbit(a[:-1])))
                | (np.isnan(a[1:]) & np.isnan(a[:-1])))
    return same


def _common_runs(columns: tuple[np.ndarray, ...]) -> np.ndarray | None:
    """0-based starts of the runs over which every column stays the same."""
    size = columns[0].size
    if size == 0:
        return None
    same = np.ones(size - 1, dtype=bool)
    for a in columns:
        same &= _same_as_previous(a)
    return np.flatnonzero(np.concatenate(([True], ~same)))


def _run_texts(a: np.ndarray, encode) -> list[str] | None:
    """JSON texts of a column with few runs of equal values (centre lines,
    limits, flags, parts), each run encoded once; None when runs are many."""
    if a.size == 0:
        return []
    same = _same_as_previous(a)
    starts = np.flatnonzero(np.concatenate(([True], ~same)))
    if starts.size * 4 > a.size:
        return None
    texts = np.empty(starts.size, dtype=object)
    texts[:] = [encode(v) for v in a[starts].tolist()]
    return np.repeat(texts, np.diff(np.append(starts, a.size))).tolist()


def _float_texts(a: np.ndarray, whole: bool = False) -> list[str]:
    """Numbers as json.dumps writes them (null where not finite; whole
    numbers as integers with ``whole``, as :func:`_counts` gives them)."""
    def one(v: float) -> str:
        return "null" if not math.isfinite(v) else str(int(v)) if whole else repr(v)
    runs = _run_texts(a, one)
    if runs is not None:
        return runs
    values = a.tolist()
    if len(dict.fromkeys(values[:2048])) * 2 <= min(len(values), 2048):  # few distinct values: p limits by n
        distinct = dict.fromkeys(values)
        if len(distinct) * 4 <= len(values) and 0.0 not in distinct:       # 0.0 == -0.0: not as keys
            table = {v: one(v) for v in distinct}
            return list(map(table.__getitem__, values))
    if whole:
        finite = np.isfinite(a)
        if finite.all():
            return list(map(str, a.astype(np.int64).tolist()))
        return list(map(one, a.tolist()))
    return _dumps(_nums(a))[1:-1].split(", ")


def _variation_texts(classification: np.ndarray) -> list[str]:
    table = {c: _dumps(c or None) for c in dict.fromkeys(classification.tolist())}
    return list(map(table.__getitem__, classification.tolist()))


def _bool_texts(a: np.ndarray) -> list[str]:
    runs = _run_texts(a, lambda v: "true" if v else "false")
    return runs if runs is not None else ["true" if v else "false" for v in a.tolist()]


def _label_texts(values: list) -> list[str]:
    """x labels as JSON texts: strings through the C string encoder, numbers
    through one json.dumps of the list (split at its separators: safe for
    numbers, which contain no ", ")."""
    kinds = set(map(type, values))
    if kinds == {str}:
        return list(map(encode_basestring, values))
    if kinds <= {int, float, type(None)}:
        return _dumps(values)[1:-1].split(", ") if values else []
    return [_dumps(v) for v in values]
