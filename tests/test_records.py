"""Record classes behave like the dataclasses they replaced: equality, hashing and repr by field."""
from __future__ import annotations

import pytest

from edlint.core.findings import Edit, Fix, Hit
from edlint.records import FrozenRecord, PlainRecord, Record


def test_frozen_records_are_equal_and_hash_by_their_fields():
    a, b = Edit(1, 4, "Kyiv"), Edit(1, 4, "Kyiv")
    assert a == b and hash(a) == hash(b)
    assert len({a, b, Edit(1, 4, "Kiev")}) == 2
    assert Fix((a,)) == Fix((b,)) and Fix((a,)) != Fix((a,), description="other")
    assert repr(a) == "Edit(start=1, end=4, replacement='Kyiv')"


def test_mutable_records_compare_by_fields_and_are_not_hashable():
    h1, h2 = Hit(0, 3, "m"), Hit(0, 3, "m")
    assert h1 == h2 and h1 != Hit(0, 3, "other")
    assert h1.data == {} and h1.data is not h2.data  # a fresh default each time, as default_factory gave
    with pytest.raises(TypeError):
        hash(h1)
    assert (h1 == Edit(0, 3, "m")) is False  # another class is never equal


def test_unshown_and_uncompared_fields_and_identity_records():
    class Cached(Record):
        _fields = ("key", "memo")
        _unshown = ("memo",)
        _uncompared = ("memo",)

        def __init__(self, key: str, memo: dict | None = None) -> None:
            self.key = key
            self.memo = {} if memo is None else memo

    assert Cached("a", {"x": 1}) == Cached("a")
    assert repr(Cached("a", {"x": 1})).endswith("Cached(key='a')")

    class Handle(PlainRecord):
        _fields = ("name",)

        def __init__(self, name: str) -> None:
            self.name = name

    first, second = Handle("x"), Handle("x")
    assert first != second and first == first and len({first, second}) == 2

    class Point(FrozenRecord):
        _fields = ("x",)

        def __init__(self, x: int) -> None:
            self.x = x

    assert {Point(1): "a"}[Point(1)] == "a"
