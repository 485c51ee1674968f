"""Load YAML and keep each value's line, so schema errors can say ``file:line``."""
from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any
from collections.abc import Sequence

from edlint.io.errors import InputError
from edlint.io import shipped_packs

try:  # the C module alone: ``hashlib`` would load OpenSSL too, a few milliseconds of every run
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b

if TYPE_CHECKING:
    import yaml


def read_text(path: str | os.PathLike[str]) -> str:
    """A data file's text through the one safe reader: regular files only, at most 64 MiB, UTF-8.

    Raises OSError (a FIFO named ``x.yaml`` is refused, never waited on) or UnicodeDecodeError.
    """
    from edlint.io.articles import read_limited

    return read_limited(path, 64 * 1024 * 1024).decode("utf-8")


def _loader():
    """PyYAML (with libyaml when present), imported only when a text is not in the parse cache."""
    import yaml

    return yaml, getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Parsing the built-in packs' YAML (about a thousand variant groups, a hundred
# phrase entries) and validating it costs about a third of a one-article run.
# The CLI keeps parsed and validated packs beside its result cache, keyed by the
# text itself, so a pre-commit run reads them as JSON. None: no disk cache.
_PARSE_CACHE: Path | None = None


def use_parse_cache(folder: Path | None) -> None:
    """Keep parsed YAML (as JSON) and validation results in ``folder``; None switches it off."""
    global _PARSE_CACHE
    _PARSE_CACHE = folder


def _cache_file(*parts: str, suffix: str) -> Path | None:
    if _PARSE_CACHE is None:
        return None
    h = blake2b(digest_size=16)
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return _PARSE_CACHE / f"{h.hexdigest()}{suffix}"


def _write(path: Path, data: bytes) -> None:
    """Write atomically; a cache that cannot be written is only slower."""
    from edlint.io.atomic import replace_file

    with contextlib.suppress(OSError):
        replace_file(path, data)


# What a YAML or TOML loader may raise besides its own error type: PyYAML builds
# dates with ``datetime.date`` (``2022-02-30`` is a ValueError), deep nesting
# exhausts the stack, and a mapping key may be unhashable.
LOAD_ERRORS = (ValueError, TypeError, OverflowError, RecursionError, MemoryError, AttributeError, IndexError, KeyError)


def parse_yaml(text: str, path: str, first_line: int = 1, what: str = "YAML") -> Any:
    """Parse YAML safely; *every* failure becomes one InputError naming ``path`` and the line.

    This is the one place edlint turns YAML text into data (rule packs, house
    files, people files, front matter), so no loader error, whatever its type,
    can escape and take a run down. ``first_line`` is the file line the text starts on.
    """
    yaml, loader = _loader()
    try:
        return yaml.load(text, Loader=loader)  # noqa: S506 - a SafeLoader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError(path, f"invalid {what}: {problem}", first_line + mark.line if mark else None) from None
    except LOAD_ERRORS as exc:
        line, value = _bad_scalar(text)
        detail = f"{value!r} is not a valid value ({exc})" if value is not None else str(exc) or type(exc).__name__
        if isinstance(exc, RecursionError):
            detail = "nested too deeply"
        raise InputError(path, f"invalid {what}: {detail}", first_line + line - 1 if line else None) from None


def _bad_scalar(text: str) -> tuple[int | None, str | None]:
    """The line (1-based) and text of the first scalar PyYAML cannot build (e.g. ``2022-02-30``)."""
    yaml, _ = _loader()
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except (yaml.YAMLError, *LOAD_ERRORS):
        return None, None
    stack = [root] if root is not None else []
    builder = yaml.SafeLoader("")
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            try:
                builder.construct_object(node, deep=True)
            except (yaml.YAMLError, *LOAD_ERRORS):
                return node.start_mark.line + 1, node.value
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
        elif isinstance(node, yaml.MappingNode):
            for k, v in reversed(node.value):
                stack.extend((v, k))
    return None, None


# Data that came out of the parse cache (or went into it), by id, with the digest
# of its JSON: a validation marker only vouches for exactly that JSON, so an
# entry edited by hand is validated again, and replaced by a fresh parse if it fails.
_CACHED: dict[int, tuple[Any, str, Path]] = {}


def _digest(payload: bytes) -> str:
    return blake2b(payload, digest_size=16).hexdigest()


def load_yaml(text: str, path: str) -> Any:
    """Parse a data file's YAML (cached as JSON beside the result cache); errors become InputError with the line.

    A cache entry counts only if it is a JSON object naming a digest of this
    very text, and only once that very JSON has passed a schema (``validate``
    leaves a marker); anything else is a miss and is overwritten. Data no
    schema checks is parsed from the YAML every time.
    """
    source = _digest(text.encode("utf-8", "surrogatepass"))
    shipped = shipped_packs.parsed(source)
    if shipped is not None:
        return shipped  # a built-in pack as the package was made: parsed and validated then
    cached = _cache_file(text, suffix=".json")
    if cached is not None:
        try:
            payload = cached.read_bytes()
            entry = json.loads(payload)
            digest = _digest(payload)
            vouched = _cache_file(text, digest, suffix=".valid")
            if (isinstance(entry, dict) and entry.get("source") == source and "data" in entry
                    and vouched is not None and vouched.exists()):
                data = entry["data"]
                if isinstance(data, (dict, list)):  # a data file is a mapping or a list; anything else is a miss
                    _CACHED[id(data)] = (data, digest, cached)
                    return data
        except (OSError, ValueError, RecursionError):
            pass
    data = parse_yaml(text, path)
    if cached is not None:
        try:
            payload = json.dumps({"source": source, "data": data}, ensure_ascii=False).encode("utf-8")
        except (TypeError, ValueError, RecursionError):
            return data  # dates and other non-JSON values: parse this file every time
        _write(cached, payload)
        if isinstance(data, (dict, list)):
            _CACHED[id(data)] = (data, _digest(payload), cached)
            _UNVOUCHED.add(id(data))
    return data


