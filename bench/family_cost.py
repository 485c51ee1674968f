"""What one family costs: the corpus checked in one process with and without it.

Usage: python bench/family_cost.py [--family spelling] [--corpus ../shared/data/corpus/bbc] [--repeat 3]

Runs the default rules over every article in-process (no CLI start-up, no
cache), alternating with and without the family, and prints the best of each.
On a shared machine the difference of two totals is noisy, so it also times
the family's own rules directly (their ``check`` calls, summed). Skips cleanly
when the corpus is absent.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from edlint.runner import RunOptions, Runner  # noqa: E402
from edlint.source import SourceFile  # noqa: E402


def _time(texts, ignore) -> float:
    runner = Runner(RunOptions(ignore=ignore))
    start = time.process_time()  # CPU time: steadier than wall time on a shared machine
    for path, text in texts:
        runner.lint_source(SourceFile(path=path, text=text), None)
    return time.process_time() - start


def _time_rules(texts, family: str) -> float:
    """Seconds spent inside the family's rules over the corpus."""
    from edlint.rulebase import Rule

    spent = [0.0]

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    runner = Runner(RunOptions())
    runner.lint_source(SourceFile(path="warm.txt", text=texts[0][1]), None)  # builds the rules
    patched = []
    for cls in set(subclasses(Rule)):
        meta = cls.__dict__.get("meta")
        if meta is None or meta.id.split(".")[0] != family or "check" not in cls.__dict__:
            continue
        original = cls.__dict__["check"]

        def timed(self, doc, ctx, _original=original):
            start = time.perf_counter()
            hits = list(_original(self, doc, ctx))
            spent[0] += time.perf_counter() - start
            return hits

        cls.check = timed
        patched.append((cls, original))
    try:
        for path, text in texts:
            runner.lint_source(SourceFile(path=path, text=text), None)
    finally:
        for cls, original in patched:
            cls.check = original
    return spent[0]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--family", default="spelling")
    ap.add_argument("--corpus", default=str(REPO / ".." / "shared" / "data" / "corpus" / "bbc"))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"corpus not found at {corpus}: skipped")
        return 0
    texts = [(str(p), p.read_text(encoding="utf-8", errors="replace"))
             for p in sorted(corpus.rglob("*.txt")) if p.name != "README.TXT"]
    with_family, without = [], []
    for _ in range(args.repeat):
        with_family.append(_time(texts, None))
        without.append(_time(texts, [args.family]))
    a, b = min(with_family), min(without)
    print(f"{len(texts)} articles, one process, CPU seconds, best of {args.repeat}")
    print(f"with {args.family:<12} {a:6.2f} s")
    print(f"without {args.family:<9} {b:6.2f} s")
    print(f"difference   {a - b:6.2f} s (noisy)")
    own = min(_time_rules(texts, args.family) for _ in range(args.repeat))
    print(f"inside {args.family} rules: {own:.2f} s ({own / len(texts) * 1000:.2f} ms per article, {own / a:.0%} of the run)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
