"""Title checks against the knowledge base, with real people and dates."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from conftest import SEED, need_shared, run_cli
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
