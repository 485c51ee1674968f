"""Build the shipped officeholder knowledge base from the source data.

Usage: python scripts/build_kb.py [--source ../shared/data/officeholders] [--check]

Reads officeholders.csv (Wikidata CC0, Institute for Government Ministers
Database CC BY 4.0, congress-legislators CC0; see NOTICE) and merges the 2025
Wikidata extract of heads of state and government
(raw/wikidata-heads-2025-10, by the precedence stated at ``PRECEDENCE``;
conflicts are printed), keeps heads of
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

from edlint.document.normalise import translit_key  # noqa: E402
from edlint.knowledge.officeholders import name_key, surname_key  # noqa: E402  (one definition of a lookup key)
from edlint.knowledge.terms import pad_date  # noqa: E402  (one definition of a lookup key)

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


def build(source: Path, report: list[str] | None = None) -> bytes:
    """The knowledge base's bytes; ``report`` collects the merge's conflicts (one line each)."""
    rows = _base_rows(source)
    heads = source / HEADS_2025
    if heads.is_file():
        rows = merge_heads(rows, heads, report if report is not None else [])
    people_rows, office_rows, source_rows, terms = _tables(rows)
    lines = _section_lines(people_rows, office_rows, terms)
    for line in (line for section in lines for line in section):
        assert line.count(b"\n") == 1 and b"\r" not in line, line
    sections = [b"".join(section) for section in lines]
    sizes = [len(x) for x in sections]
    header = json.dumps({"format": 7, "kinds": list(KINDS), "sources": source_rows,
                         "sections": ["people", "offices", "names", "surnames", "countries"], "sizes": sizes,
                         "counts": [len(people_rows), len(office_rows)]}, ensure_ascii=False, sort_keys=True)
    return header.encode() + b"\n" + b"".join(sections)


def _tables(rows: list[dict]) -> tuple[list[list[str]], list[list[str]], list[list[str]], set[tuple]]:
    """People, offices and sources numbered in order of first appearance, and the terms that join them."""
    people: dict[str, int] = {}
    people_rows: list[list[str]] = []
    offices: dict[tuple, int] = {}
    office_rows: list[list[str]] = []
    sources: dict[tuple, int] = {}
    source_rows: list[list[str]] = []
    terms = set()
    for r in rows:
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
        skey = (r["repo"], r["valid_to"], r["licence"])
        if skey not in sources:
            sources[skey] = len(source_rows)
            source_rows.append(list(skey))
        terms.add((people[pkey], offices[okey], r["start"], r["end"], sources[skey]))
    return people_rows, office_rows, source_rows, terms


def _section_lines(people_rows: list[list[str]], office_rows: list[list[str]], terms: set[tuple]) -> list[list[bytes]]:
    """The five sections' lines: people, offices, names and surnames indexes, people by country.

    A line-oriented text file that loading does not even split: a header line
    (JSON: sources and where each section starts), then a person per line
    ("name<TAB>id<TAB>terms", terms as "office,start,end,source;..."), an office
    per line, and two "key<TAB>offset" indexes sorted by key bytes, where offset
    is the person's line in the people section. A lookup binary-searches an
    index in the file's bytes and decodes only the lines it needs, and a
    rebuild shows up in review as a readable line diff.
    """
    by_person: dict[int, list] = {}
    for pi, oi, start, end, si in sorted(terms):
        by_person.setdefault(pi, []).append(f"{oi},{start},{end},{si}")
    people = [f"{row[0]}\t{row[1]}\t{';'.join(by_person.get(i, []))}".encode() + b"\n"
              for i, row in enumerate(people_rows)]
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
    names = index([(row[2], i) for i, row in enumerate(people_rows)]
                  + [(_short_key(row[0]), i) for i, row in enumerate(people_rows)])
    surnames = index([(row[3], i) for i, row in enumerate(people_rows)])
    # Who held an office in each country: a finding names the rightful holder, and
    # must not parse every person to find them.
    in_country: dict[str, set] = {}
    for pi, oi, *_ in terms:
        in_country.setdefault(office_rows[oi][1], set()).add(offsets[pi])
    countries = [f"{c}\t{' '.join(map(str, sorted(v)))}".encode() + b"\n" for c, v in sorted(in_country.items())]
    return [people, offices, names, surnames, countries]


def _base_rows(source: Path) -> list[dict]:
    """The merged table's rows of the kinds shipped, each with its source's repository, valid-to date and licence."""
    out = []
    with open(source / "officeholders.csv", encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            if r["role_kind"] not in KINDS:
                continue
            m = _ASOF.search(r["source"])
            r["valid_to"] = m.group(1) if m else ""
            r["repo"] = _REPO.match(r["source"]).group(1)
            r["licence"] = "CC BY 4.0" if "CC BY" in r["source"] else "CC0"
            if r["person_id"].endswith(":"):
                r["person_id"] = ""  # "bioguide:" with no number is no id: one person per name, not one for all
            out.append(r)
    return out


# --- heads of state and government to 2025 ------------------------------------------------
#
# Precedence when two sources speak of the same person in the same post (first wins):
# the UK ministers database and the US executive list (each replaces Wikidata for what
# it covers), then the per-country Wikidata snapshots (2022-23, with office labels),
# then the 2025 heads extract, then the year-precision world-leaders list. The 2025
# extract may still *extend* a higher source: an open term there gets the end date (or
# the later valid-to date) the 2025 extract gives. A country's valid-to date moves only
# for the offices the extract covers, so ministers keep their own source's date.
HEADS_2025 = Path("raw") / "wikidata-heads-2025-10" / "leaders_history.csv"
HEADS_REPO, HEADS_VALID_TO, HEADS_LICENCE = "cfmessias/geografia", "2025-10-03", "CC0"
PRECEDENCE = (
    "instituteforgov/ifg-ministers-database-public",
    "unitedstates/congress-legislators",
    "every-politician-scrapers/*",  # the per-country snapshots
    HEADS_REPO,
    "every-politician-scrapers/world-leaders-2021",
)
_HEAD_KINDS = ("head_of_state", "head_of_government")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_SAME_DAY = 31  # days two sources may differ on a start or an end and still mean one term
# The knowledge base's names for countries whose ISO name differs (the 2025 extract's own labels are Portuguese).
_COUNTRY_NAMES = {
    "ALA": "Åland", "BRN": "Brunei", "CIV": "Ivory Coast", "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo", "CZE": "Czech Republic", "FSM": "Federated States of Micronesia",
    "PSE": "State of Palestine", "RUS": "Russia", "STP": "São Tomé and Príncipe", "TUR": "Turkey",
    "VAT": "Vatican City", "FLK": "Falkland Islands", "VGB": "British Virgin Islands",
    "VIR": "United States Virgin Islands", "MAC": "Macau", "SXM": "Sint Maarten", "SHN": "Saint Helena",
    "BES": "Caribbean Netherlands", "KOR": "South Korea", "PRK": "North Korea", "IRN": "Iran",
    "SYR": "Syria", "LAO": "Laos", "MDA": "Moldova", "TZA": "Tanzania", "VNM": "Vietnam",
    "BOL": "Bolivia", "VEN": "Venezuela", "TWN": "Taiwan", "CPV": "Cabo Verde", "SWZ": "Eswatini",
    "MKD": "North Macedonia", "TLS": "Timor-Leste", "XKX": "Kosovo",
}


def _rank(repo: str) -> int:
    if repo in PRECEDENCE:
        return PRECEDENCE.index(repo)
    return PRECEDENCE.index("every-politician-scrapers/*")


def _country(iso3: str) -> str:
    if iso3 in _COUNTRY_NAMES:
        return _COUNTRY_NAMES[iso3]
    import pycountry  # build time only

    c = pycountry.countries.get(alpha_3=iso3)
    if c is None:
        raise SystemExit(f"unknown country code in the 2025 heads extract: {iso3}")
    return getattr(c, "common_name", None) or c.name


def _day(text: str) -> str:
    return text[:10] if _ISO_DATE.match(text) else ""


def _days(a: str, b: str) -> int:
    import datetime as dt

    pad = lambda d: d + "-01-01" if len(d) == 4 else (d + "-01" if len(d) == 7 else d)  # noqa: E731
    return abs((dt.date.fromisoformat(pad(a)) - dt.date.fromisoformat(pad(b))).days)


def _overlap(a_start, a_end, b_start, b_end, touching=False) -> bool:
    """Two terms share a day (``touching``: or one ends the day the other starts). Open ends run on."""
    lo = lambda d: pad_date(d, True) if d else "0000-00-00"  # noqa: E731
    hi = lambda d: pad_date(d, False) if d else "9999-99-99"  # noqa: E731
    if touching:
        return lo(a_start) <= hi(b_end) and lo(b_start) <= hi(a_end)
    return lo(a_start) < hi(b_end) and lo(b_start) < hi(a_end)


def _heads_terms(path: Path, english: dict[str, str]) -> list[dict]:
    """The 2025 extract's terms: dated rows only, people by Q-id, repeated rows folded into one term."""
    groups: dict[tuple, list[tuple[str, str]]] = {}
    label: dict[str, str] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            qid, start, end = r["person_qid"], _day(r["start"]), _day(r["end"])
            if not re.fullmatch(r"Q\d+", qid) or not start or r["role"] not in _HEAD_KINDS:
                continue  # a blank node, or a term that cannot be placed in time
            if end and end < start:
                continue
            label.setdefault(qid, r["person"])
            groups.setdefault((qid, _country(r["iso3"]), r["role"]), []).append((start, end))
    out = []
    for (qid, country, kind), spans in sorted(groups.items()):
        clusters: list[list[tuple[str, str]]] = []
        for start, end in sorted(spans):
            last = clusters[-1] if clusters else None
            if last and any(_overlap(s0, e0, start, end, touching=True) for s0, e0 in last):
                last.append((start, end))  # one term told twice, or a chain of cabinets
            else:
                clusters.append([(start, end)])
        for rows in clusters:
            start, end = _fold(rows)
            out.append({"qid": qid, "person": english.get(qid) or label[qid], "country": country,
                        "role_kind": kind, "start": start, "end": end})
    return out


