"""Find titled mentions of officeholders in a document and judge each against the knowledge base.

Both titles rules read the same verdicts (computed once per document), so a
title is judged once and reported by the rule whose business it is: a title
the person did not hold (``titles.wrong-office``) or a ``former`` that is
wrong or missing (``titles.former``).
"""
from __future__ import annotations

import datetime as _dt
import re
from bisect import bisect_left
from functools import lru_cache

from .vocabulary import Title, Vocabulary
from edlint.records import FrozenRecord, Record

# Every built-in title word contains one of these: plain substring tests on lowered text
# decide that a document (or paragraph) has no title before any regex runs.
HINT_WORDS = ("minister", "premier", "president", "chancellor", "secretary")


def has_title_word(text: str, extra: tuple[str, ...] = ()) -> bool:
    """A cheap necessary condition for a mention: a title word somewhere (``extra``: the house's words)."""
    if "PM" in text:
        return True
    low = text.lower()
    return any(w in low for w in HINT_WORDS) or any(w in low for w in extra)


_HONORIFICS = ("Lord", "Lady", "Sir", "Dame", "Baroness", "Mr", "Mrs", "Ms", "Dr")


class Mention(FrozenRecord):
    """A title given to a named person: where the title is, what it says, whom it is given to."""

    _fields = ("pattern", "start", "end", "country_word", "title_words", "name", "former")

    def __init__(
        self,
        pattern: str,
        start: int,
        end: int,
        country_word: str | None,
        title_words: str,
        name: str,
        former: tuple[int, int] | None,
    ) -> None:
        # "before" (Foreign Minister Sergei Lavrov), "apposition" (Lavrov, the foreign minister,), "back"
        self.pattern = pattern
        self.start = start  # the span a finding marks and a fix rewrites: the title words (with their country word)
        self.end = end
        self.country_word = country_word
        self.title_words = title_words
        self.name = name
        self.former = former  # span of "former " when the copy says it


class Unchecked(FrozenRecord):
    """A title that could not be judged: the article is dated past the data for the country."""

    _fields = ("person", "country", "data_ends", "reason")

    def __init__(self, person: str, country: str, data_ends: str, reason: str = "") -> None:
        self.person = person
        self.country = country
        self.data_ends = data_ends
        self.reason = reason  # what the report says: where the data ends, or that the country has no ministers


class Verdict(Record):
    _fields = ("mention", "rule", "person", "message", "fix", "data")

    def __init__(
        self,
        mention: Mention,
        rule: str,
        person: str,
        message: str,
        fix: tuple[int, int, str] | None,
        data: dict | None = None,
    ) -> None:
        self.mention = mention
        self.rule = rule  # "titles.wrong-office" or "titles.former"
        self.person = person
        self.message = message
        self.fix = fix  # (start, end, replacement); always unsafe
        self.data = {} if data is None else data


def mentions(doc, voc: Vocabulary, kb) -> list[Mention]:
    """Every titled mention in headline, standfirst and body paragraphs.

    The three patterns are tried only where they can match: a match always holds
    a title word, so the places of title words (plain substring search on the
    lowered text) bound where a match can start, and the regexes run there
    alone — the same matches as scanning every paragraph, at a cost that grows
    with the number of title words, not the length of the copy.
    """
    out: list[Mention] = []
    text = doc.prose
    body_start = doc.body[0].start if doc.body else 0
    at = _Starts(text, voc.title_keys, voc.country_span)
    for b in doc.blocks:
        if b.kind not in ("paragraph", "headline", "standfirst"):
            continue
        if not at.any_between(b.start, b.end):
            continue  # most paragraphs name no office
        for m in _overlapping(voc.before_name, text, b.start, b.end, 4, at.before):
            country_word, title_words, name = m.group(2), m.group(4), m.group(5)
            if not title_words[:1].isupper():
                continue  # "the president of the club Jim Smith" is not a title before a name
            former = 1 if m.group(1) else (3 if m.group(3) else None)
            s = min(m.start(g) for g in (1, 2, 3, 4) if m.group(g))
            out.append(Mention("before", s, m.end(4), country_word, title_words, name,
                               (m.start(former), m.end(former)) if former else None))
        for m in _matches(voc.apposition, text, b.start, b.end, at.apposition, lambda m: m.end()):
            name, former, country_word, title_words, of_country = m.group(1, 2, 3, 4, 5)
            s = m.start(2) if former else (m.start(3) if country_word else m.start(4))
            out.append(Mention("apposition", s, m.end(4), country_word or of_country, title_words, name,
                               (m.start(2), m.end(2)) if former else None))
    trail = None
    for m in _matches(voc.reference, text, body_start, len(text), at.reference, lambda m: m.end()):
        country = voc.country_of(m.group(1))
        trail = trail or _NameTrail(text, kb, body_start)
        person = trail.last_named(m.start(), country)
        if person:
            out.append(Mention("back", m.start(1), m.end(2), m.group(1), m.group(2), person, None))
    return out


