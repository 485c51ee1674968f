"""``edlint archive check|clean``: an archive (Parquet, JSON Lines, a folder) checked on a Dask cluster.

The client only plans and counts: workers read their partitions, check or
clean them with one Linter per worker, and write their own part of the
output (a Parquet dataset folder, one file per partition). What comes back
to the client is a few counts per partition and the bad rows' reasons, so
its memory does not grow with the archive. Without ``--scheduler`` a
``LocalCluster`` sized to the machine is started and stopped here.

Exit codes: 0 the run went through (findings and bad rows are data in the
outputs), 2 it could not run (no dask, bad configuration, unreadable
archive, a missing column, no scheduler at that address).
"""
from __future__ import annotations

import shutil
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import typer
from edlint.records import Record


def _err(message: str) -> None:
    sys.stderr.write(f"edlint: {message}\n")


class ArchiveSummary(Record):
    _fields = (
        "command", "archive", "out", "errors_out", "rows", "rows_with_findings", "findings", "by_rule",
        "by_severity", "changed", "fixes_applied", "findings_remaining", "errors", "partitions", "workers",
        "seconds", "startup_seconds",
    )

    def __init__(
        self,
        command: str,
        archive: str,
        out: str,
        errors_out: str,
        rows: int = 0,
        rows_with_findings: int = 0,
        findings: int = 0,
        by_rule: Counter | None = None,
        by_severity: Counter | None = None,
        changed: int = 0,
        fixes_applied: int = 0,
        findings_remaining: int = 0,
        errors: list[tuple[str, str]] | None = None,
        partitions: int = 0,
        workers: int = 0,
        seconds: float = 0.0,
        startup_seconds: float = 0.0,
    ) -> None:
        self.command = command
        self.archive = archive
        self.out = out
        self.errors_out = errors_out
        self.rows = rows
        self.rows_with_findings = rows_with_findings
        self.findings = findings
        self.by_rule = Counter() if by_rule is None else by_rule
        self.by_severity = Counter() if by_severity is None else by_severity
        self.changed = changed
        self.fixes_applied = fixes_applied
        self.findings_remaining = findings_remaining
        self.errors = [] if errors is None else errors
        self.partitions = partitions
        self.workers = workers
        self.seconds = seconds
        self.startup_seconds = startup_seconds

    def add(self, part: dict[str, Any]) -> None:
        self.rows += part["rows"]
        self.rows_with_findings += part.get("rows_with_findings", 0)
        self.findings += part.get("findings", 0)
        self.by_rule.update(part.get("by_rule", {}))
        self.by_severity.update(part.get("by_severity", {}))
        self.changed += part.get("changed", 0)
        self.fixes_applied += part.get("fixes_applied", 0)
        self.findings_remaining += part.get("findings_remaining", 0)
        self.errors.extend(part["errors"])

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "version": 1,
            "command": self.command,
            "archive": self.archive,
            "out": self.out,
            "errors_out": self.errors_out,
            "rows": self.rows,
            "errors": len(self.errors),
            "partitions": self.partitions,
            "workers": self.workers,
            "seconds": round(self.seconds, 3),
            "startup_seconds": round(self.startup_seconds, 3),
            "rows_per_second": round(self.rows / self.seconds, 1) if self.seconds else None,
            "client_peak_rss_mb": _peak_rss_mb(),
        }
        if self.command == "check":
            out.update(rows_with_findings=self.rows_with_findings, findings=self.findings,
                       by_rule=dict(sorted(self.by_rule.items())), by_severity=dict(sorted(self.by_severity.items())))
        else:
            out.update(changed=self.changed, fixes_applied=self.fixes_applied,
                       findings_remaining=self.findings_remaining)
        return out


def _peak_rss_mb() -> float | None:
    """This process's peak resident memory (the client, and the scheduler when it runs here)."""
    try:
        import resource
    except ImportError:
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


# ---------------------------------------------------------------- worker side
def _write_table(df, target) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pandas(df, preserve_index=False), target if hasattr(target, "write") else str(target))


