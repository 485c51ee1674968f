"""The end-of-run summary of ``edlint archive``: a table of findings per rule, or JSON."""
from __future__ import annotations

import json
import sys


def render_summary(summary, fmt: str, color: str = "auto") -> None:
    """JSON on standard output with ``fmt == "json"``; otherwise a table on standard error."""
    data = summary.to_dict()
    if fmt == "json":
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    from rich.table import Table

    from .console import make_console

    console = make_console(color, file=sys.stdout)
    rate = f", {data['rows_per_second']:,.0f} rows/s" if data.get("rows_per_second") else ""
    head = (f"{data['rows']:,} row(s) in {data['partitions']} partition(s) on {data['workers']} worker(s), "
            f"{data['seconds']:.1f} s{rate}")
    if summary.command == "check":
        table = Table(title=None, show_edge=False)
        table.add_column("rule")
        table.add_column("findings", justify="right")
        for rule, n in sorted(data["by_rule"].items(), key=lambda kv: (-kv[1], kv[0])):
            table.add_row(rule, f"{n:,}")
        if data["by_rule"]:
            console.print(table)
        console.print(f"{data['findings']:,} finding(s) in {data['rows_with_findings']:,} of {head}")
    else:
        console.print(f"{data['changed']:,} text(s) changed ({data['fixes_applied']:,} fix(es) applied, "
                      f"{data['findings_remaining']:,} finding(s) remain) in {head}")
    console.print(f"written: {data['out']}")
    if data["errors"]:
        verb = "checked" if summary.command == "check" else "cleaned"
        console.print(f"[bold red]{data['errors']:,} row(s) could not be {verb}[/]: "
                      f"{data['errors_out']} (id and reason)")
