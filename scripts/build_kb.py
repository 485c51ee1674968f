"""Build the shipped officeholder knowledge base from the source data.

Usage: python scripts/build_kb.py [--source ../shared/data/officeholders] [--check]

Reads officeholders.csv (Wikidata CC0, Institute for Government Ministers
Database CC BY 4.0, congress-legislators CC0; see NOTICE), keeps heads of
state and government, ministers and international posts, and writes the
derived facts to edlint/knowledge/officeholders.tsv: people, offices and
dated terms, each term with the date its source is known to be complete to
("valid to"), so a check never claims an error past what the data covers.
``--check`` rebuilds in memory and fails if the committed file differs.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from edlint.checks.spelling.normalise import translit_key  # noqa: E402
from edlint.knowledge.officeholders import name_key, surname_key  # noqa: E402  (one definition of a lookup key)

OUT = REPO / "edlint" / "knowledge" / "officeholders.tsv"
NAMES_OUT = REPO / "edlint" / "knowledge" / "given_names.txt"
# First words of people's labels that are titles, not given names.
_NOT_GIVEN = {
    "Lord", "Lady", "Baron", "Baroness", "Sir", "Dame", "Prince", "Princess", "King", "Queen",
    "Sheikh", "Emir", "Sultan", "General", "Admiral", "Marshal", "Colonel", "Major", "Captain",
    "Count", "Countess", "Duke", "Duchess", "Earl", "Viscount", "Marquess", "Father", "Saint",
    "Bishop", "Archbishop", "Cardinal", "Pope", "Rabbi", "Imam", "Mullah", "President",
    "Minister", "Doctor", "Professor", "Mr", "Mrs", "Ms", "Dr", "The", "Van", "Von", "De", "Del",
    "Da", "Le", "La", "Al", "El", "Abu", "Ibn", "Bin", "Ben",
}
_GIVEN = re.compile(r"[A-Z][a-zà-ÿ]+")
KINDS = ("head_of_state", "head_of_government", "minister", "international")
_ASOF = re.compile(r"as of (\d{4}-\d{2}-\d{2})")
_REPO = re.compile(r"^([^@ ]+)")


def build(source: Path) -> bytes:
    people: dict[str, int] = {}
    people_rows: list[list[str]] = []
    offices: dict[tuple, int] = {}
    office_rows: list[list[str]] = []
    sources: dict[tuple, int] = {}
    source_rows: list[list[str]] = []
    terms = set()
    with open(source / "officeholders.csv", encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            if r["role_kind"] not in KINDS:
                continue
            pkey = r["person_id"] or r["person"]
            if pkey not in people:
                people[pkey] = len(people_rows)
                # Name keys are computed here, once, so loading needs no text processing.
                name = r["person"]
                people_rows.append([name, r["person_id"], name_key(name), surname_key(name)])
            okey = (r["office"], r["country"], r["role_kind"])
            if okey not in offices:
                offices[okey] = len(office_rows)
                office_rows.append(list(okey))
            m = _ASOF.search(r["source"])
            valid_to = m.group(1) if m else ""
            repo = _REPO.match(r["source"]).group(1)
            licence = "CC BY 4.0" if "CC BY" in r["source"] else "CC0"
            skey = (repo, valid_to, licence)
            if skey not in sources:
                sources[skey] = len(source_rows)
                source_rows.append(list(skey))
            terms.add((people[pkey], offices[okey], r["start"], r["end"], sources[skey]))
    # A line-oriented text file that loading does not even split: a header line
    # (JSON: sources and where each section starts), then a person per line
    # ("name<TAB>id<TAB>terms", terms as "office,start,end,source;..."), an office
    # per line, and two "key<TAB>offset" indexes sorted by key bytes, where offset
    # is the person's line in the people section. A lookup binary-searches an
    # index in the file's bytes and decodes only the lines it needs, and a
    # rebuild shows up in review as a readable line diff.
    by_person: dict[int, list] = {}
    for pi, oi, start, end, si in sorted(terms):
        by_person.setdefault(pi, []).append(f"{oi},{start},{end},{si}")
    people = [f"{row[0]}\t{row[1]}\t{';'.join(by_person.get(i, []))}".encode() + b"\n" for i, row in enumerate(people_rows)]
    offsets, at = [], 0
    for line in people:
        offsets.append(at)
        at += len(line)
    offices = ["\t".join(row).encode() + b"\n" for row in office_rows]

    def index(pairs) -> list[bytes]:
        keyed = sorted({(k.encode(), offsets[i]) for k, i in pairs if k})
        return [k + b"\t" + str(o).encode() + b"\n" for k, o in keyed]

    # A name is also found by its first and last words: copy writes "George Bush" for
    # George W. Bush (and for George H. W. Bush, which is why such a name can be ambiguous).
    names = index([(row[2], i) for i, row in enumerate(people_rows)] + [(_short_key(row[0]), i) for i, row in enumerate(people_rows)])
    surnames = index([(row[3], i) for i, row in enumerate(people_rows)])
    # Who held an office in each country: a finding names the rightful holder, and
    # must not parse every person to find them.
    in_country: dict[str, set] = {}
    for pi, oi, *_ in terms:
        in_country.setdefault(office_rows[oi][1], set()).add(offsets[pi])
    countries = [f"{c}\t{' '.join(map(str, sorted(v)))}".encode() + b"\n" for c, v in sorted(in_country.items())]
    sections = [b"".join(people), b"".join(offices), b"".join(names), b"".join(surnames), b"".join(countries)]
    for line in people + offices + names + surnames + countries:
        assert line.count(b"\n") == 1 and b"\r" not in line, line
    sizes = [len(x) for x in sections]
    header = json.dumps({"format": 7, "kinds": list(KINDS), "sources": source_rows,
                         "sections": ["people", "offices", "names", "surnames", "countries"], "sizes": sizes,
                         "counts": [len(people), len(offices)]}, ensure_ascii=False, sort_keys=True)
    return header.encode() + b"\n" + b"".join(sections)


def _short_key(name: str) -> str:
    """Key of the first and last words of a name of three or more words ("" otherwise)."""
    words = name.split()
    return translit_key(words[0] + words[-1]) if len(words) >= 3 else ""


def given_names(source: Path) -> bytes:
    """First words of every person's name in the source (all rows, legislators included).

    Spelling discovery uses them to tell two people (Brian May, Bryan Adams)
    from one name misspelt (Minister, Mynister).
    """
    names = set()
    with open(source / "officeholders.csv", encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            words = r["person"].split()
            if len(words) >= 2 and _GIVEN.fullmatch(words[0]) and words[0] not in _NOT_GIVEN:
                names.add(words[0])
    header = "# Given names: first words of officeholders' names (see NOTICE). Built by scripts/build_kb.py.\n"
    return (header + "\n".join(sorted(names)) + "\n").encode("utf-8")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--source", default=str(REPO / ".." / "shared" / "data" / "officeholders"))
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    source = Path(args.source)
    if not (source / "officeholders.csv").is_file():
        print(f"source data not found at {source}")
        return 2
    blob = build(source)
    names = given_names(source)
    if args.check:
        same = OUT.is_file() and OUT.read_bytes() == blob
        same = same and NAMES_OUT.is_file() and NAMES_OUT.read_bytes() == names
        print("knowledge base is current" if same else "knowledge base differs from the source: rebuild it")
        return 0 if same else 1
    OUT.write_bytes(blob)
    NAMES_OUT.write_bytes(names)
    print(f"wrote {OUT.relative_to(REPO)} ({len(blob) // 1024} KiB) and {NAMES_OUT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
