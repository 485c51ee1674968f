"""``edlint archive`` and ``edlint.run.dask`` on a real Dask cluster: the same answers as the plain command line.

One LocalCluster (two worker processes, loopback only, no dashboard) serves
the whole module. The archive commands run in-process, pointed at it with
``--scheduler``; the plain ``edlint check``/``edlint fix`` run on the same
texts written as files, and findings and cleaned texts must be identical.
"""
from __future__ import annotations

import json
import logging
import sys

import pytest
from conftest import BBC, REPO, need_shared, run_cli
from typer.testing import CliRunner

dd = pytest.importorskip("dask.dataframe", reason="the dask extra is not installed: pip install -e '.[test]'")
distributed = pytest.importorskip("distributed", reason="the dask extra is not installed: pip install -e '.[test]'")
pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

import cloudpickle  # noqa: E402 - comes with distributed

import edlint  # noqa: E402
from edlint.commands.cli import app  # noqa: E402
from edlint.run.dask import check_frame, clean_frame  # noqa: E402

# The worker-side helpers below travel to the workers by value (this module is not importable there).
cloudpickle.register_pickle_by_value(sys.modules[__name__])

FINDING_KEYS = ("rule", "severity", "message", "line", "column", "end_line", "end_column", "start", "end")
DAY1, DAY2 = "2022-07-08", "2024-03-01"
ARTICLES = [
    "Council plans\n\nThe council will accomodate the request, a spokesman said.\n",
    "Aid for Kyiv\n\nOfficials in Kyiv said the aid had arrived. Later, officials in Kiev said more was needed.\n",
    "Budget\n\nThe mayor set out the budget on Monday.\n\nREAD MORE: Ten things you need to know about the budget\n",
    "Defence\n\nDefence Secretary Ben Wallace spoke to MPs on Monday about the plans.\n",
    "Quiet day\n\nNothing much happened in the town today, residents said.\n",
    "Colour\n\nThe organization said the color of the flag would change. The organisation did not say when.\n",
    "Newsletter\n\nThe minister spoke.\n\nSign up to our free newsletter for the latest news. We use your sign-up to "
    "provide content in ways you've consented to.\n",
    "Quotes\n\n\"We will not let the lights go out,\" he said.\n\n\"The city has learned to live with this.\n",
]


def _articles() -> list[tuple[str, str, str]]:
    """(id, date, text): every article on both dates, plus the shipped sample article."""
    rows = []
    for day in (DAY1, DAY2):
        for i, text in enumerate(ARTICLES):
            rows.append((f"{day}-{i:02d}.txt", day, text))
    rows.append(("sample.txt", DAY2, (REPO / "examples" / "sample-article.md").read_text(encoding="utf-8")))
    return rows


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
        dashboard_address=None, silence_logs=logging.ERROR,
    ) as c:
        yield c


@pytest.fixture(scope="module")
def client(cluster):
    with distributed.Client(cluster) as c:
        yield c


@pytest.fixture
def config(tmp_path):
    cfg = tmp_path / "edlint.toml"
    cfg.write_text('extends = ["recommended"]\n')
    return cfg


def _write_parquet(rows: list[dict], target) -> None:
    pd.DataFrame(rows).to_parquet(target, index=False)


def _archive(cluster, *args: str) -> dict:
    res = CliRunner().invoke(app, ["archive", *args, "--scheduler", cluster.scheduler_address, "--format", "json"])
    assert res.exit_code == 0, (res.stdout, res.stderr)
    return json.loads(res.stdout)


def _plain_findings(folder, config, date: str | None = None) -> dict[str, list[dict]]:
    args = ["check", str(folder), "--format", "json", "--no-cache", "--config", str(config)]
    res = CliRunner().invoke(app, args + (["--date", date] if date else []))
    assert res.exit_code in (0, 1, 2) and res.stdout, (res.stdout, res.stderr)  # 2: a file it could not read
    out: dict[str, list[dict]] = {}
    for f in json.loads(res.stdout)["findings"]:
        rel = str(f["path"])[len(str(folder)) + 1 :]
        out.setdefault(rel, []).append({k: f[k] for k in FINDING_KEYS} | {"fix": f["fix"]})
    return out


