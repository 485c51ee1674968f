"""Configuration: ``edlint.toml`` or ``[tool.edlint]`` in ``pyproject.toml``.

Found from the checked file upwards (or given with ``--config``), validated
against a declarative schema so a typo fails loudly with ``file:line``, and
layered: presets it extends, then its own settings, then per-path overrides.
"""
from __future__ import annotations

import fnmatch
import re
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import Any

from edlint.core.findings import Severity
from edlint.io.datafiles import blake2b, validate
from edlint.io.errors import InputError
from edlint.records import Record

CONFIG_NAMES = ("edlint.toml", ".edlint.toml", "pyproject.toml")
PRESETS_DIR = Path(__file__).parent / "presets"

_RULE_SETTINGS = {
    "type": "object",
    "properties": {
        "enabled": {"type": "boolean"},
        "severity": {"enum": ["suggestion", "warning", "error"]},
    },
}
SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "extends": {"type": "array", "items": {"type": "string"}},
        "locale": {"enum": ["en-GB", "en-US"]},
        "language": {"enum": ["auto", "en"]},
        "fail_on": {"enum": ["suggestion", "warning", "error"]},
        "exclude": {"type": "array", "items": {"type": "string"}},
        "rule_dirs": {"type": "array", "items": {"type": "string"}},
        "ignore": {"type": "array", "items": {"type": "string"}},
        "rules": {"type": "object", "additionalProperties": _RULE_SETTINGS},
        "overrides": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["paths"],
                "properties": {
                    "paths": {"type": "array", "items": {"type": "string"}, "minItems": 1},
                    "ignore": {"type": "array", "items": {"type": "string"}},
                    "locale": {"enum": ["en-GB", "en-US"]},
                    "rules": {"type": "object", "additionalProperties": _RULE_SETTINGS},
                },
                "additionalProperties": False,
            },
        },
    },
    "additionalProperties": False,
}


class Layer(Record):
    """One configuration source's settings (a preset or a file)."""

    _fields = ("rules", "ignore", "paths", "locale", "source", "text")
    _unshown = ("text",)

    def __init__(
        self,
        rules: dict[str, dict[str, Any]] | None = None,
        ignore: list[str] | None = None,
        paths: list[str] | None = None,
        locale: str | None = None,
        source: str | None = None,
        text: str = "",
    ) -> None:
        self.rules = {} if rules is None else rules
        self.ignore = [] if ignore is None else ignore
        self.paths = paths  # for overrides: which files it applies to
        self.locale = locale
        self.source = source  # the config file it came from (None: a shipped preset)
        self.text = text

    def line_for(self, name: str) -> int | None:
        """The line of the file that names ``name`` (a rule id, quoted or as a table key)."""
        return _name_line(self.text, name)


class Config(Record):
    """A resolved configuration. ``root`` is the folder paths in it are relative to."""

    _fields = (
        "path", "root", "locale", "language", "fail_on", "exclude", "rule_dirs", "layers", "digest", "checked",
    )
    _unshown = ("checked",)
    _uncompared = ("checked",)

    def __init__(
        self,
        path: str | None = None,
        root: Path | None = None,
        locale: str = "en-GB",
        language: str = "auto",
        fail_on: Severity = Severity.WARNING,
        exclude: list[str] | None = None,
        rule_dirs: list[Path] | None = None,
        layers: list[Layer] | None = None,
        digest: str = "",
        checked: set | None = None,
    ) -> None:
        self.path = path
        self.root = Path.cwd() if root is None else root
        self.locale = locale
        self.language = language  # "auto": files detected as not English are skipped; "en": check every file
        self.fail_on = fail_on
        self.exclude = [] if exclude is None else exclude
        self.rule_dirs = [] if rule_dirs is None else rule_dirs
        self.layers = [] if layers is None else layers
        self.digest = digest
        self.checked = set() if checked is None else checked  # rule ids validated against

    # ---------------------------------------------------------- resolution
    @cached_property
    def _root_resolved(self) -> Path:
        return self.root.resolve()

    def relative(self, file_path: str) -> str:
        try:
            return PurePosixPath(Path(file_path).resolve().relative_to(self._root_resolved)).as_posix()
        except ValueError:
            return PurePosixPath(Path(file_path)).as_posix()

    def applicable_layers(self, file_path: str | None) -> list[Layer]:
        rel = self.relative(file_path) if file_path else None
        out = []
        for layer in self.layers:
            if layer.paths is None or rel is not None and any(glob_match(rel, p) for p in layer.paths):
                out.append(layer)
        return out

    def locale_for(self, file_path: str | None) -> str:
        loc = self.locale
        for layer in self.applicable_layers(file_path):
            if layer.paths is not None and layer.locale:
                loc = layer.locale
        return loc

    def settings_for(self, rule_id: str, file_path: str | None) -> dict[str, Any]:
        """Merged settings (enabled, severity, options...) for one rule and one file."""
        merged: dict[str, Any] = {}
        parts = rule_id.split(".")
        # "*", then the family, then every dotted prefix ("proselint.typography"), then the id.
        keys = ["*"] + [".".join(parts[: i + 1]) for i in range(len(parts))]
        for layer in self.applicable_layers(file_path):
            for key in keys:
                if key in layer.rules:
                    merged.update(layer.rules[key])
            if any(rule_matches(rule_id, pat) for pat in layer.ignore):
                merged["enabled"] = False
        return merged

    def data_files(self) -> list[Path]:
        """Data files rule options name (``*_files``: variant lists, officeholder files), for cache keys."""
        out = []
        for layer in self.layers:
            for settings in layer.rules.values():
                for key, value in settings.items():
                    if key.endswith("_files") and isinstance(value, list):
                        out.extend(self.root / str(v) for v in value)
        return sorted(set(out))

    def is_excluded(self, file_path: str) -> bool:
        rel = self.relative(file_path)
        return any(glob_match(rel, pat) for pat in self.exclude)


