"""The rule registry, built once per run (never global) from code rules and data packs.

Code rules are listed family by family: each family package exposes ``RULES``.
Data rules come from the built-in ``rules/`` packs and any ``rule_dirs`` a
configuration adds, read through ``core.kinds``; the house's data files of
other kinds (variant groups, phrases, officeholders…) ride along in
``Registry.house`` and reach the code rules that read them when rules resolve.
A ``RuleSet`` is the registry narrowed to the rules that are on for one file,
with their options and severities resolved.
"""
from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from edlint.core.findings import FAMILIES, Severity
from edlint.core.kinds import RULE_KINDS, DataFile, builtin, load, rule_class, scan
from edlint.core.matcher import LiteralMatcher
from edlint.core.rule import Rule
from edlint.io.config import Config, rule_matches
from edlint.io.errors import InputError
from edlint.records import Record

# The one place code rules are listed: each family package's RULES.
FAMILY_MODULES = {
    "adcopy": "edlint.checks.adcopy",
    "spelling": "edlint.checks.spelling",
    "titles": "edlint.checks.titles",
    "attribution": "edlint.checks.attribution",
    "readability": "edlint.checks.readability",
    "proselint": "edlint.checks.proselint_pack",
    "suppression": "edlint.checks.suppression",
}
# Families whose rules are off by default and costly to import: loaded only
# when a configuration or --select could switch one of them on.
OPT_IN_FAMILIES = ("proselint",)
# adcopy runs first: what it finds is furniture the other families skip.
FAMILY_ORDER = {f: i for i, f in enumerate(
    ("adcopy", "spelling", "titles", "attribution", "readability", "proselint", "style", "suppression"))}


class Registry(Record):
    _fields = ("rules", "skipped", "house")

    def __init__(
        self,
        rules: dict[str, type[Rule]] | None = None,
        skipped: tuple[str, ...] = (),
        house: dict[str, tuple[DataFile, ...]] | None = None,
    ) -> None:
        self.rules = {} if rules is None else rules
        self.skipped = skipped  # opt-in families not loaded; their ids are checked on demand
        self.house = {} if house is None else house  # rule_dirs data files by kind

    def add(self, cls: type[Rule]) -> None:
        rid = cls.meta.id
        if rid in self.rules and self.rules[rid] is not cls:
            raise InputError(cls.meta.source or rid, f"rule id {rid!r} is defined twice")
        self.rules[rid] = cls

    def sorted_ids(self) -> list[str]:
        return sorted(self.rules, key=lambda r: (FAMILY_ORDER.get(r.split(".")[0], 99), r))


def _family_rules(module_name: str) -> list[type[Rule]]:
    try:
        mod = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name and module_name.startswith(exc.name):
            return []  # family not installed in this build
        raise
    rules = getattr(mod, "RULES", [])
    if callable(rules):
        rules = rules()
    return list(rules)


def build_registry(extra_dirs: list[Path] | None = None, skip_families: tuple[str, ...] = ()) -> Registry:
    """Code rules, the built-in packs' rules, then each ``rule_dirs`` folder's rules and data files."""
    reg = Registry(skipped=tuple(skip_families))
    for family, mod in FAMILY_MODULES.items():
        if family in skip_families:
            continue
        for cls in _family_rules(mod):
            reg.add(cls)
    for file in builtin():
        if file.kind in RULE_KINDS:
            reg.add(rule_class(file))
    for folder in extra_dirs or []:
        _add_house_folder(reg, Path(folder))
    return reg


def _add_house_folder(reg: Registry, folder: Path) -> None:
    """A ``rule_dirs`` folder: its rules join the registry, its data files are checked now and kept by kind.

    Checking every file when the registry is built makes a broken or misplaced
    house file an error at once, whether or not the rule reading it is on.
    """
    label = str(folder)
    if not folder.is_dir():
        raise InputError(label, "rule folder named in config does not exist")
    for file in scan(folder, label):
        if file.kind in RULE_KINDS:
            reg.add(rule_class(file))
        else:
            load(file)
            reg.house[file.kind] = reg.house.get(file.kind, ()) + (file,)


class UnknownRuleError(InputError):
    """A rule id or prefix that names no rule: a usage error, never silently "no findings"."""


def _known_ids(registry: Registry, family: str | None = None) -> list[str]:
    ids = list(registry.rules)
    if family in registry.skipped:
        ids += [cls.meta.id for cls in _family_rules(FAMILY_MODULES[family])]
    return ids


def is_known_pattern(registry: Registry, pattern: str) -> bool:
    """True when ``pattern`` (an id, family, dotted prefix or glob) names at least one rule."""
    pattern = pattern.strip()
    if pattern in ("*", "all") or pattern in FAMILIES or pattern in FAMILY_MODULES:
        return True
    family = pattern.split(".", 1)[0]
    return any(rule_matches(rid, pattern) for rid in _known_ids(registry, family))


def closest_id(registry: Registry, pattern: str) -> str | None:
    """The known id, family or dotted prefix nearest to a misspelled one (for "did you mean ...?")."""
    import difflib

    ids = _known_ids(registry, pattern.split(".", 1)[0])
    names = set(FAMILY_MODULES) | set(ids)
    for rid in ids:
        parts = rid.split(".")
        names.update(".".join(parts[:i]) for i in range(1, len(parts)))
    near = difflib.get_close_matches(pattern, sorted(names), n=1, cutoff=0.6)
    return near[0] if near else None


def unknown_rule_message(registry: Registry, pattern: str, where: str = "") -> str:
    near = closest_id(registry, pattern)
    hint = f" (did you mean {near}?)" if near else " (see `edlint rules --all`)"
    return f"unknown rule id {pattern!r}{' in ' + where if where else ''}{hint}"


