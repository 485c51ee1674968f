"""What the spelling rules share: the curated variant groups as a house configures them, where their
forms occur in an article, and the one finding that reports a name spelled more than one way."""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from edlint.core.findings import Applicability, Edit, Fix, Hit, Option, Related
from edlint.core.kinds import house_files
from edlint.document.normalise import keep_case

from .variants import apply_preferences, load_groups

def groups_for(rule):
    """The rule's groups: built-in packs, the house's files (rule_dirs, extra_files), its preferences.

    Cached per rule: the groups depend on its options only.
    """
    cached = getattr(rule, "_group_cache", None)
    if cached is None:
        base = Path(rule.config_dir or ".")
        files = [base / f for f in rule.options.get("extra_files", [])]
        groups = load_groups(files, house_files(rule, "variants"))
        cached = apply_preferences(groups, list(rule.options.get("prefer", [])))
        rule._group_cache = cached
    return cached


def _line_of(doc, offset):
    return doc.line_col(offset)[0]


def curated_occurrences(rule, doc, ctx):
    """Curated hits per group: [(start, end, text, form_index)], after the case and context guards."""
    groups = groups_for(rule)
    hits = sorted(ctx.hits_for(rule), key=lambda h: (h.start, -(h.end - h.start)))
    kept, last_end = [], -1
    for h in hits:  # the longest form wins where forms overlap ("Sergei Lavrov" over "Lavrov")
        if h.start < last_end:
            continue
        kept.append(h)
        last_end = h.end
    by_group = defaultdict(list)
    for h in kept:
        gi, fi = h.payload
        g = groups[gi]
        if g.proper and not h.text[:1].isupper():
            continue
        if g.locale_pair and not h.text.islower():
            continue
        near = g.not_near.get(g.forms[fi].lower())
        if near:
            bi = doc.block_at(h.start)
            b = doc.blocks[bi] if bi is not None else None
            window = (doc.prose[b.start : b.end] if b else doc.prose[max(0, h.start - 200) : h.end + 200]).lower()
            if _near_words(tuple(near)).search(window):
                continue
        if doc.followed_by_sic(h.end):
            continue
        by_group[gi].append((h.start, h.end, h.text, fi))
    return groups, by_group


@lru_cache(maxsize=256)
def _near_words(words: tuple[str, ...]) -> re.Pattern:
    """Any of ``words`` as a whole word: one pattern for a form's ``not_near`` list (compiled on first use)."""
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


def _places(doc, occ) -> str:
    """Each spelling once, with its count and lines: ``Kiev ×8 (lines 3, 5, 9, 12, …), Kyiv (line 20)``."""
    lines: dict[str, list[int]] = {}
    for s, _, t, _ in occ:
        lines.setdefault(t, []).append(_line_of(doc, s))
    out = []
    for t, ls in lines.items():
        uniq = list(dict.fromkeys(ls))
        shown = ", ".join(map(str, uniq[:5])) + (", …" if len(uniq) > 5 else "")
        plural = "s" if len(uniq) > 1 else ""
        out.append(f"{t} (line {shown})" if len(ls) == 1 else f"{t} ×{len(ls)} (line{plural} {shown})")
    return ", ".join(out)


def spelling_finding(doc, occ, target, why, safe_if_unquoted):
    """One finding for a set of occurrences: anchored at the first one not in the target form."""
    wrong = [o for o in occ if o[2].lower() != target.lower()]
    first = wrong[0]
    places = _places(doc, occ)
    forms = sorted({o[2] for o in occ}, key=lambda f: [o[2] for o in occ].index(f))
    count = len(set(f.lower() for f in forms))
    msg = f"One name, {count} spellings in this article: {places}. Use '{target}' throughout ({why})."
    edits = tuple(Edit(s, e, keep_case(t, target)) for s, e, t, _ in wrong)
    quoted = any(doc.in_quote(s) for s, _, _, _ in wrong)
    safe = safe_if_unquoted and not quoted
    label = ", ".join(f"{t} → {keep_case(t, target)}" for _, _, t, _ in wrong[:3])
    fix = Fix(edits, Applicability.SAFE if safe else Applicability.UNSAFE, label)
    related = tuple(Related(s, e, f"{t} (line {_line_of(doc, s)})") for s, e, t, _ in occ if s != first[0])
    return Hit(first[0], first[1], msg, fix=fix, related=related, data={"forms": forms, "preferred": target})


def curated_terms(rule):
    """Every form of every curated group, for the run's single literal pass: (form, (group, form index))."""
    for gi, g in enumerate(groups_for(rule)):
        for fi, f in enumerate(g.forms):
            yield f, (gi, fi)


# The house's say over curated spelling groups, shared by the rules that read them.
SPELLING_OPTIONS = (
    Option("prefer", list, [], 'Forms the house prefers over the built-in choice, e.g. `prefer = ["Kiev", "Burma"]`.',
           items=str),
    Option("extra_files", list, [], "The house's own variant files (same format), relative to the config file.",
           items=str),
)
