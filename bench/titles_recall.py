"""Recall of the titles rules on mutated copies of real articles.

Usage: python bench/titles_recall.py [--corpus ../shared/data/corpus/bbc] [--limit N]

For each article that names an officeholder the knowledge base knows (one
person, in a country the vocabulary has words for), make mutated copies:

- ``before``: a title the person never held put before the name
  ("British Home Secretary Tony Blair");
- ``apposition``: the same title after the name ("Tony Blair, Britain's home secretary,");
- ``back``: a sentence referring back with that title inserted after the one
  naming them ("The British home secretary said the talks would go on.");
- ``former``: a title the person had left years before, without "former",
  checked with an article date (2005-06-01, inside the corpus years).

A mutation counts as found when a ``titles.*`` finding covers it. The
unmutated articles are checked too (false findings). Skips cleanly when the
corpus is absent.
"""
from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from edlint.checks.titles.vocabulary import vocabulary  # noqa: E402
from edlint.io.articles import SourceFile  # noqa: E402
from edlint.knowledge.officeholders import KnowledgeBase  # noqa: E402
from edlint.run.runner import Runner, RunOptions  # noqa: E402

DAY = dt.date(2005, 6, 1)
# (copy's words, adjective of the country, possessive) for the countries mutations use.
COUNTRY_WORDS = {
    "United Kingdom": ("British", "Britain's"),
    "United States": ("US", "America's"),
    "Russia": ("Russian", "Russia's"),
    "Ukraine": ("Ukrainian", "Ukraine's"),
    "Germany": ("German", "Germany's"),
    "France": ("French", "France's"),
    "Italy": ("Italian", "Italy's"),
    "Spain": ("Spanish", "Spain's"),
    "Israel": ("Israeli", "Israel's"),
    "Iran": ("Iranian", "Iran's"),
    "China": ("Chinese", "China's"),
    "Japan": ("Japanese", "Japan's"),
}
WRONG_TITLES = ["home secretary", "foreign minister", "defence secretary", "prime minister", "president", "chancellor"]
_NAME = re.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+){1,2})\b")


def _person(kb, name):
    terms = kb.who_exact(name)
    people = {t.person for t in terms}
    return terms if len(people) == 1 else None


def _wrong_title(voc, terms, country):
    """A title the vocabulary can apply in the country that the person never held there."""
    for words in WRONG_TITLES:
        titles = [t for t in voc.titles_for(words) if not t.countries or country in t.countries]
        if not titles:
            continue
        if any(t.fits(term, country) for t in titles for term in terms):
            continue
        # Someone must hold it in that country, or the title means nothing there.
        if not any(t.fits(term, country) for t in titles for term in KB.in_country(country)):
            continue
        return words
    return None


def _left_title(voc, terms, country):
    """A title the person had left before 2004 (and held nothing the vocabulary names on DAY)."""
    if any(t.holds_on(DAY) for t in terms):
        return None
    for words in WRONG_TITLES:
        for title in voc.titles_for(words):
            for term in terms:
                if title.fits(term, country) and term.end and term.end < "2004-01-01":
                    return words
    return None


_RUNNERS: dict = {}


def lint_text(text, path, date=None, select=None):
    """One runner per date, so the registry and knowledge base load once."""
    if date not in _RUNNERS:
        _RUNNERS[date] = Runner(RunOptions(select=select, date=date))
    res = _RUNNERS[date].lint_source(SourceFile(path=path, text=text), None)
    if res.error:
        raise ValueError(res.error)
    return res.findings


def _covered(findings, pos):
    return any(f.start <= pos < f.end or abs(f.start - pos) <= 2 for f in findings if f.rule.startswith("titles."))


def _first_person(text: str):
    """The first name after the headline that is one known person of a country the mutations have words for."""
    for m in _NAME.finditer(text, text.find("\n")):
        terms = _person(KB, m.group(1))
        if not terms:
            continue
        country = Counter(t.country for t in terms).most_common(1)[0][0]
        if country in COUNTRY_WORDS:
            return m, terms, country
    return None


def _mutations(text: str, m, terms, country: str, voc) -> list[tuple[str, str, int, dt.date | None]]:
    """The mutated copies of one article as (kind, text, offset a finding must cover, article date)."""
    adj, poss = COUNTRY_WORDS[country]
    before_ok = not re.search(r"[A-Z][\w'’]*\s+$", text[max(0, m.start() - 30) : m.start()])
    wrong = _wrong_title(voc, terms, country)
    cases = []
    if wrong and before_ok:
        t = text[: m.start()] + f"{adj} {wrong.title()} " + text[m.start() :]
        cases.append(("before", t, m.start(), None))
    if wrong and text.startswith(" said", m.end()):
        t = text[: m.end()] + f", {poss} {wrong}," + text[m.end() :]
        cases.append(("apposition", t, m.end() + 2, None))
    if wrong:
        stop = text.find(". ", m.end())
        if stop != -1 and "\n" not in text[m.end() : stop]:
            ins = f" The {adj} {wrong} said the talks would go on."
            t = text[: stop + 1] + ins + text[stop + 1 :]
            cases.append(("back", t, stop + 6, None))
    left = _left_title(voc, terms, country)
    if left and before_ok:
        t = text[: m.start()] + f"{adj} {left.title()} " + text[m.start() :]
        cases.append(("former", t, m.start(), DAY))
    return cases


def _print_recall(tried: Counter, found: Counter, false: int) -> None:
    print(f"{'mutation':<11}{'found':>12}  recall")
    for kind in ("before", "apposition", "back", "former"):
        if tried[kind]:
            print(f"{kind:<11}{found[kind]:>6}/{tried[kind]:<5}  {found[kind] / tried[kind]:.1%}")
    total_t, total_f = sum(tried.values()), sum(found.values())
    if total_t:
        print(f"{'all':<11}{total_f:>6}/{total_t:<5}  {total_f / total_t:.1%}")
    print(f"titles findings on the unmutated articles (undated): {false}")


def main() -> int:
    global KB
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(REPO / ".." / "shared" / "data" / "corpus" / "bbc"))
    ap.add_argument("--limit", type=int, default=0, help="stop after this many mutations of each kind")
    ap.add_argument("--show-misses", action="store_true", help="print every mutation not found")
    args = ap.parse_args()
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"corpus not found at {corpus}: skipped")
        return 0
    KB = KnowledgeBase.load()
    voc = vocabulary()
    tried, found, false = Counter(), Counter(), 0
    misses: list[str] = []
    for path in sorted(corpus.rglob("*.txt")):
        if path.name == "README.TXT":
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        false += sum(1 for f in lint_text(text, "a.txt", select=["titles"]) if f.rule.startswith("titles."))
        person = _first_person(text)  # one person per article
        for kind, mutated, pos, day in _mutations(text, *person, voc) if person else ():
            if args.limit and tried[kind] >= args.limit:
                continue
            tried[kind] += 1
            got = lint_text(mutated, "a.txt", date=day, select=["titles"])
            if _covered(got, pos):
                found[kind] += 1
            else:
                misses.append(f"{kind:<10} {path.parent.name}/{path.name}: {mutated[max(0, pos - 40):pos + 80]!r}")
    _print_recall(tried, found, false)
    if args.show_misses:
        print("\n".join(misses[:60]))
    return 0


KB = None

if __name__ == "__main__":
    sys.exit(main())
