"""Page tools, section labels inside teaser lists, product blocks and the small template lines.

Each kind is known by its own evidence: a tool line holds nothing but the
names of a page's buttons; a section's name ("Cricket") belongs to a teaser
list only with teaser headlines on both sides of it; a product's name and
specs are furniture only when a shop's button closes them. Lines are in the
forms real pages carry, and the copy around them is left alone.
"""
from __future__ import annotations

import json

import pytest

from edlint.api import lint_text

from conftest import run_cli

P1 = "The council approved its budget for schools on Monday after a long debate in the chamber about spending."
P2 = "Councillors said the money would pay for repairs to twelve primary schools and two new classrooms."


def _found(text: str, path: str = "a.txt") -> list[tuple[int, str]]:
    return [(f.line, f.message.split(":")[0]) for f in lint_text(text, path, select=["adcopy"])]


@pytest.mark.parametrize(
    "line",
    [
        "E-mail Article Print-Friendly Subscribe to RSS Feed",
        "Print Story | Email Story",
        "Story Tools: E-MAIL | PRINT | Text Size: S M L XL | REPORT TYPO | SEND YOUR FEEDBACK",
        "Print-friendly version | Email to a friend",
        "Article E-Mail:: Comment:: Syndication:: Printer Friendly Page",
        "E-mail Printable (0) Comments Text size Share (0) Rate",
        "E-mail Toolbar",
    ],
)
def test_a_line_of_tool_buttons_is_page_tool_residue(line):
    assert _found(f"Council news\n\n{P1}\n\n{line}\n\n{P2}\n") == [(5, "Leftover page-tool residue [page tools]")]


@pytest.mark.parametrize(
    "line",
    [
        "Print and share this.",  # a sentence
        "Save and share your stories with the library",  # words no button carries
        "Share the road with cyclists",  # words no button carries
        "Email your MP about the closure",
    ],
)
def test_a_line_that_names_a_tool_among_other_words_is_copy(line):
    assert _found(f"Council news\n\n{P1}\n\n{line}\n\n{P2}\n") == []


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Article continues", "Leftover related headline [teaser header]"),
        ("Story continues below the gallery", "Leftover related headline [teaser header]"),
        ("Continue Article", "Leftover related headline [teaser header]"),
        ("Previous Next", "Leftover navigation"),
        ("To view the full story, please subscribe to the Example Times.", "Leftover prompt [paywall notice]"),
        ("Share All sharing options for: Council approves new budget", "Leftover prompt [share prompt]"),
    ],
)
def test_template_lines_are_furniture(line, kind):
    assert _found(f"Council news\n\n{P1}\n\n{line}\n\n{P2}\n") == [(5, kind)]


@pytest.mark.parametrize("line", ["The story continues to grow as more councils set budgets.", "Next, the vote."])
def test_sentences_that_start_like_template_lines_are_copy(line):
    assert _found(f"Council news\n\n{P1}\n\n{line}\n\n{P2}\n") == []


SECTIONED_LIST = """Stories in this Section
Australian victory march continues
An easy opener for the champion
Cricket
Windies wins first Test at home
Board to appoint a young vice-captain
Tennis
Local pair reach the doubles final"""


def test_a_section_name_inside_a_teaser_list_goes_with_the_list():
    text = f"Council news\n\n{P1}\n\n{P2}\n\n{SECTIONED_LIST}\n"
    # One block from the header to the last headline: the section names do not break it.
    assert _found(text) == [(7, "Leftover related headline [teaser header, teaser headline]")]
    (finding,) = lint_text(text, "a.txt", select=["adcopy"])
    assert finding.end == len(text) - 1


def test_a_short_subheading_after_copy_is_no_section_of_a_list():
    text = f"Council news\n\n{P1}\n\nCricket\n\nWindies wins first Test at home\n\n{P2}\n"
    assert _found(text) == []


def test_the_cli_deletes_a_product_block_and_keeps_the_review(tmp_path):
    review = (
        "Best blenders of the year\n\n"
        "We tested a dozen blenders in our kitchen over a month of smoothies and soups.\n\n"
        "Acme Blender Pro 3000\n\n- 1200W motor\n- 2-litre glass jug\n- Six speed settings\n\n"
        "$89.99 at Example Store\n\n"
        "The cheaper models struggled with ice, and two of them leaked.\n"
    )
    article = tmp_path / "review.txt"
    article.write_text(review, encoding="utf-8")
    p = run_cli("check", str(article), "--select", "adcopy", "--format", "json", "--no-cache")
    (finding,) = json.loads(p.stdout)["findings"]
    assert finding["message"].startswith("Leftover affiliate or shopping block [product specs, shopping button]")
    assert review[finding["start"]:].startswith("Acme Blender Pro 3000")
    p = run_cli("fix", str(article), "--select", "adcopy", "--unsafe-fixes", "--no-cache")
    assert p.returncode in (0, 1), p.stderr
    assert article.read_text(encoding="utf-8") == (
        "Best blenders of the year\n\n"
        "We tested a dozen blenders in our kitchen over a month of smoothies and soups.\n\n"
        "The cheaper models struggled with ice, and two of them leaked.\n"
    )


def test_a_markdown_teaser_list_and_the_tool_line_under_it_are_named_apart(tmp_path):
    story = tmp_path / "story.md"
    story.write_text(
        "---\ntitle: Council news\ndate: 2024-03-01\n---\n\n" + P1 + "\n\nStories in this Section\n\n"
        "- Australian victory march continues\n- An easy opener for the champion\n- Cricket\n"
        "- Windies wins first Test at home\n- Board to appoint a young vice-captain\n\n"
        "E-mail Article Print-Friendly Subscribe to RSS Feed\n\n" + P2 + "\n",
        encoding="utf-8",
    )
    p = run_cli("check", str(story), "--select", "adcopy", "--format", "json", "--no-cache")
    found = [(f["line"], f["end_line"], f["data"]["kinds"]) for f in json.loads(p.stdout)["findings"]]
    assert found == [(8, 14, ["related headline"]), (16, 16, ["page-tool residue"])]


def test_a_subheading_over_an_affiliate_disclosure_is_no_product():
    text = ("Best blenders of the year\n\n" + P1 + "\n\nOur top picks\n\n"
            "We may earn a commission when you buy through links on our site.\n\n" + P2 + "\n")
    assert _found(text) == [(7, "Leftover affiliate or shopping block [affiliate disclosure]")]
