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


def load_yaml(text: str, path: str) -> tuple[Any, yaml.Node | None]:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise DataError(path, f"invalid YAML: {problem}", mark.line + 1 if mark else None) from None
    return data, node


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


def validate(data: Any, schema: dict, path: str, node: yaml.Node | None = None, line_finder=None) -> None:
    """Validate against a JSON schema; raise DataError naming the first (deepest) problem and its line."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(data), key=lambda e: (len(e.absolute_path), list(map(str, e.absolute_path))))
    if not errors:
        return
    best = jsonschema.exceptions.best_match(errors)
    where = list(best.absolute_path)
    line = line_of(node, where) if node is not None else (line_finder(where) if line_finder else None)
    loc = ".".join(str(p) for p in where)
    raise DataError(path, f"{loc + ': ' if loc else ''}{best.message}", line)