def _check_part(pdf, number: int, out_dir: str, roles: dict, linter) -> dict[str, Any]:
    from edlint.run.dask import FINDING_DTYPES, check_partition

    got = check_partition(pdf, roles["text"], roles["date"], roles["id"], roles["path"], roles["kind"], linter,
                          partition_info={"number": number})
    bad = got[got["error"].notna()]
    found = got[got["error"].isna()][list(FINDING_DTYPES)]
    _write_table(found, Path(out_dir) / f"part.{number:05d}.parquet")
    return {
        "rows": len(pdf),
        "rows_with_findings": int(found["id"].nunique()),
        "findings": len(found),
        "by_rule": found["rule"].value_counts().to_dict(),
        "by_severity": found["severity"].value_counts().to_dict(),
        "errors": list(zip(bad["id"].tolist(), bad["error"].tolist(), strict=True)),
    }


def _clean_part(pdf, number: int, out_dir: str, roles: dict, linter, unsafe: bool) -> dict[str, Any]:
    from edlint.run.dask import clean_partition

    got = clean_partition(pdf, roles["text"], roles["date"], roles["id"], roles["path"], roles["kind"], linter,
                          unsafe, partition_info={"number": number})
    bad = got[got["error"].notna()]
    id_col = roles["id"] or "id"
    _write_table(got.drop(columns=["error"]), Path(out_dir) / f"part.{number:05d}.parquet")
    return {
        "rows": len(pdf),
        "changed": int(got["changed"].sum()),
        "fixes_applied": int(got["fixes_applied"].sum()),
        "findings_remaining": int(got["findings_remaining"].sum()),
        "errors": [(str(i), e) for i, e in zip(bad[id_col].tolist(), bad["error"].tolist(), strict=True)],
    }


# ---------------------------------------------------------------- client side
def _client(scheduler: str | None, workers: int | None):
    """A Client on the cluster at ``scheduler``, or on a new LocalCluster (returned too, to close)."""
    import logging

    from distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler, timeout="20s"), None
    from edlint.run.workers import default_jobs

    cluster = LocalCluster(
        n_workers=workers or default_jobs(), threads_per_worker=1, processes=True,
        host="127.0.0.1", dashboard_address=None, silence_logs=logging.ERROR,
    )
    return Client(cluster), cluster


def _prepare_out(out: Path, overwrite: bool) -> str | None:
    if out.exists():
        if not overwrite:
            return f"{out}: already exists; remove it or pass --overwrite"
        if out.is_dir():
            shutil.rmtree(out)
        else:
            out.unlink()
    try:
        out.mkdir(parents=True)
    except OSError as exc:
        return f"{out}: cannot create: {exc.strerror or exc}"
    return None


def default_errors_out(out: Path) -> Path:
    name = out.name[: -len(".parquet")] if out.name.endswith(".parquet") else out.name
    return out.with_name(f"{name}.errors.parquet")


class _Stop(Exception):
    """Why the archive command stops before (or instead of) running: one line, exit code 2."""


class _Columns(Record):
    """Which columns hold what (``--text-column`` and friends), and the kind of text."""

    _fields = ("text", "date", "id", "kind")

    def __init__(self, text: str, date: str | None, id: str | None, kind: str | None) -> None:
        self.text = text
        self.date = date
        self.id = id
        self.kind = kind

    def roles(self, ddf, archive: str, given: dict) -> dict:
        """Each role's column in ``ddf`` (a folder archive names ids and paths itself); every named one must exist."""
        roles = {"text": self.text, "date": self.date, "id": given.get("id", self.id),
                 "path": given.get("path"), "kind": None if given.get("path") else self.kind}
        missing = [f"--{flag}-column {roles[r]!r}" for r, flag in (("text", "text"), ("date", "date"), ("id", "id"))
                   if roles[r] is not None and roles[r] not in ddf.columns]
        if missing:
            raise _Stop(f"{archive}: no column for {', '.join(missing)} (columns: {', '.join(map(str, ddf.columns))})")
        return roles


def run_archive(
    command: str,
    archive: str,
    *,
    out: Path,
    errors_out: Path | None = None,
    text_column: str = "body",
    date_column: str | None = None,
    id_column: str | None = None,
    kind: str | None = "text",
    scheduler: str | None = None,
    workers: int | None = None,
    fmt: str = "rich",
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    config: Path | None = None,
    unsafe: bool = False,
    overwrite: bool = False,
    color: str = "auto",
) -> int:
    errors_out = errors_out or default_errors_out(out)
    summary = ArchiveSummary(command, str(archive), str(out), str(errors_out))
    try:
        _need_dask()
        linter = _archive_linter(config, select, ignore)
        started = time.perf_counter()
        _on_cluster(scheduler, workers, archive, _Columns(text_column, date_column, id_column, kind), summary,
                    started, run=lambda client, ddf, roles: _prepare_and_run(
                        client, ddf, command, roles, linter, unsafe, out, errors_out, overwrite, summary))
    except _Stop as exc:
        _err(str(exc))
        return 2
    summary.seconds = time.perf_counter() - started
    _write_errors(summary.errors, errors_out)
    from ..report.archive import render_summary

    render_summary(summary, fmt, color)
    return 0


