"""How far could a model learned from the dev pages go on each test split? A ceiling for the hand-built rules.

Usage: python bench/learned_ceiling.py      (needs scikit-learn: pip install scikit-learn)

The question it answers: is a test split short of the targets because the
rules miss evidence that the dev pages hold, or because its pages differ from
every dev page? It fits a gradient-boosted classifier on every scored line of
the dev pages of all three sets (the same pages, spans and labels as
``boilerplate_eval.py``), with what the rules know and more: the adcopy
verdict and kind of each line, about twenty shape tests and counts of the
line, the same for the two lines on each side, where the nearest paragraph
of copy is, how often the line repeats. Each dev line's probability comes
from a model fitted without its page (5 folds by page), so the dev figures are
honest too. It then prints precision, boilerplate recall and supplemental
recall per set and split at a few thresholds, beside the rules' own figures.

This is a measurement only: edlint ships no model (findings must say why, by
kind and evidence an editor can read), and scikit-learn is no dependency.
"""
from __future__ import annotations

import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import boilerplate_eval as be  # noqa: E402

from edlint.checks.adcopy.kinds import KIND  # noqa: E402  (boilerplate_eval puts the checkout on the path)

KINDS = sorted(set(KIND.values()))  # the kinds a finding names

STOP = frozenset({"the", "of", "and", "a", "to", "in", "is", "was", "that", "for", "on", "with", "as", "by", "at",
                  "from", "it", "his", "her", "he", "she", "they", "said"})
THRESHOLDS = (0.5, 0.7, 0.8, 0.9)


def _line_features(text: str) -> list:
    from edlint.checks.adcopy import kinds as K
    from edlint.checks.adcopy import shapes as S

    words = text.split()
    n = max(len(words), 1)
    return [
        len(text), math.log1p(len(words)),
        sum(1 for w in words if w[:1].isupper()) / n, sum(1 for w in words if w.lower() in STOP) / n,
        sum(c.isdigit() for c in text) / max(len(text), 1), text.isupper(),
        text.rstrip()[-1:] in ".!?\"”’", text.rstrip().endswith(":"),
        S.headline_shaped(text), K.teaser_like(text), K.paragraph(text), K.long_sentence(text),
        K.title_case_headline(text), K.caption_like(text), K.short_label(text), K.key_value(text),
        K.tool_line(text), "|" in text, "@" in text, "©" in text,
    ]


def _page(name, raw, labels, a, b, ruleset, services):
    """Feature rows, targets and labels for the scored lines of one page's span."""
    from edlint.checks.adcopy import kinds as K

    hits = be._hits(name, raw[a - 1 : b], a - 1, ruleset, services)
    at = [n for n in range(a, b + 1) if labels.get(n) in be.ARTICLE | be.BOILER | be.SUPPLEMENTAL
          and be.SEPARATOR.search(raw[n - 1])]
    texts = [raw[n - 1].strip() for n in at]
    own = [_line_features(t) for t in texts]
    para = [K.paragraph(t) for t in texts]
    seen: dict[str, int] = {}
    for t in texts:
        seen[t.lower()] = seen.get(t.lower(), 0) + 1
    last_paragraph = max((i for i, p in enumerate(para) if p), default=-1)
    rows = []
    for i, n in enumerate(at):
        kind = hits.get(n) or ""
        around = []
        for j in (i - 2, i - 1, i + 1, i + 2):
            inside = 0 <= j < len(texts)
            around += [para[j], bool(hits.get(at[j])), own[j][0], own[j][8], own[j][2]] if inside else [0, 0, -1, 0, 0]
        up = next((i - j for j in range(i - 1, -1, -1) if para[j]), 99)
        down = next((j - i for j in range(i + 1, len(texts)) if para[j]), 99)
        rows.append(own[i] + [k in kind for k in KINDS] + [bool(kind)] + around
                    + [i / len(texts), i > last_paragraph, up, down, seen[texts[i].lower()]])
    return rows, [labels[n] for n in at]


def _load(split: str):
    import numpy as np
    from edlint.core.services import Services

    ruleset, services = be._ruleset({}), Services()
    rows, labels, pages, sets = [], [], [], []
    for ds in be.DATASETS:
        for name, raw, lab, a, b in be.pages(be.DATA / ds, split):
            r, lbl = _page(name, raw, lab, a, b, ruleset, services)
            rows += r
            labels += lbl
            pages += [name] * len(r)
            sets += [ds] * len(r)
    return np.array(rows, float), np.array(labels), np.array(pages), np.array(sets)


def _print(flagged, labels, sets, what: str) -> None:
    import numpy as np

    for ds in be.DATASETS:
        m = sets == ds
        right = flagged & m & ~_is_article(labels)
        wrong = flagged & m & _is_article(labels)
        boiler = m & np.isin(labels, sorted(be.BOILER))
        suppl = m & (labels == "supplemental")
        print(f"  {what:<10}{ds:<20}{right.sum() / max(right.sum() + wrong.sum(), 1):>10.3f}"
              f"{(flagged & boiler).sum() / max(boiler.sum(), 1):>8.3f}"
              f"{(flagged & suppl).sum() / max(suppl.sum(), 1):>10.3f}{wrong.sum():>7}")


def _is_article(labels):
    import numpy as np

    return np.isin(labels, sorted(be.ARTICLE))


def main() -> int:
    try:
        from sklearn.ensemble import HistGradientBoostingClassifier
        from sklearn.model_selection import GroupKFold
    except ImportError:
        print("needs scikit-learn: pip install scikit-learn", file=sys.stderr)
        return 2
    import numpy as np

    dev_x, dev_l, dev_p, dev_s = _load("dev")
    test_x, test_l, _, test_s = _load("test")
    dev_y = ~_is_article(dev_l)

    def model():
        return HistGradientBoostingClassifier(max_iter=300, learning_rate=0.05, random_state=0)

    out_of_page = np.zeros(len(dev_y))
    for fit, held in GroupKFold(5).split(dev_x, dev_y, dev_p):
        out_of_page[held] = model().fit(dev_x[fit], dev_y[fit]).predict_proba(dev_x[held])[:, 1]
    on_test = model().fit(dev_x, dev_y).predict_proba(test_x)[:, 1]

    flagged_col = len(_line_features("a b")) + len(KINDS)
    print(f"  {'':<10}{'data set':<20}{'precision':>10}{'recall':>8}{'suppl.rec':>10}{'false':>7}")
    print("the rules:")
    _print(dev_x[:, flagged_col] > 0, dev_l, dev_s, "dev")
    _print(test_x[:, flagged_col] > 0, test_l, test_s, "test")
    for threshold in THRESHOLDS:
        print(f"learned from dev, threshold {threshold}:")
        _print(out_of_page >= threshold, dev_l, dev_s, "dev")
        _print(on_test >= threshold, test_l, test_s, "test")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
