"""The XSLT 3.0 engine: one hardened saxonche processor per process, stylesheets compiled once.

Why this module exists rather than calling saxonche directly:

* saxonche's own parser resolves external entities and fetches DTDs, and ``doc()`` or
  ``unparsed-text()`` in a stylesheet can read any file or URL. Sources are therefore never
  parsed by Saxon: they are parsed by :mod:`toolkit.core.parse` and handed over as bytes with no
  DOCTYPE, and before a processor runs its first transform its ``allowedProtocols`` is set
  to nothing, so a transform cannot reach a file or the network (see :class:`_Engine`).
* Compilation costs 5-70 ms; transforming a small document ~20 ms. Each stylesheet is
  compiled once per process (:func:`compile_xslt` caches by content) and reused.
* A dynamic error's exception carries only its message; Saxon prints the line, column and
  error code to the native stderr. :func:`_capture_native_stderr` keeps that text so the
  user sees where the stylesheet failed.
* ``xsl:message`` output is captured and returned (the CLI shows it as warnings), and
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
from typing import Iterator

from lxml import etree

from toolkit.core.errors import TransformError

_ALLOWED_PROTOCOLS = "http://saxon.sf.net/feature/allowedProtocols"
_lock = threading.RLock()
_engine: "_Engine | None" = None
_cache: dict[str, "Stylesheet"] = {}


class _Engine:
    """A ``PySaxonProcessor`` and whether it has been locked down.

    Saxon's ``allowedProtocols`` cannot be relaxed once set, and compiling needs ``file:``
    for ``xsl:import``. So a processor compiles while open and is locked before its first
    transform; a stylesheet compiled after that gets a fresh processor (~0.06 s).
    """

    def __init__(self) -> None:
        from saxonche import PySaxonProcessor

        self.proc = PySaxonProcessor(license=False)
        # https://tei-edition.org/xslt/... in a user's xsl:import resolves to our files
        from toolkit.core import resources
        self.proc.set_catalog_files([str(resources.xslt_path("catalog.xml"))])
        self.locked = False

    def lock(self) -> None:
        if not self.locked:
            self.proc.set_configuration_property(_ALLOWED_PROTOCOLS, "")
            self.locked = True


def get_processor():
    """A ``PySaxonProcessor`` that may still compile (one per process while unlocked)."""
    return _compiling_engine().proc


def _compiling_engine() -> _Engine:
    global _engine
    with _lock:
        if _engine is None or _engine.locked:
            _engine = _Engine()
        return _engine


@dataclass
class TransformResult:
    """What one transform produced: the principal output, messages, secondary documents."""

    output: str
    messages: list[str] = field(default_factory=list)
    documents: dict[str, str] = field(default_factory=dict)


class Stylesheet:
    """A compiled XSLT 3.0 stylesheet; call :meth:`transform` for each document."""

    def __init__(self, executable, engine: _Engine, origin: str) -> None:
        self._exe = executable
        self._engine = engine
        self.origin = origin

    def transform(self, source: bytes | etree._ElementTree | etree._Element,
                  params: dict[str, object] | None = None,
                  name: str = "", base_uri: str | None = None) -> TransformResult:
        """Transform one document (already parsed safely) and return its serialized result.

        ``params`` values may be str, bool, int or float, or a list of parsed trees (a
        parameter of type ``document-node()*``); they become stylesheet parameters. ``name`` is the source file, used in error messages; ``base_uri``
        (the source's ``file:`` URI) is what ``base-uri()`` returns in the stylesheet,
        so rules that compare ids with file names work.
        """
        data = source if isinstance(source, bytes) else serialize_for_saxon(source)
        with _lock:
            self._engine.lock()
            proc = self._engine.proc
            exe = self._exe
            exe.clear_parameters()
            exe.clear_xsl_messages()
            # The XDM values must outlive the transform: saxonche frees a node sequence
            # whose Python wrapper is collected, even while a parameter still refers to it.
            values = {key: _xdm(proc, value) for key, value in (params or {}).items()}
            for key, value in values.items():
                exe.set_parameter(key, value)
            exe.set_save_xsl_message(True)
            exe.set_capture_result_documents(True)
            failure = None
            with _capture_native_stderr() as native:
                try:
                    builder = proc.new_document_builder()
                    if base_uri:
                        builder.set_base_uri(base_uri)
                    node = builder.parse_xml(xml_text=data.decode("utf-8"))
                    output = exe.transform_to_string(xdm_node=node)
                except Exception as exc:  # saxonche raises PySaxonApiError
                    failure = str(exc)
            if failure is not None:
                raise _transform_error(failure, native.text, self.origin, name)
            messages = _messages(exe.get_xsl_messages())
            documents = {uri: str(doc) for uri, doc in (exe.get_result_documents() or {}).items()}
        return TransformResult(output or "", messages, documents)


def compile_xslt(text: str | None = None, path: str | os.PathLike[str] | None = None,
                 base_uri: str | None = None) -> Stylesheet:
    """Compile a stylesheet from ``path`` or from ``text`` (cached per process by content).

    ``base_uri`` resolves ``xsl:import``/``xsl:include`` in ``text``; for ``path`` it is
    the file itself. A compile error raises :class:`TransformError` with the location
    Saxon reports.
    """
    if (text is None) == (path is None):
        raise ValueError("give exactly one of text or path")
    origin = str(path) if path is not None else (base_uri or "<stylesheet>")
    key = _cache_key(text, path, base_uri)
    with _lock:
        if key in _cache:
            return _cache[key]
        engine = _compiling_engine()
        proc = engine.proc
        failure = None
        with _capture_native_stderr() as native:
            try:
                compiler = proc.new_xslt30_processor()
                if path is not None:
                    exe = compiler.compile_stylesheet(stylesheet_file=str(Path(path).resolve()))
                elif base_uri:
                    builder = proc.new_document_builder()
                    builder.set_base_uri(base_uri)
                    node = builder.parse_xml(xml_text=text)
                    exe = compiler.compile_stylesheet(stylesheet_node=node)
                else:
                    exe = compiler.compile_stylesheet(stylesheet_text=text)
            except Exception as exc:
                failure = str(exc)
        if failure is not None:
            raise _compile_error(failure, native.text, origin)
        sheet = Stylesheet(exe, engine, origin)
        _cache[key] = sheet
        return sheet


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


def _cache_key(text, path, base_uri) -> str:
    digest = hashlib.sha256()
    if path is not None:
        resolved = Path(path).resolve()
        digest.update(str(resolved).encode())
        with contextlib.suppress(OSError):
            stat = resolved.stat()
            digest.update(f"{stat.st_mtime_ns}:{stat.st_size}".encode())
    else:
        digest.update((base_uri or "").encode())
        digest.update(text.encode())
    return digest.hexdigest()


def _xdm(proc, value):
    if isinstance(value, (list, tuple)):
        return _xdm_documents(proc, value)
    if isinstance(value, bool):
        return proc.make_boolean_value(value)
    if isinstance(value, int):
        return proc.make_integer_value(value)
    if isinstance(value, float):
        return proc.make_double_value(value)
    return proc.make_string_value(str(value))


def _xdm_documents(proc, trees):
    """A sequence of document nodes (a ``document-node()*`` parameter) from parsed trees.

    Each gets its file URI as base URI, so ``base-uri()`` and relative pointers into it work
    in the stylesheet; like the source, each was parsed by the safe parser, not by Saxon.
    """
    from saxonche import PyXdmValue

    sequence = PyXdmValue(proc)
    for tree in trees:
        builder = proc.new_document_builder()
        if tree.docinfo.URL:
            builder.set_base_uri(tree.docinfo.URL)
        sequence.add_xdm_item(builder.parse_xml(xml_text=serialize_for_saxon(tree).decode("utf-8")))
    return sequence


def _messages(value) -> list[str]:
    if value is None:
        return []
    return [str(item).strip() for item in value]


class _NativeText:
    text = ""


@contextlib.contextmanager
def _capture_native_stderr() -> Iterator[_NativeText]:
    """Collect what the native Saxon library writes to fd 2 while the block runs.

    The text is available as ``.text`` once the block has exited. Saxon writes there only
    for errors (xsl:message output is saved separately), so nothing the user needs is
    swallowed; lines that are not Saxon's are written back to stderr.
    """
    captured = _NativeText()
    try:
        saved = os.dup(2)
    except OSError:  # no fd 2 (embedded use): capture nothing
        yield captured
        return
    with tempfile.TemporaryFile(mode="w+b") as sink:
        os.dup2(sink.fileno(), 2)
        try:
            yield captured
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            sink.seek(0)
            captured.text = sink.read().decode("utf-8", "replace")
            _reemit_foreign(captured.text)


_SAXON_LINE = re.compile(r"^(Error|Warning|  |\s*at |\s*In |\s*invoked|\s*XTMM|\S+\s+Processing terminated)")


def _reemit_foreign(text: str) -> None:
    """Lines that are not Saxon diagnostics (e.g. another thread's output) go back to stderr."""
    foreign = [ln for ln in text.splitlines() if ln.strip() and not _SAXON_LINE.match(ln)
               and not ln.startswith(("Error", "Warning"))]
    if foreign:
        with contextlib.suppress(OSError):
            os.write(2, ("\n".join(foreign) + "\n").encode())


_WHERE = re.compile(r"line (\d+)(?: column (\d+))? of ([^\s:]+(?::[^\s:]+)?)")


def _where(native_text: str, message: str) -> tuple[str, int | None, int | None, str]:
    """Pick the stylesheet location and error code out of Saxon's native diagnostics."""
    text = native_text + "\n" + message
    file, line, column = "", None, None
    match = _WHERE.search(text)
    if match:
        line = int(match.group(1))
        column = int(match.group(2)) if match.group(2) else None
        file = match.group(3).rstrip(":")
        if file.startswith("file:"):
            file = file[5:].lstrip("/")
            file = "/" + file
    code = re.search(r"\b([A-Z]{4}\d{4})\b", text) or re.search(r"^  (\S+)  ", native_text, re.M)
    return file, line, column, code.group(1) if code else "xslt"


def _transform_error(message: str, native: str, origin: str, source: str) -> TransformError:
    file, line, column, code = _where(native, message)
    detail = " ".join(message.split())
    where = f" (stylesheet {file or origin}" + (f", line {line}" if line else "") + ")"
    return TransformError(f"XSLT dynamic error {code}: {detail}{where}", source or origin,
                          None, None, rule=code)


def _compile_error(message: str, native: str, origin: str) -> TransformError:
    file, line, column, code = _where(native, message)
    detail = " ".join(message.split())
    return TransformError(f"stylesheet does not compile: {detail}", file or origin, line, column,
                          rule=code)
