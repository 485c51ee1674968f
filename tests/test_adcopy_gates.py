"""The phrase pack's gates: a line is spared an alternative only when that alternative cannot match it."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from edlint.checks.adcopy.gates import NO_LIMIT, gate
from edlint.checks.adcopy.pack import alternatives, load_pack
from conftest import generated_file_is_current

REPO = Path(__file__).resolve().parents[1]


def _plain_match(pack, line: str):
    """The verdict of trying every alternative, in pack order, as the pack did before it had gates."""
    low = line.lower()
    found = []
    for alts, how in ((pack.whole, "fullmatch"), (pack.start, "match")):
        hit = next((a for a in alts if getattr(re.compile(a.text), how)(low)), None)
        if hit:
            found.append(pack.phrases[hit.entry])
    if any(p.high for p in found):
        return next(p for p in found if p.high)
    for a in pack.anywhere:
        if re.search(a.text, low):
            found.append(pack.phrases[a.entry])
            if pack.phrases[a.entry].high:
                return pack.phrases[a.entry]
    return found[0] if found else None


def _lines(pack):
    for p in pack.phrases:
        e = p.example
        yield from (e, e[: len(e) // 2], e[len(e) // 2 :], f"x {e}", f"{e} x", f"({e})", f"  {e}.", e.upper())
    yield from ("The council met on Monday.", "", "*", "250", "(AP)", "Jane Doe/Reuters", "« Previous", "#####")


def test_gated_verdicts_are_those_of_trying_every_alternative():
    pack = load_pack()
    for line in _lines(pack):
        assert pack.match(line) == _plain_match(pack, line), line


@pytest.mark.parametrize(
    ("pattern", "needs", "first", "bounds"),
    [
        ("delivered (straight |directly )?to your inbox", (("to your inbox",), ("delivered ",)), "d", (23, 32)),
        ("^(photo|image)s?:", (("image", "photo"), (":",)), "ip", (6, 7)),
        (r"\d{1,5}", (), None, (1, 5)),  # a class: no first character spelled out
        ("(?i)share", (), None, (5, 5)),  # a flag: nothing is certain
        ("ab?c", (("a",), ("c",)), "a", (2, 3)),
        ("[a-c]x+", (("x",),), "abc", (2, NO_LIMIT)),
    ],
)
def test_gate_reads_what_every_match_has(pattern, needs, first, bounds):
    g = gate(pattern)
    assert (g.needs, g.first, (g.min_len, g.max_len)) == (needs, first, bounds)


def test_a_pattern_that_refers_to_its_groups_is_tried_with_its_neighbours(tmp_path):
    """Group numbers count across the combined whole-line pattern: "(ab)\\2" only means "abab" there."""
    assert not gate(r"(a)\1").alone
    f = tmp_path / "x.yaml"
    f.write_text("kind: phrases\nentries:\n"
                 r'  - {category: twice, confidence: high, whole_line: true, pattern: "(ab)\\2|x", example: abab}'
                 "\n")
    pack = load_pack([f])
    assert pack.match("abab").category == "twice"
    assert pack.match("abx") is None
    assert pack.match("x").category == "twice"


def test_a_cached_gate_that_does_not_fit_its_pattern_is_worked_out_again(tmp_path, monkeypatch):
    from edlint.io import datafiles

    monkeypatch.setattr(datafiles, "_PARSE_CACHE", tmp_path)
    f = tmp_path / "x.yaml"
    f.write_text('kind: phrases\nentries:\n  - {category: c, confidence: high, pattern: "^share|tweet", example: x}\n')
    assert load_pack([f]).match("share it").category == "c"
    (entry,) = [p for p in tmp_path.glob("*.json") if "phrase_gates" in json.loads(p.read_text())]
    rows = json.loads(entry.read_text())["rows"]
    rows[0][2][0] = 999  # a gate no line passes: the next load reads it
    entry.write_text(json.dumps({"phrase_gates": "1", "rows": rows}))
    assert load_pack([f]).match("share it") is None
    rows[0][1] = ".*"  # no longer the entry's own alternative: worked out again
    entry.write_text(json.dumps({"phrase_gates": "1", "rows": rows}))
    pack = load_pack([f])
    assert pack.match("anything") is None
    assert pack.match("share it").category == "c"
    assert [a.text for a in pack.start] == ["^share"]
    assert alternatives("^share|tweet") == ["^share", "tweet"]


def test_the_shipped_gates_match_the_pack():
    assert generated_file_is_current("build_phrase_gates"), "run: python scripts/build_phrase_gates.py"


def test_the_built_in_gates_come_with_the_package_and_a_house_entry_is_worked_out(tmp_path, monkeypatch):
    from edlint.checks.adcopy import pack as P
    from edlint.io import datafiles

    monkeypatch.setattr(datafiles, "_PARSE_CACHE", None)  # no cache folder
    worked = []
    real = P.gate
    monkeypatch.setattr(P, "gate", lambda alt: worked.append(alt) or real(alt))
    built_in = load_pack()
    assert worked == [] and built_in.match("Advertisement").category == "advertising label"
    house = tmp_path / "house.yaml"
    house.write_text("kind: phrases\nentries:\n"
                     '  - {category: promo, confidence: high, pattern: "^win a car|^enter now", example: Win a car}\n')
    from edlint.core.kinds.loader import parse

    with_house = load_pack(house=[parse(house, "house.yaml")])
    assert worked == ["^win a car", "^enter now"]
    assert with_house.match("Win a car today").category == "promo"
    assert with_house.match("Advertisement").category == "advertising label"
