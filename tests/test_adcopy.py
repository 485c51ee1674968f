"""Leftover ad copy: the seed's eight lines, the fix, the phrase pack, and no false alarms on edited copy."""
from __future__ import annotations

import json
import shutil

import pytest
from conftest import BBC, SEED, need_shared, run_cli

from edlint.api import lint_text
from edlint.checks.adcopy.pack import load_pack

BODY = "Head\n\nThe council met on Monday to discuss the budget.\n\n{line}\n\nIt will meet again next week.\n"


def test_seed_exactly_the_eight_lines():
    need_shared(SEED)
    p = run_cli("check", str(SEED), "--select", "adcopy", "--format", "json", "--no-cache")
    found = [(f["line"], f["end_line"]) for f in json.loads(p.stdout)["findings"]]
    assert found == [(2, 2), (16, 19), (25, 25), (32, 32), (33, 33)]


def test_fix_on_seed_leaves_a_clean_article(tmp_path):
    need_shared(SEED)
    copy = tmp_path / "seed.txt"
    shutil.copyfile(SEED, copy)
    before = SEED.read_text(encoding="utf-8").split("\n")
    p = run_cli("fix", str(copy), "--select", "adcopy", "--no-cache")
    assert p.returncode == 0, p.stderr
    after = copy.read_text(encoding="utf-8").split("\n")
    removed = {2, 16, 17, 18, 19, 25, 32, 33}
    assert after == [line for n, line in enumerate(before, 1) if n not in removed]
    p = run_cli("check", str(copy), "--select", "adcopy", "--format", "json", "--no-cache")
    assert json.loads(p.stdout)["findings"] == []


def test_markdown_block_deleted_with_tidy_spacing(tmp_path):
    f = tmp_path / "a.md"
    f.write_text("# Head\n\nFirst paragraph.\n\nREAD MORE: Ten things to know\n\nSecond paragraph.\n")
    run_cli("fix", str(f), "--select", "adcopy", "--no-cache")
    assert f.read_text() == "# Head\n\nFirst paragraph.\n\nSecond paragraph.\n"


def test_teaser_guesses_are_unsafe():
    text = ("Head\n\nThe council met on Monday.\n\nMORE ON THIS STORY\nCouncil Tax Rise Looms For Thousands\n"
            "Why The Budget Matters To You\n\nIt will meet again.\n")
    (f,) = lint_text(text, "a.txt", select=["adcopy"])
    assert f.fix is not None and not f.fix.safe
    assert (f.line, f.end_line) == (5, 7)


PACK = load_pack()


@pytest.mark.parametrize("example", [p.example for p in PACK.phrases], ids=[p.category for p in PACK.phrases])
def test_every_pack_example_is_flagged(example):
    found = lint_text(BODY.format(line=example), "a.txt", select=["adcopy"])
    assert [f.line for f in found] == [5]


@pytest.mark.parametrize(
    "sentence",
    [
        "The advertisement was banned by the regulator on Monday.",
        "She said she would follow the story closely on Twitter and elsewhere.",
        "Reuters reported that the talks had stalled.",
        "Getty Images, the photo agency, reported higher profits.",
        "Readers can sign up to the scheme at any post office, the minister said.",
    ],
)
def test_real_sentences_pass(sentence):
    assert lint_text(BODY.format(line=sentence), "a.txt", select=["adcopy"]) == []


def test_menu_run_needs_five_labels_and_skips_lists():
    menu = "\n".join(["News", "Sport", "Business", "Weather", "Travel"])
    assert len(lint_text(BODY.format(line=menu), "a.txt", select=["adcopy"])) == 1
    short = "\n".join(["News", "Sport", "Business"])
    assert lint_text(BODY.format(line=short), "a.txt", select=["adcopy"]) == []
    ranks = "\n".join(f"{i} Player Name (Country)" for i in range(1, 9))
    assert lint_text(BODY.format(line=ranks), "a.txt", select=["adcopy"]) == []


def test_threshold_option(tmp_path):
    (tmp_path / "edlint.toml").write_text('[rules."adcopy.furniture"]\nthreshold = 0.9\n')
    f = tmp_path / "a.txt"
    f.write_text(BODY.format(line="Iran, China and Russia to challenge unipolar world [REPORT]"))
    p = run_cli("check", str(f), "--select", "adcopy", "--format", "json", "--no-cache")
    assert json.loads(p.stdout)["findings"] == []


