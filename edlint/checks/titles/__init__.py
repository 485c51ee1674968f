"""Titles checked against the officeholder knowledge base on the article's date.

Three patterns: a title before a name ("Russian Foreign Minister Sergei
Lavrov"), apposition ("Sergei Lavrov, Russia's foreign minister,") and a
reference back ("the Russian premier said" means the person most recently
named whom that title could mean). The knowledge base loads only when a
paragraph holds a title word. ``judge.py`` finds and judges; the two rules
here report what is theirs.
"""
from __future__ import annotations

from pathlib import Path

from edlint.core.findings import Applicability, Edit, Fix, Hit, RuleMeta, Severity
from edlint.core.kinds import house_files
from edlint.core.rule import Rule
from edlint.core.services import DocumentWork

from .judge import has_title_word, verdicts
from .vocabulary import vocabulary
from .notes import describe_figures as describe_figures  # the terminal report's line about this family's figures

_PEOPLE_FILES_DOC = """## Options
`people_files`: the house's own officeholder files (YAML, `kind: officeholders`),
relative to the config file — local governors, party leaders, club managers,
and the title words for them. Set it once for the family:
`[rules.titles] people_files = ["newsroom/people.yaml"]`. See `docs/knowledge-base.md`.
"""


def _judge_document(doc, ctx, files: tuple[Path, ...], words: tuple[Path, ...]):
    """Every title mention of the document judged; nothing loaded when it holds no title word."""
    if not has_title_word(doc.prose, vocabulary(words).title_keys if words else ()):
        return []  # no title word: neither vocabulary nor knowledge base is needed
    return verdicts(doc, ctx, vocabulary(words), lambda: ctx.services.knowledge_base(files))


TITLE_VERDICTS: DocumentWork[list] = DocumentWork("titles verdicts", _judge_document)


class _TitlesRule(Rule):
    """Shared plumbing: the house's files, the vocabulary and the knowledge base, loaded once per run."""

    def _files(self) -> tuple[Path, ...]:
        """The house's officeholder files, resolved once per rule (not per document)."""
        files = getattr(self, "_resolved_files", None)
        if files is None:
            base = Path(getattr(self, "config_dir", None) or ".")
            files = tuple((base / f).resolve() for f in self.options.get("people_files", []))
            files += tuple(f.path.resolve() for f in house_files(self, "officeholders"))
            self._resolved_files = files
        return files

    def _vocabulary_files(self) -> tuple[Path, ...]:
        """The officeholder files and the rule_dirs' title-vocabulary files: what adds title and country words."""
        return self._files() + tuple(f.path.resolve() for f in house_files(self, "title-vocabulary"))

    def _verdicts(self, doc, ctx):
        """Both titles rules read one judgement of the document, made by whichever runs first."""
        return ctx.services.work(TITLE_VERDICTS, self._files(), self._vocabulary_files())

    def check(self, doc, ctx):
        for v in self._verdicts(doc, ctx):
            if v.rule != self.meta.id:
                continue
            fix = None
            if v.fix:
                s, e, new = v.fix
                old = doc.prose[s:e]
                label = f"{old} → {new}" if old else f"insert '{new.strip()}'"
                fix = Fix((Edit(s, e, new),), Applicability.UNSAFE, label)
            yield Hit(v.mention.start, v.mention.end, v.message, fix=fix, data=v.data)


class WrongTitle(_TitlesRule):
    meta = RuleMeta(
        id="titles.wrong-office",
        summary="A title the person did not hold on the article's date (or ever, when the article has no date).",
        severity=Severity.ERROR,
        options={"people_files": []},
        fix_safety="Unsafe: the suggested title is for an editor to confirm.",
        fixes="unsafe",
        docs="""## What it flags
A title given to a person who did not hold it on the article's date, checked
against the officeholder knowledge base (`edlint kb who NAME --date D`):
a title before a name (`Russian Prime Minister Vladimir Putin` in 2022),
apposition (`Vladimir Putin, Russia's prime minister,`) and a reference back
(`The Russian premier said …` after naming Putin, who was President; the
premier was Mikhail Mishustin). The message names the office the person held
on that date and who held the office the copy gave them.

## Why
Titles change with time and copy is reused: readers notice, and it
undermines the story.

## Examples
Fails (2022-07-08): `Putin has escalated his rhetoric. The Russian premier said …`

Fails (2022-07-08): `Russian Foreign Minister Vladimir Putin`

Passes (2022-07-08): `Russian Foreign Minister Sergei Lavrov`

## Fix safety
Unsafe: the suggested title (e.g. "president") for an editor to confirm.

""" + _PEOPLE_FILES_DOC + """
## Limits
Without an article date (front matter `date`, or `--date`), only titles the
person never held are flagged. Past the date the knowledge base covers for a
country, nothing is claimed, and the report's "not checked" note says why for
each mention (the data ends on a date; the country has heads of state and
government but no ministers). Generic descriptions ("the Russian leader", "the
minister") are not checked. A bare surname before a title is skipped.

Namesakes (Pierre and Justin Trudeau, John Adams and John Quincy Adams, the
Bushes, the Aliyevs, the Bhuttos, the Gandhis) resolve to a person only when
the name in the copy (the full name, "Jr"/"Sr", "the elder") or the article's
date fits one of them; otherwise no claim is made. "Chancellor" is judged only
for someone who held a chancellorship the vocabulary can mean (of the
Exchequer, of Germany or Austria), never after an institution's name
("Oxford University Chancellor"); "Secretary of State" fits a US secretary of
state or a British one. Someone who left an office is `titles.former`'s
business.
""",
    )


class FormerTitle(_TitlesRule):
    meta = RuleMeta(
        id="titles.former",
        summary="'former' missing for someone who had left the office, or given to someone still in it.",
        severity=Severity.WARNING,
        options={"people_files": []},
        fix_safety="Unsafe: inserts or removes 'former' for an editor to confirm.",
        fixes="unsafe",
        docs="""## What it flags
On the article's date:
- a title the person had held but no longer did, without `former`
  (`Prime Minister Boris Johnson` in 2023; `Defence Secretary Ben Wallace` in 2024);
- `former` before a title the person still held (`former Defence Secretary Ben Wallace` in 2022).

## Why
Old copy and pasted boilerplate carry yesterday's titles; a "former" in the
wrong place is a factual error readers spot at once.

## Examples
Fails (2023-06-01): `Prime Minister Boris Johnson said …` → `former Prime Minister Boris Johnson`

Fails (2022-07-08): `former Defence Secretary Ben Wallace`

Passes (2023-06-01): `Former Prime Minister Boris Johnson`, `Boris Johnson, the former prime minister,`

## Fix safety
Unsafe: an editor confirms (the person may have been named for what they were then).

""" + _PEOPLE_FILES_DOC + """
## Limits
Needs an article date. A person who moved to another office the vocabulary
can name (Putin from prime minister to president) gets `titles.wrong-office`
instead. References back ("the Russian premier") are left to that rule too.
Past the knowledge base's coverage nothing is claimed.
""",
    )


RULES = [WrongTitle, FormerTitle]
