"""Blocks, headline, front matter, Markdown prose view and offsets."""
from __future__ import annotations

import datetime as dt

import pytest

from edlint.document import FrontMatterError, build_document


def test_plain_text_headline_and_paragraphs(seed_text):
    doc = build_document(seed_text, "seed.txt")
    assert doc.text[doc.headline.start : doc.headline.end].startswith("Ben Wallace assures")
    assert len(doc.body) == 32
    assert doc.prose == doc.text


def test_prose_view_keeps_offsets_for_markdown():
    text = (
        "---\ntitle: A 'big' day\ndate: 2022-07-08\n---\n\n# Heading here\n\n"
        "Read [the report](https://example.com/x?a=1) and **Kiev** &amp; `code here`.\n\n"
        "```\nKiev in code\n```\n\n<!-- a comment Kiev -->\n"
    )
    doc = build_document(text, "a.md")
    assert len(doc.prose) == len(text)
    i = text.index("the report")
    assert doc.prose[i : i + 10] == "the report"
    assert "https" not in doc.prose and "code here" not in doc.prose
    assert "Kiev in code" not in doc.prose and "a comment" not in doc.prose
    assert "**" not in doc.prose
    j = text.index("&amp;")
    assert doc.prose[j] == "&" and doc.prose[j + 1 : j + 5] == "    "
    assert doc.date == dt.date(2022, 7, 8) and "front matter" in doc.date_source
    # The front-matter title is the headline, at its own offsets.
    h = doc.headline
    assert text[h.start : h.end] == "A 'big' day"
    assert [q.text(text) for q in doc.quotations] == ["big"]


def test_markdown_h1_is_headline_without_front_matter():
    doc = build_document("# The headline\n\nBody text here.\n", "a.md")
    assert doc.text[doc.headline.start : doc.headline.end] == "The headline"
    assert len(doc.body) == 1


def test_toml_front_matter():
    doc = build_document('+++\ntitle = "T"\npublished = 2024-01-02\n+++\nBody.\n', "a.md")
    assert doc.date == dt.date(2024, 1, 2)


def test_broken_front_matter_names_line():
    with pytest.raises(FrontMatterError) as exc:
        build_document("---\ntitle: ok\ndate: [unclosed\n---\nBody\n", "a.md")
    assert exc.value.line in (3, 4, 5)


def test_crlf_offsets_and_columns():
    text = "Head\r\n\r\nOne two Kiev.\r\nThree.\r\n"
    doc = build_document(text, "a.txt")
    i = text.index("Kiev")
    assert doc.line_col(i) == (3, 9)
    assert [doc.text[b.start : b.end] for b in doc.body] == ["One two Kiev.", "Three."]


def test_hard_wrapped_plain_text_is_one_paragraph():
    text = ("Head\n\nThis paragraph is wrapped at a fixed width of about sixty\n"
            "characters, as some wire services still do it today, and\nends here.\n")
    doc = build_document(text, "a.txt")
    assert len(doc.body) == 1


def test_sentences_respect_abbreviations():
    text = "Head\n\nMr Smith met Dr Jones in the U.S. on Monday. They spoke. \u201cIt went well.\u201d He left.\n"
    doc = build_document(text, "a.txt")
    got = [text[s.start : s.end] for s in doc.sentences if s.block == 1]
    assert got == ["Mr Smith met Dr Jones in the U.S. on Monday.", "They spoke.",
                   "\u201cIt went well.\u201d", "He left."]


def test_sic_detection():
    text = "Head\n\nThe sign said Kiev [sic] in big letters.\n"
    doc = build_document(text, "a.txt")
    i = text.index("Kiev")
    assert doc.followed_by_sic(i + 4)
    assert not doc.followed_by_sic(i + 3)


def test_default_date_used_only_without_front_matter():
    d = dt.date(2020, 1, 1)
    assert build_document("Head\n\nBody.\n", "a.txt", default_date=d).date_source == "--date"
    doc = build_document("---\ndate: 2022-07-08\n---\nBody.\n", "a.md", default_date=d)
    assert doc.date == dt.date(2022, 7, 8)


def test_markdown_containers_lists_and_tables():
    text = (
        "# Head\n\n> He said the Kiev office\n> would *close*.\n\n- First item Kiev\n- Second _item_\n\n"
        "1. Numbered [link](http://x.y) Kiev\n\n| a | b |\n|---|---|\n| Kiev | x |\n\nPlain snake_case_word.\n"
    )
    doc = build_document(text, "a.md")
    kievs = [i for i in range(len(text)) if text.startswith("Kiev", i)]
    in_prose = [i for i in kievs if doc.prose[i : i + 4] == "Kiev"]
    # Blockquote, list items and link text are prose; table cells are not.
    assert len(in_prose) == 3 and len(kievs) == 4
    assert ">" not in doc.prose and "http" not in doc.prose
    assert "snake_case_word" in doc.prose
    assert [doc.prose[b.start : b.end] for b in doc.body][0] == "He said the Kiev office\n  would  close ."


def test_sentence_ends_after_words_that_look_like_abbreviations():
    text = "Head\n\nThe cat sat. The dog ran. He said no. It was fine. Co-operation rose at Acme Co. in May.\n"
    doc = build_document(text, "a.txt")
    got = [text[s.start : s.end] for s in doc.sentences if s.block == 1]
    assert got == ["The cat sat.", "The dog ran.", "He said no.", "It was fine.",
                   "Co-operation rose at Acme Co. in May."]
