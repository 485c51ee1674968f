"""Patterns compiled on first use: a case-insensitive pattern's fast twin says what the pattern says."""
from __future__ import annotations

import re

import pytest

from edlint.document.lazyre import caseless

_SAYS = r"(?<![\w-])(said|says|according to)(?![\w-])"


@pytest.mark.parametrize("text", [
    "He SAID so.", "Mr Smith Said:", "according To the report", "Spanish-saying people", "unsaid", "",
    "Café owner said", "£5m, she says", "\u017faid",  # ſ folds to s: beyond Latin-1, so the pattern itself answers
    "\u0130n a letter, he says", "The \u212aing said", "sayings", "they said-", "said\n",
])
def test_found_in_agrees_with_the_case_insensitive_pattern(text):
    rx = caseless(_SAYS)
    assert rx.found_in(text) == bool(re.search(_SAYS, text, re.I))


def test_other_methods_are_the_case_insensitive_pattern():
    rx = caseless(_SAYS)
    assert rx.search("He SAID so.").group(1) == "SAID"
    assert rx.flags & re.IGNORECASE


def test_latin1_text_never_compiles_the_case_insensitive_pattern():
    # Copy is nearly always Latin-1: the twin answers, and the slow case-insensitive compile is never paid.
    rx = caseless(lambda: _SAYS)  # a pattern built on first use, as the word-list patterns are
    assert rx.found_in("Mr Smith Said:") and not rx.found_in("unsaid")
    assert rx._compiled is None
    assert rx.found_in("\u017faid")  # beyond Latin-1: now the pattern itself is compiled and answers
    assert rx._compiled is not None


def test_a_pattern_with_upper_case_letters_is_refused():
    # Lower-cased text would never match "US": the twin would not say what the pattern says.
    with pytest.raises(ValueError):
        caseless(r"\bthe US\b").found_in("the us")
    assert caseless(r"\W+\bsaid\b").found_in("... SAID")  # escapes are not letters


def test_no_module_compiles_a_pattern_at_import():
    """Module-level patterns are ``lazy(...)``: importing a module compiles nothing (start-up stays cheap)."""
    import ast
    from pathlib import Path

    package = Path(__file__).resolve().parents[1] / "edlint"
    found = []
    for path in package.rglob("*.py"):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            value = getattr(node, "value", None)
            compiles = isinstance(value, ast.Call) and ast.unparse(value.func) in ("re.compile", "compile")
            if isinstance(node, (ast.Assign, ast.AnnAssign)) and compiles:
                found.append(f"{path.relative_to(package)}:{node.lineno}")
    assert found == []


def test_a_lazy_pattern_once_compiled_calls_the_compiled_methods_directly():
    from edlint.document.lazyre import lazy

    rx = lazy(r"\bKyiv\b")
    assert rx.search("in Kyiv today").span() == (3, 7)  # compiles on first use
    compiled = rx.compiled()
    for name in ("search", "match", "fullmatch", "finditer", "findall", "sub", "split"):
        assert getattr(rx, name).__self__ is compiled  # no wrapper left between a rule's loop and the engine
    assert rx.pattern == r"\bKyiv\b" and rx.groups == 0