def _fold(rows: list[tuple[str, str]]) -> tuple[str, str]:
    """One term from rows that tell it twice or in pieces.

    A 1 January date is often a year-precision value: any other date wins. The
    end is that of the latest piece (a chain of cabinets ends with its last);
    where two pieces start together, a real end beats a missing one.
    """
    starts = [s for s, _ in rows]
    start = min([s for s in starts if not s.endswith("-01-01")] or starts)
    latest = max(starts)
    ends = [e for s, e in rows if s == latest]
    closed = [e for e in ends if e]
    if not closed:
        return start, ""
    return start, max([e for e in closed if not e.endswith("-01-01")] or closed)


def merge_heads(rows: list[dict], path: Path, report: list[str]) -> list[dict]:
    """Add the 2025 heads extract to the rows by the stated precedence; conflicts go to ``report``."""
    extract = _heads_terms(path, _english_labels(rows, path))
    _take_extract_names(rows, extract)
    by_post = _heads_by_post(rows)
    labels = {post: _usual_office(rs) for post, rs in by_post.items()}
    mine = _rank(HEADS_REPO)
    replaced = {c for (c, _), rs in by_post.items()
                if any(_rank(o["repo"]) < mine and o["valid_to"] >= HEADS_VALID_TO for o in rs)}
    heads_of_state = {(t["qid"], t["country"]): t for t in extract if t["role_kind"] == "head_of_state"}
    dropped: set[int] = set()
    added: list[dict] = []
    for t in extract:
        post = (t["country"], t["role_kind"])
        olds = by_post.get(post, [])
        if t["country"] in replaced:
            continue  # a better source covers the country's heads for longer (the UK, the US)
        if _executive_president(t, heads_of_state.get((t["qid"], t["country"])), olds):
            report.append(f"dropped: {t['person']} as head of government of {t['country']} {t['start']}–{t['end']}: "
                          "the same term as head of state (an executive president, not a prime minister)")
            continue
        key = name_key(t["person"])
        same = [o for o in olds if (o["person_id"] == t["qid"] or name_key(o["person"]) == key)
                and _overlap(o["start"], o["end"], t["start"], t["end"])]
        better = [o for o in same if _rank(o["repo"]) < mine]
        if better:
            for o in better:
                _reconcile(o, t, report)
            continue
        for o in same:
            dropped.add(id(o))  # the year-precision list gives way to dated terms
        person = same[0] if same else next((o for o in olds if o["person_id"] == t["qid"]), None)
        added.append(_extract_row(t, person, labels.get(post)))
    out = [r for r in rows if id(r) not in dropped] + added
    _close_open_terms(out)
    return out


