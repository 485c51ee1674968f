"""The proselint family's one-pass plan skips only checks that could not fire, and the faster
runners report exactly what proselint's own code reports."""
from __future__ import annotations

import pytest

pytest.importorskip("proselint")

from edlint.checks.proselint_pack.plan import Plan, fold, pattern_literals, runner  # noqa: E402

TEXTS = [
    "It was the most unique plan, at most perfect, and the least possible outcome.",
    "MOST   UNIQUE and Least\tfinal, at most correct; most\nwhole; the most uniqueness.",
    "He said it was very unique, increasingly inevitable and more perfect than ever.",
    "Meantime, the thought leaders met at 12 pm to whet your appetite in the 1980's.",
    "All hell broke loose... she said!! (c) Mental telepathy, irregardless of the consensus of opinion.",
    "Moſt unique: the long s, \u0130rregardless and the Kelvin sign \u212audos, many kudos.",
    "The the plan was, at this point in time, finalized by enplaning passengers.",
]


def _all_checks():
    from proselint.checks import __register__

    return __register__


def test_literals_are_read_from_the_pattern():
    assert pattern_literals(r"all hell broke loose") == {"all hell broke loose"}
    assert pattern_literals(r"enplan(?:e|ed|ing|ement)") == {"enplan"}
    assert pattern_literals(r"(?:general )?consensus of opinion") == {"consensus of opinion"}
    assert pattern_literals(r"whet (?:the|your) appetite") == {" appetite"}  # the longest sure run
    assert pattern_literals(r"\d{1,2} ?[ap]m") == {"m"}
    assert pattern_literals(r"\w!") == {"!"}
    assert pattern_literals(r"[a-z]+") is None


def test_fold_keeps_what_the_engines_match_case_blind():
    assert "most" in fold("Moſt")
    assert "irregardless" in fold("\u0130rregardless")
    assert "kudos" in fold("\u212audos")


@pytest.mark.parametrize("text", TEXTS)
def test_skipped_checks_find_nothing_and_fast_runners_agree(text):
    content = "\n" + text + "\n"
    checks = _all_checks()
    live = Plan(checks).live(content)
    for chk in checks:
        want = list(chk.check_with_flags(content))
        if id(chk) not in live:
            assert want == [], f"{chk.path} was skipped but proselint reports {want}"
        fast = runner(chk)
        if fast is not None:
            assert list(fast(content)) == want, chk.path


def test_the_plan_skips_most_checks_on_plain_news():
    content = "\nThe council met on Monday and agreed the budget for next year.\n"
    checks = _all_checks()
    assert len(Plan(checks).live(content)) < len(checks) / 3
