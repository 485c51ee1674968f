"""Each editor set-up in docs/editors.md, tried against the real server.

The command (and initialization options) come from the snippet in the docs;
the `initialize` request is the one that editor sends (its client
capabilities, trimmed to the parts the server reads or that change what it
may do: position encodings, diagnostics, code actions, hover, file watching).
"""
from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the server extra (pygls) is not installed")
pytest_lsp = pytest.importorskip("pytest_lsp", reason="pytest-lsp is not installed")

from lsprotocol import converters  # noqa: E402
from lsprotocol import types as lsp  # noqa: E402
from pytest_lsp import ClientServerConfig  # noqa: E402
from test_server import open_doc  # noqa: E402

try:
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

REPO = Path(__file__).resolve().parents[1]
DOC = REPO / "docs" / "editors.md"

_CODE_ACTIONS = {
    "codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["", "quickfix", "refactor", "refactor.extract",
                                                                 "refactor.inline", "refactor.rewrite", "source",
                                                                 "source.organizeImports"]}},
    "isPreferredSupport": True,
    "dataSupport": True,
    "resolveSupport": {"properties": ["edit"]},
}
CLIENTS = {
    # vscode-languageclient, as the generic client extension runs it
    "VS Code": {
        "clientInfo": {"name": "Visual Studio Code", "version": "1.95.0"},
        "capabilities": {
            "general": {"positionEncodings": ["utf-16"]},
            "workspace": {"applyEdit": True, "workspaceEdit": {"documentChanges": True},
                          "didChangeWatchedFiles": {"dynamicRegistration": True, "relativePatternSupport": True}},
            "textDocument": {
                "synchronization": {"dynamicRegistration": True, "willSave": True, "willSaveWaitUntil": True,
                                    "didSave": True},
                "publishDiagnostics": {"relatedInformation": True, "versionSupport": False,
                                       "codeDescriptionSupport": True, "dataSupport": True,
                                       "tagSupport": {"valueSet": [1, 2]}},
                "codeAction": {"dynamicRegistration": True, "disabledSupport": True, "honorsChangeAnnotations": True,
                               **_CODE_ACTIONS},
                "hover": {"dynamicRegistration": True, "contentFormat": ["markdown", "plaintext"]},
            },
            "window": {"showMessage": {"messageActionItem": {"additionalPropertiesSupport": True}},
                       "workDoneProgress": True},
        },
        "language": "markdown",
    },
    # vim.lsp.protocol.make_client_capabilities() of Neovim 0.11
    "Neovim": {
        "clientInfo": {"name": "Neovim", "version": "0.11.0"},
        "capabilities": {
            "general": {"positionEncodings": ["utf-8", "utf-16", "utf-32"]},
            "workspace": {"applyEdit": True, "workspaceFolders": True,
                          "workspaceEdit": {"resourceOperations": ["rename", "create", "delete"]},
                          "didChangeWatchedFiles": {"dynamicRegistration": False, "relativePatternSupport": True}},
            "textDocument": {
                "synchronization": {"dynamicRegistration": False, "willSave": True, "willSaveWaitUntil": True,
                                    "didSave": True},
                "publishDiagnostics": {"relatedInformation": True, "tagSupport": {"valueSet": [1, 2]},
                                       "dataSupport": True},
                "codeAction": {"dynamicRegistration": True, **_CODE_ACTIONS},
                "hover": {"dynamicRegistration": True, "contentFormat": ["markdown", "plaintext"]},
            },
            "window": {"workDoneProgress": True,
                       "showMessage": {"messageActionItem": {"additionalPropertiesSupport": True}}},
        },
        "language": "markdown",
    },
    # helix-lsp's initialize
    "Helix": {
        "clientInfo": {"name": "helix", "version": "25.01"},
        "capabilities": {
            "general": {"positionEncodings": ["utf-8", "utf-32", "utf-16"]},
            "workspace": {"configuration": True, "applyEdit": True, "workspaceFolders": True,
                          "didChangeWatchedFiles": {"dynamicRegistration": True, "relativePatternSupport": False}},
            "textDocument": {
                "publishDiagnostics": {"versionSupport": True, "tagSupport": {"valueSet": [1, 2]}},
                "codeAction": {"disabledSupport": True, **_CODE_ACTIONS},
                "hover": {"contentFormat": ["markdown"]},
            },
            "window": {"workDoneProgress": True},
        },
        "language": "markdown",
    },
    # Sublime Text's LSP package
    "Sublime Text": {
        "clientInfo": {"name": "Sublime Text LSP", "version": "2.3.0"},
        "capabilities": {
            "general": {"positionEncodings": ["utf-8", "utf-16", "utf-32"]},
            "workspace": {"applyEdit": True, "workspaceEdit": {"documentChanges": True},
                          "didChangeWatchedFiles": {"dynamicRegistration": True, "relativePatternSupport": True}},
            "textDocument": {
                "synchronization": {"dynamicRegistration": True, "didSave": True, "willSave": True,
                                    "willSaveWaitUntil": True},
                "publishDiagnostics": {"relatedInformation": True, "versionSupport": True,
                                       "codeDescriptionSupport": True, "dataSupport": True,
                                       "tagSupport": {"valueSet": [1, 2]}},
                "codeAction": {"dynamicRegistration": True, "disabledSupport": True, **_CODE_ACTIONS},
                "hover": {"dynamicRegistration": True, "contentFormat": ["markdown", "plaintext"]},
            },
            "window": {"showMessage": {"messageActionItem": {"additionalPropertiesSupport": True}},
                       "workDoneProgress": True},
        },
        "language": "markdown",
    },
}


