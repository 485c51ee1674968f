"""#15.3: every kind of house data comes in through one door, a ``rule_dirs`` folder.

One house folder with a file of each kind a newsroom can add (substitution,
existence, variants, phrases, officeholders, title-vocabulary) is used through
the command line on real BBC articles; each file must change what edlint
reports. Then each way a house file can be wrong is one error naming the file
(exit 2), and the files of other configurations are still checked.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import BBC, need_shared
from typer.testing import CliRunner

from edlint.commands.cli import app

ARTICLES = {"story.txt": "politics/316.txt", "probe.txt": "politics/232.txt", "comments.txt": "entertainment/253.txt"}

HOUSE = {
    "style/house-words.yaml": """\
kind: substitution
summary: Words this newsroom replaces with its own.
swap:
  embroiled: caught up
""",
    "style/banned.yaml": """\
kind: existence
summary: Words this newsroom does not use.
tokens: [likening]
""",
    "spelling/names.yaml": """\
kind: variants
category: people in the news
proper_nouns: true
sources: ["Newsroom style desk"]
groups:
  - [Finegould, Finegold]
""",
    "adcopy/comments.yaml": """\
kind: phrases
entries:
  - {category: reader comment, confidence: medium, pattern: "^give us a break", example: "Give us a break...!!!"}
""",
    "titles/people.yaml": """\
kind: officeholders
source: Newsroom research desk
valid_to: 2024-12-31
people:
  - name: Bob Neill
    terms:
      - {office: Member of the London Assembly, country: United Kingdom, kind: assembly member, start: 2000-05-04}
""",
    "titles/words.yaml": """\
kind: title-vocabulary
titles:
  - {words: [leader of the London Assembly Conservatives], kinds: [assembly group leader], word: group leader}
