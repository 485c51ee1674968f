"""`edlint server` end to end: a real server process driven over stdio by pytest-lsp.

Each test acts as an editor would (open, type, ask for code actions, hover)
and compares what the server says with what `edlint check --format json` and
`edlint fix` say about the same file.
"""
from __future__ import annotations

import asyncio
import json
import shutil
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the server extra (pygls) is not installed")
pytest_lsp = pytest.importorskip("pytest_lsp", reason="pytest-lsp is not installed")

from lsprotocol import types as lsp  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from edlint.commands.cli import app  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "examples" / "sample-article.md"
PUBLISH = lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS
SEVERITY = {"error": 1, "warning": 2, "suggestion": 3}

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest_lsp.fixture(
    scope="module",
    config=ClientServerConfig(server_command=[sys.executable, "-m", "edlint", "server"]),
)
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(lsp.InitializeParams(
        capabilities=lsp.ClientCapabilities(
            text_document=lsp.TextDocumentClientCapabilities(
                publish_diagnostics=lsp.PublishDiagnosticsClientCapabilities(related_information=True,
                                                                             version_support=True),
            ),
        ),
        initialization_options={"debounceMs": 20, "maxChars": 300_000},
    ))
    yield
    await lsp_client.shutdown_session()


# ------------------------------------------------------------------ helpers

def utf16_position(text: str, offset: int) -> tuple[int, int]:
    """LSP position of a code-point offset, counted here independently of the server's code."""
    line = text.count("\n", 0, offset)
    start = text.rfind("\n", 0, offset) + 1
    return line, len(text[start:offset].encode("utf-16-le")) // 2


def utf16_offset(text: str, line: int, character: int) -> int:
    start = 0
    for _ in range(line):
        start = text.index("\n", start) + 1
    units = 0
    i = start
    while units < character:
        units += len(text[i].encode("utf-16-le")) // 2
        i += 1
    return i


def apply_edits(text: str, edits: list[lsp.TextEdit]) -> str:
    """Apply LSP text edits the way an editor does (all ranges refer to the original text)."""
    spans = sorted(
        ((utf16_offset(text, e.range.start.line, e.range.start.character),
          utf16_offset(text, e.range.end.line, e.range.end.character), e.new_text) for e in edits),
        reverse=True,
    )
    for a, b, new in spans:
        text = text[:a] + new + text[b:]
    return text


def rng(r: lsp.Range) -> tuple:
    return (r.start.line, r.start.character, r.end.line, r.end.character)


async def wait_diagnostics(client: LanguageClient, uri: str, timeout: float = 20) -> list[lsp.Diagnostic]:
    """The diagnostics published for ``uri`` after the caller cleared ``client.diagnostics[uri]``."""
    async def poll():
        while uri not in client.diagnostics:
            await asyncio.sleep(0.005)
        return list(client.diagnostics[uri])

    return await asyncio.wait_for(poll(), timeout)


async def open_doc(client: LanguageClient, path: Path, text: str, language: str = "markdown") -> list[lsp.Diagnostic]:
    uri = path.as_uri()
    client.diagnostics.pop(uri, None)
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(
        text_document=lsp.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))
    return await wait_diagnostics(client, uri)


async def change_doc(client: LanguageClient, path: Path, version: int, edits: list) -> list[lsp.Diagnostic]:
    uri = path.as_uri()
    client.diagnostics.pop(uri, None)
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version), content_changes=edits))
    return await wait_diagnostics(client, uri)


def close_doc(client: LanguageClient, path: Path) -> None:
    client.text_document_did_close(lsp.DidCloseTextDocumentParams(text_document=lsp.TextDocumentIdentifier(uri=path.as_uri())))


def cli_json(path: Path) -> list[dict]:
    res = CliRunner().invoke(app, ["check", str(path), "--format", "json", "--no-cache"])
    assert res.exit_code in (0, 1), res.output
    return json.loads(res.stdout)["findings"]


@pytest.fixture
def article(tmp_path) -> Path:
    dest = tmp_path / "story.md"
    shutil.copyfile(SAMPLE, dest)
    return dest


# ------------------------------------------------------------------ tests

