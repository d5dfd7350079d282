"""Stage 2: check a parsed document against its schemas and rules; return findings.

This module decides *which* schemas apply to a file and runs them; each schema language
lives in a module of its own (``xsd``, ``schematron`` ...), and checks no schema can
express live in ``checks``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from toolkit import resources
from toolkit.errors import ToolkitError
from toolkit.findings import Finding
from toolkit.parse import parse_file


@dataclass(frozen=True)
class ValidationOptions:
    """Schemas and rules given on the command line; empty means "find them"."""

    schemas: tuple[Path, ...] = ()
    rules: tuple[Path, ...] = ()


def schemas_for(path: Path, options: ValidationOptions) -> list[Path]:
    """The grammar schemas that apply to ``path``: the options', else the edition's."""
    if options.schemas or options.rules:
        return list(options.schemas) + list(options.rules)
    return [resources.schema_path("edition.xsd"), resources.schema_path("edition.sch")]


def validate_file(path: Path, options: ValidationOptions) -> list[Finding]:
    """Parse ``path`` and run every applicable schema over it."""
    name = str(path)
    try:
        tree = parse_file(path)
    except ToolkitError as exc:
        return [exc.finding()]
    findings: list[Finding] = []
    for schema in schemas_for(path, options):
        findings += _run_schema(schema, tree, name)
    return sorted(findings, key=Finding.sort_key)


def _run_schema(schema: Path, tree, name: str) -> list[Finding]:
    if schema.suffix == ".xsd":
        from toolkit import xsd

        return xsd.validate(tree, name, xsd.load(schema))
    if schema.suffix == ".sch":
        from toolkit import schematron

        return schematron.load_schematron(schema).validate(tree, name)
    raise ToolkitError(f"unsupported schema type {schema.suffix!r}", str(schema), rule="schema")
