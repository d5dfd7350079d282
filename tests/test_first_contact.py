"""Mistakes a new user makes, caught with a message instead of passing in silence (issue 15):
a file that is not TEI, TEI without its namespace, an empty folder, a missing file, a
mistyped option, two sources for one output, a wrong import URI, repeated warnings, and
the lock file a build used to leave behind."""

from __future__ import annotations

import multiprocessing
import os
import re
from pathlib import Path

from conftest import TELEGRAM, run_cli
from toolkit.build.lock import LOCK_NAME, locked_output
from toolkit.core.errors import UsageError

TEI_NS = "http://www.tei-c.org/ns/1.0"
LETTER = f"""<TEI xmlns="{TEI_NS}"><teiHeader><fileDesc><titleStmt><title>A letter</title>
</titleStmt></fileDesc></teiHeader><text><body><p>Dear Anna.</p></body></text></TEI>
"""
NOTES = '<?xml version="1.0"?>\n<!-- my notes -->\n<notes>\n  <note>Buy milk</note>\n</notes>\n'


def _lines(stderr: str, rule: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.endswith(f"[{rule}]")]


# --- not TEI --------------------------------------------------------------------------------

def test_a_file_that_is_not_tei_is_an_error_in_validate_and_build(tmp_path):
    notes = tmp_path / "notes.xml"
    notes.write_text(NOTES)
    validated = run_cli("validate", str(notes))
    assert validated.returncode == 1, validated.stderr
    [line] = _lines(validated.stderr, "not-tei")
    assert line.startswith(f"{notes}:3:1: error: not a TEI document: the root element is "
                           "<notes> (no namespace); expected <TEI> or <teiCorpus> in the TEI "
                           f"namespace ({TEI_NS})")
    assert "0 valid, 1 invalid" in validated.stderr

    out = tmp_path / "out"
    built = run_cli("build", str(notes), "--to", "html,text", "-o", str(out))
    assert built.returncode == 1
    assert _lines(built.stderr, "not-tei") == [line]
    assert not out.exists(), "no 'Untitled document' is written"


def test_tei_without_its_namespace_gets_its_own_message(tmp_path):
    letter = tmp_path / "letter.xml"
    letter.write_text(LETTER.replace(f' xmlns="{TEI_NS}"', "", 1).replace("<TEI>", "\n  <TEI\n>"))
    for command in ("validate", "build"):
        result = run_cli(command, str(letter), *(("-o", str(tmp_path / "out"))
                                                 if command == "build" else ()))
        assert result.returncode == 1, result.stderr
        [line] = _lines(result.stderr, "tei-namespace")
        assert line.startswith(f"{letter}:2:3: error: <TEI> has no namespace")
        assert f'add xmlns="{TEI_NS}" to the <TEI> start tag' in line
        assert "not-tei" not in result.stderr


def test_a_wrong_tei_namespace_names_the_one_to_write(tmp_path):
    letter = tmp_path / "letter.xml"
    letter.write_text(f'<t:TEI xmlns:t="{TEI_NS}/"><t:text/></t:TEI>')
    result = run_cli("validate", str(letter))
    assert result.returncode == 1
    [line] = _lines(result.stderr, "tei-namespace")
    assert f"is in the namespace {TEI_NS}/, not TEI's" in line
    assert f'write xmlns:t="{TEI_NS}" in the <t:TEI> start tag' in line


def test_a_schema_decides_what_the_root_of_other_xml_may_be(tmp_path):
    """Validating XML that is not TEI against its own schema is not an error of ours."""
    schema = tmp_path / "notes.xsd"
    schema.write_text('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
                      '<xs:element name="notes"><xs:complexType><xs:sequence>'
                      '<xs:element name="note" type="xs:string" maxOccurs="unbounded"/>'
                      '</xs:sequence></xs:complexType></xs:element></xs:schema>')
    notes = tmp_path / "notes.xml"
    notes.write_text(NOTES)
    result = run_cli("validate", str(notes), "--schema", str(schema))
    assert result.returncode == 0, result.stderr
    assert "not-tei" not in result.stderr


