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


def test_offsets_are_characters_in_the_original_text_beyond_ascii():
    # Emoji and accented letters before a hit: offsets count characters, not bytes, so fixes land right.
    m = LiteralMatcher()
    m.add_all("rule", [("Kiev", "Kyiv"), ("café", "cafe")])
    text = "😀 A naïve Café in KIEV — Kiev’s."
    hits = m.scan(text)["rule"]
    assert [text[h.start : h.end] for h in hits] == ["Café", "KIEV", "Kiev"]
    assert [h.text for h in hits] == ["Café", "KIEV", "Kiev"]


def test_overlapping_terms_are_all_found_for_their_own_rules():
    # "New York" and "York Times" overlap in "New York Times": each rule gets its own hit.
    m = LiteralMatcher()
    m.add_all("places", [("New York", 1)])
    m.add_all("papers", [("York Times", 2), ("New York Times", 3)])
    hits = m.scan("The New York Times said so.")
    assert [h.text for h in hits["places"]] == ["New York"]
    assert sorted(h.text for h in hits["papers"]) == ["New York Times", "York Times"]


def test_a_pickled_matcher_builds_its_own_automaton():
    import pickle

    m = LiteralMatcher()
    m.add_all("rule", [("Kyiv", 1)])
    assert m.scan("Kyiv")["rule"]  # the automaton exists now
    copy = pickle.loads(pickle.dumps(m))
    assert [h.text for h in copy.scan("in Kyiv")["rule"]] == ["Kyiv"]


def test_text_with_lone_surrogates_is_searched_with_offsets_kept():
    # A byte that was not UTF-8, kept as a lone surrogate: the automaton cannot read it, the offsets still hold.
    m = LiteralMatcher()
    m.add_all("rule", [("Kiev", "Kyiv")])
    text = "Bad \udce9 byte, then Kiev."
    (hit,) = m.scan(text)["rule"]
    assert text[hit.start : hit.end] == "Kiev" and hit.text == "Kiev"
