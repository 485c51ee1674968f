"""Title checks against the knowledge base, with real people and dates."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import REPO, SEED, need_shared, run_cli

from edlint.api import lint_text

D = dt.date.fromisoformat


def titles(text, day):
    return [(f.line, f.message) for f in lint_text(text, "a.txt", date=D(day) if day else None, select=["titles"])]


def test_seed_line_21_only():
    need_shared(SEED)
    p = run_cli("check", str(SEED), "--format", "json", "--no-cache", "--date", "2022-07-08")
    (f,) = [x for x in json.loads(p.stdout)["findings"] if x["rule"].startswith("titles.")]
    assert f["line"] == 21 and "President of Russia" in f["message"] and "Mikhail Mishustin" in f["message"]
    assert f["fix"]["applicability"] == "unsafe"


@pytest.mark.parametrize(
    "sentence,day,wrong",
    [
        ("Russian Foreign Minister Sergei Lavrov spoke.", "2022-07-08", False),
        ("Defence Secretary Ben Wallace spoke.", "2022-07-08", False),
        ("Defence Secretary Ben Wallace spoke.", "2024-03-01", True),
        ("Defence Secretary Grant Shapps spoke.", "2024-03-01", False),
        ("Russian Prime Minister Vladimir Putin spoke.", "2010-06-01", False),
        ("Russian Prime Minister Vladimir Putin spoke.", "2022-07-08", True),
        ("Russian President Dmitry Medvedev spoke.", "2010-06-01", False),
        ("Russian President Dmitry Medvedev spoke.", "2022-07-08", True),
        ("Prime Minister Boris Johnson spoke.", "2022-07-08", False),
        ("Prime Minister Boris Johnson spoke.", "2023-06-01", True),
        ("Prime Minister Liz Truss spoke.", "2022-10-01", False),
        ("Prime Minister Rishi Sunak spoke.", "2023-06-01", False),
        ("German Chancellor Olaf Scholz spoke.", "2022-07-08", False),
        ("US Secretary of State Antony Blinken spoke.", "2022-07-08", False),
        ("Ukrainian President Volodymyr Zelenskyy spoke.", "2022-07-08", False),
        ("US President Joe Biden spoke.", "2022-07-08", False),
        ("US President Donald Trump spoke.", "2022-07-08", True),
    ],
)
def test_title_before_name(sentence, day, wrong):
    found = titles(f"Head\n\n{sentence}\n", day)
    assert bool(found) == wrong, found


def test_reference_back():
    text = "Head\n\nIn the meantime, Putin has escalated his rhetoric.\n\nThe Russian premier said talks were off.\n"
    ((line, msg),) = titles(text, "2022-07-08")
    assert line == 5 and "Vladimir Putin" in msg
    assert titles(text.replace("premier", "president"), "2022-07-08") == []


def test_undated_flags_only_never_held():
    assert titles("Head\n\nRussian Prime Minister Vladimir Putin spoke.\n", None) == []
    ((_, msg),) = titles("Head\n\nRussian Foreign Minister Vladimir Putin spoke.\n", None)
    assert "no article date" in msg


def test_past_the_data_claims_nothing():
    # Russia's data ends in August 2022: Lavrov as foreign minister in 2025 cannot be judged.
    assert titles("Head\n\nRussian Foreign Minister Sergei Lavrov spoke.\n", "2025-01-01") == []


def test_generic_descriptions_and_other_offices_pass():
    assert titles("Head\n\nThe Russian leader spoke. The minister agreed.\n", "2022-07-08") == []
    assert titles("Head\n\nDeputy Prime Minister John Prescott spoke.\n", "2005-01-01") == []
    assert titles("Head\n\nThe Liberal Democrats' President Simon Hughes spoke.\n", None) == []
    # The office, not a person: "the election of the US president".
    assert titles("Head\n\nMr Blair praised John Kerry. The election of the US president was vital.\n", None) == []
    # "X, the prime minister said": a new clause, not apposition.
    assert titles("Head\n\nEchoing US Secretary of State Condoleezza Rice, the prime minister said so.\n", None) == []


def test_possessive_and_longer_name_runs():
    assert titles("Head\n\nBritish Home Secretary Tony Blair's government fell.\n", None)
    assert titles("Head\n\nDeputy Prime Minister John Prescott, Britain's home secretary, spoke.\n", None)
    # After a title that is not his, the real mention is still read.
    assert titles("Head\n\nUK chancellor British Home Secretary Gordon Brown spoke.\n", None)


def rules_of(text, day):
    return [(f.rule, f.message, f.fix) for f in lint_text(text, "a.txt", date=D(day) if day else None,
                                                          select=["titles"])]


@pytest.mark.parametrize(
    "sentence,day,rule",
    [
        ("Prime Minister Boris Johnson spoke.", "2023-06-01", "titles.former"),
        ("Later, Defence Secretary Ben Wallace spoke.", "2024-03-01", "titles.former"),
        ("Former Prime Minister Boris Johnson spoke.", "2023-06-01", None),
        ("Boris Johnson, the former prime minister, spoke.", "2023-06-01", None),
        ("They met former Defence Secretary Ben Wallace.", "2022-07-08", "titles.former"),
        ("They met former Russian Prime Minister Vladimir Putin.", "2022-07-08", None),
        # Moved on to another office: the title is wrong, not merely out of date.
        ("Russian Prime Minister Vladimir Putin spoke.", "2022-07-08", "titles.wrong-office"),
        ("They met former Foreign Secretary Ben Wallace.", "2022-07-08", "titles.wrong-office"),
    ],
)
def test_former(sentence, day, rule):
    found = rules_of(f"Head\n\n{sentence}\n", day)
    assert [r for r, _, _ in found] == ([rule] if rule else []), found


def test_former_fix_inserts_or_drops_the_word(tmp_path):
    art = tmp_path / "a.md"
    art.write_text("---\ndate: 2023-06-01\n---\n# Head\n\nYesterday Prime Minister Boris Johnson spoke. "
                   "Ben Wallace, the defence secretary, agreed.\n", encoding="utf-8")
    p = run_cli("fix", str(art), "--unsafe-fixes", "--select", "titles", "--no-cache")
    assert p.returncode in (0, 1), p.stderr
    body = art.read_text(encoding="utf-8")
    assert "Yesterday former Prime Minister Boris Johnson spoke." in body
    assert "Ben Wallace, the defence secretary, agreed." in body  # still in office in June 2023
    art.write_text("---\ndate: 2022-07-08\n---\n# Head\n\nThey met former Defence Secretary Ben Wallace.\n",
                   encoding="utf-8")
    run_cli("fix", str(art), "--unsafe-fixes", "--select", "titles", "--no-cache")
    assert "They met Defence Secretary Ben Wallace." in art.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "sentence,day,wrong",
    [
        ("Vladimir Putin, Russia's prime minister, said so.", "2022-07-08", True),
        ("Vladimir Putin, Russia's president, said so.", "2022-07-08", False),
        ("Sergei Lavrov, the Russian foreign minister, said so.", "2022-07-08", False),
        ("Olaf Scholz, the German chancellor, said so.", "2022-07-08", False),
        ("Olaf Scholz, the chancellor of Germany, said so.", "2019-07-08", True),
        ("Rishi Sunak, the prime minister, said so.", "2022-07-08", True),
        ("Rishi Sunak, the chancellor, said so.", "2022-06-01", False),
    ],
)
def test_apposition(sentence, day, wrong):
    found = [r for r, _, _ in rules_of(f"Head\n\n{sentence}\n", day) if r == "titles.wrong-office"]
    assert bool(found) == wrong, found


HOUSE = """kind: officeholders
source: Newsroom research desk
valid_to: 2026-11-01
people:
  - name: Andy Burnham
    aliases: [Andrew Burnham]
    terms:
      - {office: Mayor of Greater Manchester, country: United Kingdom, kind: mayor, start: 2017-05-08}
