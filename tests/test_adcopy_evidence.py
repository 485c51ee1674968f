"""Furniture that needs two pieces of evidence, and copy that has only one.

A Markdown article's first line is its title, not a byline; a line in
brackets is a credit only beside other furniture; a list that a sentence of
the copy leads into is no menu; a label repeated in step down the page is
furniture, a line of a schedule repeated in step is not; a long caption is
known by the credit it shares with a caption already found. Lines are in the
forms real pages carry.
"""
from __future__ import annotations

import pytest

from edlint.api import lint_text

P1 = "The council approved its budget for schools on Monday after a long debate in the chamber about spending."
P2 = "Councillors said the money would pay for repairs to twelve primary schools and two new classrooms."


def _found(text: str, path: str = "a.txt") -> list[tuple[int, str]]:
    return [(f.line, f.message.split(":")[0].split(" [")[0]) for f in lint_text(text, path, select=["adcopy"])]


# --- a Markdown article's first line


@pytest.mark.parametrize(
    "front",
    [
        "---\ndate: 2024-03-01\nauthor: Jane Doe\n---\n",  # front matter with no title
        "---\ndate: 2024-03-01\n---\n\n",
        "",  # no front matter, no heading
    ],
)
def test_the_first_line_of_a_markdown_article_is_its_title(front):
    for title in ("Council news", "Council Approves New Budget", "Jane Doe"):
        assert _found(f"{front}{title}\n\n{P1}\n\n{P2}\n", "story.md") == []


def test_furniture_at_the_top_of_a_markdown_article_is_still_found():
    front = "---\ndate: 2024-03-01\n---\n"
    assert _found(f"{front}By Jane Doe, Political Editor\n\n{P1}\n\n{P2}\n", "story.md") == [
        (4, "Leftover byline")]
    assert _found(f"{front}Advertisement\n\n{P1}\n\n{P2}\n", "story.md") == [(4, "Leftover advertising label")]
    # under a title, a name alone over the first paragraph is where a byline sits
    assert _found(f"{front}Council news\n\nJane Doe\n\n{P1}\n\n{P2}\n", "story.md") == [(6, "Leftover byline")]


def test_a_name_under_a_plain_text_headline_is_still_a_byline():
    assert _found(f"Council news\n\nJane Doe\n\n{P1}\n\n{P2}\n") == [(3, "Leftover byline")]


# --- a line in brackets


@pytest.mark.parametrize("line", ["(Rated R)", "(Runtime 96 minutes)", "(Example Council)"])
def test_a_line_in_brackets_after_the_copy_is_no_credit(line):
    assert _found(f"Film review: the new thriller\n\n{P1}\n\n{P2}\n\n{line}\n") == []


def test_a_line_in_brackets_beside_a_byline_or_naming_an_agency_is_a_credit():
    found = _found(f"Edwards: Money Doesn't Matter\n\n{P1}\n\nPosted by Jane Doe\n\n(CBS)\n\n{P2}\n")
    assert (7, "Leftover photo credit") in found
    assert _found(f"Council news\n\n{P1}\n\n(AP)\n\n{P2}\n") == [(5, "Leftover photo credit")]


# --- a list the copy leads into

ITEMS = "page views\ncart size\ndevice type\nbrowser\nsource\nsearch term\nlocation"


def test_a_list_led_into_by_a_sentence_is_no_menu():
    lead = "The service analyzes your traffic so you can target different offers to visitors based on:"
    text = f"Five ways to sell more\n\n{P1}\n\n{lead}\nuser type\nvisit count\ntime on site\n{ITEMS}\n\n{P2}\n"
    assert _found(text) == []


def test_a_menu_under_a_short_prompt_is_still_a_menu():
    text = f"Council news\n\n{P1}\n\nShare this article:\n\nHome\nNews\nSport\nWeather\nTravel\n\n{P2}\n"
    assert [k for _, k in _found(text)] == ["Leftover furniture (prompt, navigation)"]


# --- a label repeated in step

TEASERS = [
    "Who needs to shield during the second lockdown in England",
    "Met Office forecast for November 5 brings fog and frost",
    "Bikers abuse and throw stones at bike park staff member",
    "Piers Morgan tells viewers who are annoyed by him to watch",
]


def test_a_source_label_under_each_teaser_is_furniture():
    block = "\n\n".join(f"{t}\n\nExample Online" for t in TEASERS)
    found = lint_text(f"Council news\n\n{P1}\n\n{P2}\n\n{block}\n", "a.txt", select=["adcopy"])
    assert [(f.line, f.end_line) for f in found] == [(7, 21)]  # one block: the teasers and their labels
    kinds = found[0].data["line_kinds"]
    assert {kinds[str(n)] for n in (9, 13, 17, 21)} == {"navigation"}
    assert {kinds[str(n)] for n in (7, 11, 15, 19)} == {"related headline"}


def test_a_label_repeated_twice_is_left_alone():
    block = "\n\n".join(f"{t}\n\nExample Online" for t in TEASERS[:2])
    assert _found(f"Council news\n\n{P1}\n\n{block}\n\n{P2}\n") == []


def test_a_line_of_a_schedule_repeated_in_step_is_copy():
    rounds = ("Seychelles v South Africa\n\nMauritius v Madagascar\n\nWinners meet in final match\n\n"
              "Mozambique v Zimbabwe\n\nNamibia v Botswana\n\nWinners meet in final match\n\n"
              "Lesotho v Malawi\n\nZambia v Swaziland\n\nWinners meet in final match")
    assert _found(f"South Africa return to Mauritius\n\n{P1}\n\n{rounds}\n\n{P2}\n") == []


def test_a_line_repeated_at_no_fixed_step_is_left_alone():
    text = (f"Council news\n\n{P1}\n\nThe vote\n\n{P2}\n\nThe vote\n\nRepairs\n\n{P1}\n\n{P2}\n\nThe vote\n\n"
            f"{P1}\n")
    assert _found(text) == []


# --- a long caption known by its credit

CAPTION = "A reference habitation module for a crewed Mars mission compared to its hibernation-based twin. Credit: ESA"
LONG = ("A cross-section through the hibernation module showing the individual quarters that would double as "
        "hibernation pods during the cruise phase. The soft-shelled pods would have individual thermal controls "
        "and flexible insulation, with a fan to circulate air and control humidity to prevent condensation when "
        "the temperature is reduced. The pods would also be well shielded against radiation. Credit: ESA")


def test_a_long_caption_with_the_credit_of_a_caption_found_is_a_caption():
    assert len(LONG) > 320  # longer than the phrase pack looks at
    found = _found(f"Astronauts could hibernate\n\n{P1}\n\n{CAPTION}\n\n{P2}\n\n{LONG}\n\n{P1}\n")
    assert (9, "Leftover photo caption") in found


def test_a_long_line_ending_on_a_credit_alone_is_left_alone():
    assert _found(f"Astronauts could hibernate\n\n{P1}\n\n{LONG}\n\n{P2}\n") == []
    other = LONG.replace("Credit: ESA", "Credit: NASA")
    found = _found(f"Astronauts could hibernate\n\n{P1}\n\n{CAPTION}\n\n{P2}\n\n{other}\n\n{P1}\n")
    assert (9, "Leftover photo caption") not in found
