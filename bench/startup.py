"""How long one article takes from the command line, as in a pre-commit hook.

Usage: python bench/startup.py [--runs 15]

Times ``edlint check`` (median of N runs, result cache off for the file so
every run really checks it, parsed packs cached as the CLI does) on:
an article with no title word (the knowledge base never loads), the seed
article with its date (titles checked, knowledge base loaded), and the seed
with ``--ignore titles``; the difference is what titles and the knowledge base
add. Also times loading the knowledge base in-process. Skips the seed runs
when ../shared is absent.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO / ".." / "shared"
SEED = SHARED / "examples" / "000_637e9860769ec13d.txt"
PLAIN = REPO / "examples" / "sample-article.md"
# Words that name an office: the sample without the lines holding them is the "no title word" article.
TITLE_WORDS = ("minister", "premier", "president", "chancellor", "secretary")


_RUN = [0]


def _median_run(args: list[str], runs: int, cache: Path) -> float:
    times = []
    for _ in range(runs):
        _RUN[0] += 1
        i = _RUN[0]
        # A fresh result-cache folder per run would also drop the parsed packs; instead the
        # date changes every run, so the result cache never answers for the file.
        day = f"2022-07-{1 + i % 28:02d}"
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "edlint", "check", *args, "--date", day, "-f", "concise",
                        "--cache-dir", str(cache)], capture_output=True, check=False)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def _kb_load_ms() -> float:
    code = ("import time, edlint.document.normalise\n"
            "t=time.perf_counter()\n"
            "from edlint.knowledge.officeholders import KnowledgeBase\n"
            "KnowledgeBase.load().who('Vladimir Putin')\n"
            "print((time.perf_counter()-t)*1000)")
    out = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
           for _ in range(7)]
    return statistics.median(out)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp)
        _median_run([str(PLAIN)], 1, cache)  # parse the packs once, as any earlier run would have
        plain = PLAIN.read_text(encoding="utf-8")
        no_titles = Path(tmp) / "no-titles.txt"
        no_titles.write_text("\n".join(line for line in plain.splitlines()
                                       if not any(w in line.lower() for w in TITLE_WORDS)),
                             encoding="utf-8")
        print(f"knowledge base load + first answer, in-process: {_kb_load_ms():.1f} ms (median of 7)")
        print(f"article with no title word:         {_median_run([str(no_titles)], args.runs, cache) * 1000:.0f} ms")
        if SEED.is_file():
            # Interleaved, so a busy moment of the machine hits both sides alike.
            pairs = [(_median_run([str(SEED)], 1, cache), _median_run([str(SEED), "--ignore", "titles"], 1, cache))
                     for _ in range(args.runs)]
            with_titles = statistics.median(a for a, _ in pairs)
            without = statistics.median(b for _, b in pairs)
            print(f"seed, titles checked (KB loads):    {with_titles * 1000:.0f} ms")
            print(f"seed, --ignore titles:              {without * 1000:.0f} ms")
            print(f"titles + knowledge base add:        {(with_titles - without) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
