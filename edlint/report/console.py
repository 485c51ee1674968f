"""The terminal UI: each finding with its copy, the exact words underlined, and what to do.

This is the only module (with the other report helpers) that imports rich.
Long article paragraphs are cropped to a window around the span so the view
stays readable at 80 columns.
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Iterable

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from edlint.core.findings import FigureNote, Finding, Severity
from edlint.io.filenames import display_path
from edlint.io.lines import LineTable
from edlint.io.lines import table as line_table

from . import Summary

SEVERITY_STYLE = {
    Severity.ERROR: "bold white on red",
    Severity.WARNING: "bold black on yellow",
    Severity.SUGGESTION: "bold white on blue",
}
UNDERLINE_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow", Severity.SUGGESTION: "bold blue"}


def make_console(color: str = "auto", file=None, width: int | None = None) -> Console:
    kwargs: dict = {"file": file, "highlight": False, "soft_wrap": False}
    if width:
        kwargs["width"] = width
    if color == "always":
        kwargs["force_terminal"] = True
    elif color == "never":
        kwargs["no_color"] = True
        kwargs["color_system"] = None
    return Console(**kwargs)


def _window(line_text: str, a: int, b: int, room: int) -> tuple[str, int, int]:
    """Crop a line to ``room`` characters around columns [a, b); return text and shifted a, b."""
    if len(line_text) <= room:
        return line_text, a, b
    span = max(b - a, 1)
    before = max(0, min(a, (room - min(span, room)) // 3))
    start = a - before
    end = min(len(line_text), start + room)
    start = max(0, end - room)
    text = line_text[start:end]
    if start > 0:
        text = "…" + text[1:]
    if end < len(line_text):
        text = text[:-1] + "…"
    return text, a - start, min(b - start, len(text))


def _frame(f: Finding, lines: LineTable, width: int) -> list[Text]:
    rows: list[Text] = []
    marks: list[tuple[int, int, str, str]] = [(f.start, f.end, "━", UNDERLINE_STYLE[f.severity])]
    marks += [(r.start, r.end, "─", "cyan") for r in f.related]
    lines_to_show: dict[int, list[tuple[int, int, str, str]]] = {}
    for s, e, ch, style in marks:
        first = lines.line_of(s)
        last = lines.line_of(max(s, e - 1))
        show = range(first, last + 1) if last - first < 4 else [first, last]
        for ln in show:
            ls, le = lines.bounds(ln)
            a = max(s, ls) - ls
            b = min(e, le) - ls
            lines_to_show.setdefault(ln, []).append((a, max(b, a + 1), ch, style))
    gutter = max(len(str(ln)) for ln in lines_to_show) + 1
    room = max(20, width - gutter - 4)
    prev = None
    for ln in sorted(lines_to_show):
        if prev is not None and ln > prev + 1:
            rows.append(Text(" " * gutter + " ┆", style="dim"))
        ls, le = lines.bounds(ln)
        line_text = lines.text[ls:le].replace("\t", " ")
        spans = lines_to_show[ln]
        a0 = min(a for a, _, _, _ in spans)
        b0 = max(b for _, b, _, _ in spans)
        shown, sa, sb = _window(line_text, a0, b0, room)
        shift = a0 - sa
        t = Text(f"{ln:>{gutter}} │ ", style="dim")
        t.append(shown)
        rows.append(t)
        under = Text(" " * gutter + " │ ", style="dim")
        buf = [" "] * len(shown)
        styles = [""] * len(shown)
        for a, b, ch, style in spans:
            for i in range(max(0, a - shift), min(len(shown), b - shift)):
                buf[i] = ch
                styles[i] = style
        last = max((i for i, c in enumerate(buf) if c != " "), default=-1)
        for i in range(last + 1):
            under.append(buf[i], style=styles[i] or None)
        rows.append(under)
        prev = ln
    return rows


def render_finding(f: Finding, text: str | None, width: int) -> Group:
    # path:line:col first, as compilers print it: terminals and editors open it on a click.
    where = Text(f"{display_path(f.path)}:{f.line}:{f.column}", style="bold")
    head = Text()
    head.append(f" {f.severity} ", style=SEVERITY_STYLE[f.severity])
    head.append(f"  {f.rule}", style="bold")
    if f.line != f.end_line:
        head.append(f"  (to line {f.end_line})", style="dim")
    if len(where) + 2 + len(head) <= width:
        parts: list = [Text.assemble(where, "  ", head)]
    else:  # a long path keeps its own line, unbroken, so it stays one click
        parts = [where, head]
    if text is not None:
        parts += _frame(f, line_table(text), width)
    notes: list[Text] = [Text(f.message)]
    for msg in dict.fromkeys(r.message for r in f.related if r.message):
        bare = re.sub(r"\s*\(lines? [\d, …]+\)$", "", msg)
        if msg not in f.message and bare not in f.message:  # the message already names it: say it once
            notes.append(Text(msg, style="dim"))
    if f.fix:
        fx = Text()
        fx.append(f"fix ({f.fix.applicability.value})", style="green" if f.fix.safe else "magenta")
        fx.append(": " + (f.fix.description or _describe_edits(f, text)))
        notes.append(fx)
    parts.append(_hanging(notes))
    parts.append(Text(""))
    return Group(*parts)


def _hanging(notes: list[Text]) -> Table:
    """Notes under a finding, each wrapped with a hanging indent after "= "."""
    grid = Table.grid(padding=0)
    grid.add_column(width=8, no_wrap=True)
    grid.add_column(ratio=1)
    for n in notes:
        grid.add_row(Text("      = ", style="dim"), n)
    return grid


def _describe_edits(f: Finding, text: str | None) -> str:
    if not f.fix:
        return ""
    descs = []
    for e in f.fix.edits:
        old = text[e.start : e.end] if text else ""
        if e.replacement == "":
            descs.append(f"delete {old[:40]!r}")
        else:
            descs.append(f"{old!r} → {e.replacement!r}")
    return "; ".join(descs)


def _notes(r) -> list[FigureNote]:
    """What each family says about this file's figures, in its own words: plain figures first, then caveats.

    The family that published a figure describes it (its ``describe_figures``),
    so the report names no family. A family checked in this process is already
    imported; one whose result came from the cache is imported here.
    """
    from importlib import import_module

    from edlint.core.registry import FAMILY_MODULES

    notes: list[FigureNote] = []
    for key, value in (r.figures or {}).items():
        module = FAMILY_MODULES.get(key)
        describe = getattr(import_module(module), "describe_figures", None) if value and module else None
        note = describe(value, r.date) if describe else None
        if note is not None:
            notes.append(note)
    return sorted(notes, key=lambda n: n.caveat)


def render(results: Iterable, summary: Summary, console: Console, show_source: bool = True, verbose: bool = False,
           quiet: bool = False) -> None:
    """Findings file by file, then the table by rule and the summary line.

    A clean file prints nothing (``verbose`` shows its panel and figures too):
    on a folder of fifty articles the report is about the few with findings.
    """
    tallies: Counter = Counter()  # clean files a family counts into one line at the end, not a panel each
    for r in results:
        _render_file(r, console, show_source, verbose, tallies)
    if quiet:
        return
    for line, n in tallies.items():
        console.print(Text(line.format(n=n, s="s" if n != 1 else ""), style="dim"))
    if summary.by_rule:
        console.print(_rule_table(results))
    console.print(summary_line(summary))


def _render_file(r, console: Console, show_source: bool, verbose: bool, tallies: Counter) -> None:
    """One file's part of the report; a clean file only says what its families say must be said."""
    if r.error:
        return  # told on standard error by the command, with the run's other errors
    if r.skipped:
        console.print(Text(f"{display_path(r.path)}: {r.skipped}", style="dim"), soft_wrap=True)
        return
    if not r.findings and not verbose:
        _clean_file(r, _notes(r), console, tallies)
        return
    if not r.findings and not r.figures:
        console.print(Text(f"{display_path(r.path)}: no findings", style="green"))
        return
    _file_panel(r, _notes(r), console, show_source)