def _english_labels(rows: list[dict], path: Path) -> dict[str, str]:
    """The best English label for each Wikidata id: the shipped rows' first, then any row of the source."""
    english = {r["person_id"]: r["person"] for r in rows if r["person_id"].startswith("Q")}
    with open(path.parents[2] / "officeholders.csv", encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):  # legislators and others too: the best English label for a Q-id
            if r["person_id"].startswith("Q"):
                english.setdefault(r["person_id"], r["person"])
    return english


def _take_extract_names(rows: list[dict], extract: list[dict]) -> None:
    """Rows without a Wikidata id take the extract's label (and its id when they have none at all).

    That is the US executive list, matched where the same post starts the same
    day: the list calls John Quincy Adams "John Adams" and George H. W. Bush
    "George Bush".
    """
    starts = {(t["country"], t["role_kind"], t["start"]): t for t in extract}
    renamed: dict[str, str] = {}
    for r in rows:
        t = starts.get((r["country"], r["role_kind"], r["start"])) if not r["person_id"].startswith("Q") else None
        if t and r["person"].split()[-1] == t["person"].split()[-1]:  # same surname: the same person
            if not r["person_id"]:
                r["person_id"] = t["qid"]
            renamed[r["person_id"]] = t["person"]
    for r in rows:
        if r["person_id"] in renamed:
            r["person"] = renamed[r["person_id"]]


