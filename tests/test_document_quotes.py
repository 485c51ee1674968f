"""The quotation model on tricky news copy."""
from __future__ import annotations

import pytest

from edlint.document import build_document


def quotes(text, path="a.txt"):
    doc = build_document(text, path)
    return doc, doc.quotations, doc.quote_problems


def test_seed_multi_paragraph_quotes_are_balanced(seed_text):
    doc, qs, problems = quotes(seed_text)
    # Only the teaser line 19 ('unipolar) is unbalanced; it is ad copy, handled by another family.
    assert [doc.line_col(p.start)[0] for p in problems] == [19]
    multi = {doc.line_col(q.start)[0]: len(q.segments) for q in qs if len(q.segments) > 1}
    assert multi == {5: 2, 13: 2, 22: 2, 27: 3}
    for q in qs:
        if doc.line_col(q.start)[0] != 19:
            assert q.closed


def test_continuation_needs_an_opening_mark():
    text = "Head\n\nShe said: \u201cWe will go.\nNobody knows what happens next.\n"
    doc, qs, problems = quotes(text)
    assert len(problems) == 1 and problems[0].kind == "unclosed"
    assert doc.line_col(problems[0].start) == (3, 11)


def test_joined_paragraphs_continue_mid_line():
    # BBC style: paragraphs joined on one line; straight quotes.
    text = ('Head\n\nMs Hewitt said: "We have already doubled it. '
            '"We are going to extend the pay." She said more.\n')
    doc, qs, problems = quotes(text)
    assert problems == []
    assert len(qs) == 1 and len(qs[0].segments) == 2 and qs[0].closed


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia\u2019s army and the players\u2019 union met.",
        "It was the \u201990s and rock \u2019n\u2019 roll was king.",
        "It was the '90s and rock 'n' roll was king, wasn't it?",
        "The Joneses' house and Russia's army.",
    ],
)
def test_apostrophes_are_not_quotes(sentence):
    doc, qs, problems = quotes("Head\n\n" + sentence + "\n")
    assert qs == [] and problems == []


def test_nested_single_inside_double():
    text = "Head\n\nHe said: \u201cThey called it \u2018a disaster\u2019 on Monday.\u201d\n"
    doc, qs, problems = quotes(text)
    assert problems == []
    assert [(q.kind, q.depth) for q in qs] == [("double", 0), ("single", 1)]
    assert qs[1].text(text) == "a disaster"


def test_straight_quotes_and_scare_quotes():
    text = 'Head\n\nThe Tories called the plan "desperate", while others said "it is fine."\n'
    doc, qs, problems = quotes(text)
    assert problems == [] and [q.text(text) for q in qs] == ["desperate", "it is fine."]


def test_stray_closing_mark():
    text = "Head\n\nThe minister said it was over.\u201d Then he left.\n"
    doc, qs, problems = quotes(text)
    assert [p.kind for p in problems] == ["stray-close"]


def test_in_quote_lookup(seed_text):
    doc = build_document(seed_text, "seed.txt")
    i = seed_text.index("Sloviansk")
    assert doc.in_quote(i)
    assert not doc.in_quote(seed_text.index("Slovyansk"))


def test_feet_and_inches_are_not_quotes():
    doc, qs, problems = quotes('Head\n\nHe is about 5\' 10" tall and was seen at 6\'2" height.\n')
    assert qs == [] and problems == []
