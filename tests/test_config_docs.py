"""#14.16 and 19: `edlint init`, the JSON Schema shipped in the package, the generated configuration reference."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from importlib import resources

import jsonschema
import yaml
from conftest import REPO, run_cli

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]


def _shipped_schema() -> dict:
    return json.loads((resources.files("edlint") / "io" / "config.schema.json").read_text(encoding="utf-8"))


def test_init_writes_a_working_config_and_precommit_snippet(tmp_path):
    p = run_cli("init", "--schema", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    toml_text = (tmp_path / "edlint.toml").read_text(encoding="utf-8")
    assert toml_text.startswith("#:schema ./edlint.schema.json\n")
    assert "date" in toml_text and "locale" in toml_text and "people_files" in toml_text and "rule_dirs" in toml_text
    assert json.loads((tmp_path / "edlint.schema.json").read_text()) == _shipped_schema()
    hooks = yaml.safe_load((tmp_path / ".pre-commit-config.yaml").read_text())
    assert [h["id"] for h in hooks["repos"][0]["hooks"]] == ["edlint-fix", "edlint"]
    (tmp_path / "a.txt").write_text("Head\n\nThey will accomodate it.\n")
    c = run_cli("check", "a.txt", "--no-cache", cwd=tmp_path)
    assert c.returncode == 1 and "spelling.misspellings" in c.stdout, c.stderr
    # every commented key, uncommented, is valid configuration
    uncommented = re.sub(r"(?m)^# (?=\[|\w+ = )", "", toml_text)
    data = tomllib.loads(uncommented)
    assert data["rules"]["titles"]["people_files"]
    jsonschema.validate(data, _shipped_schema())
    again = run_cli("init", cwd=tmp_path)
    assert again.returncode == 0 and "exists" in again.stderr
    assert (tmp_path / "edlint.toml").read_text(encoding="utf-8") == toml_text  # never overwritten


def test_shipped_schema_matches_what_edlint_enforces():
    schema = _shipped_schema()
    jsonschema.Draft7Validator.check_schema(schema)
    good = {"extends": ["strict"], "locale": "en-US", "ignore": ["adcopy"],
            "rules": {"titles": {"people_files": ["p.yaml"]}},
            "overrides": [{"paths": ["wire/**"], "locale": "en-GB", "rules": {"adcopy": {"enabled": False}}}]}
    jsonschema.validate(good, schema)
    for bad in ({"ignoree": ["adcopy"]}, {"locale": "fr"}, {"overrides": [{"ignore": ["x"]}]}):
        try:
            jsonschema.validate(bad, schema)
        except jsonschema.ValidationError:
            continue
        raise AssertionError(f"schema accepted {bad}")
    assert all("description" in sub for sub in schema["properties"].values())


def test_configuration_reference_is_generated_and_complete():
    p = subprocess.run([sys.executable, str(REPO / "scripts" / "gen_config_docs.py"), "--check"],
                       capture_output=True, text=True)
    assert p.returncode == 0, p.stdout + p.stderr
    ref = (REPO / "docs" / "configuration.md").read_text(encoding="utf-8")
    for key in ("`ignore`", "`overrides.rules`", "`overrides.locale`", "`overrides.paths`", "`rules.*.severity`",
                "`extends`", "`fail_on`", "`exclude`", "`rule_dirs`", "`publishDate`", "`datePublished`", "+++",
                "#:schema", "edlint-disable-next-line"):
        assert key in ref, key
