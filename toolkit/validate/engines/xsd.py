"""W3C XML Schema (1.0 and 1.1) validation: libxml2 for the verdict, xmlschema for the words.

xmlschema is the reference implementation here (it knows XSD 1.1 and gives good messages)
but is about 100x slower than libxml2 (50 KB: 100 ms vs 1 ms; 5 MB: 10 s vs 0.1 s). So:

* an XSD 1.0 schema that libxml2 can load is run with ``lxml.etree.XMLSchema`` first; a
  document it accepts is valid, with no further cost;
* when libxml2 rejects the document, xmlschema is run for its diagnostics (each error at
  its element, with a path); should xmlschema accept what libxml2 rejected, libxml2's own
  messages are reported, so the verdict never depends on which engine speaks;
* a schema libxml2 cannot load, and any XSD 1.1 schema (``vc:minVersion="1.1"``), goes to
  xmlschema alone.

xmlschema is imported only when it is needed (it costs ~0.3 s to import, more than
validating most documents with libxml2).

Neither engine fetches anything: libxml2 parses with the safe parser and a catalog
resolver; xmlschema runs with ``allow="sandbox"`` (only files under the schema's folder)
or, when catalogs map imports elsewhere, ``allow="local"`` plus a ``uri_mapper`` that maps
remote addresses through the catalogs.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterator
from urllib.parse import unquote, urljoin, urlparse

from lxml import etree

from toolkit.core.findings import Finding
from toolkit.validate.catalog import is_remote, parse_schema, schema_parser
from toolkit.validate.engines.base import Engine, LoadContext, SchemaUnusable, content_digest
from toolkit.validate.locate import element_at, xpath_of

if TYPE_CHECKING:
    import xmlschema

VC = "http://www.w3.org/2007/XMLSchema-versioning"
XS = "http://www.w3.org/2001/XMLSchema"
_REFERENCES = ("include", "import", "redefine", "override")


class XSDEngine(Engine):
    """One XSD, loaded by libxml2 where it can, by xmlschema on first need."""

    kind = "xsd"

    def __init__(self, path: Path, version: str, libxml2: etree.XMLSchema | None,
                 catalogs=None) -> None:
        self.path = path
        self.version = version  # "1.0" | "1.1"
        self.libxml2 = libxml2
        self.catalogs = catalogs
        self._reference: "xmlschema.XMLSchemaBase | None" = None
        self._reference_error: SchemaUnusable | None = None

    @property
    def reference(self) -> "xmlschema.XMLSchemaBase":
        """The xmlschema model (loaded on first need). Raises SchemaUnusable."""
        import xmlschema

        if self._reference_error is not None:
            raise self._reference_error
        if self._reference is None:
            cls = xmlschema.XMLSchema11 if self.version == "1.1" else xmlschema.XMLSchema10
            kwargs = {"defuse": "always"}
            if self.catalogs is not None and self.catalogs.catalogs:
                kwargs.update(allow="local", uri_mapper=self._map)
            else:
                kwargs.update(allow="sandbox")
            try:
                self._reference = cls(str(self.path.resolve()), **kwargs)
            except (xmlschema.XMLSchemaException, OSError, etree.XMLSyntaxError,
                    SyntaxError, ValueError) as exc:
                message = " ".join(str(exc).split())[:600]
                self._reference_error = SchemaUnusable(f"XML Schema does not load: {message}",
                                                       str(self.path))
                raise self._reference_error from None
        return self._reference

    def _map(self, uri: str) -> str:
        if is_remote(uri):
            found = self.catalogs.resolve(uri)
            if found.path is not None:
                return found.path.resolve().as_uri()
        return uri

    def iter_findings(self, tree: etree._ElementTree, name: str,
                      path: Path | None = None) -> Iterator[Finding]:
        """Every XSD violation in ``tree`` as an error finding at its element's line."""
        lib_errors = None
        if self.libxml2 is not None:
            if self.libxml2.validate(tree):
                return
            lib_errors = [e for e in self.libxml2.error_log if e.level_name in ("ERROR", "FATAL")]
        spoke = False
        try:
            reference = self.reference
        except SchemaUnusable:
            reference = None
        if reference is not None:
            import xmlschema

            resource = xmlschema.XMLResource(tree, allow="none", defuse="always")
            for error in reference.iter_errors(resource, use_location_hints=False):
                el = getattr(error, "elem", None)
                xpath = xpath_of(el) if isinstance(el, etree._Element) else getattr(error, "path", None)
                spoke = True
                yield Finding(name, getattr(error, "sourceline", None), None, "error",
                              _message(error), "xsd", xpath=xpath, source="xsd")
        if not spoke:
            for e in lib_errors or ():
                found = element_at(tree, e.path)
                yield Finding(name, e.line or None, e.column or None, "error", e.message.strip(),
                              "xsd", xpath_of(found) if found is not None else None, "xsd")


def load(path: Path, context: LoadContext = LoadContext()) -> XSDEngine:
    """Load the XSD at ``path`` (libxml2 first, see the module docstring)."""
    parser, _ = schema_parser(context.catalogs)
    try:
        doc = parse_schema(path, parser)
    except OSError as exc:
        raise SchemaUnusable(f"cannot read XML Schema: {exc.strerror or exc}", str(path),
                             rule="schema-unavailable") from None
    except etree.XMLSyntaxError as exc:
        raise SchemaUnusable(f"XML Schema is not well-formed XML: {exc.msg}", str(path),
                             exc.lineno) from None
    min_version = doc.getroot().get(f"{{{VC}}}minVersion") or "1.0"
    try:
        version = "1.1" if float(min_version) >= 1.1 else "1.0"
    except ValueError:
        version = "1.0"
    libxml2 = None
    if version == "1.0":
        try:
            libxml2 = etree.XMLSchema(doc)
        except etree.XMLSchemaParseError:
            pass  # xmlschema says why, or loads what libxml2 cannot
    engine = XSDEngine(Path(path), version, libxml2, context.catalogs)
    engine.files = schema_files(Path(path), doc, parser)
    if libxml2 is None:
        engine.reference  # noqa: B018 - raise now if no engine can load it
    return engine


def schema_files(path: Path, doc: etree._ElementTree,
                 parser: etree.XMLParser) -> dict[str, str]:
    """Resolved path -> sha256 of the XSD and of every local file it includes, imports,
    redefines or overrides, transitively: what both engines read (remote locations are
    never read; catalogs map them, and the catalogs are part of the cache key)."""
    files: dict[str, str] = {}
    pending = [(Path(path).resolve(), doc)]
    while pending:
        where, tree = pending.pop()
        if str(where) in files:
            continue
        try:
            files[str(where)] = content_digest(where)
        except OSError:
            continue
        for ref in tree.iter(*(f"{{{XS}}}{name}" for name in _REFERENCES)):
            location = ref.get("schemaLocation")
            if not location or is_remote(location):
                continue
            target = Path(unquote(urlparse(urljoin(where.as_uri(), location)).path))
            if str(target) in files or not target.is_file():
                continue
            try:
                pending.append((target, parse_schema(target, parser)))
            except (OSError, etree.XMLSyntaxError):  # its bytes still count
                pending.append((target, etree.ElementTree(etree.Element("unread"))))
    return files


def _message(error) -> str:
    reason = " ".join((error.reason or str(error)).split())
    el = getattr(error, "elem", None)
    if isinstance(el, etree._Element) and isinstance(el.tag, str):
        return f"{etree.QName(el).localname}: {reason}"
    return reason
