"""A small declarative schema: each kind checks a located YAML value, converts
it, reports located problems, and describes itself as JSON Schema.

The records of the folder format are declared once, as the frozen dataclasses
of :mod:`qisite.model`: each field that is a YAML key carries ``key(kind, doc)``
in its metadata, and ``@record(title)`` derives the :class:`Record` that checks
it. That one declaration serves four jobs: the typed objects, validation with
file:line errors, ``qisite schema`` for editors, and the reference tables of
docs/format.md (:mod:`qisite.load.reference`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import math
import re
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from qisite.load.yamlfile import YList, YMap, read_yaml
from qisite.problems import Location, Problems, did_you_mean, one_of
from qisite.slugs import slug as slugify

INVALID = object()  # a value that failed its check (the problem is already reported)
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass
class Context:
    problems: Problems
    vocabulary: dict[str, tuple[str, ...]]


def _type_name(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{str(value).lower()}' (a yes/no value)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return f"'{value}'"


class Kind:
    description = "a value"

    def check(self, value: Any, where: Location, ctx: Context) -> Any:
        raise NotImplementedError

    def json_schema(self, vocabulary: dict[str, tuple[str, ...]]) -> dict:
        raise NotImplementedError

    def wrong(self, value: Any, where: Location, ctx: Context, hint: str = "") -> Any:
        ctx.problems.error(where, f"expected {self.description}, found {_type_name(value)}", hint)
        return INVALID


class Text(Kind):
    description = "text"

    def check(self, value, where, ctx):
        if isinstance(value, bool):
            return self.wrong(value, where, ctx, "YAML reads yes/no/true/false as a yes/no value: put the text in quotes")
        if isinstance(value, (int, float, dt.date)) and not isinstance(value, bool):
            return str(value)
        if not isinstance(value, str):
            return self.wrong(value, where, ctx)
        return value.strip()

    def json_schema(self, vocabulary):
        return {"type": "string"}


class Slug(Kind):
    description = "an id (lower-case letters, digits and hyphens)"

    def check(self, value, where, ctx):
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            return self.wrong(value, where, ctx)
        text = str(value)
        if not SLUG.match(text):
            ctx.problems.error(where, f"'{text}' is not a valid id: use lower-case letters, digits and hyphens",
                               f"for example '{slugify(text)}'")
            return INVALID
        return text

    def json_schema(self, vocabulary):
        return {"type": "string", "pattern": SLUG.pattern}


class Url(Text):
    description = "a web address (https://…)"

    def check(self, value, where, ctx):
        text = super().check(value, where, ctx)
        if text is not INVALID and not re.match(r"^(https?://|mailto:)\S+$", text):
            ctx.problems.error(where, f"'{text}' is not a web address", "start it with https://")
            return INVALID
        return text

    def json_schema(self, vocabulary):
        return {"type": "string", "format": "uri"}


def _refuse_phone(text: str, where: Location, ctx: Context) -> Any:
    from qisite.privacy.identifiers import looks_like_phone

    if looks_like_phone(text):
        ctx.problems.error(where, f"'{text}' looks like a phone number, and qisite never publishes phone numbers",
                           "give the team's shared mailbox (e.g. qi-team@example.nhs.uk) or a link to its contact "
                           "page instead")
        return INVALID
    return text


class Email(Text):
    """A mailbox address (a team's shared inbox), never a phone number."""

    description = "an email address (name@example.org)"

    def check(self, value, where, ctx):
        text = super().check(value, where, ctx)
        if text is INVALID or _refuse_phone(text, where, ctx) is INVALID:
            return INVALID
        address = text.removeprefix("mailto:")
        if not re.match(r"^[^@\s<>\"'()\[\],;:]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$", address):
            ctx.problems.error(where, f"'{text}' is not an email address", "write it as name@example.org, e.g. "
                               "the team's shared mailbox")
            return INVALID
        return address

    def json_schema(self, vocabulary):
        return {"type": "string", "format": "email"}


class WebPage(Text):
    """A web page's address (https:// or http://), never a phone number or a tel: link."""

    description = "a web page's address (https://…)"

    def check(self, value, where, ctx):
        text = super().check(value, where, ctx)
        if text is INVALID or _refuse_phone(text, where, ctx) is INVALID:
            return INVALID
        if not re.match(r"^https?://[^\s/?#]+\.[^\s]*$", text):
            ctx.problems.error(where, f"'{text}' is not a web page's address", "start it with https://")
            return INVALID
        return text

    def json_schema(self, vocabulary):
        return {"type": "string", "format": "uri", "pattern": "^https?://"}


class Date(Kind):
    description = "a date written YYYY-MM-DD"

    def check(self, value, where, ctx):
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        return self.wrong(value, where, ctx, "dates in YAML files are written year-month-day, e.g. 2021-03-31")

    def json_schema(self, vocabulary):
        return {"type": "string", "format": "date"}


class Number(Kind):
    description = "a number"

    def check(self, value, where, ctx):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            hint = "write a plain number such as 70 or 0.5, with no words or units; leave the key out if it is not known yet"
            if isinstance(value, str) and value.strip().endswith("%"):
                hint = "write the number without the % sign, in the measure's units"
            return self.wrong(value, where, ctx, hint)
        try:
            number = float(value)
        except OverflowError:
            number = math.inf
        if not math.isfinite(number):
            return self.wrong(value, where, ctx, "write an ordinary number such as 70 or 0.5")
        return number

    def json_schema(self, vocabulary):
        return {"type": "number"}


class Count(Kind):
    description = "a whole number of points"

    def __init__(self, minimum: int = 1):
        self.minimum = minimum
        if minimum > 1:
            self.description = f"a whole number of points, at least {minimum}"

    def check(self, value, where, ctx):
        if isinstance(value, bool) or not isinstance(value, int) or value < self.minimum:
            return self.wrong(value, where, ctx)
        return value

    def json_schema(self, vocabulary):
        return {"type": "integer", "minimum": self.minimum}


class Boolean(Kind):
    description = "true or false"

    def check(self, value, where, ctx):
        if not isinstance(value, bool):
            return self.wrong(value, where, ctx)
        return value

    def json_schema(self, vocabulary):
        return {"type": "boolean"}


class Choice(Kind):
    """One of fixed values, or of a vocabulary from site.yaml."""

    def __init__(self, values: tuple[str, ...] = (), vocabulary: str | None = None):
        self.values, self.vocabulary = values, vocabulary
        # set once here (values and vocabulary never change after construction), like the other kinds
        self.description = (f"one of the {vocabulary.replace('_', ' ')} in site.yaml" if vocabulary
                            else f"one of {one_of(values)}")

    def allowed(self, vocabulary) -> tuple[str, ...]:
        return vocabulary.get(self.vocabulary, ()) if self.vocabulary else self.values

    def check(self, value, where, ctx):
        allowed = self.allowed(ctx.vocabulary)
        if isinstance(value, str) and value.strip() in allowed:
            return value.strip()
        hint = _close_choice(value, allowed) or did_you_mean(value, allowed)
        message = f"{_type_name(value)} is not allowed here: expected one of {one_of(allowed)}"
        if self.vocabulary:
            hint = (hint + " " if hint else "") + f"(a network can add to the {self.vocabulary.replace('_', ' ')} in site.yaml)"
        ctx.problems.error(where, message, hint)
        return INVALID

    def json_schema(self, vocabulary):
        return {"type": "string", "enum": list(self.allowed(vocabulary))}


# Words teams use for a choice, and the choice they mean.
_SYNONYMS = {
    "xmr": ("i", "an XmR or I-MR chart is an i chart"), "imr": ("i", "an XmR or I-MR chart is an i chart"),
    "i-mr": ("i", "an XmR or I-MR chart is an i chart"), "individuals": ("i", ""),
    "up": ("increase", ""), "higher": ("increase", ""), "down": ("decrease", ""), "lower": ("decrease", ""),
}


def _close_choice(value: Any, allowed: tuple[str, ...]) -> str:
    """'did you mean' where difflib is no help: Outcome → outcome, P → p,
    p-chart → p (difflib says pareto), XmR → i, up → increase."""
    if not isinstance(value, str):
        return ""
    word = value.strip().lower()
    plain = re.sub(r"[\s_-]*chart$", "", word)
    if word in allowed:
        return f"did you mean '{word}'? (ids are lower case)"
    if plain in allowed:
        return f"did you mean '{plain}'?"
    meant, why = _SYNONYMS.get(plain, ("", ""))
    if meant in allowed:
        return f"did you mean '{meant}'?" + (f" ({why})" if why else "")
    return ""


class Either(Kind):
    """The first of several kinds that accepts the value, tried silently."""

    def __init__(self, *kinds: Kind):
        self.kinds = kinds
        self.description = " or ".join(k.description for k in kinds)

    def check(self, value, where, ctx):
        hints = []
        for kind in self.kinds:
            trial = Context(Problems(), ctx.vocabulary)
            result = kind.check(value, where, trial)
            if result is not INVALID:
                return result
            hints += [p.hint for p in trial.problems if p.hint]
        return self.wrong(value, where, ctx, hints[0] if hints else "")

    def json_schema(self, vocabulary):
        return {"anyOf": [k.json_schema(vocabulary) for k in self.kinds]}


class ListOf(Kind):
    def __init__(self, item: Kind, unique_ids: bool = False):
        self.item, self.unique_ids = item, unique_ids
        self.description = "a list"

    def check(self, value, where, ctx):
        if not isinstance(value, list):
            hint = f"write a list, e.g. [{value}]" if isinstance(value, (str, int, float)) and not isinstance(value, bool) else "start each item on its own line with '- '"
            return self.wrong(value, where, ctx, hint)
        results: list[Any] = []
        seen: dict[Any, Location] = {}
        for index, item in enumerate(value):
            item_where = value.item_location(index) if isinstance(value, YList) else where
            checked = self.item.check(item, item_where, ctx)
            if checked is INVALID:
                continue
            if self.unique_ids:
                key = getattr(checked, "id", checked)
                if key in seen:
                    ctx.problems.error(item_where, f"'{key}' is listed twice (first at line {seen[key].line})",
                                       "ids must be unique: rename or remove one")
                    continue
                seen[key] = item_where
            results.append(checked)
        return tuple(results)

    def json_schema(self, vocabulary):
        return {"type": "array", "items": self.item.json_schema(vocabulary)}


@dataclass(frozen=True)
class Positions:
    """Where an object and each of its fields stand in their file."""

    where: Location
    fields: tuple[tuple[str, Location], ...] = ()

    def of(self, name: str, index: int | None = None) -> Location:
        """Where field ``name`` (or item ``index`` of that list field) was written."""
        spots = dict(self.fields)
        if index is not None and f"{name}[{index}]" in spots:
            return spots[f"{name}[{index}]"]
        return spots.get(name, self.where)

    def __eq__(self, other: object) -> bool:   # (packed or not: the same places are equal)
        if not isinstance(other, Positions):
            return NotImplemented
        return (self.where, tuple(self.fields)) == (other.where, tuple(other.fields))

    def __hash__(self) -> int:
        return hash((self.where, tuple(self.fields)))

    def __repr__(self) -> str:   # (packed or not: it reads the same)
        return f"Positions(where={self.where!r}, fields={tuple(self.fields)!r})"

    def __reduce__(self):
        """Pickled compactly (a build reads every project's records back): the file once, the field
        names in one string and every line and column in one array (:class:`_PackedPositions`)."""
        if not all(spot.file == self.where.file for _, spot in self.fields):
            return Positions, (self.where, self.fields)
        numbers = array("l", [self.where.line, self.where.column])
        numbers.extend(n for _, spot in self.fields for n in (spot.line, spot.column))
        return _PackedPositions, (str(self.where.file), "\n".join(name for name, _ in self.fields), numbers.tobytes())


class _PackedPositions(Positions):
    """Positions as unpickled: one object holding them packed, made into Locations when first asked for
    (most never are: they only say where a problem is)."""

    __slots__ = ("_made", "_packed")
    _packed: tuple[str, str, bytes]   # the file as text: a Path is made only when a place is asked for
    _made: tuple[Location, tuple[tuple[str, Location], ...]] | None

    def __init__(self, file: str, names: str, numbers: bytes):   # (not the dataclass's: nothing to check)
        object.__setattr__(self, "_packed", (file, names, numbers))
        object.__setattr__(self, "_made", None)

    def _unpacked(self) -> tuple[Location, tuple[tuple[str, Location], ...]]:
        if self._made is not None:
            return self._made
        file, names, raw = Path(self._packed[0]), self._packed[1], self._packed[2]
        numbers = array("l")
        numbers.frombytes(raw)
        spots = tuple((name, Location(file, numbers[2 * i + 2], numbers[2 * i + 3]))
                      for i, name in enumerate(names.split("\n") if names else ()))
        made = (Location(file, numbers[0], numbers[1]), spots)
        object.__setattr__(self, "_made", made)
        return made

    @property
    def where(self) -> Location:
        return self._unpacked()[0]

    @property
    def fields(self) -> tuple[tuple[str, Location], ...]:
        return self._unpacked()[1]

    def __reduce__(self):
        return _PackedPositions, self._packed


@dataclass(frozen=True)
class Field:
    name: str
    kind: Kind
    required: bool = False
    doc: str = ""
    default: Any = None


def key(kind: Kind, doc: str, required: bool | None = None) -> dict[str, Any]:
    """The metadata that makes a dataclass field a key of a YAML record.

    ``kind`` checks and converts the value, ``doc`` is its one-line meaning (in
    messages, the JSON Schema and docs/format.md). A key is required when the
    field has no default, unless ``required`` says otherwise.
    """
    return {"kind": kind, "doc": doc, "required": required}


Model = TypeVar("Model")
_RECORDS: dict[type, Record] = {}


def record(title: str) -> Callable[[type[Model]], type[Model]]:
    """Class decorator: derive the Record of a dataclass from its ``key`` fields.

    ``title`` names the record in messages ("'statement' is required in the aim").
    A declaration the dataclass cannot hold raises here, at import time.
    """
    def derive(model: type[Model]) -> type[Model]:
        _RECORDS[model] = Record(title, declared_fields(model), build=model)
        return model
    return derive


def record_of(model: type) -> Record:
    """The Record derived by ``@record`` for a model class."""
    try:
        return _RECORDS[model]
    except KeyError:
        raise TypeError(f"{model.__name__} is not declared with @record") from None


def declared_fields(model: type) -> list[Field]:
    """The YAML keys a dataclass declares (fields with ``key`` metadata), in order."""
    fields = []
    for spec in dataclasses.fields(model):
        if "kind" not in spec.metadata:
            continue
        if spec.default_factory is not dataclasses.MISSING:
            raise TypeError(f"{model.__name__}.{spec.name}: a YAML key takes a plain default, not a factory")
        has_default = spec.default is not dataclasses.MISSING
        required = spec.metadata["required"]
        fields.append(Field(spec.name, spec.metadata["kind"], (not has_default) if required is None else required,
                            spec.metadata["doc"], spec.default if has_default else None))
    return fields


class Record(Kind):
    """A mapping with known keys; unknown keys are errors with a suggestion."""

    def __init__(self, title: str, fields: list[Field], build: type | None = None):
        self.title, self.fields, self.build = title, {f.name: f for f in fields}, build
        self.description = f"a mapping ({title})"
        self.complete = build is None or self._check_model(build)

    def _check_model(self, model: type) -> bool:
        """Refuse a declared key the model has no field for (it would be lost);
        True when the record alone can build the model, False when its loader
        must add fields that are not keys of the file (a project's folder)."""
        init = {f.name: f for f in dataclasses.fields(model) if f.init}
        lost = [name for name in self.fields if name not in init]
        if lost:
            raise TypeError(f"{self.title}: {model.__name__} has no field for the declared key(s) {', '.join(lost)}")
        return all(name in self.fields or spec.default is not dataclasses.MISSING
                   or spec.default_factory is not dataclasses.MISSING for name, spec in init.items())

    def check(self, value, where, ctx):
        if not isinstance(value, dict):
            return self.wrong(value, where, ctx, self._mapping_hint(value))
        values, bad = {}, False
        misspelt = self._check_unknown_keys(value, where, ctx)
        for name, spec in self.fields.items():
            raw = value.get(name)
            loc = value.value_location(name) if isinstance(value, YMap) and name in value else where
            if raw is None or (isinstance(raw, str) and not raw.strip()):
                if spec.required and not (name in misspelt and name not in value):  # "did you mean" said it already
                    ctx.problems.error(loc, f"'{name}' is required in {self.title}" + (" but is empty" if name in value else ""),
                                       spec.doc and f"{name}: {spec.doc}")
                bad = bad or spec.required
                values[name] = spec.default
                continue
            checked = spec.kind.check(raw, loc, ctx)
            if checked is INVALID:
                bad = bad or spec.required
                values[name] = spec.default
            else:
                values[name] = checked
        if bad:
            return INVALID
        return self._build(values, value, where)

    def _check_unknown_keys(self, value, where, ctx) -> set:
        """Report keys not in the record; return the field names they look like."""
        misspelt = set()
        for key in value:
            if key not in self.fields:
                loc = value.key_location(key) if isinstance(value, YMap) else where
                close = difflib.get_close_matches(str(key), list(self.fields), n=1, cutoff=0.6)
                misspelt.update(close)
                hint = did_you_mean(key, self.fields) or f"the keys allowed here are {one_of(self.fields)}"
                ctx.problems.error(loc, f"unknown key '{key}' in {self.title}", hint)
        return misspelt

    def _mapping_hint(self, value) -> str:
        required = [n for n, f in self.fields.items() if f.required]
        lists = [n for n in required if isinstance(self.fields[n].kind, ListOf)]
        if isinstance(value, list) and len(lists) == 1:
            return f"start with the line '{lists[0]}:' and indent the list under it"
        if isinstance(value, str) and required and isinstance(self.fields[required[0]].kind, Text):
            return f"write it on the next line, indented, as '{required[0]}: {value[:30]}{'…' if len(value) > 30 else ''}'"
        return f"expected keys such as {one_of(list(self.fields)[:4])}"

    def _build(self, values, raw, where):
        """The model object; the checked values by name (with ``at``, where each was
        written) when the loader completes it."""
        if self.build is None:
            return values
        if "at" in {f.name for f in dataclasses.fields(self.build)}:
            values["at"] = Positions(where, tuple(_spots(raw)))
        return self.build(**values) if self.complete else values

    def json_schema(self, vocabulary):
        properties = {}
        for name, spec in self.fields.items():
            schema = spec.kind.json_schema(vocabulary)
            if not spec.required:  # an optional key may be left empty (``n: null``)
                schema = {"anyOf": [schema, {"type": "null"}]}
            properties[name] = {**schema, "description": spec.doc} if spec.doc else schema
        return {
            "type": "object",
            "title": self.title,
            "properties": properties,
            "required": [n for n, s in self.fields.items() if s.required],
            "additionalProperties": False,
        }


def _spots(raw) -> list:
    """Where each field, and each item of a list field, was written."""
    if not isinstance(raw, YMap):
        return []
    spots = []
    for key, value in raw.items():
        spots.append((key, raw.value_location(key)))
        if isinstance(value, YList):
            spots.extend((f"{key}[{i}]", value.item_location(i)) for i in range(len(value)))
    return spots


def read_record(path: Path, record: Record, ctx: Context):
    """Read a YAML file and check it against a record; None if unusable."""
    before = len(ctx.problems)
    raw = read_yaml(path, ctx.problems)
    if raw is None:
        if len(ctx.problems) == before:
            ctx.problems.error(Location(path, 1), f"{path.name} is empty",
                               f"it needs at least these keys: {one_of(n for n, f in record.fields.items() if f.required)}")
        return None
    result = record.check(raw, getattr(raw, "where", Location(path, 1)), ctx)
    return None if result is INVALID else result
