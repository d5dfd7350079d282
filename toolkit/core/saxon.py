"""The XSLT 3.0 engine: one hardened saxonche processor per process, stylesheets compiled once.

Why this module exists rather than calling saxonche directly:

* saxonche's own parser resolves external entities and fetches DTDs, and ``doc()`` or
  ``unparsed-text()`` in a stylesheet can read any file or URL. Sources are therefore never
  parsed from files by Saxon: they are parsed by :mod:`toolkit.core.parse` and handed over
  as text with no DOCTYPE, and before the processor runs its first transform its
  ``allowedProtocols`` is emptied (:meth:`_Processor.lock`), so a transform can reach no
  file and no host. Saxon cannot relax that setting again.
* Compiling costs 5-250 ms, transforming a small document ~20 ms. Each process has one
  processor; the stylesheets a run will use are compiled first (:func:`prepare`), while
  ``xsl:import`` may still read the toolkit's files, then the processor is locked. A
  self-contained stylesheet (generated Schematron) still compiles after that; one that
  imports files and is first asked for after transforms began is compiled by a fresh
  processor, which is then locked in turn (the only case with a second processor).
* A document is handed to Saxon once (:class:`Document`: one ``XdmNode`` per processor),
  however many formats or Schematron schemas are run over it.
* Dynamic errors are reported by the stylesheet itself through an ``xsl:try`` around the
  whole transform (:mod:`toolkit.core.xslt_errors`), with code, module and line; compile
  errors carry their location in saxonche's exception (line numbers are kept for
  stylesheets built from trees too). Saxon's console output, which it writes to the
  native stderr for uncaught errors, is kept off the user's terminal.
* ``xsl:message`` output is returned (the CLI shows it as warnings), and
  ``xsl:result-document`` output is kept in memory, never written by the stylesheet.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from lxml import etree

from toolkit.core import resources
from toolkit.core import xslt_errors
from toolkit.core.hashing import HashCache

_ALLOWED_PROTOCOLS = "http://saxon.sf.net/feature/allowedProtocols"
_lock = threading.RLock()
_current: "_Processor | None" = None
_compiled: dict[str, "Stylesheet"] = {}
_digests = HashCache()


class _Processor:
    """A ``PySaxonProcessor`` and whether it has been locked down (see the module docstring)."""

    def __init__(self) -> None:
        from saxonche import PySaxonProcessor  # the lazy edge: a no-op build never loads it

        self.proc = PySaxonProcessor(license=False)
        # https://tei-edition.org/xslt/... in a user's xsl:import resolves to our files
        self.proc.set_catalog_files([str(resources.xslt_path("catalog.xml"))])
        self.locked = False

    def lock(self) -> None:
        if not self.locked:
            self.proc.set_configuration_property(_ALLOWED_PROTOCOLS, "")
            self.locked = True

    def parse(self, text: str, base_uri: str | None, lines: bool = False):
        builder = self.proc.new_document_builder()
        builder.set_line_numbering(lines)
        if base_uri:
            builder.set_base_uri(base_uri)
        return builder.parse_xml(xml_text=text)


def _processor(fresh: bool = False) -> _Processor:
    """The process's processor (a new one when ``fresh``: see the module docstring)."""
    global _current
    with _lock:
        if _current is None or fresh:
            _current = _Processor()
        return _current


def get_processor():
    """The process's ``PySaxonProcessor`` (for callers that need saxonche directly)."""
    return _processor().proc


@dataclass
class TransformResult:
    """What one transform produced: the principal output and the ``xsl:message`` texts."""

    output: str
    messages: list[str] = field(default_factory=list)


class Document:
    """A parsed source as Saxon sees it: serialised once, one ``XdmNode`` per processor.

    ``base_uri`` (the source's ``file:`` URI) is what ``base-uri()`` returns in a
    stylesheet, so rules that compare ids with file names work.
    """

    def __init__(self, source: bytes | etree._ElementTree | etree._Element,
                 base_uri: str | None = None) -> None:
        if base_uri is None and not isinstance(source, bytes):
            tree = source if isinstance(source, etree._ElementTree) else source.getroottree()
            base_uri = tree.docinfo.URL or None
        self.text = (source if isinstance(source, bytes) else serialize_for_saxon(source)).decode("utf-8")
        self.base_uri = base_uri
        self._nodes: dict[int, object] = {}

    def node(self, processor: _Processor):
        key = id(processor)
        if key not in self._nodes:
            self._nodes[key] = (processor, processor.parse(self.text, self.base_uri))
        return self._nodes[key][1]


