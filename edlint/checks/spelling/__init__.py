"""Spelling consistency: curated variant groups, house style, and variants found on their own.

Curated groups (``rules/spelling/variants``) are matched in the run's single
literal pass. Discovery groups the article's own proper nouns by a
transliteration-normalised key, so ``Sloviansk``/``Slovyansk`` or
``Blair``/``Blayr`` meet even when no list knows them.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

from edlint.core.findings import (
    Applicability,
    Edit,
    Fix,
    Hit,
    Related,
    RuleMeta,
    Severity,
)
from edlint.core.kinds import house_files
from edlint.core.rule import Rule
from edlint.core.services import RunResource
from edlint.document.lazyre import lazy
from edlint.document.normalise import keep_case, translit_key

from .variants import apply_preferences, load_groups

# Words in lower case: a capitalised word also seen like this is an ordinary word ("Press", "press").
_LOWER_WORD = lazy(r"(?<![\w’'])[a-zà-ÿ][a-zà-ÿ]*(?![\w])")
_NEXT_CAPITAL = lazy(r"[ \t]+([A-Z][a-z]+)")
_FIRST_NAME_GAP = lazy(r"([A-Z][a-z]+)\s+$")


def _groups(rule):
    """The rule's groups: built-in packs, the house's files (rule_dirs, extra_files), its preferences (cached per rule)."""
    cached = getattr(rule, "_group_cache", None)
    if cached is None:
        base = Path(getattr(rule, "config_dir", None) or ".")
        files = [base / f for f in rule.options.get("extra_files", [])]
        groups = load_groups(files, house_files(rule, "variants"))
        cached = apply_preferences(groups, list(rule.options.get("prefer", [])))
        rule._group_cache = cached
    return cached


def _line_of(doc, offset):
    return doc.line_col(offset)[0]


def _occurrences(rule, doc, ctx):
    """Curated hits per group: [(start, end, text, form_index)], after the case and context guards."""
    groups = _groups(rule)
    hits = sorted(ctx.hits_for(rule), key=lambda h: (h.start, -(h.end - h.start)))
    kept, last_end = [], -1
    for h in hits:  # the longest form wins where forms overlap ("Sergei Lavrov" over "Lavrov")
        if h.start < last_end:
            continue
        kept.append(h)
        last_end = h.end
    by_group = defaultdict(list)
    for h in kept:
        gi, fi = h.payload
        g = groups[gi]
        if g.proper and not h.text[:1].isupper():
            continue
        if g.locale_pair and not h.text.islower():
            continue
        near = g.not_near.get(g.forms[fi].lower())
        if near:
            bi = doc.block_at(h.start)
            b = doc.blocks[bi] if bi is not None else None
            window = (doc.prose[b.start : b.end] if b else doc.prose[max(0, h.start - 200) : h.end + 200]).lower()
            if any(re.search(rf"\b{re.escape(w)}\b", window) for w in near):
                continue
        if doc.followed_by_sic(h.end):
            continue
        by_group[gi].append((h.start, h.end, h.text, fi))
    return groups, by_group


def _places(doc, occ) -> str:
    """Each spelling once, with its count and lines: ``Kiev ×8 (lines 3, 5, 9, 12, …), Kyiv (line 20)``."""
    lines: dict[str, list[int]] = {}
    for s, _, t, _ in occ:
        lines.setdefault(t, []).append(_line_of(doc, s))
    out = []
    for t, ls in lines.items():
        uniq = list(dict.fromkeys(ls))
        shown = ", ".join(map(str, uniq[:5])) + (", …" if len(uniq) > 5 else "")
        out.append(f"{t} (line {shown})" if len(ls) == 1 else f"{t} ×{len(ls)} (line{'s' if len(uniq) > 1 else ''} {shown})")
    return ", ".join(out)


def _finding(doc, occ, target, why, safe_if_unquoted):
    """One finding for a set of occurrences: anchored at the first one not in the target form."""
    wrong = [o for o in occ if o[2].lower() != target.lower()]
    first = wrong[0]
    places = _places(doc, occ)
    forms = sorted({o[2] for o in occ}, key=lambda f: [o[2] for o in occ].index(f))
    msg = f"One name, {len(set(f.lower() for f in forms))} spellings in this article: {places}. Use '{target}' throughout ({why})."
    edits = tuple(Edit(s, e, keep_case(t, target)) for s, e, t, _ in wrong)
    quoted = any(doc.in_quote(s) for s, _, _, _ in wrong)
    safe = safe_if_unquoted and not quoted
    fix = Fix(edits, Applicability.SAFE if safe else Applicability.UNSAFE, ", ".join(f"{t} → {keep_case(t, target)}" for _, _, t, _ in wrong[:3]))
    related = tuple(Related(s, e, f"{t} (line {_line_of(doc, s)})") for s, e, t, _ in occ if s != first[0])
    return Hit(first[0], first[1], msg, fix=fix, related=related, data={"forms": forms, "preferred": target})


class Inconsistent(Rule):
    meta = RuleMeta(
        id="spelling.inconsistent",
        summary="Two spellings of one name (or one word) in the same article, from the curated variant lists.",
        severity=Severity.WARNING,
        in_quotes=True,
        options={"prefer": [], "extra_files": []},
        fix_safety="Safe: every occurrence becomes the house form, except inside quotations (then unsafe).",
        fixes="safe/unsafe",
        docs="""## What it flags
