"""``Linter``: one configuration, built once, checking any number of texts.

A library user (or a Dask worker) checks thousands of articles with the same
settings. Building the rule registry, the rule sets and the knowledge base
for each article would cost more than checking it, so a ``Linter`` resolves
its configuration once, when it is made, and loads everything heavy lazily,
on its first check, once. It keeps no global state: two Linters with
different settings live side by side.

A Linter pickles to its settings only (the configuration, ``select``,
``ignore``, ``language`` and an identity token), so shipping it to a worker
process is cheap; the worker loads the rules on its first text. Copies made
by pickling share the token, which lets a worker keep one loaded Linter for
every task that brings a copy (see ``edlint.run.dask``).

The command line checks files through Linters too: its ``Runner`` finds each
file's configuration and hands the document to the Linter it keeps for that
configuration (``Linter.check_source``), so a text gives the same findings
either way because it runs the same code.
"""
from __future__ import annotations

import datetime as _dt
import os
from _thread import allocate_lock as _new_lock  # threading.Lock itself, without loading threading
from pathlib import Path

from edlint.core.engine import RuleCrash, lint_document
from edlint.core.findings import FileResult, Finding
from edlint.core.registry import (
    Registry,
    RuleSet,
    build_registry,
    resolve,
    unused_opt_in_families,
)
from edlint.core.services import Services
from edlint.document import build_document
from edlint.io.articles import SourceFile
from edlint.io.config import Config, load_config
from edlint.io.errors import InputError
from edlint.records import FrozenRecord

KINDS = ("text", "markdown")


class LintError(ValueError):
    """A text could not be checked (bad front matter, a rule's internal error...): one line saying why."""


class FixResult(FrozenRecord):
    """What ``Linter.fix_text`` did: the new text, how many fixes it applied, the findings left."""

    _fields = ("text", "applied", "remaining")

    def __init__(self, text: str, applied: int, remaining: list[Finding] | None = None) -> None:
        self.text = text
        self.applied = applied
        self.remaining = [] if remaining is None else remaining


class Shared:
    """What the Linters of one run may share: loaded services, registries and resolved rule sets.

    A run over folders with several configurations keeps one Linter per
    configuration; they share this so the knowledge base and rule families
    load once per run, as before. A Linter made on its own has its own.
    """

    def __init__(self) -> None:
        self.services = Services()
        self.registries: dict[tuple, Registry] = {}
        self.rulesets: dict = {}
        self.lock = _new_lock()

    def registry(self, config: Config, select: list[str] | None) -> Registry:
        skip = unused_opt_in_families(config, select)
        key = (tuple(str(d) for d in config.rule_dirs), skip)
        with self.lock:
            if key not in self.registries:
                self.registries[key] = build_registry(config.rule_dirs, skip)
            return self.registries[key]


