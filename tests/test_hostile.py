"""Hostile and broken input: every case gives a located finding for *that* file, a non-zero
exit, no traceback, no file read from outside, and the other files are still built.

The small cases are files in ``tests/fixtures/hostile/`` (one per case); cases that are
big, or that cannot live in git (a FIFO, a dangling symlink), are made in a temporary
folder by the tests.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time

import pytest
from lxml import html as lxml_html

from conftest import ROOT, run_cli
from toolkit.core import parse
from toolkit.core.errors import ParseError, ToolkitError
from toolkit.core.parse import parse_bytes, parse_file

HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
SECRET = "HOSTILE-SECRET-7f3a9c"

#: fixture -> None (builds) or (rule, message regex, located?) of the error it must give
EXPECTED: dict[str, tuple[str, str, bool] | None] = {
    "not-well-formed.xml": ("not-well-formed", r"mismatch", True),
    "truncated.xml": ("not-well-formed", r".", True),
    "utf8-declared-latin1-bytes.xml": ("not-well-formed", r"encoding", True),
    "latin1-declared.xml": None,
    "utf16-bom.xml": None,
    "nul-byte.xml": ("not-well-formed", r"0x0", True),
    "empty.xml": ("not-well-formed", r"empty", True),
    "whitespace-only.xml": ("not-well-formed", r"empty", True),
    "billion-laughs.xml": ("not-well-formed", r"amplification|exploding", True),
    "external-entity-file.xml": ("not-well-formed", r"never read", True),
    "external-entity-absolute.xml": ("not-well-formed", r"never read", True),
    "external-entity-url.xml": ("not-well-formed", r"never read", True),
    "parameter-entity.xml": ("not-well-formed", r"never read", True),
    "external-dtd-used.xml": ("not-well-formed", r"never read", True),
    "external-dtd-unused.xml": None,
    "external-dtd-remote.xml": None,
    "duplicate-ids.xml": None,
    "bad-ncname-id.xml": None,
    "pointer-cycle.xml": None,
    "deep-nesting.xml": ("not-well-formed", r"nested deeper than the 256", True),
    "xinclude-ok.xml": None,
    "xinclude-outside.xml": ("xinclude", r"outside the source's folder", True),
    "xinclude-absolute.xml": ("xinclude", r"outside the source's folder", True),
    "xinclude-remote.xml": ("xinclude", r"never URLs", True),
    "xinclude-cycle.xml": ("xinclude", r"cycle", True),
    "xinclude-missing.xml": ("xinclude", r"no such file", True),
    "script-injection.xml": None,
}


def test_every_fixture_has_an_expectation():
    on_disk = {p.name for p in HOSTILE.glob("*.xml")}
    assert on_disk == set(EXPECTED)


def _finding_lines(stderr: str, name: str) -> list[str]:
    return [ln for ln in stderr.splitlines() if re.search(rf"(^|/){re.escape(name)}:", ln)]


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    """Build a copy of the fixtures plus generated cases once, through the CLI, 2 jobs."""
    base = tmp_path_factory.mktemp("hostile")
    src = base / "src"
    shutil.copytree(HOSTILE, src)
    os.mkfifo(src / "fifo.xml")
    (src / "dangling.xml").symlink_to(base / "nowhere.xml")
    out = base / "out"
    # a folder walk takes regular files only, so the FIFO and the symlink are named
    result = run_cli("build", str(src), str(src / "fifo.xml"), str(src / "dangling.xml"),
                     "--to", "html,text", "-o", str(out), "-j", "2", timeout=300)
    return src, out, result


def test_hostile_folder_builds_what_it_can_and_explains_the_rest(hostile_build):
    src, out, result = hostile_build
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    for name, expected in EXPECTED.items():
        stem = name.removesuffix(".xml")
        lines = _finding_lines(result.stderr, name)
        if expected is None:
            assert (out / f"{stem}.html").is_file(), (name, lines)
            assert (out / f"{stem}.txt").is_file(), name
            assert not [ln for ln in lines if ": error:" in ln], lines
            continue
        rule, pattern, located = expected
        errors = [ln for ln in lines if ": error:" in ln]
        assert errors, f"no error reported for {name}:\n{result.stderr}"
        assert f"[{rule}]" in errors[0] and re.search(pattern, errors[0]), errors[0]
        if located:
            assert re.search(rf"{re.escape(name)}:\d+:\d+: error:", errors[0]), errors[0]
        assert not (out / f"{stem}.html").exists(), name
    for generated, pattern in (("fifo.xml", r"not a regular file"),
                               ("dangling.xml", r"dangling symlink")):
        errors = _finding_lines(result.stderr, generated)
        assert errors and re.search(pattern, errors[0]), result.stderr
    built = sum(1 for e in EXPECTED.values() if e is None)
    failed = len(EXPECTED) - built + 2
    assert f"{built} built" in result.stderr and f"{failed} failed" in result.stderr


def test_no_secret_reaches_any_output_or_message(hostile_build):
    _, out, result = hostile_build
    assert SECRET not in result.stderr + result.stdout
    assert "root:x:0:0" not in result.stderr + result.stdout
    for file in out.rglob("*"):
        if file.is_file():
            data = file.read_bytes()
            assert SECRET.encode() not in data, file
            assert b"root:x:0:0" not in data, file


def test_supported_encodings_and_xinclude_content(hostile_build):
    _, out, _ = hostile_build
    assert "Café, naïve, Ærø" in (out / "latin1-declared.txt").read_text("utf-8")
    assert "Привет, 안녕" in (out / "utf16-bom.txt").read_text("utf-8")
    text = (out / "xinclude-ok.txt").read_text("utf-8")
    assert "Included paragraph one." in text and "Included paragraph two." in text
    assert "Text included as text, with <angle brackets> & ampersands." in text
    assert "Fallback paragraph." in text


# --- HTML injection: the HTML stylesheet must not pass markup or script through ----------

_URL_ATTRS = ("href", "src", "action", "formaction", "data", "poster", "xlink:href",
              "background", "cite", "srcset")


def _own_script(element) -> bool:
    """The toolkit's own scripts carry an id or are JSON-LD data blocks."""
    return element.get("id") is not None or element.get("type") == "application/ld+json"