titles:
  - {words: [mayor], office: "^Mayor of", word: mayor}
"""


def _house(tmp_path, people=HOUSE):
    (tmp_path / "people.yaml").write_text(people, encoding="utf-8")
    (tmp_path / "edlint.toml").write_text('[rules.titles]\npeople_files = ["people.yaml"]\n', encoding="utf-8")
    art = tmp_path / "a.md"
    art.write_text("---\ndate: 2024-03-01\n---\n# Head\n\nMayor Andy Burnham met Home Secretary Andrew Burnham.\n",
                   encoding="utf-8")
    return art


def test_house_people_file_checks_and_answers(tmp_path):
    art = _house(tmp_path)
    p = run_cli("check", str(art), "--select", "titles", "--format", "json", "--no-cache", cwd=tmp_path)
    (f,) = json.loads(p.stdout)["findings"]
    assert f["rule"] == "titles.wrong-office" and "Mayor of Greater Manchester" in f["message"]
    assert f["column"] > 20  # the home secretary, not the mayor
    p = run_cli("kb", "who", "Burnham", "--date", "2024-03-01", cwd=tmp_path)
    assert p.returncode == 0 and "Mayor of Greater Manchester" in p.stdout
    p = run_cli("kb", "info", cwd=tmp_path)
    assert "house files: 1 people" in p.stdout
    # Without the config the public data knows only his ministerial past.
    p = run_cli("kb", "who", "Andy Burnham", cwd=REPO)
    assert "Secretary of State for Health" in p.stdout and "Mayor" not in p.stdout


def test_broken_house_file_names_file_and_line(tmp_path):
    art = _house(tmp_path, HOUSE.replace("start: 2017-05-08", "start: 2017-05-08, end: 2016-01-01"))
    p = run_cli("check", str(art), "--no-cache", cwd=tmp_path)
    assert p.returncode == 2
    assert "people.yaml:8: Andy Burnham: the term ends before it starts" in p.stderr
    (tmp_path / "people.yaml").write_text("kind: officeholders\npeople:\n  - name: X\n    terms: []\n",
                                          encoding="utf-8")
    p = run_cli("kb", "info", cwd=tmp_path)
    assert p.returncode == 2 and "people.yaml" in p.stderr


def test_editing_the_house_file_invalidates_the_cache(tmp_path):
    art = _house(tmp_path)
    cache = tmp_path / "cache"
    first = run_cli("check", str(art), "--select", "titles", "--format", "json", "--cache-dir", str(cache),
                    cwd=tmp_path)
    assert len(json.loads(first.stdout)["findings"]) == 1
    # Now the house says he was home secretary too: the finding must go, cache or not.
    (tmp_path / "people.yaml").write_text(HOUSE.replace(
        "kind: mayor, start: 2017-05-08}",
        "kind: mayor, start: 2017-05-08}\n"
        "      - {office: Home Secretary, country: United Kingdom, start: 2024-01-01}"),
        encoding="utf-8")
    again = run_cli("check", str(art), "--select", "titles", "--format", "json", "--cache-dir", str(cache),
                    cwd=tmp_path)
    assert json.loads(again.stdout)["findings"] == []


def test_reports_say_where_the_data_ends_and_when_undated(tmp_path):
    art = tmp_path / "a.md"
    art.write_text("---\ndate: 2025-01-01\n---\n# Head\n\nRussian Foreign Minister Sergei Lavrov spoke.\n",
                   encoding="utf-8")
    p = run_cli("check", str(art), "--format", "json", "--no-cache")
    (entry,) = json.loads(p.stdout)["files"]
    assert entry["figures"]["titles"]["unchecked"] == [{"person": "Sergey Lavrov", "country": "Russia",
                                                        "data_ends": "2022-08-03",
                                                        "reason": "Russia data ends 2022-08-03 (ministers)"}]
    p = run_cli("check", str(art), "--format", "rich", "--no-cache", "--color", "never")
    shown = p.stdout.replace("│\n│", "").replace("\n", " ")  # the table's cell borders and wrapping undone
    assert "not checked past the data: Sergey Lavrov (Russia data ends" in shown
    art.write_text("# Head\n\nRussian Foreign Minister Sergei Lavrov spoke.\n", encoding="utf-8")
    p = run_cli("check", str(art), "--format", "rich", "--no-cache", "--color", "never")
    assert "no article date, so only titles never held were checked" in p.stdout


def test_missing_former_goes_before_the_title_in_apposition():
    (f,) = lint_text("Head\n\nYesterday Ben Wallace, the defence secretary, agreed.\n", "a.txt",
                     date=D("2024-03-01"), select=["titles"])
    assert f.rule == "titles.former"
    (edit,) = f.fix.edits
    assert edit.start == edit.end and edit.replacement == "former "
    text = "Head\n\nYesterday Ben Wallace, the defence secretary, agreed.\n"
    assert text[: edit.start] + edit.replacement + text[edit.end :] == \
        "Head\n\nYesterday Ben Wallace, the former defence secretary, agreed.\n"


def test_not_checked_names_the_reason_per_mention(tmp_path):
    art = tmp_path / "a.md"
    art.write_text("---\ndate: 2025-09-01\n---\n# Head\n\nGerman Foreign Minister Johann Wadephul met "
                   "Russian Foreign Minister Sergei Lavrov and German Chancellor Friedrich Merz.\n", encoding="utf-8")
    p = run_cli("check", str(art), "--format", "json", "--no-cache")
    (entry,) = json.loads(p.stdout)["files"]
    reasons = {u["person"]: u["reason"] for u in entry["figures"]["titles"]["unchecked"]}
    assert reasons == {"Johann Wadephul": "Germany: heads of state and government only, no ministers in the data",
                       "Sergey Lavrov": "Russia data ends 2022-08-03 (ministers)"}  # Merz is checked: heads run to 2025
    p = run_cli("check", str(art), "--format", "rich", "--no-cache", "--color", "never")
    assert "Johann Wadephul (Germany: heads of state and government only" in p.stdout.replace("\n", " ")
