"""Titles checked against the officeholder knowledge base on the article's date.

Two patterns: a title before a name ("Russian Foreign Minister Sergei
Lavrov", "Defence Secretary Ben Wallace") and a reference back ("the Russian
premier said" means the person most recently named whom that title could
mean). The knowledge base loads only when a titles rule runs.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache

from ...model import Applicability, Edit, Fix, Hit, RuleMeta, Severity
from ...packs import pack_root
from ...rulebase import Rule
from ...yamlsource import load_yaml


@dataclass(frozen=True)
class Title:
    words: tuple[str, ...]
    kinds: tuple[str, ...]
    office: re.Pattern | None
    countries: tuple[str, ...]
    word: str
    needs_country: bool = False

    def fits(self, term, country: str | None) -> bool:
        if country and term.country != country:
            return False
        if self.countries and term.country not in self.countries:
            return False
        return term.kind in self.kinds or bool(self.office and self.office.search(term.office))


@dataclass(frozen=True)
class Vocabulary:
    countries: dict[str, str]  # phrase (lower) -> country
    titles: tuple[Title, ...]
    before_name: re.Pattern
    reference: re.Pattern

    def titles_for(self, phrase: str) -> list[Title]:
        p = phrase.lower()
        return [t for t in self.titles if p in (w.lower() for w in t.words)]


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    path = pack_root() / "titles" / "vocabulary.yaml"
    data = load_yaml(path.read_text(encoding="utf-8"), "rules/titles/vocabulary.yaml")
    countries = {w.lower(): c for c, words in data["countries"].items() for w in words}
    titles = tuple(
        Title(tuple(t["words"]), tuple(t.get("kinds", [])), re.compile(t["office"]) if t.get("office") else None,
              tuple(t.get("countries", [])), t["word"], t.get("needs_country", False))
        for t in data["titles"]
    )
    cw = "|".join(sorted((re.escape(w) for c, ws in data["countries"].items() for w in ws if not w.startswith("of ")), key=len, reverse=True))
    tw = "|".join(sorted({re.escape(w) for t in data["titles"] for w in t["words"]}, key=len, reverse=True))
    name = r"((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)"
    # Country and title words in any case; the name must be capitalised.
    # "Deputy Prime Minister", "shadow chancellor", "Lord Chancellor" are other offices.
    other = "".join(rf"(?<!(?i:{w}) )" for w in ("deputy", "shadow", "acting", "junior", "assistant", "vice", "lord")) + r"(?<!-)"
    before_name = re.compile(rf"\b(?:((?i:{cw}))\s+)?((?i:former)\s+)?{other}((?i:{tw}))\s+{name}")
    reference = re.compile(rf"\b[Tt]he\s+({cw})\s+{other}({tw})\b(?!\s+[A-Z])")
    return Vocabulary(countries, titles, before_name, reference)


_TITLE_HINT = re.compile(r"(?i)minister|premier|president|chancellor|secretary|\bPM\b")


def _kb(ctx):
    from ...knowledge.officeholders import KnowledgeBase

    return ctx.services.get("titles.kb", KnowledgeBase.load)


def _holds(terms, title: Title, country, day):
    """True if a fitting term holds on the day; None if unknown past the data; False otherwise."""
    fitting = [t for t in terms if title.fits(t, country)]
    if day is None:
        return bool(fitting)
    states = [t.holds_on(day) for t in fitting]
    if True in states:
        return True
    # A term with no end past its source's date: the data cannot say.
    if any(s is None for s in states) or any(t.holds_on(day) is None for t in terms):
        return None
    return False


class WrongTitle(Rule):
    meta = RuleMeta(
        id="titles.wrong-office",
        summary="A title the person did not hold on the article's date (or ever, when the article has no date).",
        severity=Severity.ERROR,
        fix_safety="Unsafe: the suggested title is for an editor to confirm.",
        docs="""## What it flags
A title given to a person who did not hold it on the article's date, checked
against the officeholder knowledge base (`edlint kb who NAME --date D`):
a title before a name (`Russian Prime Minister Vladimir Putin` in 2022) and a
reference back (`The Russian premier said …` after naming Putin, who was
President; the premier was Mikhail Mishustin).

## Why
Titles change with time and copy is reused: "Defence Secretary Ben Wallace" is
right in 2022 and wrong in 2024. Readers notice, and it undermines the story.

## Examples
Fails (2022-07-08): `Putin has escalated his rhetoric. The Russian premier said …`

