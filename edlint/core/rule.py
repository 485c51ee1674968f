"""What a code rule is, and the per-run context it is given.

A code rule is a plain class with a ``meta`` (RuleMeta) and a ``check(doc, ctx)``
generator yielding ``Hit``s. Rules are instantiated per run with their resolved
options, so nothing about a run lives in module globals. The docstring-free
``meta.docs`` carries the user documentation (What it flags / Why / Examples /
Fix safety / Options), rendered by ``edlint explain``.
"""
from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, Any
from collections.abc import Iterable, Iterator, Mapping

from edlint.core.findings import Hit, RuleMeta
from edlint.records import Record

if TYPE_CHECKING:
    from edlint.document import Document


class LiteralHit(Record):
    """A literal term found by the run's single multi-pattern pass."""

    _fields = ("start", "end", "text", "payload")

    def __init__(self, start: int, end: int, text: str, payload: Any) -> None:
        self.start = start
        self.end = end
        self.text = text  # as it appears in the file
        self.payload = payload


class Context(Record):
    """Per-document facts shared by every rule of a run.

    ``furniture`` holds the spans the adcopy family found (it runs first): other
    families skip them, and readability leaves them out of its figures.
    ``figures`` lets a rule publish numbers (readability) for the reports.
    The article's date is not here: it is ``doc.date`` (and ``doc.date_source``),
    the one place it is kept.
    """

    _fields = ("locale", "furniture", "figures", "literal_hits", "services", "config_dir")

    def __init__(
        self,
        locale: str = "en-GB",
        furniture: list[tuple[int, int]] | None = None,
        figures: dict[str, Any] | None = None,
        literal_hits: dict[str, list[LiteralHit]] | None = None,
        services: Any = None,
        config_dir: str | None = None,
    ) -> None:
        self.locale = locale
        self.furniture = [] if furniture is None else furniture
        self.figures = {} if figures is None else figures
        self.literal_hits = {} if literal_hits is None else literal_hits
        self.services = services  # core.services.DocumentServices: run-wide resources and this document's shared work
        self.config_dir = config_dir  # folder of the config file, for user data files named in options

    def hits_for(self, rule: Rule) -> list[LiteralHit]:
        return self.literal_hits.get(rule.meta.id, [])

    def in_furniture(self, start: int, end: int | None = None) -> bool:
        end = start + 1 if end is None else end
        return any(s < end and start < e for s, e in self.furniture)


class Rule:
    """Base class for code rules. Subclasses set ``meta`` and implement ``check``.

    A code rule lives in a module named after its id (``attribution.dangling-pronoun``
    in ``edlint/checks/attribution/dangling_pronoun.py``), beside its case file
    (``dangling_pronoun.yml``) of passing, failing and fixed examples.
    """

    meta: RuleMeta
    # Where the rule was resolved, set by the registry as it builds a rule set: the configuration's
    # folder (data files named in options are relative to it) and the house data files its
    # ``rule_dirs`` hold, by kind (read through ``core.kinds.house_files``).
    config_dir: str | None = None
    house_data: Mapping[str, tuple] = MappingProxyType({})

    def __init__(self, options: dict[str, Any] | None = None):
        merged = self.meta.defaults
        merged.update(options or {})
        self.options = merged

    @property
    def id(self) -> str:
        return self.meta.id

    def literal_terms(self) -> Iterable[tuple[str, Any]]:
        """Literal terms this rule wants found (matched once, for all rules, per document).

        Yield ``(term, payload)``; matching is case-insensitive and on word
        boundaries. Found terms arrive in ``ctx.hits_for(self)``.
        """
        return ()

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:  # pragma: no cover - interface
        raise NotImplementedError


def rule_source(cls: type) -> str:
    """The file a rule is defined in, as ``edlint explain`` shows it.

    Data rules carry their path in ``meta.source``; a code rule's file is its module's.
    """
    source = getattr(cls.meta, "source", "")
    if source:
        return source
    module = getattr(cls, "__module__", "")
    if not module.startswith("edlint."):
        return module
    import importlib.util

    spec = importlib.util.find_spec(module)
    is_package = bool(spec and spec.submodule_search_locations)
    return module.replace(".", "/") + ("/__init__.py" if is_package else ".py")


def case_file(cls: type) -> str | None:
    """The path of a code rule's case file (its module's name, ``.yml``), or None for data rules."""
    source = rule_source(cls)
    if not source.startswith("edlint/") or not source.endswith(".py") or source.endswith("__init__.py"):
        return None
    return source[: -len(".py")] + ".yml"


# ---------------------------------------------------------------- message templates

def template_problem(template: str, fields: Iterable[str]) -> str | None:
    """Why ``template`` is not a message template of the named ``fields`` only (None when it is).

    Messages written in rule files are templates such as ``Use '{replacement}'``:
    bare field names and ``{{``/``}}`` only. Attribute or index access
    (``{match.__class__}``), conversions and format specs are refused when the
    rule is loaded, so a message can never fail, or run anything, per article.
    """
    import string

    allowed = set(fields)
    try:
        parts = list(string.Formatter().parse(template))
    except ValueError as exc:
        return f"message template: {exc}"
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in allowed:
            names = ", ".join("{" + f + "}" for f in sorted(allowed))
            return f"message template: unknown field {{{name}}} (use {names})"
        if spec or conversion:
            return f"message template: {{{name}}} takes no format spec or conversion"
    return None


def fill(template: str, **fields: str) -> str:
    """A message from a template ``template_problem`` accepted."""
    return template.format_map(fields)
