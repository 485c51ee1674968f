"""``spelling.discovered``: two spellings of a name no list knows, found among the article's own proper nouns."""
from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache

from edlint.core.findings import FixAvailability, FixSafety, Option, RuleMeta, Severity
from edlint.core.rule import Rule
from edlint.core.services import RunResource
from edlint.document.lazyre import lazy
from edlint.document.normalise import translit_key

from .curated import spelling_finding
from .variants import load_groups

# Words in lower case: a capitalised word also seen like this is an ordinary word ("Press", "press").
_LOWER_WORD = lazy(r"(?<![\w’'])[a-zà-ÿ][a-zà-ÿ]*(?![\w])")
_NEXT_CAPITAL = lazy(r"[ \t]+([A-Z][a-z]+)")
_FIRST_NAME_GAP = lazy(r"([A-Z][a-z]+)\s+$")

# A capitalised word (McCain, O'Brien), without a possessive 's or ' after it.
# A capital not after a word character: the capital comes first and the look-behind checks the
# character before it, so the engine can skip ahead to capitals (twice as fast as look-behind first).
_PROPER = lazy(r"([A-Z](?<![\w’'][A-Z])[a-zà-ÿ]+(?:[’'][A-Z][a-zà-ÿ]+|[A-Z][a-zà-ÿ]+)?)(?:[’']s?)?(?![\w])")


class Discovered(Rule):
    meta = RuleMeta(
        id="spelling.discovered",
        summary="Two spellings of a name no list knows, found by comparing the article's own proper nouns.",
        severity=Severity.WARNING,
        in_quotes=True,
        options=(Option("min_length", int, 4, "Shorter names are left alone."),),
        fix_safety="Unsafe: the fix proposes the majority form (the first one on a tie); an editor confirms.",
        fix=FixAvailability.ALWAYS,
        fix_applicability=FixSafety.UNSAFE,
        docs="""## What it flags
Proper nouns of one article whose spellings differ only the way transliteration
and typing make them differ — y/i, kh/h, ck/k, ph/f, doubled letters,
diacritics, apostrophes and soft-sign marks, -iy/-yy/-ii endings — e.g.
`Blair`/`Blayr`, `Milburn`/`Mylburn`, `Sloviansk-Kramatorsk`/`Slovyansk`.
Parts of hyphenated compounds and possessives (`Putin's`) count.

## Why
No list can hold every name in the news; the article itself shows which
spelling it meant most of the time.

## What each word is known to be
Before proposing a respelling, each form is looked up: as a demonym or
nationality adjective or a curated organisation, exchange or club
(`rules/spelling/known-names.yaml`), as an ordinary English word (the
`english-words` package's word list, where names are capitalised), and as an
officeholder's surname. Two forms known as something are two different things
(`Scot` beside `Scott`, `Liffe` beside `Life`, `Abbot` beside `Abbott`): no
finding. One known form is the one proposed (`Councyl` → `Council`), except
that an ordinary word outnumbered by a form nobody knows is left alone, and an
officeholder's surname is proposed over the majority only when the article
gives that officeholder's full name (`Tony Blair`).

## Limits
Names the curated lists know are left to `spelling.inconsistent`. Words that
also appear in lower case in the article are treated as ordinary words. Two
people whose names differ by one doubled letter and who are introduced without
first names can be taken for one.
""",
    )

    def check(self, doc, ctx):
        min_len = int(self.options["min_length"])
        suspects = _suspect_keys(doc, min_len)
        if not suspects:
            return
        known = ctx.services.resource(KNOWN_WORDS)  # built on the first article that needs it
        for matches in _matches_by_key(doc, ctx, suspects, min_len).values():
            if len({m.group(1).lower() for m in matches}) < 2:
                continue  # most names have one spelling: look no closer
            occ = _spellings(doc, matches)
            target = _proposed_form(doc, occ, known)
            if target is None:
                continue
            yield spelling_finding(doc, occ, target, "the form used most in this article", safe_if_unquoted=False)


def _suspect_keys(doc, min_len: int) -> set[str]:
    """Transliteration keys with two spellings among the file's distinct capitalised words.

    A cheap first pass over the whole file: such keys are rare, and only they are
    looked at closely (positions, blocks, case).
    """
    words = [w for w in set(_PROPER.findall(doc.prose)) if len(w) >= min_len]
    keys = list(map(translit_key, words))
    spellings = set(zip(keys, map(str.lower, words), strict=True))
    if len(spellings) == len(set(keys)):
        return set()  # every key has one spelling (counted at C speed): the usual case
    first: dict[str, str] = {}  # key -> the first spelling seen with it
    return {key for key, low in spellings if first.setdefault(key, low) != low}


def _matches_by_key(doc, ctx, suspects: set[str], min_len: int) -> dict:
    """Each suspect key's capitalised words outside the headline and furniture, unless also seen in lower case."""
    lower_words = set(_LOWER_WORD.findall(doc.prose))
    by_key = defaultdict(list)
    for b in doc.blocks:
        if b.kind == "headline" or ctx.in_furniture(b.start, b.end):
            continue
        for m in _PROPER.finditer(doc.prose, b.start, b.end):
            word = m.group(1)
            if len(word) < min_len or word.lower() in lower_words:
                continue
            key = translit_key(word)
            if key in suspects:
                by_key[key].append(m)
    return by_key


def _spellings(doc, matches) -> list[tuple]:
    """(start, end, form, the capitalised word after it) per match not marked [sic].

    The word after ("Brian" -> "May") matters because first names vary between people.
    """
    occ = []
    for m in matches:
        if doc.followed_by_sic(m.end()):
            continue
        nxt = _NEXT_CAPITAL.match(doc.prose, m.end())
        occ.append((m.start(1), m.end(1), m.group(1), nxt.group(1) if nxt else ""))
    return occ