Two or more spellings of one entity in one article — `Kyiv` here, `Kiev` there;
`Sloviansk` in a quote and `Slovyansk` in the copy; `organise` and `organize` —
using the curated groups in `rules/spelling/variants/` (over 900 groups:
Ukrainian and Russian places, other places, people, organisations, British and
American spellings). One finding lists every place.

## Why
Readers notice when a story cannot agree with itself; spellcheckers accept
both forms because both are words.

## Examples
Fails: "Troops left Kiev on Monday. … Officials in Kyiv said …"

Passes: "Officials in Kyiv said …" throughout; "Kiev [sic]" in a quoted sign.

## Fix safety
Safe: each non-house form becomes the house form, keeping case (`KIEV` →
`KYIV`), possessives and hyphenated compounds. Unsafe when an occurrence to
change is inside quoted speech.

## Options
`prefer`: forms the house prefers over the built-in choice, e.g.
`prefer = ["Kiev", "Burma"]`. `extra_files`: the house's own variant files
(same format), relative to the config file. The `locale` setting (`en-GB`,
`en-US`) picks British or American spellings.

## Limits
Proper-noun groups count only capitalised occurrences (`turkey` the bird is
never `Türkiye`); British/American pairs count only lower-case ones (Pearl
Harbor is a name). `program` near computing words is not `programme`.
""",
    )

    @staticmethod
    def explain_extra(term: str | None = None) -> str:
        """The curated lists in brief, or the group a term belongs to and the house choice."""
        groups = load_groups()
        if term:
            hits = [g for g in groups if term.lower() in (f.lower() for f in g.forms)]
            if not hits:
                return f"No curated group contains '{term}'."
            out = []
            for g in hits:
                if g.locale_pair:
                    choice = f"`{g.forms[0]}` in en-GB, `{g.forms[1]}` in en-US (the `locale` setting)"
                else:
                    choice = f"`{g.forms[0]}`"
                out.append(f"**Group:** {', '.join(g.forms)}  \n**Category:** {g.category}  \n**House choice:** {choice}  \n**Defined in:** `{g.source_file}` (see its sources)")
            return "\n\n".join(out)
        counts = Counter(g.category for g in groups)
        lines = ["**Curated groups:** " + ", ".join(f"{c} ({n})" for c, n in counts.items()) + f"; {len(groups)} in all.",
                 "", "Run `edlint explain spelling.inconsistent TERM` to see one group and the house choice."]
        return "\n".join(lines)

    def literal_terms(self):
        for gi, g in enumerate(_groups(self)):
            for fi, f in enumerate(g.forms):
                yield f, (gi, fi)

    def check(self, doc, ctx):
        locale = ctx.locale
        groups, by_group = _occurrences(self, doc, ctx)
        for gi, occ in by_group.items():
            if len({fi for *_, fi in occ}) < 2:
                continue
            g = groups[gi]
            target = g.preferred(locale)
            why = f"house style for {g.category}" if not g.locale_pair else f"{locale} spelling"
            yield _finding(doc, occ, target, why, safe_if_unquoted=True)


class HouseStyle(Rule):
    meta = RuleMeta(
        id="spelling.house-style",
        summary="A spelling the house does not use (Kiev for Kyiv), even if the article is consistent.",
        severity=Severity.SUGGESTION,
        default_enabled=False,
        options={"prefer": [], "extra_files": []},
        fix_safety="Safe: the house form, keeping case.",
        fixes="safe",
        docs="""## What it flags
Any occurrence of a non-preferred form of a curated group: `Kiev` when the
house writes `Kyiv`, `organize` in an `en-GB` house.

## Why
Consistency inside one article is the minimum; consistency across a site is
house style.

## Examples
Fails: "Officials in Kiev said …"

Passes: "Officials in Kyiv said …"; "the Chicken Kiev recipe" is still flagged — add
the phrase to a suppression or `[sic]` it.

## Fix safety
Safe.

## Options
As `spelling.inconsistent`: `prefer`, `extra_files`.

## Limits
Off by default: archives written before a house changed its style (Kiev was
BBC style until 2019) would be flagged throughout.
""",
    )

    literal_terms = Inconsistent.literal_terms
    explain_extra = Inconsistent.explain_extra

    def check(self, doc, ctx):
        groups, by_group = _occurrences(self, doc, ctx)
        for gi, occ in by_group.items():
            g = groups[gi]
            target = g.preferred(ctx.locale)
            for s, e, t, fi in occ:
                if t.lower() != target.lower():
                    rep = keep_case(t, target)
                    yield Hit(s, e, f"House style is '{rep}', not '{t}' ({g.category}).",
                              fix=Fix((Edit(s, e, rep),), Applicability.SAFE, f"{t} → {rep}"))


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
        options={"min_length": 4},
        fix_safety="Unsafe: the majority form is only a guess at the right one.",
        fixes="unsafe",
        docs="""## What it flags
