"""`edlint kb query` / `kb import`: a desk refreshes the facts from Wikidata without a release (no network here)."""
from __future__ import annotations

import csv
import json

from typer.testing import CliRunner

from edlint.commands.cli import app

runner = CliRunner()
ARTICLE = "---\ndate: 2026-01-15\n---\n# Talks\n\nGerman Foreign Minister Annalena Baerbock met reporters in Berlin.\n"
ROWS = [  # what the ministers query returns for Germany (abridged)
    {"person": "http://www.wikidata.org/entity/Q15789", "personLabel": "Annalena Baerbock",
     "positionLabel": "Federal Minister for Foreign Affairs", "kind": "minister",
     "start": "2021-12-08T00:00:00Z", "end": "2025-05-06T00:00:00Z", "countryLabel": "Germany"},
    {"person": "http://www.wikidata.org/entity/Q90226", "personLabel": "Johann Wadephul",
     "positionLabel": "Federal Minister for Foreign Affairs", "kind": "minister",
     "start": "2025-05-06T00:00:00Z", "end": "", "countryLabel": "Germany"},
]


def sparql_json(rows) -> str:
    """The query service's SPARQL JSON export."""
    def cell(k, v):
        if k == "person":
            return {"type": "uri", "value": v}
        if k in ("start", "end"):
            return {"datatype": "http://www.w3.org/2001/XMLSchema#dateTime", "type": "literal", "value": v}
        return {"xml:lang": "en", "type": "literal", "value": v}
    return json.dumps({"head": {"vars": list(rows[0])},
                       "results": {"bindings": [{k: cell(k, v) for k, v in r.items() if v} for r in rows]}})


def newsroom(tmp_path):
    (tmp_path / "edlint.toml").write_text('[rules.titles]\npeople_files = ["newsroom/people.yaml"]\n', encoding="utf-8")
    art = tmp_path / "talks.md"
    art.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "newsroom").mkdir()
    (tmp_path / "newsroom" / "people.yaml").write_text("kind: officeholders\npeople: []\n", encoding="utf-8")
    return tmp_path / "edlint.toml", art


def titles(art, cfg):
    r = runner.invoke(app,
                      ["check", str(art), "--config", str(cfg), "--select", "titles", "--format", "json", "--no-cache"])
    return [(f["rule"], f["data"].get("person")) for f in json.loads(r.output)["findings"]]


def test_query_is_printed_for_an_office_kind_and_country():
    r = runner.invoke(app, ["kb", "query", "--office", "ministers", "--country", "de"])
    assert r.exit_code == 0 and 'wdt:P297 "DE"' in r.output
    assert "?personLabel ?positionLabel ?kind ?start ?end" in r.output
    heads = runner.invoke(app, ["kb", "query", "--office", "heads", "--country", "FR"]).output
    assert "wdt:P1906" in heads and "wdt:P1313" in heads and 'wdt:P297 "FR"' in heads
    assert runner.invoke(app, ["kb", "query", "--office", "mayors", "--country", "DE"]).exit_code == 2


def test_import_round_trips_and_changes_a_check(tmp_path):
    cfg, art = newsroom(tmp_path)
    assert titles(art, cfg) == []  # the shipped data has no German ministers
    result = tmp_path / "query.json"
    result.write_text(sparql_json(ROWS), encoding="utf-8")
    r = runner.invoke(app, ["kb", "import", str(result), "--config", str(cfg), "--valid-to", "2026-02-01"])
    assert r.exit_code == 0, r.output
    assert "imported 2 people, 2 terms" in r.output
    assert titles(art, cfg) == [("titles.former", "Annalena Baerbock")]
    r = runner.invoke(app, ["kb", "who", "Johann Wadephul", "--date", "2026-01-15", "--config", str(cfg)])
    assert r.output.startswith("Johann Wadephul: Federal Minister for Foreign Affairs (Germany, minister) 2025-05-06 – "
                               "(in office; data to 2026-02-01)")
    # Importing again (CSV this time) replaces the people rather than doubling them.
    with open(tmp_path / "query.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(ROWS[0]))
        w.writeheader()
        w.writerows(ROWS)
    r = runner.invoke(app,
                      ["kb", "import", str(tmp_path / "query.csv"), "--config", str(cfg), "--valid-to", "2026-02-01"])
    assert r.exit_code == 0, r.output
    text = (tmp_path / "newsroom" / "people.yaml").read_text(encoding="utf-8")
    assert text.count("name: Annalena Baerbock") == 1
    assert "valid_to: '2026-02-01'" in text and "wikidata: Q15789" in text


def test_a_malformed_result_is_one_line_and_writes_nothing(tmp_path):
    cfg, _ = newsroom(tmp_path)
    people = tmp_path / "newsroom" / "people.yaml"
    before = people.read_bytes()
    bad_date = [dict(ROWS[0], start="08/12/2021")]
    cases = {
        "bad.json": sparql_json(bad_date),
        "trunc.json": sparql_json(ROWS)[:-20],
        "other.csv": "name,office\nBaerbock,Foreign\n",
        "noitem.json": sparql_json([dict(ROWS[1], person="Johann Wadephul")]),
    }
    for name, text in cases.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        r = runner.invoke(app, ["kb", "import", str(tmp_path / name), "--config", str(cfg)])
        assert r.exit_code == 2, (name, r.output)
        assert len(r.output.strip().splitlines()) == 1 and r.output.startswith("edlint: "), r.output
        assert people.read_bytes() == before
    assert not list(tmp_path.glob("newsroom/*.tmp"))
