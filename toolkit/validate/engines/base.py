"""One interface for every validation engine: XSD, RELAX NG, Schematron, the reference checks.

Modelled on xmlschema's ``validate`` / ``is_valid`` / ``iter_errors``, which share one
signature and are all derived from one iterator. Here an engine implements one method,
:meth:`Engine.iter_findings`; :meth:`Engine.findings`, :meth:`Engine.is_valid` and
:meth:`Engine.validate` are derived from it in this module, once, for every engine.

A schema language is one row of :data:`KINDS`, added with :func:`register`: its name on the
command line and in ``<?xml-model?>`` (``rng``, ``rnc``, ``xsd``, ``sch``, ``checks``), a
label for messages, the file suffixes and ``schematypens`` namespaces that select it, and
its loader ``load(path, context) -> Engine``. ``toolkit.validate.engines`` imports every
engine module, so importing that package fills the table.

:func:`load` is the only way the toolkit loads a schema: it picks the loader from the
table and keeps the engine (or the :class:`SchemaUnusable` it raised, so a schema that
timed out is not retried) in one cache per process, keyed by the schema file's content
hash, its resolved path (relative includes depend on it) and the :class:`LoadContext`.
The files of one run therefore share every compiled schema, and a schema edited during a
long-lived process (a language server, the workers of a Dask cluster that stays up) is
loaded afresh, as is one whose included or imported files changed (:attr:`Engine.files`).

The contract for an engine module (what other schema languages must provide)::

    class MyEngine(Engine):
        kind = "my"
        def iter_findings(self, tree, name, path=None) -> Iterator[Finding]: ...

    def load(path: Path | None, context: LoadContext) -> MyEngine:
        ...                        # raise SchemaUnusable when the schema cannot be used

    register(Kind("my", "My schema language", (".my",), load, namespaces=("urn:my",)))

``tree`` is the document parsed by :func:`toolkit.core.parse.parse_file` (never re-read
from disk when it can be helped), ``name`` the file name findings carry, ``path`` the
source file (for relative references) or None for a tree that is not a file.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, ClassVar, Iterator

from lxml import etree

from toolkit.core.errors import ToolkitError
from toolkit.core.findings import Finding
from toolkit.core.hashing import HashCache
from toolkit.validate.options import DEFAULT_TIMEOUT

if TYPE_CHECKING:  # the catalog module imports nothing from here; this is for the type only
    from toolkit.validate.catalog import CatalogSet

class SchemaUnusable(ToolkitError):
    """The schema cannot be used in this run: not found, does not load, compile or finish.

    ``file``/``line`` point into the schema where that is known; ``rule`` is one of
    ``schema-unavailable``, ``schema-invalid``, ``schema-timeout``, ``schema-unsupported``.
    """

    def __init__(self, message: str, file: str = "", line: int | None = None,
                 column: int | None = None, rule: str = "schema-invalid") -> None:
        super().__init__(message, file, line, column, rule)


class DocumentInvalid(ToolkitError):
    """Raised by :meth:`Engine.validate` for the first error finding (as xmlschema does)."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message, finding.file, finding.line, finding.column,
                         finding.rule)
        self.found = finding


@dataclass(frozen=True)
class LoadContext:
    """What a loader may need besides the schema file.

    ``catalogs`` map remote schema addresses to local files (never fetched); ``timeout``
    bounds a compile that may not finish (RELAX NG); ``phase`` selects a Schematron phase
    (None: the schema's ``defaultPhase``).
    """

    catalogs: "CatalogSet | None" = None
    timeout: float = DEFAULT_TIMEOUT
    phase: str | None = None

    def key(self) -> tuple:
        """The hashable part of the cache key (the catalogs by what they read)."""
        catalogs = self.catalogs.key() if self.catalogs is not None else None
        return (catalogs, self.timeout, self.phase)


