"""Plain record classes: equality, hashing and ``repr`` from a list of field names.

edlint's value types (a finding, a hit, a word, a configuration) used to be
dataclasses. A dataclass writes its ``__init__``, ``__repr__`` and
``__eq__`` as source text and compiles it when the class is created, on
every start of the program: for the forty-odd types a one-article check
loads, that compiling (and the ``inspect`` module ``dataclasses`` imports)
was a fifth of the whole run of a pre-commit hook. A record class instead
spells its ``__init__`` out in the source, where it is compiled once into
the installed bytecode, and inherits the rest from here, driven by
``_fields``:

    class Edit(FrozenRecord):
        _fields = ("start", "end", "replacement")

        def __init__(self, start: int, end: int, replacement: str) -> None:
            self.start = start
            ...

``Record`` compares field by field and, like a mutable dataclass, is not
hashable; ``FrozenRecord`` is hashable by its fields (treat it as
immutable: nothing enforces it); ``PlainRecord`` compares by identity.
``_unshown`` fields stay out of ``repr``; ``_uncompared`` fields stay out
of equality and the hash. This module imports nothing, so every layer may
use it.
"""
from __future__ import annotations

from typing import Any


class PlainRecord:
    """A record compared by identity; ``repr`` shows its fields."""

    __slots__ = ()
    _fields: tuple[str, ...] = ()
    _unshown: tuple[str, ...] = ()
    _uncompared: tuple[str, ...] = ()

    def __repr__(self) -> str:
        shown = ", ".join(f"{n}={getattr(self, n)!r}" for n in self._fields if n not in self._unshown)
        return f"{type(self).__qualname__}({shown})"

    def _key(self) -> tuple[Any, ...]:
        return tuple(getattr(self, n) for n in self._fields if n not in self._uncompared)


class Record(PlainRecord):
    """A record equal to another of its class with equal fields; not hashable (it may change)."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._key() == other._key()  # type: ignore[attr-defined]
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]


class FrozenRecord(Record):
    """A record that is never changed after it is made: equal by its fields, and hashable by them."""

    __slots__ = ()

    def __hash__(self) -> int:
        return hash(self._key())
