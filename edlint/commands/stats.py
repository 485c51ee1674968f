"""``edlint stats``: readability figures for many articles, as a table with totals."""
from __future__ import annotations

import sys

from edlint.run.runner import Runner, RunOptions


def _fit(path: str, room: int) -> str:
    """A path on one line: its end (the file name) kept, its start cut with "…" when too long."""
    return path if len(path) <= room else "…" + path[-(room - 1):]


def run_stats(paths, config, as_json: bool) -> int:
    if not paths:
        sys.stderr.write("edlint: nothing to measure: give files or folders\n")
        return 2
    # adcopy runs too, so furniture stays out of the figures; the grade rule computes Flesch.
    options = RunOptions(config_path=str(config) if config else None, select=["adcopy", "readability.grade"],
                         keep_text=False)
    results, errors = Runner(options).lint_paths(paths)
    rows = [(r.path, r.figures["readability"]) for r in results if not r.error and (r.figures or {}).get("readability")]
    for e in errors + [r.error for r in results if r.error]:
        sys.stderr.write(f"edlint: {e}\n")
    total = _totals(rows)
    if as_json:
        import json

        sys.stdout.write(json.dumps({"files": [{"path": p, **f} for p, f in rows], "total": total}, indent=2) + "\n")
    else:
        _print_table(rows, total)
    return 2 if (errors or any(r.error for r in results)) else 0


def _weighted(rows: list, key: str, words: int) -> float:
    """A figure averaged over the articles, each counting by its words (a brief does not weigh like a feature)."""
    return round(sum(f.get(key, 0) * f["words"] for _, f in rows) / words, 1) if words else 0.0


def _totals(rows: list) -> dict:
    words = sum(f["words"] for _, f in rows)
    sents = sum(f["sentences"] for _, f in rows)
    return {
        "articles": len(rows),
        "words": words,
        "sentences": sents,
        "avg_sentence_words": round(words / sents, 1) if sents else 0.0,
        "flesch_reading_ease": _weighted(rows, "flesch_reading_ease", words),
        "flesch_kincaid_grade": _weighted(rows, "flesch_kincaid_grade", words),
        "longest_sentence_words": max((f["longest_sentence_words"] for _, f in rows), default=0),
    }


# Column heading, figure, format: the figures take ~55 columns of the table.
_COLUMNS = (
    ("words", "words", "{}"), ("sentences", "sentences", "{}"), ("avg", "avg_sentence_words", "{:.1f}"),
    ("max", "longest_sentence_words", "{}"), ("Flesch", "flesch_reading_ease", "{:.0f}"),
    ("grade", "flesch_kincaid_grade", "{:.1f}"),
)


def _print_table(rows: list, total: dict) -> None:
    from rich.table import Table

    from ..report import relative_path
    from ..report.console import make_console

    console = make_console()
    n = total["articles"]
    t = Table(show_edge=False, header_style="bold", show_footer=True)
    # the path gets what the figures leave, on one line, its start cut if it must be
    room = max(16, console.width - 55)
    t.add_column("article", footer=f"{n} article{'' if n == 1 else 's'}", no_wrap=True, max_width=room)
    for name, key, fmt in _COLUMNS:
        t.add_column(name, justify="right", footer=fmt.format(total[key]), no_wrap=True)
    for p, f in rows:
        t.add_row(_fit(relative_path(p), room), str(f["words"]), str(f["sentences"]), f"{f['avg_sentence_words']:.1f}",
                  str(f["longest_sentence_words"]), f"{f.get('flesch_reading_ease', 0):.0f}",
                  f"{f.get('flesch_kincaid_grade', 0):.1f}")
    console.print(t)
    key = "avg, max: words per sentence, mean and longest"
    console.print(key + ("; totals are word-weighted." if n > 1 else "."), style="dim")
