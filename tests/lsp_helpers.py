"""Helpers for the language-server tests: a pytest-lsp client that keeps every publish."""

from __future__ import annotations

import asyncio
import shutil
import sys
from pathlib import Path

from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, default_converter, register_lsp_features

ROOT = Path(__file__).resolve().parents[1]
#: Upper bound on waiting for the server (not a latency assertion).
PATIENCE = 60.0


def recording_client() -> LanguageClient:
    """The pytest-lsp test client, also recording every publishDiagnostics in order."""
    client = LanguageClient(converter_factory=default_converter)
    client.published = []

    def publish(client: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
        client.diagnostics[params.uri] = params.diagnostics
        client.published.append(params)

    register_lsp_features(client, {**DEFAULT_CLIENT_FEATURES,
                                   types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: publish})
    return client


CONFIG = ClientServerConfig(server_command=[sys.executable, "-m", "toolkit", "lsp"],
                            client_factory=recording_client)


def make_project(folder: Path) -> Path:
    """A project with the bundled edition (the telegram, its register file and front
    matter, its schemas) in ``tei/`` and the two-file letter fixture in ``letters/``."""
    shutil.copytree(ROOT / "tei", folder / "tei")
    shutil.copytree(ROOT / "schemas", folder / "schemas")
    (folder / "letters").mkdir()
    for name in ("letter.xml", "registers.xml"):
        shutil.copy(ROOT / "tests" / "fixtures" / "live" / name, folder / "letters")
    return folder


async def initialize(client: LanguageClient, folder: Path) -> None:
    await client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"),
        root_uri=folder.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=folder.as_uri(), name="project")]))


async def published(client: LanguageClient, uri: str, count: int = 1,
                    since: int = 0) -> list[types.PublishDiagnosticsParams]:
    """Wait until ``count`` publishes for ``uri`` arrived after index ``since``."""
    async def enough():
        while True:
            mine = [p for p in client.published[since:] if p.uri == uri]
            if len(mine) >= count:
                return mine
            await asyncio.sleep(0.02)

    return await asyncio.wait_for(enough(), PATIENCE)


def open_document(client: LanguageClient, path: Path, text: str, version: int = 1) -> str:
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(
        uri=uri, language_id="xml", version=version, text=text)))
    return uri


def change(client: LanguageClient, uri: str, text: str, version: int) -> None:
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        [types.TextDocumentContentChangeWholeDocument(text=text)]))


def position_of(text: str, needle: str, offset: int = 0) -> types.Position:
    """The LSP position of ``needle``'s first occurrence (+ ``offset`` characters)."""
    index = text.index(needle) + offset
    line = text.count("\n", 0, index)
    column = index - (text.rfind("\n", 0, index) + 1)
    return types.Position(line=line, character=column)