def rule_matches(rule_id: str, pattern: str) -> bool:
    """A rule id, a family (``spelling``), a dotted prefix, or a glob (``spelling.*``)."""
    pattern = pattern.strip()
    if pattern in ("*", "all"):
        return True
    if rule_id == pattern or rule_id.startswith(pattern + "."):
        return True  # a family or any dotted prefix: "proselint.typography"
    return fnmatch.fnmatchcase(rule_id, pattern)


def glob_match(rel: str, pattern: str) -> bool:
    pattern = pattern.strip().lstrip("./") if pattern.startswith("./") else pattern.strip()
    if fnmatch.fnmatchcase(rel, pattern):
        return True
    if pattern.endswith("/**") and (rel == pattern[:-3] or rel.startswith(pattern[:-2])):
        return True
    if "/" not in pattern and fnmatch.fnmatchcase(PurePosixPath(rel).name, pattern):
        return True
    return pattern.startswith("**/") and fnmatch.fnmatchcase(rel, pattern[3:])


# ---------------------------------------------------------- loading

def _toml_line_finder(text: str):
    lines = text.splitlines()

    def find(path: list[Any]) -> int | None:
        for key in reversed([p for p in path if isinstance(p, str)]):
            rx = re.compile(r'^\s*(\[+[^\]]*)?["\']?' + re.escape(key) + r'["\']?\s*(=|\]|\.)')
            rx2 = re.compile(r'["\']?' + re.escape(key) + r'["\']?\s*=')
            for i, line in enumerate(lines, 1):
                if rx.search(line) or rx2.search(line):
                    return i
        return None

    return find


def _read_toml(path: Path, display: str) -> tuple[dict[str, Any], str]:
    try:
        from edlint.io.articles import read_limited

        text = read_limited(path, 16 * 1024 * 1024).decode("utf-8")  # a FIFO named edlint.toml must not hang a run
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(display, f"cannot read config: {exc}") from None
    if all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()):
        return {}, text  # only comments (the default preset): no parser to load, a tenth of a one-article run
    try:  # Python 3.11+
        import tomllib
    except ModuleNotFoundError:  # pragma: no cover - Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    try:
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, ValueError, RecursionError) as exc:  # every TOML failure is the file's error
        msg = str(exc) if not isinstance(exc, RecursionError) else "nested too deeply"
        m = re.search(r"line (\d+)", msg)
        raise InputError(display, f"invalid TOML: {msg}", int(m.group(1)) if m else None) from None
    return data, text


def _name_line(text: str, name: str) -> int | None:
    """First line naming ``name`` as a quoted string or a bare dotted key (``[rules.adcopyy]``)."""
    n = re.escape(name)
    rx = re.compile(r"""["']""" + n + r"""["']|[.\[]""" + n + r"\s*[\]=]|^\s*" + n + r"\s*=")
    for i, line in enumerate(text.splitlines(), 1):
        if rx.search(line):
            return i
    return None


def closest(name: str, known) -> str | None:
    import difflib

    near = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
    return near[0] if near else None


def _check_keys(data: Any, schema: dict, display: str, find, where: tuple = ()) -> None:
    """Unknown keys, named with their file:line and the closest key the schema knows."""
    if isinstance(data, list) and "items" in schema:
        for i, item in enumerate(data):
            _check_keys(item, schema["items"], display, find, where + (i,))
        return
    if not isinstance(data, dict) or "properties" not in schema:
        return
    props = schema["properties"]
    for key, value in data.items():
        if key in props:
            _check_keys(value, props[key], display, find, where + (key,))
        elif schema.get("additionalProperties") is False:
            near = closest(key, props)
            hint = f" (did you mean {near}?)" if near else f" (known keys: {', '.join(sorted(props))})"
            at = ".".join(str(p) for p in where)
            where_key = f" in {at}" if at else ""
            raise InputError(display, f"unknown key {key!r}{where_key}{hint}", find(list(where) + [key]))