class Linter:
    """Check and fix article texts with one configuration.

    ``config`` is a path to an ``edlint.toml`` (or a ``pyproject.toml`` with
    ``[tool.edlint]``), a loaded ``Config``, or None for the built-in
    defaults; it is read now, so a broken file fails here and not on the
    thousandth article. ``select`` and ``ignore`` narrow the rules as on the
    command line; ``language`` ("auto" or "en") overrides the configuration's.
    ``shared`` lets the Linters of one run share what they load.
    """

    def __init__(
        self,
        config: str | Path | Config | None = None,
        *,
        select: list[str] | None = None,
        ignore: list[str] | None = None,
        language: str | None = None,
        shared: Shared | None = None,
    ):
        if isinstance(config, Config):
            self.config = config
        else:
            self.config = load_config(Path(config) if config is not None else None)
        self.select = list(select) if select else None
        self.ignore = list(ignore) if ignore else None
        self.language = language
        self.token = os.urandom(16).hex()
        self._shared = shared
        self._registry: Registry | None = None
        self._flat: RuleSet | None = None
        self._lock = _new_lock()

    # ------------------------------------------------------------ pickling
    def __getstate__(self) -> dict:
        return {"config": self.config, "select": self.select, "ignore": self.ignore,
                "language": self.language, "token": self.token}

    def __setstate__(self, state: dict) -> None:
        state.setdefault("language", None)
        self.__dict__.update(state)
        self._shared = None
        self._registry = None
        self._flat = None
        self._lock = _new_lock()

    def __dask_tokenize__(self) -> tuple:
        # Dask names tasks by their arguments: the token is this Linter's identity, cheap to hash.
        return ("edlint.Linter", self.token)

    def __repr__(self) -> str:
        where = self.config.path or "defaults"
        return f"Linter(config={where!r}, select={self.select!r}, ignore={self.ignore!r})"

    # ------------------------------------------------------------ loading
    @property
    def registry(self) -> Registry:
        """The loaded rule families (built on first use, once, even when threads race for it)."""
        registry = self._registry
        if registry is None:
            with self._lock:
                if self._registry is None:
                    if self._shared is None:
                        self._shared = Shared()
                    self._registry = self._shared.registry(self.config, self.select)
                registry = self._registry
        return registry

    @property
    def loaded(self) -> bool:
        """Whether this Linter has loaded its rules yet (a fresh or unpickled one has not)."""
        return self._registry is not None

    def ruleset_for(self, path: Path | str | None) -> RuleSet:
        """The rules for one file; one set for every file when no override names paths."""
        registry = self.registry
        config = self.config
        assert self._shared is not None
        if any(layer.paths is not None for layer in config.layers):
            return resolve(registry, config, str(path) if path else None,
                           self.select, self.ignore, self._shared.rulesets)
        if self._flat is None:
            self._flat = resolve(registry, config, None, self.select, self.ignore, self._shared.rulesets)
        return self._flat

    # ------------------------------------------------------------ checking
    def check_text(
        self,
        text: str,
        *,
        path: str | None = None,
        date: _dt.date | None = None,
        kind: str | None = None,
    ) -> list[Finding]:
        """Findings for one article, sorted by position.

        ``path`` names the text in findings and picks the ``[[overrides]]``
        that apply (it is never read); ``kind`` is "text" or "markdown"
        (default: from the path's suffix, else text); ``date`` is the
        article's date where its front matter has none. Raises ``LintError``
        when the text cannot be checked and ``TypeError`` when it is not a string.
        """
        if not isinstance(text, str):
            raise TypeError(f"text must be a string, not {type(text).__name__}")
        if kind is not None and kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
        name = path if path is not None else "<text>"
        res = self.check_source(SourceFile(path=name, text=text), Path(path) if path is not None else None,
                                date=date, kind=kind)
        if res.error:
            raise LintError(res.error)
        return res.findings

    def check_source(
        self, src: SourceFile, path: Path | None = None, *,
        date: _dt.date | None = None, kind: str | None = None, keep_text: bool = False,
    ) -> FileResult:
        """Check one decoded article; the command line calls this for every file it lints.

        ``path`` picks the ``[[overrides]]`` that apply. A text that cannot be
        checked comes back as a result with an ``error``, never an exception.
        """
        config = self.config
        res = FileResult(path=src.path, had_bom=src.had_bom, fail_on=config.fail_on)
        try:
            ruleset = self.ruleset_for(path)
            doc = build_document(src.text, src.path, kind=kind, default_date=date)
            res.skipped = _language_skip(doc, self.language or config.language)
            if res.skipped:
                if keep_text:
                    res.text = src.text
                return res
            assert self._shared is not None
            result = lint_document(doc, ruleset, self._shared.services, str(config.root))
        except (InputError, RuleCrash) as exc:
            res.error = str(exc)
            return res
        res.findings = result.findings
        res.figures = result.figures
        res.date = doc.date.isoformat() if doc.date else None
        res.date_source = doc.date_source
        if keep_text:
            res.text = src.text
        return res

    def fix_text(
        self,
        text: str,
        *,
        path: str | None = None,
        date: _dt.date | None = None,
        kind: str | None = None,
        unsafe: bool = False,
    ) -> FixResult:
        """Apply safe fixes (all fixes with ``unsafe``), re-checking until nothing changes, as ``edlint fix`` does."""
        from edlint.workflow.fixes import fix_until_stable

        def relint(new: str) -> list[Finding]:
            return self.check_text(new, path=path, date=date, kind=kind)

        outcome = fix_until_stable(text, relint(text), relint, unsafe=unsafe)
        return FixResult(text=outcome.text, applied=outcome.applied, remaining=list(outcome.remaining))


def _language_skip(doc, language: str) -> str | None:
    """The note for a file not in English (its rules would only say nonsense), or None to check it."""
    if language != "auto":
        return None
    from edlint.document.language import detect, skip_note

    found = detect(doc.prose)
    return skip_note(found) if found else None
