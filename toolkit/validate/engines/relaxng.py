"""RELAX NG validation (XML syntax, and compact syntax through rnc2rng) with libxml2,
bounded in time.

Why a child process
-------------------
libxml2 compiles most schemas in milliseconds, TEI-All in about 20 s, and some never:
``dracor_1.6.0.rng`` ran for 700 s without finishing. A compile cannot be interrupted from
Python (it is one C call), and a compiled ``lxml.etree.RelaxNG`` cannot be pickled or sent
anywhere. So every schema is first compiled in a *child process* (``python -m
toolkit.validate.engines.relaxng``) under a deadline (``--schema-timeout``, default 60 s):

* the child does not answer in time: it is killed and the schema is reported unusable for
  this run, once per document, with a message that says what to do;
* the child answered quickly (under :data:`INPROCESS_BELOW` seconds): the schema is
  compiled once more in this process (a known-cheap second compile) and the child ends;
  documents are then validated in-process on the tree already parsed;
* the child answered slowly (TEI-All): the child stays alive as a *validation server* for
  this schema and documents are validated there (it re-parses the file with the same safe
  parser: ~1x parse time, far cheaper than a second 20 s compile).

Either way a schema is compiled once per process (cached by resolved path, mtime and
size), so a run over many files pays the compile once per worker. Schema includes and
``externalRef`` s are served through the run's OASIS catalogs; remote addresses that no
catalog maps are never fetched.
"""

from __future__ import annotations

import atexit
import json
import os
import selectors
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from toolkit.core.errors import ToolkitError
from toolkit.core.findings import Finding

DEFAULT_TIMEOUT = 60.0
#: A schema the child compiled faster than this is compiled again in-process.
INPROCESS_BELOW = 0.5
#: How long one document may take to validate in the server before it is given up.
VALIDATE_TIMEOUT = 600.0


class SchemaUnusable(ToolkitError):
    """The schema cannot be used in this run (does not load, or does not compile in time)."""


# ----------------------------------------------------------------------------- compile

def _compile(path: Path, catalog_files: list[str], schema_dir: str | None) -> etree.RelaxNG:
    """Compile ``path`` (.rng or .rnc) in this process. Raises SchemaUnusable."""
    from toolkit.validate.catalog import CatalogSet, parse_schema, schema_parser

    catalogs = CatalogSet([Path(f) for f in catalog_files],
                          Path(schema_dir) if schema_dir else None, use_env=False)
    parser, _ = schema_parser(catalogs)
    with tempfile.TemporaryDirectory(prefix="tei-edition-rng-") as tmp:
        try:
            if path.suffix.lower() == ".rnc":
                import rnc2rng

                try:
                    text = rnc2rng.dumps(rnc2rng.load(str(path)))
                except Exception as exc:  # rnc2rng raises plain exceptions with a message
                    raise SchemaUnusable(f"RELAX NG compact schema does not convert: {exc}",
                                         str(path), rule="schema-invalid") from None
                doc = etree.fromstring(text.encode("utf-8"), parser,
                                       base_url=path.resolve().as_uri()).getroottree()
            else:
                doc = parse_schema(path, parser)
            _localise(doc, catalogs, parser, Path(tmp), {})
        except etree.XMLSyntaxError as exc:
            raise SchemaUnusable(f"RELAX NG schema is not well-formed XML: {exc.msg}",
                                 exc.filename or str(path), exc.lineno,
                                 rule="schema-invalid") from None
        except OSError as exc:
            raise SchemaUnusable(f"cannot read RELAX NG schema: {exc}", str(path),
                                 rule="schema-unavailable") from None
        try:
            return etree.RelaxNG(doc)
        except etree.RelaxNGParseError as exc:
            entries = [e for e in exc.error_log if e.level_name in ("ERROR", "FATAL")] or list(exc.error_log)
            first = entries[0] if entries else None
            message = first.message if first is not None else str(exc)
            raise SchemaUnusable(f"RELAX NG schema does not compile: {message.strip()}",
                                 (first.filename if first is not None and first.filename
                                  else str(path)),
                                 first.line if first is not None and first.line else None,
                                 rule="schema-invalid") from None


_RNG = "http://relaxng.org/ns/structure/1.0"
_XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"