def test_tei_documents_pass(tmp_path):
    for root in ("TEI", "teiCorpus"):
        doc = tmp_path / f"{root}.xml"
        doc.write_text(LETTER if root == "TEI" else
                       f'<teiCorpus xmlns="{TEI_NS}">{LETTER.replace(f" xmlns={TEI_NS!r}", "")}'
                       "</teiCorpus>".replace(f' xmlns="{TEI_NS}"><teiHeader',
                                              '><teiHeader', 1))
        result = run_cli("validate", str(doc), "--no-checks")
        assert result.returncode == 0, result.stderr


# --- sources that are not there -------------------------------------------------------------

def test_an_empty_folder_is_a_usage_error(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "readme.txt").write_text("no XML here")
    for command in ("validate", "build"):
        result = run_cli(command, str(empty), *(("-o", str(tmp_path / "out"))
                                                if command == "build" else ()))
        assert result.returncode == 2, result.stderr
        assert f"{empty}: error: no XML files in this folder" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_missing_file_is_unreadable_not_invalid(tmp_path):
    result = run_cli("validate", str(tmp_path / "missing.xml"))
    assert result.returncode == 2
    assert "0 file(s) checked, 0 valid, 0 invalid, 1 unreadable" in result.stderr
    junit = run_cli("validate", str(tmp_path / "missing.xml"), "--format", "junit")
    assert 'errors="1"' in junit.stdout and 'failures="0"' in junit.stdout


# --- options ----------------------------------------------------------------------------------

def test_a_mistyped_option_suggests_one_of_the_commands_own(tmp_path):
    built = run_cli("build", "--fomat", "html")
    assert built.returncode == 2
    assert "No such option '--fomat'. Did you mean '--to'?" in built.stderr
    validated = run_cli("validate", "--fomat", "json")
    assert "No such option '--fomat'. Did you mean '--format'?" in validated.stderr
    assert "Did you mean" not in run_cli("build", "--colour", "red").stderr


def test_an_output_clash_is_counted_once_in_the_progress(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "letter.xml").write_text(LETTER)
    result = run_cli("build", str(tmp_path / "a" / "letter.xml"), str(tmp_path / "b" / "letter.xml"),
                     "--to", "text", "-o", str(tmp_path / "out"), env={"CI": "1"})
    assert result.returncode == 1
    assert len(_lines(result.stderr, "output-clash")) == 1
    progress = re.findall(r"building: (\d+)/(\d+) files \((\d+)%\)", result.stderr)
    assert progress and progress[-1] == ("2", "2", "100")
    assert all(int(done) <= int(total) for done, total, _ in progress)


def test_a_wrong_import_uri_lists_the_stylesheets_there_are(tmp_path):
    sheet = tmp_path / "mine.xsl"
    sheet.write_text('<xsl:stylesheet version="3.0" '
                     'xmlns:xsl="http://www.w3.org/1999/XSL/Transform">\n'
                     '  <xsl:import href="https://tei-edition.org/xslt/htm.xsl"/>\n'
                     '</xsl:stylesheet>\n')
    result = run_cli("build", str(TELEGRAM), "--to", "html", "--stylesheet", f"html={sheet}",
                     "-o", str(tmp_path / "out"), "-q")
    assert result.returncode == 1
    assert f"{sheet}:2:" in result.stderr
    assert ("https://tei-edition.org/xslt/htm.xsl is not one of tei-edition's stylesheets; "
            "import one of: https://tei-edition.org/xslt/html.xsl, "
            "https://tei-edition.org/xslt/text.xsl") in result.stderr


# --- repeated warnings ------------------------------------------------------------------------

