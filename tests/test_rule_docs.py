"""Every rule is documented with the one template, and docs/rules.md is generated from it.

The prose (What it flags, Why) is the rule's; the Fix safety and Options sections are generated
from its metadata, so no rule writes them by hand, and options are typed and checked in config.
"""
from __future__ import annotations

import subprocess
import sys

from conftest import REPO, run_cli

from edlint.core.registry import build_registry
from edlint.report.explain import rule_body

HEADINGS = ("## What it flags", "## Why", "## Examples", "## Fix safety")


def test_every_rule_documented():
    reg = build_registry()
    missing = {}
    for rid, cls in reg.rules.items():
        page = rule_body(cls)
        gaps = [h for h in HEADINGS if page.count(h) != 1]
        if gaps:
            missing[rid] = gaps
        assert cls.meta.summary, rid
    assert missing == {}


def test_fix_safety_and_options_are_generated_not_written():
    """Neither section is prose in a rule: both come from the declared fix and typed options."""
    reg = build_registry()
    generated = {"## Fix safety", "## Options"}
    written = [rid for rid, cls in reg.rules.items() if generated & set(cls.meta.docs.split("\n"))]
    assert written == []
    page = rule_body(reg.rules["readability.long-sentence"])
    assert "- `max_words` (int; default `35`)" in page and 'max_words = 35' in page
    assert "## Fix safety\nNo fix: splitting a sentence" in page
    wrong_way = rule_body(reg.rules["attribution.wrong-way-quote"])
    assert "## Fix safety\nEvery finding comes with a fix, safe for some findings and unsafe for others" in wrong_way


def test_a_wrongly_typed_option_is_a_config_error_naming_file_and_line(tmp_path):
    (tmp_path / "a.txt").write_text("Headline\n\nA short body.\n")
    cases = {
        'max_words = "many"': "option readability.long-sentence.max_words should be int, got str",
        "max_words = 2.5": "should be int, got float",
        "max_words = true": "should be int, got bool",
    }
    for setting, message in cases.items():
        (tmp_path / "edlint.toml").write_text(f'# house settings\n[rules."readability.long-sentence"]\n{setting}\n')
        p = run_cli("check", "a.txt", "--no-cache", cwd=tmp_path)
        assert p.returncode == 2, p.stdout + p.stderr
        assert "edlint.toml:3" in p.stderr and message in p.stderr, p.stderr
    (tmp_path / "edlint.toml").write_text('[rules."spelling.inconsistent"]\nprefer = ["Kiev", 3]\n')
    p = run_cli("check", "a.txt", "--no-cache", cwd=tmp_path)
    assert p.returncode == 2 and "edlint.toml:2" in p.stderr and "should be list of str" in p.stderr, p.stderr
    (tmp_path / "edlint.toml").write_text('[rules."attribution.headline-quote"]\nconvention = "loose"\n')
    p = run_cli("check", "a.txt", "--no-cache", cwd=tmp_path)
    assert p.returncode == 2 and "edlint.toml:2" in p.stderr and "one of 'verbatim', 'paraphrase'" in p.stderr
    (tmp_path / "edlint.toml").write_text('[rules."readability.grade"]\nenabled = true\nmax_grade = 8\n')
    assert run_cli("check", "a.txt", "--no-cache", cwd=tmp_path).returncode in (0, 1)  # an int is a fine float


def test_explain_names_the_file_of_every_rule(tmp_path):
    """Code rules name their own module (named after the id), data rules their YAML file."""
    from edlint.core.rule import rule_source

    reg = build_registry()
    for rid, cls in reg.rules.items():
        source = rule_source(cls)
        if rid.startswith("proselint."):
            assert source.startswith("proselint "), rid
            continue
        assert (REPO / source).is_file() or source.startswith("rules/"), (rid, source)
        if not cls.meta.source:
            assert source.endswith("/" + rid.split(".", 1)[1].replace("-", "_") + ".py"), (rid, source)
    p = run_cli("explain", "attribution.dangling-pronoun", cwd=tmp_path, env={"COLUMNS": "200"})
    assert "edlint/checks/attribution/dangling_pronoun.py" in p.stdout
    p = run_cli("explain", "spelling.misspellings", cwd=tmp_path, env={"COLUMNS": "200"})
    assert "rules/spelling/misspellings" in p.stdout


def test_docs_rules_md_is_current():
    script = REPO / "scripts" / "gen_rule_docs.py"
    p = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert p.returncode == 0, p.stdout + p.stderr
