"""Configuration files, presets, per-path overrides, suppressions, select/ignore, fail level."""
from __future__ import annotations

import json

from conftest import run_cli

BAD = "Head\n\nThe council will accomodate the request and seperate it.\n"


def findings(p):
    return [(f["rule"], f["severity"], f["line"]) for f in json.loads(p.stdout)["findings"]]


def test_config_sets_severity_and_fail_on(tmp_path):
    (tmp_path / "edlint.toml").write_text('fail_on = "error"\n[rules."spelling.misspellings"]\n'
                                          'severity = "suggestion"\n')
    (tmp_path / "a.txt").write_text(BAD)
    p = run_cli("check", str(tmp_path / "a.txt"), "--format", "json")
    assert p.returncode == 0
    assert {f[1] for f in findings(p)} == {"suggestion"}
    p = run_cli("check", str(tmp_path / "a.txt"), "--format", "json", "--fail-on", "suggestion")
    assert p.returncode == 1


def test_pyproject_tool_section_and_override(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname="x"\n[tool.edlint]\n[[tool.edlint.overrides]]\npaths = ["wire/**"]\nignore = ["spelling"]\n'
    )
    (tmp_path / "wire").mkdir()
    (tmp_path / "wire" / "a.txt").write_text(BAD)
    (tmp_path / "b.txt").write_text(BAD)
    p = run_cli("check", str(tmp_path), "--format", "json")
    paths = {f["path"] for f in json.loads(p.stdout)["findings"]}
    assert paths == {str(tmp_path / "b.txt")}


def test_exclude(tmp_path):
    (tmp_path / "edlint.toml").write_text('exclude = ["archive/**"]\n')
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "old.txt").write_text(BAD)
    (tmp_path / "new.txt").write_text("Head\n\nClean copy.\n")
    p = run_cli("check", str(tmp_path), "--format", "json")
    assert p.returncode == 0 and findings(p) == []


def test_broken_config_names_file_and_line(tmp_path):
    cfg = tmp_path / "edlint.toml"
    cfg.write_text('locale = "en-GB"\nfail_on = "critical"\n')
    (tmp_path / "a.txt").write_text(BAD)
    p = run_cli("check", str(tmp_path / "a.txt"))
    assert p.returncode == 2
    assert f"{cfg}:2: fail_on: 'critical' is not allowed: must be one of" in p.stderr


def test_invalid_toml_syntax(tmp_path):
    cfg = tmp_path / "edlint.toml"
    cfg.write_text('locale = "en-GB"\n[rules\n')
    (tmp_path / "a.txt").write_text(BAD)
    p = run_cli("check", str(tmp_path / "a.txt"))
    assert p.returncode == 2 and f"{cfg}:2: invalid TOML" in p.stderr


def test_unknown_rule_option_is_an_error(tmp_path):
    (tmp_path / "edlint.toml").write_text('[rules."spelling.misspellings"]\ncolour = "red"\n')
    (tmp_path / "a.txt").write_text(BAD)
    p = run_cli("check", str(tmp_path / "a.txt"))
    assert p.returncode == 2 and "has no option 'colour'" in p.stderr


def test_select_and_ignore(tmp_path):
    (tmp_path / "a.txt").write_text(BAD)
    p = run_cli("check", str(tmp_path / "a.txt"), "--format", "json", "--ignore", "spelling.misspellings")
    assert p.returncode == 0
    p = run_cli("check", str(tmp_path / "a.txt"), "--format", "json", "--select", "spelling.misspellings")
    assert {f[0] for f in findings(p)} == {"spelling.misspellings"}


def test_markdown_suppressions(tmp_path):
    text = (
        "# Head\n\n<!-- edlint-disable spelling.misspellings -->\n\nThey will accomodate it.\n\n"
        "<!-- edlint-enable -->\n\nThey will accomodate it.\n\n"
        "<!-- edlint-disable-next-line spelling -->\nThey will accomodate it.\n\nThey will accomodate it.\n"
    )
    (tmp_path / "a.md").write_text(text)
    p = run_cli("check", str(tmp_path / "a.md"), "--format", "json", "--select", "spelling.misspellings")
    assert [f[2] for f in findings(p)] == [9, 14]


