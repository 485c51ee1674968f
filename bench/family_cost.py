"""What one family costs: CPU seconds inside its rules over the corpus, and the run with and without it.

Usage: python bench/family_cost.py [--family spelling] [--corpus ../shared/data/corpus/bbc] [--repeat 3]

Checks every article in-process (no CLI start-up, no cache) with the default
rules. All figures are CPU time (``time.process_time``), steadier than wall
time on a shared machine:

- the run with and without the family (best of ``--repeat``); the difference
  is noisy;
- the CPU spent inside the family's rules, timed directly around each rule's
  ``check`` — including rules that inherit ``check`` from a base class —
  after the document model's shared parts (sentences, words, quotations, the
  line table) have been built and timed on their own, so whichever rule
  touches them first is not billed for work every family shares.

Skips cleanly when the corpus is absent.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from corpus import articles  # noqa: E402

from edlint.io.articles import SourceFile  # noqa: E402
from edlint.run.runner import Runner, RunOptions  # noqa: E402

# Parts of the document model every family may use; built before the rules run.
SHARED_PARTS = ("sentences", "quotations", "line_starts")


def _time(texts, ignore) -> float:
    runner = Runner(RunOptions(ignore=ignore, keep_text=False))
    runner.lint_source(SourceFile(path=texts[0][0], text=texts[0][1]), None)  # loading is not the family's cost
    start = time.process_time()
    for path, text in texts:
        runner.lint_source(SourceFile(path=path, text=text), None)
    return time.process_time() - start


def _time_rules(texts, family: str) -> tuple[float, float]:
    """CPU seconds inside the family's rules, and in building the shared document parts."""
    import edlint.core.engine as engine

    spent = {"rules": 0.0, "shared": 0.0}
    runner = Runner(RunOptions(keep_text=False))
    runner.lint_source(SourceFile(path="warm.txt", text=texts[0][1]), None)  # builds the rules
    original_lint = engine.lint_document

    def lint(doc, ruleset, *args, **kwargs):
        start = time.process_time()
        for part in SHARED_PARTS:
            if hasattr(type(doc), part):
                getattr(doc, part)
        spent["shared"] += time.process_time() - start
        for active in ruleset.active:
            rule = active.rule
            if rule.meta.id.split(".")[0] != family or "check" in rule.__dict__:
                continue
            bound = rule.check  # the class's own or an inherited one

            def timed(doc, ctx, _bound=bound):
                t = time.process_time()
                hits = list(_bound(doc, ctx))
                spent["rules"] += time.process_time() - t
                return hits

            rule.check = timed  # on the instance: every class, whichever defines check
        return original_lint(doc, ruleset, *args, **kwargs)

    import edlint.run.runner as runner_mod

    runner_mod.lint_document = lint
    try:
        for path, text in texts:
            runner.lint_source(SourceFile(path=path, text=text), None)
    finally:
        runner_mod.lint_document = original_lint
    return spent["rules"], spent["shared"]


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
    texts = [(str(p), p.read_text(encoding="utf-8", errors="replace")) for p in articles(corpus)]
    with_family, without = [], []
    for _ in range(args.repeat):
        with_family.append(_time(texts, None))
        without.append(_time(texts, [args.family]))
    a, b = min(with_family), min(without)
    print(f"{len(texts)} articles, one process, CPU seconds, best of {args.repeat}")
    print(f"with {args.family:<12} {a:6.2f} s")
    print(f"without {args.family:<9} {b:6.2f} s")
    print(f"difference   {a - b:6.2f} s (noisy)")
    runs = [_time_rules(texts, args.family) for _ in range(args.repeat)]
    own = min(r[0] for r in runs)
    shared = min(r[1] for r in runs)
    print(f"inside {args.family} rules: {own:.2f} s "
          f"({own / len(texts) * 1000:.2f} ms per article, {own / a:.0%} of the run)")
    print(f"shared document parts ({', '.join(SHARED_PARTS)}): {shared:.2f} s, billed to no family")
    return 0


if __name__ == "__main__":
    sys.exit(main())
