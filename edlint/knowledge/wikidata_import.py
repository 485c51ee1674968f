"""Refresh officeholder facts without a release: a documented Wikidata query and its result's import.

``edlint kb query --office heads|ministers --country DE`` prints a SPARQL
query for the Wikidata Query Service; its result, downloaded as JSON or CSV
(the service's own export formats), goes to ``edlint kb import FILE``, which
validates every row and writes the facts into the newsroom's own officeholder
file (the one ``people_files`` names), with the date the facts are complete to.
Nothing here touches the network: the desk runs the query, edlint reads the file.
"""
from __future__ import annotations

import csv
import datetime as _dt
import io
import json
import re
from pathlib import Path

KINDS = {"heads": ("head_of_state", "head_of_government"), "ministers": ("minister",)}

_HEADS = """\
  { ?country wdt:P1906 ?position . BIND("head_of_state" AS ?kind) }
  UNION
  { ?country wdt:P1313 ?position . BIND("head_of_government" AS ?kind) }"""
_MINISTERS = """\
  ?position (wdt:P31|wdt:P279)/wdt:P279* wd:Q83307 ;  # a minister post (or a kind of one)
            wdt:P1001 ?country .            # of this country
  BIND("minister" AS ?kind)"""

_QUERY = """\
# edlint kb query --office {office} --country {code}
# Run it at the Wikidata Query Service, download the result as JSON or CSV,
# then: edlint kb import RESULT_FILE --valid-to YYYY-MM-DD
# Wikidata is CC0; credit it as the source in the newsroom's file.
SELECT ?person ?personLabel ?positionLabel ?kind ?start ?end ?countryLabel WHERE {{
  ?country wdt:P297 "{code}" .              # ISO 3166-1 alpha-2 code
{body}
  ?person p:P39 ?held .                     # position held
  ?held ps:P39 ?position .
  OPTIONAL {{ ?held pq:P580 ?start . }}
  OPTIONAL {{ ?held pq:P582 ?end . }}
  FILTER(!BOUND(?end) || YEAR(?end) >= 1990)
  SERVICE wikibase:label {{ bd:serviceParam wikibase:language "en". }}
}}
ORDER BY ?kind ?start
"""

REQUIRED = ("person", "personLabel", "positionLabel", "kind")


class ImportError_(ValueError):
    """A result file edlint cannot use: the message is the one line the user sees."""


def query(office: str, country: str) -> str:
    if office not in KINDS:
        raise ImportError_(f"--office must be one of: {', '.join(KINDS)}")
    code = country.strip().upper()
    if not re.fullmatch(r"[A-Z]{2}", code):
        raise ImportError_(f"--country takes a two-letter ISO code such as DE, not {country!r}")
    return _QUERY.format(office=office, code=code, body=_HEADS if office == "heads" else _MINISTERS)


