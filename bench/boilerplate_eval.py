"""Line precision and recall of the adcopy family on labelled real pages.

Usage: python bench/boilerplate_eval.py [--threshold T] [--split dev|test|all]
                                        [--dataset NAME] [--show-false N] [--show-misses N]

Reads ../shared/data/boilerplate/{l3s-gn1,zyte-aeb}/<page>/{raw.txt,labels.tsv}.
Each page is cut to its article span (first to last line labelled as article
text or headline) — what an extractor leaves behind — and checked as a plain
text article. Lines labelled boilerplate/related inside the span are what
should be flagged; lines labelled article text must not be; supplemental lines
(captions, bylines) count neither way.

Pages are split by a stable hash of their id into `dev` (about half) and
`test`. Tune phrase packs and shapes by looking at dev only, so that the test
figures say how well the rules carry over to pages nobody looked at.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
DATA = (REPO / ".." / "shared" / "data" / "boilerplate").resolve()
DATASETS = ("l3s-gn1", "zyte-aeb")
ARTICLE = {"fulltext", "article", "headline"}
BOILER = {"boilerplate", "related"}


def split_of(page_id: str) -> str:
    """`dev` or `test`, fixed by the page id alone so the split never drifts."""
    return "dev" if hashlib.sha256(page_id.encode()).digest()[0] % 2 == 0 else "test"


def pages(dataset: Path, split: str = "all"):
    for page in sorted(p for p in dataset.iterdir() if p.is_dir()):
        if split != "all" and split_of(page.name) != split:
            continue
        raw = (page / "raw.txt").read_text(encoding="utf-8", errors="replace").split("\n")
        labels = {}
        for row in (page / "labels.tsv").read_text(encoding="utf-8", errors="replace").splitlines():
            parts = row.split("\t", 2)
            if len(parts) >= 2 and parts[0].isdigit():
                labels[int(parts[0])] = parts[1]
        arts = [n for n, lab in labels.items() if lab in ARTICLE]
        if not arts:
            continue
        yield page.name, raw, labels, min(arts), max(arts)


@dataclass
class Score:
    flagged: int = 0
    false: int = 0
    found: int = 0
    boiler: int = 0
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return 1 - self.false / self.flagged if self.flagged else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.boiler if self.boiler else 0.0


def _ruleset(options: dict):
    from edlint.config import load_config
    from edlint.registry import build_registry, resolve

    cfg = load_config(None)
    if options:
        cfg.layers[-1].rules["adcopy.furniture"] = dict(options)
    return resolve(build_registry(skip_families=("proselint",)), cfg, None, select=["adcopy"])


def _hits(name: str, lines: list[str], offset: int, ruleset, services) -> dict[int, str]:
    """Flagged raw line numbers, each with the categories of its finding."""
    from edlint.document import build_document
    from edlint.engine import lint_document

    doc = build_document("\n".join(lines) + "\n", f"{name}.txt")
    hits = {}
    for f in lint_document(doc, ruleset, services).findings:
        cats = ",".join((f.data or {}).get("categories", []))
        for ln in range(f.line, f.end_line + 1):
            hits[ln + offset] = cats
    return hits


def evaluate(dataset: Path, options: dict, split: str = "all", show_false: int = 0, show_misses: int = 0) -> Score:
    from edlint.engine import Services

    ruleset = _ruleset(options)
    services = Services()
    s = Score()
    for name, raw, labels, a, b in pages(dataset, split):
        hits = _hits(name, raw[a - 1 : b], a - 1, ruleset, services)
        for n in range(a, b + 1):
            lab = labels.get(n)
            if lab is None:
                continue
            if lab in BOILER:
                s.boiler += 1
                if n in hits:
                    s.found += 1
                elif len(s.missed) < show_misses:
                    s.missed.append(f"{name}:{n}: {raw[n - 1][:110]}")
            if n in hits:
                s.flagged += 1
                if lab in ARTICLE:
                    s.false += 1
                    if len(s.wrong) < show_false:
                        s.wrong.append(f"{name}:{n} [{hits[n]}]: {raw[n - 1][:110]}")
    return s


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--threshold", type=float, default=None)
    ap.add_argument("--split", choices=("dev", "test", "all", "each"), default="each",
                    help="which pages to score; 'each' prints dev, test and all (default)")
    ap.add_argument("--dataset", choices=DATASETS, action="append", help="only this dataset (repeatable)")
    ap.add_argument("--show-false", "--show", dest="show_false", type=int, default=0,
                    help="list up to N article lines wrongly flagged")
    ap.add_argument("--show-misses", type=int, default=0, help="list up to N boilerplate lines not flagged")
    args = ap.parse_args()
    if not DATA.is_dir():
        print(f"labelled pages not found at {DATA}; skipping")
        return 0
    opts = {"threshold": args.threshold} if args.threshold is not None else {}
    splits = ("dev", "test", "all") if args.split == "each" else (args.split,)
    print(f"{'dataset':<10}{'split':<6}{'precision':>10}{'recall':>8}{'flagged':>9}{'article':>9}{'found':>7}{'boiler':>8}")
    for ds in args.dataset or DATASETS:
        for split in splits:
            s = evaluate(DATA / ds, opts, split, args.show_false, args.show_misses)
            print(f"{ds:<10}{split:<6}{s.precision:>10.3f}{s.recall:>8.3f}{s.flagged:>9}{s.false:>9}{s.found:>7}{s.boiler:>8}")
            for w in s.wrong:
                print("   FALSE", w)
            for m in s.missed:
                print("   MISS ", m)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