class _Starts:
    """Where each pattern's match can start, from the places of title words.

    A match's title word is preceded only by a few words separated by
    whitespace: "former", a country word of at most two words, "former"
    (before a name), or a name of at most three words, "the" and those
    (apposition). Positions are kept sorted, so a scan asks for the next one.
    """

    def __init__(self, text: str, keys: tuple[str, ...], country_span: int = 2):
        self.text, self.span = text, country_span
        low = text.lower()
        self.exact = len(low) == len(text) and "\u0131" not in text and "\u017f" not in text
        found: set[int] = set()
        if self.exact:
            for word, members in _anchors(keys):
                i = low.find(word)
                while i != -1:
                    for key, at in members:
                        s = i - at
                        if s >= 0 and low.startswith(key, s) and _whole_word(text, s, s + len(key)):
                            found.add(s)
                    i = low.find(word, i + 1)
        self.titles = sorted(found)
        self._cache: dict[str, list[int]] = {}
        self._walked: list[list[int]] | None = None

    def any_between(self, start: int, end: int) -> bool:
        if not self.exact:
            return True
        i = bisect_left(self.titles, start)
        return i < len(self.titles) and self.titles[i] < end

    def _windows(self) -> list[list[int]]:
        """For each title word, where the 1st, 2nd … (span + 6)-th word before it starts (0 past the first).

        One pattern match per title word, on the text reversed: going back
        over whitespace and then a word is going forward over them there.
        """
        got = self._walked
        if got is None:
            words = self.span + 6
            n, rev, back = len(self.text), self.text[::-1], _words_back(words)
            got = self._walked = []
            for q in self.titles:
                m = back.match(rev, n - q)
                ends = [m.end(k) for k in range(1, words + 1)] if m else []
                got.append([n - e if e >= 0 else 0 for e in ends] or [0] * words)
        return got

    def _starts(self, name: str, words: int, where) -> list[int] | None:
        """Offsets at most ``words`` words before a title word where ``where`` (a pattern) matches."""
        if not self.exact:
            return None
        got = self._cache.get(name)
        if got is None:
            text, cands = self.text, set()
            for q, back in zip(self.titles, self._windows(), strict=True):
                cands.update(m.start() for m in where.finditer(text, back[words - 1], q + 1) if m.start() <= q)
            got = self._cache[name] = sorted(cands)
        return got

    @property
    def before(self):
        return self._starts("before", self.span + 2, _start_res()[0])  # not after a word character

    @property
    def apposition(self):
        return self._starts("apposition", self.span + 6, _start_res()[1])  # a capital

    @property
    def reference(self):
        return self._starts("reference", self.span + 2, _start_res()[2])  # "the"


@lru_cache(maxsize=4)
def _words_back(words: int) -> re.Pattern:
    """``words`` whitespace-separated words, each in a group, all but the first optional: read on reversed text."""
    pattern = ""
    for _ in range(words - 1):
        pattern = rf"(?:\s*(\S+){pattern})?"
    return re.compile(rf"\s*(\S+){pattern}")


@lru_cache(maxsize=1)
def _start_res() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """Where each pattern's match can start: after no word character, at a capital, at a T or t."""
    return re.compile(r"(?<!\w)"), re.compile("[A-Z]"), re.compile("[Tt]")


@lru_cache(maxsize=8)
def _anchors(keys: tuple[str, ...]) -> tuple[tuple[str, tuple[tuple[str, int], ...]], ...]:
    """The title words grouped under their longest word, with where it sits in each.

    Every place of a title word holds its longest word at a known offset, so
    one search per distinct longest word ("minister" for "prime minister",
    "foreign minister" …) finds the places of all: six searches of the text
    instead of thirteen for the built-in words.
    """
    groups: dict[str, list[tuple[str, int]]] = {}
    for key in keys:
        word = max(key.split(" "), key=len)
        groups.setdefault(word, []).append((key, key.index(word)))
    return tuple((word, tuple(members)) for word, members in groups.items())