def check_patterns(registry: Registry, patterns: list[str] | None, source: str, where: str = "", line_for=None) -> None:
    """Raise UnknownRuleError for the first pattern that names no rule."""
    for pat in patterns or ():
        if not is_known_pattern(registry, pat):
            line = line_for(pat) if line_for else None
            raise UnknownRuleError(source, unknown_rule_message(registry, pat, where), line)


def check_config_ids(registry: Registry, config: Config) -> None:
    """Every rule id a configuration file names (``ignore``, ``[rules.X]``, overrides) must exist."""
    for layer in config.layers:
        if not layer.source:
            continue  # the shipped presets are tested
        line_for = layer.line_for
        check_patterns(registry, layer.ignore, layer.source, "ignore", line_for)
        check_patterns(registry, [k for k in layer.rules if k != "*"], layer.source, "rules", line_for)
        check_option_types(registry, layer)


def check_option_types(registry: Registry, layer) -> None:
    """Every option a configuration file sets has its rule's declared type, whether the rule is on or not."""
    for key, settings in layer.rules.items():
        rids = [rid for rid in registry.rules if rule_matches(rid, key)]
        for name, value in settings.items():
            for rid in rids:
                option = registry.rules[rid].meta.option(name)
                problem = option.problem(value) if option else None
                if problem:
                    raise InputError(layer.source, f"option {rid}.{name} {problem}", layer.line_for(name))


def unused_opt_in_families(config: Config, select: list[str] | None) -> tuple[str, ...]:
    """Opt-in families that neither the configuration nor ``--select`` mentions, so need not load."""
    skip = []
    for family in OPT_IN_FAMILIES:
        probe = f"{family}.x"
        named = any(
            key in ("*", family) or key.startswith(family + ".")
            for layer in config.layers for key in layer.rules
        )
        selected = bool(select) and any(rule_matches(probe, p) or p.startswith(family + ".") for p in select)
        if not (named or selected):
            skip.append(family)
    return tuple(skip)


class ActiveRule(Record):
    _fields = ("rule", "severity")

    def __init__(self, rule: Rule, severity: Severity) -> None:
        self.rule = rule
        self.severity = severity


class RuleSet(Record):
    """The rules that are on for a file, instantiated with options, plus their shared matcher."""

    _fields = ("active", "matcher", "locale")

    def __init__(self, active: list[ActiveRule], matcher: LiteralMatcher, locale: str) -> None:
        self.active = active
        self.matcher = matcher
        self.locale = locale

    @property
    def ids(self) -> list[str]:
        return [a.rule.id for a in self.active]


def _coerce_options(cls: type[Rule], settings: dict[str, Any], config: Config) -> dict[str, Any]:
    """The options a configuration sets for a rule, each checked against the rule's typed ``Option``."""
    opts = {k: v for k, v in settings.items() if k not in ("enabled", "severity")}
    meta = cls.meta
    for key, val in opts.items():
        line = next((ln for layer in config.layers if layer.source for ln in [layer.line_for(key)] if ln), None)
        option = meta.option(key)
        if option is None:
            from edlint.io.config import closest

            known = {o.name for o in meta.options}
            near = closest(key, known | {"enabled", "severity"})
            hint = f"did you mean {near}?" if near else f"options: {', '.join(sorted(known)) or 'none'}"
            raise InputError(config.path or "config", f"rule {meta.id} has no option {key!r} ({hint})", line)
        problem = option.problem(val)
        if problem:
            raise InputError(config.path or "config", f"option {meta.id}.{key} {problem}", line)
    return opts


def _check_once(registry: Registry, config: Config, select, ignore) -> None:
    """Validate the ids once per registry, configuration and command line (resolve runs per file)."""
    key = (id(registry), tuple(select or ()), tuple(ignore or ()))
    if key in config.checked:
        return
    check_patterns(registry, select, "--select")
    check_patterns(registry, ignore, "--ignore")
    check_config_ids(registry, config)
    config.checked.add(key)


def resolve(
    registry: Registry,
    config: Config,
    file_path: str | None,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    cache: dict | None = None,
) -> RuleSet:
    """Turn registry + config (+ CLI select/ignore) into the RuleSet for one file."""
    _check_once(registry, config, select, ignore)
    chosen: list[tuple[str, Severity, tuple]] = []
    for rid in registry.sorted_ids():
        cls = registry.rules[rid]
        settings = config.settings_for(rid, file_path)
        enabled = settings.get("enabled", cls.meta.default_enabled)
        if select:
            enabled = any(rule_matches(rid, p) for p in select)
        if ignore and any(rule_matches(rid, p) for p in ignore):
            enabled = False
        if not enabled:
            continue
        sev = Severity.parse(settings.get("severity", cls.meta.severity))
        opts = _coerce_options(cls, settings, config)
        chosen.append((rid, sev, tuple(sorted((k, repr(v)) for k, v in opts.items()))))
    locale = config.locale_for(file_path)
    key = (id(registry), tuple(chosen), locale)
    if cache is not None and key in cache:
        return cache[key]
    active = []
    matcher = LiteralMatcher()
    for rid, sev, _ in chosen:
        cls = registry.rules[rid]
        settings = config.settings_for(rid, file_path)
        rule = cls(_coerce_options(cls, settings, config))
        rule.config_dir = str(config.root)
        rule.house_data = registry.house
        if hasattr(rule, "use_registry"):
            rule.use_registry(registry)  # suppression.unknown-rule checks ids against it
        matcher.add_all(rid, rule.literal_terms())
        active.append(ActiveRule(rule, sev))
    rs = RuleSet(active, matcher, locale)
    if cache is not None:
        cache[key] = rs
    return rs