def test_other_families_skip_furniture(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(BODY.format(line="READ MORE: Council will accomodate the request"))
    p = run_cli("check", str(f), "--format", "json", "--no-cache")
    assert [x["rule"] for x in json.loads(p.stdout)["findings"]] == ["adcopy.furniture"]


@pytest.mark.corpus
def test_bbc_corpus_false_alarms(tmp_path):
    need_shared(BBC)
    p = run_cli("check", str(BBC), "--select", "adcopy", "--format", "json", "--no-cache")
    doc = json.loads(p.stdout)
    articles = doc["summary"]["files"]
    assert len(doc["findings"]) <= 0.005 * articles


# ---------------------------------------------------------------- page top, menus, lists

PROSE = [
    "The council approved its budget for schools on Monday after a long debate in the chamber about spending"
    " on buildings.",
    "Councillors said the money would pay for repairs to twelve primary schools and two new classrooms at the"
    " secondary school.",
    "The budget will be reviewed again in the spring, when the government announces its grants for the next"
    " financial year.",
]
HEAD = "Council approves new budget for schools"


def _lines(found):
    return [(f.line, f.end_line) for f in found]


def test_page_top_above_the_repeated_headline_is_one_unsafe_block():
    top = ["Tuesday 4 July 2022", "Mayor opens the new bridge", "Storm closes coastal road", "Letters to the editor"]
    text = "\n".join([HEAD, *top, HEAD, *PROSE]) + "\n"
    (f,) = lint_text(text, "a.txt", select=["adcopy"])
    assert (f.line, f.end_line) == (2, 5)
    assert not f.fix.safe
    assert f.data["categories"][-1] == "page header"  # the date on top is named as a dateline


def test_page_top_takes_menus_and_teasers_into_one_block():
    top = ["Home", "News", "Sport", "Business", "Weather", "Most Read", "Mayor opens the new bridge",
           "Storm closes coastal road"]
    text = "\n".join([HEAD, *top, HEAD, *PROSE]) + "\n"
    (f,) = lint_text(text, "a.txt", select=["adcopy"])
    assert (f.line, f.end_line) == (2, 9)
    assert not f.fix.safe


def test_page_top_needs_copy_under_the_repeat():
    # The headline again at the foot (a link to the story), with nothing under it: no page top.
    text = "\n".join([HEAD, "By Jane Doe, Education Correspondent", "4 July 2022", HEAD]) + "\n"
    found = lint_text(text, "a.txt", select=["adcopy"])
    # no page top; the byline and the date are furniture of their own kinds
    assert [(f.line, f.data["kinds"]) for f in found] == [(2, ["byline"]), (3, ["dateline or time stamp"])]


def test_page_top_is_not_guessed_over_copy():
    # Two paragraphs of copy above the repeat: it is a pull-out, not the top of the page.
    parts = [HEAD, PROSE[0], PROSE[1], "Schools budget", HEAD, PROSE[2], PROSE[0], PROSE[1], PROSE[2]]
    text = "\n\n".join(parts) + "\n"
    assert lint_text(text, "a.txt", select=["adcopy"]) == []


def test_a_repeat_of_the_headline_is_never_flagged():
    text = f"{HEAD}\n\n{PROSE[0]}\n\nMORE ON THIS STORY\nCouncil Approves New Budget For Schools\n\n{PROSE[1]}\n"
    found = lint_text(text, "a.txt", select=["adcopy"])
    assert _lines(found) == [(5, 5)]


@pytest.mark.parametrize(
    "items, flagged",
    [
        (["Food & Recipes", "Taste of Home", "Money Matters", "Home & Garden", "Study Hall"], True),
        (["Drink during your workout", "Eat within the hour", "Stretch before you start", "Rest on days off",
          "Sleep eight hours"], False),
        (["Venue: Town Hall", "Tickets: £20", "Doors: 7pm", "Age: 14+", "Bar: Yes"], False),
        (["再起動して完了。", "以下、その手順。", "まずスタートメニューから探す。", "右クリック。",
          "プロパティをクリック。"], False),
    ],
    ids=["menu", "sentence-case list", "fact box", "japanese steps"],
)
def test_menu_runs_are_title_labels_not_lists_in_copy(items, flagged):
    found = lint_text(BODY.format(line="\n".join(items)), "a.txt", select=["adcopy"])
    assert bool(found) is flagged
    if flagged:
        assert _lines(found) == [(5, 9)] and not found[0].fix.safe


def test_one_line_menu():
    found = lint_text(BODY.format(line="Home | News | Sport | Business | Weather"), "a.txt", select=["adcopy"])
    assert _lines(found) == [(5, 5)] and not found[0].fix.safe
    line = "The vote was close | the motion passed | officials said."
    assert lint_text(BODY.format(line=line), "a.txt", select=["adcopy"]) == []


def test_list_of_lines_is_judged_line_by_line():
    # Lines of 30-100 characters with no blank line between read as one wrapped paragraph,
    # unless each starts a new item with a capital.
    block = "\n".join([
        "Most read stories on the site today:",
        "Mayor opens the new bridge over the river Thames",
        "Storm closes the coastal road for a second day",
        "Police appeal for witnesses after crash in town",
    ])
    assert _lines(lint_text(BODY.format(line=block), "a.txt", select=["adcopy"])) == [(5, 8)]


def test_wrapped_paragraph_is_not_split():
    para = "\n".join([
        "Readers were asked to send their views to the council, and to",
        "share this article with neighbours who might be affected by the",
        "closure of the library, a spokesman for the council said.",
    ])
    assert lint_text(BODY.format(line=para), "a.txt", select=["adcopy"]) == []


def test_teaser_list_ends_at_a_broken_sentence():
    lines = "\n".join(["Latest headlines", "Mayor opens the new bridge", "Brown's late basket gave the home side a"])
    assert _lines(lint_text(BODY.format(line=lines), "a.txt", select=["adcopy"])) == [(5, 6)]


def test_teaser_headlines_may_end_with_an_exclamation():
    lines = "\n".join(["Trending News", 'Video shows dramatic rescue of kidnapped girl: "We got her!"'])
    assert _lines(lint_text(BODY.format(line=lines), "a.txt", select=["adcopy"])) == [(5, 6)]


def test_inline_teaser_does_not_start_a_list():
    lines = "\n".join(["READ MORE: Council approves budget for schools", "Why the vote matters to parents"])
    assert _lines(lint_text(BODY.format(line=lines), "a.txt", select=["adcopy"])) == [(5, 5)]


def test_long_markup_line_is_flagged():
    script = ("<script type=\"text/javascript\">document.write('<a href=\"https://ads.example.com/click?id="
              + "x" * 300 + "\">');</script>")
    assert len(script) > 320
    assert _lines(lint_text(BODY.format(line=script), "a.txt", select=["adcopy"])) == [(5, 5)]
    long_copy = PROSE[0] + " " + PROSE[1] + " Officials said the figure was <5% of the total. " + PROSE[2]
    assert lint_text(BODY.format(line=long_copy), "a.txt", select=["adcopy"]) == []


@pytest.mark.parametrize("line, flagged", [("*", True), ("Â", True), ("* * *", False), ("***", False), (".", False)])
def test_stray_symbols_but_not_section_breaks(line, flagged):
    assert bool(lint_text(BODY.format(line=line), "a.txt", select=["adcopy"])) is flagged


@pytest.mark.parametrize(
    "sentence",
    [
        "Sign up for the Disney+ bundle using the same email as your Hulu account",
        "Photo by photo, the exhibition tells the story of the strike.",
        "Updated figures showed the economy grew by 0.5% in the quarter.",
        "Published by Penguin, the book sold 10,000 copies in its first week.",
        "Readers told us they had shared this article with friends.",
        "The minister said people should click here and there on the map to find a clinic.",
    ],
)
def test_more_real_sentences_pass(sentence):
    assert lint_text(BODY.format(line=sentence), "a.txt", select=["adcopy"]) == []


# ---------------------------------------------------------------- the pack itself

def test_pack_patterns_must_be_lower_case(tmp_path):
    from edlint.io.errors import InputError

    f = tmp_path / "x.yaml"
    f.write_text('kind: phrases\nentries:\n'
                 '  - {category: c, confidence: high, pattern: "Share This", example: "Share This"}\n')
    with pytest.raises(InputError, match="lower case"):
        load_pack([f])


def test_pack_alternatives_split_only_at_top_level():
    from edlint.checks.adcopy.pack import alternatives

    assert alternatives(r"a(b|c)|[|]x|\|y|^z") == ["a(b|c)", "[|]x", r"\|y", "^z"]


def test_pack_match_prefers_high_confidence(tmp_path):
    f = tmp_path / "x.yaml"
    f.write_text(
        "kind: phrases\nentries:\n"
        '  - {category: weak, confidence: medium, pattern: "^share", example: "share"}\n'
        '  - {category: strong, confidence: high, pattern: "this story", example: "this story"}\n'
    )
    pack = load_pack([f])
    assert pack.match("Share this story").category == "strong"
    assert pack.match("Share it").category == "weak"
    assert pack.match("Nothing here") is None


def test_broken_pack_pattern_names_its_entry(tmp_path):
    from edlint.checks.adcopy.pack import load_pack
    from edlint.io.errors import InputError

    pack = tmp_path / "extra.yaml"
    pack.write_text('kind: phrases\nentries:\n  - {category: x, confidence: high, pattern: "^ok$", example: ok}\n'
                    '  - {category: y, confidence: high, pattern: "^(broken", example: broken}\n')
    with pytest.raises(InputError, match=r"entries\.1\.pattern: invalid regular expression"):
        load_pack([pack])