def _need_dask() -> None:
    try:
        import dask  # noqa: F401
        import distributed  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError as exc:
        raise _Stop(f"archive needs the dask extra ({exc.name} is not installed): pip install 'edlint[dask]'") from None


def _archive_linter(config: Path | None, select, ignore):
    """The one Linter every partition is checked with; a broken config or an unknown id stops here."""
    from edlint.io.config import find_config
    from edlint.io.errors import InputError
    from edlint.run.linter import Linter

    if config is not None and not Path(config).is_file():
        raise _Stop(f"{config}: config file not found")
    try:
        linter = Linter(config or find_config(Path.cwd()), select=select, ignore=ignore)
        linter.ruleset_for(None)  # unknown ids fail here
    except (InputError, ValueError) as exc:
        raise _Stop(str(exc)) from None
    return linter


def _on_cluster(scheduler, workers, archive: str, columns: _Columns, summary: ArchiveSummary, started: float,
                run) -> None:
    """Reach the cluster, read the archive's layout, ``run(client, ddf, roles)``; the cluster is always closed."""
    from edlint.run.dask import ArchiveError, read_archive

    try:
        client, cluster = _client(scheduler, workers)
    except (OSError, TimeoutError, ValueError) as exc:
        raise _Stop(f"cannot reach a Dask scheduler{' at ' + scheduler if scheduler else ''}: {exc}") from None
    try:
        summary.workers = len(client.scheduler_info().get("workers", {}))
        summary.startup_seconds = time.perf_counter() - started
        try:
            ddf, roles_given = read_archive(archive, columns.text, min_partitions=4 * max(1, summary.workers))
        except ArchiveError as exc:
            raise _Stop(str(exc)) from None
        run(client, ddf, columns.roles(ddf, archive, roles_given))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _prepare_and_run(client, ddf, command: str, roles: dict, linter, unsafe: bool, out: Path, errors_out: Path,
                     overwrite: bool, summary: ArchiveSummary) -> None:
    """Make room for the outputs (never replacing one without ``--overwrite``), then check or clean."""
    problem = _prepare_out(out, overwrite)
    if not problem and errors_out.exists() and not overwrite:
        problem = f"{errors_out}: already exists; remove it or pass --overwrite"
    if problem:
        raise _Stop(problem)
    _run(client, ddf, command, roles, linter, unsafe, str(out), summary)


def _run(client, ddf, command: str, roles: dict, linter, unsafe: bool, out_dir: str, summary: ArchiveSummary) -> None:
    from dask import delayed
    from distributed import as_completed

    from ..report.progress import ProgressBar

    parts = ddf.to_delayed()
    summary.partitions = len(parts)
    if command == "check":
        tasks = [delayed(_check_part)(p, i, out_dir, roles, linter) for i, p in enumerate(parts)]
    else:
        tasks = [delayed(_clean_part)(p, i, out_dir, roles, linter, unsafe) for i, p in enumerate(parts)]
    futures = client.compute(tasks)
    number = {f.key: i for i, f in enumerate(futures)}
    with ProgressBar(min_files=1) as bar:
        advance = bar.start(len(futures))
        for fut in as_completed(futures):
            try:
                summary.add(fut.result())
            except Exception as exc:  # noqa: BLE001 - a partition that fails is reported, the rest goes on
                reason = " ".join(str(exc).split())[:300] or type(exc).__name__
                failed = f"partition failed: {type(exc).__name__}: {reason}"
                summary.errors.append((f"partition {number[fut.key]}", failed))
            if advance:
                advance(1)
            fut.release()


def _write_errors(errors: list[tuple[str, str]], target: Path) -> None:
    import pandas as pd

    from edlint.io.atomic import replacing
    from edlint.run.dask import ERROR_DTYPES

    frame = pd.DataFrame.from_records(sorted(errors), columns=list(ERROR_DTYPES)).astype(ERROR_DTYPES)
    with replacing(target) as fh:
        _write_table(frame, fh)


