"""What both titles rules share: the house's officeholder files, the title vocabulary and the
knowledge base, loaded once per run, and the verdicts judged once per document for both."""
from __future__ import annotations

from pathlib import Path

from edlint.core.findings import Applicability, Edit, Fix, Hit, Option
from edlint.core.kinds import house_files
from edlint.core.rule import Rule
from edlint.core.services import DocumentWork

from .judge import has_title_word, verdicts
from .vocabulary import vocabulary

PEOPLE_FILES = Option(
    "people_files", list, [],
    "The house's own officeholder files (YAML, `kind: officeholders`), relative to the config file: "
    "local governors, party leaders, club managers, and the title words for them. Set it once for the family: "
    '`[rules.titles] people_files = ["newsroom/people.yaml"]`. See `docs/knowledge-base.md`.',
    items=str,
)


def _judge_document(doc, ctx, files: tuple[Path, ...], words: tuple[Path, ...]):
    """Every title mention of the document judged; nothing loaded when it holds no title word."""
    if not has_title_word(doc.prose, vocabulary(words).title_keys if words else ()):
        return []  # no title word: neither vocabulary nor knowledge base is needed
    return verdicts(doc, ctx, vocabulary(words), lambda: ctx.services.knowledge_base(files))


TITLE_VERDICTS: DocumentWork[list] = DocumentWork("titles verdicts", _judge_document)


class OfficeholderRule(Rule):
    """Shared plumbing: the house's files, the vocabulary and the knowledge base, loaded once per run."""

    def _files(self) -> tuple[Path, ...]:
        """The house's officeholder files, resolved once per rule (not per document)."""
        files = getattr(self, "_resolved_files", None)
        if files is None:
            base = Path(self.config_dir or ".")
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
