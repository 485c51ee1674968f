"""Furniture by kind: each kind found by its own evidence and named in the finding; copy left alone.

Lines are in the forms real pages carry (wire credits and captions, datelines,
teasers, prompts, affiliate blocks, design-tool residue), and the copy that
must pass is the kind AP and other wires print: `___` separators, `UP NEXT`
and clock-time headings of live updates, subheadings and pull quotes.
"""
from __future__ import annotations

import pytest
from conftest import run_cli

from edlint.api import lint_text

BODY = (
    "Council approves new budget for schools\n\n"
    "The council approved its budget for schools on Monday after a long debate in the chamber about spending.\n\n"
    "{line}\n\n"
    "Councillors said the money would pay for repairs to twelve primary schools and two new classrooms.\n"
)


def _kinds(line: str) -> list[tuple[str, str]]:
    found = lint_text(BODY.format(line=line), "a.txt", select=["adcopy"])
    return [(f.message.split(":")[0].split(" [")[0], str(f.severity)) for f in found]


@pytest.mark.parametrize(
    "line, kind",
    [
        ("Jane Doe, AP", "Leftover photo credit"),
        ("Jane Doe via AP", "Leftover photo credit"),
        ("REUTERS/Jane Doe", "Leftover photo credit"),
        ("© Jane Doe", "Leftover photo credit"),
        ("Getty", "Leftover photo credit"),
        ("Kyle Ross/USA TODAY Sports", "Leftover photo credit"),
        ("(Elizabeth Conley / Houston Chronicle)", "Leftover photo credit"),
        ("FILE PHOTO: Protesters march in central Paris, France, March 3, 2021. REUTERS/Jane Doe/File Photo",
         "Leftover photo caption"),
        ("Media caption The moment the bridge opened to traffic", "Leftover photo caption"),
        ("Protesters gather outside the town hall on Monday (NASA/Jane Doe)", "Leftover photo caption"),
        ("Lady Gaga out and about in New York City [Getty]", "Leftover photo caption"),
        ("News reporter @janedoe", "Leftover byline"),
        ("By Jane Doe, John Roe on Monday, November 18th, 2019 at 11:08 a.m.", "Leftover byline"),
        ("Jane Doe | jdoe@example.com By Jane Doe | jdoe@example.com", "Leftover byline"),
        ("Reviewed by Jane Doe, MD", "Leftover byline"),
        ("Author: Jane Doe", "Leftover byline"),
        ("ByJ.R. Doe", "Leftover byline"),
        ("By JANE DOE, Associated Press Writer 1 hour, 44 minutes ago", "Leftover byline"),
        ("NEW YORK --", "Leftover dateline or time stamp"),
        ("Last Update: 1/01 1:10 pm", "Leftover dateline or time stamp"),
        ("Jane Doe/for The Example Daily News", "Leftover photo credit"),
        ("You are what you search. (The Associated Press)", "Leftover photo caption"),
        ("Media captionDrone footage shows the flooded streets", "Leftover photo caption"),
        ("Chelsea's John Roe (R) clashes with Everton's Jim Poe during their cup tie at Stamford Bridge.",
         "Leftover photo caption"),
        ("© Getty Images LONDON, ENGLAND - SEPTEMBER 28: Students look out of their window as they isolate",
         "Leftover photo caption"),
        ("By JEFF KAROUB, AP Business Writer 47 minutes ago", "Leftover byline"),
        ("By Grace Zokovitch | gzokovitch@example.com", "Leftover byline"),
        ("Monday 3 May 2021 09:15, UK", "Leftover dateline or time stamp"),
        ("03 MAY 2021", "Leftover dateline or time stamp"),
        ("Mumbai, Example Bureau | Updated : May 3, 2021 09:15 IST", "Leftover dateline or time stamp"),
        ("on December 29, 2014 at 3:41 PM, updated December 29, 2014 at 4:28 PM", "Leftover dateline or time stamp"),
        ("On example.com: Council tax to rise again next year", "Leftover related headline"),
        ("Also on example.com Council tax to rise again next year", "Leftover related headline"),
        ("[Related: Council tax to rise again next year]", "Leftover related headline"),
        ("Related post: Council tax to rise again next year", "Leftover related headline"),
        ("12 Strangest Things Found In Lost Property", "Leftover related headline"),
        ("Sign Up", "Leftover prompt"),
        ("Click here to support our journalism", "Leftover prompt"),
        ("Thanks for watching!", "Leftover prompt"),
        ("Why you can trust our reviews", "Leftover prompt"),
        ("2 comments", "Leftover prompt"),
        ("NEW EPISODES EVERY WEEK, NOW ON YOUTUBE!", "Leftover prompt"),
        ("Buy Now", "Leftover affiliate or shopping block"),
        ("Available from Amazon", "Leftover affiliate or shopping block"),
        ("If you buy something through our links, we may receive a commission.",
         "Leftover affiliate or shopping block"),
        ("Created with Sketch.", "Leftover page-tool residue"),
        ('&lt;span data-mce-type="bookmark" style="display: inline-block;"&gt;', "Leftover page-tool residue"),
        ("\u200b\u200b\u200b", "Leftover page-tool residue"),
    ],
)
def test_each_kind_is_found_and_named(line, kind):
    found = _kinds(line)
    assert [k for k, _ in found] == [kind]


