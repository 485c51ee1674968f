"""Every rule is documented with the one template, and docs/rules.md is generated from it."""
from __future__ import annotations

import subprocess
import sys

from conftest import REPO

from edlint.core.registry import build_registry

HEADINGS = ("## What it flags", "## Why", "## Examples", "## Fix safety")


def test_every_rule_documented():
    reg = build_registry()
    missing = {}
    for rid, cls in reg.rules.items():
        docs = cls.meta.docs or ""
        gaps = [h for h in HEADINGS if h not in docs]
        if gaps:
            missing[rid] = gaps
        assert cls.meta.summary, rid
    assert missing == {}


def test_docs_rules_md_is_current():
    p = subprocess.run([sys.executable, str(REPO / "scripts" / "gen_rule_docs.py"), "--check"],
                       capture_output=True, text=True)
    assert p.returncode == 0, p.stdout + p.stderr
