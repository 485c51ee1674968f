"""``Linter``: one configuration, built once, checking any number of texts.

A library user (or a Dask worker) checks thousands of articles with the same
settings. Building the rule registry, the rule sets and the knowledge base
for each article would cost more than checking it, so a ``Linter`` resolves
its configuration once, when it is made, and loads everything heavy lazily,
on its first check, once. It keeps no global state: two Linters with
different settings live side by side.

A Linter pickles to its settings only (the configuration, ``select``,
``ignore`` and an identity token), so shipping it to a worker process is
cheap; the worker loads the rules on its first text. Copies made by
pickling share the token, which lets a worker keep one loaded Linter for
every task that brings a copy (see ``edlint.dask``).

The checking itself is ``Runner.lint_source``, the code path the command
line uses for every file, so a text gives the same findings either way.
"""
from __future__ import annotations

import datetime as _dt
import threading
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from .config import Config, load_config
from .model import Finding
from .runner import RunOptions, Runner
from .source import SourceFile

KINDS = ("text", "markdown")


class LintError(ValueError):
    """A text could not be checked (bad front matter, a rule's internal error...): one line saying why."""


@dataclass(frozen=True)
class FixResult:
    """What ``Linter.fix_text`` did: the new text, how many fixes it applied, the findings left."""

    text: str
    applied: int
    remaining: list[Finding] = field(default_factory=list)


class _FixedRunner(Runner):
    """A Runner that uses one given configuration for every text instead of looking for one."""

    def __init__(self, config: Config, options: RunOptions):
        super().__init__(options)
        self._fixed = config

    def config_for(self, path: Path | None) -> Config:
        return self._fixed


class Linter:
    """Check and fix article texts with one configuration.

    ``config`` is a path to an ``edlint.toml`` (or a ``pyproject.toml`` with
    ``[tool.edlint]``), a loaded ``Config``, or None for the built-in
    defaults; it is read now, so a broken file fails here and not on the
    thousandth article. ``select`` and ``ignore`` narrow the rules as on the
    command line.
    """

    def __init__(
        self,
        config: str | Path | Config | None = None,
        *,
        select: list[str] | None = None,
        ignore: list[str] | None = None,
    ):
        if isinstance(config, Config):
            self.config = config
        else:
            self.config = load_config(Path(config) if config is not None else None)
        self.select = list(select) if select else None
        self.ignore = list(ignore) if ignore else None
        self.token = uuid.uuid4().hex
        self._runner: _FixedRunner | None = None
        self._lock = threading.Lock()

    # ------------------------------------------------------------ pickling
    def __getstate__(self) -> dict:
        return {"config": self.config, "select": self.select, "ignore": self.ignore, "token": self.token}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._runner = None
        self._lock = threading.Lock()

    def __dask_tokenize__(self) -> tuple:
        # Dask names tasks by their arguments: the token is this Linter's identity, cheap to hash.
        return ("edlint.Linter", self.token)

    def __repr__(self) -> str:
        where = self.config.path or "defaults"
        return f"Linter(config={where!r}, select={self.select!r}, ignore={self.ignore!r})"

    # ------------------------------------------------------------ loading
    @property
    def runner(self) -> Runner:
        """The loaded rules (built on first use, once, even when threads race for it)."""
        runner = self._runner
        if runner is None:
            with self._lock:
                if self._runner is None:
                    options = RunOptions(select=self.select, ignore=self.ignore, keep_text=False)
                    fresh = _FixedRunner(self.config, options)
                    fresh.registry_for(self.config)  # the heavy part: load the rule families now, under the lock
                    self._runner = fresh
                runner = self._runner
        return runner

    @property
    def loaded(self) -> bool:
        """Whether this Linter has loaded its rules yet (a fresh or unpickled one has not)."""
        return self._runner is not None

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
        res = self.runner.lint_source(
            SourceFile(path=name, text=text), Path(path) if path is not None else None, date=date, kind=kind
        )
        if res.error:
            raise LintError(res.error)
        return res.findings

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
        from .fix import fix_until_stable

        def relint(new: str) -> list[Finding]:
            return self.check_text(new, path=path, date=date, kind=kind)

        outcome = fix_until_stable(text, relint(text), relint, unsafe=unsafe)
        return FixResult(text=outcome.text, applied=outcome.applied, remaining=list(outcome.remaining))