def snippet(editor: str) -> tuple[str, str]:
    """(language, code) of the first fenced block in the docs section for ``editor``."""
    text = DOC.read_text(encoding="utf-8")
    section = re.search(rf"^## {re.escape(editor)}\n(.*?)(?=^## |\Z)", text, re.S | re.M)
    assert section, f"docs/editors.md has no section for {editor}"
    block = re.search(r"```(\w+)\n(.*?)```", section.group(1), re.S)
    assert block, f"no code block for {editor}"
    return block.group(1), block.group(2)


def setup_from_docs(editor: str) -> tuple[list[str], dict | None, list[str]]:
    """The command, initialization options and languages the docs give ``editor``."""
    lang, code = snippet(editor)
    if editor == "VS Code":
        data = json.loads(code)
        command = [data["glspc.server.command"], *data["glspc.server.commandArguments"]]
        return command, data.get("glspc.server.initializationOptions"), data["glspc.server.languageId"]
    if editor == "Neovim":
        assert lang == "lua" and "vim.lsp.enable('edlint')" in code
        cmd = re.findall(r"'([^']*)'", re.search(r"cmd\s*=\s*\{([^}]*)\}", code).group(1))
        fts = re.findall(r"'([^']*)'", re.search(r"filetypes\s*=\s*\{([^}]*)\}", code).group(1))
        return cmd, None, fts
    if editor == "Helix":
        data = tomllib.loads(code)
        server = data["language-server"]["edlint"]
        langs = [lg["name"] for lg in data["language"] if "edlint" in lg["language-servers"]]
        return [server["command"], *server.get("args", [])], server.get("config"), langs
    data = json.loads(code)["clients"]["edlint"]
    assert data["enabled"] and "text.html.markdown" in data["selector"]
    return data["command"], data.get("initializationOptions"), ["markdown"]


def executable(cmd: list[str]) -> list[str]:
    """The documented command, run from this environment's scripts folder (as the editor would find it on PATH)."""
    here = Path(sys.executable).parent / cmd[0]
    found = str(here) if here.exists() else shutil.which(cmd[0])
    if not found:
        pytest.skip(f"{cmd[0]} is not installed as a command")
    return [found, *cmd[1:]]


def units(s: str, encoding: str) -> int:
    return {"utf-8": len(s.encode("utf-8")), "utf-16": len(s.encode("utf-16-le")) // 2, "utf-32": len(s)}[encoding]


@pytest.mark.asyncio
@pytest.mark.parametrize("editor", list(CLIENTS))
async def test_editor_setup_from_docs(editor, tmp_path):
    cmd, init_options, languages = setup_from_docs(editor)
    assert cmd[-1] == "server" and "markdown" in languages
    client_info = CLIENTS[editor]
    config = ClientServerConfig(server_command=executable(cmd))
    client = await config.start()
    try:
        params = converters.get_converter().structure({
            "processId": None, "rootUri": tmp_path.as_uri(), "clientInfo": client_info["clientInfo"],
            "capabilities": client_info["capabilities"], "initializationOptions": init_options,
            "workspaceFolders": [{"uri": tmp_path.as_uri(), "name": "articles"}],
        }, lsp.InitializeParams)
        result = await client.initialize_session(params)
        offered = client_info["capabilities"]["general"]["positionEncodings"]
        encoding = str(getattr(result.capabilities.position_encoding, "value",
                               result.capabilities.position_encoding) or "utf-16")
        assert encoding == offered[0]  # the editor's first choice is taken
        assert result.capabilities.code_action_provider and result.capabilities.hover_provider

        path = tmp_path / "story.md"
        line = "\U0001F4F0 Officials in Kiev said so."
        text = f"# Aid for Kyiv\n\nIn Kyiv today.\n{line}\n"
        diags = await open_doc(client, path, text, language=client_info["language"])
        d = next(d for d in diags if d.code == "spelling.inconsistent")
        col = units(line[: line.index("Kiev")], encoding)
        assert (d.range.start.line, d.range.start.character, d.range.end.character) == (3, col, col + 4)

        actions = await client.text_document_code_action_async(lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=path.as_uri()), range=d.range,
            context=lsp.CodeActionContext(diagnostics=[d])))
        fix = next(a for a in actions if a.is_preferred)
        edit = fix.edit.changes[path.as_uri()][0]
        assert edit.new_text == "Kyiv" and edit.range == d.range

        hover = await client.text_document_hover_async(lsp.HoverParams(
            text_document=lsp.TextDocumentIdentifier(uri=path.as_uri()), position=d.range.start))
        assert hover.contents.kind == lsp.MarkupKind.Markdown and "spelling.inconsistent" in hover.contents.value
        await client.shutdown_session()
    finally:
        await client.stop()
