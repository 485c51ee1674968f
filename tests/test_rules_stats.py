"""#14.10–11: `edlint rules`, `explain` and `stats` read well at 80 columns and follow the folder's config."""
from __future__ import annotations

import json

from conftest import BBC, need_shared, run_cli


def test_rules_fix_safety_is_data_and_proselint_under_all(tmp_path):
    p = run_cli("rules", "--format", "json", cwd=tmp_path)
    rows = {r["id"]: r for r in json.loads(p.stdout)["rules"]}
    assert rows["adcopy.furniture"]["fix"] == "safe/unsafe"
    assert rows["spelling.misspellings"]["fix"] == "safe" and rows["titles.wrong-office"]["fix"] == "unsafe"
    assert rows["titles.wrong-office"]["fix_availability"] == "sometimes"
    pronoun = rows["attribution.dangling-pronoun"]
    assert pronoun["fix"] == "none" and pronoun["fix_availability"] == "never"
    assert not any(r.startswith("proselint.") for r in rows)  # all off: listed only under --all
    every = json.loads(run_cli("rules", "--all", "--format", "json", cwd=tmp_path).stdout)["rules"]
    assert sum(r["id"].startswith("proselint.") for r in every) > 50


def test_rules_table_at_80_columns(tmp_path):
    p = run_cli("rules", "--all", cwd=tmp_path, env={"COLUMNS": "80"})
    lines = p.stdout.splitlines()
    assert max(len(ln) for ln in lines) <= 80
    assert "{" not in p.stdout  # no placeholders such as '{1}'
    listed = json.loads(run_cli("rules", "--all", "--format", "json", cwd=tmp_path).stdout)["rules"]
    summaries = [r["summary"] for r in listed]
    for ln in lines:  # a summary cut short ends at a whole word, then "…"
        cut = ln.strip()
        if cut.endswith("…") and not cut.startswith("'…'"):
            full = next((s for s in summaries if s.startswith(cut[:-1])), None)
            assert full is not None and full[len(cut) - 1] in " ,;:(", ln
    furniture = [ln for ln in lines if ln.startswith("adcopy.furniture")]
    assert furniture and "safe/unsafe" in furniture[0]
    assert len(lines) <= 2 * 130  # one rule, at most two lines


def test_rules_and_explain_read_the_folder_config(tmp_path):
    (tmp_path / "edlint.toml").write_text('[rules."spelling.misspellings"]\nseverity = "error"\nenabled = false\n')
    rows = {r["id"]: r for r in json.loads(run_cli("rules", "--format", "json", cwd=tmp_path).stdout)["rules"]}
    assert rows["spelling.misspellings"]["severity"] == "error" and rows["spelling.misspellings"]["enabled"] is False
    e = run_cli("explain", "spelling.misspellings", cwd=tmp_path, env={"COLUMNS": "100"})
    assert "Severity: error" in e.stdout and "on: no" in e.stdout


def test_explain_says_fix_safety_and_options_once(tmp_path):
    e = run_cli("explain", "readability.long-sentence", cwd=tmp_path, env={"COLUMNS": "100"})
    assert e.stdout.count("Fix safety") == 1 and e.stdout.count("Options") == 1


def test_stats_at_80_columns_one_line_per_article(tmp_path):
    files = sorted((need_shared(BBC) / "business").glob("*.txt"))[:3]
    p = run_cli("stats", *map(str, files), env={"COLUMNS": "80"})
    assert p.returncode == 0, p.stderr
    lines = p.stdout.splitlines()
    assert max(len(ln) for ln in lines) <= 80
    assert sum(ln.strip().startswith(("…", "/")) or "001.txt" in ln for ln in lines) >= 3
    assert "3 articles" in p.stdout
    one = run_cli("stats", str(files[0]), env={"COLUMNS": "80"})
    assert "1 article " in one.stdout and "1 articles" not in one.stdout


def test_fix_availability_is_declared_not_read_from_prose():
    """A rule says which fixes it offers as data (availability and safety); its prose cannot change that."""
    import pytest

    from edlint.core.findings import FixAvailability, FixSafety, RuleMeta

    assert RuleMeta(id="x.y", summary="s", fix_safety="Safe: always.").fix_kind == "none"
    mixed = RuleMeta(id="x.y", summary="s", fix=FixAvailability.ALWAYS, fix_applicability=FixSafety.MIXED)
    assert mixed.fix_kind == "safe/unsafe"
    assert RuleMeta(id="x.y", summary="s", fix="sometimes", fix_applicability="unsafe").fix is FixAvailability.SOMETIMES
    with pytest.raises(ValueError, match="fix_applicability is given exactly when"):
        RuleMeta(id="x.y", summary="s", fix=FixAvailability.SOMETIMES)
    with pytest.raises(ValueError):
        RuleMeta(id="x.y", summary="s", fix="often", fix_applicability="safe")
