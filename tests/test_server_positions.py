"""Offsets <-> LSP positions in each encoding a client may negotiate, astral characters included."""
from __future__ import annotations

import pytest

pytest.importorskip("pygls", reason="the server extra (pygls) is not installed")

from edlint.server.positions import LineIndex  # noqa: E402

TEXT = "a\U0001F600b\r\nré\U0001D11Ex\rlast"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-32"])
def test_round_trip_every_offset(encoding):
    index = LineIndex(TEXT, encoding)
    for offset in range(len(TEXT) + 1):
        if TEXT[offset - 1 : offset + 1] == "\r\n":
            continue  # between \r and \n is no position of its own
        line, ch = index.position(offset)
        assert index.offset(line, ch) == offset


def test_units_per_encoding():
    x = TEXT.index("x")
    assert LineIndex(TEXT, "utf-16").position(x) == (1, 4)  # r, é, and a surrogate pair
    assert LineIndex(TEXT, "utf-8").position(x) == (1, 7)  # 1 + 2 + 4 bytes
    assert LineIndex(TEXT, "utf-32").position(x) == (1, 3)
    assert LineIndex(TEXT, "utf-16").position(len(TEXT)) == (2, 4)  # a lone \r ends a line too


def test_positions_past_the_end_clamp():
    index = LineIndex(TEXT, "utf-16")
    assert index.offset(0, 99) == TEXT.index("\r")
    assert index.offset(99, 0) == len(TEXT)
