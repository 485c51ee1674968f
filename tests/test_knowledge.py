"""The officeholder knowledge base: facts from the data, names through aliases, dates, the kb command."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys

from conftest import REPO, SHARED, need_shared, run_cli

from edlint.knowledge.officeholders import KnowledgeBase

D = dt.date.fromisoformat


def offices(name, day):
    return {t.office for t in KnowledgeBase.load().who(name) if t.holds_on(D(day))}


def test_real_people_on_real_dates():
    assert offices("Vladimir Putin", "2010-01-01") == {"Prime Minister of Russia"}
    assert offices("Vladimir Putin", "2022-07-08") == {"President of Russia"}
    assert "Prime Minister" in offices("Boris Johnson", "2022-07-08")
    assert "Prime Minister" not in offices("Boris Johnson", "2023-01-01")
    assert "Prime Minister" in offices("Liz Truss", "2022-10-01")
    assert "Prime Minister" in offices("Rishi Sunak", "2023-06-01")
    assert "Secretary of State for Defence" in offices("Ben Wallace", "2022-07-08")
    assert "Secretary of State for Defence" not in offices("Ben Wallace", "2024-03-01")
    assert "Secretary of State for Defence" in offices("Grant Shapps", "2024-03-01")
    assert any("President" in o for o in offices("Joe Biden", "2022-01-01"))
    assert any("President" in o for o in offices("Donald Trump", "2018-01-01"))
    assert offices("Zelensky", "2022-07-08") == {"President of Ukraine"}


def test_aliases_and_surnames():
    kb = KnowledgeBase.load()
    assert {t.person for t in kb.who("Sergei Lavrov")} == {"Sergey Lavrov"}
    assert {t.person for t in kb.who("Zelenskiy")} == {"Volodymyr Zelenskyy"}
    assert "Mikhail Mishustin" in {t.person for t in kb.holders("Prime Minister of Russia", D("2022-07-08"))}


def test_past_the_data_is_unknown_not_false():
    (t,) = [t for t in KnowledgeBase.load().who("Sergey Lavrov") if t.office == "Minister of Foreign Affairs"]
    assert t.holds_on(D("2022-07-08")) is True
    assert t.holds_on(D("2025-01-01")) is None


def test_kb_commands():
    p = run_cli("kb", "who", "Sergei Lavrov", "--date", "2022-07-08")
    assert p.returncode == 0 and "Minister of Foreign Affairs" in p.stdout
    p = run_cli("kb", "office", "President of Russia", "--date", "2022-07-08")
    assert p.stdout.startswith("Vladimir Putin")
    p = run_cli("kb", "office", "Prime Minister of the United Kingdom", "--date", "2023-01-01")
    assert p.stdout.startswith("Rishi Sunak")
    p = run_cli("kb", "info")
    assert "CC BY 4.0" in p.stdout and "United Kingdom 2026-06-19" in p.stdout


def test_loads_quickly_and_only_when_asked():
    code = ("import time,sys\nt=time.perf_counter()\nfrom edlint.knowledge.officeholders import KnowledgeBase\n"
            "KnowledgeBase.load()\nprint(time.perf_counter()-t)")
    runs = (subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True) for _ in range(3))
    secs = min(float(p.stdout) for p in runs)
    assert secs < 0.5, secs  # under 20 ms here (bench/startup.py); generous for slow CI machines
    code = ("import sys\nfrom edlint.api import lint_text\nlint_text('Head\\n\\nBody.\\n','a.txt')\n"
            "print('edlint.knowledge.officeholders' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True).stdout.strip() == "False"


def test_shipped_data_is_built_from_the_source():
    need_shared(SHARED / "data" / "officeholders")
    p = subprocess.run([sys.executable, str(REPO / "scripts" / "build_kb.py"), "--check"],
                       capture_output=True, text=True)
    assert p.returncode == 0, p.stdout
