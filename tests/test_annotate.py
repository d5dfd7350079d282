"""`tei-edition annotate`: untagged mentions found across inline markup, reported with their
entry, and tagged by --apply without touching anything else in the file."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from lxml import etree

from conftest import ROOT, TELEGRAM, run_cli

FIX = Path(__file__).parent / "fixtures" / "annotate"
TEI = "{http://www.tei-c.org/ns/1.0}"
_TAG = re.compile(r"</?(?:tei:)?(?:persName|placeName|orgName)\b[^>]*>")


def _copy(tmp_path: Path, *names: str) -> list[Path]:
    out = []
    for name in names:
        shutil.copyfile(FIX / name, tmp_path / name)
        out.append(tmp_path / name)
    return out


def _findings(result) -> list[dict]:
    return [f for file in json.loads(result.stdout)["files"] for f in file["findings"]]


def _where(text: str, needle: str, nth: int = 1) -> tuple[int, int]:
    """1-based line and column of the nth occurrence of ``needle``."""
    at = -1
    for _ in range(nth):
        at = text.index(needle, at + 1)
    return text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)


def _same_but_names(before: str, after: str) -> bool:
    """Equal once every persName/placeName/orgName tag is removed from both, and ``after``
    has more of them: only name tags were added."""
    return (_TAG.sub("", before) == _TAG.sub("", after)
            and len(_TAG.findall(after)) > len(_TAG.findall(before)))


def test_reports_each_mention_with_its_entry_and_location(tmp_path):
    (letter,) = _copy(tmp_path, "letter.xml")
    text = letter.read_text("utf-8")
    result = run_cli("annotate", str(letter), "--format", "json")
    assert result.returncode == 0, result.stderr
    found = {(f["line"], f["column"]): f for f in _findings(result)}
    assert all(f["rule"] == "untagged-mention" and f["severity"] == "info"
               for f in found.values())
    expected = {
        ("Tomas</hi>", 1): 'of Tomas Brenn: <persName ref="#tomas-brenn">',
        ("Harbour Board of\n", 1): '<orgName ref="#board">',
        ("the Board kept", 1): '"the Board" of Harbour Board',
        ("Wes<lb", 1): '<placeName ref="#westerly">',
        ("Lina <choice>", 1): '<persName ref="#lina-brenn">',
        ("Port Wen is", 1): '<placeName ref="#port-wen">',
        ("Westerly coast", 1): '<placeName ref="#westerly">',
        ("Quill met", 1): '<persName ref="#quill">',
        ("Tomas Brenn.</note>", 1): '<persName ref="#tomas-brenn">',
    }
    for (needle, nth), message in expected.items():
        where = _where(text, needle, nth)
        assert where in found, (needle, sorted(found))
        assert message in found[where]["message"]
    ambiguous = found[_where(text, "Brenn waved")]["message"]
    assert "#tomas-brenn (Tomas Brenn)" in ambiguous and "#lina-brenn (Lina Brenn)" in ambiguous
    assert "left for the editor" in ambiguous
    assert found[_where(text, "Ada <hi")]["xpath"].startswith("/tei:TEI[1]/tei:text[1]")


def test_skips_header_names_terms_labels_and_self_mentions(tmp_path):
    (letter,) = _copy(tmp_path, "letter.xml")
    text = letter.read_text("utf-8")
    result = run_cli("annotate", str(letter), "--format", "json")
    lines = {f["line"] for f in _findings(result)}
    never = ["Letter from Ada Quill", "Ada Quill is not tagged", "<term>Westerly",
             ">Quill</foreign>", "Quill first</head>", "signs her letters as Quill",
             '<persName ref="#quill">Ada Quill']
    for needle in never:
        assert _where(text, needle)[0] not in lines, needle


def test_apply_tags_unambiguous_mentions_and_changes_nothing_else(tmp_path):
    (letter,) = _copy(tmp_path, "letter.xml")
    before = letter.read_text("utf-8")
    result = run_cli("annotate", str(letter), "--apply", "--resp", "ed", "--cert", "medium")
    assert result.returncode == 0, result.stderr
    after = letter.read_text("utf-8")
    assert _same_but_names(before, after)
    assert ('<persName ref="#tomas-brenn" resp="#ed" cert="medium"><hi rend="italic">Tomas'
            '</hi> Brenn</persName>') in after
    assert ('<persName ref="#lina-brenn" resp="#ed" cert="medium">Lina <choice><sic>Brennn'
            '</sic><corr>Brenn</corr></choice></persName>') in after
    assert '<placeName ref="#westerly" resp="#ed" cert="medium">Wes<lb break="no"/>terly' in after
    assert "and Brenn waved" in after  # ambiguous: left alone
    assert "Ada <hi rend=\"bold\">Quill and</hi>" in after  # crosses <hi>: left alone
    assert re.search(r'tagged "Tomas Brenn" as <persName ref="#tomas-brenn"', result.stdout)
    assert "it runs across the boundary" in result.stderr
    tree = etree.parse(str(letter))
    assert "".join(tree.getroot().itertext()) == "".join(
        etree.fromstring(before.encode()).itertext())


def test_apply_keeps_bytes_line_ends_and_entities(tmp_path):
    (letter,) = _copy(tmp_path, "prefixed.xml")
    _copy(tmp_path, "registers.xml")
    crlf = letter.read_bytes().replace(b"\n", b"\r\n")
    letter.write_bytes(crlf)
    result = run_cli("annotate", str(letter), "--apply")
    assert result.returncode == 0, result.stderr
    after = letter.read_bytes()
    assert b'<tei:persName ref="reg:mira-sol">Mira Sol</tei:persName>' in after
    assert after.replace(b'<tei:persName ref="reg:mira-sol">', b"").replace(
        b"</tei:persName>", b"") == crlf
    assert b"&amp; slept" in after


def test_registers_in_another_file(tmp_path):
    chapter, registers = _copy(tmp_path, "chapter.xml", "registers.xml")
    result = run_cli("annotate", str(chapter), "--apply")
    assert result.returncode == 0, result.stderr
    after = chapter.read_text("utf-8")
    assert '<placeName ref="registers.xml#gull-rock">Gull Rock</placeName>' in after
    assert '<persName ref="registers.xml#mira-sol">the Pilot</persName>' in after  # addName
    assert '<persName ref="registers.xml#mira-sol">Sol</persName> knew' in after  # surname
    plain = tmp_path / "sub" / "plain.xml"
    plain.parent.mkdir()
    plain.write_text(chapter.read_text("utf-8").replace(
        '<persName ref="registers.xml#mira-sol">Mira Sol</persName>', "Mira Sol"), "utf-8")
    result = run_cli("annotate", str(plain), "--registers", str(registers), "--format", "json")
    messages = [f["message"] for f in _findings(result)]
    assert any('"Mira Sol" of Mira Sol: <persName ref="../registers.xml#mira-sol">' in m
               for m in messages), messages


def test_validate_suggest_shows_the_same_findings(tmp_path):
    (letter,) = _copy(tmp_path, "letter.xml")
    annotate = run_cli("annotate", str(letter), "--format", "json")
    validate = run_cli("validate", str(letter), "--suggest", "--format", "json")
    assert validate.returncode == 0, validate.stderr
    mine = [(f["line"], f["column"], f["message"]) for f in _findings(annotate)]
    shown = [(f["line"], f["column"], f["message"]) for f in _findings(validate)
             if f["rule"] == "untagged-mention"]
    assert shown == mine and len(mine) >= 9
    plain = run_cli("validate", str(letter), "--format", "json")
    assert not any(f["rule"] == "untagged-mention" for f in _findings(plain))


def test_bad_input_exit_codes(tmp_path):
    missing = run_cli("annotate", str(tmp_path / "none.xml"))
    assert missing.returncode == 2 and "none.xml" in missing.stderr
    broken = tmp_path / "broken.xml"
    broken.write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'>\n  <text></TEI>\n", "utf-8")
    result = run_cli("annotate", str(broken), "--apply")
    assert result.returncode == 1
    assert re.search(r"broken\.xml:2:\d+: error: ", result.stderr), result.stderr
    assert "Traceback" not in result.stderr
    assert broken.read_text("utf-8").endswith("</TEI>\n")
    (letter,) = _copy(tmp_path, "letter.xml")
    assert run_cli("annotate", str(letter), "--check").returncode == 1
    bad_registers = run_cli("annotate", str(letter), "--registers", str(tmp_path / "no.xml"))
    assert bad_registers.returncode == 2 and "no.xml" in bad_registers.stderr
    bundled = run_cli("annotate", "--apply")
    assert bundled.returncode == 2 and "--apply edits files" in bundled.stderr


def test_the_bundled_telegram_has_no_untagged_mention():
    """Done when (issue 12): `annotate tei/telegram-1953-03-29.xml` reports nothing."""
    result = run_cli("annotate", str(TELEGRAM), "--check")
    assert result.returncode == 0, result.stderr
    assert "0 untagged mention(s) reported" in result.stderr


def _untag_names_in_notes(text: str) -> str:
    """The telegram with the person and place tags inside its notes removed, as the
    issue found it: names tagged in the text but not in the notes."""
    def untag(note: re.Match) -> str:
        return re.sub(r'<(persName|placeName) ref="[^"]*">([^<]*)</\1>', r"\2", note.group(0))

    return re.sub(r"<note\b.*?</note>", untag, text, flags=re.S)


def test_telegram_notes_are_found_and_apply_leaves_a_valid_edition(tmp_path):
    """The issue's example: names tagged in the telegram but not in its notes."""
    shutil.copytree(ROOT / "tei", tmp_path / "tei")
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    copy = tmp_path / "tei" / TELEGRAM.name
    copy.write_text(_untag_names_in_notes(TELEGRAM.read_text("utf-8")), "utf-8")
    before = copy.read_text("utf-8")
    result = run_cli("annotate", str(copy), "--format", "json")
    notes = [f for f in _findings(result) if "/tei:note[" in (f["xpath"] or "")]
    assert len(notes) >= 10, "the telegram's notes have untagged mentions of registered entries"
    applied = run_cli("annotate", str(copy), "--apply", "--resp", "registers.xml#tei-edition")
    assert applied.returncode == 0, applied.stderr
    assert _same_but_names(before, copy.read_text("utf-8"))
    assert 'resp="registers.xml#tei-edition"' in copy.read_text("utf-8")
    again = run_cli("annotate", str(copy), "--format", "json")
    assert all("left for the editor" in f["message"] for f in _findings(again))
    valid = run_cli("validate", str(copy), "--schema", str(ROOT / "schemas" / "edition.xsd"),
                    "--rules", str(ROOT / "schemas" / "edition.sch"))
    assert valid.returncode == 0, valid.stderr


@pytest.mark.parametrize("name", ["letter.xml", "chapter.xml", "prefixed.xml"])
def test_fixtures_are_well_formed_tei(name):
    root = etree.parse(str(FIX / name)).getroot()
    assert root.tag == TEI + "TEI"