def _archive_findings(folder) -> dict[str, list[dict]]:
    frame = pd.read_parquet(folder)
    out: dict[str, list[dict]] = {}
    for row in frame.to_dict("records"):
        numbers = ("line", "column", "end_line", "end_column", "start", "end")
        got = {k: (int(row[k]) if k in numbers else row[k]) for k in FINDING_KEYS}
        got["fix"] = json.loads(row["fix"]) if isinstance(row["fix"], str) else None
        out.setdefault(row["id"], []).append(got)
    return out


def test_check_and_clean_match_the_plain_cli(cluster, tmp_path, config):
    rows = _articles()
    _write_parquet([{"id": i, "published": d, "body": t} for i, d, t in rows], tmp_path / "news.parquet")
    plain: dict[str, list[dict]] = {}
    for day in (DAY1, DAY2):
        folder = tmp_path / f"plain-{day}"
        folder.mkdir()
        for i, d, t in rows:
            if d == day:
                (folder / i).write_text(t, encoding="utf-8")
        plain.update(_plain_findings(folder, config, day))

    summary = _archive(cluster, "check", str(tmp_path / "news.parquet"), "--id-column", "id", "--date-column",
                       "published", "--config", str(config), "--out", str(tmp_path / "findings.parquet"))
    got = _archive_findings(tmp_path / "findings.parquet")
    assert got == plain
    assert summary["rows"] == len(rows) and summary["errors"] == 0 and summary["workers"] == 2
    assert summary["findings"] == sum(map(len, plain.values())) > 10
    assert summary["by_rule"]["adcopy.furniture"] >= 3
    # the date column matters: the defence secretary is wrong on the later date only
    assert any(f["rule"].startswith("titles.") for f in got[f"{DAY2}-03.txt"])
    assert not any(f["rule"].startswith("titles.") for f in got.get(f"{DAY1}-03.txt", []))

    summary = _archive(cluster, "clean", str(tmp_path / "news.parquet"), "--id-column", "id", "--date-column",
                       "published", "--config", str(config), "--out", str(tmp_path / "cleaned.parquet"))
    cleaned = pd.read_parquet(tmp_path / "cleaned.parquet").set_index("id")
    fixed: dict[str, str] = {}
    for day in (DAY1, DAY2):
        folder = tmp_path / f"plain-{day}"
        res = CliRunner().invoke(app, ["fix", str(folder), "--no-cache", "--config", str(config), "--date", day])
        assert res.exit_code == 0, res.stderr
        fixed.update({p.name: p.read_text(encoding="utf-8") for p in folder.iterdir()})
    assert {i: cleaned.loc[i, "body"] for i in fixed} == fixed
    original = {i: t for i, _, t in rows}
    changed = {i for i in fixed if fixed[i] != original[i]}
    assert len(changed) >= 4
    assert set(cleaned.index[cleaned["changed"]]) == changed
    assert summary["changed"] == len(changed)
    assert summary["fixes_applied"] == int(cleaned["fixes_applied"].sum()) >= len(changed)
    assert list(cleaned.columns) == ["published", "body", "changed", "fixes_applied", "findings_remaining"]


def _crash_on_marker():
    from edlint.checks.spelling import Inconsistent

    real = Inconsistent.__dict__["check"]

    def check(self, doc, ctx):
        if "CRASH-ME" in doc.text:
            raise RuntimeError("boom")
        return real(self, doc, ctx)

    check._real = real
    Inconsistent.check = check


def _no_crash():
    from edlint.checks.spelling import Inconsistent

    real = getattr(Inconsistent.__dict__["check"], "_real", None)
    if real is not None:
        Inconsistent.check = real