""",
}

# What each house file makes edlint report on the three articles: (file, line, rule).
FROM_HOUSE = {
    ("story.txt", 13, "style.house-words"),  # substitution
    ("story.txt", 13, "style.banned"),  # existence
    ("story.txt", 13, "spelling.house-style"),  # variants: Finegold -> Finegould
    ("probe.txt", 9, "spelling.house-style"),
    ("comments.txt", 25, "adcopy.furniture"),  # phrases
    ("probe.txt", 7, "titles.wrong-office"),  # officeholders + title-vocabulary
}


def _check(*args: str) -> tuple[int, dict]:
    res = CliRunner().invoke(app, ["check", *args, "--format", "json", "--no-cache", "--date", "2005-02-15"])
    assert res.stdout, res.stderr
    return res.exit_code, json.loads(res.stdout)


def _newsroom(root: Path, house: dict[str, str] | None = None, config: str = 'rule_dirs = ["house"]\n') -> Path:
    """A folder with the real articles, an edlint.toml and its house folder."""
    need_shared(BBC)
    root.mkdir(parents=True, exist_ok=True)
    for name, source in ARTICLES.items():
        shutil.copyfile(BBC / source, root / name)
    (root / "edlint.toml").write_text(config + '\n[rules."spelling.house-style"]\nenabled = true\n', encoding="utf-8")
    for rel, body in (house or {}).items():
        (root / "house" / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / "house" / rel).write_text(body, encoding="utf-8")
    return root


def _found(report: dict, root: Path) -> set[tuple[str, int, str]]:
    return {(Path(f["path"]).name, f["line"], f["rule"]) for f in report["findings"]}


def test_a_house_folder_with_a_file_of_each_kind_feeds_every_rule(tmp_path):
    bare = _newsroom(tmp_path / "bare", config="")
    _, before = _check(*(str(bare / n) for n in ARTICLES))
    assert not FROM_HOUSE & _found(before, bare)  # none of it without the house folder
    news = _newsroom(tmp_path / "news", HOUSE)
    code, report = _check(*(str(news / n) for n in ARTICLES))
    assert code == 1 and report["errors"] == []
    found = _found(report, news)
    missing = FROM_HOUSE - found
    assert not missing, sorted(missing)
    assert _found(before, bare) == found - FROM_HOUSE  # the house adds, and takes nothing away
    by_rule = {(Path(f["path"]).name, f["rule"]): f for f in report["findings"]}
    assert "Bob Neill was Member of the London Assembly" in by_rule["probe.txt", "titles.wrong-office"]["message"]
    assert "reader comment" in by_rule["comments.txt", "adcopy.furniture"]["message"]


def test_house_rules_are_listed_and_house_data_keeps_the_older_doors(tmp_path):
    """``extra_files`` and ``people_files`` still name single files, read through the same kinds."""
    news = _newsroom(tmp_path / "news", {k: v for k, v in HOUSE.items() if k.startswith("titles/")
                                         or k.startswith("spelling/")}, config="")
    (news / "edlint.toml").write_text(
        '[rules."spelling.house-style"]\nenabled = true\nextra_files = ["house/spelling/names.yaml"]\n'
        '[rules.titles]\npeople_files = ["house/titles/people.yaml"]\n', encoding="utf-8")
    _, report = _check(str(news / "probe.txt"))
    found = _found(report, news)
    assert ("probe.txt", 9, "spelling.house-style") in found
    assert not any(r == "titles.wrong-office" for *_, r in found)  # the title word lives in a rule_dirs file only
    (news / "edlint.toml").write_text('rule_dirs = ["house"]\n[rules.titles]\npeople_files = []\n', encoding="utf-8")
    _, report = _check(str(news / "probe.txt"))
    assert ("probe.txt", 7, "titles.wrong-office") in _found(report, news)


BAD = {
    "unknown kind": ({"style/x.yaml": "kind: swap\nsummary: Words.\nswap: {a: b}\n"},
                     "house/style/x.yaml:1: unknown kind 'swap'"),
    "no kind": ({"style/x.yaml": "summary: Words.\nswap: {a: b}\n"}, "house/style/x.yaml:1: no 'kind'"),
    "root-level file": ({"x.yaml": "kind: substitution\nsummary: Words.\nswap: {a: b}\n"},
                        "house/x.yaml: a file at the root of a rule folder belongs to no family"),
    "unknown family folder": ({"sport/x.yaml": "kind: substitution\nsummary: Words.\nswap: {a: b}\n"},
                              "house/sport/x.yaml: rule files go in a family folder"),
    "unknown id": ({"style/x.yaml": "kind: substitution\nid: sport.words\nsummary: Words.\nswap: {a: b}\n"},
                   "house/style/x.yaml:2: rule id 'sport.words' is not in a known family"),
    "kind in another family's folder": (
        {"titles/names.yaml": HOUSE["spelling/names.yaml"]},
        "house/titles/names.yaml: a file of kind 'variants' is read by the spelling rules"),
    "built-in only kind": ({"spelling/names.yaml": "kind: known-names\nsources: [desk]\ndemonyms: [Mancunian]\n"},
                           "house/spelling/names.yaml: kind 'known-names' is read from edlint's own packs only"),
    "variants schema": (
        {"spelling/names.yaml": HOUSE["spelling/names.yaml"].replace("[Finegould, Finegold]", "[Finegould]")},
        "house/spelling/names.yaml:6: groups.0: must contain at least 2 items"),
    "phrases in upper case": ({"adcopy/comments.yaml": HOUSE["adcopy/comments.yaml"].replace("^give", "^Give")},
                              "house/adcopy/comments.yaml:3: entries.0.pattern: write patterns in lower case"),
    "officeholders term backwards": ({"titles/people.yaml": HOUSE["titles/people.yaml"].replace(
        "start: 2000-05-04}", "start: 2000-05-04, end: 1999-01-01}")},
        "house/titles/people.yaml:7: Bob Neill: the term ends before it starts"),
    "title-vocabulary regex": (
        {"titles/words.yaml": "kind: title-vocabulary\ntitles:\n- {words: [mayor], office: '^(Mayor', word: mayor}\n"},
        "house/titles/words.yaml:3: titles.0.office: invalid regular expression"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_each_wrong_house_file_is_one_error_naming_it_and_other_folders_are_still_checked(tmp_path, case):
    files, says = BAD[case]
    bad = _newsroom(tmp_path / "bad", files)
    good = _newsroom(tmp_path / "good", HOUSE)
    code, report = _check(str(bad / "story.txt"), str(good / "story.txt"))
    assert code == 2
    (error,) = report["errors"]
    assert says in error.replace(os.sep, "/"), error
    assert "\n" not in error
    assert {Path(f["path"]).parent.name for f in report["findings"]} == {"good"}


def test_a_config_door_given_a_file_of_another_kind_says_so(tmp_path):
    news = _newsroom(tmp_path / "news", HOUSE, config="")
    (news / "edlint.toml").write_text('[rules."spelling.inconsistent"]\nextra_files = ["house/titles/people.yaml"]\n',
                                      encoding="utf-8")
    code, report = _check(str(news / "story.txt"))
    assert code == 2
    (error,) = report["errors"]
    assert "people.yaml:1: a file of kind 'officeholders' where one of kind 'variants' is expected" in error


def test_kb_answers_from_the_officeholders_of_rule_dirs(tmp_path):
    news = _newsroom(tmp_path / "news", HOUSE)
    res = CliRunner().invoke(app, ["kb", "who", "Bob Neill", "--config", str(news / "edlint.toml")])
    assert res.exit_code == 0, res.output
    assert "Bob Neill: Member of the London Assembly (United Kingdom" in res.stdout
    res = CliRunner().invoke(app, ["kb", "who", "Bob Neill", "--config", str(_newsroom(tmp_path / "bare", config=""))
                                   + "/edlint.toml"])
    assert "Member of the London Assembly" not in res.stdout


def test_every_built_in_pack_file_is_a_known_kind_in_its_family_folder_and_passes_its_schema():
    from edlint.core.kinds import builtin, kind_module, load

    files = builtin()
    assert {f.kind for f in files} == {"substitution", "variants", "phrases", "title-vocabulary", "known-names"}
    for f in files:
        wanted = kind_module(f.kind).FAMILY
        assert wanted in (None, f.family), f"{f.display}: a {f.kind} file outside {wanted}/"
        assert isinstance(load(f), dict)