def _layer_from(data: dict[str, Any], paths: list[str] | None = None, source: str | None = None,
                text: str = "") -> Layer:
    rules = {}
    for key, val in (data.get("rules") or {}).items():
        rules[key] = dict(val)
    return Layer(rules=rules, ignore=list(data.get("ignore", [])), paths=paths, locale=data.get("locale"),
                 source=source, text=text)


def _load_preset(name: str, seen: set[str]) -> list[Layer]:
    if name in seen:
        return []
    seen.add(name)
    p = PRESETS_DIR / f"{name}.toml"
    if not p.is_file():
        raise InputError("config", f"unknown preset {name!r} (available: {', '.join(available_presets())})")
    data, _ = _read_toml(p, f"preset {name}")
    layers: list[Layer] = []
    for parent in data.get("extends", []):
        layers += _load_preset(parent, seen)
    layers.append(_layer_from(data))
    return layers


def available_presets() -> list[str]:
    return sorted(p.stem for p in PRESETS_DIR.glob("*.toml"))


def _validate_once(data: dict[str, Any], display: str, text: str) -> None:
    """Schema validation, skipped when this very text passed before (a marker beside the result cache).

    Importing and compiling the validator costs about 60 ms, a third of a
    one-article pre-commit run; an unchanged edlint.toml need not pay it twice.
    """
    from edlint.io.datafiles import _cache_file, _schema_print, _write

    marker = _cache_file("config", _schema_print(SCHEMA), text, suffix=".ok")
    if marker is not None and marker.exists():
        return
    validate(data, SCHEMA, display, line_finder=_toml_line_finder(text))
    if marker is not None:
        _write(marker, b"")


def load_config(path: Path | None) -> Config:
    """Load a config file (or the defaults when ``path`` is None)."""
    if path is None:
        cfg = Config(layers=_load_preset("recommended", set()))
        cfg.digest = "default"
        return cfg
    display = str(path)
    data, text = _read_toml(path, display)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("edlint", {})
    _check_keys(data, SCHEMA, display, _toml_line_finder(text))
    _validate_once(data, display, text)
    root = path.resolve().parent
    seen: set[str] = set()
    layers: list[Layer] = []
    for name in data.get("extends", ["recommended"]):
        try:
            layers += _load_preset(name, seen)
        except InputError as exc:
            raise InputError(display, exc.message, _toml_line_finder(text)(["extends"])) from None
    if "recommended" not in seen:
        layers = _load_preset("recommended", set()) + layers
    layers.append(_layer_from(data, source=display, text=text))
    for ov in data.get("overrides", []):
        layers.append(_layer_from(ov, paths=ov["paths"], source=display, text=text))
    for settings in data.get("rules", {}).values():
        if "severity" in settings:
            Severity.parse(settings["severity"])
    return Config(
        path=display,
        root=root,
        locale=data.get("locale", "en-GB"),
        language=data.get("language", "auto"),
        fail_on=Severity.parse(data.get("fail_on", "warning")),
        exclude=list(data.get("exclude", [])),
        rule_dirs=[(root / d) for d in data.get("rule_dirs", [])],
        layers=layers,
        digest=blake2b(text.encode(), digest_size=8).hexdigest(),  # for cache keys: no OpenSSL at start-up
    )


def find_config(start: Path) -> Path | None:
    """The nearest config file at or above ``start`` (a file or folder), never above its repository.

    The search stops at the root of the repository holding ``start`` (the
    folder with ``.git``, ``.hg`` or ``.svn``): a configuration in a folder
    above a checkout belongs to someone else and must not change its copy.
    Outside any repository it climbs to the file-system root.
    """
    here = start if start.is_dir() else start.parent
    here = here.resolve()
    for folder in (here, *here.parents):
        for name in CONFIG_NAMES:
            cand = folder / name
            if cand.is_file():
                if name == "pyproject.toml" and not _has_tool_section(cand):
                    continue
                return cand
        if any((folder / marker).exists() for marker in (".git", ".hg", ".svn")):
            return None  # the repository's root: configurations above it are not this project's
    return None


def _has_tool_section(path: Path) -> bool:
    try:
        from edlint.io.articles import read_limited

        return b"[tool.edlint" in read_limited(path, 16 * 1024 * 1024)
    except OSError:
        return False