def test_bad_rows_become_errors_and_the_run_goes_on(cluster, client, tmp_path, config):
    good = "Council plans\n\nThe council will accomodate the request.\n"
    lines = [
        {"id": "ok-1", "published": DAY1, "body": good},
        {"id": "number", "published": DAY1, "body": 42},
        {"id": "missing", "published": DAY1, "body": None},
        {"id": "bad-date", "published": "last Tuesday", "body": good},
        {"id": "crash", "published": DAY1, "body": "Head\n\nCRASH-ME colour and color.\n"},
        {"id": "ok-2", "published": None, "body": good},
    ]
    (tmp_path / "news.jsonl").write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    client.run(_crash_on_marker)
    try:
        summary = _archive(cluster, "check", str(tmp_path / "news.jsonl"), "--id-column", "id", "--date-column",
                           "published", "--config", str(config), "--out", str(tmp_path / "f.parquet"))
        clean = _archive(cluster, "clean", str(tmp_path / "news.jsonl"), "--id-column", "id", "--date-column",
                         "published", "--config", str(config), "--out", str(tmp_path / "c.parquet"))
    finally:
        client.run(_no_crash)
    errors = dict(pd.read_parquet(tmp_path / "f.errors.parquet").itertuples(index=False))
    assert set(errors) == {"number", "missing", "bad-date", "crash"}
    assert errors["number"] == "text is int, not a string"
    assert errors["missing"] == "text is missing (null)"
    assert "last Tuesday" in errors["bad-date"]
    assert "internal error in rule spelling.inconsistent" in errors["crash"] and "boom" in errors["crash"]
    assert all("\n" not in e for e in errors.values())
    assert summary["rows"] == 6 and summary["errors"] == 4
    assert set(pd.read_parquet(tmp_path / "f.parquet")["id"]) == {"ok-1", "ok-2"}
    assert clean["errors"] == 4 and clean["changed"] == 2
    cleaned = pd.read_parquet(tmp_path / "c.parquet").set_index("id")
    assert cleaned.loc["ok-1", "body"] == good.replace("accomodate", "accommodate")
    assert cleaned.loc["crash", "body"] == lines[4]["body"]  # kept as it was, reported in errors
    assert set(pd.read_parquet(tmp_path / "c.errors.parquet")["id"]) == set(errors)


def test_folder_archive_and_unreadable_files(cluster, tmp_path, config):
    arch = tmp_path / "articles"
    (arch / "desk").mkdir(parents=True)
    (arch / "desk" / "a.txt").write_text("Council plans\n\nThe council will accomodate the request.\n")
    (arch / "desk" / "b.md").write_text("# Aid\n\nOfficials in Kyiv said so. Officials in Kiev did not.\n")
    (arch / "desk" / "latin1.txt").write_bytes("Caf\xe9 owners\n\nThey met.\n".encode("latin-1"))
    summary = _archive(cluster, "check", str(arch), "--config", str(config), "--out", str(tmp_path / "f.parquet"))
    assert summary["rows"] == 3 and summary["errors"] == 1
    errors = dict(pd.read_parquet(tmp_path / "f.errors.parquet").itertuples(index=False))
    assert list(errors) == ["desk/latin1.txt"] and "UTF-8" in errors["desk/latin1.txt"]
    plain = _plain_findings(arch, config)
    assert _archive_findings(tmp_path / "f.parquet") == plain


def test_one_linter_per_worker_over_1000_rows(client):
    rows = [f"Story {i}\n\nThe council will accomodate request number {i}.\n" for i in range(1000)]
    ddf = dd.from_pandas(pd.DataFrame({"key": [f"r{i}" for i in range(1000)], "body": rows}), npartitions=10)
    builds_before = client.run(_install_counter)
    try:
        linter = edlint.Linter(select=["spelling"])
        found, errors = check_frame(ddf, text="body", id="key", linter=linter, errors=True)
        found, errors = client.compute([found, errors], sync=True)
        builds = client.run(_read_counter)
    finally:
        client.run(_remove_counter)
    assert len(builds_before) == 2
    assert len(found) == 1000 and set(found["rule"]) == {"spelling.misspellings"} and len(errors) == 0
    assert sorted(found["id"]) == sorted(f"r{i}" for i in range(1000))
    # ten partitions, two workers: one registry each (a Linter loaded per partition would build ten)
    assert all(n <= 1 for n in builds.values()), builds
    assert 1 <= sum(builds.values()) <= 2, builds


def test_clean_frame_library(client):
    texts = ["Head\n\nWe will accomodate it.\n", "Head\n\nNothing to fix.\n", None]
    ddf = dd.from_pandas(pd.DataFrame({"body": texts, "n": [1, 2, 3]}), npartitions=2)
    cleaned, errors = clean_frame(ddf, linter=edlint.Linter(select=["spelling"]), errors=True)
    cleaned, errors = client.compute([cleaned, errors], sync=True)
    assert cleaned["body"].tolist()[:2] == ["Head\n\nWe will accommodate it.\n", "Head\n\nNothing to fix.\n"]
    assert cleaned["changed"].tolist() == [True, False, False]
    assert cleaned["fixes_applied"].tolist()[:2] == [1, 0]
    assert errors.to_dict("records") == [{"id": "1:0", "error": "text is missing (null)"}]


