"""The compiled-pattern cache is used only when this user wrote it and nobody else can write it.

Compiled patterns decide where findings, and so fixes, land; a cache folder others can write
(shared, or committed by mistake) must not be able to change what edlint reports or writes.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from array import array
from base64 import b64encode
from pathlib import Path

import pytest


REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "examples" / "sample-article.md"

pytestmark = pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX ownership")


def _check(cache_dir: Path | None, article: Path) -> list:
    """Findings on ``article`` (a fresh name each call, so the result cache never answers)."""
    article.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    args = [sys.executable, "-m", "edlint", "check", str(article), "--format", "json"]
    args += ["--cache-dir", str(cache_dir)] if cache_dir else ["--no-cache"]
    out = subprocess.run(args, capture_output=True, text=True, cwd=REPO)
    assert out.returncode in (0, 1), out.stderr
    return [(f["rule"], f["start"], f["end"]) for f in json.loads(out.stdout)["findings"]]


def test_a_poisoned_shared_pattern_cache_changes_nothing(tmp_path):
    clean = _check(None, tmp_path / "a.md")
    cache = tmp_path / "cache"
    assert _check(cache, tmp_path / "b.md") == clean
    files = list(cache.rglob("regex-*.json"))
    if not files:
        pytest.skip("this interpreter keeps no compiled-pattern cache")
    never = re.compile("(?!)")  # matches nothing
    from re import _compiler, _parser  # type: ignore[attr-defined]

    code = _compiler._code(_parser.parse(never.pattern, 0), 0)
    packed = b64encode(array("I", code).tobytes()).decode("ascii")
    for path in files:
        stored = json.loads(path.read_text())
        poisoned = {k: [e[0], packed, 0, {}, [None]] for k, e in stored.items()}
        path.write_text(json.dumps(poisoned))
        path.chmod(0o664)  # group-writable: someone else could have written it
    assert _check(cache, tmp_path / "c.md") == clean
