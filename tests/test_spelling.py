"""Spelling consistency: curated groups, house style, discovery, fixes, and the data itself."""
from __future__ import annotations

import json
import random
import re
from collections import Counter

import pytest
from conftest import BBC, SEED, need_shared, run_cli

from edlint.api import lint_text
from edlint.checks.spelling.variants import load_groups
from edlint.core.kinds import discover, load_data_rule
from edlint.document.normalise import keep_case, translit_key
from edlint.io.builtin_packs import pack_root

GROUPS = load_groups()


def spelling(text, path="a.txt", **kw):
    found = lint_text(text, path, select=kw.pop("select", ["spelling"]), **kw)
    return [f for f in found if f.rule != "spelling.house-style"]


def test_seed_has_exactly_the_sloviansk_finding():
    need_shared(SEED)
    p = run_cli("check", str(SEED), "--format", "json", "--no-cache", "--date", "2022-07-08")
    (f,) = [x for x in json.loads(p.stdout)["findings"] if x["rule"].startswith("spelling.")]
    assert f["rule"] == "spelling.inconsistent" and f["line"] == 26
    text = SEED.read_text(encoding="utf-8")
    assert text[f["start"] : f["end"]] == "Slovyansk"
    assert [text[r["start"] : r["end"]] for r in f["related"]] == ["Sloviansk"]
    assert f["fix"]["applicability"] == "safe" and f["fix"]["edits"][0]["replacement"] == "Sloviansk"


def test_consistency_prefers_house_form_and_keeps_case():
    text = "Head\n\nTroops left KIEV on Monday. Kiev's mayor spoke.\n\nOfficials in Kyiv said more.\n"
    (f,) = spelling(text)
    assert [e.replacement for e in f.fix.edits] == ["KYIV", "Kyiv"]
    assert len(f.related) == 2


def test_consistent_article_passes_and_house_style_is_opt_in():
    text = "Head\n\nTroops left Kiev on Monday. Officials in Kiev said more.\n"
    assert spelling(text) == []
    (f,) = lint_text(text, "a.txt", select=["spelling.house-style"])[:1]
    assert f.fix.safe and f.fix.edits[0].replacement == "Kyiv"


def test_house_preference_from_config(tmp_path):
    (tmp_path / "edlint.toml").write_text('[rules."spelling.inconsistent"]\nprefer = ["Kiev"]\n')
    f = tmp_path / "a.txt"
    f.write_text("Head\n\nTroops left Kiev on Monday. Officials in Kyiv said more.\n")
    p = run_cli("check", str(f), "--select", "spelling.inconsistent", "--format", "json", "--no-cache")
    (x,) = json.loads(p.stdout)["findings"]
    assert x["fix"]["edits"][0]["replacement"] == "Kiev"


def test_locale_switches_uk_us():
    text = "Head\n\nThey will organise a vote. Others organize marches.\n"
    (f,) = spelling(text)
    assert f.fix.edits[0].replacement == "organise"
    (tmp,) = [x for x in spelling(text)]
    assert tmp.rule == "spelling.inconsistent"


def test_locale_en_us(tmp_path):
    (tmp_path / "edlint.toml").write_text('locale = "en-US"\n')
    f = tmp_path / "a.txt"
    f.write_text("Head\n\nThey will organise a vote. Others organize marches.\n")
    p = run_cli("check", str(f), "--select", "spelling.inconsistent", "--format", "json", "--no-cache")
    (x,) = json.loads(p.stdout)["findings"]
    assert x["fix"]["edits"][0]["replacement"] == "organize"


def test_guards_for_names_and_computing():
    assert spelling("Head\n\nShe ate turkey in Türkiye.\n") == []
    assert spelling("Head\n\nThe attack at Pearl Harbor was a harbour tragedy.\n") == []
    assert spelling("Head\n\nThe computer program crashed. The TV programme aired.\n") == []


def test_discovery_finds_unlisted_variants():
    text = "Head\n\nAlan Milburn said the plan would work.\n\nMr Mylburn added that it was costly, and Milburn left.\n"
    (f,) = spelling(text)
    assert f.rule == "spelling.discovered" and not f.fix.safe
    assert f.fix.edits[0].replacement == "Milburn"


def test_discovery_guards():
    assert spelling("Head\n\nAustria and Australia signed a deal.\n") == []
    assert spelling("Head\n\nPeter Phillips met Ann Philips on Monday.\n") == []
    assert spelling("Head\n\nBrian May met Bryan Adams.\n") == []
    assert spelling("Head\n\nThe sign said Mylburn [sic] and Milburn laughed.\n") == []
    assert spelling("Head\n\nUsher and Jennifer Lopez sang. Singer Jenifer also won.\n") == []


def test_discovery_beyond_first_names():
    """Different words after two spellings excuse first names only, not titles or place words."""
    (f,) = spelling("Head\n\nForeign Minister Prince Saud spoke. Labour Mynister Ghazi agreed.\n")
    assert f.rule == "spelling.discovered" and "Minister" in f.message
    (f,) = spelling("Head\n\nBrian May played. Later Bryan May sang.\n")
    assert f.rule == "spelling.discovered"
    # A title before a surname is not a first name: one person, respelt.
    (f,) = spelling("Head\n\nProfessor Joni Lovenduski led it. Prof Lovendusky said so.\n")
    assert "Lovenduski" in f.message


def test_discovery_respelling_of_a_curated_name():
    """A spelling no list knows beside a curated form (Sevylle, Seville) is discovery's to flag."""
    (f,) = spelling("Head\n\nThe final is in Seville. Fans flew to Sevylle on Friday.\n")
    assert f.rule == "spelling.discovered" and f.fix.edits[0].replacement == "Seville"