# ---------------------------------------------------------------- command line
app = typer.Typer(
    no_args_is_help=True,
    help="Check or clean an archive (Parquet, JSON Lines, or a folder of articles) on a Dask cluster; "
         "needs edlint[dask].",
)

ARCHIVE = typer.Argument(..., help="A Parquet file or dataset folder, a JSON Lines file, or a folder of article files.")
TEXT = typer.Option("body", "--text-column", help="Column holding the article text.")
DATE = typer.Option(None, "--date-column", help="Column holding each article's date (ISO 8601 or a timestamp).")
ID = typer.Option(None, "--id-column", help="Column naming each article in the outputs (default: PARTITION:ROW).")
KIND = typer.Option("text", "--kind",
                    help="The texts are 'text' or 'markdown' (a folder archive goes by each file's suffix).")
SCHEDULER = typer.Option(None, "--scheduler",
                         help="Address of a running Dask scheduler (default: start a local cluster).")
WORKERS = typer.Option(None, "--workers", min=1, help="Workers of the local cluster (default: one per core).")
ERRORS = typer.Option(None, "--errors", help="Where bad rows go (id, reason; default: OUT with .errors.parquet).")
FORMAT = typer.Option("rich", "--format", "-f", help="Summary as a table ('rich') or 'json'.")
CONFIG = typer.Option(None, "--config", help="Use this edlint.toml (default: the one found from the current folder).")
SELECT = typer.Option(None, "--select", help="Only these rules or families (comma-separated, repeatable).")
IGNORE = typer.Option(None, "--ignore", help="Skip these rules or families.")
OVERWRITE = typer.Option(False, "--overwrite", help="Replace OUT (and the errors file) if they exist.")


def _split(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    return [p.strip() for v in values for p in v.split(",") if p.strip()]


def _common(fmt: str, kind: str) -> None:
    if fmt not in ("rich", "json"):
        raise typer.BadParameter(f"{fmt!r}: expected rich or json", param_hint="--format")
    if kind not in ("text", "markdown"):
        raise typer.BadParameter(f"{kind!r}: expected text or markdown", param_hint="--kind")


@app.command("check")
def archive_check(
    archive: str = ARCHIVE,
    out: Path = typer.Option(..., "--out", "-o", help="Findings as a Parquet dataset folder (one row a finding)."),
    text_column: str = TEXT, date_column: str | None = DATE, id_column: str | None = ID, kind: str = KIND,
    scheduler: str | None = SCHEDULER, workers: int | None = WORKERS, errors: Path | None = ERRORS,
    format: str = FORMAT, config: Path | None = CONFIG, select: list[str] | None = SELECT,
    ignore: list[str] | None = IGNORE, overwrite: bool = OVERWRITE,
) -> None:
    """Check every article of an archive; write the findings (id, rule, severity, line, column, start, end, message, fix)."""  # noqa: E501 - the help text, one line
    _common(format, kind)
    raise typer.Exit(run_archive(
        "check", archive, out=out, errors_out=errors, text_column=text_column, date_column=date_column,
        id_column=id_column, kind=kind, scheduler=scheduler, workers=workers, fmt=format,
        select=_split(select), ignore=_split(ignore), config=config, overwrite=overwrite,
    ))


@app.command("clean")
def archive_clean(
    archive: str = ARCHIVE,
    out: Path = typer.Option(..., "--out", "-o", help="The archive with fixed texts, as a Parquet dataset folder."),
    text_column: str = TEXT, date_column: str | None = DATE, id_column: str | None = ID, kind: str = KIND,
    scheduler: str | None = SCHEDULER, workers: int | None = WORKERS, errors: Path | None = ERRORS,
    format: str = FORMAT, config: Path | None = CONFIG, select: list[str] | None = SELECT,
    ignore: list[str] | None = IGNORE, overwrite: bool = OVERWRITE,
    unsafe_fixes: bool = typer.Option(False, "--unsafe-fixes", help="Also apply fixes an editor should confirm."),
) -> None:
    """Apply safe fixes to every article; write the archive with fixed texts and per-row counts."""
    _common(format, kind)
    raise typer.Exit(run_archive(
        "clean", archive, out=out, errors_out=errors, text_column=text_column, date_column=date_column,
        id_column=id_column, kind=kind, scheduler=scheduler, workers=workers, fmt=format,
        select=_split(select), ignore=_split(ignore), config=config, unsafe=unsafe_fixes, overwrite=overwrite,
    ))
