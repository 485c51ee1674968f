"""``edlint kb who/office``: exact-name answers, near matches labelled as such, offices by the words copy uses."""
from __future__ import annotations

from typer.testing import CliRunner

from edlint.commands.cli import app

runner = CliRunner()


def kb(*args: str):
    return runner.invoke(app, ["kb", *args])


def test_who_answers_only_the_exact_name_and_lists_near_matches_as_such():
    r = kb("who", "John Smith")
    assert r.exit_code == 1
    first, near = r.output.splitlines()[:2]
    assert first == "no officeholder called 'John Smith'"
    assert near.startswith("near matches (same surname") and "Chloe Smith" in near


def test_who_does_not_answer_a_stranger_with_a_similar_surname():
    r = kb("who", "Nobody Atall")
    assert r.exit_code == 1
    assert not any(line.startswith("Gabriel Attal:") for line in r.output.splitlines())
    assert "near matches" in r.output and "Gabriel Attal" in r.output


def test_who_with_an_empty_name_is_a_usage_error_not_a_traceback():
    for name in ("", "   "):
        r = kb("who", name)
        assert r.exit_code == 2
        assert "needs a name" in r.output


def test_who_uses_the_checks_transliteration_and_honorific_rules():
    r = kb("who", "Sergei Lavrov", "--date", "2022-07-08")
    assert r.exit_code == 0 and r.output.startswith("Sergey Lavrov: Minister of Foreign Affairs")
    r = kb("who", "Sir Keir Starmer", "--date", "2025-01-01")
    assert r.exit_code == 0 and r.output.startswith("Keir Starmer: Prime Minister")
    r = kb("who", "Zelensky", "--date", "2022-07-08")
    assert r.exit_code == 0 and r.output.startswith("Volodymyr Zelenskyy: President of Ukraine")


def test_office_by_the_label_copy_uses():
    r = kb("office", "Defence Secretary", "--date", "2022-07-08")
    assert r.exit_code == 0, r.output
    assert "Ben Wallace: Secretary of State for Defence (United Kingdom)" in r.output
    r = kb("office", "British Defence Secretary", "--date", "2022-07-08")
    assert r.exit_code == 0 and r.output.splitlines() == [
        "Ben Wallace: Secretary of State for Defence (United Kingdom) 2019-07-24 – 2023-08-31"
    ]
    r = kb("office", "Russian Foreign Minister", "--date", "2022-07-08")
    assert r.exit_code == 0 and r.output.startswith("Sergey Lavrov: Minister of Foreign Affairs (Russia)")
    r = kb("office", "", "--date", "2022-07-08")
    assert r.exit_code == 2


def test_info_shows_coverage_per_country_and_office_kind():
    r = kb("info", "--country", "Germany")
    assert r.exit_code == 0
    assert "  Germany: 2025-10-03 / 2025-10-03 / -  (heads only: ministers not checked)" in r.output.splitlines()
    r = kb("info", "--country", "Russia")
    assert "  Russia: 2025-10-03 / 2025-10-03 / 2022-08-03" in r.output.splitlines()  # the extract moves heads only


def test_the_docs_name_every_country_covered_only_in_part():
    from conftest import REPO

    from edlint.knowledge.officeholders import KnowledgeBase

    text = " ".join((REPO / "docs" / "knowledge-base.md").read_text(encoding="utf-8").split())
    partly = [c for c, kinds in KnowledgeBase.load().coverage_by_kind().items()
              if "minister" not in kinds and {"head_of_state", "head_of_government"} & set(kinds)]
    assert "Germany" in partly and "Thailand" in partly
    assert [c for c in partly if c not in text] == []
