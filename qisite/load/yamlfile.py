"""YAML read safely, keeping the line and column of every key and value.

Mappings load as :class:`YMap` and sequences as :class:`YList`: plain ``dict``
and ``list`` subclasses that also remember where each entry stood, so that
validation can point at ``measures.yaml:14:5`` rather than at a key name.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from qisite.problems import Location, Problems


class YMap(dict):
    """A mapping that knows where it, its keys and its values are."""

    where: Location
    key_at: dict
    value_at: dict

    def key_location(self, key) -> Location:
        return self.key_at.get(key, self.where)

    def value_location(self, key) -> Location:
        return self.value_at.get(key, self.key_location(key))


class YList(list):
    """A sequence that knows where it and each of its items are."""

    where: Location
    item_at: list

    def item_location(self, index: int) -> Location:
        return self.item_at[index] if index < len(self.item_at) else self.where


class _LocatingLoader(yaml.SafeLoader):
    """SafeLoader whose containers remember positions; duplicate keys are problems."""

    def __init__(self, stream, path: Path, problems: Problems):
        super().__init__(stream)
        self.path = path
        self.problems = problems

    def location(self, node) -> Location:
        mark = node.start_mark
        return Location(self.path, mark.line + 1, mark.column + 1)


def _construct_map(loader: _LocatingLoader, node) -> YMap:
    loader.flatten_mapping(node)
    result = YMap()
    result.where = loader.location(node)
    result.key_at, result.value_at = {}, {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        key_where = loader.location(key_node)
        try:
            hash(key)
        except TypeError:
            loader.problems.error(key_where, "a key must be a plain word, not a list or mapping",
                                  "write the key as text followed by a colon, e.g. 'title:'")
            continue
        if key in result:
            first = result.key_at[key]
            loader.problems.error(key_where, f"'{key}' appears twice in this mapping (first at line {first.line})",
                                  "keep one of them: YAML would silently use only the last")
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_at[key] = key_where
        result.value_at[key] = loader.location(value_node)
    return result


def _construct_list(loader: _LocatingLoader, node) -> YList:
    result = YList(loader.construct_object(child, deep=True) for child in node.value)
    result.where = loader.location(node)
    result.item_at = [loader.location(child) for child in node.value]
    return result


_LocatingLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_map)
_LocatingLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_list)


def read_yaml(path: Path, problems: Problems):
    """Parse a YAML file; on failure add a located problem and return None."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        problems.error(Location(path), "file not found")
        return None
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        problems.error(Location(path, line), "the file is not UTF-8 text",
                       "save it as UTF-8 (in most editors: File > Save with encoding > UTF-8)")
        return None
    except OSError as exc:
        problems.error(Location(path), f"cannot read the file: {exc.strerror}")
        return None
    loader = _LocatingLoader(text, path, problems)
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Location(path, mark.line + 1, mark.column + 1) if mark else Location(path)
        problems.error(where, f"YAML syntax: {exc.problem or exc.context}", _syntax_hint(exc, text))
        return None
    except yaml.YAMLError as exc:
        problems.error(Location(path), f"YAML: {exc}")
        return None
    finally:
        loader.dispose()


def _syntax_hint(exc: yaml.MarkedYAMLError, text: str) -> str:
    problem = f"{exc.problem} {exc.context}"
    if "tab" in problem or "\t" in text:
        return "indent with spaces, not tabs"
    if "could not determine a constructor" in problem:
        return "tags such as !!python/object are not allowed; write plain values"
    if "mapping values are not allowed" in problem:
        return "a value containing ': ' must be quoted, e.g. title: \"Aim: reduce waits\""
    if "found character '%'" in problem or "found character '@'" in problem or "'`'" in problem:
        return "quote a value that starts with this character"
    return "check the indentation and quoting on this line and the one above"
