"""edlint on Dask: check and clean a dataframe of articles across a cluster.

Needs the ``dask`` extra (``pip install 'edlint[dask]'``). Partitions are
processed with ``map_partitions``; the ``Linter`` travels to the workers as
its settings only, and each worker process keeps one loaded copy per
Linter (found by the Linter's token), so the rules load once per worker, not
once per partition.

A row that cannot be checked (text missing or not a string, a date that is
not a date, a text a rule crashes on) never stops the run: it becomes a row
of the errors frame, with its id and a one-line reason.
"""
from __future__ import annotations

import datetime as _dt
import json
import threading
from typing import Any

import pandas as pd

from edlint.run.linter import FixResult, Linter

# Findings: one row a finding. Ids are strings whatever the id column held, so
# every partition (and every archive) gives the same schema.
FINDING_DTYPES: dict[str, str] = {
    "id": "string",
    "rule": "string",
    "severity": "string",
    "message": "string",
    "line": "Int64",
    "column": "Int64",
    "end_line": "Int64",
    "end_column": "Int64",
    "start": "Int64",
    "end": "Int64",
    "fix": "string",  # the JSON output's fix object, as JSON text; null when there is none
}
ERROR_DTYPES: dict[str, str] = {"id": "string", "error": "string"}
CLEAN_COUNTS: dict[str, str] = {"changed": "boolean", "fixes_applied": "Int64", "findings_remaining": "Int64"}
_ERROR = "error"
READ_ERROR = "_edlint_read_error"  # set by archive readers on rows whose file could not be read

_LOADED: dict[str, Linter] = {}
_LOADED_LOCK = threading.Lock()
_KEEP = 4


def worker_linter(linter: Linter) -> Linter:
    """This process's loaded copy of ``linter`` (the first copy that arrived; it loads its rules once)."""
    with _LOADED_LOCK:
        got = _LOADED.get(linter.token)
        if got is None:
            while len(_LOADED) >= _KEEP:
                _LOADED.pop(next(iter(_LOADED)))
            _LOADED[linter.token] = got = linter
    return got


