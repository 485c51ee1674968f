"""What every match of a regular expression must contain, read from Python's own pattern parser.

Two passes skip patterns that cannot match before trying them: the ad-copy
phrase pack's gates (``edlint/checks/adcopy/gates.py``) and the proselint
family's plan (``edlint/checks/proselint_pack/plan.py``). Both ask the same
question of a parsed pattern — which literal text does every match hold? —
and answer it here, so they read patterns exactly as the regex engine does
and agree with each other.
"""
from __future__ import annotations

from functools import lru_cache


def sre_modules():
    """Python's pattern constants and parser: ``re._constants`` and ``re._parser`` from 3.11,
    ``sre_constants`` and ``sre_parse`` on 3.10."""
    try:
        from re import _constants, _parser
    except ImportError:  # Python 3.10
        import sre_constants as _constants
        import sre_parse as _parser
    return _constants, _parser


@lru_cache(maxsize=2)
def repeat_ops(c) -> tuple:
    """The repeat opcodes of constants module ``c`` (possessive repeats exist from 3.11)."""
    return tuple(getattr(c, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(c, name))


def needs(items, c) -> list[frozenset[str]]:
    """Groups of strings, one of each group in every match of the parsed sequence ``items``.

    Anything not understood (a class, a group with flags of its own, an optional
    part) asks for nothing, so the answer is never more than every match holds.
    """
    out: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            out.append(frozenset(("".join(run),)))
            run = []
        if op is c.SUBPATTERN and not av[1] and not av[2]:  # a group with no flags of its own
            out += needs(av[3].data, c)
        elif op is c.BRANCH:
            one = _either(av[1], c)
            if one:
                out.append(one)
        elif op in repeat_ops(c) and av[0] >= 1:
            out += needs(av[2].data, c)
    if run:
        out.append(frozenset(("".join(run),)))
    return out


def most_selective(groups: list[frozenset[str]]) -> frozenset[str] | None:
    """The group whose shortest string is longest (fewest strings on a tie), or None when there is none."""
    if not groups:
        return None
    return max(groups, key=lambda g: (min(map(len, g)), -len(g)))


def _either(branches, c) -> frozenset[str] | None:
    """One string each branch of an alternation needs (from its most selective group), or None if a
    branch needs none."""
    found: set[str] = set()
    for b in branches:
        best = most_selective(needs(b.data, c))
        if best is None:
            return None
        found |= best
    return frozenset(found)
