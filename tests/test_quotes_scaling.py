"""The quotation scanner's time grows with the text, not with the marks before each one."""
from __future__ import annotations

import pytest
from conftest import small_and_large_cpu

from edlint.api import lint_text
from edlint.document.quotes import scan_quotations


# Curly single marks open a quotation inside every open one (‘‘‘ nests 2,000 deep), ’ and ‚ are
# mostly apostrophes, ‹ › are not English quotation marks at all, and clipped words (’til, ’em,
# ‘n’) are decided by looking at the letters after a mark: each must stay linear too.
_MARKS = ['"', "\u201c", "'", "\u201d ", "\u2018", "\u2019", "\u201a", "\u2039\u203a", "\u2018\u2019", "\u2018 ",
          "\u2018n\u2019 \u2019til \u2019em "]


@pytest.mark.parametrize("mark", _MARKS)
def test_ten_times_the_marks_costs_at_most_fifteen_times_the_time(mark):
    # A paragraph of nothing but quote marks once took 15 s for 16,000 of them, 67 s for 32,000.
    small, big = mark * (2_000 // len(mark)), mark * (20_000 // len(mark))
    t_small, t_big = small_and_large_cpu(lambda: scan_quotations(small, [(0, len(small))]),
                                    lambda: scan_quotations(big, [(0, len(big))]))
    assert t_big <= 15 * max(t_small, 0.01), (t_small, t_big)


@pytest.mark.parametrize("mark", ['"', "\u2018", "\u2018\u2019", "\u2018n\u2019 \u2019til \u2019em "])
def test_the_attribution_family_on_a_paragraph_of_marks_stays_linear(mark):
    n_small, n_big = 1_600 // len(mark), 16_000 // len(mark)
    small, big = "Head\n\n" + mark * n_small + "\n", "Head\n\n" + mark * n_big + "\n"
    t_small, t_big = small_and_large_cpu(lambda: lint_text(small, "a.txt", select=["attribution"]),
                                    lambda: lint_text(big, "a.txt", select=["attribution"]))
    assert t_big <= 15 * max(t_small, 0.01), (t_small, t_big)
    assert t_big < 5  # was 15 s