Proper nouns of one article whose spellings differ only the way transliteration
and typing make them differ — y/i, kh/h, ck/k, ph/f, doubled letters,
diacritics, apostrophes and soft-sign marks, -iy/-yy/-ii endings — e.g.
`Blair`/`Blayr`, `Milburn`/`Mylburn`, `Sloviansk-Kramatorsk`/`Slovyansk`.
Parts of hyphenated compounds and possessives (`Putin's`) count.

## Why
No list can hold every name in the news; the article itself shows which
spelling it meant most of the time.

## Examples
Fails: "Alan Milburn said … Mr Mylburn added …"

Passes: "Austria … Australia" (different words); "Peter Phillips … Ann Philips"
(different first names: different people).

## Fix safety
Unsafe: the fix proposes the majority form (the first one on a tie); an editor
confirms.

## Options
`min_length` (default 4): shorter names are left alone.

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
        known = ctx.services.resource(KNOWN_WORDS)
        # First a cheap pass over the distinct capitalised words of the whole file: keys with
        # two spellings are rare, and only they are looked at closely (positions, blocks, case).
        spellings = defaultdict(set)
        for word in set(_PROPER.findall(doc.prose)):
            if len(word) >= min_len:
                spellings[translit_key(word)].add(word.lower())
        suspects = {k for k, forms in spellings.items() if len(forms) > 1}
        if not suspects:
            return
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
        for matches in by_key.values():
            if len({m.group(1).lower() for m in matches}) < 2:
                continue  # most names have one spelling: look no closer
            occ = []
            for m in matches:
                if doc.followed_by_sic(m.end()):
                    continue
                # The capitalised word after it, if any ("Brian" -> "May"): first names vary between people.
                nxt = _NEXT_CAPITAL.match(doc.prose, m.end())
                occ.append((m.start(1), m.end(1), m.group(1), nxt.group(1) if nxt else ""))
            forms = Counter(o[2] for o in occ)
            if len({f.lower() for f in forms}) < 2:
                continue
            # Forms a curated group knows are that rule's business; a form no list knows
            # (Sevylle beside Seville) is this one's.
            if all(f.lower() in known for f in forms):
                continue
            # First names vary between people (Brian May, Bryan Adams): a form seen only before
            # another capitalised word is not evidence of a misspelling.
            # A form standing alone is a name in its own right; two forms before the same word
            # ("Sunday Telegraph", "Sundai Telegraph") are one name; "Brian May" and
            # "Bryan Adams" are two people.
            alone = {o[2].lower() for o in occ if not o[3]}
            followers = defaultdict(set)
            for o in occ:
                if o[3]:
                    followers[o[3]].add(o[2].lower())
            shared_follower = any(len(v) > 1 for v in followers.values())
            # First names: only the same surname after two spellings says they are one person
            # (Brian May / Bryan May); "Jennifer Lopez" and "singer Jenifer" are two.
            if not shared_follower and len(alone) < len({f.lower() for f in forms}) and _any_given_name(forms):
                continue
            if _different_people(doc, occ):
                continue
            order = [o[2] for o in occ]
            target = max(forms, key=lambda f: (forms[f], -order.index(f)))
            target = _judge_known(doc, occ, forms, target)
            if target is None:
                continue
            yield _finding(doc, occ, target, "the form used most in this article", safe_if_unquoted=False)


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
            firsts = {m.group(1) for s, _, t, *_ in occ if t == f and (m := _FIRST_NAME_GAP.search(doc.prose[max(0, s - 30) : s]))}
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
    return {w.lower() for g in load_groups() for f in g.forms for w in re.split(r"[\s-]+", f)}


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
_NOT_FIRST_NAMES = frozenset(
    ["Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Lord", "Lady", "Dame", "The", "Prof", "Professor", "Rev", "Revd", "Father", "Sen", "Senator", "Rep", "Gen", "General", "Col", "Colonel", "Capt", "Captain", "Maj", "Major", "Sgt", "Sergeant", "Insp", "Inspector", "Det", "Supt", "Ch", "Chief", "Judge", "Justice", "Coach", "Boss", "Manager", "Skipper", "Captain", "President", "Minister", "Chancellor", "Secretary", "Governor", "Mayor", "King", "Queen", "Prince", "Princess", "Duke", "Duchess", "Earl", "Baroness", "Baron", "Cardinal", "Bishop", "Archbishop", "Pope", "Said", "Says", "Told", "Added"]
)


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


RULES = [Inconsistent, HouseStyle, Discovered]