def _localise(doc: etree._ElementTree, catalogs, parser, tmp: Path, done: dict[str, str]) -> bool:
    """Point every ``include``/``externalRef`` of ``doc`` at a local file, recursively.

    libxml2 loads RELAX NG includes itself, past lxml's resolvers; so remote hrefs are
    mapped through the catalogs here, and an included file that itself needs rewriting is
    replaced by a rewritten copy in ``tmp`` (its ``xml:base`` keeps relative hrefs
    working). An href no catalog maps is an error now, never a download. Returns whether
    ``doc`` was changed.
    """
    from urllib.parse import urljoin

    from toolkit.validate.catalog import is_remote, parse_schema, uri_to_path

    changed = False
    for el in doc.iter(f"{{{_RNG}}}include", f"{{{_RNG}}}externalRef"):
        href = (el.get("href") or "").strip()
        if not href:
            continue
        absolute = urljoin(el.base or "", href)
        if is_remote(absolute):
            found = catalogs.resolve(absolute)
            if found.path is None:
                raise SchemaUnusable(
                    f"RELAX NG schema includes {absolute}, which no catalog maps to a local "
                    "file (tei-edition never downloads schemas; map it with --catalog FILE)",
                    str(uri_to_path(doc.docinfo.URL) or doc.docinfo.URL), el.sourceline,
                    rule="schema-unavailable")
            local = found.path.resolve()
        else:
            local = uri_to_path(absolute)
            if local is None or not local.is_file():
                continue  # let libxml2 report it with its own words
            local = local.resolve()
        key = str(local)
        if key not in done:
            done[key] = local.as_uri()
            sub = parse_schema(local, parser)
            if _localise(sub, catalogs, parser, tmp, done):
                copy_path = tmp / f"{len(list(tmp.iterdir()))}-{local.name}"
                sub.getroot().set(_XML_BASE, local.as_uri())
                sub.write(str(copy_path))
                done[key] = copy_path.as_uri()
        if done[key] != absolute:
            el.set("href", done[key])
            changed = True
    return changed


def _errors(schema: etree.RelaxNG) -> list[list]:
    out = []
    for e in schema.error_log:
        if e.level_name in ("ERROR", "FATAL"):
            out.append([e.line or None, e.column or None, e.message.strip(), e.path])
    return out


# ----------------------------------------------------------------------------- the child

def _serve(spec: dict) -> int:
    """Child process: compile, say so, then validate files named on stdin (JSON lines)."""
    from toolkit.core.errors import ToolkitError as _Err
    from toolkit.core.parse import parse_bytes, parse_file

    out = sys.stdout
    start = time.perf_counter()
    try:
        schema = _compile(Path(spec["path"]), spec.get("catalogs", []), spec.get("schema_dir"))
    except SchemaUnusable as exc:
        out.write(json.dumps({"ok": False, "message": exc.message, "file": exc.file,
                              "line": exc.line, "rule": exc.rule}) + "\n")
        out.flush()
        return 0
    out.write(json.dumps({"ok": True, "seconds": time.perf_counter() - start}) + "\n")
    out.flush()
    for line in sys.stdin:
        request = json.loads(line)
        try:
            if "file" in request:
                tree = parse_file(request["file"])
            else:
                tree = parse_bytes(request["xml"].encode("utf-8"), request.get("name", "document"))
        except _Err as exc:
            reply = {"parse_error": [exc.message, exc.line, exc.column]}
        else:
            schema.validate(tree)
            reply = {"errors": _errors(schema)}
        out.write(json.dumps(reply) + "\n")
        out.flush()
    return 0


class _Server:
    """The parent's handle on a child process that compiled one schema."""

    def __init__(self, path: Path, catalog_files: list[str], schema_dir: str | None) -> None:
        spec = json.dumps({"path": str(path), "catalogs": catalog_files, "schema_dir": schema_dir})
        env = dict(os.environ)
        package_root = str(Path(__file__).resolve().parents[3])
        env["PYTHONPATH"] = package_root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
        self.proc = subprocess.Popen([sys.executable, "-m", "toolkit.validate.engines.relaxng", spec],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, env=env)
        self._buffer = b""
        _children.append(self)

    def read(self, timeout: float) -> dict | None:
        """The next JSON line from the child, or None if none came within ``timeout``."""
        deadline = time.monotonic() + timeout
        fd = self.proc.stdout.fileno()
        with selectors.DefaultSelector() as selector:
            selector.register(fd, selectors.EVENT_READ)
            while b"\n" not in self._buffer:
                left = deadline - time.monotonic()
                if left <= 0 or not selector.select(left):
                    return None
                chunk = os.read(fd, 1 << 16)
                if not chunk:  # the child died
                    return {"ok": False, "message": "the compiling process ended unexpectedly "
                            f"(exit status {self.proc.wait()})", "rule": "schema-invalid"}
                self._buffer += chunk
        line, _, self._buffer = self._buffer.partition(b"\n")
        return json.loads(line)

    def ask(self, request: dict, timeout: float) -> dict | None:
        try:
            self.proc.stdin.write((json.dumps(request) + "\n").encode("utf-8"))
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError):
            return None
        return self.read(timeout)

    def close(self) -> None:
        if self.proc.poll() is None:
            try:
                self.proc.stdin.close()
            except OSError:
                pass
            try:
                self.proc.wait(timeout=2)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self in _children:
            _children.remove(self)

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        if self in _children:
            _children.remove(self)


_children: list[_Server] = []


@atexit.register
def _close_children() -> None:
    for child in list(_children):
        child.kill()


# ----------------------------------------------------------------------------- the schema

