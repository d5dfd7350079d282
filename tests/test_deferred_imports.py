"""The start of a command does not pay for modules only some runs need (rnc2rng, which
lxml imports as it is imported), and deferring them changes nothing they do."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(code: str, expect: int = 0) -> str:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)
    assert done.returncode == expect, done.stdout + done.stderr
    return done.stdout


def test_lxml_import_does_not_load_rnc2rng():
    out = _run("""
        import sys
        import toolkit
        from lxml import etree
        print(sorted(m for m in sys.modules if m.startswith("rnc2rng.")))
    """)
    assert out.strip() == "[]"


def test_deferred_rnc2rng_still_converts_for_us_and_for_lxml(tmp_path):
    schema = tmp_path / "a.rnc"
    schema.write_text("start = element a { text }", encoding="utf-8")
    out = _run(f"""
        import sys
        import toolkit
        from lxml import etree
        import rnc2rng
        xml = rnc2rng.dumps(rnc2rng.load({str(schema)!r}))
        print("grammar" in xml and "<text/>" in xml)
        print(type(sys.modules["rnc2rng"]).__name__)
        rng = etree.RelaxNG.from_rnc_string("start = element a {{ text }}")
        print(rng.validate(etree.fromstring("<a>x</a>")), rng.validate(etree.fromstring("<b/>")))
    """)
    assert out.split() == ["True", "module", "True", "False"]


def test_compact_schema_validates_through_the_cli(tmp_path):
    schema = tmp_path / "s.rnc"
    schema.write_text("start = element doc { element p { text }* }", encoding="utf-8")
    good, bad = tmp_path / "good.xml", tmp_path / "bad.xml"
    good.write_text("<doc><p>x</p></doc>", encoding="utf-8")
    bad.write_text("<doc><q/></doc>", encoding="utf-8")
    base = [sys.executable, "-m", "toolkit", "validate", "--no-checks", "--schema", str(schema)]
    ok = subprocess.run([*base, str(good)], capture_output=True, text=True, cwd=ROOT, timeout=120)
    ko = subprocess.run([*base, str(bad)], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert ko.returncode == 1 and "bad.xml:1:" in ko.stdout + ko.stderr


def test_validate_with_empty_schema_cache_imports_only_what_it_uses(tmp_path):
    """A cold ``validate`` (stderr not a terminal, one process, no .rnc, a schema whose
    expressions xsdregex translates) imports none of the heavier modules it does not use."""
    schema = tmp_path / "s.rng"
    schema.write_text(
        '<element name="doc" xmlns="http://relaxng.org/ns/structure/1.0" '
        'datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">'
        '<attribute name="type"><data type="token"><param name="pattern">[^\\p{C}\\p{Z}]+'
        '</param></data></attribute><text/></element>', encoding="utf-8")
    doc = tmp_path / "d.xml"
    doc.write_text('<doc type="a b">x</doc>', encoding="utf-8")
    heavy = ["rich", "multiprocessing", "concurrent.futures.process", "elementpath",
             "toolkit.annotate", "urllib.request", "rnc2rng.parser", "calendar"]
    out = _run(f"""
        import atexit, os, sys
        os.environ["XDG_CACHE_HOME"] = {str(tmp_path / "cache")!r}
        os.environ.pop("FORCE_COLOR", None)
        atexit.register(lambda: print("LOADED", [m for m in {heavy!r} if m in sys.modules]))
        sys.argv = ["tei-edition", "validate", "--schema", {str(schema)!r}, {str(doc)!r}]
        from toolkit.cli import main
        main()
    """, expect=1)
    assert "LOADED []" in out, out


def test_findings_are_written_as_they_are_when_not_on_a_terminal(tmp_path):
    schema = tmp_path / "s.rng"
    schema.write_text('<element name="doc" xmlns="http://relaxng.org/ns/structure/1.0">'
                      '<empty/></element>', encoding="utf-8")
    doc = tmp_path / ":smile: [b]x.xml"
    doc.write_text("<doc>text</doc>", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "toolkit", "validate", "--no-checks",
                           "--schema", str(schema), str(doc)], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert done.returncode == 1
    assert f"{doc}:1:10: error: " in done.stderr, done.stderr