def _whole_word(text: str, start: int, end: int) -> bool:
    """Could the title word at ``text[start:end]`` be one in a match (not "pm" in "development")?

    Every pattern puts whitespace, a comma or a word boundary on both sides of
    its title word: a word character next to a title word that starts or ends
    with one rules the place out.
    """
    if start > 0 and _is_word(text[start]) and _is_word(text[start - 1]):
        return False
    return not (end < len(text) and _is_word(text[end - 1]) and _is_word(text[end]))


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _matches(pattern, text, start, end, starts, next_pos):
    """The matches a scan from ``start`` finds, trying ``pattern`` only at ``starts``.

    Each match is the leftmost from the scan position (as ``search`` finds
    it); the next scan starts at ``next_pos(match)``. With ``starts`` None
    (text whose lower case changes length) it falls back to ``search``.
    """
    pos = start
    if starts is None:
        while True:
            m = pattern.search(text, pos, end)
            if not m:
                return
            yield m
            pos = next_pos(m)
    i = bisect_left(starts, pos)
    while i < len(starts) and starts[i] < end:
        m = pattern.match(text, starts[i], end)
        if m:
            yield m
            pos = next_pos(m)
            i = bisect_left(starts, pos)
        else:
            i += 1


def _overlapping(pattern, text, start, end, title_group, starts=None):
    """Matches that may overlap: after one, search again just past its title words.

    "UK chancellor British Home Secretary Gordon Brown" first matches with the
    name "British Home Secretary"; the real mention starts inside that match.
    """
    return _matches(pattern, text, start, end, starts, lambda m: m.end(title_group))


@lru_cache(maxsize=1)
def _name_run():
    return re.compile(r"\b[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*){0,2}")


class _NameTrail:
    """The most recent name, before a reference back, that is one officeholder of a country.

    References come in reading order, so names are read once: each is judged
    once per country asked about and the latest answer kept, which keeps a
    long text with many references linear (a rescan per reference was not).
    """

    def __init__(self, text: str, kb, start: int):
        self.text, self.kb = text, kb
        self.names: list[tuple[str, ...]] = []
        self._runs = _name_run().finditer(text, start)
        self._pending = None
        self._best: dict[str | None, tuple[int, str | None]] = {}
        self._memo: dict[tuple, str | None] = {}

    def last_named(self, end: int, country: str | None) -> str | None:
        while True:
            r = self._pending or next(self._runs, None)
            self._pending = None
            if r is None:
                break
            if r.end() > end:
                self._pending = r  # it may run into the reference: read it again cut at ``end``
                break
            self.names.append(tuple(_strip_possessive(r.group()).split()))
        done, best = self._best.get(country, (0, None))
        for words in self.names[done:]:
            best = self._one(words, country) or best
        self._best[country] = (len(self.names), best)
        if self._pending is not None and self._pending.start() < end:
            for m in _name_run().finditer(self.text, self._pending.start(), end):
                best = self._one(tuple(_strip_possessive(m.group()).split()), country) or best
        return best

    def _one(self, words: tuple[str, ...], country) -> str | None:
        """The one officeholder of the country the name means, if any.

        A full name ("Estelle Morris") is tried before its surname, which many
        people share.
        """
        key = (words, country)
        if key in self._memo:
            return self._memo[key]
        found = None
        for i in range(len(words)):
            name = " ".join(words[i:])
            lookup = self.kb.who_exact if len(words) - i > 1 else self.kb.who
            terms = [t for t in lookup(name) if t.country == country]
            if terms and len({t.person for t in terms}) == 1:
                found = terms[0].person
                break
            if len(words) - i > 1 and terms:
                break  # a full name that means several people: not a lead to a surname
        self._memo[key] = found
        return found


def _strip_possessive(name: str) -> str:
    return re.sub(r"[’']s?$", "", name)


_QUALIFIERS = {"jr": "younger", "junior": "younger", "sr": "elder", "senior": "elder"}


@lru_cache(maxsize=1)
def _age_word() -> re.Pattern:
    return re.compile(r",?\s+(?:the\s+)?(elder|younger|senior|junior)\b")



