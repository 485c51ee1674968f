"""Data rules: the closed set of rule kinds an editor can write as YAML.

A file ``rules/<family>/<name>.yaml`` with a top-level ``kind`` of
``substitution`` or ``existence`` becomes the rule ``<family>.<name>``. Its
literal terms join the run's single multi-pattern pass. Files with another
``kind`` (variant groups, phrase packs) are packs read by a code rule of that
family and are skipped here.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any
from collections.abc import Iterator

from edlint.core.findings import (
    FAMILIES,
    Applicability,
    Edit,
    Fix,
    FixAvailability,
    FixSafety,
    Hit,
    RuleMeta,
    Severity,
)
from edlint.core.rule import Rule, fill, template_problem
from edlint.io.datafiles import (
    DataError,
    compose,
    line_of,
    load_yaml,
    read_text,
    validate,
)

DATA_KINDS = ("substitution", "existence")

_EXAMPLES = {
    "type": "object",
    "properties": {
        "pass": {"type": "array", "items": {"type": "string"}},
        "fail": {"type": "array", "items": {"type": "string"}},
    },
    "additionalProperties": False,
}
SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["kind", "summary"],
    "properties": {
        "kind": {"enum": list(DATA_KINDS)},
        "id": {"type": "string", "pattern": r"^[a-z]+\.[a-z0-9]+(-[a-z0-9]+)*$"},
        "summary": {"type": "string", "minLength": 3},
        "why": {"type": "string"},
        "docs": {"type": "string"},
        "severity": {"enum": ["suggestion", "warning", "error"]},
        "enabled": {"type": "boolean"},
        "in_quotes": {"type": "boolean"},
        "message": {"type": "string"},
        "safe": {"type": "boolean"},
        "swap": {"type": "object", "minProperties": 1, "additionalProperties": {"type": "string"}},
        "tokens": {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}},
        "sources": {"type": "array", "items": {"type": "string"}},
        "examples": _EXAMPLES,
    },
    "additionalProperties": False,
    "allOf": [
        {"if": {"properties": {"kind": {"const": "substitution"}}}, "then": {"required": ["swap"]}},
        {"if": {"properties": {"kind": {"const": "existence"}}}, "then": {"required": ["tokens"]}},
    ],
}


def _keep_case(found: str, replacement: str) -> str:
    """Re-case a replacement like the text it replaces (KIEV -> KYIV, Kiev -> Kyiv)."""
    if found.isupper() and len(found) > 1:
        return replacement.upper()
    if found[:1].isupper() and not replacement[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _inside_replacement(text: str, start: int, found: str, replacement: str) -> bool:
    """Is the match at ``start`` part of the replacement already written out?

    ``swap: {Covid: Covid-19}`` must not flag the "Covid" of "Covid-19": a
    replacement that contains its own term would otherwise grow on every fix
    (Covid-19-19-19…). Compared case-insensitively, wherever the term sits
    inside the replacement.
    """
    term, rep = found.lower(), replacement.lower()
    if len(rep) <= len(term):
        return False
    k = rep.find(term)
    while k != -1:
        a = start - k
        if a >= 0 and text[a : a + len(rep)].lower() == rep:
            return True
        k = rep.find(term, k + 1)
    return False


class DataRule(Rule):
    """A rule defined by a YAML file; behaviour depends on ``kind``."""

    spec: dict[str, Any] = {}

    def literal_terms(self):
        if self.spec["kind"] == "substitution":
            for bad, good in self.spec["swap"].items():
                yield bad, good
        else:
            for tok in self.spec["tokens"]:
                yield tok, None

    def check(self, doc, ctx) -> Iterator[Hit]:
        spec = self.spec
        template = spec.get("message")
        for h in ctx.hits_for(self):
            if spec["kind"] == "substitution":
                good = _keep_case(h.text, h.payload)
                if good == h.text or _inside_replacement(doc.prose, h.start, h.text, h.payload):
                    continue
                msg = fill(template or "Use '{replacement}' instead of '{match}'.", match=h.text, replacement=good)
                safe = spec.get("safe", True)
                fix = Fix((Edit(h.start, h.end, good),), Applicability.SAFE if safe else Applicability.UNSAFE, f"{h.text} → {good}")
                yield Hit(h.start, h.end, msg, fix=fix)
            else:
                msg = fill(template or "Avoid '{match}'.", match=h.text, replacement="")
                yield Hit(h.start, h.end, msg)


def _docs(spec: dict[str, Any]) -> str:
    if spec.get("docs"):
        return spec["docs"]
    parts = ["## What it flags", spec["summary"], "", "## Why", spec.get("why", "House style."), ""]
    ex = spec.get("examples", {})
    parts += ["## Examples"]
    for s in ex.get("fail", []):
        parts.append(f"- fails: {s}")
    for s in ex.get("pass", []):
        parts.append(f"- passes: {s}")
    if spec.get("sources"):
        parts += ["", "## Sources"] + [f"- {s}" for s in spec["sources"]]
    return "\n".join(parts)


def load_data_rule(path: Path, family: str, display: str) -> type[DataRule] | None:
    """Read one YAML file; return a rule class, None for a pack of another kind, or raise DataError."""
    try:
        text = read_text(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(display, f"cannot read rule file: {exc}") from None
    data = load_yaml(text, display)
    if not isinstance(data, dict):
        raise DataError(display, "a rule file must be a mapping with a 'kind'", 1)
    kind = data.get("kind")
    if kind not in DATA_KINDS and isinstance(kind, str) and kind:
        return None  # a pack read by a code rule of this family
    validate(data, SCHEMA, display, yaml_text=text)
    if "message" in data:
        fields = ("match", "replacement") if data["kind"] == "substitution" else ("match",)
        problem = template_problem(data["message"], fields)
        if problem:
            raise DataError(display, problem, line_of(compose(text), ["message"]))
    rule_id = data.get("id") or f"{family}.{path.stem}"
    if rule_id.split(".")[0] not in FAMILIES:
        raise DataError(display, f"rule id {rule_id!r} is not in a known family ({', '.join(FAMILIES)})", line_of(compose(text), ["id"]))
    fixable = data["kind"] == "substitution"
    meta = RuleMeta(
        id=rule_id,
        summary=data["summary"],
        docs=_docs(data),
        severity=Severity.parse(data.get("severity", "warning")),
        default_enabled=data.get("enabled", True),
        in_quotes=data.get("in_quotes", False),
        fix_safety=("Safe: each term has one replacement." if data.get("safe", True) else "Unsafe: an editor confirms.")
        if fixable else "No fix.",
        fix=FixAvailability.ALWAYS if fixable else FixAvailability.NEVER,
        fix_applicability=(FixSafety.SAFE if data.get("safe", True) else FixSafety.UNSAFE) if fixable else None,
        source=display,
    )
    return type(f"DataRule_{rule_id}", (DataRule,), {"meta": meta, "spec": data})


def discover(root: Path, label: str) -> Iterator[tuple[Path, str, str]]:
    """Yield (path, family, display name) for every YAML file under a rules folder."""
    if not root.is_dir():
        return
    for path in sorted(root.rglob("*.yaml")) + sorted(root.rglob("*.yml")):
        rel = path.relative_to(root)
        family = rel.parts[0] if len(rel.parts) > 1 else "spelling"
        yield path, family, f"{label}/{rel.as_posix()}"
