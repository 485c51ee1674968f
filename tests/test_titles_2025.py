"""Titles on copy dated 2023-2025: the heads of state and government the 2025 Wikidata extract adds."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from edlint.api import lint_text
from edlint.commands.cli import app

ARTICLE = ("---\ndate: 2025-09-01\n---\n# Leaders meet in Paris\n\n"
           "German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on Monday. "
           "Prime Minister Rishi Sunak also attended.\n")


def test_the_2025_article(tmp_path):
    art = tmp_path / "leaders.md"
    art.write_text(ARTICLE, encoding="utf-8")
    r = CliRunner().invoke(app, ["check", str(art), "--select", "titles", "--format", "json", "--no-cache"])
    found = {f["data"]["person"]: f for f in json.loads(r.output)["findings"]}
    assert set(found) == {"Olaf Scholz", "Rishi Sunak"}  # Macron was still president
    scholz = found["Olaf Scholz"]
    assert scholz["rule"] == "titles.former" and scholz["data"]["left"] == "2025-05-06"
    assert scholz["data"]["successor"] == "Friedrich Merz"
    assert "left 2025-05-06; Friedrich Merz succeeded Scholz" in scholz["message"]
    assert "former chancellor" in scholz["message"]
    assert found["Rishi Sunak"]["rule"] == "titles.former"


def former(sentence: str, day: str):
    out = lint_text(f"Head\n\n{sentence}\n", "a.txt", date=dt.date.fromisoformat(day), select=["titles"])
    assert all(f.rule == "titles.former" for f in out), [f.message for f in out]
    return [(f.data["left"], f.data["successor"]) for f in out]


@pytest.mark.parametrize("sentence,day,left,successor", [
    ("French Prime Minister Gabriel Attal spoke.", "2025-06-01", "2024-07-08", "Michel Barnier"),
    ("Japanese Prime Minister Fumio Kishida spoke.", "2025-01-15", "2024-10-01", "Shigeru Ishiba"),
    ("Ukrainian Prime Minister Denys Shmyhal spoke.", "2025-09-01", "2025-07-17", "Yulia Svyrydenko"),
    ("German Chancellor Olaf Scholz spoke.", "2025-06-01", "2025-05-06", "Friedrich Merz"),
    ("Canadian Prime Minister Justin Trudeau spoke.", "2025-06-01", "2025-03-13", "Mark Carney"),
    ("Polish Prime Minister Mateusz Morawiecki spoke.", "2024-06-01", "2023-12-13", "Donald Tusk"),
    ("Senegalese President Macky Sall spoke.", "2025-01-01", "2024-04-02", "Bassirou Diomaye Diakhar Faye"),
    ("Thai Prime Minister Srettha Thavisin spoke.", "2025-01-01", "2024-08-16", "Peatongtarn Shinawatra"),
    ("Dutch Prime Minister Mark Rutte spoke.", "2025-01-01", "2024-07-02", "Dick Schoof"),
    ("Portuguese Prime Minister António Costa spoke.", "2025-01-01", "2024-04-02", "Luís Montenegro"),
])
def test_a_head_who_left_in_2023_2025_is_former(sentence, day, left, successor):
    assert former(sentence, day) == [(left, successor)]


@pytest.mark.parametrize("sentence,day", [
    ("German Chancellor Friedrich Merz spoke.", "2025-09-01"),
    ("German Chancellor Olaf Scholz spoke.", "2025-03-01"),
    ("Japanese Prime Minister Shigeru Ishiba spoke.", "2025-01-15"),
    ("Dutch Prime Minister Dick Schoof spoke.", "2025-01-01"),
    ("Canadian Prime Minister Mark Carney spoke.", "2025-09-20"),
    ("Former Canadian Prime Minister Justin Trudeau spoke.", "2025-06-01"),
    ("French Prime Minister Sébastien Lecornu spoke.", "2025-09-20"),
])
def test_the_head_in_office_is_not_flagged(sentence, day):
    assert former(sentence, day) == []