@dataclass
class RelaxNGSchema:
    """A compiled RELAX NG schema, in this process or in a validation server."""

    path: Path
    compile_seconds: float
    _schema: etree.RelaxNG | None = None
    _server: _Server | None = None
    _key: tuple = ()

    @property
    def where(self) -> str:
        return "in-process" if self._schema is not None else "server"

    def validate(self, tree: etree._ElementTree, name: str, source: Path | None = None) -> list[Finding]:
        """Findings for ``tree`` (the parsed file ``source``, reported as ``name``)."""
        if self._schema is None and self._server is None:
            return [Finding(name, None, None, "error",
                            f"RELAX NG schema {self.path.name} was given up earlier in this run "
                            "(validation did not finish in time)", "schema-timeout",
                            source="relaxng")]
        if self._schema is not None:
            self._schema.validate(tree)
            errors = _errors(self._schema)
        else:
            if source is not None:
                request = {"file": str(Path(source).resolve())}
            else:  # a tree that is not (or no longer) a file: send its text
                request = {"xml": etree.tostring(tree, encoding="unicode"), "name": name}
            reply = self._server.ask(request, VALIDATE_TIMEOUT)
            if reply is None:
                self._server.kill()
                self._server = None
                self._schema = None
                _cache[self._key] = SchemaUnusable(
                    f"RELAX NG validation against {self.path.name} did not finish within "
                    f"{VALIDATE_TIMEOUT:.0f} s", str(self.path), rule="schema-timeout")
                return [Finding(name, None, None, "error",
                                f"RELAX NG validation against {self.path.name} did not finish "
                                f"within {VALIDATE_TIMEOUT:.0f} s; the schema is skipped for the "
                                "rest of this run", "schema-timeout", source="relaxng")]
            if "parse_error" in reply:
                message, line, column = reply["parse_error"]
                return [Finding(name, line, column, "error", message, "not-well-formed",
                                source="relaxng")]
            errors = reply["errors"]
        return [_finding(tree, name, self.path, *error) for error in errors]


def _finding(tree, name: str, schema_path: Path, line, column, message, path) -> Finding:
    from toolkit.validate.engines.checks import xpath_of

    xpath = None
    if path:
        try:
            found = tree.xpath(path)
        except etree.XPathError:
            found = []
        if found and isinstance(found[0], etree._Element):
            xpath = xpath_of(found[0])
            line = line or found[0].sourceline
    return Finding(name, line, column or None, "error", message, "relaxng", xpath, "relaxng")


_cache: dict[tuple, RelaxNGSchema | SchemaUnusable] = {}


def _key(path: Path) -> tuple:
    resolved = Path(path).resolve()
    try:
        stat = resolved.stat()
        return (str(resolved), stat.st_mtime_ns, stat.st_size)
    except OSError:
        return (str(resolved), None, None)


def load(path: Path | str, timeout: float = DEFAULT_TIMEOUT, catalogs=None) -> RelaxNGSchema:
    """Compile ``path`` once per process, within ``timeout`` seconds (see module docstring).

    Raises :class:`SchemaUnusable` (cached too: a schema that timed out is not retried in
    the same process).
    """
    path = Path(path)
    key = _key(path) + ((tuple(str(f) for f in catalogs.files), str(catalogs.schema_dir))
                        if catalogs is not None else ())
    cached = _cache.get(key)
    if isinstance(cached, SchemaUnusable):
        raise cached
    if cached is not None:
        return cached
    if not path.is_file():
        error = SchemaUnusable("RELAX NG schema not found", str(path), rule="schema-unavailable")
        _cache[key] = error
        raise error
    catalog_files = [str(Path(f).resolve()) for f in catalogs.files] if catalogs is not None else []
    schema_dir = (str(catalogs.schema_dir.resolve()) if catalogs is not None and catalogs.schema_dir
                  else None)
    server = _Server(path, catalog_files, schema_dir)
    started = time.perf_counter()
    reply = server.read(timeout)
    if reply is None:
        server.kill()
        error = SchemaUnusable(
            f"RELAX NG schema {path.name} did not compile within {timeout:g} s with libxml2 "
            "(lxml) and was skipped for this run. Known case: libxml2 never finishes some large "
            "generated schemas (dracor_1.6.0.rng). Give it more time with --schema-timeout "
            "SECONDS, or validate with its Schematron part only (--rules on the .sch, or "
            "declare the .rng with the Schematron schematypens only)",
            str(path), rule="schema-timeout")
        _cache[key] = error
        raise error
    if not reply.get("ok"):
        server.close()
        error = SchemaUnusable(reply.get("message", "RELAX NG schema does not compile"),
                               reply.get("file") or str(path), reply.get("line"),
                               rule=reply.get("rule", "schema-invalid"))
        _cache[key] = error
        raise error
    seconds = float(reply.get("seconds", time.perf_counter() - started))
    if seconds < INPROCESS_BELOW:
        server.close()
        schema = RelaxNGSchema(path, seconds, _schema=_compile(path, catalog_files, schema_dir),
                               _key=key)
    else:
        schema = RelaxNGSchema(path, seconds, _server=server, _key=key)
    _cache[key] = schema
    return schema


def clear_cache() -> None:
    """Forget compiled schemas and end their servers (tests, long-lived processes)."""
    for value in _cache.values():
        if isinstance(value, RelaxNGSchema) and value._server is not None:
            value._server.close()
    _cache.clear()


if __name__ == "__main__":
    sys.exit(_serve(json.loads(sys.argv[1])))