def read_result(path: Path) -> list[dict[str, str]]:
    """The result's rows as {variable: value}, from SPARQL JSON, the service's plain JSON, or CSV."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportError_(f"{path}: cannot read it: {exc}") from None
    if text.lstrip().startswith(("{", "[")):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ImportError_(f"{path}: not valid JSON (line {exc.lineno}): {exc.msg}") from None
        if isinstance(data, dict):  # SPARQL 1.1 results: {"head": ..., "results": {"bindings": [...]}}
            bindings = (data.get("results") or {}).get("bindings") if isinstance(data.get("results"), dict) else None
            if not isinstance(bindings, list):
                raise ImportError_(f"{path}: JSON without results.bindings: not a SPARQL query result")
            rows = []
            for b in bindings:
                if not isinstance(b, dict) or not all(isinstance(v, dict) and "value" in v for v in b.values()):
                    raise ImportError_(f"{path}: a binding is not {{variable: {{value: ...}}}}")
                rows.append({k: str(v["value"]) for k, v in b.items()})
            return rows
        if not all(isinstance(r, dict) for r in data):
            raise ImportError_(f"{path}: a JSON list whose items are not objects: not a query result")
        return [{k: "" if v is None else str(v) for k, v in r.items()} for r in data]
    rows = list(csv.DictReader(io.StringIO(text)))
    if not rows:
        raise ImportError_(f"{path}: no rows (expected a CSV header and one row per term)")
    return rows


def _qid(value: str) -> str | None:
    m = re.fullmatch(r"(?:https?://www\.wikidata\.org/entity/)?(Q\d+)", value.strip())
    return m.group(1) if m else None


def _date(value: str) -> str | None:
    """'2021-12-08T00:00:00Z' -> '2021-12-08'; '' -> ''; anything else -> None."""
    value = value.strip()
    if not value:
        return ""
    m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})(?:T[\d:.]+Z?)?", value)
    if not m:
        return None
    try:
        _dt.date.fromisoformat(m.group(1))
    except ValueError:
        return None
    return m.group(1)


def people(rows: list[dict[str, str]], path: Path, country_of) -> list[dict]:
    """Validated people with their terms, in the house file's shape; the first bad row raises."""
    if not rows:
        raise ImportError_(f"{path}: the result has no rows")
    missing = [v for v in REQUIRED if v not in rows[0]]
    if missing:
        raise ImportError_(f"{path}: missing column(s) {', '.join(missing)}: is this the result of `edlint kb query`?")
    by_id: dict[str, dict] = {}
    for n, r in enumerate(rows, start=1):
        qid, name, term = _row(r, f"{path}: row {n}", country_of)
        p = by_id.setdefault(qid, {"name": name, "wikidata": qid, "terms": []})
        if term not in p["terms"]:
            p["terms"].append(term)
    return list(by_id.values())


def _row(r: dict[str, str], where: str, country_of) -> tuple[str, str, dict]:
    """One result row as (Wikidata id, name, term); raises naming the row when a field is missing or wrong."""
    qid = _qid(r.get("person", ""))
    if not qid:
        raise ImportError_(f"{where}: person {r.get('person')!r} is not a Wikidata item")
    name, office, kind = r["personLabel"].strip(), r["positionLabel"].strip(), r["kind"].strip()
    if not name or re.fullmatch(r"Q\d+", name):
        raise ImportError_(f"{where}: {qid} has no English label")
    if not office or re.fullmatch(r"Q\d+", office):
        raise ImportError_(f"{where}: the position has no English label")
    if kind not in ("head_of_state", "head_of_government", "minister"):
        raise ImportError_(f"{where}: kind {kind!r} is not head_of_state, head_of_government or minister")
    start, end = _date(r.get("start", "")), _date(r.get("end", ""))
    if start is None or end is None:
        raise ImportError_(f"{where}: a date that is not YYYY-MM-DD: {r.get('start')!r} / {r.get('end')!r}")
    if start and end and end < start:
        raise ImportError_(f"{where}: {name}'s term ends before it starts")
    country = country_of(qid, r.get("countryLabel", "").strip())
    if not country:
        raise ImportError_(f"{where}: no country (countryLabel) for {name}")
    term = {"office": office, "country": country, "kind": kind}
    if start:
        term["start"] = start
    if end:
        term["end"] = end
    return qid, name, term


def merge(existing: dict, imported: list[dict], valid_to: str, source: str) -> dict:
    """The house file with the imported people: a person already there (same Wikidata id or name) is replaced."""
    data = dict(existing) if existing else {"kind": "officeholders"}
    data["source"] = data.get("source") or source
    data["valid_to"] = valid_to
    new_ids = {p["wikidata"] for p in imported}
    new_names = {p["name"] for p in imported}
    kept = [p for p in data.get("people", []) if p.get("wikidata") not in new_ids and p["name"] not in new_names]
    data["people"] = kept + sorted(imported, key=lambda p: p["name"])
    return data