async def test_open_sample_gives_the_findings_of_check(client: LanguageClient, article: Path):
    text = article.read_text(encoding="utf-8")
    diags = await open_doc(client, article, text)
    expected = sorted(
        (utf16_position(text, f["start"]) + utf16_position(text, f["end"]), f["rule"], SEVERITY[f["severity"]],
         f["message"])
        for f in cli_json(article)
    )
    got = sorted((rng(d.range), d.code, int(d.severity), d.message) for d in diags)
    assert expected and got == expected
    by_rule = {d.code: d for d in diags}
    spelling = by_rule["spelling.inconsistent"]
    assert spelling.source == "edlint"
    assert spelling.code_description is None or spelling.code_description.href.endswith("#spellinginconsistent")
    # the other spellings of the name are related information, pointing at "Kyiv"
    related = spelling.related_information or []
    starts = [r.location.range.start for r in related]
    assert [text[utf16_offset(text, at.line, at.character):][:4] for at in starts] == ["Kyiv", "Kyiv"]
    close_doc(client, article)


async def test_quick_fix_and_fix_all_equal_edlint_fix(client: LanguageClient, article: Path):
    text = article.read_text(encoding="utf-8")
    diags = await open_doc(client, article, text)
    spelling = next(d for d in diags if d.code == "spelling.inconsistent")
    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        text_document=lsp.TextDocumentIdentifier(uri=article.as_uri()), range=spelling.range,
        context=lsp.CodeActionContext(diagnostics=[spelling])))
    quick = [a for a in actions if a.is_preferred]
    assert len(quick) == 1 and "Kiev" in quick[0].title and "(unsafe)" not in quick[0].title
    fixed_one = apply_edits(text, quick[0].edit.changes[article.as_uri()])
    finding = next(f for f in cli_json(article) if f["rule"] == "spelling.inconsistent")
    want = text
    for e in sorted(finding["fix"]["edits"], key=lambda e: -e["start"]):
        want = want[: e["start"]] + e["replacement"] + want[e["end"] :]
    assert fixed_one == want

    fix_all = [a for a in actions if a.title.startswith("Fix all safe")]
    assert len(fix_all) == 1
    after = apply_edits(text, fix_all[0].edit.changes[article.as_uri()])
    res = CliRunner().invoke(app, ["fix", str(article), "--no-cache"])
    assert res.exit_code == 0, res.output
    assert after == article.read_text(encoding="utf-8") != text
    close_doc(client, article)


async def test_unsafe_fix_is_labelled_and_not_preferred(client: LanguageClient, article: Path):
    text = article.read_text(encoding="utf-8")
    diags = await open_doc(client, article, text)
    title = next(d for d in diags if d.code == "titles.former")
    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        text_document=lsp.TextDocumentIdentifier(uri=article.as_uri()), range=title.range,
        context=lsp.CodeActionContext(diagnostics=[title])))
    fixes = [a for a in actions if "titles.former" in a.title and not a.title.startswith("Disable")]
    assert fixes and all(a.title.endswith("(unsafe)") and not a.is_preferred for a in fixes)
    close_doc(client, article)


async def test_change_updates_diagnostics_and_disable_comment_silences(client: LanguageClient, article: Path):
    text = article.read_text(encoding="utf-8")
    diags = await open_doc(client, article, text)
    assert any(d.code == "spelling.inconsistent" for d in diags)
    # type over "Kiev" with "Kyiv", as an editor sends it: one incremental change
    line, col = utf16_position(text, text.index("Kiev"))
    diags = await change_doc(client, article, 2, [lsp.TextDocumentContentChangePartial(
        range=lsp.Range(start=lsp.Position(line=line, character=col), end=lsp.Position(line=line, character=col + 4)),
        text="Kyiv")])
    assert not any(d.code == "spelling.inconsistent" for d in diags)
    assert any(d.code == "titles.former" for d in diags)
    text = text.replace("Kiev", "Kyiv")

    # "disable RULE for this line" inserts the Markdown comment above the line; the finding goes
    title = next(d for d in diags if d.code == "titles.former")
    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        text_document=lsp.TextDocumentIdentifier(uri=article.as_uri()), range=title.range,
        context=lsp.CodeActionContext(diagnostics=[title])))
    disable = next(a for a in actions if a.title == "Disable titles.former for this line")
    edit = disable.edit.changes[article.as_uri()][0]
    assert edit.new_text == "<!-- edlint-disable-next-line titles.former -->\n"
    diags = await change_doc(client, article, 3,
                             [lsp.TextDocumentContentChangePartial(range=edit.range, text=edit.new_text)])
    assert not any(d.code == "titles.former" for d in diags)
    assert any(d.code == "adcopy.furniture" for d in diags)
    close_doc(client, article)