def test_html_output_carries_no_script_or_active_urls(hostile_build):
    _, out, _ = hostile_build
    raw = (out / "script-injection.html").read_text("utf-8")
    document = lxml_html.document_fromstring(raw)
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.rsplit("}", 1)[-1].lower()
        if tag == "script":
            assert _own_script(element), lxml_html.tostring(element)[:200]
            assert "alert(" not in (element.text or "")
        assert tag not in ("iframe", "object", "embed", "base", "form"), tag
        for attribute, value in element.attrib.items():
            name = attribute.rsplit("}", 1)[-1].lower()
            assert not name.startswith("on"), (tag, attribute, value)
            squeezed = re.sub(r"[\s\x00-\x1f]+", "", value).lower()
            if name in _URL_ATTRS or name == "style":
                assert not squeezed.startswith(("javascript:", "vbscript:", "data:text")), value
                assert "javascript:" not in squeezed, value
            if name == "style":
                assert "url(" not in squeezed and "expression(" not in squeezed, value
    # the text of the document is still there, escaped
    assert "&lt;script&gt;alert('text')&lt;/script&gt;" in raw
    assert not re.search(r"<style\b[^>]*>[^<]*evil\.example", raw, re.I)


# --- generated cases ------------------------------------------------------------------

def _tei(body: str, prolog: str = "") -> bytes:
    return (f'{prolog}<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>'
            "<titleStmt><title>t</title></titleStmt></fileDesc></teiHeader>"
            f"<text><body>{body}</body></text></TEI>").encode()


def _in_fresh_python(code: str, timeout: float = 60) -> str:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=timeout, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_quadratic_blowup_is_refused_fast_with_bounded_memory():
    """One 100 KB entity referenced 100 000 times (10 GB expanded) is refused by libxml2's
    amplification limit in milliseconds; memory stays near the size of the file."""
    code = """
import resource, time
from toolkit.core.parse import parse_bytes
from toolkit.core.errors import ParseError
doc = (b'<!DOCTYPE TEI [<!ENTITY a "' + b'x' * 100_000 + b'">]><TEI><p>'
       + b'&a;' * 100_000 + b'</p></TEI>')
start = time.perf_counter()
try:
    parse_bytes(doc, 'quadratic.xml')
    print('PARSED')
except ParseError as exc:
    print('REFUSED', exc.message)
try:  # this process's own peak: ru_maxrss would include the forking pytest worker's
    with open('/proc/self/status') as status:
        peak = next(int(line.split()[1]) for line in status if line.startswith('VmHWM:'))
except OSError:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(time.perf_counter() - start, peak)
"""
    lines = _in_fresh_python(code).splitlines()
    assert lines[0].startswith("REFUSED") and "amplification" in lines[0], lines
    seconds, kib = lines[1].split()
    assert float(seconds) < 2.0
    assert int(kib) < 300 * 1024, f"peak RSS {int(kib) // 1024} MB"