def _install_counter():
    import edlint.run.linter as linter_module

    real = getattr(linter_module.build_registry, "_real", linter_module.build_registry)
    calls = []

    def counting(*a, **k):
        calls.append(1)
        return real(*a, **k)

    counting._real = real
    counting._calls = calls
    linter_module.build_registry = counting
    return True


def _read_counter():
    import edlint.run.linter as linter_module

    return len(linter_module.build_registry._calls)


def _remove_counter():
    import edlint.run.linter as linter_module

    linter_module.build_registry = getattr(linter_module.build_registry, "_real", linter_module.build_registry)


@pytest.mark.corpus
def test_bbc_archive_matches_the_plain_cli(cluster, tmp_path, config):
    need_shared(BBC)
    sections = sorted(p for p in BBC.iterdir() if p.is_dir())  # the 2,225 articles, not the corpus README
    files = sorted(p for s in sections for p in s.rglob("*.txt"))
    assert len(files) >= 2000
    rows = [{"id": p.relative_to(BBC).as_posix(), "body": p.read_text(encoding="utf-8")} for p in files]
    _write_parquet(rows, tmp_path / "bbc.parquet")
    summary = _archive(cluster, "check", str(tmp_path / "bbc.parquet"), "--id-column", "id", "--config", str(config),
                       "--out", str(tmp_path / "findings.parquet"))
    proc = run_cli("check", *map(str, sections), "--format", "json", "--no-cache", "--config", str(config))
    assert proc.returncode in (0, 1), proc.stderr
    plain: dict[str, list[dict]] = {}
    for f in json.loads(proc.stdout)["findings"]:
        rel = str(f["path"])[len(str(BBC)) + 1 :]
        plain.setdefault(rel, []).append({k: f[k] for k in FINDING_KEYS} | {"fix": f["fix"]})
    assert summary["rows"] == len(files) and summary["errors"] == 0
    assert _archive_findings(tmp_path / "findings.parquet") == plain

    _archive(cluster, "clean", str(tmp_path / "bbc.parquet"), "--id-column", "id", "--config", str(config),
             "--out", str(tmp_path / "cleaned.parquet"))
    copy = tmp_path / "bbc"  # written afresh: the reference copy is read-only, and fix leaves read-only files alone
    for r in rows:
        (copy / r["id"]).parent.mkdir(parents=True, exist_ok=True)
        (copy / r["id"]).write_text(r["body"], encoding="utf-8")
    proc = run_cli("fix", str(copy), "--no-cache", "--config", str(config))
    assert proc.returncode == 0, proc.stderr
    cleaned = pd.read_parquet(tmp_path / "cleaned.parquet")
    got = dict(zip(cleaned["id"], cleaned["body"], strict=True))
    want = {p.relative_to(copy).as_posix(): p.read_text(encoding="utf-8") for p in sorted(copy.rglob("*.txt"))}
    assert got == want
    assert 0 < int(cleaned["changed"].sum()) == sum(want[r["id"]] != r["body"] for r in rows)


def test_usage_errors_exit_2_with_one_line(cluster, tmp_path):
    _write_parquet([{"id": "a", "text": "Head\n\nHi.\n"}], tmp_path / "a.parquet")

    def run(*args: str):
        res = CliRunner().invoke(app, ["archive", "check", *args, "--scheduler", cluster.scheduler_address])
        return res.exit_code, res.stderr

    code, err = run(str(tmp_path / "a.parquet"), "--out", str(tmp_path / "f.parquet"))
    assert code == 2 and "no column for --text-column 'body'" in err and "id, text" in err
    (tmp_path / "f.parquet").mkdir()
    code, err = run(str(tmp_path / "a.parquet"), "--text-column", "text", "--out", str(tmp_path / "f.parquet"))
    assert code == 2 and "already exists" in err
    code, err = run(str(tmp_path / "nothing.parquet"), "--out", str(tmp_path / "g.parquet"))
    assert code == 2 and "no such file" in err
    code, err = run(str(tmp_path / "a.parquet"), "--text-column", "text", "--select", "spelling.nope", "--out",
                    str(tmp_path / "g.parquet"))
    assert code == 2 and "spelling.nope" in err
    code, _ = run(str(tmp_path / "a.parquet"), "--text-column", "text", "--out", str(tmp_path / "f.parquet"),
                  "--overwrite")
    assert code == 0