def test_captions_are_suggestions_with_an_unsafe_fix():
    line = "Media caption The moment the bridge opened to traffic"
    (f,) = lint_text(BODY.format(line=line), "a.txt", select=["adcopy"])
    assert str(f.severity) == "suggestion" and not f.fix.safe
    (g,) = lint_text(BODY.format(line="Jane Doe, AP"), "a.txt", select=["adcopy"])
    assert str(g.severity) == "warning"


def test_explain_says_captions_are_weaker():
    p = run_cli("explain", "adcopy.furniture")
    assert p.returncode == 0
    text = " ".join(p.stdout.split())
    assert "photo caption" in text and "suggestion" in text and "unsafe" in text


@pytest.mark.parametrize(
    "line",
    [
        "___",  # AP's section separator
        "UP NEXT",  # AP's heading over the next fixtures
        "4:14 p.m.",  # a live-update heading
        "10:02 a.m. EDT",
        "Why the vote matters",  # a subheading
        "A long road back for the club",  # a subheading
        '"We will not be moved," she said.',  # a pull quote
        "Reuters reported that the talks had stalled.",
        "Getty Images, the photo agency, reported higher profits.",
        "By Monday, the council had agreed the budget.",
        "The council met on January 8, 2008 to agree the plan.",
        "Saturday, 26 February",  # a fixture's date in sports copy
        "Caroline Quentin (Life Begins/ Von Trapped, ITV1)",  # a nominee in a list of awards
        "— Jane Doe (@janedoe) November 19, 2019",  # who wrote the embedded post quoted above
        "29 November 2018 | 20 January 2019",  # when an exhibition runs
        "2018.04.05 ~ OPEN RUN",
    ],
)
def test_copy_stays(line):
    assert _kinds(line) == []


def test_ap_live_updates_stay():
    text = (
        "Storm hits the coast\n\n"
        "4:14 p.m.\n\n"
        "The storm has knocked out power to more than 100,000 homes along the coast, officials said on Monday.\n\n"
        "___\n\n"
        "3:50 p.m.\n\n"
        "Forecasters say the storm will weaken as it moves inland overnight, bringing heavy rain to the hills.\n\n"
        "UP NEXT\n\n"
        "Knicks: Host the Heat on Friday night.\n"
    )
    assert lint_text(text, "a.txt", select=["adcopy"]) == []


def test_related_headlines_in_a_run_but_not_a_list_in_the_copy():
    teasers = "\n".join([
        "Police seek owner of rare coins found in park",
        "District teens bask in glory of title win",
        "Silence in the House as new members sworn in",
    ])
    text = BODY.format(line="Most Read\n\n" + teasers)
    (f,) = lint_text(text, "a.txt", select=["adcopy"])
    assert f.data["kinds"] == ["related headline"]
    listed = "The winners were announced on Monday night at a ceremony in the city:\n\n" + teasers
    assert lint_text(BODY.format(line=listed), "a.txt", select=["adcopy"]) == []


def test_schedules_are_not_datelines():
    dates = "\n".join(["June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre", "June 10 – Tampa, FL @ Example Arena",
                       "June 14 – Atlanta, GA @ Example Park"])
    assert lint_text(BODY.format(line=dates), "a.txt", select=["adcopy"]) == []


def test_a_tour_listing_is_copy_not_teasers_or_credits():
    dates = "\n".join(["June 10 -- Example Credit Union Amphitheatre, Tampa, FL",
                       "Aug. 2 -- Example Music Theatre, Clarkston, MI",
                       "Aug. 4 -- Example Music Center, Cincinnati, OH",
                       "Sept. 12 -- Example Amphitheatre, Mountain View, CA"])
    assert lint_text(BODY.format(line=dates), "a.txt", select=["adcopy"]) == []


def test_a_name_above_the_first_paragraph_is_a_byline_but_not_a_venue_or_a_headline():
    body = BODY.replace("\n\n{line}", "").replace("schools\n\n", "schools\n\n{top}\n\n", 1)
    for top, kinds in [
        ("Jane Doe", ["Leftover byline"]),
        ("Political Editor", ["Leftover byline"]),
        ("Ewood Park", []),  # a venue in a match preview
        ("Lansdowne Road, Dublin", []),
        ("Jane Doe (Kent)", []),  # a referee and his county
        ("Nicole Kidman Is Pregnant", []),  # a headline
        ("Box Office\n\nTech Talk\n\nWeekly Sections", ["Leftover navigation"]),  # labels in a row: a menu
    ]:
        hits = lint_text(body.format(top=top), "a.txt", select=["adcopy"])
        found = [f.message.split(":")[0].split(" [")[0] for f in hits]
        assert found == kinds, top
    # further down, two capitalised words are a subheading
    assert _kinds("Jane Doe") == []
