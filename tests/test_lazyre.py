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


def test_a_pattern_with_upper_case_letters_is_refused():
    # Lower-cased text would never match "US": the twin would not say what the pattern says.
    with pytest.raises(ValueError):
        caseless(r"\bthe US\b").found_in("the us")
    assert caseless(r"\W+\bsaid\b").found_in("... SAID")  # escapes are not letters