def _qualifier(doc, mention: Mention, parts: list[str]) -> tuple[list[str], str | None]:
    """The name without "Jr"/"Sr", and which namesake the copy means: "younger", "elder" or None.

    "George Bush Jr", "John Adams Sr", "Pierre Trudeau, the elder," and
    "Bush the younger" say which of two namesakes; the knowledge base's labels
    do not carry the suffix, so it picks by who came first.
    """
    last = parts[-1].rstrip(".").lower() if parts else ""
    if len(parts) > 1 and last in _QUALIFIERS:
        return parts[:-1], _QUALIFIERS[last]
    if mention.pattern == "before":
        # "… Pierre Trudeau, the elder": the name again after the spaces, then the word (a pattern
        # made for each name would be compiled for each mention).
        after = doc.prose[mention.end : mention.end + len(mention.name) + 20]
        gap = len(after) - len(after.lstrip())
        m = _age_word().match(after, gap + len(mention.name)) if gap and after.startswith(mention.name, gap) else None
        if m:
            word = m.group(1)
            return parts, _QUALIFIERS.get(word, word)
    return parts, None


def _terms_for(kb, doc, mention: Mention, country: str | None, day: _dt.date | None = None):
    """The terms of the one person the mention can mean, or None when it is ambiguous.

    Namesakes (Pierre and Justin Trudeau, the Adamses, the Bushes) resolve only
    when the copy's name or the date fits one of them: the exact full name
    ("John Quincy Adams", "George W. Bush") over a first-and-last-word match,
    a "Jr"/"the elder", or being the only one in office on the article's date.
    """
    name = _strip_possessive(mention.name)
    parts, which = _qualifier(doc, mention, name.split())
    found = _named_terms(kb, mention, parts, country)
    if found is None:
        return None
    terms, name = found
    if country:
        terms = [t for t in terms if t.country == country] or terms
    return _one_person(terms, parts, name, which, day)


def _named_terms(kb, mention: Mention, parts: list[str], country: str | None):
    """Every term of anyone the copy's name can be, and the name as matched; None when too ambiguous to look.

    A reference back is matched exactly; a bare surname (or honorific and surname)
    by surname in the country; a longer name from its first word that names
    someone ("Minister John Prescott", "Labour's Yvette Cooper": the name may start later).
    """
    name = " ".join(parts)
    if mention.pattern == "back":
        return kb.who_exact(name), name
    if parts[0] in _HONORIFICS or len(parts) == 1:
        if mention.pattern == "before":
            return None  # a title before a bare surname or a peerage: too ambiguous to judge
        return [t for t in kb.who(parts[-1]) if not country or t.country == country], name
    terms = []
    for i in range(len(parts) - 1):
        name = " ".join(parts[i:])
        terms = kb.who_exact(name)
        if terms:
            break
    return terms, name


def _one_person(terms, parts: list[str], name: str, which: str | None, day: _dt.date | None):
    """The terms of the one person among namesakes that the full name, "the elder"/"Jr" or the date picks."""
    from ...knowledge.officeholders import name_key

    people: dict[str, list] = {}
    for t in terms:
        people.setdefault(t.person, []).append(t)  # by name: the house's copy of a person is that person
    if len(people) <= 1:
        return terms or None
    if len(parts) > 1:
        exact = [p for p, ts in people.items() if name_key(ts[0].person) == name_key(name)]
        if len(exact) == 1:
            return people[exact[0]]
    if which:
        first = {p: min((t.start for t in ts if t.start), default="9999") for p, ts in people.items()}
        ordered = sorted(people, key=first.get)
        return people[ordered[0] if which == "elder" else ordered[-1]]
    if day is not None:
        serving = [p for p, ts in people.items() if any(t.holds_on(day) for t in ts)]
        if len(serving) == 1:
            return people[serving[0]]
    return None


def _titles_meant(doc, voc: Vocabulary, mention: Mention):
    """The country and offices a mention's title words can mean, and whether each could mean another; None
    when they name no office the knowledge base holds (or one that needs a country the copy does not give)."""
    country = voc.country_of(mention.country_word)
    titles = voc.titles_for(mention.title_words)
    if not titles:
        return None
    if not country and any(t.needs_country for t in titles):
        return None
    ambiguous = all(t.ambiguous for t in titles)
    if ambiguous and mention.pattern == "before" and _institution_before(doc, mention):
        return None  # "Oxford University Chancellor Chris Patten": not a government title
    return country, titles, ambiguous


