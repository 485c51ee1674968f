"""The BBC corpus flattened into one folder, as the performance figures use it.

``flat_corpus(dest)`` copies ``../shared/data/corpus/bbc/<topic>/NNN.txt`` to
``dest/<topic>_NNN.txt`` (2,225 articles; the README is not an article) and
returns the folder, or None when the shared reference material is absent.
"""
from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BBC = (REPO / ".." / "shared" / "data" / "corpus" / "bbc").resolve()
SEED = (REPO / ".." / "shared" / "examples" / "000_637e9860769ec13d.txt").resolve()


def articles(corpus: Path = BBC) -> list[Path]:
    """Every article of the corpus (``*.txt`` below a topic folder), sorted."""
    return sorted(p for p in corpus.glob("*/*.txt") if p.is_file())


def flat_corpus(dest: Path, corpus: Path = BBC, limit: int = 0, copies: int = 1) -> Path | None:
    """Copy the corpus into ``dest`` as one flat folder (``copies`` times over, for bigger runs)."""
    files = articles(corpus)
    if not files:
        return None
    if limit:
        files = files[:limit]
    dest.mkdir(parents=True, exist_ok=True)
    for k in range(copies):
        suffix = f"_{k}" if copies > 1 else ""
        for f in files:
            shutil.copyfile(f, dest / f"{f.parent.name}_{f.stem}{suffix}.txt")
    return dest
