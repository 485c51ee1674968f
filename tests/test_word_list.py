"""The shipped English word list answers exactly as the ``english-words`` package's set does, without loading it."""
from __future__ import annotations

import random
from pathlib import Path

from edlint.checks.spelling.identity import is_ordinary_word
from edlint.knowledge.words import WordList, english_words, text_of
from conftest import generated_file_is_current

REPO = Path(__file__).resolve().parents[1]


def test_the_shipped_file_matches_the_package():
    assert generated_file_is_current("build_word_list"), "run: python scripts/build_word_list.py"


def test_lookups_agree_with_the_package_set_on_words_and_near_misses():
    from english_words import get_english_words_set

    source = get_english_words_set(["web2"], alpha=True, lower=False)
    shipped = english_words()
    rng = random.Random(7)
    sample = rng.sample(sorted(source), 3000)
    probes = sample + [w.lower() for w in sample] + [w.capitalize() for w in sample] + [w + "x" for w in sample]
    probes += ["", "A", "a", "zyzzyva", "Zyzzogeton", "Kyiv", "Abbot", "abbot", "Abbott", "naïve", "a\nb", "Blair"]
    assert [p in shipped for p in probes] == [p in source for p in probes]


def test_ordinary_words_and_names_as_the_rules_ask():
    assert is_ordinary_word("Life") and is_ordinary_word("Abbot")
    assert not is_ordinary_word("Blair")  # a Scots word, and capitalised in the list too: a name
    assert not is_ordinary_word("Kyiv")


def test_bisection_over_a_small_list_finds_first_last_and_absent_words():
    words = WordList(text_of(["b", "Zed", "apple", "Émile", "zz"]).encode("utf-8"))
    for w in ("Zed", "apple", "b", "zz", "Émile"):
        assert w in words
    for w in ("a", "Ze", "zzz", "", "Emile", "c"):
        assert w not in words
    assert "x" not in WordList(text_of([]).encode("utf-8"))
