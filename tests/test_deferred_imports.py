"""The start of a command does not pay for modules only some runs need (rnc2rng, which
lxml imports as it is imported), and deferring them changes nothing they do."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
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