class Stylesheet:
    """A compiled XSLT 3.0 stylesheet; call :meth:`transform` for each document."""

    def __init__(self, executable, processor: _Processor, origin: str) -> None:
        self._exe = executable
        self._processor = processor
        self.origin = origin

    def transform(self, source: Document | bytes | etree._ElementTree | etree._Element,
                  params: dict[str, object] | None = None,
                  name: str = "", base_uri: str | None = None) -> TransformResult:
        """Transform one document (already parsed safely) and return its serialized result.

        ``source`` is best a :class:`Document`, shared by every stylesheet run over it.
        ``params`` values may be str, bool, int or float, or a list of documents (trees or
        :class:`Document`: a parameter of type ``document-node()*``); they become
        stylesheet parameters. ``name`` is the source file, used in error messages.
        """
        doc = source if isinstance(source, Document) else Document(source, base_uri)
        with _lock:
            self._processor.lock()
            exe = self._exe
            exe.clear_parameters()
            exe.clear_xsl_messages()
            # The XDM values must outlive the transform: saxonche frees a node sequence
            # whose Python wrapper is collected, even while a parameter still refers to it.
            values = {key: _xdm(self._processor, value) for key, value in (params or {}).items()}
            for key, value in values.items():
                exe.set_parameter(key, value)
            exe.set_save_xsl_message(True)
            exe.set_capture_result_documents(True)
            failure = None
            with _quiet_native_stderr():
                try:
                    output = exe.transform_to_string(xdm_node=doc.node(self._processor))
                except Exception as exc:  # saxonche raises PySaxonApiError
                    failure = str(exc)
            messages, report = xslt_errors.reported(_messages(exe.get_xsl_messages()))
        if report is not None:
            raise xslt_errors.dynamic_error(report, self.origin, name)
        if failure is not None:
            raise xslt_errors.uncaught_error(failure, self.origin, name)
        return TransformResult(output or "", messages)


def compile_xslt(text: str | None = None, path: str | os.PathLike[str] | None = None,
                 base_uri: str | None = None) -> Stylesheet:
    """Compile a stylesheet from ``path`` or from ``text`` (cached per process by content).

    ``base_uri`` resolves ``xsl:import``/``xsl:include`` in ``text``; for ``path`` it is
    the file itself. A compile error raises :class:`TransformError` with the location
    Saxon reports.
    """
    if (text is None) == (path is None):
        raise ValueError("give exactly one of text or path")
    files = stylesheet_files(Path(path)) if path is not None else []
    origin = str(path) if path is not None else (base_uri or "<stylesheet>")
    key = _cache_key(text, files, base_uri)
    with _lock:
        if key not in _compiled:
            _compiled[key] = _compile(text, Path(path) if path is not None else None,
                                      base_uri, origin, files)
        return _compiled[key]


def prepare(paths: Iterable[str | os.PathLike[str]]) -> list[Stylesheet]:
    """Compile the stylesheets a run will use, before the first transform locks Saxon."""
    return [compile_xslt(path=path) for path in paths]


def _compile(text: str | None, path: Path | None, base_uri: str | None, origin: str,
             files: list[Path]) -> Stylesheet:
    source = xslt_errors.wrapper(path) if path is not None else xslt_errors.with_catch(text)
    processor = _processor()
    for attempt in (1, 2):
        try:
            compiler = processor.proc.new_xslt30_processor()
            if path is not None and source is None:  # not importable: compile it as it is
                exe = compiler.compile_stylesheet(stylesheet_file=str(path.resolve()))
            elif path is not None:
                exe = compiler.compile_stylesheet(stylesheet_text=source)
            else:
                node = processor.parse(source, base_uri, lines=True)
                exe = compiler.compile_stylesheet(stylesheet_node=node)
            return Stylesheet(exe, processor, origin)
        except Exception as exc:  # saxonche's PySaxonApiError
            message = str(exc)
            if attempt == 1 and processor.locked and "prohibited" in message:
                processor = _processor(fresh=True)  # it imports files: see the docstring
                continue
            raise xslt_errors.compile_error(message, origin, files) from None
    raise AssertionError("unreachable")


_IMPORT = re.compile(rb"<xsl:(?:import|include)\b[^>]*?\bhref\s*=\s*[\"']([^\"']+)[\"']")


