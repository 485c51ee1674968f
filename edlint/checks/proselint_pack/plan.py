"""Which proselint checks can fire on an article, decided in one pass over it.

Most of proselint's ~120 checks look for words or phrases that a given
article does not contain, yet running each check costs a regular-expression
search (and Python overhead) per article. Every check whose patterns all
require some literal text (``"all hell broke loose"``, ``enplan(?:e|ed)`` →
``enplan``, ``\\d{1,2} ?[ap]m`` has none) is given those literals; one
Aho-Corasick pass over the lower-cased article then says which checks have
any of their literals present. Only those run, through proselint's own code,
so what they report is exactly what proselint reports; the rest are skipped
because they could not have matched. Checks with a pattern that needs no
literal (and proselint's hand-written checks) always run.

The literals are a necessary condition, never a guess: they are read from the
parsed pattern (sequences of literal characters, one per alternative of an
alternation), compared in lower case against a lower-cased text in which the
few non-ASCII letters that regular-expression engines fold to ASCII letters
(long s, dotless i, Kelvin sign, capital I with dot) are folded too.
"""
from __future__ import annotations

from functools import lru_cache
from collections.abc import Iterable

from edlint.core.matcher import find_all
from edlint.core.pattern_needs import most_selective, needs, sre_modules

# Letters the engines match to ASCII letters under IGNORECASE, and the one letter whose
# lower case is two characters (so a lower-cased text would hide the match).
_FOLD = str.maketrans({"\u017f": "s", "\u0131": "i", "\u212a": "k", "\u0130": "i"})


def fold(text: str) -> str:
    if text.isascii():
        return text.lower()
    return text.translate(_FOLD).lower()


def pattern_literals(pattern: str) -> frozenset[str] | None:
    """Lower-cased literals one of which every match of ``pattern`` holds (None: no such set known)."""
    import re

    c, parser = sre_modules()
    try:
        tree = parser.parse(pattern, re.IGNORECASE)
    except Exception:  # noqa: BLE001 - a pattern only RE2 understands: no shortcut, always run
        return None
    best = most_selective(needs(tree.data, c))
    if best is None:
        return None
    found = frozenset(s.lower() for s in best)
    if any(not s.strip() for s in found):
        return None
    return found


def _all(patterns: Iterable[str]) -> frozenset[str] | None:
    out: set[str] = set()
    for p in patterns:
        lits = pattern_literals(p)
        if not lits:
            return None
        out |= lits
    return frozenset(out) if out else None


def check_literals(chk) -> frozenset[str] | None:
    """Literals one of which any result of proselint check ``chk`` contains; None: always run."""
    ct = chk.check_type
    kind = type(ct).__name__
    if kind == "Existence":
        return _all(ct.items)
    if kind in ("PreferredForms", "PreferredFormsSimple"):
        return _all(ct.items.keys())
    if kind == "ExistenceSimple":
        return _all([ct.pattern])
    if kind == "Consistency":
        return _all([t for pair in ct.term_pairs for t in pair])
    return None  # reverse existence, hand-written checks


class Plan:
    """For a set of proselint checks: one automaton over their literals."""

    def __init__(self, checks) -> None:
        self.always: set[int] = set()
        by_literal: dict[str, set[int]] = {}
        for chk in checks:
            lits = check_literals(chk)
            if not lits:
                self.always.add(id(chk))
                continue
            for lit in lits:
                by_literal.setdefault(lit, set()).add(id(chk))
        self._automaton = None
        if by_literal:
            from ahocorasick_rs import AhoCorasick

            self._automaton = AhoCorasick(list(by_literal))
            self._ids = [frozenset(ids) for ids in by_literal.values()]

    def live(self, text: str) -> set[int]:
        """ids of the checks that could report something on ``text``."""
        out = set(self.always)
        if self._automaton is not None:
            # Every literal found, overlapping ones included: each found literal's checks are live.
            for k in {k for k, _, _ in find_all(self._automaton, fold(text))}:
                out |= self._ids[k]
        return out


@lru_cache(maxsize=1)
def plan() -> Plan:
    from proselint.checks import __register__

    return Plan(__register__)


def _fancy_uncomparables(chk):
    """proselint's "most/least + uncomparable" check as one factored pattern, same matches.

    proselint joins 74 branches ``(?<!at\\s)\\bCOMP\\s+ADJ\\b`` (comparators outer, adjectives inner)
    into one alternation for Python's engine, which then tries every branch at every position.
    Factored, the engine tries the comparators once per position; at any position at most one
    comparator fits, and the adjectives are tried in proselint's order, so the first branch that
    matches — the one proselint reports — is the same, with the same span.
    """
    try:
        from proselint.checks import uncomparables as u
        from proselint.registry.checks import CheckResult
    except ImportError:
        return None
    if chk.check_type is not getattr(u, "_check_fancy_uncomparables", None):
        return None
    import re

    rx = re.compile(
        rf"(?<!at\s)\b(?:{'|'.join(u.FANCY_COMPARATORS)})\s+(?:{'|'.join(u.UNCOMPARABLES)})\b",
        chk.engine.opts.re_flag,
    )

    def run(text: str):
        results = (
            CheckResult(span=(m.start() + chk.offset[0], m.end() + chk.offset[1]), check_path=chk.path,
                        message=chk.message.format(m.group(0).strip()), replacements=None)
            for m in rx.finditer(text)
        )
        return chk.flags.apply(results, len(text))

    return run


_RUNNERS: dict[int, tuple] = {}


def runner(chk):
    """A faster way to run ``chk`` with exactly proselint's results, or None: call proselint."""
    got = _RUNNERS.get(id(chk))
    if got is None:
        got = _RUNNERS[id(chk)] = (chk, _fancy_uncomparables(chk))  # the check kept alive: ids stay unique
    return got[1]
