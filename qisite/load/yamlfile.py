"""YAML read safely, keeping the line and column of every key and value.

Mappings load as :class:`YMap` and sequences as :class:`YList`: plain ``dict``
and ``list`` subclasses that also remember where each entry stood, so that
validation can point at ``measures.yaml:14:5`` rather than at a key name.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from qisite.load.files import FileRefusedError, limit_from_environment, read_inside
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


if TYPE_CHECKING:  # the mixin is only ever combined with a SafeLoader; CSafeLoader exists only with libyaml
    _LoaderBase = yaml.SafeLoader
    _FastBase = yaml.SafeLoader
else:
    _LoaderBase = object
    _FastBase = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Locating(_LoaderBase):
    """A safe loader whose containers remember positions; duplicate keys are problems."""

    def __init__(self, stream, path: Path, problems: Problems):
        super().__init__(stream)
        self.path = path
        self.problems = problems

    def location(self, node) -> Location:
        mark = node.start_mark
        return Location(self.path, mark.line + 1, mark.column + 1)


class _LocatingLoader(_Locating, yaml.SafeLoader):
    """Pure Python: slow, but its error marks are the ones the messages below are written for."""


class _FastLocatingLoader(_Locating, _FastBase):
    """libyaml's parser (when PyYAML has it): several times faster on valid files."""


def _construct_map(loader: _LocatingLoader, node) -> YMap:
    own = sum(1 for key_node, _ in node.value if key_node.tag != _MERGE_TAG)
    loader.flatten_mapping(node)
    inherited = len(node.value) - own  # pairs merged in from '<<: *anchor' come first
    result = YMap()
    result.where = loader.location(node)
    result.key_at, result.value_at = {}, {}
    own_keys = set()
    for index, (key_node, value_node) in enumerate(node.value):
        key = loader.construct_object(key_node, deep=True)
        key_where = loader.location(key_node)
        try:
            hash(key)
        except TypeError:
            loader.problems.error(key_where, "a key must be a plain word, not a list or mapping",
                                  "write the key as text followed by a colon, e.g. 'title:'")
            continue
        if index >= inherited:
            if key in own_keys:
                first = result.key_at[key]
                loader.problems.error(key_where, f"'{key}' appears twice in this mapping (first at line {first.line})",
                                      "keep one of them: YAML would silently use only the last")
            own_keys.add(key)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_at[key] = key_where
        result.value_at[key] = _value_location(loader, key_node, value_node)
    return result


def _value_location(loader: _LocatingLoader, key_node, value_node) -> Location:
    """Where a value is; for a block list or mapping under its key, the key's line."""
    starts_below = value_node.start_mark.line > key_node.start_mark.line
    if isinstance(value_node, (yaml.MappingNode, yaml.SequenceNode)) and not value_node.flow_style and starts_below:
        return loader.location(key_node)
    return loader.location(value_node)


def _construct_list(loader: _LocatingLoader, node) -> YList:
    result = YList(loader.construct_object(child, deep=True) for child in node.value)
    result.where = loader.location(node)
    result.item_at = [loader.location(child) for child in node.value]
    return result


