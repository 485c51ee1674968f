"""Every data rule (rules/**.yaml of a data kind) passes its own examples, and loads cleanly."""
from __future__ import annotations

import pytest

from edlint.api import lint_text
from edlint.core.kinds import discover, load_data_rule
from edlint.io.builtin_packs import pack_root

DATA_RULES = []
for path, family, display in discover(pack_root(), "rules"):
    cls = load_data_rule(path, family, display)
    if cls is not None:
        DATA_RULES.append(cls)


def _cases(kind):
    for cls in DATA_RULES:
        for i, text in enumerate(cls.spec.get("examples", {}).get(kind, [])):
            yield pytest.param(cls.meta.id, text, id=f"{cls.meta.id}-{kind}-{i}")


def test_there_are_data_rules():
    assert any(c.meta.id == "spelling.misspellings" for c in DATA_RULES)


@pytest.mark.parametrize("rule_id,text", list(_cases("fail")))
def test_fail_examples_are_flagged(rule_id, text):
    found = lint_text("Headline\n\n" + text + "\n", "example.txt", select=[rule_id])
    assert [f.rule for f in found] and all(f.rule == rule_id for f in found)


@pytest.mark.parametrize("rule_id,text", list(_cases("pass")))
def test_pass_examples_are_clean(rule_id, text):
    assert lint_text("Headline\n\n" + text + "\n", "example.txt", select=[rule_id]) == []


def test_substitution_fixes_are_not_flagged_themselves():
    for cls in DATA_RULES:
        if cls.spec["kind"] != "substitution":
            continue
        bad = set(k.lower() for k in cls.spec["swap"])
        for good in cls.spec["swap"].values():
            assert good.lower() not in bad, f"{cls.meta.id}: {good!r} is both a fix and flagged"


def test_every_data_rule_has_examples():
    for cls in DATA_RULES:
        ex = cls.spec.get("examples", {})
        assert ex.get("fail") and ex.get("pass"), f"{cls.meta.id} needs pass and fail examples"
