"""Write the configuration's JSON Schema (shipped in the package) and docs/configuration.md from one source.

The schema edlint validates with is ``edlint.io.config.SCHEMA``; the words about
each key live here. Every key must have words: a key without them fails
``--check`` (and so the test suite), so the reference never misses one.

Usage: python scripts/gen_config_docs.py [--check]
"""
from __future__ import annotations

import copy
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from edlint.document.frontmatter import DATE_KEYS  # noqa: E402
from edlint.io.config import SCHEMA  # noqa: E402

SCHEMA_OUT = REPO / "edlint" / "io" / "config.schema.json"
DOCS_OUT = REPO / "docs" / "configuration.md"

# key path (dotted; "rules.*" is any rule id) -> (description, default, example TOML)
KEYS: dict[str, tuple[str, object, str]] = {
    "extends": ("Presets this file builds on, in order: `recommended` (the default: newsroom families on, "
                "generic prose advice off) or `strict` (adds proselint, readability and anonymous-source notes).",
                ["recommended"], 'extends = ["strict"]'),
    "locale": ("Spelling locale: `en-US` switches the UK/US spelling pairs (organise/organize) to American forms.",
               "en-GB", 'locale = "en-US"'),
    "language": ("Which files to check by language: `auto` skips files detected as not English (one note each); "
                 "`en` checks every file.", "auto", 'language = "en"'),
    "fail_on": ("Lowest severity that makes `edlint check` exit 1. Each file is held to the level of its own "
                "configuration: a folder whose `edlint.toml` says `\"error\"` does not fail a run on a warning, "
                "wherever the run starts. `--fail-on` holds every file to one level.",
                "warning", 'fail_on = "error"'),
    "exclude": ("Glob patterns, relative to this file's folder, of files never checked (even when named).",
                [], 'exclude = ["archive/**", "drafts/*.txt"]'),
    "rule_dirs": ("Folders of the house's own rules and data, one sub-folder per family; each YAML file declares "
                  "its `kind` (`substitution`, `existence`, `variants`, `phrases`, `officeholders`, "
                  "`title-vocabulary`; see [house-rules.md](house-rules.md)).", [], 'rule_dirs = ["house-rules"]'),
    "ignore": ("Rule ids, families, dotted prefixes or globs switched off everywhere. An id that names no rule is "
               "an error naming this file and line.", [], 'ignore = ["readability", "attribution.anonymous-source"]'),
    "rules": ("Settings per rule id, family or dotted prefix (a table key like `[rules.spelling]` or "
              "`[rules.\"spelling.inconsistent\"]`); the most specific key wins. Any other key in the table is "
              "an option of that rule (see `edlint explain RULE`), such as `people_files` or `extra_files`.",
              {}, '[rules."spelling.misspellings"]\nseverity = "error"'),
    "rules.*.enabled": ("Switch the rule (or every rule of the family or prefix) on or off.", None,
                        "[rules.readability]\nenabled = true"),
    "rules.*.severity": ("Severity of its findings: `suggestion`, `warning` or `error`.", None,
                         '[rules."titles.former"]\nseverity = "error"'),
    "overrides": ("Settings for some files only: each `[[overrides]]` table names `paths` and then any of "
                  "`ignore`, `locale` and `rules`, applied after the settings above.", [],
                  '[[overrides]]\npaths = ["wire/**"]\nignore = ["adcopy"]'),
    "overrides.paths": ("Glob patterns (relative to this file's folder) of the files the override applies to. "
                        "Required.", None, 'paths = ["wire/**", "**/*-us.md"]'),
    "overrides.ignore": ("Rules switched off for those files (as top-level `ignore`).", None, 'ignore = ["adcopy"]'),
    "overrides.locale": ("Spelling locale for those files.", None, 'locale = "en-US"'),
    "overrides.language": ("Language setting for those files.", None, 'language = "en"'),
    "overrides.rules": ("Rule settings for those files (as top-level `rules`).", None,
                        '[overrides.rules."readability.long-sentence"]\nenabled = true'),
}


def _describe(schema: dict, prefix: str = "") -> dict:
    out = copy.deepcopy(schema)
    for key, sub in list(out.get("properties", {}).items()):
        path = f"{prefix}{key}"
        if path in KEYS:
            sub["description"] = KEYS[path][0]
            if KEYS[path][1] not in (None, {}):
                sub["default"] = KEYS[path][1]
        if key == "rules":
            settings = sub.get("additionalProperties")
            if isinstance(settings, dict):
                sub["additionalProperties"] = _describe(settings, "rules.*.")
        elif key == "overrides" and isinstance(sub.get("items"), dict):
            sub["items"] = _describe(sub["items"], "overrides.")
        out["properties"][key] = sub
    return out


def json_schema() -> dict:
    body = _describe(SCHEMA)
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "edlint configuration (edlint.toml, or [tool.edlint] in pyproject.toml)",
        **body,
    }


def undocumented(schema: dict | None = None, prefix: str = "") -> list[str]:
    schema = SCHEMA if schema is None else schema
    missing = []
    for key, sub in schema.get("properties", {}).items():
        path = f"{prefix}{key}"
        if path not in KEYS:
            missing.append(path)
        if key == "rules" and isinstance(sub.get("additionalProperties"), dict):
            missing += undocumented(sub["additionalProperties"], "rules.*.")
        if key == "overrides" and isinstance(sub.get("items"), dict):
            missing += undocumented(sub["items"], "overrides.")
    return missing


