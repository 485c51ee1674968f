"""The sample article the README's first command checks shows all four newsroom families."""
from __future__ import annotations

import json

from conftest import REPO, run_cli


def test_sample_article_has_one_of_each_kind():
    p = run_cli("check", str(REPO / "examples" / "sample-article.md"), "--format", "json", "--no-cache")
    assert p.returncode == 1, p.stderr
    found = {(f["rule"], f["line"]) for f in json.loads(p.stdout)["findings"]}
    assert found == {
        ("titles.former", 11),  # Ben Wallace had left Defence by March 2024
        ("adcopy.furniture", 16),  # newsletter blurb
        ("spelling.inconsistent", 19),  # Kiev beside Kyiv
        ("attribution.unbalanced-quotes", 23),  # Mr Terekhov's quote is never closed
        ("adcopy.furniture", 26),  # READ MORE teaser
    }
