"""Furniture that a line's neighbours give away, and the guards that keep copy in.

A caption over its picture's credit, Title Case headlines in pairs, labels
between two leftovers, a clip's running time; and copy that looks like them:
a short sentence over a credit, a subheading alone, a list of nominees or
works, a row of a share table, a verse quoted twice in another language.
Lines are in the forms real pages carry.
"""
from __future__ import annotations

import pytest

from edlint.api import lint_text

P1 = "The council approved its budget for schools on Monday after a long debate in the chamber about spending."
P2 = "Councillors said the money would pay for repairs to twelve primary schools and two new classrooms."


def _found(middle: str) -> list[tuple[int, str]]:
    """(line, kind) of each finding on an article with ``middle`` between its two paragraphs (from line 5)."""
    text = f"Council approves new budget for schools\n\n{P1}\n\n{middle}\n\n{P2}\n"
    return [(f.line, f.message.split(":")[0].split(" [")[0]) for f in lint_text(text, "a.txt", select=["adcopy"])]


@pytest.mark.parametrize(
    "caption, credit",
    [
        ("Michael R. Bloomberg campaigns in Houston last week.", "(Elizabeth Conley / Houston Chronicle)"),
        ("Neil Gaiman and John M. Ford in 2002.", "Photo by Jane Doe"),
        ("The island of Redonda, once thought doomed by ravenous goats and rats.",
         "Photograph by Jane Doe, Example Trust"),
        ("Facebook CEO Mark Zuckerberg, the man with the acquisition plan.", "Photo by Jane Doe/Example News"),
        ("People walk past the stock exchange building in Mumbai May 13, 2014.", "Credit: Reuters/Jane Doe/Files"),
    ],
)
def test_a_caption_over_its_credit(caption, credit):
    assert _found(f"{caption}\n\n{credit}") == [(5, "Leftover photo caption"), (7, "Leftover photo credit")]


@pytest.mark.parametrize(
    "copy, credit",
    [
        ("The council met on Monday to discuss the budget.", "Photo by Jane Doe/Example News"),  # a story told
        ("\u201cThere is no other way but to leave office early.\u201d", "Photo by Jane Doe/Example News"),
        ("We visited the new school on its first day.", "Photo by Jane Doe/Example News"),
        ("He has consistently denied being unfair to her.", "Image copyright Getty Images"),  # a BBC credit
        ("The mayor will open the bridge next week.", "Supporters wave flags at the rally. AP Photo/Jane Doe"),
    ],
)
def test_copy_over_a_credit_stays(copy, credit):
    assert (5, "Leftover photo caption") not in _found(f"{copy}\n\n{credit}")


def test_title_case_headlines_in_a_pair_are_related_headlines():
    pair = "15 Amazing Images of Stars\n\n11 Fascinating Facts About Our Milky Way Galaxy"
    assert _found(pair) == [(5, "Leftover related headline")]
    pair = ("Pizza Man Making Special Delivery to Troops During Super Bowl\n\n"
            "Redesigned Scopes Fail to Stop Superbug Outbreaks")
    assert _found(pair) == [(5, "Leftover related headline")]


@pytest.mark.parametrize(
    "lines",
    [
        "The Biggest Unanswered Questions About Dark Matter",  # a subheading comes alone
        "Catherine Tate (The Catherine Tate Show, BBC Two)\n\nNighty Night (Baby Cow Productions, BBC Three)",
        "The Pilot and the Little Prince\n\nPeter Sis; Farrar, Straus and Giroux\n\nMister Bud Wears the Cone",
        "The shortlist:\n\nThe Pilot and the Little Prince Comes Home\n\nMister Bud Wears the Cone",
        "How to Take Care of Hydrangeas That Are in the Ground\n\n1. Know When to Plant Them",  # numbered steps
    ],
)
def test_title_case_copy_stays(lines):
    assert _found(lines) == []


def test_labels_between_furniture_are_furniture():
    prompt, share = "Sign up to our daily newsletter for the latest news.", "Share this article on Facebook"
    found = _found(f"{prompt}\n\nAuthor\u2019s column\n\nUpcoming updates\n\n{share}")
    assert found == [(5, "Leftover prompt")]  # one block, lines 5 to 11
    # a sentence between two leftovers, or more than two labels, is left to the other tests
    assert _found(f"{prompt}\n\nThe council will meet again next week to discuss it.\n\n{share}") == [
        (5, "Leftover prompt"), (9, "Leftover prompt")]