Passes (2022-07-08): `Russian Foreign Minister Sergei Lavrov`

## Fix safety
Unsafe: the suggested title (e.g. "president") for an editor to confirm.

## Limits
Without an article date (front matter `date`, or `--date`), only titles the
person never held are flagged. Past the date the knowledge base covers for a
country, nothing is claimed. Generic descriptions ("the Russian leader", "the
minister") are not checked. A surname shared by several officeholders of the
country is skipped.
""",
    )

    def check(self, doc, ctx):
        voc = vocabulary()
        day = ctx.date
        kb = None
        body_start = doc.body[0].start if doc.body else 0
        for b in doc.blocks:
            if b.kind not in ("paragraph", "headline", "standfirst"):
                continue
            if not _TITLE_HINT.search(doc.prose, b.start, b.end):
                continue  # cheap test first: most paragraphs name no office
            for m in voc.before_name.finditer(doc.prose, b.start, b.end):
                country_word, former, title_words, name = m.group(1), m.group(2), m.group(3), m.group(4)
                if not title_words[:1].isupper():
                    continue  # "the president of the club Jim Smith" is not a title before a name
                kb = kb or _kb(ctx)
                yield from self._judge(doc, kb, voc, day, m.start(3) if not country_word else m.start(1), m.end(3),
                                       country_word, title_words, name, former)
        for m in voc.reference.finditer(doc.prose, body_start):
            kb = kb or _kb(ctx)
            country = voc.countries[m.group(1).lower()]
            person = self._last_named(doc, kb, body_start, m.start(), country)
            if person:
                yield from self._judge(doc, kb, voc, day, m.start(1), m.end(2), m.group(1), m.group(2), person, None, back=True)

    def _last_named(self, doc, kb, start, end, country):
        """The most recent name before ``end`` that is an officeholder of the country."""
        best = None
        for m in re.finditer(r"\b[A-Z][a-z][\w'’-]+", doc.prose[start:end]):
            terms = [t for t in kb.who(m.group()) if t.country == country]
            if terms and len({t.person for t in terms}) == 1:
                best = terms[0].person
        return best

    def _judge(self, doc, kb, voc, day, s, e, country_word, title_words, name, former, back=False):
        country = voc.countries.get(country_word.lower()) if country_word else None
        parts = name.split()
        if parts[0] in ("Lord", "Lady", "Sir", "Dame", "Baroness", "Mr", "Mrs", "Ms", "Dr") or len(parts) == 1:
            if back:
                terms = kb.who(name)
            else:
                return  # a title before a bare surname or a peerage: too ambiguous to judge
        else:
            terms = kb.who_exact(name)
        if country:
            terms = [t for t in terms if t.country == country] or terms
        people = {t.person for t in terms}
        if len(people) != 1:
            return
        if not country and any(t.needs_country for t in voc.titles_for(title_words)):
            return
        person = next(iter(people))
        for title in voc.titles_for(title_words):
            state = _holds(terms, title, country, day)
            if state is None or state is True:
                return
        title = voc.titles_for(title_words)[0]
        held = sorted({t.office for t in terms if day is None or t.holds_on(day)})
        where = country or (terms[0].country if terms else "")
        right = sorted({t.person for t in kb.in_country(where) if title.fits(t, where) and (day is None or t.holds_on(day))})
        when = f"On {day}" if day else "According to the knowledge base (no article date)"
        msg = f"{when}, {person} was {', '.join(held) if held else 'not in an office the data knows'}"
        if right and day:
            msg += f"; the {title_words.lower()}{' of ' + where if where else ''} was {', '.join(right[:3])}"
        msg += (". Check the title" if not back else ". 'The " + doc.prose[s:e] + "' here means " + person + ": check the title") + "."
        fix = None
        word = _suggest(voc, terms, day, country)
        if word and word.lower() != title_words.lower():
            old = doc.prose[s:e]
            new = old[: len(old) - len(title_words)] + (word if title_words[:1].islower() else word.title())
            fix = Fix((Edit(s, e, new),), Applicability.UNSAFE, f"{old} → {new}")
        yield Hit(s, e, msg, fix=fix, data={"person": person, "held": held, "office_holders": right[:3]})


def _suggest(voc, terms, day, country):
    for t in terms:
        if day is not None and not t.holds_on(day):
            continue
        for title in voc.titles:
            if title.fits(t, country) and (t.kind in title.kinds or title.office):
                return title.word
    return None


RULES = [WrongTitle]