def judge(doc, voc: Vocabulary, kb, mention: Mention, day: _dt.date | None) -> Verdict | Unchecked | None:
    meant = _titles_meant(doc, voc, mention)
    if meant is None:
        return None
    country, titles, ambiguous = meant
    terms = _terms_for(kb, doc, mention, country, day)
    if not terms:
        return _not_covered(kb, mention, titles, country)
    if ambiguous and not any(title.fits(t, country) for t in terms for title in titles):
        return None  # never held an office the word can mean here: it likely means another one
    person = terms[0].person
    if day is not None:
        terms = _house_first(terms, day)
    fitting = [t for t in terms if any(title.fits(t, country) for title in titles)]
    if day is None:
        # No date: only a title never held can be called wrong.
        return None if fitting else _wrong(doc, voc, kb, mention, terms, titles[0], country, day)
    states = [t.holds_on(day) for t in fitting]
    beyond = _beyond_the_data(person, terms, fitting, states, day)
    if beyond is not None:
        return beyond
    holds = True in states
    held_before = [t for t in fitting if t.ended_before(day)]
    if mention.former:
        if holds:
            return _still_in_office(doc, mention, person, fitting, day)
        return None if held_before else _wrong(doc, voc, kb, mention, terms, titles[0], country, day)
    if holds:
        return None
    now = [t for t in terms if t.holds_on(day)]
    if held_before and not _suggest(voc, now, country) and mention.pattern != "back":
        return _missing_former(doc, kb, mention, person, held_before, day)
    return _wrong(doc, voc, kb, mention, terms, titles[0], country, day)


def _beyond_the_data(person: str, terms, fitting, states, day: _dt.date) -> Unchecked | None:
    """Past what the data covers: claim nothing, but say where the data ends."""
    if not (None in states or (not fitting and any(t.holds_on(day) is None for t in terms))):
        return None
    past = [t for t in terms if t.holds_on(day) is None]
    last = max(past, key=lambda t: t.valid_to)
    kinds = sorted({_KIND_WORDS.get(t.kind, t.kind) for t in past})
    return Unchecked(person, last.country, last.valid_to,
                     f"{last.country} data ends {last.valid_to} ({', '.join(kinds)})")


_INSTITUTIONS = ("university", "college", "school", "academy", "institute", "club", "company", "bank",
                 "board", "diocese", "church", "society", "foundation", "league", "federation", "association",
                 "trust", "hospital", "museum")


def _institution_before(doc, mention: Mention) -> bool:
    """An institution's name just before the title ("University Chancellor", "club president")."""
    before = doc.prose[max(0, mention.start - 40) : mention.start].lower().split()[-3:]
    return any(w.strip("'’s,") in _INSTITUTIONS or w.endswith(("university", "college")) for w in before)


_KIND_WORDS = {"head_of_state": "head of state", "head_of_government": "head of government", "minister": "ministers"}
_HEADS = ("head_of_state", "head_of_government")


def _not_covered(kb, mention: Mention, titles, country) -> Unchecked | None:
    """A minister's title in a country the knowledge base has only heads of state and government for.

    Nobody by that name is known, and nobody could be: say so in the report
    rather than pass the title as checked.
    """
    if not country or any(set(t.kinds) & set(_HEADS) for t in titles):
        return None
    kinds = {t.kind for t in kb.in_country(country)}
    if not kinds or "minister" in kinds:
        return None
    return Unchecked(_strip_possessive(mention.name), country, "",
                     f"{country}: heads of state and government only, no ministers in the data")


def _house_first(terms, day):
    """Where the shipped data stops on the day, the house's own facts (``kb import``, house files) answer.

    A shipped term the day is past (its source's valid-to date) is dropped when
    the house's file knows the same person in the same country on that day.
    """
    house = {t.country for t in terms if t.person_id.startswith("house:") and t.holds_on(day) is not None}
    if not house:
        return terms
    return [
        t for t in terms
        if not (t.country in house and not t.person_id.startswith("house:") and t.holds_on(day) is None)
    ]