def test_the_headline_between_furniture_stays():
    text = (f"Ronson Denies Winehouse Affair\n\n{P1}\n\nSign up to our daily newsletter for the latest news.\n\n"
            f"Ronson Denies Winehouse Affair\n\nShare this article on Facebook\n\n{P2}\n")
    found = [f.line for f in lint_text(text, "a.txt", select=["adcopy"])]
    assert found == [5, 9]


@pytest.mark.parametrize("line", ["Romney Wins Michigan Primary (2:46)",
                                  "Jane Doe reports for Example Radio (Runs: 1:29)"])
def test_a_clip_with_its_running_time_is_a_related_headline(line):
    assert _found(line) == [(5, "Leftover related headline")]


@pytest.mark.parametrize("line", ["Polls Close at 8:00 Tonight", "4:14 p.m.",
                                  "The final finished 2-1 (after extra time)"])
def test_times_in_copy_stay(line):
    assert _found(line) == []


def test_rows_of_a_share_table_are_not_teasers():
    rows = ("Housing Development Finance Corporation Of India 1,980.05 2.40 0.12\n"
            "Tata Consultancy Services Limited 2,210.45 8.10 0.37\n"
            "Infosys Technologies Limited Bangalore 715.20 4.55 0.64")
    assert _found(rows) == []
    assert _found(rows.replace("\n", "\n\n")) == []


def test_a_verse_quoted_twice_in_another_language_is_not_a_caption():
    verse = "Indonesia tanah airku tanah tumpah darahku di sanalah aku berdiri jadi pandu ibuku"
    assert _found(f"{verse}\n\n{P1}\n\n{verse}") == []
    caption = "Jane Doe arrives at the town hall on Monday for the budget vote"
    assert _found(f"{caption}\n\n{P1}\n\n{caption}") == [(5, "Leftover photo caption"), (9, "Leftover photo caption")]


def test_a_teaser_list_goes_on_past_an_abbreviation():
    teasers = ("Most popular recent stories:\n\u2022 A Vista vs. Linux matchup\n"
               "\u2022 Choosing a desktop Linux distro\n\u2022 Linus versus GNOME")
    found = lint_text(f"Head\n\n{P1}\n\n{teasers}\n\n{P2}\n", "a.txt", select=["adcopy"])
    assert [(f.line, f.end_line) for f in found] == [(5, 8)]


def _lines(text: str) -> list[tuple[int, int]]:
    return [(f.line, f.end_line) for f in lint_text(text, "a.txt", select=["adcopy"])]


HEAD = "Council approves new budget for schools"


@pytest.mark.parametrize("label", ["Life is Local", "4 TalkBacks", "Analysis"])
def test_a_label_over_furniture_above_the_copy_is_top_matter(label):
    text = f"{HEAD}\n\n{label}\n\nShare this article on Facebook\n\n{P1}\n\n{P2}\n"
    assert _lines(text) == [(3, 5)]


def test_the_title_and_labels_inside_the_copy_stay():
    title = (f"{HEAD}\n\nSign up to our daily newsletter for the latest news.\n\nNew budget for schools\n\n"
             f"Share this article on Facebook\n\n{P1}\n\n{P2}\n")
    assert _lines(title) == [(3, 3), (7, 7)]  # the headline's words between two prompts stay
    below = f"{HEAD}\n\n{P1}\n\nWhy it matters\n\nShare this article on Facebook\n\n{P2}\n"
    assert _lines(below) == [(7, 7)]  # under the first paragraph a label may be a subheading


@pytest.mark.parametrize(
    "line",
    [
        "Bowling Jane Doe 2-0-20-0",  # bowling figures: no date has a month 0
        "AP: Why Cruise?",  # a question in an interview, not a credit
    ],
)
def test_figures_and_questions_are_not_stamps_or_credits(line):
    assert _found(line) == []


def test_a_row_of_a_fact_box_is_not_a_credit():
    box = ("Processor: 1.2GHz VIA C7-M ULV Processor\nMemory: 512MB DDR2 533MHz SDRAM\n"
           "Graphic: VIA UniChrome Pro IGP\nAudio: VIA VT1708A Audio Codec")
    assert _found(box) == []
    assert _found("Illustration: Jane Doe/Axios") == [(5, "Leftover photo credit")]  # a credit on its own
