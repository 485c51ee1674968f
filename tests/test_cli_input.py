"""Bad input never crashes edlint or stops the run: one clear line, exit 2, other files checked."""
from __future__ import annotations

import json

import pytest
from conftest import run_cli

BAD_WORD = "Head\n\nThe council will accomodate the request.\n"


def _json(proc):
    return json.loads(proc.stdout)


def test_missing_path_reported_and_others_checked(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(BAD_WORD)
    p = run_cli("check", str(tmp_path / "nope.txt"), str(good), "--format", "json")
    assert p.returncode == 2
    assert f"{tmp_path / 'nope.txt'}: no such file or directory" in p.stderr
    assert [f["rule"] for f in _json(p)["findings"]] == ["spelling.misspellings"]


def test_directory_without_articles(tmp_path):
    (tmp_path / "notes.csv").write_text("a,b\n")
    p = run_cli("check", str(tmp_path))
    assert p.returncode == 2
    assert "no articles" in p.stderr and str(tmp_path) in p.stderr


def test_binary_file(tmp_path):
    f = tmp_path / "photo.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    p = run_cli("check", str(f))
    assert p.returncode == 2
    assert p.stderr.strip() == f"edlint: {f}: binary file (contains NUL bytes), not an article"


def test_invalid_utf8_names_byte_and_line(tmp_path):
    f = tmp_path / "latin1.txt"
    f.write_bytes("Head\n\nCaf\u00e9 society.\n".encode("latin-1"))
    p = run_cli("check", str(f))
    assert p.returncode == 2
    assert f"{f}:3: not valid UTF-8: byte 0xe9 at offset 9" in p.stderr


def test_bom_and_crlf_offsets(tmp_path):
    f = tmp_path / "bom.txt"
    f.write_bytes("\ufeffHead\r\n\r\nThey will accomodate it.\r\n".encode("utf-8"))
    p = run_cli("check", str(f), "--format", "json")
    assert p.returncode == 1
    (finding,) = _json(p)["findings"]
    assert (finding["line"], finding["column"], finding["end_column"]) == (3, 11, 21)
    # offsets are characters of the decoded text after the BOM
    text = f.read_bytes().decode("utf-8-sig")
    assert text[finding["start"] : finding["end"]] == "accomodate"


def test_empty_file_is_fine(tmp_path):
    f = tmp_path / "empty.md"
    f.write_text("")
    p = run_cli("check", str(f), "--format", "json")
    assert p.returncode == 0 and _json(p)["findings"] == []


def test_large_file(tmp_path):
    f = tmp_path / "big.txt"
    para = "The council said it would meet again on Monday to discuss the budget. " * 4 + "\n"
    with f.open("w") as fh:
        fh.write("Head\n")
        while fh.tell() < 20 * 1024 * 1024:
            fh.write(para)
        fh.write("They will accomodate it.\n")
    p = run_cli("check", str(f), "--format", "json", "--select", "spelling.misspellings")
    assert p.returncode == 1, p.stderr
    assert len(_json(p)["findings"]) == 1


def test_broken_front_matter_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_text("---\ntitle: ok\ndate: [oops\n---\nBody.\n")
    good = tmp_path / "good.md"
    good.write_text(BAD_WORD)
    p = run_cli("check", str(bad), str(good), "--format", "json")
    assert p.returncode == 2
    line = [ln for ln in p.stderr.splitlines() if "bad.md" in ln][0]
    assert line.startswith(f"edlint: {bad}:") and "invalid YAML front matter" in line
    assert len(_json(p)["findings"]) == 1


def test_stdin(tmp_path):
    p = run_cli("check", "-", "--format", "json", input=BAD_WORD.encode())
    assert p.returncode == 1
    assert _json(p)["findings"][0]["path"] == "<stdin>"


def test_unreadable_file(tmp_path):
    import os

    f = tmp_path / "locked.txt"
    f.write_text(BAD_WORD)
    f.chmod(0)
    if os.access(f, os.R_OK):
        pytest.skip("running as a user who can read anything")
    p = run_cli("check", str(f))
    assert p.returncode == 2 and "permission denied" in p.stderr


def test_bad_date_is_usage_error(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(BAD_WORD)
    p = run_cli("check", str(f), "--date", "08/07/2022")
    assert p.returncode == 2 and "YYYY-MM-DD" in p.stderr


def test_gitignore_and_suffixes(tmp_path):
    (tmp_path / ".gitignore").write_text("drafts/\n")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "x.txt").write_text(BAD_WORD)
    (tmp_path / "story.markdown").write_text(BAD_WORD)
    (tmp_path / "data.csv").write_text(BAD_WORD)
    p = run_cli("check", str(tmp_path), "--format", "json")
    paths = {f["path"] for f in _json(p)["findings"]}
    assert paths == {str(tmp_path / "story.markdown")}
