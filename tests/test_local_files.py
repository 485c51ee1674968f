"""Reading edlint's own files: sorted-line bisection, and cache entries only from this user's private files."""
from __future__ import annotations

import os

import pytest

from edlint.io.local_files import first_line_at_or_after, map_file, private_to_this_user


def test_bisection_finds_the_first_line_of_a_key_among_duplicates_and_the_ends():
    blob = b"header\nabbot\t1\nabbott\t2\nabbott\t3\nblair\t4\n"
    lo, hi = blob.index(b"\n") + 1, len(blob)
    at = first_line_at_or_after(blob, lo, hi, b"abbott", b"\t")
    assert blob[at:].startswith(b"abbott\t2\n")  # the first of the two
    assert first_line_at_or_after(blob, lo, hi, b"a", b"\t") == lo
    assert first_line_at_or_after(blob, lo, hi, b"zed", b"\t") == hi
    assert blob[first_line_at_or_after(blob, lo, hi, b"abbotb", b"\t"):].startswith(b"abbott\t2")  # between two keys
    with pytest.raises(ValueError):
        first_line_at_or_after(b"no tab here\n", 0, 12, b"x", b"\t")


def test_a_mapped_file_reads_like_its_bytes(tmp_path):
    f = tmp_path / "words.txt"
    f.write_bytes(b"h\na\nb\n")
    assert map_file(f)[:] == b"h\na\nb\n"
    (tmp_path / "empty").write_bytes(b"")
    assert map_file(tmp_path / "empty") == b""  # nothing to map: read as it is


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="ownership is a POSIX notion")
def test_only_a_private_regular_file_of_this_user_is_trusted(tmp_path):
    f = tmp_path / "entry.json"
    f.write_text("{}")
    f.chmod(0o600)
    assert private_to_this_user(f)
    f.chmod(0o666)
    assert not private_to_this_user(f)  # anyone could have written it
    f.chmod(0o664)
    assert not private_to_this_user(f)  # the group could have
    f.chmod(0o646)
    assert not private_to_this_user(f)
    f.chmod(0o600)
    (tmp_path / "link").symlink_to(f)
    assert not private_to_this_user(tmp_path / "link")
    assert not private_to_this_user(tmp_path / "missing")
    assert not private_to_this_user(tmp_path)  # a folder
