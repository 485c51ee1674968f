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
    text = "Head\n\nThe council met on Monday.\n\nMORE ON THIS STORY\nCouncil Tax Rise Looms For Thousands\nWhy The Budget Matters To You\n\nIt will meet again.\n"
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