def _heads_by_post(rows: list[dict]) -> dict[tuple, list[dict]]:
    """Heads of state and government, grouped by (country, kind of post)."""
    by_post: dict[tuple, list[dict]] = {}
    for r in rows:
        if r["role_kind"] in _HEAD_KINDS:
            by_post.setdefault((r["country"], r["role_kind"]), []).append(r)
    return by_post


def _usual_office(rows: list[dict]) -> str:
    """The office label a post's rows use most (the first in sort order on a tie): the extract has none."""
    counts: dict[str, int] = {}
    for r in rows:
        counts[r["office"]] = counts.get(r["office"], 0) + 1
    return max(sorted(counts), key=counts.get)


def _executive_president(t: dict, head_of_state: dict | None, olds: list[dict]) -> bool:
    """A head-of-government term that is the same person's head-of-state term, not held as such before."""
    hs = head_of_state
    if t["role_kind"] != "head_of_government" or not hs or _days(hs["start"], t["start"]) > _SAME_DAY:
        return False
    if not (hs["end"] == t["end"] or (hs["end"] and t["end"] and _days(hs["end"], t["end"]) <= _SAME_DAY)):
        return False
    return not any(o["person_id"] == t["qid"] and _overlap(o["start"], o["end"], t["start"], t["end"]) for o in olds)


def _extract_row(t: dict, person: dict | None, office: str | None) -> dict:
    """A row for an extract term, under the name and id the person already has, and the post's usual label."""
    kind_label = "Head of state" if t["role_kind"] == "head_of_state" else "Head of government"
    return {
        "person": person["person"] if person else t["person"],
        "person_id": person["person_id"] if person else t["qid"],
        "office": office or kind_label + f" of {t['country']}",
        "country": t["country"], "role_kind": t["role_kind"], "start": t["start"], "end": t["end"],
        "repo": HEADS_REPO, "valid_to": HEADS_VALID_TO, "licence": HEADS_LICENCE,
    }


def _reconcile(old: dict, new: dict, report: list[str]) -> None:
    """A higher source's term that the extract also has: extend it if it was open, else list any disagreement."""
    who = f"{old['person']} ({old['office']}, {old['country']})"
    if new["start"] and old["start"] and len(old["start"]) == 10 and _days(old["start"], new["start"]) > _SAME_DAY:
        report.append(f"conflict: {who} starts {old['start']} in {old['repo']}, {new['start']} in {HEADS_REPO}; "
                      f"kept {old['start']}")
    if not old["end"]:
        if old["valid_to"] < HEADS_VALID_TO:
            # Open when the older source was taken: the extract says how it went on.
            old.update(end=new["end"], repo=HEADS_REPO, valid_to=HEADS_VALID_TO, licence=HEADS_LICENCE)
        return
    if not new["end"]:
        report.append(f"conflict: {who} ends {old['end']} in {old['repo']}, open in {HEADS_REPO}; "
                      f"kept {old['end']}")
    elif _days(old["end"], new["end"]) > _SAME_DAY:
        report.append(f"conflict: {who} ends {old['end']} in {old['repo']}, {new['end']} in {HEADS_REPO}; "
                      f"kept {old['end']}")


def _close_open_terms(rows: list[dict]) -> None:
    """An open term in the extract is known only until someone else takes the post.

    Wikidata sometimes lacks an end date; a later holder of the same post shows
    the data stops knowing there, so the term's valid-to date becomes that
    start (the check then says nothing, rather than call a former holder current).
    """
    for rs in _heads_by_post(rows).values():
        for r in rs:
            if r["repo"] != HEADS_REPO or r["end"]:
                continue
            later = [o["start"] for o in rs
                     if o["start"] > r["start"] and o["person_id"] != r["person_id"] and len(o["start"]) == 10]
            if later and min(later) < r["valid_to"]:
                r["valid_to"] = min(later)


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
    report: list[str] = []
    blob = build(source, report)
    names = given_names(source)
    if args.check:
        same = OUT.is_file() and OUT.read_bytes() == blob
        same = same and NAMES_OUT.is_file() and NAMES_OUT.read_bytes() == names
        print("knowledge base is current" if same else "knowledge base differs from the source: rebuild it")
        return 0 if same else 1
    for line in report:
        print(line)
    print(f"{len(report)} conflict(s) between sources, resolved by precedence: " + " > ".join(PRECEDENCE))
    OUT.write_bytes(blob)
    NAMES_OUT.write_bytes(names)
    print(f"wrote {OUT.relative_to(REPO)} ({len(blob) // 1024} KiB) and {NAMES_OUT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