def _clean_file(r, notes: list[FigureNote], console: Console, tallies: Counter) -> None:
    """A note a family wants said is printed on one line; one it wants counted goes into the closing tally."""
    for note in notes:
        if note.clean == "say":
            console.print(Text(f"{display_path(r.path)}: {note.text}", style="yellow"), soft_wrap=True)
            return
        if note.clean == "tally":
            tallies[note.tally] += 1
            return


def _file_panel(r, notes: list[FigureNote], console: Console, show_source: bool) -> None:
    """The file's title and date, each finding with its source lines, then a panel of counts and notes."""
    title = Text(display_path(r.path), style="bold underline")
    if r.date:
        title.append(f"  (article date {r.date}, from {r.date_source})", style="dim")
    console.print(title)
    console.print()
    width = console.width
    for f in r.findings:
        console.print(render_finding(f, r.text if show_source else None, width))
    fams = Counter(f.family for f in r.findings)
    body = [" · ".join(f"{k} {v}" for k, v in sorted(fams.items())) or "no findings"]
    body += [n.text for n in notes]
    name = display_path(r.path.rsplit("/", 1)[-1])
    console.print(Panel("\n".join(body), title=name, title_align="left", expand=False))
    console.print()


def _rule_table(results: Iterable) -> Table:
    """Findings by rule and severity: which rules to look at first on a big run."""
    table = Table(title="Findings by rule", show_edge=False, header_style="bold")
    table.add_column("rule")
    table.add_column("error", justify="right")
    table.add_column("warning", justify="right")
    table.add_column("suggestion", justify="right")
    per: dict[str, Counter] = {}
    for r in results:
        for f in r.findings:
            per.setdefault(f.rule, Counter())[str(f.severity)] += 1
    for rule in sorted(per):
        c = per[rule]
        table.add_row(rule, *(str(c.get(k, 0) or "") for k in ("error", "warning", "suggestion")))
    return table


def summary_line(summary: Summary) -> Text:
    sev = summary.by_severity
    t = Text()
    if summary.total == 0:
        t.append(f"No findings in {summary.files} file(s).", style="bold green")
    else:
        detail = ", ".join(f"{sev[k]} {k}{'s' if sev[k] != 1 else ''}"
                           for k in ("error", "warning", "suggestion") if sev.get(k))
        t.append(f"{summary.total} finding(s) ({detail}) in {summary.files} file(s)", style="bold")
        if summary.fixable:
            t.append(f" · {summary.fixable} fixable with `edlint fix`", style="green")
    if summary.errors:
        t.append(f" · {summary.errors} file(s) could not be checked", style="bold red")
    if summary.skipped:
        t.append(f" · {summary.skipped} file(s) skipped (not English)", style="dim")
    return t


def print_summary(summary, color: str) -> None:
    """With ``--output`` the report goes to the file; the terminal still says how it went."""
    make_console(color, file=sys.stderr).print(summary_line(summary))
