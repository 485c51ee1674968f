"""Attribution: who said it? Built on the document model's quotations and sentences.

Rules: a headline quote the body never supports, pronoun attributions with
nobody to refer to, quote marks that do not balance (allowing the convention
that a quote running over paragraphs opens each one and closes at its end),
quoted statements with no speaker, sources never introduced, and (opt-in)
anonymous sourcing.
"""
from __future__ import annotations

from .anonymous_source import AnonymousSource
from .dangling_pronoun import DanglingPronoun
from .headline_quote import HeadlineQuote
from .unattributed_quote import UnattributedQuote
from .unbalanced_quotes import UnbalancedQuotes
from .unintroduced_source import UnintroducedSource
from .wrong_way_quote import WrongWayQuote

RULES = [
    HeadlineQuote, DanglingPronoun, UnbalancedQuotes, WrongWayQuote, UnattributedQuote, UnintroducedSource,
    AnonymousSource,
]
