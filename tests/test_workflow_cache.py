"""The result cache and parallel runs: same findings as a fresh run, invalidated when inputs change."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, SEED, run_cli

WORDS = ["accomodate", "seperate", "definately", "beleive", "recieved", "wierd", "calender", "goverment"]


def make_articles(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        w = WORDS[i % len(WORDS)]
        p = folder / f"{i:04d}.{'md' if i % 3 == 0 else 'txt'}"
        body = (f"Story {i}\n\nThe council met on Monday.\n\nThey said it was {w} and would "
                f"{WORDS[(i + 3) % len(WORDS)]} it.\n")
        p.write_text(("# " if p.suffix == ".md" else "") + body)
        paths.append(p)
    return paths


def check_json(cwd, *args, env=None):
    p = run_cli("check", *args, "--format", "json", cwd=cwd, env=env)
    assert p.returncode in (0, 1), p.stderr
    return json.loads(p.stdout)


def entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("v*/*/*/*.json"))


def test_warm_run_matches_cold_and_uncached(tmp_path):
    make_articles(tmp_path / "news", 12)
    env = {"EDLINT_CACHE_DIR": str(tmp_path / "cache")}
    cold = check_json(tmp_path, "news", env=env)
    assert len(entries(tmp_path / "cache")) == 12
    warm = check_json(tmp_path, "news", env=env)
    fresh = check_json(tmp_path, "news", "--no-cache", env=env)
    assert cold == warm == fresh
    assert cold["summary"]["findings"] >= 12
    assert (tmp_path / "cache" / ".gitignore").read_text().splitlines()[-1] == "*"


def test_seed_round_trips_through_the_cache(tmp_path):
    if not SEED.exists():
        pytest.skip(f"reference material not available: {SEED}")
    env = {"EDLINT_CACHE_DIR": str(tmp_path / "cache")}
    cold = check_json(tmp_path, str(SEED), env=env)
    warm = check_json(tmp_path, str(SEED), env=env)
    assert cold == warm  # findings, fixes, related spans, data and figures all survive


def test_warm_run_never_builds_the_rule_registry(tmp_path):
    make_articles(tmp_path / "news", 5)
    cache = tmp_path / "cache"
    expected = check_json(tmp_path, "news", "--cache-dir", str(cache))
    code = (
        "import sys, edlint.core.registry as reg\n"
        "def boom(*a, **k):\n"
        "    raise SystemExit('registry built on a warm run')\n"
        "reg.build_registry = boom\n"
        "from edlint.commands.cli import run\n"
        f"sys.argv = ['edlint', 'check', 'news', '--format', 'json', '--cache-dir', {str(cache)!r}]\n"
        "run()\n"
    )
    p = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True)
    assert p.returncode == 1, p.stderr
    assert json.loads(p.stdout) == expected


def test_cache_invalidated_by_content_config_and_rule_packs(tmp_path):
    make_articles(tmp_path / "news", 3)
    cache = str(tmp_path / "cache")
    first = check_json(tmp_path, "news", "--cache-dir", cache)
    n = first["summary"]["findings"]
    # content
    (tmp_path / "news" / "0001.txt").write_text("Story\n\nNothing wrong here.\n")
    assert check_json(tmp_path, "news", "--cache-dir", cache)["summary"]["findings"] == n - 2
    # configuration
    (tmp_path / "edlint.toml").write_text('[rules."spelling.misspellings"]\nseverity = "error"\n')
    got = check_json(tmp_path, "news", "--cache-dir", cache)
    assert {f["severity"] for f in got["findings"]} == {"error"}
    # a rule pack the configuration loads
    (tmp_path / "house" / "style").mkdir(parents=True)
    pack = tmp_path / "house" / "style" / "council.yaml"
    pack.write_text("kind: existence\nsummary: Flag the word council.\ntokens: [parliament]\n")
    (tmp_path / "edlint.toml").write_text('rule_dirs = ["house"]\n')
    assert not any(f["rule"] == "style.council" for f in check_json(tmp_path, "news", "--cache-dir", cache)["findings"])
    pack.write_text("kind: existence\nsummary: Flag the word council.\ntokens: [council]\n")
    got = check_json(tmp_path, "news", "--cache-dir", cache)
    assert sum(f["rule"] == "style.council" for f in got["findings"]) == 2  # 0001.txt no longer mentions the council


def test_cli_options_are_part_of_the_key(tmp_path):
    make_articles(tmp_path / "news", 3)
    cache = str(tmp_path / "cache")
    assert check_json(tmp_path, "news", "--cache-dir", cache)["findings"]
    assert check_json(tmp_path, "news", "--cache-dir", cache, "--ignore", "spelling")["findings"] == []


def test_corrupt_entries_are_misses(tmp_path):
    make_articles(tmp_path / "news", 4)
    cache = tmp_path / "cache"
    expected = check_json(tmp_path, "news", "--cache-dir", str(cache))
    for e in entries(cache):
        e.write_bytes(b'{"findings": [["half')
    assert check_json(tmp_path, "news", "--cache-dir", str(cache)) == expected
    assert check_json(tmp_path, "news", "--cache-dir", str(cache)) == expected


def test_no_cache_writes_nothing_and_default_is_cwd(tmp_path):
    make_articles(tmp_path / "news", 2)
    env = {"EDLINT_CACHE_DIR": ""}
    check_json(tmp_path, "news", "--no-cache", env=env)
    assert not (tmp_path / ".edlint_cache").exists()
    check_json(tmp_path, "news", env=env)
    assert len(entries(tmp_path / ".edlint_cache")) == 2


def test_two_processes_share_a_cache(tmp_path):
    make_articles(tmp_path / "news", 80)
    expected = check_json(tmp_path, "news", "--no-cache")
    cache = str(tmp_path / "cache")
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    procs = [
        subprocess.Popen([sys.executable, "-m", "edlint", "check", "news", "--format", "json", "--cache-dir", cache,
                          "--jobs", "1"],
                         cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(3)
    ]
    outs = [p.communicate(timeout=300) for p in procs]
    for p, (out, err) in zip(procs, outs, strict=True):
        assert p.returncode == 1, err
        assert json.loads(out) == expected
    assert len(entries(tmp_path / "cache")) == 80
    assert not list((tmp_path / "cache").glob("v*/*/*/.*edlint-tmp"))
    assert check_json(tmp_path, "news", "--cache-dir", cache) == expected


def test_parallel_output_is_in_stable_order(tmp_path):
    paths = make_articles(tmp_path / "news", 120)
    one = run_cli("check", "news", "--no-cache", "--jobs", "1", "--format", "concise", cwd=tmp_path)
    many = run_cli("check", "news", "--no-cache", "--jobs", "2", "--format", "concise", cwd=tmp_path)
    assert one.returncode == many.returncode == 1
    assert one.stdout == many.stdout
    files_in_output = list(dict.fromkeys(line.split(":")[0] for line in many.stdout.splitlines()[:-1]))
    assert files_in_output == [str(p.relative_to(tmp_path)) for p in paths]


def test_pool_really_uses_several_processes(tmp_path):
    from edlint.io.articles import SourceFile
    from edlint.run.runner import Runner, RunOptions
    from edlint.run.workers import lint_sources

    class PidRunner(Runner):
        def lint_source(self, src, path_for_config=None):
            res = super().lint_source(src, path_for_config)
            res.figures["pid"] = os.getpid()
            return res

    paths = make_articles(tmp_path / "news", 60)
    items = [(SourceFile(path=str(p), text=p.read_text()), p) for p in paths]
    results = lint_sources(PidRunner(RunOptions()), items, jobs=2)
    assert [r.path for r in results] == [str(p) for p in paths]
    assert all(r.text == p.read_text() for r, p in zip(results, paths, strict=True))
    assert len({r.figures["pid"] for r in results}) >= 2
    few = lint_sources(PidRunner(RunOptions()), items[:10], jobs=2)
    assert {r.figures["pid"] for r in few} == {os.getpid()}  # small runs stay in-process


def test_progress_bar_only_when_asked_and_big_enough(capsys):
    from edlint.report.progress import ProgressBar

    with ProgressBar(enabled=False) as bar:
        assert bar.start(10_000) is None
    with ProgressBar(enabled=True, min_files=100) as bar:
        assert bar.start(99) is None
    with ProgressBar(enabled=True, min_files=100) as bar:
        advance = bar.start(500)
        assert callable(advance)
        advance(500)
    assert capsys.readouterr().out == ""  # progress never goes to standard output


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_progress_bar_on_a_terminal_only(tmp_path):
    make_articles(tmp_path / "news", 240)
    master, slave = os.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "NO_COLOR")}
    p = subprocess.run([sys.executable, "-m", "edlint", "check", "news", "--no-cache", "--format", "concise"],
                       cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=slave, timeout=300)
    os.close(slave)
    tty = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        tty += chunk
    os.close(master)
    assert p.returncode == 1
    assert b"checking" in tty and b"240/240" in tty
    assert b"checking" not in p.stdout  # the report itself is untouched
    piped = run_cli("check", "news", "--no-cache", "--format", "concise", cwd=tmp_path)
    assert "checking" not in piped.stderr and "240/240" not in piped.stderr


def test_archive_timing_bench_runs(tmp_path):
    make_articles(tmp_path / "news", 60)
    p = subprocess.run([sys.executable, str(REPO / "bench" / "archive_timing.py"), str(tmp_path / "news"), "--json"],
                       capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    figures = json.loads(p.stdout)
    assert figures["files"] == 60
    assert figures["cold_1_process_s"] > 0 and figures["warm_cache_s"] > 0
    assert figures["speedup_warm_vs_cold_1"] == round(figures["cold_1_process_s"] / figures["warm_cache_s"], 1)


def test_unused_states_are_pruned(tmp_path):
    from edlint.run.cache import ResultCache

    make_articles(tmp_path / "news", 2)
    cache = tmp_path / "cache"
    check_json(tmp_path, "news", "--cache-dir", str(cache))
    (state,) = [d for d in (cache / "v1").iterdir() if d.is_dir()]
    old = cache / "v1" / "0123456789abcdef01234567"
    (old / "ab").mkdir(parents=True)
    (old / "ab" / "cd.json").write_text("{}")
    (old / ".used").touch()
    os.utime(old / ".used", (0, 0))  # last used in 1970
    assert ResultCache(cache).prune() == 1
    assert not old.exists() and state.exists()
    # a run that only reads marks its state used, so it is never the one pruned
    os.utime(state / ".used", (0, 0))
    check_json(tmp_path, "news", "--cache-dir", str(cache))
    assert (state / ".used").stat().st_mtime > 0
    assert ResultCache(cache).prune() == 0
