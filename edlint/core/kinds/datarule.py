"""What the two rule kinds share: one YAML file is one rule, ``<family>.<file name>``.

``substitution`` (``swap``: wrong → right, with a fix) and ``existence``
(``tokens``: terms to avoid) differ only in their terms, message and fix; the
schema's common keys, the rule class and its documentation are built here so
both read alike and an editor learns them once.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from edlint.core.findings import FAMILIES, FixAvailability, FixSafety, Hit, RuleMeta, Severity
from edlint.core.rule import Rule, template_problem
from edlint.io.datafiles import compose, line_of
from edlint.io.errors import InputError

_EXAMPLES = {
    "type": "object",
    "properties": {
        "pass": {"type": "array", "items": {"type": "string"}},
        "fail": {"type": "array", "items": {"type": "string"}},
    },
    "additionalProperties": False,
}
_COMMON = {
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
}


def rule_schema(kind: str, terms: str) -> dict[str, Any]:
    """The schema of one rule kind: the common keys, and ``terms`` (``swap`` or ``tokens``) required."""
    return {
        "type": "object",
        "required": ["kind", "summary", terms],
        "properties": {"kind": {"const": kind}, **_COMMON},
        "additionalProperties": False,
    }


class DataRule(Rule):
    """A rule defined by a YAML file; its kind module says what its terms are and what a hit says."""

    spec: dict[str, Any] = {}

    def literal_terms(self) -> Iterator[tuple[str, str | None]]:
        raise NotImplementedError

    def check(self, doc, ctx) -> Iterator[Hit]:
        raise NotImplementedError


def docs_of(spec: dict[str, Any]) -> str:
    """The rule's documentation: the file's own ``docs``, or one built from summary, why and examples.

    Its Fix safety section is generated from the rule's declared fix, like every rule's.
    """
    if spec.get("docs"):
        return spec["docs"]
    parts = ["## What it flags", spec["summary"], "", "## Why", spec.get("why", "House style."), ""]
    ex = spec.get("examples", {})
    parts += ["## Examples"]
    parts += [f"- fails: {s}" for s in ex.get("fail", [])]
    parts += [f"- passes: {s}" for s in ex.get("pass", [])]
    if spec.get("sources"):
        parts += ["", "## Sources"] + [f"- {s}" for s in spec["sources"]]
    return "\n".join(parts)


def rule_id(data: dict[str, Any], family: str, stem: str, text: str, display: str) -> str:
    """``id:`` or ``<family>.<file name>``; an id outside the known families is an error naming the file."""
    rid = data.get("id") or f"{family}.{stem}"
    if rid.split(".")[0] not in FAMILIES:
        raise InputError(display, f"rule id {rid!r} is not in a known family ({', '.join(FAMILIES)})",
                        line_of(compose(text), ["id"]))
    return rid


def check_message(data: dict[str, Any], fields: tuple[str, ...], text: str, display: str) -> None:
    """A ``message`` template may name only the fields this kind fills; checked when the file loads."""
    if "message" in data:
        problem = template_problem(data["message"], fields)
        if problem:
            raise InputError(display, problem, line_of(compose(text), ["message"]))


def make_rule(base: type[DataRule], data: dict[str, Any], rid: str, display: str, fixes: str, safety: str,
              safety_doc: str) -> type[DataRule]:
    """The rule class of one file: ``base`` (the kind's behaviour) with the file's metadata and data.

    ``fixes`` is ``safe``, ``unsafe`` or ``none``: a substitution always carries its fix, an existence rule never.
    """
    meta = RuleMeta(
        id=rid,
        summary=data["summary"],
        docs=docs_of(data),
        severity=Severity.parse(data.get("severity", "warning")),
        default_enabled=data.get("enabled", True),
        in_quotes=data.get("in_quotes", False),
        fix_safety=safety_doc if fixes != "none" else safety,
        fix=FixAvailability.NEVER if fixes == "none" else FixAvailability.ALWAYS,
        fix_applicability=None if fixes == "none" else FixSafety(fixes),
        source=display,
    )
    return type(f"DataRule_{rid}", (base,), {"meta": meta, "spec": data})
