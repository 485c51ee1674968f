"""Line precision and recall of the adcopy family on labelled real pages, per data set and per kind.

Usage: python bench/boilerplate_eval.py [--split dev|test|all|each] [--dataset NAME ...]
                                        [--threshold T] [--show-false N] [--show-missed N]
                                        [--show-kind KIND] [--kinds] [--score-separators]

Reads ../shared/data/boilerplate/<set>/<page>/{raw.txt,labels.tsv} for the
three sets (l3s-gn1, zyte-aeb, extractor-fixtures). Each page is cut to its
article span (first to last line labelled article text or headline), which
is what an extractor leaves behind, and checked as a plain-text article.
Only English pages count (the language is detected on the article lines, as
`edlint check` does; the others would be skipped).

Inside the span:
- `boilerplate` / `related` lines should be flagged (boilerplate recall);
- `supplemental` lines (captions, credits, bylines, datelines, bios) are
  furniture too: their recall is reported on its own;
- `article` / `fulltext` / `headline` lines must not be flagged: precision is
  the share of flagged lines that are not article lines;
- `comments` (reader comments, l3s-gn1 only) count neither way;
- nor do lines with no letter or digit (`___`, `* * *`, `-----`): rules
  and separators are layout, and AP's `___` is copy the rules must leave
  alone, while zyte-aeb labels it boilerplate. `--score-separators`
  counts them as labelled.

Per kind: how many flagged lines each kind of finding (photo credit, related
headline, prompt …) got right and wrong, and how many labelled lines were
missed.

Pages are split by a stable hash of their id into `dev` (about half) and
`test`. Tune the phrase pack and the shapes by looking at dev only
(`--split dev --show-missed 50`), so that the test figures say how well the
rules carry over to pages nobody looked at.
"""
from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
DATA = (REPO / ".." / "shared" / "data" / "boilerplate").resolve()
DATASETS = ("l3s-gn1", "zyte-aeb", "extractor-fixtures")
ARTICLE = {"fulltext", "article", "headline"}
BOILER = {"boilerplate", "related"}
SUPPLEMENTAL = {"supplemental"}
# A line with no letter or digit: a rule or separator, not scored unless asked.
SEPARATOR = re.compile(r"[^\W_]")


def split_of(page_id: str) -> str:
    """`dev` or `test`, fixed by the page id alone so the split never drifts."""
    return "dev" if hashlib.sha256(page_id.encode()).digest()[0] % 2 == 0 else "test"


def _labels(page: Path) -> dict[int, str]:
    labels = {}
    for row in (page / "labels.tsv").read_text(encoding="utf-8", errors="replace").splitlines():
        parts = row.split("\t", 2)
        if len(parts) >= 2 and parts[0].isdigit():
            labels[int(parts[0])] = parts[1]
    return labels


def pages(dataset: Path, split: str = "all", english_only: bool = True):
    """(id, raw lines, labels, first, last) per page with article lines: the span is raw[first-1:last]."""
    from edlint.document.language import detect

    for page in sorted(p for p in dataset.iterdir() if p.is_dir()):
        if split != "all" and split_of(page.name) != split:
            continue
        raw = (page / "raw.txt").read_text(encoding="utf-8", errors="replace").split("\n")
        labels = _labels(page)
        arts = [n for n, lab in labels.items() if lab in ARTICLE]
        if not arts:
            continue
        if english_only and detect("\n".join(raw[n - 1] for n in sorted(arts) if n <= len(raw))):
            continue
        yield page.name, raw, labels, min(arts), max(arts)


@dataclass
class Tally:
    found: int = 0
    total: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.total if self.total else 0.0


@dataclass
class Show:
    """What to list besides the figures, and whether separator lines are scored."""

    false: int = 0
    missed: int = 0
    kind: str | None = None
    separators: bool = False


@dataclass
class Score:
    pages: int = 0
    flagged: int = 0
    false: int = 0
    boiler: Tally = field(default_factory=Tally)
    supplemental: Tally = field(default_factory=Tally)
    kind_right: Counter = field(default_factory=Counter)
    kind_wrong: Counter = field(default_factory=Counter)
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return 1 - self.false / self.flagged if self.flagged else 1.0

    def line(self, where: str, text: str, label: str, kind: str | None, show: Show) -> None:
        """Score one labelled line of the span; ``kind`` is the kind it was flagged as, if it was."""
        tally = self.boiler if label in BOILER else self.supplemental if label in SUPPLEMENTAL else None
        if tally is not None:
            tally.total += 1
            if kind:
                tally.found += 1
            elif len(self.missed) < show.missed:
                self.missed.append(f"{where} ({label}): {text[:120]}")
        if not kind:
            return
        self.flagged += 1
        if label in ARTICLE:
            self.false += 1
            self.kind_wrong[kind] += 1
            if len(self.wrong) < show.false and (show.kind is None or show.kind in kind):
                self.wrong.append(f"{where} [{kind}]: {text[:120]}")
        elif tally is not None:
            self.kind_right[kind] += 1