def test_huge_attribute_and_text_are_refused_with_a_location():
    with pytest.raises(ParseError) as caught:
        parse_bytes(_tei('<p rend="' + "x" * (11 * 1024 * 1024) + '">a</p>'), "attr.xml")
    assert "10 MB" in caught.value.message and caught.value.line == 1
    with pytest.raises(ParseError) as caught:
        parse_bytes(_tei("<p>" + "x" * (11 * 1024 * 1024) + "</p>"), "text.xml")
    assert "10 MB" in caught.value.message


def test_very_long_lines_and_wide_documents_parse():
    body = "<p>" + "<hi>word</hi> " * 200_000 + "</p>"  # one 2.8 MB line
    tree = parse_bytes(_tei(body), "long-line.xml")
    assert len(tree.getroot().findall(".//{*}hi")) == 200_000


def test_nesting_at_the_limit_transforms_without_blowing_the_stack(tmp_path):
    """250 levels parse; the XSLT stylesheets recurse through them without failing."""
    source = tmp_path / "deep-ok.xml"
    source.write_bytes(_tei("<p>" + "<hi>" * 245 + "deep" + "</hi>" * 245 + "</p>"))
    result = run_cli("build", str(source), "--to", "html,text", "-o", str(tmp_path / "out"))
    assert "Traceback" not in result.stderr
    assert result.returncode in (0, 1), result.stderr
    if result.returncode:
        assert re.search(r"deep-ok\.xml.*error", result.stderr), result.stderr
    else:
        assert "deep" in (tmp_path / "out" / "deep-ok.txt").read_text()


@pytest.mark.parametrize("prolog", [
    '<!DOCTYPE TEI SYSTEM "trap.fifo">',
    '<!DOCTYPE TEI [<!ENTITY x SYSTEM "trap.fifo">]>',
    '<!DOCTYPE TEI [<!ENTITY % x SYSTEM "trap.fifo"> %x;]>',
])
def test_external_subsets_and_entities_are_never_opened(tmp_path, prolog):
    """A FIFO blocks whoever opens it: parsing must finish, so the FIFO was never opened."""
    os.mkfifo(tmp_path / "trap.fifo")
    source = tmp_path / "doc.xml"
    source.write_bytes(_tei("<p>x</p>", prolog))
    code = f"""
from toolkit.core.parse import parse_file
from toolkit.core.errors import ToolkitError
try:
    parse_file({str(source)!r}); print('parsed')
except ToolkitError as exc:
    print('refused', exc)
"""
    out = _in_fresh_python(code, timeout=20)
    assert out.startswith(("parsed", "refused"))


def test_xinclude_never_opens_files_outside_the_folder(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET)
    inside = tmp_path / "edition"
    inside.mkdir()
    (inside / "link.txt").symlink_to(outside / "secret.txt")
    (inside / "parts").symlink_to(outside, target_is_directory=True)
    xi = 'xmlns:xi="http://www.w3.org/2001/XInclude"'
    for i, href in enumerate(["../outside/secret.txt", "link.txt", "parts/secret.txt",
                              str(outside / "secret.txt"), (outside / "secret.txt").as_uri(),
                              "file://localhost" + str(outside / "secret.txt")]):
        doc = inside / f"doc{i}.xml"
        doc.write_text(f'<r {xi}><xi:include href="{href}" parse="text"/></r>')
        with pytest.raises(ParseError) as caught:
            parse_file(doc)
        assert "outside the source's folder" in caught.value.message, href
        assert caught.value.rule == "xinclude" and caught.value.line == 1
        assert SECRET not in str(caught.value)


def test_xinclude_bounds_depth_and_count(tmp_path):
    xi = 'xmlns:xi="http://www.w3.org/2001/XInclude"'
    for i in range(parse.MAX_XINCLUDE_DEPTH + 3):
        (tmp_path / f"c{i}.xml").write_text(
            f'<r {xi}><xi:include href="c{i + 1}.xml"/></r>' if i < parse.MAX_XINCLUDE_DEPTH + 2
            else "<end/>")
    with pytest.raises(ParseError) as caught:
        parse_file(tmp_path / "c0.xml")
    assert "deeper" in caught.value.message
    # exponential fan-out: 10 includes of a file that includes another 10 times, ...
    (tmp_path / "f3.xml").write_text("<leaf/>")
    for level in (2, 1, 0):
        (tmp_path / f"f{level}.xml").write_text(
            f"<r {xi}>" + f'<xi:include href="f{level + 1}.xml"/>' * 12 + "</r>")
    start = time.perf_counter()
    with pytest.raises(ParseError) as caught:
        parse_file(tmp_path / "f0.xml")
    assert "more than" in caught.value.message
    assert time.perf_counter() - start < 5


