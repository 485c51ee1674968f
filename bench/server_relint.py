"""Re-lint latency and memory of ``edlint server`` over many edits, driven over stdio like an editor.

Usage: python bench/server_relint.py [ARTICLE] [--edits N] [--require-ms MS] [--require-flat-mb MB]

Starts ``edlint server`` (debounce off, so every edit is checked), opens
ARTICLE (default: examples/sample-article.md) and types: each edit inserts
or deletes one character in the body, alternately, as an incremental change.
For each edit it times the round trip from sending ``didChange`` to
receiving that version's diagnostics (the check itself plus JSON-RPC in both
directions), and it reads the server process's resident memory (VmRSS)
every 100 edits. Prints the median, 90th percentile and worst latency and
the memory after the first 100 edits and at the end. Exits 1 when the median
is above ``--require-ms`` or memory grew by more than ``--require-flat-mb``
between edit 100 and the last edit.
"""
from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types as lsp
from pygls.lsp.client import LanguageClient

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO / "examples" / "sample-article.md"


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def run(article: Path, edits: int) -> tuple[list[float], list[tuple[int, float]], int]:
    client = LanguageClient("edlint-bench", "1")
    published: dict[int, asyncio.Future] = {}

    @client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_publish(params: lsp.PublishDiagnosticsParams) -> None:
        fut = published.get(params.version)
        if fut is not None and not fut.done():
            fut.set_result(len(params.diagnostics))

    await client.start_io(sys.executable, "-m", "edlint", "server")
    pid = client._server.pid  # the server process, for its memory
    await client.initialize_async(lsp.InitializeParams(
        capabilities=lsp.ClientCapabilities(), root_uri=article.parent.as_uri(),
        initialization_options={"debounceMs": 0},
    ))
    client.initialized(lsp.InitializedParams())
    text = article.read_text(encoding="utf-8")
    uri = article.resolve().as_uri()
    loop = asyncio.get_running_loop()
    published[1] = loop.create_future()
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(
        text_document=lsp.TextDocumentItem(uri=uri, language_id="markdown" if article.suffix == ".md" else "plaintext",
                                           version=1, text=text)))
    first = await asyncio.wait_for(published[1], 60)
    # type at the end of the body's longest line
    lines = text.split("\n")
    at = max(range(len(lines)), key=lambda i: len(lines[i]))
    col = len(lines[at])
    latencies: list[float] = []
    memory: list[tuple[int, float]] = []
    for n in range(edits):
        version = n + 2
        if n % 2 == 0:
            change = lsp.TextDocumentContentChangePartial(
                range=lsp.Range(start=lsp.Position(line=at, character=col), end=lsp.Position(line=at, character=col)),
                text="x")
        else:
            change = lsp.TextDocumentContentChangePartial(
                range=lsp.Range(start=lsp.Position(line=at, character=col),
                                end=lsp.Position(line=at, character=col + 1)),
                text="")
        fut = published[version] = loop.create_future()
        t = time.perf_counter()
        client.text_document_did_change(lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version), content_changes=[change]))
        count = await asyncio.wait_for(fut, 60)
        latencies.append((time.perf_counter() - t) * 1000)
        del published[version]
        if n % 2 == 1 and count != first:
            raise SystemExit(f"edit {n}: {count} diagnostics, expected {first} (the text is back to the original)")
        if (n + 1) % 100 == 0:
            memory.append((n + 1, rss_mb(pid)))
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return latencies, memory, first


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("article", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--edits", type=int, default=1000)
    ap.add_argument("--require-ms", type=float, default=None, help="fail when the median re-lint is slower")
    ap.add_argument("--require-flat-mb", type=float, default=None,
                    help="fail when memory grows more than this after edit 100")
    args = ap.parse_args()
    args.article = args.article.resolve()
    latencies, memory, found = asyncio.run(run(args.article, args.edits))
    q = statistics.quantiles(latencies, n=10)
    med = statistics.median(latencies)
    size = len(args.article.read_text(encoding="utf-8"))
    print(f"article: {args.article} ({size} characters, {found} diagnostics)")
    print(f"re-lint after an edit, round trip over stdio, {len(latencies)} edits: "
          f"median {med:.1f} ms, p90 {q[8]:.1f} ms, worst {max(latencies):.1f} ms")
    print("server memory (VmRSS): " + ", ".join(f"{n} edits {mb:.1f} MB" for n, mb in memory))
    growth = memory[-1][1] - memory[0][1] if len(memory) > 1 else 0.0
    print(f"growth from edit {memory[0][0]} to {memory[-1][0]}: {growth:+.1f} MB" if memory else "")
    failed = False
    if args.require_ms is not None and med > args.require_ms:
        print(f"FAIL: median {med:.1f} ms > {args.require_ms} ms")
        failed = True
    if args.require_flat_mb is not None and growth > args.require_flat_mb:
        print(f"FAIL: memory grew {growth:.1f} MB > {args.require_flat_mb} MB")
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
