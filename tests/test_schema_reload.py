"""A process that lives on (a language server, a Dask worker of a cluster that stays up
between commands) keeps every schema it compiled, and makes one afresh when a file it was
made from changed: the schema itself, and as well a file it includes or imports."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from lxml import etree

RNG = "http://relaxng.org/ns/structure/1.0"
XS = "http://www.w3.org/2001/XMLSchema"
SCH = "http://purl.oclc.org/dsdl/schematron"

#: kind -> (main schema, its included file's name, the included file asking for <a>, for <b>)
SCHEMAS = {
    "rng": (f'<grammar xmlns="{RNG}"><include href="part.rng"/>'
            '<start><ref name="doc"/></start></grammar>', "part.rng",
            f'<grammar xmlns="{RNG}"><define name="doc"><element name="doc">'
            '<element name="{}"><text/></element></element></define></grammar>'),
    "xsd": (f'<xs:schema xmlns:xs="{XS}"><xs:include schemaLocation="part.xsd"/></xs:schema>',
            "part.xsd",
            f'<xs:schema xmlns:xs="{XS}"><xs:element name="doc"><xs:complexType>'
            '<xs:sequence><xs:element name="{}" type="xs:string"/></xs:sequence>'
            '</xs:complexType></xs:element></xs:schema>'),
    "sch": (f'<sch:schema xmlns:sch="{SCH}" queryBinding="xslt2">'
            '<sch:include href="part.sch"/></sch:schema>', "part.sch",
            f'<sch:pattern xmlns:sch="{SCH}"><sch:rule context="doc">'
            '<sch:assert test="{0}">a doc has a {0}</sch:assert></sch:rule></sch:pattern>'),
}


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    stat = path.stat()  # a later second, as an editor's save would be
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))


@pytest.mark.parametrize("kind", sorted(SCHEMAS))
def test_a_changed_include_makes_the_schema_afresh(kind, tmp_path, monkeypatch):
    from toolkit.validate.engines.base import load

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    main, part_name, part = SCHEMAS[kind]
    schema = tmp_path / f"main.{kind}"
    schema.write_text(main, encoding="utf-8")
    included = tmp_path / part_name
    included.write_text(part.replace("{}", "a").replace("{0}", "a"), encoding="utf-8")
    doc = tmp_path / "doc.xml"
    doc.write_text("<doc><a>x</a></doc>", encoding="utf-8")
    tree = etree.parse(str(doc))

    first = load(kind, schema)
    assert first.findings(tree, "doc.xml", doc) == []
    assert load(kind, schema) is first  # nothing changed: the same compiled schema

    _write(included, part.replace("{}", "b").replace("{0}", "b"))
    second = load(kind, schema)
    assert second is not first
    found = second.findings(tree, "doc.xml", doc)
    assert [f.severity for f in found] and {f.severity for f in found} == {"error"}
    assert load(kind, schema) is second
