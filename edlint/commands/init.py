"""``edlint init``: a commented ``edlint.toml`` for a newsroom, and the pre-commit hook that runs it.

Never overwrites: an existing file is left alone (and said so), so running it
twice is harmless. ``--schema`` also writes the configuration's JSON Schema
beside the config, for editors that complete and check TOML as you type.
"""
from __future__ import annotations

import sys
from pathlib import Path

CONFIG_TEMPLATE = '''\
{schema_line}# edlint configuration: docs/configuration.md lists every key.
# `edlint rules` shows what is on here; `edlint explain RULE` what a rule does.

# Presets: "recommended" (newsroom families on, generic prose advice off) or
# "strict" (adds proselint's prose checks, readability and anonymous sourcing).
extends = ["recommended"]

# Spelling locale: "en-GB", or "en-US" for American spellings.
locale = "en-GB"

# Lowest severity that fails a check (suggestion, warning or error).
fail_on = "warning"

# Files never checked (globs relative to this file).
exclude = ["archive/**"]

# The article date (for title checks) comes from front matter: the first of
# date, published, pubdate, publish_date, published_at, publishDate,
# datePublished. Articles without one take `edlint check --date YYYY-MM-DD`;
# with neither, only titles never held are flagged.

# House files (docs/house-rules.md). Uncomment what the desk keeps:
# rule_dirs = ["house-rules"]            # your own rules: house-rules/style/*.yaml

# [rules."spelling.inconsistent"]
# prefer = ["Kyiv"]                      # the form the house uses
# extra_files = ["house/variants.yaml"]  # your own spelling groups

# [rules.titles]
# people_files = ["house/people.yaml"]   # your own mayors, governors, party leaders

# Some folders need other settings:
# [[overrides]]
# paths = ["wire/**"]
# ignore = ["adcopy"]
'''

PRECOMMIT_SNIPPET = '''\
# pre-commit hooks for edlint (docs/pre-commit.md). These run the edlint
# installed here; to let pre-commit install it from the repository instead,
# see docs/install.md (repo: and rev:).
repos:
  - repo: local
    hooks:
      - id: edlint-fix
        name: edlint (safe fixes)
        entry: edlint fix
        language: system
        types_or: [markdown, plain-text]
        require_serial: true
      - id: edlint
        name: edlint
        entry: edlint check
        language: system
        types_or: [markdown, plain-text]
        require_serial: true
'''


def _write_new(path: Path, text: str) -> bool:
    """Write ``text`` to ``path`` unless it exists; True when written."""
    try:
        with open(path, "x", encoding="utf-8") as fh:
            fh.write(text)
        return True
    except FileExistsError:
        return False


def run_init(folder: Path, schema: bool = False) -> int:
    folder = Path(folder)
    if not folder.is_dir():
        sys.stderr.write(f"edlint: {folder}: not a folder\n")
        return 2
    try:
        if schema:
            src = Path(__file__).resolve().parents[1] / "io" / "config.schema.json"
            if _write_new(folder / "edlint.schema.json", src.read_text(encoding="utf-8")):
                sys.stderr.write(f"edlint: wrote {folder / 'edlint.schema.json'}\n")
            else:
                sys.stderr.write(f"edlint: {folder / 'edlint.schema.json'} exists: left as it is\n")
        line = "#:schema ./edlint.schema.json\n" if schema else ""
        target = folder / "edlint.toml"
        if _write_new(target, CONFIG_TEMPLATE.format(schema_line=line)):
            sys.stderr.write(f"edlint: wrote {target}\n")
        else:
            sys.stderr.write(f"edlint: {target} exists: left as it is\n")
        hooks = folder / ".pre-commit-config.yaml"
        if _write_new(hooks, PRECOMMIT_SNIPPET):
            sys.stderr.write(f"edlint: wrote {hooks}; run `pre-commit install` once per clone\n")
        else:
            sys.stderr.write(f"edlint: {hooks} exists; add these hooks to it:\n\n")
            sys.stdout.write(PRECOMMIT_SNIPPET.split("repos:\n", 1)[1])
    except OSError as exc:
        sys.stderr.write(f"edlint: cannot write in {folder}: {exc.strerror or exc}\n")
        return 2
    return 0
