"""Write ``edlint/knowledge/english_words.txt`` from the ``english-words`` package's Webster's list.

The same words the package's ``get_english_words_set(["web2"], alpha=True)``
gives, sorted, one a line, so edlint can look a word up without loading the
whole list (``edlint/knowledge/words.py``). ``--check`` exits 1 when the
file differs from what the installed package gives (the test suite runs it).

Usage: python scripts/build_word_list.py [--check]
"""
from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from edlint.knowledge import words  # noqa: E402
from generated_file import write_or_check  # noqa: E402


def main(argv: list[str]) -> int:
    from english_words import get_english_words_set

    source = get_english_words_set(["web2"], alpha=True, lower=False)
    return write_or_check(words.DATA, words.text_of(source), argv, "build_word_list.py", f"{len(source)} words")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
