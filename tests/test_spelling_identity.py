"""Spelling discovery asks what a word is before calling it a respelling of a look-alike."""
from __future__ import annotations

import json

import pytest
from conftest import BBC, need_shared, run_cli

from edlint.api import lint_text
from edlint.checks.spelling.identity import is_ordinary_word, known_names, what_it_is


def discovered(text):
    return [f for f in lint_text(text, "a.txt", select=["spelling.discovered", "spelling.inconsistent"])]


@pytest.mark.parametrize(
    "text",
    [
        # A demonym beside a surname (BBC sport: "the 22-year-old Scot").
        "Head\n\nScott won the first set. The 22-year-old Scot then lost twice, and Scott went home.\n",
        # An exchange beside a word that starts a name (BBC business: Standard Life, Liffe).
        "Head\n\nStandard Life shares rose. Life insurers did well. Life was good. Trading on Liffe was quiet.\n",
        # A word beside a politician's surname (BBC politics: Diane Abbott).
        "Head\n\nLabour MP Diane Abbot backed the plan. Ms Abbott called progress painful.\n",
        # A tailor and a Taylor are two things; so are a Turk and a Turkey-born Turek.
        "Head\n\nGraham Taylor met a tailor. The Tailor of Panama was shown, and Taylor left.\n",
    ],
)
def test_known_things_are_not_respellings_of_each_other(text):
    assert discovered(text) == []


def test_a_club_name_is_corrected_by_the_curated_list_not_guessed():
    # BBC sport: "Partizan and Villareal" beside "Villarreal have been semi-finalists".
    text = "Head\n\nIt qualified alongside Partizan and Villareal. Lazio were favourites, Villarreal were not.\n"
    (f,) = discovered(text)
    assert f.rule == "spelling.inconsistent" and f.fix.edits[0].replacement == "Villarreal"


def test_an_ordinary_word_misspelt_is_still_found_and_the_word_proposed():
    (f,) = discovered("Head\n\nThe Council met. Council members agreed, and the Councyl vote passed.\n")
    assert f.rule == "spelling.discovered" and f.fix.edits[0].replacement == "Council"


def test_a_name_nobody_knows_is_still_found():
    (f,) = discovered("Head\n\nAlan Milburn said it would work.\n\nMr Mylburn added that Milburn was right.\n")
    assert f.fix.edits[0].replacement == "Milburn"


def test_the_officeholder_named_in_full_wins_over_the_majority():
    text = "Head\n\nTony Blayr spoke first. Mr Blayr said more. Later Tony Blair answered.\n"
    (f,) = discovered(text)
    assert f.fix.edits[0].replacement == "Blair"


def test_lookups():
    assert known_names()["scot"] == "demonym" and known_names()["liffe"] == "organisation"
    assert is_ordinary_word("Life") and is_ordinary_word("abbot")
    assert not is_ordinary_word("Blair")  # a word in the list, but a name too
    assert what_it_is("Roddick") is None


@pytest.mark.corpus
def test_bbc_has_none_of_the_four_false_kinds_and_few_findings():
    need_shared(BBC)
    p = run_cli("check", str(BBC), "--select", "spelling.discovered", "--format", "json", "--no-cache")
    found = json.loads(p.stdout)["findings"]
    words = {w for f in found for w in f["data"]["forms"]}
    assert not words & {"Scot", "Liffe", "Life", "Abbot", "Abbott", "Villareal", "Villarreal"}, words
    articles = sum(1 for x in BBC.rglob("*.txt") if x.name != "README.TXT")
    assert len(found) / articles * 100 <= 0.25, len(found)