async def test_hover_explains_rule_and_date(client: LanguageClient, article: Path):
    text = article.read_text(encoding="utf-8")
    diags = await open_doc(client, article, text)
    title = next(d for d in diags if d.code == "titles.former")
    hover = await client.text_document_hover_async(lsp.HoverParams(
        text_document=lsp.TextDocumentIdentifier(uri=article.as_uri()), position=title.range.start))
    value = hover.contents.value
    assert "titles.former" in value and "Fix safety" in value
    assert "Article date:** 2024-03-12" in value and "front matter" in value
    # no hover away from a finding
    assert await client.text_document_hover_async(lsp.HoverParams(
        text_document=lsp.TextDocumentIdentifier(uri=article.as_uri()),
        position=lsp.Position(line=0, character=0))) is None
    close_doc(client, article)


async def test_astral_characters_shift_utf16_columns(client: LanguageClient, tmp_path):
    path = tmp_path / "emoji.md"
    text = "# Aid for Kyiv\n\n\U0001F1FA\U0001F1E6 Officials in Kyiv and then Kiev spoke.\n"
    diags = await open_doc(client, path, text)
    d = next(d for d in diags if d.code == "spelling.inconsistent")
    start = text.index("Kiev")
    # two flag letters are 4 UTF-16 units but 2 code points
    assert rng(d.range) == (2, start - text.index("\U0001F1FA") + 2, 2, start - text.index("\U0001F1FA") + 6)
    close_doc(client, path)


async def test_plain_text_disable_uses_hash_comment(client: LanguageClient, tmp_path):
    path = tmp_path / "story.txt"
    text = "Aid for Kyiv\n\nOfficials in Kyiv said so.\nThe mayor of Kiev agreed.\n"
    diags = await open_doc(client, path, text, language="plaintext")
    d = next(d for d in diags if d.code == "spelling.inconsistent")
    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        text_document=lsp.TextDocumentIdentifier(uri=path.as_uri()), range=d.range,
        context=lsp.CodeActionContext(diagnostics=[d])))
    disable = next(a for a in actions if a.title.startswith("Disable"))
    new = apply_edits(text, disable.edit.changes[path.as_uri()])
    assert "\n# edlint-disable-next-line spelling.inconsistent\nThe mayor of Kiev" in new
    res = CliRunner().invoke(app, ["check", "-", "--stdin-filename", "story.txt", "--format", "json", "--no-cache"],
                             input=new)
    assert not [f for f in json.loads(res.stdout)["findings"] if f["rule"] == "spelling.inconsistent"]
    close_doc(client, path)


async def test_broken_config_one_message_then_recovery(client: LanguageClient, tmp_path):
    cfg = tmp_path / "edlint.toml"
    cfg.write_text('[rules."spelling.inconsistent"]\nenabled = tru\n', encoding="utf-8")
    path = tmp_path / "story.md"
    text = "# Aid for Kyiv\n\nOfficials in Kyiv and then Kiev spoke.\n"
    before = len(client.messages)
    diags = await open_doc(client, path, text)
    assert diags == []
    for version in (2, 3):  # typing on: no new message each time
        diags = await change_doc(client, path, version,
                                 [lsp.TextDocumentContentChangeWholeDocument(text=text + "More.\n" * version)])
        assert diags == []
    errors = [m for m in client.messages[before:] if m.type == lsp.MessageType.Error]
    assert len(errors) == 1 and "edlint.toml" in errors[0].message
    cfg.write_text('[rules."spelling.inconsistent"]\nseverity = "error"\n', encoding="utf-8")
    client.diagnostics.pop(path.as_uri(), None)
    client.workspace_did_change_watched_files(lsp.DidChangeWatchedFilesParams(
        changes=[lsp.FileEvent(uri=cfg.as_uri(), type=lsp.FileChangeType.Changed)]))
    diags = await wait_diagnostics(client, path.as_uri())
    inconsistent = [(d.code, d.severity) for d in diags if d.code == "spelling.inconsistent"]
    assert inconsistent == [("spelling.inconsistent", lsp.DiagnosticSeverity.Error)]
    close_doc(client, path)