def _construct_timestamp(loader: _LocatingLoader, node):
    """A date as YAML reads it; one that only looks like a date (2024-13-40) stays text,
    so the key's kind reports it where it is ("not a date") instead of the parser failing."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_MERGE_TAG = "tag:yaml.org,2002:merge"
for _loader in (_LocatingLoader, _FastLocatingLoader):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_map)
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_list)
    _loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def read_yaml(path: Path, problems: Problems, inside: Path | None = None):
    """Parse a YAML file; on failure add a located problem and return None.

    The file must lie inside ``inside`` (by default its own folder) once links
    are followed, be a regular file within the size limit, and stay within the
    nesting and alias-expansion limits (see :mod:`qisite.load.files`)."""
    try:
        data = read_inside(path, path.parent if inside is None else inside)
        text = data.decode("utf-8-sig")
    except FileNotFoundError:
        problems.error(Location(path), "file not found")
        return None
    except FileRefusedError as refused:
        problems.error(Location(path), refused.message, refused.hint)
        return None
    except UnicodeDecodeError as exc:
        line, column, message = _not_utf8(data, exc.start)
        problems.error(Location(path, line, column), message,
                       "save it as UTF-8 (in most editors: File > Save with encoding > UTF-8)")
        return None
    except OSError as exc:
        problems.error(Location(path), f"cannot read the file: {exc.strerror}")
        return None
    fast = _parse_fast(text, path)
    if fast is not None:
        data, found = fast
        problems.extend(found)
        return data
    loader = _LocatingLoader(text, path, problems)
    try:
        return _bounded_data(loader, path)
    except yaml.MarkedYAMLError as exc:
        line, column, message, hint = _syntax_problem(exc, text)
        problems.error(Location(path, line, column), f"YAML syntax: {message}", hint)
        return None
    except yaml.YAMLError as exc:
        problems.error(Location(path), f"YAML: {exc}")
        return None
    except _TooLargeError as exc:
        problems.error(exc.where, exc.message, exc.hint)
        return None
    except RecursionError:
        limit = max_depth()
        problems.error(Location(path), f"the file nests lists and mappings too deeply (the limit is {limit} levels)",
                       _DEPTH_HINT)
        return None
    finally:
        loader.dispose()


MAX_DEPTH_VARIABLE = "QISITE_MAX_YAML_DEPTH"
DEFAULT_MAX_DEPTH = 50
MAX_ALIAS_NODES_VARIABLE = "QISITE_MAX_YAML_ALIAS_NODES"
DEFAULT_MAX_ALIAS_NODES = 100_000
_DEPTH_HINT = (f"qisite's files need a few levels; flatten the structure, or raise the limit with the "
               f"environment variable {MAX_DEPTH_VARIABLE}")


def max_depth() -> int:
    return limit_from_environment(MAX_DEPTH_VARIABLE, DEFAULT_MAX_DEPTH)


class _TooLargeError(Exception):
    """A document over the nesting or alias-expansion limit."""

    def __init__(self, where: Location, message: str, hint: str):
        super().__init__(message)
        self.where, self.message, self.hint = where, message, hint


def _bounded_data(loader, path: Path):
    """The document, built only after its node graph is checked against the limits:
    aliases share nodes, so a 'billion laughs' file is small until it is expanded."""
    node = loader.get_single_node()
    if node is None:
        return None
    _check_bounds(node, path)
    return loader.construct_document(node)


def _check_bounds(root, path: Path) -> None:
    """Nesting depth and the number of nodes once every alias is expanded, without recursion."""
    depth_limit = max_depth()
    if _plain_tree_within(root, path, depth_limit):   # no node reached twice: no alias to expand
        return
    alias_limit = limit_from_environment(MAX_ALIAS_NODES_VARIABLE, DEFAULT_MAX_ALIAS_NODES)
    depth: dict[int, int] = {}
    expanded: dict[int, int] = {}
    stack = [(root, 1, False)]
    while stack:
        node, level, children_done = stack.pop()
        if level > depth_limit:
            raise _too_deep(node, path, depth_limit)
        children = _children(node)
        if children_done:
            depth[id(node)] = 1 + max((depth[id(c)] for c in children), default=0)
            expanded[id(node)] = 1 + sum(expanded[id(c)] for c in children)
            continue
        if id(node) in expanded:
            continue
        stack.append((node, level, True))
        stack.extend((child, level + 1, False) for child in children if id(child) not in expanded)
    distinct = len(expanded)
    if expanded[id(root)] - distinct > alias_limit:
        raise _TooLargeError(Location(path, 1), f"the file's aliases ('*name') expand to {expanded[id(root)]:,} values, "
                        f"more than the limit of {alias_limit:,} beyond the file's own",
                        f"write the values out instead of repeating aliases, or raise the limit with the environment "
                        f"variable {MAX_ALIAS_NODES_VARIABLE}")


def _plain_tree_within(root, path: Path, depth_limit: int) -> bool:
    """Whether the node graph is a plain tree (every node reached once: the file has no alias), its
    depth checked on the way; False as soon as a node is reached again (then :func:`_check_bounds`
    counts what the aliases expand to). One visit a node: most files have no alias."""
    seen: set[int] = set()
    stack = [(root, 1)]
    while stack:
        node, level = stack.pop()
        if id(node) in seen:
            return False
        seen.add(id(node))
        if level > depth_limit:
            raise _too_deep(node, path, depth_limit)
        stack.extend((child, level + 1) for child in _children(node))
    return True


def _too_deep(node, path: Path, depth_limit: int) -> _TooLargeError:
    mark = node.start_mark
    return _TooLargeError(Location(path, mark.line + 1, mark.column + 1),
                          f"the file nests lists and mappings more than {depth_limit} levels deep", _DEPTH_HINT)


def _children(node) -> list:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _parse_fast(text: str, path: Path):
    """(data, problems) from libyaml, or None when the file has a syntax error (the
    pure-Python parser then reports it, with the marks our messages are written for)."""
    found = Problems()
    loader = _FastLocatingLoader(text, path, found)
    try:
        return _bounded_data(loader, path), found.items
    except _TooLargeError as exc:
        found.error(exc.where, exc.message, exc.hint)
        return None, found.items
    except RecursionError:
        found.error(Location(path), f"the file nests lists and mappings too deeply (the limit is {max_depth()} levels)",
                    _DEPTH_HINT)
        return None, found.items
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()


def _not_utf8(data: bytes, start: int) -> tuple[int, int, str]:
    """Where the first non-UTF-8 byte is, and what it probably is."""
    line = data[:start].count(b"\n") + 1
    column = len(data[data.rfind(b"\n", 0, start) + 1: start].decode("utf-8", errors="replace")) + 1
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return 1, 0, "the file is not UTF-8 text: it is saved as UTF-16 ('Unicode')"
    char = data[start: start + 1].decode("cp1252", errors="replace")
    if char.isprintable() and char != "\ufffd":
        return line, column, f"the file is not UTF-8 text: '{char}' here is saved in another encoding (probably Windows-1252)"
    return line, column, f"the file is not UTF-8 text: byte 0x{data[start]:02x} here"


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str, str]:
    """Line, column, message and hint for a syntax error, placed at the real mistake.

    PyYAML notices many mistakes only lines later (an unclosed quote at the end
    of the file, a missing ']' on the next key); point at where they began.
    """
    problem, context = exc.problem or "", exc.context or ""
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    opened = exc.context_mark
    if "quoted scalar" in context and opened:
        return (opened.line + 1, opened.column + 1, "a quote mark opened here is never closed",
                "add the closing quote mark at the end of the value, or remove the opening one")
    runaway = _runaway_quote(text, mark)
    if runaway:
        start, end = runaway
        return (start.line + 1, start.column + 1,
                f"a quote mark opened here is not closed on this line, so the value runs on to line {end.line + 1}",
                "close the quote at the end of the value; to use an apostrophe inside, put the whole value in double quotes")
    if context.startswith("while parsing a flow") and opened:
        pair = "[]" if "sequence" in context else "{}"
        return (opened.line + 1, opened.column + 1, f"'{pair[0]}' opened here is not closed with '{pair[1]}'",
                "close it on the same line, e.g. [first, second]" if pair == "[]" else "close it on the same line")
    message, hint = _explain(problem, context, _line_text(text, mark), mark)
    return line, column, message, hint


def _line_text(text: str, mark) -> str:
    lines = text.splitlines()
    return lines[mark.line] if mark and mark.line < len(lines) else ""


def _runaway_quote(text: str, mark):
    """A quoted value that spans lines and closes on the error's line, if any: the
    quote mark it opened with was meant to be closed on its own line."""
    if mark is None:
        return None
    found = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.line >= mark.line:
                break
            if (isinstance(token, yaml.ScalarToken) and token.style in ("'", '"')
                    and token.start_mark.line < token.end_mark.line == mark.line):
                found = (token.start_mark, token.end_mark)
    except yaml.YAMLError:
        pass
    return found


def _explain(problem: str, context: str, line: str, mark) -> tuple[str, str]:
    """Plain words for PyYAML's messages, and a hint saying how to fix the line."""
    before = line[: mark.column] if mark else ""
    if "'\\t'" in problem or (line[: len(line) - len(line.lstrip())].count("\t")):
        return "a tab character is used for indentation", "indent with spaces, not tabs"
    if "could not determine a constructor" in problem:
        tag = re.sub(r"^tag:yaml\.org,2002:", "!!", problem.split("for the tag", 1)[-1].strip(" '"))
        return f"the tag '{tag}' is not allowed: qisite reads plain YAML only", \
            "tags such as !!python/object are not allowed; write plain values"
    if "mapping values are not allowed" in problem:
        if ": " in before.strip() or before.rstrip().endswith(":"):
            return "a value contains ': ', which YAML reads as the start of another key", \
                'a value containing \': \' must be quoted, e.g. title: "Aim: reduce waits"'
        return "this line runs on from the line above", \
            "check that the line above is a complete 'key: value' and that this line is indented like the keys around it"
    if "but found '<block mapping start>'" in problem:
        return "this line is indented differently from the lines above it", \
            "keys of the same mapping must start in the same column; indent with spaces"
    if "but found '<scalar>'" in problem and re.search(r":\s+['\"]", before):
        return "text follows the closing quote mark of a value", \
            "a value that starts with a quote mark must end with it: quote the whole value, and use double quotes if it has an apostrophe"
    if "another document" in problem:
        return "a line '---' starts a second document, and a qisite file holds one", \
            "remove the '---' line, or move what follows it into the right file"
    if "undefined alias" in problem:
        return problem.replace("found undefined alias", "'*' names an anchor that is not defined:"), \
            "define the anchor with '&name' above, or quote a value that starts with '*'"
    if "that cannot start any token" in problem:
        return problem.replace("found character", "a value cannot start with the character").replace(" that cannot start any token", ""), \
            "quote a value that starts with this character"
    if problem.startswith("expected <block end>"):
        return "this line does not fit the structure of the lines above it", \
            "check the indentation of this line and the one above, and that each item of a list starts with '- '"
    return f"{context + ', ' if context else ''}{problem}", "check the indentation and quoting on this line and the one above"
