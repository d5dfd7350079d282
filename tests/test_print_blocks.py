"""Blocks either PDF engine must print whole: a glossary whose glosses may be empty, a
statement of responsibility with several responsibilities; and no empty bullets.

The fixture is small, so both engines run it in a few seconds."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT, run_cli
from pdf_tools import need_poppler, run

FIXTURE = ROOT / "tests" / "fixtures" / "print" / "lists-and-responsibility.xml"


@pytest.fixture(scope="module", params=("typst", "weasyprint"))
def layout(request, tmp_path_factory):
    need_poppler()
    out = tmp_path_factory.mktemp(request.param)
    result = run_cli("build", "--to", "pdf", "-p", f"pdf-engine={request.param}", "-o", str(out),
                     str(FIXTURE))
    assert result.returncode == 0, result.stderr
    return run("pdftotext", "-layout", str(out / (FIXTURE.stem + ".pdf")), "-")


def test_terms_with_empty_glosses_keep_their_terms(layout):
    text = " ".join(layout.split())
    for term in ("drafted", "lapsed", "no longer in force", "retracted", "kept"):
        assert term in text, term


def test_no_empty_bullets(layout):
    bare = [line for line in layout.splitlines() if line.strip() in ("•", "–", "◦", "-", "‣")]
    assert not bare, bare


def test_every_responsibility_of_a_statement(layout):
    text = " ".join(layout.split())
    assert re.search(r"Transcription, proofreading: Ada Quillfeather", text), text[-600:]
