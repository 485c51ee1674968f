"""Load YAML and keep each value's line, so schema errors can say ``file:line``."""
from __future__ import annotations

from typing import Any, Sequence

import yaml


class DataError(ValueError):
    """A problem in a data or config file, located as precisely as we can."""

    def __init__(self, path: str, message: str, line: int | None = None):
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str, path: str) -> Any:
    """Parse YAML (with libyaml when present); syntax errors become DataError with the line."""
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise DataError(path, f"invalid YAML: {problem}", mark.line + 1 if mark else None) from None


def compose(text: str) -> yaml.Node | None:
    """The node tree of a YAML text, for finding lines; only built when reporting a problem."""
    try:
        return yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return None


def line_of(node: yaml.Node | None, path: Sequence[Any]) -> int | None:
    """1-based line of the value at a JSON path inside a composed YAML node."""
    if node is None:
        return None
    line = node.start_mark.line + 1
    for key in path:
        if isinstance(node, yaml.MappingNode):
            nxt = None
            for k, v in node.value:
                if k.value == str(key):
                    nxt = v
                    line = k.start_mark.line + 1
                    break
            if nxt is None:
                return line
            node = nxt
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
            line = node.start_mark.line + 1
        else:
            return line
    return node.start_mark.line + 1 if node is not None else line


_COMPILED: dict[int, Any] = {}


def validate(data: Any, schema: dict, path: str, yaml_text: str | None = None, line_finder=None) -> None:
    """Validate against a JSON schema; raise DataError naming the problem and its line.

    fastjsonschema compiles the schema to Python once per process and imports in
    a few milliseconds, which keeps a one-article run instant.
    """
    import fastjsonschema

    key = id(schema)
    if key not in _COMPILED:
        _COMPILED[key] = fastjsonschema.compile(schema)
    try:
        _COMPILED[key](data)
    except fastjsonschema.JsonSchemaValueException as exc:
        where = [p for p in (exc.path or [])[1:]]
        where = [int(p) if isinstance(p, str) and p.isdigit() and isinstance(_get(data, where[: i]), list) else p
                 for i, p in enumerate(where)]
        line = line_of(compose(yaml_text), where) if yaml_text is not None else (line_finder(where) if line_finder else None)
        loc = ".".join(str(p) for p in where)
        message = exc.message
        prefix = exc.name + " " if exc.name else ""
        if message.startswith(prefix):
            message = message[len(prefix):]
        if exc.rule == "enum":
            message = f"{exc.value!r} is not allowed: {message}"
        raise DataError(path, f"{loc + ': ' if loc else ''}{message}", line) from None


def _get(data: Any, path: list) -> Any:
    for p in path:
        try:
            data = data[int(p)] if isinstance(data, list) else data[p]
        except (KeyError, IndexError, TypeError, ValueError):
            return None
    return data
