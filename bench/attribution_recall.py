"""Recall of the attribution rules on mutated copies of real BBC articles.

Usage: python bench/attribution_recall.py [--limit N]

Three mutations, each applied to articles where it makes sense:
- cut-speaker: remove the paragraph before a paragraph that opens "He said" /
  "She said" ... and everything before it, so the pronoun paragraph comes first;
- headline-quote: put a quoted phrase in the headline, attributed to a named
  speaker, that the body lacks;
- unbalanced: delete the closing mark of a quotation in the body.
Prints, per mutation, how many mutated articles the intended rule flagged.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
BBC = (REPO / ".." / "shared" / "data" / "corpus" / "bbc").resolve()


def main() -> int:
    from edlint.api import lint_text

    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    if not BBC.is_dir():
        print(f"corpus not found: {BBC}")
        return 0
    files = sorted(p for p in BBC.rglob("*.txt") if p.name != "README.TXT")
    if args.limit:
        files = files[: args.limit]
    tally = {k: [0, 0] for k in ("cut-speaker", "headline-quote", "unbalanced")}
    pron = re.compile(r"^(He|She) (said|added|told)\b", re.M)
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        head, _, body = text.partition("\n\n")
        paras = body.split("\n\n")
        for i, p in enumerate(paras[1:], 1):
            if pron.match(p):
                mutated = head + "\n\n" + "\n\n".join(paras[i:])
                found = lint_text(mutated, "a.txt", select=["attribution.dangling-pronoun"])
                tally["cut-speaker"][0] += 1
                tally["cut-speaker"][1] += any(f.line == 3 for f in found)
                break
        mutated = "Jane Example warns 'the bridge will fall within weeks'\n\n" + body
        found = lint_text(mutated, "a.txt", select=["attribution.headline-quote"])
        tally["headline-quote"][0] += 1
        tally["headline-quote"][1] += bool(found)
        m = re.search(r'said: "[^"\n]{20,}?[.!?]"', body)
        if m and not lint_text(text, "a.txt", select=["attribution.unbalanced-quotes"]):
            cut = m.end() - 1
            mutated = head + "\n\n" + body[:cut] + body[cut + 1 :]
            found = lint_text(mutated, "a.txt", select=["attribution.unbalanced-quotes"])
            tally["unbalanced"][0] += 1
            tally["unbalanced"][1] += bool(found)
    for k, (n, hit) in tally.items():
        print(f"{k:<16}{hit:>5}/{n:<5}{(hit / n if n else 0):>7.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
