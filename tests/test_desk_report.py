"""#14.5–8: the report a desk reads — quiet on clean files, clickable locations, no repeats, severities."""
from __future__ import annotations

import re

from conftest import SEED, need_shared, run_cli

BAD = "Council delays vote\n\nThe council will accomodate the request, officials said on Monday.\n"
CLEAN = "Council meets\n\nThe council met on Monday to discuss the budget.\n"


def _folder(tmp_path, clean=4):
    news = tmp_path / "news"
    news.mkdir()
    (news / "bad.txt").write_text(BAD, encoding="utf-8")
    for i in range(clean):
        (news / f"clean{i}.txt").write_text(CLEAN, encoding="utf-8")
    return news


def test_clean_files_print_nothing_unless_verbose(tmp_path):
    _folder(tmp_path)
    p = run_cli("check", "news", "--format", "rich", "--color", "never", "--no-cache", cwd=tmp_path,
                env={"COLUMNS": "100"})
    assert p.returncode == 1
    assert "clean" not in p.stdout  # no panel, no title, no line for a clean file
    assert p.stdout.count("╭─") == 1 and "bad.txt" in p.stdout  # the panel only for the file with findings
    assert "Findings by rule" in p.stdout and "in 5 file(s)" in p.stdout  # the summary stays
    v = run_cli("check", "news", "--format", "rich", "--color", "never", "--no-cache", "--verbose", cwd=tmp_path,
                env={"COLUMNS": "100"})
    assert all(f"clean{i}.txt" in v.stdout for i in range(4))


def test_rich_finding_head_is_clickable_path_line_col(tmp_path):
    _folder(tmp_path, clean=0)
    p = run_cli("check", "news/bad.txt", "--format", "rich", "--color", "never", "--no-cache", cwd=tmp_path,
                env={"COLUMNS": "100"})
    heads = [ln for ln in p.stdout.splitlines() if "spelling.misspellings" in ln and "│" not in ln and "┃" not in ln]
    assert heads and heads[0].startswith("news/bad.txt:3:18  ")


def test_inconsistent_spelling_names_each_form_once_with_a_count(tmp_path):
    body = "Kiev talks\n\n" + "".join(f"Officials in Kiev said on day {i}.\n\n" for i in range(8)) + ("Officials in "
                                                                                                      "Kyiv "
                                                                                                      "said more.\n")
    (tmp_path / "a.txt").write_text(body, encoding="utf-8")
    p = run_cli("check", "a.txt", "--select", "spelling.inconsistent", "--format", "json", "--no-cache", cwd=tmp_path)
    import json

    (f,) = json.loads(p.stdout)["findings"]
    assert f["message"].count("Kiev") == 1 and "Kiev ×9" in f["message"]
    rich = run_cli("check", "a.txt", "--select", "spelling.inconsistent", "--format", "rich", "--color", "never",
                   "--no-cache",
                   cwd=tmp_path, env={"COLUMNS": "200"})
    notes = [ln.strip() for ln in rich.stdout.splitlines() if ln.strip().startswith("= ")]
    assert len(notes) == len(set(notes))  # no note printed twice
    assert not any(re.fullmatch(r"= Kiev \(line \d+\)", n) for n in notes)  # the message already lists them


def test_seed_other_spelling_printed_once(tmp_path):
    p = run_cli("check", str(need_shared(SEED)), "--date", "2022-07-08", "--select", "spelling", "--format", "rich",
                "--color", "never", "--no-cache", env={"COLUMNS": "200"})
    assert p.stdout.count("Sloviansk (line 4)") == 1


def test_concise_has_severity_and_summary_breakdown(tmp_path):
    (tmp_path / "a.txt").write_text(BAD + "\nA sentence " + "and more words " * 14 + "ends here.\n", encoding="utf-8")
    p = run_cli("check", "a.txt", "--select", "spelling,readability.long-sentence", "--format", "concise", "--no-cache",
                cwd=tmp_path)
    lines = p.stdout.splitlines()
    assert lines[0].startswith("a.txt:3:18: warning: spelling.misspellings: ")
    assert any(re.match(r"a\.txt:5:1: suggestion: readability\.long-sentence: ", ln) for ln in lines)
    assert lines[-1] == "2 finding(s) (1 warning, 1 suggestion) in 1 file(s); 1 fixable with `edlint fix`"


def test_concise_colour_on_request_and_quiet(tmp_path):
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    p = run_cli("check", "a.txt", "--format", "concise", "--color", "always", "--no-cache", cwd=tmp_path)
    assert "\x1b[" in p.stdout and "warning" in p.stdout
    plain = run_cli("check", "a.txt", "--format", "concise", "--no-cache", cwd=tmp_path)
    assert "\x1b[" not in plain.stdout
    q = run_cli("check", "a.txt", "--format", "concise", "--quiet", "--no-cache", cwd=tmp_path)
    assert q.stdout.splitlines() == [plain.stdout.splitlines()[0]]


def test_default_run_shows_no_long_sentence_suggestions(tmp_path):
    """#14.9: 962 of 1,031 BBC findings were long sentences; a default run shows the newsroom errors."""
    long = "The council said " + "that the plan and the budget " * 7 + "would be ready.\n"
    (tmp_path / "a.txt").write_text("Head\n\n" + long, encoding="utf-8")
    p = run_cli("check", "a.txt", "--format", "concise", "--no-cache", cwd=tmp_path)
    assert p.returncode == 0 and "readability" not in p.stdout
    on = run_cli("check", "a.txt", "--format", "concise", "--select", "readability", "--no-cache", cwd=tmp_path)
    assert "readability.long-sentence" in on.stdout
    (tmp_path / "edlint.toml").write_text('extends = ["strict"]\n')
    assert "readability.long-sentence" in run_cli("check", "a.txt", "--no-cache", cwd=tmp_path).stdout
    from conftest import REPO

    why = (REPO / "docs" / "readability.md").read_text(encoding="utf-8")
    assert "962" in why and "1,031" in why and "off by default" in why
