"""OASIS XML catalogs: each entry kind resolves as the specification says, nothing is fetched."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.validate.catalog import CatalogSet
from toolkit.core.errors import UsageError

CATALOG = """<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">
  <uri name="https://example.org/exact.rng" uri="schemas/exact.rng"/>
  <system systemId="http://example.org/tei.dtd" uri="schemas/tei.dtd"/>
  <rewriteURI uriStartString="https://example.org/" rewritePrefix="schemas/rewritten/"/>
  <rewriteURI uriStartString="https://example.org/deep/" rewritePrefix="schemas/deeper/"/>
  <uriSuffix uriSuffix="/odd-suffix.rng" uri="schemas/suffix.rng"/>
  <group xml:base="schemas/grouped/">
    <uri name="urn:grouped" uri="g.rng"/>
  </group>
  <nextCatalog catalog="next.xml"/>
</catalog>"""

NEXT = """<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">
  <uri name="https://elsewhere.org/next.rng" uri="schemas/next.rng"/>
</catalog>"""


@pytest.fixture
def catalogs(tmp_path: Path) -> CatalogSet:
    for name in ("exact.rng", "tei.dtd", "rewritten/a/b.rng", "deeper/c.rng", "suffix.rng",
                 "grouped/g.rng", "next.rng"):
        (tmp_path / "schemas" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "schemas" / name).write_text("<grammar/>")
    (tmp_path / "catalog.xml").write_text(CATALOG)
    (tmp_path / "next.xml").write_text(NEXT)
    return CatalogSet([tmp_path / "catalog.xml"], use_env=False, use_builtin=False)


@pytest.mark.parametrize("uri, expected", [
    ("https://example.org/exact.rng", "exact.rng"),                 # uri wins over rewrite
    ("http://example.org/tei.dtd", "tei.dtd"),                      # system
    ("https://example.org/a/b.rng", "rewritten/a/b.rng"),           # rewriteURI
    ("https://example.org/deep/c.rng", "deeper/c.rng"),             # the longest prefix wins
    ("https://other.org/x/odd-suffix.rng", "suffix.rng"),           # uriSuffix
    ("urn:grouped", "grouped/g.rng"),                               # group with xml:base
    ("https://elsewhere.org/next.rng", "next.rng"),                 # nextCatalog
])
def test_entry_kinds_resolve(catalogs, tmp_path, uri, expected):
    assert catalogs.resolve(uri).path == (tmp_path / "schemas" / expected).resolve()


def test_unmapped_or_missing_targets_resolve_to_nothing(catalogs, tmp_path):
    assert catalogs.resolve("https://unknown.org/x.rng").path is None
    missing = catalogs.resolve("https://example.org/not/there.rng")
    assert missing.path is None
    assert missing.tried and missing.tried[0].endswith("schemas/rewritten/not/there.rng")


def test_relative_hrefs_are_files_next_to_the_document(catalogs, tmp_path):
    (tmp_path / "doc-schema.rng").write_text("<grammar/>")
    assert catalogs.resolve_href("doc-schema.rng", tmp_path).path == tmp_path / "doc-schema.rng"


def test_a_broken_catalog_is_a_usage_error(tmp_path):
    (tmp_path / "bad.xml").write_text("<catalog>")
    with pytest.raises(UsageError):
        CatalogSet([tmp_path / "bad.xml"], use_env=False, use_builtin=False).catalogs
    with pytest.raises(UsageError):
        CatalogSet([tmp_path / "none.xml"], use_env=False, use_builtin=False).catalogs


def test_a_schema_files_external_dtd_is_never_opened(tmp_path):
    """libxml2 opens a DOCTYPE's external subset despite load_dtd=False; the schema parser
    must not. The DTD is a FIFO: opening it would block, so the check runs in a child."""
    import os
    import subprocess
    import sys

    os.mkfifo(tmp_path / "trap.dtd")
    schema = tmp_path / "s.rng"
    schema.write_text('<!DOCTYPE grammar SYSTEM "trap.dtd">\n'
                      '<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start>'
                      '<element name="a"><text/></element></start></grammar>')
    code = ("import sys; from pathlib import Path; from toolkit.validate.catalog import schema_parser, "
            "parse_schema; parse_schema(Path(sys.argv[1]), schema_parser(None)[0]); print('ok')")
    result = subprocess.run([sys.executable, "-c", code, str(schema)], capture_output=True,
                            text=True, timeout=30)
    assert result.stdout.strip() == "ok", result.stderr