def _wrong(doc, voc, kb, mention, terms, title: Title, country, day) -> Verdict:
    person = terms[0].person
    held = sorted({t.office for t in terms if day is None or t.holds_on(day)})
    where = country or terms[0].country
    right = sorted({
        t.person for t in kb.in_country(where) if title.fits(t, where) and (day is None or t.holds_on(day))
    })
    when = f"On {day}" if day else "According to the knowledge base (no article date)"
    msg = f"{when}, {person} was {', '.join(held) if held else 'not in an office the data knows'}"
    if right and day:
        of_where = " of " + _country_name(where) if where else ""
        msg += f"; the {mention.title_words.lower()}{of_where} was {', '.join(right[:3])}"
    if mention.pattern == "back":
        msg += f". 'The {doc.prose[mention.start:mention.end]}' here means {person}: check the title."
    else:
        msg += ". Check the title."
    fix = None
    word = _suggest(voc, [t for t in terms if day is None or t.holds_on(day)], country)
    if word and word.lower() != mention.title_words.lower():
        old = doc.prose[mention.start : mention.end]
        new = old[: len(old) - len(mention.title_words)] + (word if mention.title_words[:1].islower() else word.title())
        fix = (mention.start, mention.end, new)
    return Verdict(mention, "titles.wrong-office", person, msg, fix,
                   {"person": person, "held": held, "office_holders": right[:3]})


def _still_in_office(doc, mention, person, fitting, day) -> Verdict:
    term = next(t for t in fitting if t.holds_on(day))
    msg = (f"On {day}, {person} was still {term.office} (from {term.start}): "
           f"'former' is wrong; drop it.")
    s, e = mention.former
    return Verdict(mention, "titles.former", person, msg, (s, e, ""), {"person": person, "office": term.office})


def _successor(kb, term) -> str | None:
    """Who took the office next, when the data says (the earliest start on or after the term's end)."""
    after = [t for t in kb.in_country(term.country)
             if t.office == term.office and t.person_id != term.person_id and t.start and len(t.start) == 10
             and t.start >= term.end]
    return min(after, key=lambda t: t.start).person if after else None


def _missing_former(doc, kb, mention, person, held_before, day) -> Verdict:
    last = max(held_before, key=lambda t: t.end)
    after = _successor(kb, last)
    then = f"; {after} succeeded {person.split()[-1]}" if after else ""
    msg = (f"On {day}, {person} was no longer {last.office} (left {last.end}{then}): "
           f"write 'former {mention.title_words.lower()}'.")
    # "former Russian Prime Minister X"; "X, Russia's former prime minister,".
    at = mention.end - len(mention.title_words) if mention.pattern == "apposition" else mention.start
    before = doc.prose[:at].rstrip(" \t\"“‘'")
    word = "Former " if not before or before[-1] in ".!?\n" else "former "
    return Verdict(mention, "titles.former", person, msg, (at, at, word),
                   {"person": person, "office": last.office, "left": last.end, "successor": after})


def _country_name(country: str) -> str:
    """"the United Kingdom", "the Netherlands", but "Russia"."""
    plural = country.startswith(("United ", "Republic ", "Democratic ", "Czech Republic")) or country.endswith("s")
    return f"the {country}" if plural and not country.startswith("the ") else country


def _suggest(voc, terms, country):
    for t in terms:
        for title in voc.titles:
            if title.fits(t, country):
                return title.word
    return None


def verdicts(doc, ctx, voc, kb_loader) -> list[Verdict]:
    """All verdicts of one document (both titles rules share them through ``ctx.services.work``).

    Callers skip documents with no title word (``has_title_word``): those need neither
    the vocabulary nor the knowledge base.
    """
    out: list[Verdict] = []
    unchecked: dict[str, Unchecked] = {}
    checked = 0
    kb = kb_loader()
    seen = set()
    for m in mentions(doc, voc, kb):
        if (m.start, m.end) in seen:
            continue
        seen.add((m.start, m.end))
        v = judge(doc, voc, kb, m, doc.date)
        checked += 1
        if isinstance(v, Unchecked):
            unchecked[v.person] = v
        elif v:
            out.append(v)
    if checked:
        # What the reports say beside the findings: how the titles were checked.
        ctx.figures["titles"] = {
            "date": doc.date.isoformat() if doc.date else None,  # the JSON figures say which day was checked
            "unchecked": [{"person": u.person, "country": u.country, "data_ends": u.data_ends, "reason": u.reason}
                          for u in unchecked.values()],
        }
    return out
