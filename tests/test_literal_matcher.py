"""The one literal pass: terms added one by one or in bulk match the same, whole words only, any case."""
from __future__ import annotations

from edlint.core.matcher import LiteralMatcher

TERMS = [("Kyiv", "k"), (" Don’t ", "d"), ("İstanbul", "i"), ("", "empty"), ("‘quote’", "q"), ("ABC news", "a")]
TEXT = "Kyiv said: don't go to İSTANBUL or Kyivan towns. abc News says ‘quote’."


def test_bulk_and_single_adds_build_the_same_table_and_hits():
    one, bulk = LiteralMatcher(), LiteralMatcher()
    for term, payload in TERMS:
        one.add("rule", term, payload)
    bulk.add_all("rule", TERMS)
    assert dict(one._terms) == dict(bulk._terms)
    hits = bulk.scan(TEXT)["rule"]
    assert [(h.text, h.payload) for h in hits] == [(h.text, h.payload) for h in one.scan(TEXT)["rule"]]
    assert [h.text for h in hits] == ["Kyiv", "don't", "İSTANBUL", "abc News", "‘quote’"]  # not "Kyivan"


def test_terms_added_after_a_scan_are_found_by_the_next_scan():
    m = LiteralMatcher()
    m.add_all("rule", [("Kyiv", 1)])
    assert m.scan("Kyiv")["rule"][0].payload == 1
    m.add_all("other", [("Kiev", 2)])
    assert m.scan("Kiev and Kyiv").keys() == {"rule", "other"}