def test_normalisation_and_case():
    assert translit_key("Zelenskyy") == translit_key("Zelenskiy") == translit_key("Zelensky")
    assert translit_key("Sloviansk") == translit_key("Slovyansk")
    assert translit_key("Austria") != translit_key("Australia")
    assert keep_case("KIEV", "Kyiv") == "KYIV" and keep_case("kiev", "Kyiv") == "kyiv"


# ------------------------------------------------------------------ the data


def test_at_least_400_groups_with_sources():
    assert len(GROUPS) >= 400
    for path in (pack_root() / "spelling" / "variants").glob("*.yaml"):
        assert "sources:" in path.read_text(encoding="utf-8"), path.name


def test_no_form_in_two_groups():
    counts = Counter(f.lower() for g in GROUPS for f in g.forms)
    assert [f for f, n in counts.items() if n > 1] == []


def test_no_preferred_form_is_flagged_elsewhere():
    preferred = {g.forms[0].lower() for g in GROUPS} | {g.forms[1].lower() for g in GROUPS if g.locale_pair}
    for path, family, display in discover(pack_root(), "rules"):
        cls = load_data_rule(path, family, display)
        if cls is not None and cls.spec["kind"] == "substitution":
            assert not preferred & {k.lower() for k in cls.spec["swap"]}, display


# ------------------------------------------------------------------ corpus


def _articles():
    need_shared(BBC)
    return sorted(p for p in BBC.rglob("*.txt") if p.name != "README.TXT")


@pytest.mark.corpus
def _respell_last(text, name, new):
    """The text with the last whole-word occurrence of name respelt, and that occurrence's offset."""
    pos = [m.start() for m in re.finditer(rf"\b{re.escape(name)}\b", text)][-1]
    return text[:pos] + new + text[pos + len(name) :], pos


def _found_at(text, pos):
    got = lint_text(text, "a.txt", select=["spelling.inconsistent", "spelling.discovered"])
    return any(f.start <= pos < f.end or any(r.start <= pos < r.end for r in f.related) for f in got)


def test_recall_on_respelled_unknown_names():
    """Respell one occurrence of a repeated name no list knows, in real articles: >= 95% found.

    Run with ``-s`` to see the figure; measured 257/270 (95.2%). The misses are by
    design: a respelt first name before a different surname (Robinson, Williams),
    or a name whose other occurrence is only in the headline, or a respelling
    that is itself a known thing (Taylor/Tailor: a name and a word).
    """
    rng = random.Random(7)
    swaps = [("y", "i"), ("i", "y"), ("ck", "k"), ("ll", "l"), ("ss", "s"), ("tt", "t"), ("nn", "n"), ("kh", "h")]
    tried = found = 0
    for path in _articles()[::7]:
        text = path.read_text(encoding="utf-8", errors="replace")
        names = Counter(m.group() for m in re.finditer(r"(?<=[a-z,] )[A-Z][a-z]{4,}(?=[ ,.])", text))
        repeated = [n for n, c in names.items() if c >= 2 and text.count(n.lower()) == 0]
        rng.shuffle(repeated)
        for name in repeated:
            for a, b in swaps:
                if a in name[1:]:
                    new = name[0] + name[1:].replace(a, b, 1)
                    break
            else:
                continue
            if new in names or new.lower() in text.lower():
                continue
            mutated, pos = _respell_last(text, name, new)
            tried += 1
            found += _found_at(mutated, pos)
            break
    print(f"unknown names respelt: {found}/{tried} = {found / tried:.1%}")
    assert tried >= 100
    assert found / tried >= 0.95, (found, tried)


def test_recall_on_respelled_curated_names():
    """Swap one occurrence of a curated name for another form of its group (Kiev -> Kyiv): >= 95% found."""
    proper = [g for g in GROUPS if g.proper]
    by_form = {f: g for g in proper for f in g.forms}
    finder = re.compile(r"\b(" + "|".join(sorted(map(re.escape, by_form), key=len, reverse=True)) + r")\b")
    tried = found = 0
    for path in _articles():
        text = path.read_text(encoding="utf-8", errors="replace")
        seen = Counter(m.group() for m in finder.finditer(text))
        for form, count in sorted(seen.items()):
            group = by_form[form]
            others = [f for f in group.forms if f != form and f not in seen and " " not in f]
            if count < 2 or not others:
                continue
            mutated, pos = _respell_last(text, form, others[0])
            tried += 1
            found += _found_at(mutated, pos)
            break
    print(f"curated names respelt: {found}/{tried} = {found / tried:.1%}")
    assert tried >= 50
    assert found / tried >= 0.95, (found, tried)


def test_explain_shows_group_and_house_choice():
    p = run_cli("explain", "spelling.inconsistent", "Slovyansk")
    assert p.returncode == 0
    assert "Sloviansk, Slovyansk, Slavyansk" in p.stdout and "House choice" in p.stdout
    p = run_cli("explain", "spelling.inconsistent", "organize")
    assert "en-US" in p.stdout


def test_a_house_preference_never_changes_the_shared_built_in_groups():
    """The built-in groups are made once per process; one configuration's ``prefer`` re-orders its own copy."""
    from edlint.checks.spelling.variants import apply_preferences, load_groups

    before = [list(g.forms) for g in load_groups()]
    preferred = apply_preferences(load_groups(), ["Kiev"])
    kiev = next(g for g in preferred if "Kiev" in g.forms)
    assert kiev.forms[0] == "Kiev"
    assert [list(g.forms) for g in load_groups()] == before  # a later run without the preference sees the default
    assert next(g for g in load_groups() if "Kiev" in g.forms).forms[0] != "Kiev"
