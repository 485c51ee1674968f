"""Recall of the attribution rules on mutated copies of real BBC articles.

Usage: python bench/attribution_recall.py [--limit N] [--show-misses]
       python bench/attribution_recall.py --conventions [--limit N] [--show-misses]

Four mutations, each applied where it makes sense (once per article, except
unattributed),
each checked with the one rule meant to catch it:

- cut-speaker (attribution.dangling-pronoun): remove the paragraph before a
  paragraph that opens "He said" / "She said" ... and everything before it, so
  the pronoun paragraph comes first;
- headline-quote (attribution.headline-quote): put a quoted phrase in the
  headline, attributed to a named speaker, that the body lacks;
- unbalanced (attribution.unbalanced-quotes): delete the closing mark of the
  first `said: "…."` quotation in the body;
- unattributed (attribution.unattributed-quote): drop the attribution clause of
  a quotation (`"…," he said.` becomes `"…."`; at the start of a paragraph
  `Mr Smith said: "…."` becomes `"…."`), one quotation at a time.

Only mutations that leave a real error are counted:

- unbalanced: not when the next character after the deleted mark (or the first
  of the next paragraph) is a double quote mark. `said: "We will go. "We will
  win."` is exactly the convention for a quotation running over paragraphs
  (joined on one line), so the text is still balanced and no reader or rule can
  tell a mark is missing.
- unattributed: only when the rest of the text does not name the speaker
  either. The next sentence must not attribute it (a speech verb, except one
  that only introduces the next sentence's own quote: `Jo Smith said: "…"`).
  Before the quote, its paragraph must name, quote or point to nobody
  (no speech verb, quotation, name or surname of someone named in full in the
  article, personal pronoun or person's role); for a
  quote that opens its paragraph, the same holds for the last sentence of the
  previous paragraph, since edited copy lets a voice named there go on in a new
  paragraph. Quotations of fewer than four words are left out (the rule's
  documented scope).

With ``--conventions`` it measures attribution.headline-quote under each house
convention (``verbatim``, ``paraphrase``) instead:

- false findings: what the rule reports on the articles as published, per 100
  articles (a finding is counted false when the body has the quoted words
  after all, which review of the findings decides; the figure printed is every
  finding, with those whose content words share one body sentence listed by
  ``--show-misses`` for that review);
- headline-swap: in an article whose headline quotes a phrase (two words or
  more) the body has, the
  quote is replaced by another article's headline quote that this body lacks;
- headline-cut: in such an article, every body sentence holding the quoted
  words is cut.

Articles on which the rule already fires before mutation are skipped. Prints,
per rule, how many mutated articles the intended rule flagged. Skips cleanly
when the corpus is not available.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
BBC = (REPO / ".." / "shared" / "data" / "corpus" / "bbc").resolve()

RULES = {
    "cut-speaker": "attribution.dangling-pronoun",
    "headline-quote": "attribution.headline-quote",
    "unbalanced": "attribution.unbalanced-quotes",
    "unattributed": "attribution.unattributed-quote",
}
_PRONOUN_PARA = re.compile(r"^(He|She) (said|added|told)\b", re.M)
_SAID_QUOTE = re.compile(r'said: "[^"\n]{20,}?[.!?]"')
_VERBS = r"(?:said|says|added|adds|told|explained|insisted|warned|stressed|continued|argued|claimed|admitted)"
# "…," he said [more].   /   "…," said Name [more].   /   "…," Name Name said [more].
_TAIL_CLAUSE = re.compile(
    r'^"(?P<q>[^"\n]{15,}?)(?P<p>[,.?!])" (?P<clause>[^"\n]{0,160}?)'
    r"(?<!\b[A-Z])(?<!\bMrs)(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)\.(?=\s|$)"  # not "said Mr R. Sridharan"
)
_MID_CLAUSE = re.compile(_TAIL_CLAUSE.pattern.replace("^", "(?<=[.!?] )", 1))
_VERB_RE = re.compile(rf"\b{_VERBS}\b")
# Name said: "…".
_LEAD_CLAUSE = re.compile(rf'^(?P<clause>[^".\n]{{3,80}}?\b{_VERBS}\b[^".:\n]{{0,40}}):\s+(?="[^"\n]{{15,}}?[.?!]")')
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"']?\s+(?=[\"'A-Z])")
# Someone the previous sentence gives a voice: a personal pronoun, an honorific, a full name.
_PERSON = re.compile(
    r"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Hh]is|[Hh]er|[Hh]im|[Tt]hem|[Tt]heir|I|[Ww]e)\b"
    r"|\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady)\b|\b[A-Z][a-z]+ [A-Z][a-z]+"
)


def _first_sentence(text: str) -> str:
    return _SENTENCE_END.split(text.strip(), maxsplit=1)[0] if text.strip() else ""


def _last_sentence(text: str) -> str:
    parts = _SENTENCE_END.split(text.strip())
    return parts[-1] if parts else ""


def _speech(text: str) -> bool:
    from edlint.checks.attribution.vocab import ATTRIBUTION_RE

    return bool(ATTRIBUTION_RE.search(text))


_INTRODUCES = re.compile(
    r'^[^"]*?\b(?:said|says|told|tells|explained|insisted|warned|stressed|argued|claimed|admitted|wrote|asked)\b'
    r'[^".:]{0,60}:\s*"'
)


def _attributes_next(sentence: str) -> bool:
    """Does the next sentence attribute the quote before it (not just introduce its own, 'Jo said: "…"')?"""
    return _speech(sentence) and not _INTRODUCES.match(sentence)


def _names_someone(sentence: str, surnames: frozenset[str] = frozenset()) -> bool:
    """Does the sentence name, quote or point to a person or a person's role (so a following quote has a voice)?

    ``surnames`` are the article's people referred to by surname alone after
    their first mention ("Moya made up for …").
    """
    from edlint.checks.attribution.vocab import PERSON_ROLE_RE

    if '"' in sentence or _speech(sentence) or _PERSON.search(sentence) or PERSON_ROLE_RE.search(sentence):
        return True
    return not surnames.isdisjoint(re.findall(r"\b[A-Z][\w'-]+", sentence))


_FULL_NAME_IN_TEXT = re.compile(r"(?:^|[a-z,(]\s)(?:Mr |Mrs |Ms |Dr )?[A-Z][a-z]+ ([A-Z][a-z][\w'-]+)\b", re.M)


def surnames_of(text: str) -> frozenset[str]:
    """Surnames of people named in full in the article ("Carlos Moya" gives "Moya")."""
    return frozenset(m.group(1) for m in _FULL_NAME_IN_TEXT.finditer(text))


def _words(text: str) -> int:
    return len(re.findall(r"[^\W_][\w'’-]*", text))


def drop_attribution(paras: list[str]):
    """Each way of dropping an attribution clause that leaves a real error.

    Yields (paragraphs, index of the mutated paragraph), one mutation at a time:
    first the quotes that open a paragraph, then those later in a paragraph.
    """
    surnames = surnames_of("\n\n".join(paras))
    for i in range(1, len(paras)):
        mutated = _drop_opening(paras, i, surnames)
        if mutated is not None:
            yield paras[:i] + [mutated] + paras[i + 1 :], i
        for mutated in _drop_inside(paras, i, surnames):
            yield paras[:i] + [mutated] + paras[i + 1 :], i


def _drop_opening(paras: list[str], i: int, surnames: frozenset[str]) -> str | None:
    """Drop the clause of the quote opening paragraph i, if nothing else then names its speaker.

    The previous paragraph's last sentence must not name, quote or point to
    anyone: edited copy lets a voice named there go on in a new paragraph.
    """
    p = paras[i]
    m = _TAIL_CLAUSE.match(p)
    if m and _VERB_RE.search(m.group("clause")):
        quote = f'"{m.group("q")}{"." if m.group("p") in ",." else m.group("p")}"'
        new = quote + p[m.end() :]
    else:
        m = _LEAD_CLAUSE.match(p)
        if not m:
            return None
        new = p[m.end() :]
        quote = _first_sentence(new)
    if _words(quote) < 4 or paras[i - 1].count('"') % 2:
        return None  # too short to be a statement, or it continues the previous paragraph's quote
    rest = new[len(quote) :] if new.startswith(quote) else new[new.find('"', 1) + 1 :]
    if _attributes_next(_next_sentence(rest, paras, i)) or _names_someone(_last_sentence(paras[i - 1]), surnames):
        return None
    return new


def _drop_inside(paras: list[str], i: int, surnames: frozenset[str]):
    """Drop the clause of a quote after the first sentence of paragraph i.

    Only where nothing before it in the paragraph names anyone.
    """
    p = paras[i]
    for m in _MID_CLAUSE.finditer(p):
        if not _VERB_RE.search(m.group("clause")) or _words(m.group("q")) < 4:
            continue
        if _names_someone(p[: m.start()], surnames) or _attributes_next(_next_sentence(p[m.end() :], paras, i)):
            continue
        yield p[: m.start()] + f'"{m.group("q")}{"." if m.group("p") in ",." else m.group("p")}"' + p[m.end() :]


def _next_sentence(rest: str, paras: list[str], i: int) -> str:
    if rest.strip():
        return _first_sentence(rest)
    return _first_sentence(paras[i + 1]) if i + 1 < len(paras) else ""


def _span(head: str, paras: list[str], i: int) -> tuple[int, int]:
    """Offsets of paragraph i in ``head + "\\n\\n" + "\\n\\n".join(paras)``."""
    start = len(head) + 2 + sum(len(p) + 2 for p in paras[:i])
    return start, start + len(paras[i])


class Linter:
    """One runner per rule, reused for every article (building one per call is most of the time)."""

    def __init__(self) -> None:
        from edlint.run.runner import Runner, RunOptions

        self._runners = {rule: Runner(RunOptions(select=[rule], keep_text=False)) for rule in RULES.values()}

    def __call__(self, text: str, rule: str) -> list:
        from edlint.io.articles import SourceFile

        res = self._runners[rule].lint_source(SourceFile(path="a.txt", text=text))
        if res.error:
            raise ValueError(res.error)
        return res.findings


HEADLINE = "Jane Example warns 'the bridge will fall within weeks'"


def mutations(text: str, already: set[str]):
    """Each (kind, mutated article, span a finding must fall in or None) for one article.

    ``already`` holds the rules that fire on the article as it is: their
    mutations would prove nothing.
    """
    head, _, body = text.partition("\n\n")
    paras = body.split("\n\n")
    for i, p in enumerate(paras[1:], 1):
        if _PRONOUN_PARA.match(p):
            yield "cut-speaker", head + "\n\n" + "\n\n".join(paras[i:]), _span(head, paras[i:], 0)
            break
    yield "headline-quote", HEADLINE + "\n\n" + body, None
    if RULES["unbalanced"] not in already:
        mutated = _drop_closing_mark(body)
        if mutated is not None:
            yield "unbalanced", head + "\n\n" + mutated, None
    if RULES["unattributed"] not in already:
        for new_paras, i in drop_attribution(paras):
            yield "unattributed", head + "\n\n" + "\n\n".join(new_paras), _span(head, new_paras, i)


def _drop_closing_mark(body: str) -> str | None:
    """Delete the closing mark of the first `said: "…."`, unless a quote mark follows at once.

    `said: "We will go. "We will win."` is the convention for a quotation that
    runs over (joined) paragraphs: still balanced, so not an error to find.
    """
    m = _SAID_QUOTE.search(body)
    if not m:
        return None
    cut = m.end() - 1
    if body[cut + 1 :].lstrip().startswith('"'):
        return None
    return body[:cut] + body[cut + 1 :]


# ------------------------------------------------------------------ headline conventions

CONVENTIONS = ("verbatim", "paraphrase")
_HEAD_QUOTE = re.compile(r"(?<![\w'])'([^'\n]+?)'(?![\w'])|\"([^\"\n]+?)\"")
_STOP = frozenset(["a", "an", "the", "to", "of", "in", "on", "for", "and", "or", "but", "is", "are", "was", "were",
                   "be", "been", "it", "its", "this", "that", "with", "by", "at", "as", "from", "not", "no"])


def _stem_set(text: str) -> set[str]:
    return {w.lower().rstrip("s")[:5] for w in re.findall(r"\w+", text)}


class HeadlineLinter:
    """attribution.headline-quote under one convention, set in a config file as a house would."""

    def __init__(self, convention: str, folder: Path) -> None:
        from edlint.run.runner import Runner, RunOptions

        cfg = folder / f"{convention}.toml"
        cfg.write_text(f'[rules."attribution.headline-quote"]\nconvention = "{convention}"\n', encoding="utf-8")
        self.runner = Runner(RunOptions(select=[RULES["headline-quote"]], config_path=str(cfg), keep_text=False))

    def __call__(self, text: str) -> list:
        from edlint.io.articles import SourceFile

        res = self.runner.lint_source(SourceFile(path="a.txt", text=text))
        if res.error:
            raise ValueError(res.error)
        return res.findings


def headline_quotes(head: str) -> list[tuple[int, int, str]]:
    """(start, end, words) of each quoted phrase in a headline, marks included in the span."""
    return [(m.start(), m.end(), m.group(1) or m.group(2)) for m in _HEAD_QUOTE.finditer(head)]


def _in_body(words: str, body: str) -> bool:
    """Does the body have the quoted words as they stand (case and punctuation aside)?"""
    norm = lambda t: " " + " ".join(re.findall(r"[\w']+", t.lower().replace("’", "'"))) + " "  # noqa: E731
    return norm(words) in norm(body)


def headline_mutations(files: list[Path]):
    """(kind, path, mutated text) for articles whose headline quotes words the body has."""
    phrases = []
    texts = {}
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        head, _, body = text.partition("\n\n")
        texts[path] = (head, body)
        phrases += [q[2] for q in headline_quotes(head) if len(q[2].split()) >= 2]
    for n, (path, (head, body)) in enumerate(texts.items()):
        for start, end, words in headline_quotes(head):
            if len(words.split()) < 2 or not _in_body(words, body):
                continue  # a phrase the body has: single words in marks are scare quotes in both conventions
            # swap: another headline's phrase that this body lacks (the next one in corpus order)
            for k in range(len(phrases)):
                other = phrases[(n + k) % len(phrases)]
                if not _in_body(other, body) and not (_stem_set(other) - _stem_set(_STOP_TEXT)) <= _stem_set(body):
                    swapped = head[:start] + head[start] + other + head[end - 1] + head[end:]
                    yield "headline-swap", path, swapped + "\n\n" + body
                    break
            # cut: drop every body sentence that holds the quoted words
            # (counted only when no sentence left holds all the quote's content words: "the
            # ban would be lifted" still supports 'to be lifted', "evil twins" 'Evil twin')
            sentences = re.split(r"(?:(?<=[.!?])|(?<=[.!?][\"']))\s+", body)
            kept = [s for s in sentences if not _in_body(words, s)]
            content = _stem_set(words) - _stem_set(_STOP_TEXT)
            if not any(content <= _stem_set(s) for s in kept):
                yield "headline-cut", path, head + "\n\n" + " ".join(kept)
            break


_STOP_TEXT = " ".join(_STOP)


def conventions(files: list[Path], show: bool) -> int:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        linters = {c: HeadlineLinter(c, Path(tmp)) for c in CONVENTIONS}
        published = {c: 0 for c in CONVENTIONS}
        review: dict[str, list[str]] = {c: [] for c in CONVENTIONS}
        for path in files:
            text = path.read_text(encoding="utf-8", errors="replace")
            head, _, body = text.partition("\n\n")
            sentences = [_stem_set(s) for s in re.split(r"(?<=[.!?])\s+", body)]
            for c, lint in linters.items():
                for f in lint(text):
                    published[c] += 1
                    q = text[f.start : f.end].strip("'\"‘’“”")
                    content = _stem_set(q) - _stem_set(_STOP_TEXT)
                    if content and any(content <= s for s in sentences):
                        review[c].append(f"{path.relative_to(BBC)}: {q!r}")
        tally = {(k, c): [0, 0] for k in ("headline-swap", "headline-cut") for c in CONVENTIONS}
        misses: list[str] = []
        for kind, path, mutated in headline_mutations(files):
            for c, lint in linters.items():
                hit = bool(lint(mutated))
                tally[kind, c][0] += 1
                tally[kind, c][1] += hit
                if not hit and c == "verbatim":
                    misses.append(f"{kind}: {path.relative_to(BBC)}")
    n = len(files)
    print(f"{'':<28}" + "".join(f"{c:>16}" for c in CONVENTIONS))
    print(f"{'findings per 100 articles':<28}" + "".join(f"{published[c] / n * 100:>16.2f}" for c in CONVENTIONS))
    print(f"{'  to review (words in body)':<28}" + "".join(f"{len(review[c]):>16}" for c in CONVENTIONS))
    for kind in ("headline-swap", "headline-cut"):
        cells = "".join(f"{tally[kind, c][1]:>8}/{tally[kind, c][0]:<4}"
                        f"{tally[kind, c][1] / max(1, tally[kind, c][0]):>4.2f}" for c in CONVENTIONS)
        print(f"{'recall ' + kind:<28}{cells}")
    print(f"({n} articles)")
    if show:
        print("\n".join(["to review, verbatim:"] + review["verbatim"] + ["missed under verbatim:"] + misses))
    return 0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--conventions", action="store_true", help="headline-quote under each house convention")
    args = ap.parse_args()
    if not BBC.is_dir():
        print(f"corpus not found: {BBC}")
        return 0
    files = sorted(p for p in BBC.rglob("*.txt") if p.name != "README.TXT")
    if args.limit:
        files = files[: args.limit]
    if args.conventions:
        return conventions(files, args.show_misses)
    lint = Linter()
    tally = {k: [0, 0] for k in RULES}
    misses: list[str] = []
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        already = {rule for rule in (RULES["unbalanced"], RULES["unattributed"]) if lint(text, rule)}
        for kind, mutated, span in mutations(text, already):
            found = lint(mutated, RULES[kind])
            hit = any(span[0] <= f.start < span[1] for f in found) if span else bool(found)
            tally[kind][0] += 1
            tally[kind][1] += hit
            if not hit:
                misses.append(f"{kind}: {path.relative_to(BBC)}")
    for k, (n, hit) in tally.items():
        print(f"{k:<16}{RULES[k]:<34}{hit:>5}/{n:<5}{(hit / n if n else 0):>7.1%}")
    if args.show_misses:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