class Engine(ABC):
    """A loaded schema (or the checks), ready to check any number of parsed documents."""

    #: the :data:`KINDS` row this engine belongs to
    kind: ClassVar[str] = ""
    #: the schema file, or None for engines without one (the reference checks)
    path: Path | None = None
    #: path -> sha256 of every file the engine was made from (its includes and imports):
    #: :func:`load` makes it afresh when one of them changed, in a process that lives on
    #: (a language server, a worker of a Dask cluster that stays up between commands)
    files: dict[str, str] = {}

    @abstractmethod
    def iter_findings(self, tree: etree._ElementTree, name: str,
                      path: Path | None = None) -> Iterator[Finding]:
        """Every finding about ``tree`` (the parsed file ``path``, reported as ``name``)."""

    def findings(self, tree: etree._ElementTree, name: str,
                 path: Path | None = None) -> list[Finding]:
        """:meth:`iter_findings` as a list."""
        return list(self.iter_findings(tree, name, path))

    def is_valid(self, tree: etree._ElementTree, name: str = "",
                 path: Path | None = None) -> bool:
        """True when no finding is an error (stops at the first error)."""
        return not any(f.severity == "error" for f in self.iter_findings(tree, name, path))

    def validate(self, tree: etree._ElementTree, name: str = "",
                 path: Path | None = None) -> None:
        """Raise :class:`DocumentInvalid` for the first error finding, else return None."""
        for finding in self.iter_findings(tree, name, path):
            if finding.severity == "error":
                raise DocumentInvalid(finding)


Loader = Callable[[Path | None, LoadContext], Engine]


@dataclass(frozen=True)
class Kind:
    """One schema language: how it is named, recognised and loaded."""

    name: str
    label: str
    suffixes: tuple[str, ...]
    load: Loader = field(repr=False, compare=False)
    namespaces: tuple[str, ...] = ()
    media_types: tuple[str, ...] = ()


#: schema kind -> :class:`Kind`, in the order kinds are tried when a declaration is ambiguous
KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> Kind:
    """Add (or replace) a schema language in :data:`KINDS`."""
    KINDS[kind.name] = kind
    return kind


def kind_of_path(path: Path | str) -> str | None:
    """The kind whose suffix ``path`` has (``.rng`` -> ``rng``), or None."""
    lower = str(path).lower().split("#")[0].split("?")[0]
    for kind in KINDS.values():
        if kind.suffixes and lower.endswith(kind.suffixes):
            return kind.name
    return None


def label(kind: str) -> str:
    """``RELAX NG`` for ``rng``; ``schema`` for a kind not in the table."""
    return KINDS[kind].label if kind in KINDS else "schema"


# ----------------------------------------------------------------------------- the cache

_engines: dict[tuple, "Engine | SchemaUnusable"] = {}
_digests = HashCache()


def content_digest(path: Path) -> str:
    """The sha256 of a file, read again only when its size or mtime changed (the key of
    everything validation caches about a file). Raises ``OSError``."""
    return _digests.hash(Path(path).resolve()).sha256


def unchanged(files: dict[str, str]) -> bool:
    """Every file of ``files`` (path -> sha256) still has those bytes: one ``stat`` each,
    a read only of a file whose size or mtime moved."""
    try:
        return all(content_digest(Path(name)) == sha for name, sha in files.items())
    except OSError:
        return False


def load(kind: str, path: Path | str | None, context: LoadContext = LoadContext()) -> Engine:
    """The engine for the schema ``path`` of ``kind``, loaded once per process and content
    (of the schema file and of every file it includes: :attr:`Engine.files`).

    Raises :class:`SchemaUnusable` (also remembered: it is raised again for the same schema
    and context without a second attempt).
    """
    spec = KINDS.get(kind)
    if spec is None:
        raise SchemaUnusable(f"cannot tell the schema language of {path} (use "
                             f"{', '.join(s for k in KINDS.values() for s in k.suffixes)})",
                             str(path or ""), rule="schema-unsupported")
    resolved = Path(path).resolve() if path is not None else None
    digest = None
    if resolved is not None:
        try:
            digest = content_digest(resolved)
        except OSError:
            raise SchemaUnusable(f"{spec.label} schema not found", str(path),
                                 rule="schema-unavailable") from None
    key = (kind, str(resolved), digest, context.key())
    cached = _engines.get(key)
    if isinstance(cached, Engine) and not unchanged(cached.files):
        cached = None
    if cached is None:
        try:
            cached = spec.load(Path(path) if path is not None else None, context)
        except SchemaUnusable as exc:
            cached = exc
        _engines[key] = cached
    if isinstance(cached, SchemaUnusable):
        raise cached
    return cached
