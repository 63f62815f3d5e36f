"""Slugs: the readable, bounded and unique names that pages have in the site's URLs.

:func:`slug` turns any text into lower-case ASCII letters, digits and hyphens:

- letters of other scripts are transliterated by anyascii (ISC licence; every
  script Unicode has, character by character): "Νοσοκομείο Αθηνών" →
  ``nosokomeio-athinon``, "北京协和医院" → ``bei-jing-xie-he-yi-yuan``,
  "مستشفى الملك فهد" → ``mstshfa-lmlk-fhd``, "Ysbyty Gŵyr" → ``ysbyty-gwyr``;
- what has no letter or digit left (punctuation, or symbols no script reads)
  becomes a short hash of the text, so it is still stable and distinct;
- a slug is at most :data:`MAX_LENGTH` characters: a longer one is cut at a
  word and ends in a short hash of the whole text, so two long names that
  start alike stay apart.

:class:`SlugRegistry` hands out one slug per name in each namespace (a folder
of the site such as ``teams``) so that different names never share a URL.
Names whose slugs collide ("A&B Trust" and "A B Trust" both read ``a-b-trust``)
each get a short hash of their own text as a suffix; the result depends only
on the set of names, not on their order, and is the same in every build. Each
such collision is kept as a :class:`Clash` for the build to report.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from anyascii import anyascii

MAX_LENGTH = 64
HASH_LENGTH = 6
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def short_hash(text: str, length: int = HASH_LENGTH) -> str:
    """The first ``length`` hex digits of the SHA-256 of the text (NFC, so any
    spelling of the same characters hashes alike)."""
    return hashlib.sha256(unicodedata.normalize("NFC", str(text)).encode("utf-8")).hexdigest()[:length]


def transliterate(text: str) -> str:
    """The text in ASCII; a Chinese character (a CJK ideograph, a syllable of its
    own) becomes a word of its own, so the name reads as pinyin."""
    out = []
    for character in unicodedata.normalize("NFC", str(text)):
        if character.isascii():
            out.append(character)
            continue
        latin = anyascii(character)
        ideograph = unicodedata.name(character, "").startswith("CJK ") and latin[:1].isupper()
        out.append(f" {latin} " if ideograph else latin)
    return "".join(out)


def slug(text: str, max_length: int = MAX_LENGTH) -> str:
    """Lower-case ASCII letters, digits and hyphens; at most ``max_length`` characters; never empty."""
    words = _NOT_SLUG.sub("-", transliterate(text).lower()).strip("-")
    if not words:
        return short_hash(text)
    if len(words) <= max_length:
        return words
    return with_suffix(words, short_hash(text), max_length)


def with_suffix(base: str, suffix: str, max_length: int = MAX_LENGTH) -> str:
    """``base-suffix`` within ``max_length``: the base is cut, at a hyphen where one is near."""
    room = max_length - len(suffix) - 1
    cut = base[:room]
    if len(base) > room and "-" in cut[room // 2:]:
        cut = cut[:cut.rindex("-")]
    cut = cut.strip("-")
    return f"{cut}-{suffix}" if cut else suffix


@dataclass(frozen=True)
class Clash:
    """Different names whose slugs were the same, and the slug each got instead."""

    namespace: str
    slug: str
    given: tuple[tuple[str, str], ...]  # (name, its slug), by name

    def message(self) -> str:
        quoted = [f"'{name}'" for name, _ in self.given]
        names = ", ".join(quoted[:-1]) + " and " + quoted[-1]
        instead = ", ".join(f"{slug!r}" for _, slug in self.given)
        text = f"{names} would share the address {self.namespace}/{self.slug}/, so each gets its own: {instead}"
        look_alikes = [name for name, _ in self.given if foreign_letters(name)]
        if look_alikes and len({anyascii(unicodedata.normalize("NFKC", name)).casefold() for name, _ in self.given}) == 1:
            letters = ", ".join(foreign_letters(look_alikes[0])[:3])
            text += f" — they look alike, but '{look_alikes[0]}' uses letters of another script ({letters})"
        return text


def foreign_letters(name: str) -> list[str]:
    """Letters of ``name`` outside the Latin script that read like Latin ones once
    transliterated (a Cyrillic 'а' for 'a'): how a look-alike (homoglyph) name is made."""
    found = []
    for char in unicodedata.normalize("NFKC", name):
        if char.isalpha() and not unicodedata.name(char, "").startswith("LATIN") and anyascii(char).isalpha() \
                and len(anyascii(char)) == 1:
            found.append(f"{unicodedata.name(char, char).title()} '{char}'")
    return found


class SlugRegistry:
    """One slug per name in each namespace; different names never share one.

    Add every name first (:meth:`add`), then ask (:meth:`slug`): the slugs are
    worked out once, over all names, on the first question.
    """

    def __init__(self, max_length: int = MAX_LENGTH):
        self.max_length = max_length
        self._names: dict[str, set[str]] = defaultdict(set)
        self._slugs: dict[str, dict[str, str]] | None = None
        self._clashes: tuple[Clash, ...] = ()

    def add(self, namespace: str, name: str) -> None:
        if self._slugs is not None:
            raise RuntimeError("SlugRegistry.add after the slugs were handed out: add every name first")
        self._names[namespace].add(name)

    def add_all(self, namespace: str, names: Iterable[str]) -> SlugRegistry:
        for name in names:
            self.add(namespace, name)
        return self

    def slug(self, namespace: str, name: str) -> str:
        slugs = self._allocated().get(namespace, {})
        if name not in slugs:
            raise KeyError(f"{name!r} was never added to the {namespace!r} slugs")
        return slugs[name]

    @property
    def clashes(self) -> tuple[Clash, ...]:
        self._allocated()
        return self._clashes

    def _allocated(self) -> dict[str, dict[str, str]]:
        if self._slugs is None:
            self._slugs, clashes = {}, []
            for namespace in sorted(self._names):
                self._slugs[namespace], found = allocate(self._names[namespace], self.max_length)
                clashes += [Clash(namespace, shared, given) for shared, given in found]
            self._clashes = tuple(clashes)
        return self._slugs


def allocate(names: Iterable[str], max_length: int = MAX_LENGTH) -> tuple[dict[str, str], list]:
    """name → a slug no other name has, and [(shared slug, ((name, slug given), …))] for each collision.

    A name whose slug is its own keeps it. Names that collide each get
    ``slug-<hash of the name>``, the hash lengthened until it is free: so the
    outcome depends on the set of names only.
    """
    by_slug: dict[str, list[str]] = defaultdict(list)
    for name in sorted(set(names)):
        by_slug[slug(name, max_length)].append(name)
    given = {members[0]: shared for shared, members in by_slug.items() if len(members) == 1}
    taken = set(given.values())
    clashes = []
    for shared, members in sorted(by_slug.items()):
        if len(members) == 1:
            continue
        for name in members:
            length = HASH_LENGTH
            candidate = with_suffix(shared, short_hash(name, length), max_length)
            while candidate in taken:
                length += 2
                candidate = with_suffix(shared, short_hash(name, length), max_length)
            given[name] = candidate
            taken.add(candidate)
        clashes.append((shared, tuple((name, given[name]) for name in members)))
    return given, clashes
