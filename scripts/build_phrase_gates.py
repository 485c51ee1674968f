"""Write ``edlint/checks/adcopy/phrase_gates.json``: the built-in phrase pack's alternatives and their gates.

A run reads them from the package instead of reading 170 patterns with
Python's pattern parser (``edlint/checks/adcopy/gates.py``), also when it has
no cache folder. The file is keyed by a digest of the built-in entries'
patterns: after an edit to ``rules/adcopy`` it no longer applies (runs work
the gates out, as before) until this script is run again. ``--check`` exits 1
when the file is out of date (the test suite runs it).

Usage: python scripts/build_phrase_gates.py [--check]
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from edlint.checks.adcopy import pack, packcache  # noqa: E402
from generated_file import write_or_check  # noqa: E402


def contents() -> str:
    """The file's text for the built-in phrase files, worked out from the patterns themselves: one
    alternative a line."""
    from edlint.core.kinds import builtin_files, load

    phrases = [pack.Phrase(e["category"], e["confidence"] == "high", e["pattern"], e["example"],
                           e.get("whole_line", False))
               for f in builtin_files("phrases") for e in load(f)["entries"]]
    patterns = [(p.whole_line, p.pattern) for p in phrases]
    body = packcache.payload(pack.gated(phrases), format=packcache.FORMAT, key=packcache.key(patterns),
                             entries=len(phrases), python=_python())
    rows = body.pop("rows")
    head = json.dumps(body, ensure_ascii=False)[:-1]
    lines = ",\n".join(json.dumps(r, ensure_ascii=False) for r in rows)
    return f'{head}, "rows": [\n{lines}\n]}}\n'


def _python() -> str:
    return f"{sys.version_info[0]}.{sys.version_info[1]}"


def _same(have: str, want: str) -> bool:
    """The file is current: the same patterns split the same way; and, read by the Python that made it,
    the same gates (another version's parser may word a gate differently, and both are right)."""
    try:
        old, new = json.loads(have), json.loads(want)
    except ValueError:
        return False
    if old.get("python") == new["python"]:
        return old == new
    strip = lambda d: {**d, "python": "", "rows": [r[:2] for r in d.get("rows", [])]}  # noqa: E731
    return strip(old) == strip(new)


def main(argv: list[str]) -> int:
    want = contents()
    return write_or_check(packcache.SHIPPED, want, argv, "build_phrase_gates.py",
                          f"{len(json.loads(want)['rows'])} alternatives", same=_same)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