def _type(sub: dict) -> str:
    if "enum" in sub:
        return " \\| ".join(f"`{json.dumps(v)}`" for v in sub["enum"])
    t = sub.get("type", "")
    if t == "array":
        return f"array of {sub.get('items', {}).get('type', 'table')}s"
    return t


def _rows(schema: dict, prefix: str = "") -> list[str]:
    rows = []
    for key, sub in schema.get("properties", {}).items():
        path = f"{prefix}{key}"
        desc, default, example = KEYS[path]
        dflt = "" if default is None else f"`{json.dumps(default)}`"
        rows.append(f"### `{path}`\n\n{desc}\n\n- type: {_type(sub)}" + (f"\n- default: {dflt}" if dflt else "")
                    + f"\n\n```toml\n{example}\n```\n")
        if key == "rules" and isinstance(sub.get("additionalProperties"), dict):
            rows += _rows(sub["additionalProperties"], "rules.*.")
        if key == "overrides" and isinstance(sub.get("items"), dict):
            rows += _rows(sub["items"], "overrides.")
    return rows


def _where_it_lives() -> list[str]:
    """The page's opening: where the file is found and what an unknown key does."""
    return [
        "# Configuration reference",
        "",
        "Generated by `python scripts/gen_config_docs.py` from the schema edlint validates",
        "with, which also ships in the package as `edlint/io/config.schema.json`.",
        "",
        "## Where it lives",
        "",
        "`edlint.toml` (or `.edlint.toml`, or a `[tool.edlint]` table in `pyproject.toml`),",
        "found from each checked file upwards, or named with `--config FILE`. `edlint",
        "rules` and `edlint explain` read the one of the current folder. `edlint init`",
        "writes a commented starting point. Paths in it are relative to its folder.",
        "",
        "A key edlint does not know is an error naming the file, the line and the",
        "closest key (`edlint.toml:3: unknown key 'ignoree' (did you mean ignore?)`),",
        "and so is a rule id that names no rule; the run then checks nothing and exits 2.",
        "",
    ]


def _front_matter() -> list[str]:
    """What edlint reads from an article's own front matter (the date keys come from the parser)."""
    date_keys = ", ".join(f"`{k}`" for k in DATE_KEYS)
    return [
        "## In the article: front matter",
        "",
        "An article may open with YAML front matter between `---` lines, or TOML",
        "between `+++` lines. edlint reads three things from it and checks none of",
        "it as prose:",
        "",
        f"- the article date, for the titles rules, from the first of {date_keys}",
        "  (a date `YYYY-MM-DD`, or a date and time); `--date` is used only where the",
        "  front matter has none. An impossible date is an error for that file.",
        "- the headline, from `title` or `headline`;",
        "- the standfirst, from `standfirst`, `description`, `summary`, `subtitle` or `dek`.",
        "",
        "```markdown",
        "+++",
        'title = "Minister visits Kyiv"',
        "date = 2022-07-08",
        "+++",
        "",
        "The minister arrived on Friday.",
        "```",
        "",
    ]


def _suppressions() -> list[str]:
    """Comments in the copy that switch rules off."""
    return [
        "## In the article: suppression comments",
        "",
        "`<!-- edlint-disable RULE -->` … `<!-- edlint-enable -->` and",
        "`<!-- edlint-disable-next-line RULE -->` switch rules off for a stretch of",
        "copy, in Markdown and plain text. Plain text also takes a line of its own:",
        "",
        "```text",
        "# edlint-disable-next-line spelling.inconsistent",
        "```",
        "",
        "No rule named means every rule. A rule id in a comment that names no rule is",
        "a finding of its own (`suppression.unknown-rule`, an error) with the closest",
        "known id, since such a comment suppresses nothing.",
        "",
    ]


def _editor_support() -> list[str]:
    """How an editor finds the schema."""
    return [
        "## Editor support",
        "",
        "The schema gives completion and checking of `edlint.toml` as you type.",
        "`edlint init --schema` writes it next to the config as `edlint.schema.json`",
        "and starts `edlint.toml` with the line that points an editor at it:",
        "",
        "```toml",
        "#:schema ./edlint.schema.json",
        "```",
        "",
        "Taplo and the *Even Better TOML* extension for VS Code read that line. Other",
        "editors take the schema file in their settings for files named `edlint.toml`.",
        "`edlint init --schema` in a folder that already has an `edlint.toml` writes",
        "only the schema file.",
        "",
    ]


def markdown() -> str:
    """docs/configuration.md: the opening, one section per key (from the schema), then the article-side settings."""
    parts = [*_where_it_lives(), "## Keys", "", *_rows(SCHEMA), *_front_matter(), *_suppressions(), *_editor_support()]
    return "\n".join(parts)


def main() -> int:
    missing = undocumented()
    if missing:
        print("configuration keys without a description in scripts/gen_config_docs.py: " + ", ".join(missing))
        return 1
    schema_text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    docs_text = markdown()
    if "--check" in sys.argv:
        stale = [p.relative_to(REPO).as_posix() for p, t in ((SCHEMA_OUT, schema_text), (DOCS_OUT, docs_text))
                 if not p.exists() or p.read_text(encoding="utf-8") != t]
        if stale:
            print(f"{', '.join(stale)} out of date: run python scripts/gen_config_docs.py")
            return 1
        return 0
    SCHEMA_OUT.write_text(schema_text, encoding="utf-8")
    DOCS_OUT.write_text(docs_text, encoding="utf-8")
    print(f"wrote {SCHEMA_OUT.relative_to(REPO)} and {DOCS_OUT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
