"""The built-in packs ship parsed and validated: a run with no cache folder reads them without PyYAML.

A fresh install, a CI runner that starts with no cache, and ``--no-cache``
all used to parse every pack's YAML and compile the schemas. The package
carries the parsed packs (``edlint/io/parsed_packs.jsonl``, written by
``scripts/build_parsed_packs.py``), keyed by each pack's text: an edited pack
is parsed from its YAML as before.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from conftest import generated_file_is_current

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "examples" / "sample-article.md"


def test_the_shipped_file_matches_the_packs():
    assert generated_file_is_current("build_parsed_packs"), "run: python scripts/build_parsed_packs.py"


def test_a_run_without_a_cache_imports_no_yaml_parser_and_no_schema_compiler(tmp_path):
    body = SAMPLE.read_text(encoding="utf-8").split("\n---\n", 1)[1]  # plain text: no front matter to parse
    article = tmp_path / "article.txt"
    article.write_text(body, encoding="utf-8")
    p = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "edlint", "check", str(article), "--no-cache", "-f", "concise"],
        capture_output=True, text=True, cwd=tmp_path,
    )
    assert p.returncode == 1, p.stderr[-2000:]
    assert "adcopy.furniture" in p.stdout and "spelling.inconsistent" in p.stdout  # the packs were read
    names = {line.rsplit("|", 1)[1].strip() for line in p.stderr.splitlines() if line.startswith("import time:")}
    assert "edlint.checks.adcopy.furniture" in names  # the run was measured
    assert not {"yaml", "fastjsonschema"} & names
    assert not (tmp_path / ".edlint_cache").exists()


def test_an_edited_pack_is_parsed_from_its_yaml_and_validated_again(tmp_path):
    from edlint.io import datafiles, shipped_packs
    from edlint.io.builtin_packs import pack_root

    text = (pack_root() / "spelling" / "misspellings.yaml").read_text(encoding="utf-8")
    datafiles.use_parse_cache(None)
    shipped = datafiles.load_yaml(text, "rules/spelling/misspellings.yaml")
    again = datafiles.load_yaml(text, "rules/spelling/misspellings.yaml")
    assert shipped == again and shipped is not again  # a fresh copy each time: a caller may change its own
    from edlint.core.kinds import kind_module

    digest = datafiles.schema_digest(kind_module("substitution").SCHEMA)
    assert shipped_packs.vouched(shipped, digest)
    edited = datafiles.load_yaml(text + "\n# edited by the desk\n", "rules/spelling/misspellings.yaml")
    assert edited == shipped and not shipped_packs.vouched(edited, digest)  # parsed from YAML, checked as usual
    assert not shipped_packs.vouched(shipped, "another schema")