def test_xinclude_same_document_pointers_and_errors(tmp_path):
    xi = 'xmlns:xi="http://www.w3.org/2001/XInclude"'
    doc = tmp_path / "same.xml"
    doc.write_text(f'<r {xi}><a xml:id="a">A</a><b><xi:include xpointer="a"/>'
                   f'<xi:include xpointer="element(a)"/></b></r>')
    tree = parse_file(doc)
    assert [e.text for e in tree.getroot().iter("a")] == ["A", "A", "A"]
    doc.write_text(f'<r {xi}><xi:include href="same.xml" parse="html"/></r>')
    with pytest.raises(ParseError, match="parse="):
        parse_file(doc)
    doc.write_text(f'<r {xi}><xi:include href="same.xml" xpointer="xpointer(//a)"/></r>')
    with pytest.raises(ParseError, match="xpointer"):
        parse_file(doc)


# --- sources and output names -----------------------------------------------------------

def test_odd_names_stay_inside_the_output_folder(tmp_path, telegram):
    src = tmp_path / "src"
    (src / "sub dir").mkdir(parents=True)
    names = ["%2e%2e%2fescape.xml", "with space.xml", "Ünïcödé — 文書.xml", "a.v2.xml",
             "sub dir/%2e%2e%2fnested.xml"]
    for name in names:
        shutil.copy(telegram, src / name)
    outside = tmp_path / "outside"
    outside.mkdir()
    (src / "linked").symlink_to(outside, target_is_directory=True)
    shutil.copy(telegram, outside / "via-link.xml")
    dotted = tmp_path / "..%2f..%2fescape.xml"  # hidden in a folder walk: named
    shutil.copy(telegram, dotted)
    out = tmp_path / "out"
    result = run_cli("build", str(src), str(dotted), "--to", "text", "-o", str(out))
    assert result.returncode == 0, result.stderr
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*.txt"))
    assert written == sorted([n.removesuffix(".xml") + ".txt" for n in names]
                             + ["..%2f..%2fescape.txt"])
    assert not list(tmp_path.glob("*escape*.txt")) and not list(outside.glob("*.txt"))


def test_output_folder_symlink_cannot_redirect_writes(tmp_path, telegram):
    src = tmp_path / "src"
    (src / "sub").mkdir(parents=True)
    shutil.copy(telegram, src / "sub" / "doc.xml")
    shutil.copy(telegram, src / "ok.xml")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "sub").symlink_to(elsewhere, target_is_directory=True)
    result = run_cli("build", str(src), "--to", "text", "-o", str(out))
    assert result.returncode == 1
    assert re.search(r"would leave the output folder", result.stderr), result.stderr
    assert not list(elsewhere.iterdir())
    assert (out / "ok.txt").is_file()


def test_missing_and_unreadable_arguments_do_not_stop_the_others(tmp_path, telegram):
    good = tmp_path / "good.xml"
    shutil.copy(telegram, good)
    os.mkfifo(tmp_path / "pipe.xml")
    result = run_cli("build", str(tmp_path / "missing.xml"), str(tmp_path / "pipe.xml"),
                     str(good), str(tmp_path / "nomatch-*.xml"), "--to", "text",
                     "-o", str(tmp_path / "out"), timeout=120)
    assert result.returncode == 2  # unreadable arguments are I/O errors, as in validate
    assert "Traceback" not in result.stderr
    assert re.search(r"missing\.xml: error: no such file or folder", result.stderr)
    assert re.search(r"pipe\.xml: error: is not a regular file", result.stderr)
    assert re.search(r"no files match", result.stderr)
    assert (tmp_path / "out" / "good.txt").is_file()


def test_output_name_clashes_are_reported_not_overwritten(tmp_path, telegram):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(telegram, tmp_path / folder / "same.xml")
    result = run_cli("build", str(tmp_path / "a" / "same.xml"), str(tmp_path / "b" / "same.xml"),
                     "--to", "text", "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "would overwrite" in result.stderr and "[output-clash]" in result.stderr


def test_parse_errors_are_toolkit_errors_never_tracebacks():
    for data in (b"\xff\xfe<\x00", b"<?xml version='1.0' encoding='no-such-enc'?><a/>",
                 b"<?xml version='1.0' encoding='UTF-16'?><a/>", b"\xef\xbb\xbf",
                 b"<a>&#0;</a>", b"<a>&undefined;</a>", b"<!DOCTYPE a [", b"<a/><b/>"):
        try:
            parse_bytes(data, "x.xml")
        except ToolkitError as exc:
            assert exc.file == "x.xml" and exc.line and exc.column
