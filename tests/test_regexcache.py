"""Compiled regular expressions kept in the cache folder: same findings, and damage is harmless."""
from __future__ import annotations

import json

import pytest

from conftest import run_cli

ARTICLE = ("Kyiv talks\n\nThe president said in Kiev on Monday that talks in Kyiv would go on. "
           "\"We will not stop,\" he said.\n\nAdvertisement\n\nOfficials said the Kyiv meeting was useful.\n")


def _check(tmp_path, date: str):
    p = run_cli("check", "a.txt", "--format", "json", "--date", date, "--cache-dir", "cache", cwd=tmp_path)
    assert p.returncode in (0, 1), p.stderr
    return [(f["rule"], f["start"], f["end"], f["message"]) for f in json.loads(p.stdout)["findings"]]


def test_patterns_come_back_from_the_cache_with_the_same_findings(tmp_path):
    from edlint.run.regexcache import _tag

    if _tag() is None:
        pytest.skip("compiled patterns are kept by CPython 3.11+ only (3.10 compiles every time)")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    fresh = run_cli("check", "a.txt", "--format", "json", "--date", "2022-07-08", "--no-cache", cwd=tmp_path)
    want = [(f["rule"], f["start"], f["end"], f["message"]) for f in json.loads(fresh.stdout)["findings"]]
    assert want, "the article should give findings"
    assert _check(tmp_path, "2022-07-08") == want
    stored = list((tmp_path / "cache" / "packs").glob("regex-*.json"))
    assert len(stored) == 1
    entries = json.loads(stored[0].read_text())
    assert len(entries) > 20  # the families' patterns were kept
    assert _check(tmp_path, "2022-07-09") == want  # a result-cache miss: patterns from the file

    # Damage every entry (valid JSON, wrong code): Python's validator rejects them, patterns recompile.
    damaged = {k: [v[0], "AAAAAAAAAAA=", v[2], v[3], v[4]] for k, v in entries.items()}
    stored[0].write_text(json.dumps(damaged))
    assert _check(tmp_path, "2022-07-10") == want
    stored[0].write_text("not json")
    assert _check(tmp_path, "2022-07-11") == want