def stylesheet_files(path: Path) -> list[Path]:
    """``path`` and the local stylesheets it imports or includes, transitively.

    Read again only when one of the files found last time changed size or mtime (a
    ``stat`` each), since it is asked for every document a build transforms."""
    path = Path(path).resolve()
    known = _closures.get(path)
    if known is not None and known[0] == _stamps(known[1]):
        return known[1]
    seen: dict[Path, None] = {}

    def visit(file: Path) -> None:
        file = file.resolve()
        if file in seen or not file.is_file():
            return
        seen[file] = None
        try:
            text = file.read_bytes()
        except OSError:
            return
        for href in _IMPORT.findall(text):
            name = href.decode("utf-8", "replace")
            if "://" not in name:
                visit(file.parent / name)

    visit(path)
    files = list(seen)
    _closures[path] = (_stamps(files), files)
    return files


_closures: dict[Path, tuple[tuple, list[Path]]] = {}


def _stamps(files: list[Path]) -> tuple:
    stamps = []
    for file in files:
        try:
            info = file.stat()
            stamps.append((info.st_size, info.st_mtime_ns))
        except OSError:
            stamps.append(None)
    return tuple(stamps)


def _cache_key(text: str | None, files: list[Path], base_uri: str | None) -> str:
    """By content: the stylesheet text, or every file of the stylesheet (a module edited
    during a long-lived process is compiled afresh)."""
    digest = hashlib.sha256()
    if text is not None:
        digest.update((base_uri or "").encode())
        digest.update(text.encode())
    for file in files:
        digest.update(str(file).encode())
        with contextlib.suppress(OSError):
            digest.update(_digests.hash(file).sha256.encode())
    return digest.hexdigest()


def serialize_for_saxon(tree: etree._ElementTree | etree._Element) -> bytes:
    """UTF-8 bytes of the document without its DOCTYPE, for Saxon's parser.

    Internal entities were expanded by the safe parser; external ones were refused there.
    Top-level comments and processing instructions (``<?xml-model?>``) are kept.
    """
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    parts: list[bytes] = []
    sibling = root.getprevious()
    before: list[etree._Element] = []
    while sibling is not None:
        before.append(sibling)
        sibling = sibling.getprevious()
    for node in reversed(before):
        parts.append(etree.tostring(node, encoding="utf-8", with_tail=False))
    parts.append(etree.tostring(root, encoding="utf-8", with_tail=False))
    return b"\n".join(parts)


def _xdm(processor: _Processor, value):
    proc = processor.proc
    if isinstance(value, (list, tuple)):
        return _xdm_documents(processor, value)
    if isinstance(value, bool):
        return proc.make_boolean_value(value)
    if isinstance(value, int):
        return proc.make_integer_value(value)
    if isinstance(value, float):
        return proc.make_double_value(value)
    return proc.make_string_value(str(value))


def _xdm_documents(processor: _Processor, documents):
    """A sequence of document nodes (a ``document-node()*`` parameter): each document
    (tree or :class:`Document`, parsed by the safe parser, not by Saxon) keeps its file URI
    as base URI, so ``base-uri()`` and relative pointers into it work in the stylesheet."""
    from saxonche import PyXdmValue

    sequence = PyXdmValue(processor.proc)
    for doc in documents:
        doc = doc if isinstance(doc, Document) else Document(doc)
        sequence.add_xdm_item(doc.node(processor))
    return sequence


def _messages(value) -> list[str]:
    if value is None:
        return []
    return [str(item).strip() for item in value]


@contextlib.contextmanager
def _quiet_native_stderr() -> Iterator[None]:
    """Keep what the native Saxon library prints to fd 2 during a transform off the
    terminal: only its diagnostics of errors, which reach the user as a located finding.
    Text that is not Saxon's (another thread's output) is written back."""
    try:
        saved = os.dup(2)
    except OSError:  # no fd 2 (embedded use)
        yield
        return
    with tempfile.TemporaryFile(mode="w+b") as sink:
        os.dup2(sink.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            sink.seek(0)
            foreign = [line for line in sink.read().decode("utf-8", "replace").splitlines()
                       if line.strip() and not _SAXON_LINE.match(line)]
            if foreign:
                with contextlib.suppress(OSError):
                    os.write(2, ("\n".join(foreign) + "\n").encode())


_SAXON_LINE = re.compile(r"^(Error|Warning|  |\s*at |\s*In |\s*invoked|\s*XTMM|\S+\s+Processing terminated)")