def test_sic_and_quotes_suppress(tmp_path):
    (tmp_path / "a.txt").write_text('Head\n\nThe sign read accomodate [sic]. She said: "We accomodate all."\n')
    p = run_cli("check", str(tmp_path / "a.txt"), "--format", "json", "--select", "spelling.misspellings")
    assert findings(p) == []


def test_user_rule_dir_with_bad_yaml_names_line(tmp_path):
    (tmp_path / "house" / "spelling").mkdir(parents=True)
    bad = tmp_path / "house" / "spelling" / "words.yaml"
    bad.write_text("kind: substitution\nsummary: House words\nswap:\n  email: e-mail\nseverity: loud\n")
    (tmp_path / "edlint.toml").write_text('rule_dirs = ["house"]\n')
    (tmp_path / "a.txt").write_text(BAD)
    p = run_cli("check", str(tmp_path / "a.txt"))
    assert p.returncode == 2
    assert "house/spelling/words.yaml:5: severity: 'loud' is not allowed: must be one of" in p.stderr


def test_user_rule_dir_adds_rule(tmp_path):
    (tmp_path / "house" / "spelling").mkdir(parents=True)
    (tmp_path / "house" / "spelling" / "words.yaml").write_text(
        "kind: substitution\nsummary: House words\nswap:\n  e-mail: email\n"
    )
    (tmp_path / "edlint.toml").write_text('rule_dirs = ["house"]\n')
    (tmp_path / "a.txt").write_text("Head\n\nSend an E-mail today.\n")
    p = run_cli("check", str(tmp_path / "a.txt"), "--format", "json")
    (f,) = json.loads(p.stdout)["findings"]
    assert f["rule"] == "spelling.words" and f["fix"]["edits"][0]["replacement"] == "Email"


def test_unknown_preset(tmp_path):
    cfg = tmp_path / "edlint.toml"
    cfg.write_text('extends = ["nonesuch"]\n')
    (tmp_path / "a.txt").write_text(BAD)
    p = run_cli("check", str(tmp_path / "a.txt"))
    assert p.returncode == 2 and "unknown preset 'nonesuch'" in p.stderr and f"{cfg}:1" in p.stderr


def test_parsed_packs_are_cached_but_an_edit_is_read_and_checked(tmp_path):
    """The CLI keeps parsed YAML beside its result cache; a changed file is parsed and validated again."""
    (tmp_path / "house" / "spelling").mkdir(parents=True)
    rule = tmp_path / "house" / "spelling" / "words.yaml"
    rule.write_text("kind: substitution\nsummary: House words\nswap:\n  e-mail: email\n")
    (tmp_path / "edlint.toml").write_text('rule_dirs = ["house"]\n')
    (tmp_path / "a.txt").write_text("Head\n\nSend an E-mail today.\n")
    cache = tmp_path / "cache"
    p = run_cli("check", str(tmp_path / "a.txt"), "--format", "json", "--cache-dir", str(cache))
    assert [f["rule"] for f in json.loads(p.stdout)["findings"]] == ["spelling.words"]
    packs = list((cache / "packs").iterdir())
    assert any(f.suffix == ".json" for f in packs) and any(f.suffix == ".ok" for f in packs)
    rule.write_text("kind: substitution\nsummary: House words\nswap:\n  e-mail: email\nseverity: loud\n")
    p = run_cli("check", str(tmp_path / "a.txt"), "--cache-dir", str(cache))
    assert p.returncode == 2 and "words.yaml:5: severity: 'loud' is not allowed" in p.stderr
    # --no-cache writes no parsed packs.
    other = tmp_path / "other"
    rule.write_text("kind: substitution\nsummary: House words\nswap:\n  e-mail: email\n")
    run_cli("check", str(tmp_path / "a.txt"), "--no-cache", "--cache-dir", str(other))
    assert not other.exists()