def _ruleset(options: dict):
    from edlint.core.registry import build_registry, resolve
    from edlint.io.config import load_config

    cfg = load_config(None)
    if options:
        cfg.layers[-1].rules["adcopy.furniture"] = dict(options)
    return resolve(build_registry(skip_families=("proselint",)), cfg, None, select=["adcopy"])


def _hits(name: str, lines: list[str], offset: int, ruleset, services) -> dict[int, str]:
    """Flagged raw line numbers, each with the kind of its finding."""
    from edlint.core.engine import lint_document
    from edlint.document import build_document

    doc = build_document("\n".join(lines) + "\n", f"{name}.txt")
    hits = {}
    for f in lint_document(doc, ruleset, services).findings:
        per_line = (f.data or {}).get("line_kinds") or {}
        kind = "+".join((f.data or {}).get("kinds", [])) or "?"
        for ln in range(f.line, f.end_line + 1):
            hits[ln + offset] = per_line.get(str(ln), kind)
    return hits


def evaluate(dataset: Path, options: dict, split: str = "all", show: Show | None = None) -> Score:
    from edlint.core.services import Services

    show = show or Show()
    ruleset = _ruleset(options)
    services = Services()
    s = Score()
    for name, raw, labels, a, b in pages(dataset, split):
        s.pages += 1
        hits = _hits(name, raw[a - 1 : b], a - 1, ruleset, services)
        for n in range(a, b + 1):
            text = raw[n - 1]
            if labels.get(n) is None or not text.strip():
                continue
            if not show.separators and not SEPARATOR.search(text):
                continue
            s.line(f"{name}:{n}", text, labels[n], hits.get(n), show)
    return s


def _print_kinds(kinds: dict[tuple[str, str], Score]) -> None:
    print()
    print("flagged lines per kind of finding: right (boilerplate or supplemental) / wrong (article)")
    for (ds, split), s in kinds.items():
        names = sorted(set(s.kind_right) | set(s.kind_wrong), key=lambda k: -s.kind_right[k])
        print(f"  {ds} {split}: " + ", ".join(f"{k} {s.kind_right[k]}/{s.kind_wrong[k]}" for k in names))
        print(f"  {'':<{len(ds)}} {split}: missed boilerplate {s.boiler.total - s.boiler.found}, "
              f"missed supplemental {s.supplemental.total - s.supplemental.found}")


def _print_row(ds: str, split: str, s: Score) -> None:
    print(f"{ds:<19}{split:<6}{s.pages:>6}{s.precision:>10.3f}{s.boiler.recall:>8.3f}{s.supplemental.recall:>10.3f}"
          f"{s.flagged:>8}{s.false:>7}{s.boiler.found:>6}/{s.boiler.total:<5}"
          f"{s.supplemental.found:>6}/{s.supplemental.total:<5}")
    for w in s.wrong:
        print("   FALSE", w)
    for m in s.missed:
        print("   MISS ", m)


def _args():
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--threshold", type=float, default=None)
    ap.add_argument("--split", choices=("dev", "test", "all", "each"), default="each",
                    help="which pages to score; 'each' prints dev and test apart (default)")
    ap.add_argument("--dataset", choices=DATASETS, action="append", help="only this data set (repeatable)")
    ap.add_argument("--show-false", "--show", dest="show_false", type=int, default=0,
                    help="list up to N article lines wrongly flagged (per data set and split)")
    ap.add_argument("--show-missed", "--show-misses", dest="show_missed", type=int, default=0,
                    help="list up to N boilerplate or supplemental lines not flagged")
    ap.add_argument("--show-kind", default=None, help="with --show-false: only findings of this kind")
    ap.add_argument("--kinds", action="store_true", help="print the per-kind table (right / wrong lines)")
    ap.add_argument("--score-separators", action="store_true",
                    help="score lines with no letter or digit (`___`) as labelled too")
    return ap.parse_args()


def main() -> int:
    args = _args()
    if not DATA.is_dir():
        print(f"labelled pages not found at {DATA}; skipping")
        return 0
    opts = {"threshold": args.threshold} if args.threshold is not None else {}
    show = Show(args.show_false, args.show_missed, args.show_kind, args.score_separators)
    splits = ("dev", "test") if args.split == "each" else (args.split,)
    print(f"{'dataset':<19}{'split':<6}{'pages':>6}{'precision':>10}{'recall':>8}{'suppl.rec':>10}"
          f"{'flagged':>8}{'false':>7}{'boiler':>12}{'suppl.':>12}")
    kinds: dict[tuple[str, str], Score] = {}
    for ds in args.dataset or DATASETS:
        if not (DATA / ds).is_dir():
            print(f"{ds:<19}not found; skipped")
            continue
        for split in splits:
            kinds[(ds, split)] = s = evaluate(DATA / ds, opts, split, show)
            _print_row(ds, split, s)
    if args.kinds:
        _print_kinds(kinds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
