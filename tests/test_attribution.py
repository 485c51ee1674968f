"""Attribution: headline quotes, dangling pronouns, unbalanced marks, unintroduced sources, anonymous sources."""
from __future__ import annotations

import json

from conftest import SEED, need_shared, run_cli
from edlint.api import lint_text


def rules_of(text, path="a.txt", select=("attribution",)):
    return [(f.rule, f.line) for f in lint_text(text, path, select=list(select)) if f.rule != "attribution.anonymous-source"]


def test_seed_only_the_headline_finding():
    need_shared(SEED)
    p = run_cli("check", str(SEED), "--format", "json", "--no-cache", "--date", "2022-07-08")
    found = [(f["rule"], f["line"]) for f in json.loads(p.stdout)["findings"] if f["rule"].startswith("attribution.")]
    assert found == [("attribution.headline-quote", 1)]
    (f,) = [f for f in json.loads(p.stdout)["findings"] if f["rule"].startswith("attribution.")]
    assert "Ben Wallace" in f["message"] and "full square behind them" in f["message"]


def test_headline_quote_supported_with_small_edits_passes():
    text = "Minister vows 'no retreat on the aid'\n\nThe minister, Jane Smith, spoke on Monday.\n\nShe said: \"There will be no retreat on aid.\"\n"
    assert rules_of(text) == []


def test_headline_speaker_missing_from_body_fails():
    text = "Ben Wallace assures Ukraine UK is 'full square behind them'\n\nThe news comes as troops advance.\n"
    assert rules_of(text) == [("attribution.headline-quote", 1)]


def test_paraphrase_marks_in_headlines_pass():
    # The BBC convention: quote marks around a reported claim, not verbatim words.
    text = "Steel firm 'to cut' 45,000 jobs\n\nMittal Steel, one of the world's largest firms, plans to shed jobs.\n"
    assert rules_of(text) == []


def test_dangling_pronoun():
    text = "Head\n\nHe said: \"We will not retreat.\"\n\nMr Smith spoke later.\n"
    assert rules_of(text) == [("attribution.dangling-pronoun", 3)]
    ok = "Head\n\nMr Lavrov denounced the West.\n\nHe said: \"It was not us.\"\n"
    assert rules_of(ok) == []
    role = "Head\n\nThe Russian premier said talks were off.\n\nHe added: \"Everyone should know.\"\n"
    assert rules_of(role) == []


def test_unbalanced_and_multi_paragraph_convention():
    bad = "Head\n\nJane Smith said: \u201cWe will go.\n\nNobody knows what happens next.\n"
    assert rules_of(bad) == [("attribution.unbalanced-quotes", 3)]
    good = "Head\n\nJane Smith said: \u201cWe will go.\n\n\u201cAnd we will return.\u201d\n"
    assert rules_of(good) == []


def test_unintroduced_source():
    bad = "Head\n\nThe report continues: \u201cTroops are tired.\u201d\n"
    assert rules_of(bad) == [("attribution.unintroduced-source", 3)]
    good = "Head\n\nAccording to the latest intelligence report, troops are tired.\n\nThe report continues: \u201cMore will follow.\u201d\n"
    assert rules_of(good) == []


def test_anonymous_source_is_opt_in():
    text = "Head\n\nA senior US official said: \u201cIt cannot be business as usual.\u201d\n"
    assert lint_text(text, "a.txt") == [] or all(f.rule != "attribution.anonymous-source" for f in lint_text(text, "a.txt"))
    (f,) = lint_text(text, "a.txt", select=["attribution.anonymous-source"])
    assert f.line == 3