async def test_binary_and_huge_documents_get_a_message_not_a_hang(client: LanguageClient, tmp_path):
    before = len(client.messages)
    binary = tmp_path / "blob.md"
    assert await open_doc(client, binary, "PK\x03\x04\x00\x00binary\x00" * 100) == []
    huge = tmp_path / "huge.txt"
    assert await open_doc(client, huge, "Word " * 100_000, language="plaintext") == []
    warnings = [m.message for m in client.messages[before:] if m.type == lsp.MessageType.Warning]
    assert len(warnings) == 2 and "binary" in warnings[0] and "too large" in warnings[1]
    # the server still answers
    ok = tmp_path / "ok.md"
    assert any(d.code == "spelling.inconsistent" for d in await open_doc(client, ok, "# Kyiv\n\nIn Kyiv and Kiev.\n"))
    for p in (binary, huge, ok):
        close_doc(client, p)


async def test_save_checks_again(client: LanguageClient, article: Path):
    text = article.read_text(encoding="utf-8")
    await open_doc(client, article, text)
    client.diagnostics.pop(article.as_uri(), None)
    client.text_document_did_save(lsp.DidSaveTextDocumentParams(text_document=lsp.TextDocumentIdentifier(uri=article.as_uri())))
    diags = await wait_diagnostics(client, article.as_uri())
    assert sorted(d.code for d in diags) == sorted(f["rule"] for f in cli_json(article))
    close_doc(client, article)


async def test_excluded_files_stay_quiet_as_in_check(client: LanguageClient, tmp_path):
    (tmp_path / "edlint.toml").write_text('exclude = ["drafts/**"]\n', encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    text = "# Aid for Kyiv\n\nOfficials in Kyiv and then Kiev spoke.\n"
    draft, story = tmp_path / "drafts" / "a.md", tmp_path / "b.md"
    for p in (draft, story):
        p.write_text(text, encoding="utf-8")
    assert await open_doc(client, draft, text) == []
    assert cli_json(draft) == []
    assert [d.code for d in await open_doc(client, story, text)] == [f["rule"] for f in cli_json(story)] != []
    close_doc(client, draft)
    close_doc(client, story)


async def test_house_rule_change_reloads(client: LanguageClient, tmp_path):
    (tmp_path / "edlint.toml").write_text('rule_dirs = ["house-rules"]\n', encoding="utf-8")
    rule = tmp_path / "house-rules" / "style" / "newsroom-words.yaml"
    rule.parent.mkdir(parents=True)
    rule.write_text("kind: substitution\nsummary: Words this newsroom replaces.\nswap:\n  upcoming: forthcoming\n",
                    encoding="utf-8")
    path = tmp_path / "story.md"
    text = "# Vote\n\nThe upcoming vote is a big one.\n"
    diags = await open_doc(client, path, text)
    assert [d.code for d in diags] == ["style.newsroom-words"]
    rule.write_text("kind: substitution\nsummary: Words this newsroom replaces.\nswap:\n  big one: important one\n",
                    encoding="utf-8")
    client.diagnostics.pop(path.as_uri(), None)
    client.workspace_did_change_watched_files(lsp.DidChangeWatchedFilesParams(
        changes=[lsp.FileEvent(uri=rule.as_uri(), type=lsp.FileChangeType.Changed)]))
    diags = await wait_diagnostics(client, path.as_uri())
    flagged = [(d.code, text[utf16_offset(text, d.range.start.line, d.range.start.character):][:7]) for d in diags]
    assert flagged == [("style.newsroom-words", "big one")]
    close_doc(client, path)


async def test_broken_front_matter_is_one_error_on_its_line(client: LanguageClient, tmp_path):
    path = tmp_path / "fm.md"
    text = "---\ntitle: [unclosed\n---\n\nBody text.\n"
    path.write_text(text, encoding="utf-8")
    res = CliRunner().invoke(app, ["check", str(path), "--format", "json", "--no-cache"])
    error = json.loads(res.stdout)["errors"][0]
    diags = await open_doc(client, path, text)
    assert len(diags) == 1 and diags[0].severity == lsp.DiagnosticSeverity.Error
    assert diags[0].message.endswith(error) and diags[0].range.start.line == int(error.split(":")[1]) - 1
    close_doc(client, path)
