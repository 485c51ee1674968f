"""CPU per article of every default rule and shared document part, over the corpus, in one process.

Usage: python bench/rule_cost.py [--corpus ../shared/data/corpus/bbc] [--repeat 3]

Checks every article in-process (no start-up, no cache, no pool) with the
default rules, as a worker does, and times (``time.process_time``, best of
``--repeat`` passes):

- the whole per-article check (``Runner.lint_source``: configuration,
  building the document, the language check, the rules, the result);
- the document parts every family shares (sentences, quotations, the line
  table), built before the rules run so no rule is billed for them;
- each rule's ``check``, whichever class defines it.

The rows say where a worker's time goes; ``bench/family_cost.py`` gives one
family with and without it. Skips cleanly when the corpus is absent.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import edlint.run.linter as linter_mod  # noqa: E402
from corpus import BBC, articles  # noqa: E402
from edlint.io.articles import SourceFile  # noqa: E402
from edlint.run.runner import Runner, RunOptions  # noqa: E402

SHARED_PARTS = ("sentences", "quotations", "line_starts")


def _timing_lint(spent: Counter, original):
    """``lint_document`` with the shared parts built first and every rule's ``check`` timed."""
    patched: set[int] = set()

    def lint(doc, ruleset, *args, **kwargs):
        for part in SHARED_PARTS:
            t = time.process_time()
            getattr(doc, part)
            spent[f"document: {part}"] += time.process_time() - t
        for active in ruleset.active:
            rule = active.rule
            if id(rule) not in patched:
                patched.add(id(rule))
                rule.check = _timed_check(spent, rule.check, rule.meta.id)  # on the instance
        return original(doc, ruleset, *args, **kwargs)

    return lint


def _timed_check(spent: Counter, bound, rule_id: str):
    def timed(doc, ctx):
        t = time.process_time()
        hits = list(bound(doc, ctx))
        spent[rule_id] += time.process_time() - t
        return hits

    return timed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(BBC))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    paths = articles(Path(args.corpus))
    if not paths:
        print(f"corpus not found at {args.corpus}: skipped")
        return 0
    texts = [(str(p), p.read_text(encoding="utf-8", errors="replace")) for p in paths]
    runner = Runner(RunOptions(keep_text=False))
    runner.lint_source(SourceFile(path="warm.txt", text=texts[0][1]), None)  # loading is not per-article cost
    spent: Counter = Counter()
    original = linter_mod.lint_document
    linter_mod.lint_document = _timing_lint(spent, original)
    best: dict[str, float] = {}
    try:
        for _ in range(args.repeat):
            spent.clear()
            t = time.process_time()
            for path, text in texts:
                runner.lint_source(SourceFile(path=path, text=text), None)
            spent["the whole check of an article"] = time.process_time() - t
            for key, value in spent.items():
                best[key] = min(best.get(key, float("inf")), value)
    finally:
        linter_mod.lint_document = original
    print(f"{len(texts)} articles, one process, CPU ms per article, best of {args.repeat}")
    for key, value in sorted(best.items(), key=lambda kv: -kv[1]):
        if value * 1000 / len(texts) >= 0.001:
            print(f"{key:<42}{value * 1000 / len(texts):8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
