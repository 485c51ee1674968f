"""edlint: an editorial linter for news copy.

Public API: ``Linter`` (check many texts with one configuration, see
docs/library.md), ``lint_text`` and ``lint_paths`` (in ``edlint.api``,
re-exported lazily here so ``import edlint`` stays cheap), and the data
types in ``edlint.core.findings``.
"""
__version__ = "0.1.0"

__all__ = ["Linter", "FixResult", "LintError", "lint_text", "lint_paths", "__version__"]


def __getattr__(name):
    if name in ("Linter", "FixResult", "LintError", "lint_text", "lint_paths"):
        from . import api

        return getattr(api, name)
    raise AttributeError(name)
