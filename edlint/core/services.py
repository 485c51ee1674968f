"""The one cache of a run: what rules load once per run, and work they share on one document.

A rule never keeps what it loaded on itself, in a module global or under a
string key: it asks ``ctx.services``. Run-wide resources (the knowledge base,
a phrase pack, a word list) are loaded on first use and kept for every later
document of the run; work several rules share on one document (the titles
verdicts, readability's sentence counts) is done once for that document and
dropped with it. Each resource and each piece of shared work is a typed
object its family declares, so the cache knows no family and a lookup says
what it returns.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar
from edlint.records import PlainRecord

if TYPE_CHECKING:
    from edlint.core.rule import Context
    from edlint.document import Document
    from edlint.knowledge.officeholders import KnowledgeBase

T = TypeVar("T")


class RunResource(PlainRecord, Generic[T]):
    """Something read-only and costly to load (a pack, a word list), loaded once per run.

    ``load`` gets the arguments the lookup passes (files, preferences), so one
    declaration serves every configuration of the run; each distinct set of
    arguments is loaded once.
    """

    _fields = ("name", "load")

    def __init__(self, name: str, load: Callable[..., T]) -> None:
        self.name = name
        self.load = load


class DocumentWork(PlainRecord, Generic[T]):
    """Work on one document that several rules share, done once per document.

    ``compute(doc, ctx, *args)`` runs for the first rule that asks; the others
    get the same value. It is forgotten when the next document starts.
    """

    _fields = ("name", "compute")

    def __init__(self, name: str, compute: Callable[..., T]) -> None:
        self.name = name
        self.compute = compute


class Services:
    """One run's loaded resources, shared by every document, rule and configuration of the run."""

    def __init__(self) -> None:
        self._loaded: dict[tuple[Any, ...], Any] = {}

    def resource(self, res: RunResource[T], *args: Hashable) -> T:
        """``res`` loaded with ``args``, the first time it is asked for in this run."""
        key = (res, *args)
        if key not in self._loaded:
            self._loaded[key] = res.load(*args)
        return self._loaded[key]

    def knowledge_base(self, files: tuple[Path, ...] = ()) -> KnowledgeBase:
        """Who held which office, with the house's own officeholder ``files`` added."""
        return self.resource(_KNOWLEDGE_BASE, tuple(files))

    def for_document(self, doc: Document, ctx: Context) -> DocumentServices:
        """The view one document's rules get: the run's resources and that document's shared work."""
        return DocumentServices(self, doc, ctx)


class DocumentServices:
    """``ctx.services`` for one document: run-wide resources, and work the document's rules share."""

    def __init__(self, run: Services, doc: Document, ctx: Context) -> None:
        self.run = run
        self._doc = doc
        self._ctx = ctx
        self._done: dict[tuple[Any, ...], Any] = {}

    def resource(self, res: RunResource[T], *args: Hashable) -> T:
        """A run-wide resource (see ``Services.resource``)."""
        return self.run.resource(res, *args)

    def knowledge_base(self, files: tuple[Path, ...] = ()) -> KnowledgeBase:
        """The run's knowledge base with the house's officeholder ``files``."""
        return self.run.knowledge_base(files)

    def work(self, job: DocumentWork[T], *args: Hashable) -> T:
        """``job`` done on this document with ``args``, once, whichever rule asks first."""
        key = (job, *args)
        if key not in self._done:
            self._done[key] = job.compute(self._doc, self._ctx, *args)
        return self._done[key]

    def done(self, job: DocumentWork[Any], *args: Hashable) -> bool:
        """Whether ``job`` has already been done on this document (a rule may skip its own work then)."""
        return (job, *args) in self._done


def _load_knowledge_base(files: tuple[Path, ...]) -> KnowledgeBase:
    from edlint.knowledge.officeholders import KnowledgeBase

    return KnowledgeBase.load(files)


_KNOWLEDGE_BASE: RunResource[KnowledgeBase] = RunResource("knowledge base", _load_knowledge_base)