def test_a_warning_for_every_document_is_shown_once_with_a_count(tmp_path):
    project = tmp_path / "project"
    (project / "letters").mkdir(parents=True)
    (project / "persons.xml").write_text(
        f'<TEI xmlns="{TEI_NS}"><text><body><listPerson><person xml:id="anna">'
        "<persName>Anna</persName></person></listPerson></body></text></TEI>")
    for i in range(4):
        (project / "letters" / f"letter-{i}.xml").write_text(
            LETTER.replace("Dear Anna.", 'Dear <persName ref="../persons.xml#anna">Anna</persName>.'))
    result = run_cli("build", "letters", "--to", "text", "-o", "out", cwd=project)
    assert result.returncode == 0, result.stderr
    lines = _lines(result.stderr, "register")
    assert lines == [
        "letters/letter-0.xml:2: warning: register file persons.xml is outside the source's "
        "folder letters; not read (build ., which holds both) [register]",
        "letters/letter-0.xml:2: warning: register file persons.xml is outside the source's "
        "folder letters; not read (build ., which holds both) (x4 in all, in 4 documents) "
        "[register]",
    ], result.stderr
    assert str(tmp_path) not in result.stderr
    every = run_cli("build", "letters", "--to", "text", "-o", "out2", "-v", cwd=project)
    assert len(_lines(every.stderr, "register")) == 4  # -v shows each


def test_a_stylesheet_message_repeated_in_one_document_is_counted(tmp_path):
    sheet = tmp_path / "chatty.xsl"
    sheet.write_text(f'''<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="{TEI_NS}">
  <xsl:import href="https://tei-edition.org/xslt/text.xsl"/>
  <xsl:template match="tei:p">
    <xsl:message>a paragraph</xsl:message>
    <xsl:next-match/>
  </xsl:template>
</xsl:stylesheet>''')
    doc = tmp_path / "letter.xml"
    doc.write_text(LETTER.replace("<p>Dear Anna.</p>", "<p>One.</p>" * 30))
    result = run_cli("build", str(doc), "--to", "text", "--stylesheet", f"text={sheet}",
                     "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert _lines(result.stderr, "xsl:message") == [
        f"{doc}: warning: a paragraph [xsl:message]",
        f"{doc}: warning: a paragraph (x30 in all) [xsl:message]"]


# --- the lock file ----------------------------------------------------------------------------

def test_a_build_leaves_no_lock_file(tmp_path):
    out = tmp_path / "out"
    assert run_cli("build", str(TELEGRAM), "--to", "text", "-o", str(out)).returncode == 0
    assert not (out / LOCK_NAME).exists()
    assert (out / "telegram-1953-03-29.txt").is_file()

    broken = tmp_path / "broken.xml"
    broken.write_text("<TEI><text>")
    new = tmp_path / "new"
    assert run_cli("build", str(broken), "-o", str(new)).returncode == 1
    assert not new.exists(), "a failed build of a new folder leaves nothing behind"


def test_a_build_is_refused_while_another_holds_the_folder(tmp_path):
    out = tmp_path / "out"
    with locked_output(out):
        result = run_cli("build", str(TELEGRAM), "--to", "text", "-o", str(out))
        assert result.returncode == 2
        assert "another build is writing to this output folder" in result.stderr
    assert not (out / LOCK_NAME).exists()


def _hold_repeatedly(args: tuple[str, int]) -> int:
    """Take the lock ``times`` times; inside it, prove nobody else is inside (an O_EXCL
    marker file). Returns how often the marker was found taken: never, if exclusive."""
    folder, times = args
    out, marker, overlaps, held = Path(folder), Path(folder) / "inside", 0, 0
    while held < times:
        try:
            with locked_output(out):
                try:
                    fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
                except FileExistsError:
                    overlaps += 1
                    continue
                os.close(fd)
                os.unlink(marker)
                held += 1
        except UsageError:  # another holds it: try again
            continue
    return overlaps


def test_removing_the_lock_file_keeps_builds_exclusive(tmp_path):
    """Four processes take and release one folder's lock 300 times each, racing for it:
    the lock file is removed at every release, and never are two inside at once."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep").write_text("so that the folder stays")
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        overlaps = pool.map(_hold_repeatedly, [(str(out), 300)] * 4)
    assert overlaps == [0, 0, 0, 0]
    assert not (out / LOCK_NAME).exists()
