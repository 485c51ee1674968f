"""What a phrase-pack pattern needs of a line before it is worth trying: its gate.

Most lines match no entry of the phrase pack, and trying a hundred and fifty
alternatives on each costs more than everything else the family does. A gate
says, from the pattern's syntax alone, what any match must have:

- a length: the shortest and longest text a match can cover;
- literal text: for each ``needs`` group, one of its strings occurs in every
  match (``delivered (straight |directly )?to your inbox`` needs
  ``to your inbox``; ``(photo|image)s?:`` needs ``photo`` or ``image``);
- a first character: the characters a match can start with, for patterns
  tried at the start of the line (``match`` and ``fullmatch``).

A line without these cannot match, so skipping the pattern never changes a
verdict. Anything the analysis does not understand (a class such as ``\\w``,
a flag, an optional part) simply asks for nothing. Gates come from Python's
own pattern parser, so they read patterns exactly as the regex engine does.
"""
from __future__ import annotations

from edlint.core.pattern_needs import needs, repeat_ops, sre_modules
from edlint.records import FrozenRecord

# Longer than any line: the length of a pattern with no upper bound.
NO_LIMIT = 1 << 64
# A character class with more members than this is not worth spelling out as a first character.
_MAX_FIRST = 64


class Gate(FrozenRecord):
    """What every match of one pattern has: its length bounds, literal text, and first characters.

    ``first`` is None when any first character may start a match; ``alone`` is
    False when the pattern refers to a group by number or name, so it is tried
    only among its neighbours.
    """

    _fields = ("min_len", "max_len", "needs", "first", "alone")

    def __init__(self, min_len: int, max_len: int, needs: tuple[tuple[str, ...], ...], first: str | None,
                 alone: bool = True) -> None:
        self.min_len = min_len
        self.max_len = max_len
        self.needs = needs
        self.first = first
        self.alone = alone

    def as_json(self) -> list:
        return [self.min_len, self.max_len, [list(g) for g in self.needs], self.first, self.alone]

    @classmethod
    def from_json(cls, row: list) -> Gate:
        lo, hi, needs, first, alone = row
        return cls(int(lo), int(hi), tuple(tuple(str(s) for s in g) for g in needs),
                   None if first is None else str(first), bool(alone))


def gate(pattern: str) -> Gate:
    """The gate of one pattern (raises ``re.error`` as compiling it would)."""
    c, parser = sre_modules()
    tree = parser.parse(pattern)
    lo, hi = tree.getwidth()
    if hi >= c.MAXREPEAT - 1:  # unbounded (Python 3.10 says so with MAXREPEAT - 1, later ones with more)
        hi = NO_LIMIT
    if _refers(tree.data, c):
        return Gate(lo, hi, (), None, alone=False)
    if tree.state.flags & ~c.SRE_FLAG_UNICODE:  # a global flag (ignore case, verbose …): no literal is certain
        return Gate(lo, hi, (), None)
    groups = sorted(needs(tree.data, c), key=_rarity)
    return Gate(lo, hi, tuple(tuple(sorted(g)) for g in groups), _first(tree.data, c))


def _rarity(group: frozenset[str]) -> tuple[int, int]:
    """Rare text first: long strings, few of them (the first group is what a line is looked up by)."""
    return -min(len(s.strip()) for s in group), len(group)


def _refers(items, c) -> bool:
    """Does the pattern refer to a group (``\\1``, ``(?P=name)``, ``(?(1)…)``)? Its meaning then depends on
    the groups around it."""
    for op, av in items:
        if op in (c.GROUPREF, c.GROUPREF_EXISTS):
            return True
        if op is c.SUBPATTERN:
            inner = [av[3]]
        elif op is c.BRANCH:
            inner = av[1]
        elif op in repeat_ops(c):
            inner = [av[2]]
        elif op in (c.ASSERT, c.ASSERT_NOT):
            inner = [av[1]]
        elif op is getattr(c, "ATOMIC_GROUP", None):
            inner = [av]
        else:
            continue
        if any(_refers(sub.data, c) for sub in inner):
            return True
    return False


def _first(items, c) -> str | None:
    """The characters a match of ``items`` can start with, or None when that is not known to be a short list."""
    for op, av in items:
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):  # zero-width: look at what follows
            continue
        if op is c.LITERAL:
            return chr(av)
        if op is c.IN:
            return _class_chars(av, c)
        if op is c.BRANCH:
            parts = [_first(b.data, c) for b in av[1]]
            return None if any(p is None for p in parts) else "".join(sorted(set("".join(parts))))
        if op is c.SUBPATTERN and not av[1] and not av[2] and av[3].getwidth()[0] > 0:
            return _first(av[3].data, c)
        if op in repeat_ops(c) and av[0] >= 1:
            return _first(av[2].data, c)
        return None
    return None


def _class_chars(members, c) -> str | None:
    """The characters of a class made of literals and small ranges, or None (a category, a negation)."""
    chars: set[str] = set()
    for op, av in members:
        if op is c.LITERAL:
            chars.add(chr(av))
        elif op is c.RANGE and av[1] - av[0] < _MAX_FIRST:
            chars.update(chr(i) for i in range(av[0], av[1] + 1))
        else:
            return None
    return "".join(sorted(chars)) if len(chars) <= _MAX_FIRST else None
