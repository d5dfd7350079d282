"""OASIS XML Catalogs (1.1): map remote schema URLs to local files; never fetch anything.

A schema declared as ``https://www.tei-c.org/release/.../tei_all.rng`` is found through the
catalogs of a run, in this order:

1. ``--catalog FILE`` options, then the ``catalogs`` of the project's configuration;
2. the ``XML_CATALOG_FILES`` environment variable (space-separated paths or ``file:`` URIs,
   as libxml2 and xmllint read it);
3. the toolkit's own catalog ``toolkit/validate/catalogs/tei.xml`` for the well-known TEI, EpiDoc and
   DraCor release URLs. It maps them into *your* folder of local copies, named by
   ``TEI_EDITION_SCHEMA_DIR`` or the ``schema-dir`` configuration key (see that file for
   the expected layout); without such a folder it maps nothing.

Supported entries: ``uri``, ``system``, ``rewriteURI``, ``rewriteSystem``, ``uriSuffix``,
``systemSuffix``, ``nextCatalog``, ``group`` and ``xml:base``. Resolution follows the
specification's order within a catalog (exact match, longest rewrite prefix, longest
suffix, then ``nextCatalog``), with one deliberate tolerance across catalogs: a candidate
whose local file does not exist does not end the search, the next catalog is asked, and
the first candidate that exists wins. When none exists the candidates are reported, so a
finding can say where the toolkit looked.

A catalog is read with the safe parser; a catalog that cannot be read is a usage error.
No code path here opens a URL: unresolved remote addresses are returned as unresolved.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from lxml import etree

from toolkit.core.errors import UsageError
from toolkit.core.parse import safe_parser

NS = "urn:oasis:names:tc:entity:xmlns:xml:catalog"
_C = "{%s}" % NS
_XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"

#: Where users keep local copies of the TEI/EpiDoc/DraCor schemas for the built-in catalog.
SCHEMA_DIR_ENV = "TEI_EDITION_SCHEMA_DIR"
BUILTIN = Path(__file__).resolve().parent / "catalogs" / "tei.xml"

REMOTE_SCHEMES = ("http", "https", "ftp")


def is_remote(href: str) -> bool:
    return urlparse(href).scheme.lower() in REMOTE_SCHEMES


def uri_to_path(uri: str) -> Path | None:
    """A local path for a ``file:`` URI (or a plain path); None for any other scheme."""
    parsed = urlparse(uri)
    if parsed.scheme == "file":
        from urllib.request import url2pathname  # not at import: it costs a cold run ~30 ms

        return Path(url2pathname(unquote(parsed.path)))
    if parsed.scheme == "" or (len(parsed.scheme) == 1 and os.name == "nt"):
        return Path(unquote(uri))
    return None


@dataclass(frozen=True)
class _Entry:
    kind: str  # "exact" | "rewrite" | "suffix"
    key: str
    target: str  # absolute URI (exact, suffix) or absolute prefix (rewrite)


#: catalog element -> (which table, kind of match, attribute matched, attribute of the target)
_ENTRIES = {
    "uri": ("uri", "exact", "name", "uri"),
    "system": ("system", "exact", "systemId", "uri"),
    "rewriteURI": ("uri", "rewrite", "uriStartString", "rewritePrefix"),
    "rewriteSystem": ("system", "rewrite", "systemIdStartString", "rewritePrefix"),
    "uriSuffix": ("uri", "suffix", "uriSuffix", "uri"),
    "systemSuffix": ("system", "suffix", "systemIdSuffix", "uri"),
}


@dataclass
class Catalog:
    """One catalog file with its entries in document order."""

    path: Path
    uri: list[_Entry] = field(default_factory=list)
    system: list[_Entry] = field(default_factory=list)
    next: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path, base: str | None = None) -> "Catalog":
        try:
            root = etree.fromstring(Path(path).read_bytes(), safe_parser(),
                                    base_url=Path(path).resolve().as_uri())
        except OSError as exc:
            raise UsageError(f"cannot read catalog: {exc.strerror or exc}", str(path),
                             rule="catalog") from None
        except etree.XMLSyntaxError as exc:
            raise UsageError(f"catalog is not well-formed XML: {exc.msg}", str(path),
                             exc.lineno, rule="catalog") from None
        if root.tag != _C + "catalog":
            raise UsageError(f"not an OASIS XML catalog (root element {root.tag!r}; expected "
                             f"catalog in {NS})", str(path), root.sourceline, rule="catalog")
        catalog = cls(Path(path))
        start = base if base is not None else Path(path).resolve().as_uri()
        catalog._read(root, start)
        return catalog

    def _read(self, element: etree._Element, base: str) -> None:
        """Collect the entries of ``element`` (the catalog or a group) in document order."""
        if element.get(_XML_BASE):
            base = urljoin(base, element.get(_XML_BASE))
        for child in element:
            if not isinstance(child.tag, str) or not child.tag.startswith(_C):
                continue
            name = child.tag[len(_C):]
            here = urljoin(base, child.get(_XML_BASE)) if child.get(_XML_BASE) else base
            if name == "group":
                self._read(child, base)
            elif name == "nextCatalog":
                self.next.append(urljoin(here, child.get("catalog", "")))
            elif name in _ENTRIES:
                table, kind, key, target = _ENTRIES[name]
                getattr(self, table).append(
                    _Entry(kind, child.get(key, ""), urljoin(here, child.get(target, ""))))

    def candidates(self, uri: str) -> list[str]:
        """Where this catalog (not its nextCatalogs) maps ``uri``: at most one URI."""
        for entries in (self.uri, self.system):
            for entry in entries:
                if entry.kind == "exact" and entry.key == uri:
                    return [entry.target]
        for entries in (self.uri, self.system):
            best = max((e for e in entries if e.kind == "rewrite" and e.key and uri.startswith(e.key)),
                       key=lambda e: len(e.key), default=None)
            if best is not None:
                return [best.target + uri[len(best.key):]]
        for entries in (self.uri, self.system):
            best = max((e for e in entries if e.kind == "suffix" and e.key and uri.endswith(e.key)),
                       key=lambda e: len(e.key), default=None)
            if best is not None:
                return [best.target]
        return []


@dataclass(frozen=True)
class Resolution:
    """The outcome of looking ``href`` up: ``path`` is set when a local file exists."""

    href: str
    path: Path | None
    tried: tuple[str, ...] = ()


class CatalogSet:
    """The ordered catalogs of one run (see the module docstring)."""

    def __init__(self, files: list[Path] | tuple[Path, ...] = (), schema_dir: Path | None = None,
                 use_env: bool = True, use_builtin: bool = True) -> None:
        self.files = [Path(f) for f in files]
        if use_env:
            self.files += [p for p in env_catalog_files()]
        self.schema_dir = schema_dir
        if self.schema_dir is None and os.environ.get(SCHEMA_DIR_ENV):
            self.schema_dir = Path(os.environ[SCHEMA_DIR_ENV])
        self.use_builtin = use_builtin
        self._catalogs: list[Catalog] | None = None

    def key(self) -> tuple:
        """What decides this set's answers: its files, schema folder and builtin flag."""
        return (tuple(str(Path(f).resolve()) for f in self.files),
                str(self.schema_dir.resolve()) if self.schema_dir else None, self.use_builtin)

    def describe(self) -> str:
        names = [str(f) for f in self.files]
        if self.use_builtin and self.schema_dir is not None:
            names.append(f"{BUILTIN.name} (-> {self.schema_dir})")
        return ", ".join(names) or "none"

    @property
    def catalogs(self) -> list[Catalog]:
        if self._catalogs is None:
            catalogs: list[Catalog] = []
            seen: set[str] = set()
            for file in self.files:
                self._load_chain(file, None, catalogs, seen)
            if self.use_builtin and self.schema_dir is not None:
                base = self.schema_dir.resolve().as_uri() + "/"
                self._load_chain(BUILTIN, base, catalogs, seen)
            self._catalogs = catalogs
        return self._catalogs

    def _load_chain(self, path: Path, base: str | None, out: list[Catalog], seen: set[str]) -> None:
        key = f"{Path(path).resolve()}|{base}"
        if key in seen:
            return
        seen.add(key)
        if not Path(path).is_file():
            raise UsageError("no such catalog file", str(path), rule="catalog")
        catalog = Catalog.load(path, base)
        out.append(catalog)
        for nxt in catalog.next:
            local = uri_to_path(nxt)
            if local is not None and local.is_file():
                self._load_chain(local, None, out, seen)

    def resolve(self, uri: str) -> Resolution:
        """Map ``uri`` through the catalogs; the first candidate that exists locally wins."""
        tried: list[str] = []
        for catalog in self.catalogs:
            for candidate in catalog.candidates(uri):
                if candidate in tried:
                    continue
                tried.append(candidate)
                local = uri_to_path(candidate)
                if local is not None and local.is_file():
                    return Resolution(uri, local, tuple(tried))
        return Resolution(uri, None, tuple(tried))

    def resolve_href(self, href: str, base: Path | None) -> Resolution:
        """Resolve a schema reference found in a document whose folder is ``base``.

        Remote addresses go through the catalogs only; ``file:`` URIs and relative paths
        are taken as local files (relative to ``base``), and are also looked up in the
        catalogs when they do not exist, so a catalog can redirect a stale relative path.
        """
        href = href.strip()
        if is_remote(href):
            return self.resolve(href)
        local = uri_to_path(href)
        if local is None:  # urn:, data:, anything else: only a catalog can help
            return self.resolve(href)
        if not local.is_absolute() and base is not None:
            local = base / local
        if local.is_file():
            return Resolution(href, local, (str(local),))
        looked = self.resolve(href)
        if looked.path is not None:
            return looked
        return Resolution(href, None, (str(local), *looked.tried))


