"""Nested quotations, wrong-way marks and non-English marks, on sentences modelled on published copy."""
from __future__ import annotations

import pytest
from conftest import run_cli

from edlint.api import lint_text
from edlint.document import build_document

HEAD = "Council budget row\n\nThe council met on Monday to discuss the budget.\n\n"
WRONG = "attribution.wrong-way-quote"


def findings(body: str):
    found = lint_text(HEAD + body, "a.txt", select=["attribution"])
    return [f for f in found if f.rule != "attribution.anonymous-source"]


def problems(body: str):
    doc = build_document(HEAD + body, "a.txt")
    return doc, doc.quotations, doc.quote_problems


# ------------------------------------------------------------------ nested quotations

NESTED = [
    # The sentence from the issue: a speaker retelling a conversation.
    '"We asked for more," the mayor recalled. "And I said, \'Give us the funds.\' They said, '
    "'The budget can't take it.' I said, 'Then cut elsewhere.'\"",
    "\"My father told me, 'Never sell the farm,' and I never did,\" said Mr Evans.",
    "\"The coach came to me and said, 'He told me he was fit.' He was not,\" the striker said.",
    "\u2018They kept shouting \u201cOut, out, out\u201d at us,\u2019 she said.",
    "Ms Patel said: \u201cI rang the helpline. They said, \u2018We can\u2019t help you.\u2019 So I rang my MP.\u201d",
    "\"I rang the council. The officer said, 'We cannot help.'\n\n\"So I went to the papers,\" she said.",
    "He said: \u201cMy wife asked, \u2018Why are you still doing this?\u2019 I had no answer.\u201d",
]


@pytest.mark.parametrize("body", NESTED)
def test_nested_quotations_are_part_of_the_outer_quote(body):
    assert findings(body + "\n") == []
    doc, qs, probs = problems(body + "\n")
    assert probs == []
    outer = [q for q in qs if q.depth == 0]
    inner = [q for q in qs if q.depth == 1]
    assert inner and all(any(o.start < q.start < o.end for o in outer) for q in inner)


def test_reporters_sentence_without_a_nested_quote_still_ends_the_quote():
    body = ("\"We asked for more,\" the mayor recalled. \"And I said, 'Give us the funds.' Mr Jones said the plan had "
            "failed. \"It is over.\"\n")
    assert [f.rule for f in findings(body)] == ["attribution.unbalanced-quotes"]


# ------------------------------------------------------------------ wrong-way marks

@pytest.mark.parametrize(
    "body,mark,fixed",
    [
        ("Analysts said the odds were \u201dslim.\u201d\n", "\u201d",
         "the odds were \u201cslim.\u201d"),  # from the issue
        ("He wrote: \u201dWe are ready.\u201d\n", "\u201d", "He wrote: \u201cWe are ready.\u201d"),  # from the issue
        ("\u201dWe will rebuild,\u201d the mayor said.\n", "\u201d", "\u201cWe will rebuild,\u201d the mayor"),
        ("She called it \u201ca disgrace.\u201c Then she left.\n", "\u201c", "\u201ca disgrace.\u201d Then"),
        ("The so-called \u2019peace plan\u2019 was rejected by the council.\n", "\u2019", "\u2018peace plan\u2019"),
        ("Mr Khan (\u201dwe have no money\u201d) left early.\n", "\u201d", "(\u201cwe have no money\u201d)"),
    ],
)
def test_wrong_way_marks_are_their_own_rule_with_a_safe_fix(body, mark, fixed, tmp_path):
    found = findings(body)
    assert [f.rule for f in found] == [WRONG]
    (f,) = found
    text = HEAD + body
    assert text[f.start : f.end] == mark and f.fix is not None and f.fix.safe
    # Applied as a user would: `edlint fix` turns the mark round and nothing else.
    p = tmp_path / "story.txt"
    p.write_text(text, encoding="utf-8")
    r = run_cli("fix", str(p), "--select", WRONG, "--no-cache")
    assert r.returncode in (0, 1), r.stderr
    after = p.read_text(encoding="utf-8")
    assert fixed in after and len(after) == len(text)
    found = lint_text(after, "a.txt", select=["attribution"])
    assert [f.rule for f in found if f.rule != "attribution.anonymous-source"] == []


def test_wrong_way_mark_that_never_closes_is_reported_once_with_an_unsafe_fix():
    found = findings("He wrote: \u201dWe are ready.\n\nThe vote is on Friday.\n")
    assert [f.rule for f in found] == [WRONG]
    assert found[0].fix is not None and not found[0].fix.safe


@pytest.mark.parametrize(
    "body",
    [
        "They played \u2019em at their own game in the \u201990s, rock \u2019n\u2019 roll and all.\n",
        "The minister said it was over.\u201d Then he left.\n",  # a stray closing mark, not a wrong-way one
    ],
)
def test_apostrophes_and_stray_marks_are_not_wrong_way(body):
    assert WRONG not in {f.rule for f in findings(body)}


# ------------------------------------------------------------------ marks of other languages

@pytest.mark.parametrize(
    "body,texts",
    [
        ("Mrs Merkel said: \u201eWir schaffen das\u201c, and the phrase stuck.\n", ["Wir schaffen das"]),
        ("Le Monde called it \u00ab une catastrophe \u00bb, and Paris agreed.\n", ["une catastrophe"]),
        ("The banner read \u00abNon\u00bb in red letters.\n", ["Non"]),
        ("She recalled: \u201eEr sagte \u201aNein\u2018 und ging\u201c, and so he did.\n",
         ["Er sagte \u201aNein\u2018 und ging", "Nein"]),
        ("He said: \u201cThe sign said \u00abferm\u00e9\u00bb all week.\u201d\n",
         ["The sign said \u00abferm\u00e9\u00bb all week.", "ferm\u00e9"]),
    ],
)
def test_non_english_marks_pair_inside_english_copy(body, texts):
    doc, qs, probs = problems(body)
    assert probs == []
    assert [q.text(doc.prose) for q in qs] == texts and all(q.closed for q in qs)
    assert findings(body) == []