def _proposed_form(doc, occ, known: set[str]) -> str | None:
    """The spelling to propose for one name's forms, or None when they are not one name misspelt."""
    forms = Counter(o[2] for o in occ)
    if len({f.lower() for f in forms}) < 2:
        return None
    # Forms a curated group knows are that rule's business; a form no list knows
    # (Sevylle beside Seville) is this one's.
    if all(f.lower() in known for f in forms):
        return None
    if _first_names_of_different_people(occ, forms) or _different_people(doc, occ):
        return None
    order = [o[2] for o in occ]
    target = max(forms, key=lambda f: (forms[f], -order.index(f)))
    return _judge_known(doc, occ, forms, target)


def _first_names_of_different_people(occ, forms: Counter) -> bool:
    """Forms seen only before other capitalised words, with no surname in common, that are given names.

    First names vary between people (Brian May, Bryan Adams): a form seen only before
    another capitalised word is not evidence of a misspelling. A form standing alone is
    a name in its own right; two forms before the same word ("Sunday Telegraph",
    "Sundai Telegraph") are one name. Only the same surname after two spellings says
    they are one person (Brian May / Bryan May); "Jennifer Lopez" and "singer Jenifer" are two.
    """
    alone = {o[2].lower() for o in occ if not o[3]}
    followers = defaultdict(set)
    for o in occ:
        if o[3]:
            followers[o[3]].add(o[2].lower())
    shared_follower = any(len(v) > 1 for v in followers.values())
    return not shared_follower and len(alone) < len({f.lower() for f in forms}) and _any_given_name(forms)


def _judge_known(doc, occ, forms: Counter, target: str) -> str | None:
    """The form to propose once each form has been looked up, or None when there is nothing to say.

    Forms are looked up as demonyms, curated organisations, exchanges and clubs,
    ordinary English words, and officeholders' surnames. A form the article
    gives with an officeholder's own first name (Tony Blair) is that person's
    name and is proposed. Otherwise two forms known as something are two
    different things, not one name misspelt (Scot beside Scott, Liffe beside
    Life, Abbot beside Abbott), and one known form is the spelling to propose
    (Council over Councyl), except that an ordinary word outnumbered by a form
    nobody knows is left alone (that form is more likely a name than the word
    misspelt), and an officeholder's surname alone is no reason to override the
    majority: it may be someone else's name (Hoffmann the minister, Hoffman the actor).
    """
    from .identity import officeholder_surname, same_officeholder, what_it_is

    known: dict[str, str] = {}
    confirmed = []
    for f in forms:
        kind = what_it_is(f)
        if officeholder_surname(f):
            firsts = {
                m.group(1) for s, _, t, *_ in occ
                if t == f and (m := _FIRST_NAME_GAP.search(doc.prose[max(0, s - 30) : s]))
            }
            if any(same_officeholder(g, f) for g in firsts):
                confirmed.append(f)
            kind = kind or "officeholder"
        if kind:
            known[f] = kind
    if len(confirmed) == 1:
        return confirmed[0]
    if not known:
        return target
    if len(known) >= 2:
        return None
    ((form, kind),) = known.items()
    if kind == "officeholder":
        return target
    if kind == "word" and forms[form] < max(n for f, n in forms.items() if f != form):
        return None
    return form


def _known_words() -> set[str]:
    """Every word of every curated form: those names are the curated rule's business."""
    return {w for g in load_groups() for f in g.forms for w in f.lower().replace("-", " ").split()}


KNOWN_WORDS: RunResource[set[str]] = RunResource("words of the curated spelling groups", _known_words)


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """Given names from the officeholder data (Brian, Bryan, Stephen, Steven …)."""
    from importlib.resources import files  # importlib.resources loads tempfile, shutil, zlib: only when needed

    text = files("edlint.knowledge").joinpath("given_names.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def _any_given_name(forms) -> bool:
    """One spelling is a known given name: the forms are first names (Brian May, Bryan Adams).

    Given names have many spellings that are names in their own right
    (Patrick, Patrik), so one known form is enough. Minister/Mynister or
    American/Amerycan before different words are not first names, and the
    "different followers" excuse does not apply to them.
    """
    names = _given_names()
    return any(f in names for f in forms)


# Words before a surname that are titles, not first names: "Prof Lovenduski" is "Joni Lovenduski".
_NOT_FIRST_NAMES = frozenset([
    "Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Lord", "Lady", "Dame", "The", "Prof", "Professor", "Rev",
    "Revd", "Father", "Sen", "Senator", "Rep", "Gen", "General", "Col", "Colonel", "Capt", "Captain",
    "Maj", "Major", "Sgt", "Sergeant", "Insp", "Inspector", "Det", "Supt", "Ch", "Chief", "Judge",
    "Justice", "Coach", "Boss", "Manager", "Skipper", "Captain", "President", "Minister", "Chancellor",
    "Secretary", "Governor", "Mayor", "King", "Queen", "Prince", "Princess", "Duke", "Duchess", "Earl",
    "Baroness", "Baron", "Cardinal", "Bishop", "Archbishop", "Pope", "Said", "Says", "Told", "Added",
])


def _different_people(doc, occ) -> bool:
    """Different first names before different spellings: two people (Peter Phillips, Ann Philips)."""
    firsts = defaultdict(set)
    names = _given_names()
    for s, _, t, *_ in occ:
        m = _FIRST_NAME_GAP.search(doc.prose[max(0, s - 30) : s])
        if m and m.group(1) not in _NOT_FIRST_NAMES and m.group(1) in names:
            firsts[t].add(m.group(1))
    named = [f for f in firsts.values() if f]
    return len(named) >= 2 and not set.intersection(*named)
