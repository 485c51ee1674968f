"""Line precision and recall of the adcopy family on labelled real pages.

Usage: python bench/boilerplate_eval.py [--threshold T] [--show N]

Reads ../shared/data/boilerplate/{l3s-gn1,zyte-aeb}/<page>/{raw.txt,labels.tsv}.
Each page is cut to its article span (first to last line labelled as article
text or headline) — what an extractor leaves behind — and checked as a plain
text article. Lines labelled boilerplate/related inside the span are what
should be flagged; lines labelled article text must not be; supplemental lines
(captions, bylines) count neither way.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
DATA = (REPO / ".." / "shared" / "data" / "boilerplate").resolve()
ARTICLE = {"fulltext", "article", "headline"}
BOILER = {"boilerplate", "related"}


def pages(dataset: Path):
    for page in sorted(p for p in dataset.iterdir() if p.is_dir()):
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


def evaluate(dataset: Path, options: dict, show: int = 0):
    from edlint.engine import Services, lint_document
    from edlint.config import load_config
    from edlint.document import build_document
    from edlint.registry import build_registry, resolve

    cfg = load_config(None)
    if options:
        cfg.layers[-1].rules["adcopy.furniture"] = dict(options)
    ruleset = resolve(build_registry(skip_families=("proselint",)), cfg, None, select=["adcopy"])
    services = Services()
    tp = fp_art = flagged = bp_total = 0
    wrong: list[str] = []
    for name, raw, labels, a, b in pages(dataset):
        lines = raw[a - 1 : b]
        text = "\n".join(lines) + "\n"
        doc = build_document(text, f"{name}.txt")
        hits = set()
        for f in lint_document(doc, ruleset, services).findings:
            for ln in range(f.line, f.end_line + 1):
                hits.add(ln + a - 1)
        for n in range(a, b + 1):
            lab = labels.get(n)
            if lab is None:
                continue
            if lab in BOILER:
                bp_total += 1
                if n in hits:
                    tp += 1
            if n in hits:
                flagged += 1
                if lab in ARTICLE:
                    fp_art += 1
                    if len(wrong) < show:
                        wrong.append(f"{name}:{n}: {raw[n - 1][:100]}")
    precision = 1 - fp_art / flagged if flagged else 1.0
    recall = tp / bp_total if bp_total else 0.0
    return precision, recall, flagged, fp_art, tp, bp_total, wrong


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--threshold", type=float, default=None)
    ap.add_argument("--show", type=int, default=0, help="list up to N article lines wrongly flagged")
    args = ap.parse_args()
    if not DATA.is_dir():
        print(f"labelled pages not found at {DATA}; skipping")
        return 0
    opts = {"threshold": args.threshold} if args.threshold is not None else {}
    print(f"{'dataset':<10}{'precision':>10}{'recall':>8}{'flagged':>9}{'article':>9}{'found':>7}{'boiler':>8}")
    for ds in ("l3s-gn1", "zyte-aeb"):
        p, r, flagged, fp, tp, total, wrong = evaluate(DATA / ds, opts, args.show)
        print(f"{ds:<10}{p:>10.3f}{r:>8.3f}{flagged:>9}{fp:>9}{tp:>7}{total:>8}")
        for w in wrong:
            print("   ", w)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