def parse_date(value: Any) -> _dt.date | None:
    """A row's date: a date, a timestamp or an ISO 8601 string; None when missing. ValueError otherwise."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        s = value.strip()
        if not s:
            return None
        try:
            return _dt.date.fromisoformat(s)
        except ValueError:
            pass
        try:
            return _dt.datetime.fromisoformat(s.replace("Z", "+00:00")).date()
        except ValueError:
            raise ValueError(f"date {value[:40]!r} is not a date (YYYY-MM-DD)") from None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    raise ValueError(f"date is {type(value).__name__}, not a date")


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 300 else text[:297] + "..."


def _row_ids(pdf: pd.DataFrame, id: str | None, partition_info: dict | None) -> list[str]:
    if id is not None:
        return ["" if v is None or (isinstance(v, float) and v != v) else str(v) for v in pdf[id].tolist()]
    part = partition_info["number"] if partition_info else 0
    return [f"{part}:{i}" for i in range(len(pdf))]


def _row_input(text_value: Any, date_value: Any, read_error: Any) -> tuple[str, _dt.date | None]:
    """The text and date of one row, or ValueError saying why the row cannot be checked."""
    if isinstance(read_error, str) and read_error:
        raise ValueError(read_error)
    if not isinstance(text_value, str):
        is_nan = isinstance(text_value, float) and text_value != text_value
        missing = text_value is None or text_value is pd.NA or is_nan
        raise ValueError("text is missing (null)" if missing else f"text is {type(text_value).__name__}, not a string")
    return text_value, parse_date(date_value)


def _rows(pdf: pd.DataFrame, text: str, date: str | None, path: str | None):
    n = len(pdf)
    texts = pdf[text].tolist()
    dates = pdf[date].tolist() if date is not None else [None] * n
    paths = pdf[path].tolist() if path is not None else [None] * n
    errors = pdf[READ_ERROR].tolist() if READ_ERROR in pdf.columns else [None] * n
    return zip(texts, dates, paths, errors, strict=True)


def _fix_json(f) -> str | None:
    return json.dumps(f.fix.to_dict(), ensure_ascii=False) if f.fix else None


def check_partition(
    pdf: pd.DataFrame, text: str, date: str | None, id: str | None, path: str | None,
    kind: str | None, linter: Linter, partition_info: dict | None = None,
) -> pd.DataFrame:
    """Findings and error rows (``error`` set) for one partition."""
    lint = worker_linter(linter)
    ids = _row_ids(pdf, id, partition_info)
    out: list[dict[str, Any]] = []
    for rid, (value, day, name, read_error) in zip(ids, _rows(pdf, text, date, path), strict=True):
        try:
            body, when = _row_input(value, day, read_error)
            findings = lint.check_text(body, path=str(name) if name is not None else rid, date=when, kind=kind)
        except (ValueError, TypeError) as exc:
            out.append({"id": rid, _ERROR: _one_line(exc)})
            continue
        except Exception as exc:  # noqa: BLE001 - one bad row must never stop an archive
            out.append({"id": rid, _ERROR: f"internal error: {type(exc).__name__}: {_one_line(exc)}"})
            continue
        for f in findings:
            out.append({
                "id": rid, "rule": f.rule, "severity": str(f.severity), "message": f.message,
                "line": f.line, "column": f.column, "end_line": f.end_line, "end_column": f.end_column,
                "start": f.start, "end": f.end, "fix": _fix_json(f), _ERROR: None,
            })
    cols = {**FINDING_DTYPES, _ERROR: "string"}
    return pd.DataFrame.from_records(out, columns=list(cols)).astype(cols)


def clean_partition(
    pdf: pd.DataFrame, text: str, date: str | None, id: str | None, path: str | None,
    kind: str | None, linter: Linter, unsafe: bool = False, partition_info: dict | None = None,
) -> pd.DataFrame:
    """The partition with its texts fixed, counts of what changed and what remains, and ``error`` per row."""
    lint = worker_linter(linter)
    ids = _row_ids(pdf, id, partition_info)
    texts: list[Any] = []
    counts: dict[str, list] = {"changed": [], "fixes_applied": [], "findings_remaining": [], _ERROR: []}
    for rid, (value, day, name, read_error) in zip(ids, _rows(pdf, text, date, path), strict=True):
        try:
            body, when = _row_input(value, day, read_error)
            res: FixResult = lint.fix_text(body, path=str(name) if name is not None else rid, date=when, kind=kind,
                                           unsafe=unsafe)
        except Exception as exc:  # noqa: BLE001 - the row keeps its text and is reported
            if isinstance(exc, (ValueError, TypeError)):
                reason = _one_line(exc)
            else:
                reason = f"internal error: {type(exc).__name__}: {_one_line(exc)}"
            texts.append(value)
            counts["changed"].append(False)
            counts["fixes_applied"].append(0)
            counts["findings_remaining"].append(None)
            counts[_ERROR].append(reason)
            continue
        texts.append(res.text)
        counts["changed"].append(res.text != body)
        counts["fixes_applied"].append(res.applied)
        counts["findings_remaining"].append(len(res.remaining))
        counts[_ERROR].append(None)
    out = pdf.drop(columns=[c for c in (READ_ERROR,) if c in pdf.columns]).copy()
    # Always a string column: a value that was not text (reported in errors) becomes null.
    out[text] = pd.Series([t if isinstance(t, str) else None for t in texts], index=pdf.index, dtype="string")
    if id is None:
        out["id"] = pd.Series(ids, index=pdf.index, dtype="string")
    for col, dtype in {**CLEAN_COUNTS, _ERROR: "string"}.items():
        out[col] = pd.Series(counts[col], index=pdf.index, dtype=dtype)
    return out


def _meta_frame(dtypes: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in dtypes.items()})


def _split(combined, keep: list[str], errors: bool):
    ok = combined[combined[_ERROR].isnull()][keep]
    if not errors:
        return ok
    bad = combined[combined[_ERROR].notnull()][["id", _ERROR]]
    return ok, bad


def _check_columns(ddf, **cols: str | None) -> None:
    for role, name in cols.items():
        if name is not None and name not in ddf.columns:
            have = ", ".join(map(str, ddf.columns))
            raise KeyError(f"no {role} column {name!r} in the archive (columns: {have})")


def checked_frame(ddf, text: str = "body", date: str | None = None, id: str | None = None,
                  linter: Linter | None = None, *, path: str | None = None, kind: str | None = "text"):
    """Findings and error rows together (column ``error`` set on errors): one pass for both outputs."""
    _check_columns(ddf, text=text, date=date, id=id, path=path)
    linter = linter or Linter()
    meta = _meta_frame({**FINDING_DTYPES, _ERROR: "string"})
    return ddf.map_partitions(check_partition, text, date, id, path, kind, linter, meta=meta)


def check_frame(ddf, text: str = "body", date: str | None = None, id: str | None = None,
                linter: Linter | None = None, *, path: str | None = None, kind: str | None = "text",
                errors: bool = False):
    """A Dask DataFrame of findings, one row a finding (columns in ``FINDING_DTYPES``).

    ``text``, ``date``, ``id`` and ``path`` name columns of ``ddf``; without
    ``id`` a row is named "PARTITION:ROW". ``path`` (optional) names each text
    for configuration overrides and, with ``kind=None``, decides Markdown or
    text by its suffix. With ``errors=True`` returns ``(findings, errors)``,
    both from the same pass over the data.
    """
    combined = checked_frame(ddf, text, date, id, linter, path=path, kind=kind)
    return _split(combined, list(FINDING_DTYPES), errors)


def cleaned_frame(ddf, text: str = "body", date: str | None = None, id: str | None = None,
                  linter: Linter | None = None, *, path: str | None = None, kind: str | None = "text",
                  unsafe: bool = False):
    """Every row with fixed text, the counts, and ``error`` (null unless the row could not be cleaned)."""
    _check_columns(ddf, text=text, date=date, id=id, path=path)
    linter = linter or Linter()
    meta = ddf._meta.drop(columns=[c for c in (READ_ERROR,) if c in ddf.columns]).copy()
    meta[text] = pd.Series(dtype="string")
    if id is None:
        meta["id"] = pd.Series(dtype="string")
    for col, dtype in {**CLEAN_COUNTS, _ERROR: "string"}.items():
        meta[col] = pd.Series(dtype=dtype)
    return ddf.map_partitions(clean_partition, text, date, id, path, kind, linter, unsafe, meta=meta)


def clean_frame(ddf, text: str = "body", date: str | None = None, id: str | None = None,
                linter: Linter | None = None, *, path: str | None = None, kind: str | None = "text",
                unsafe: bool = False, errors: bool = False):
    """Every row of ``ddf`` with safe fixes applied to its text (all fixes with ``unsafe``).

    Adds ``changed``, ``fixes_applied`` and ``findings_remaining``. A row that
    cannot be cleaned keeps its text as it was (counts 0 and null; a value
    that is not a string becomes null, the text column being strings); with
    ``errors=True`` returns ``(cleaned, errors)`` where errors has the id and reason.
    """
    combined = cleaned_frame(ddf, text, date, id, linter, path=path, kind=kind, unsafe=unsafe)
    keep = [c for c in combined.columns if c != _ERROR]
    if not errors:
        return combined[keep]
    bad = combined[combined[_ERROR].notnull()]
    return combined[keep], bad.map_partitions(_error_rows, id or "id", meta=_meta_frame(ERROR_DTYPES))


def _error_rows(pdf: pd.DataFrame, id: str) -> pd.DataFrame:
    ids = ["" if v is None or v is pd.NA else str(v) for v in pdf[id].tolist()]
    return pd.DataFrame({"id": ids, _ERROR: pdf[_ERROR].tolist()}, columns=list(ERROR_DTYPES)).astype(ERROR_DTYPES)


# ---------------------------------------------------------------- archives
ROWS_PER_PARTITION = 1000  # a few megabytes of text: fine-grained enough to balance workers and show progress
FILES_PER_PARTITION = 200
JSON_SUFFIXES = (".jsonl", ".ndjson", ".json", ".jsonl.gz", ".ndjson.gz")


class ArchiveError(Exception):
    """The archive cannot be read as a whole (not found, unknown format, a column missing): one line."""


def archive_kind(path: str) -> str:
    """'parquet', 'jsonl' or 'folder' (a folder of article files), from the path alone."""
    from pathlib import Path

    p = Path(path)
    low = p.name.lower()
    if low.endswith(".parquet") or low.endswith(".pq"):
        return "parquet"
    if low.endswith(JSON_SUFFIXES):
        return "jsonl"
    if p.is_dir():
        if any(p.glob("*.parquet")):
            return "parquet"
        if any(p.glob("*.jsonl")) or any(p.glob("*.ndjson")):
            return "jsonl"
        return "folder"
    if not p.exists():
        raise ArchiveError(f"{path}: no such file or directory")
    raise ArchiveError(f"{path}: not an archive edlint reads (Parquet, JSON Lines, or a folder of articles)")


def _read_files(chunk: list[tuple[str, str]], text: str) -> pd.DataFrame:
    """One partition of a folder archive: each file a row; a file that cannot be read keeps its reason."""
    from pathlib import Path

    from edlint.io.articles import read_source
    from edlint.io.errors import InputError

    rows = []
    for rel, full in chunk:
        try:
            rows.append((rel, full, read_source(Path(full), rel).text, None))
        except InputError as exc:
            rows.append((rel, full, None, str(exc)))
    dtypes = {"id": "string", "path": "string", text: "string", READ_ERROR: "string"}
    return pd.DataFrame.from_records(rows, columns=list(dtypes)).astype(dtypes)


def read_archive(path: str, text: str = "body", min_partitions: int = 1) -> tuple[Any, dict[str, str | None]]:
    """A Dask DataFrame of the archive, and the column roles it brings (folder archives name id and path).

    Parquet and JSON Lines are read by the workers in partitions of about
    ``ROWS_PER_PARTITION`` rows; a folder becomes one row per article file
    (``id`` its path inside the folder), read by the workers too. Small
    archives are split into at least ``min_partitions`` pieces so every worker has work.
    """
    import math
    from pathlib import Path

    import dask.dataframe as dd

    kind = archive_kind(path)
    if kind == "folder":
        from edlint.io.discovery import walk_articles

        root = Path(path)
        files = walk_articles(root)
        if not files:
            raise ArchiveError(f"{path}: no articles (.md, .markdown, .txt) in this folder")
        pairs = [(f.relative_to(root).as_posix(), str(f)) for f in files]
        size = max(1, min(FILES_PER_PARTITION, math.ceil(len(pairs) / min_partitions)))
        chunks = [pairs[i : i + size] for i in range(0, len(pairs), size)]
        meta = _read_files([], text)
        ddf = dd.from_map(_read_files, chunks, text=text, meta=meta, enforce_metadata=False)
        return ddf, {"id": "id", "path": "path"}
    try:
        if kind == "parquet":
            import pyarrow.parquet as pq

            ddf = dd.read_parquet(path, split_row_groups="infer")
            try:
                rows = pq.ParquetDataset(path).files
                total = sum(pq.ParquetFile(f).metadata.num_rows for f in rows)
            except Exception:  # noqa: BLE001 - only a hint for partition sizes
                total = 0
        else:
            import dask

            # Keep values as they are: a number where the text should be is a bad row, not the text "42".
            with dask.config.set({"dataframe.convert-string": False}):
                ddf = dd.read_json(path, lines=True, blocksize=2**24, dtype=False)
            total = 0
    except FileNotFoundError:
        raise ArchiveError(f"{path}: no such file or directory") from None
    except (OSError, ValueError) as exc:
        raise ArchiveError(f"{path}: cannot read as {kind}: {_one_line(exc)}") from None
    want = max(math.ceil(total / ROWS_PER_PARTITION), min(min_partitions, total)) if total else 0
    if want > ddf.npartitions:
        ddf = ddf.repartition(npartitions=want)
    return ddf, {}
