"""Throughput of ``edlint archive check`` on 1 and 2 Dask workers against the plain ``edlint check``.

Usage: python bench/archive_dask.py [--rows 100000] [--corpus DIR] [--work DIR] [--json]

Two archives hold the same texts: the BBC corpus (../shared/data/corpus/bbc,
2,225 articles) and, with ``--rows N``, N rows made by repeating those
articles, each copy ending in a line with its own id (so no two texts are
the same). Each archive is a Parquet file (row groups of 1,000 rows) for
``edlint archive check`` and a folder of .txt files for the plain
``edlint check`` (no cache; ``-j 1`` and every core). Every run is a fresh
process, as a user would start it; the archive runs start their own
LocalCluster (``--workers 1`` and ``--workers 2``) and report their client's
peak memory (the scheduler runs in the same process). Findings are counted
both ways and must agree.

Figures: wall seconds (process start to exit), articles per second, and for
the archive runs the seconds spent on the partitions (cluster start-up
excluded) and the client's peak resident memory. Exits 1 if the client's
peak memory reaches ``--max-client-mb`` (300 by default).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT = (REPO / ".." / "shared" / "data" / "corpus" / "bbc").resolve()


def corpus_texts(root: Path) -> list[tuple[str, str]]:
    sections = sorted(p for p in root.iterdir() if p.is_dir())
    return [(p.relative_to(root).as_posix(), p.read_text(encoding="utf-8"))
            for s in sections for p in sorted(s.rglob("*.txt"))]


def build(texts: list[tuple[str, str]], rows: int, where: Path) -> tuple[Path, Path]:
    """The Parquet archive and the folder of files, both with ``rows`` texts."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    where.mkdir(parents=True, exist_ok=True)
    folder = where / "files"
    parquet = where / "archive.parquet"
    writer = None
    batch: dict[str, list] = {"id": [], "body": []}
    for n in range(rows):
        name, text = texts[n % len(texts)]
        if rows > len(texts):
            rid = f"{n:07d}-{name.replace('/', '-')}"
            text = f"{text.rstrip()}\n\nArchive id {n:07d}\n"
        else:
            rid = name
        target = folder / f"{n // 5000:03d}" / rid.replace("/", "-")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        batch["id"].append(rid)
        batch["body"].append(text)
        if len(batch["id"]) == 1000 or n == rows - 1:
            table = pa.table(batch)
            writer = writer or pq.ParquetWriter(str(parquet), table.schema)
            writer.write_table(table, row_group_size=1000)
            batch = {"id": [], "body": []}
    if writer:
        writer.close()
    return parquet, folder


def timed(args: list[str]) -> tuple[float, subprocess.CompletedProcess]:
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "EDLINT_CACHE_DIR")}
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "edlint", *args], capture_output=True, text=True, env=env,
                          cwd=str(REPO))
    return time.perf_counter() - t, proc


def plain(folder: Path, jobs: int | None, rows: int, report: Path) -> dict:
    extra = ["--jobs", str(jobs)] if jobs else []
    wall, proc = timed(["check", str(folder), "--no-cache", "--format", "json", "--output", str(report), *extra])
    if proc.returncode not in (0, 1):
        sys.exit(f"edlint check failed ({proc.returncode}): {proc.stderr[-2000:]}")
    findings = len(json.loads(report.read_text(encoding="utf-8"))["findings"])
    return {"run": f"edlint check -j {jobs or 'all'}", "rows": rows, "wall_s": round(wall, 2),
            "rows_per_s": round(rows / wall, 1), "findings": findings}


def archive(parquet: Path, workers: int, rows: int, out: Path) -> dict:
    wall, proc = timed(["archive", "check", str(parquet), "--id-column", "id", "--workers", str(workers),
                        "--out", str(out), "--overwrite", "--format", "json"])
    if proc.returncode != 0:
        sys.exit(f"edlint archive check failed ({proc.returncode}): {proc.stderr[-2000:]}")
    s = json.loads(proc.stdout)
    work = s["seconds"] - s["startup_seconds"]
    return {"run": f"edlint archive check --workers {workers}", "rows": rows, "wall_s": round(wall, 2),
            "rows_per_s": round(rows / wall, 1), "partitions_s": round(work, 2),
            "partition_rows_per_s": round(rows / work, 1),
            "cpu_ms_per_article": round(1000 * work * workers / rows, 2), "startup_s": s["startup_seconds"],
            "client_peak_mb": s["client_peak_rss_mb"], "findings": s["findings"], "errors": s["errors"]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--rows", type=int, default=100_000, help="rows of the big archive (0: only the corpus)")
    ap.add_argument("--work", type=Path, default=None, help="folder for the archives (default: a temporary one)")
    ap.add_argument("--max-client-mb", type=float, default=300.0)
    ap.add_argument("--skip-plain-j1-big", action="store_true", help="no one-core plain run on the big archive")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"corpus not found: {args.corpus}")
    texts = corpus_texts(args.corpus)
    work = args.work or Path(tempfile.mkdtemp(prefix="edlint-archive-bench-"))
    results = []
    try:
        for rows in [len(texts)] + ([args.rows] if args.rows else []):
            where = work / f"rows-{rows}"
            t = time.perf_counter()
            parquet, folder = build(texts, rows, where)
            print(f"# {rows} rows built in {time.perf_counter() - t:.1f} s", file=sys.stderr, flush=True)
            runs = [archive(parquet, 1, rows, where / "f1.parquet"), archive(parquet, 2, rows, where / "f2.parquet")]
            if rows == len(texts) or not args.skip_plain_j1_big:
                runs.append(plain(folder, 1, rows, where / "plain1.json"))
            runs.append(plain(folder, None, rows, where / "plain.json"))
            for r in runs:
                print(json.dumps(r), file=sys.stderr, flush=True)
            counts = {r["findings"] for r in runs}
            if len(counts) != 1:
                sys.exit(f"findings differ between runs at {rows} rows: {[(r['run'], r['findings']) for r in runs]}")
            one, two = runs[0], runs[1]
            results.append({"rows": rows, "runs": runs,
                            "speedup_1_to_2_workers": round(one["partitions_s"] / two["partitions_s"], 2),
                            "speedup_1_to_2_wall": round(one["wall_s"] / two["wall_s"], 2)})
            shutil.rmtree(folder, ignore_errors=True)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps({"cores": os.cpu_count(), "results": results}, indent=2))
    else:
        for res in results:
            print(f"\n{res['rows']:,} articles (1→2 workers: ×{res['speedup_1_to_2_workers']} on the partitions, "
                  f"×{res['speedup_1_to_2_wall']} wall)")
            for r in res["runs"]:
                extra = (f"  partitions {r['partitions_s']:.1f} s, {r['cpu_ms_per_article']} ms/article/worker, "
                         f"client peak {r['client_peak_mb']} MB") if "partitions_s" in r else ""
                print(f"  {r['run']:<34} {r['wall_s']:8.1f} s {r['rows_per_s']:9.1f} articles/s{extra}")
    peak = max((r.get("client_peak_mb") or 0) for res in results for r in res["runs"])
    if peak >= args.max_client_mb:
        print(f"client peak memory {peak} MB reaches the {args.max_client_mb} MB limit", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
