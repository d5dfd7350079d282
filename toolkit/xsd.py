"""W3C XML Schema validation: xmlschema as the schema model, located findings."""

from __future__ import annotations

import functools
from pathlib import Path

import xmlschema
from lxml import etree

from toolkit.errors import ToolkitError
from toolkit.findings import Finding


@functools.lru_cache(maxsize=32)
def load(path: Path) -> xmlschema.XMLSchemaBase:
    """Load (once per process) the XSD at ``path``; imports resolve locally only."""
    try:
        return xmlschema.XMLSchema(str(path), allow="sandbox", defuse="always")
    except (xmlschema.XMLSchemaException, OSError) as exc:
        raise ToolkitError(f"schema does not load: {exc}", str(path), rule="schema") from None


def validate(tree: etree._ElementTree, name: str, schema: xmlschema.XMLSchemaBase) -> list[Finding]:
    """Every XSD violation in ``tree`` as an error finding at its element's line."""
    findings = []
    for error in schema.iter_errors(tree):
        line = getattr(error, "sourceline", None)
        findings.append(Finding(name, line, None, "error", _message(error), "xsd",
                                xpath=getattr(error, "path", None), source="xsd"))
    return findings


def _message(error: xmlschema.XMLSchemaValidationError) -> str:
    reason = " ".join((error.reason or str(error)).split())
    return reason