def env_catalog_files() -> list[Path]:
    """The files named by ``XML_CATALOG_FILES`` (space-separated paths or file: URIs)."""
    value = os.environ.get("XML_CATALOG_FILES", "")
    out = []
    for item in value.split():
        path = uri_to_path(item)
        if path is not None:
            out.append(path)
    return out


#: what schemas include or import; anything else a schema file asks for is never read
_SCHEMA_SUFFIXES = (".xsd", ".rng", ".rnc", ".sch", ".xml", ".odd")


class LxmlResolver(etree.Resolver):
    """An lxml resolver that serves includes/imports of schemas from the catalogs.

    Local files are served as they are; remote addresses only through the catalogs. A
    remote address no catalog maps is answered with an empty document, so the schema fails
    to load with a message instead of libxml2 trying the network.
    """

    def __init__(self, catalogs: "CatalogSet | None") -> None:
        super().__init__()
        self.catalogs = catalogs
        self.unresolved: list[str] = []

    def resolve(self, url, pubid, context):  # noqa: D401 - lxml API
        if not url or not url.split("?")[0].lower().endswith(_SCHEMA_SUFFIXES):
            # a DTD or entity file: libxml2 2.14 opens a DOCTYPE's external subset even
            # with load_dtd=False, so answer with nothing rather than let it read the file
            return self.resolve_string("", context)
        if self.catalogs is None:
            return None
        if is_remote(url):
            found = self.catalogs.resolve(url)
            if found.path is not None:
                return self.resolve_filename(str(found.path), context)
            self.unresolved.append(url)
            return self.resolve_string(b"", context)
        return None


def schema_parser(catalogs: "CatalogSet | None") -> tuple[etree.XMLParser, LxmlResolver | None]:
    """The safe parser (:func:`toolkit.core.parse.safe_parser`) for schema files: includes
    and imports of the schema are loaded through :class:`LxmlResolver` (the catalogs)."""
    resolver = LxmlResolver(catalogs)
    return safe_parser(resolver=resolver), (resolver if catalogs is not None else None)


def parse_schema(path: Path, parser: etree.XMLParser) -> etree._ElementTree:
    """Parse a schema file (its bytes, with its own URI as base for relative includes)."""
    data = Path(path).read_bytes()
    return etree.fromstring(data, parser, base_url=Path(path).resolve().as_uri()).getroottree()