# Data parsed from YAML this run whose cache entry no schema has vouched for yet:
# until one does, every run parses the YAML again (and imports PyYAML).
_UNVOUCHED: set[int] = set()


def unvouched(data: Any) -> bool:
    """Was ``data`` just parsed from YAML into a cache entry that a schema has not yet passed?"""
    came = _CACHED.get(id(data))
    return id(data) in _UNVOUCHED and came is not None and came[0] is data


def compose(text: str) -> yaml.Node | None:
    """The node tree of a YAML text, for finding lines; only built when reporting a problem."""
    yaml, loader = _loader()
    try:
        return yaml.compose(text, Loader=loader)
    except yaml.YAMLError:
        return None


def line_of(node: yaml.Node | None, path: Sequence[Any]) -> int | None:
    """1-based line of the value at a JSON path inside a composed YAML node."""
    if node is None:
        return None
    yaml, _ = _loader()
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
    """Validate against a JSON schema; raise InputError naming the problem and its line.

    fastjsonschema compiles the schema to Python once per process and imports in
    a few milliseconds, which keeps a one-article run instant.
    """
    if shipped_packs.vouched(data, schema_digest(schema)):
        return  # a built-in pack from the package's own parsed copy, which passed this very schema
    marker = None
    came = _CACHED.get(id(data))
    if came is not None and came[0] is not data:
        came = None
    if yaml_text is not None and _PARSE_CACHE is not None and came is not None:
        marker = _cache_file(_schema_print(schema), yaml_text, came[1], suffix=".ok")
        if marker is not None and marker.exists():
            return  # this very JSON of this very text passed this very schema before
    import fastjsonschema

    key = id(schema)
    if key not in _COMPILED:
        _COMPILED[key] = fastjsonschema.compile(schema)
    try:
        _COMPILED[key](data)
    except fastjsonschema.JsonSchemaValueException as exc:
        if came is not None and yaml_text is not None and _refresh(data, yaml_text, path, came[2]):
            return validate(data, schema, path, yaml_text, line_finder)  # a bad cache entry, now replaced
        raise _schema_error(exc, data, path, yaml_text, line_finder) from None
    if marker is not None:
        _write(marker, b"")
    if came is not None and yaml_text is not None:
        vouched = _cache_file(yaml_text, came[1], suffix=".valid")
        _UNVOUCHED.discard(id(data))
        if vouched is not None and not vouched.exists():
            _write(vouched, b"")  # this JSON passed a schema: later runs may read it instead of the YAML


def _schema_error(exc, data: Any, path: str, yaml_text: str | None, line_finder) -> InputError:
    """A schema failure as one located error: the key path as the user wrote it, its line, a plain message."""
    where = [p for p in (exc.path or [])[1:]]
    where = [int(p) if isinstance(p, str) and p.isdigit() and isinstance(_get(data, where[: i]), list) else p
             for i, p in enumerate(where)]
    find = (lambda w: line_of(compose(yaml_text), w)) if yaml_text is not None else line_finder
    line = find(where) if find else None
    loc = ".".join(str(p) for p in where)
    message = exc.message
    prefix = exc.name + " " if exc.name else ""
    if message.startswith(prefix):
        message = message[len(prefix):]
    if exc.rule == "enum":
        message = f"{exc.value!r} is not allowed: {message}"
    return InputError(path, f"{loc + ': ' if loc else ''}{message}", line)


def _refresh(data: Any, yaml_text: str, path: str, entry: Path) -> bool:
    """The cached ``data`` failed validation: parse the text afresh; if that differs, put it in place.

    Updates ``data`` in place (the caller holds it) and rewrites the entry.
    False when the fresh parse is the same, i.e. the file itself is at fault.
    """
    _CACHED.pop(id(data), None)
    with contextlib.suppress(OSError):
        entry.unlink()
    fresh = parse_yaml(yaml_text, path)
    if fresh == data or type(fresh) is not type(data):
        return False
    if isinstance(data, dict):
        data.clear()
        data.update(fresh)
    else:
        data[:] = fresh
    load_yaml(yaml_text, path)  # writes a good entry for the next run
    return True


_SCHEMA_PRINTS: dict[int, str] = {}


def schema_digest(schema: dict) -> str:
    """A short name for a schema's exact content (what the package's parsed packs record)."""
    return _digest(_schema_print(schema).encode("utf-8"))


def _schema_print(schema: dict) -> str:
    key = id(schema)
    if key not in _SCHEMA_PRINTS:
        _SCHEMA_PRINTS[key] = json.dumps(schema, sort_keys=True, default=str)
    return _SCHEMA_PRINTS[key]


def _get(data: Any, path: list) -> Any:
    for p in path:
        try:
            data = data[int(p)] if isinstance(data, list) else data[p]
        except (KeyError, IndexError, TypeError, ValueError):
            return None
    return data
